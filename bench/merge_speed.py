"""Measure the court merge: N batch workbooks × M consultation rows, merged into a fresh court
database (reading with python-calamine, checking every cell, one transaction per file), against
the baseline measured in the same run: python-calamine reading each file + one ``executemany``
per file into the same court table.

    python -m bench.merge_speed [--quick] [--batches 50] [--rows 1000] [--repeat 1]
                                [--workers N] [--in-process] [--reuse DIR] [--keep DIR]

Prints the time to write the batches (not part of the merge), then per repeat: the merge
(rows/s; worker processes as the app chooses, or ``--workers N``), with ``--in-process`` the
same merge read in this process (``workers=0``), the baseline and the ratio, and the load
average (the machine may be shared: compare figures of the same run only); then a dry run and
a re-merge (all duplicates). ``--quick``: 20 batches. ``--reuse DIR`` merges the ``*.xlsx``
already in DIR (e.g. kept with ``--keep``) instead of writing new ones.

``bench/run.py`` calls :func:`merge_figures`. Imports are made inside the functions: the merge's
worker processes import the main module again when they start (CPython's ``forkserver`` and
``spawn``), which must stay cheap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.figures import Figure


def make_batches(folder: Path, batches: int, rows: int, seed: int = 1) -> int:
    """Write ``batches`` monthly batch workbooks of ``rows`` consultations each (17 points × 12
    months of 2025) into ``folder``; returns the rows written."""
    import random
    import uuid
    from datetime import datetime, timedelta

    from liaison_app.core.exports import batch_file_name
    from liaison_app.domain.clock import CHINA_TZ
    from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome
    from liaison_app.domain.pseudonym import visitor_key
    from liaison_app.domain.records import Category, Consultation
    from liaison_app.exchange.batch_writer import BatchHeader, BatchRecords, write_batch
    from liaison_app.storage.migrations import read_category_seed

    rng = random.Random(seed)
    categories = {r["code"]: Category(r["code"], r["level"], r["parent_code"], r["name_zh"], r["name_en"],
                                      r["source_part"], r["dict_version"]) for r in read_category_seed()}
    codes = [c for c, cat in categories.items() if cat.level == 2 and not c.startswith("TAG")]
    outcomes = list(Outcome)
    total = 0
    for index in range(batches):
        code = f"P{index // 12:02d}"
        month = index % 12 + 1
        period = f"2025-{month:02d}"
        start = datetime(2025, month, 1, 8, 30, tzinfo=CHINA_TZ)
        records = []
        for n in range(rows):
            received = start + timedelta(minutes=rng.randrange(27 * 24 * 60))
            outcome = rng.choice(outcomes)
            records.append(Consultation(
                point_id="p", received_at=received, visitor_name="王秀英", category_code=rng.choice(codes),
                question="邻居盖房占了我家宅基地，多次协商不成，想问怎么办？" * 2,
                advice="先请村调委会调解，调解不成可以向人民法院起诉，并准备好宅基地使用证等证据。" * 2,
                outcome=outcome, mode=Mode.ONSITE, receiver_name="马建国", gender=Gender.FEMALE,
                age_band=AgeBand.MIDDLE, phone=f"139{rng.randrange(10**8):08d}", id_status=IdStatus.NOT_ASKED,
                village="殷庄村", referral_target="宁安镇人民调解委员会" if outcome is Outcome.MEDIATION else "",
                followup_due=received.date() + timedelta(days=7) if outcome is not Outcome.ANSWERED else None,
                followup_done=None, created_at=received, updated_at=received, category_dict_version="ccr2020-lp-v1",
                paper_form_no=f"{code}-{index}-{n}",
            ))
        header = BatchHeader(str(uuid.uuid4()), code, f"{code}联系点", "某某人民法院", period, 1,
                             datetime(2025, 12, 31, 10, 0, tzinfo=CHINA_TZ), "bench", key_fingerprint="abcd1234")
        write_batch(folder / batch_file_name(code, period, 1), header,
                    BatchRecords(consultations=records,
                                 visitor_key=lambda r: visitor_key("bench-key-2025", "", r.phone)),
                    categories)
        total += rows
    return total


def calamine_executemany_baseline(batches: Path, court_db: Path, *, plain: bool = False) -> tuple[int, float]:
    """The least a merge can do: python-calamine reads every sheet of each file, one
    ``executemany`` puts the consultation rows into the same court table (no checks, no
    checksum), one transaction per file. Returns (rows, seconds).

    ``plain``: into a table without keys or indexes in a database without WAL or fsync on each
    commit (the figure quoted in the issue, "35–40k rows/s"): the reader's own speed.
    """
    import io
    import sqlite3

    from python_calamine import CalamineWorkbook

    from liaison_app.exchange import batch_format as fmt
    from liaison_app.storage.court import open_court_database

    spec = fmt.SPEC_BY_NAME[fmt.SHEET_CONSULTATIONS]
    keys = [c.key for c in spec.columns]
    names = ["point_code", "period", "batch_id", *[k for k in keys if k != "state"], "deleted"]
    sql = f"INSERT INTO court_consultation ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    if plain:
        conn = sqlite3.connect(court_db, isolation_level=None)
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"CREATE TABLE court_consultation ({', '.join(names)})")
        conn.execute("CREATE TABLE court_point (code, name, court, first_period, first_seen_at, last_seen_at)")
        conn.execute("CREATE TABLE court_batch (batch_id, point_code, period, seq, point_name, court, file_name, "
                     "file_sha256, data_checksum, exported_at, merged_at, accepted_edited, masked, key_fingerprint, "
                     "app_version, format_version, consultations, sessions, visits, shifts)")
        db = None
    else:
        db = open_court_database(court_db)
        conn = db.conn
    rows = 0
    started = time.perf_counter()
    try:
        for number, path in enumerate(sorted(batches.glob("*.xlsx"))):
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
            sheets = {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                      for name in (fmt.SHEET_MANIFEST, *fmt.DATA_SHEETS)}
            batch_id = f"baseline-{number}"
            values = [[f"P{number}", "2025-01", batch_id,
                       *(v if not hasattr(v, "isoformat") else v.isoformat() for v in row[:len(keys) - 1]), 0]
                      for row in sheets[fmt.SHEET_CONSULTATIONS][1:]]
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO court_point (code, name, court, first_period, first_seen_at, last_seen_at) "
                         "VALUES (?, '', '', '2025-01', '', '')", (f"P{number}",))
            conn.execute("INSERT INTO court_batch (batch_id, point_code, period, seq, point_name, court, file_name, "
                         "file_sha256, data_checksum, exported_at, merged_at, accepted_edited, masked, "
                         "key_fingerprint, app_version, format_version, consultations, sessions, visits, shifts) "
                         "VALUES (?, ?, '2025-01', 1, '', '', '', '', '', '', '', 0, 1, '', '', 2, 0, 0, 0, 0)",
                         (batch_id, f"P{number}"))
            conn.executemany(sql, values)
            conn.execute("COMMIT")
            rows += len(values)
    finally:
        (db if db is not None else conn).close()
    return rows, time.perf_counter() - started


def _merge_rate(batches: Path, court_db: Path, workers: int | None) -> tuple[float, float]:
    """(rows/s of a merge of every batch in ``batches`` into a fresh court database, re-merge
    of the same files in ms)."""
    from liaison_app.core.court import CourtService

    with CourtService(court_db) as court:
        court.db  # created and migrated before the clock starts
        started = time.perf_counter()
        report = court.merge([batches], workers=workers)
        rate = report.rows / (time.perf_counter() - started)
        assert report.ok and report.rows, "\n".join(report.lines())
        started = time.perf_counter()
        again = court.merge([batches], workers=workers)
        assert again.ok and again.rows == 0, "\n".join(again.lines())
        return rate, (time.perf_counter() - started) * 1000


def merge_figures(folder: Path, *, batches: int, rows: int, repeat: int) -> tuple[list[Figure], Path]:
    """The merge figure (rows/s against the calamine + executemany baseline, both measured in
    each repeat), the same merge read in process (no worker processes), the reader's own speed
    into a plain table, and a re-merge of the same files (all duplicates). Returns the figures
    and the folder of batches."""
    import statistics

    from bench.figures import Figure

    batch_folder = folder / "batches"
    batch_folder.mkdir(parents=True)
    make_batches(batch_folder, batches, rows)
    ours, base, plain, again, in_process = [], [], [], [], []
    for attempt in range(repeat):
        rate, again_ms = _merge_rate(batch_folder, folder / f"court{attempt}.db", None)
        ours.append(rate)
        again.append(again_ms)
        merged, seconds = calamine_executemany_baseline(batch_folder, folder / f"base{attempt}.db")
        base.append(merged / seconds)
        if attempt == 0:
            in_process.append(_merge_rate(batch_folder, folder / "inproc.db", 0)[0])
            merged, seconds = calamine_executemany_baseline(batch_folder, folder / "plain.db", plain=True)
            plain.append(merged / seconds)
    rate, base_rate = statistics.median(ours), statistics.median(base)
    return [
        Figure(f"court merge {batches}×{rows:,} rows, all checks (rows/s)", rate, "r/s", base_rate,
               "≥20,000 r/s, ≥0.5× base", rate >= 20_000 and rate >= 0.5 * base_rate),
        Figure("  the same read in process (no worker processes)", statistics.median(in_process), "r/s", None,
               "—", None),
        Figure("  reader + executemany into a plain table", statistics.median(plain), "r/s", None, "—", None),
        Figure(f"court re-merge of the {batches} files (all duplicates)", statistics.median(again), "ms", None,
               "—", None),
    ], batch_folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Court merge speed against the calamine + executemany baseline")
    parser.add_argument("--quick", action="store_true", help="20 batches (unless --batches is given)")
    parser.add_argument("--batches", type=int, help="batch workbooks to write (default 50; 20 with --quick)")
    parser.add_argument("--rows", type=int, default=1000, help="consultations per batch")
    parser.add_argument("--repeat", type=int, default=1, help="merges measured (each with its baseline)")
    parser.add_argument("--workers", type=int, help="worker processes (default: as the app chooses; 0: none)")
    parser.add_argument("--in-process", action="store_true", help="also merge reading in process (workers=0)")
    parser.add_argument("--reuse", type=Path, metavar="DIR", help="merge the batches in DIR, write none")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="copy the batches and databases to DIR")
    args = parser.parse_args()
    from liaison_app.core.court import CourtService

    folder = Path(tempfile.mkdtemp(prefix="merge_bench_"))
    try:
        batches = args.reuse or folder / "batches"
        if args.reuse is None:
            count = args.batches or (20 if args.quick else 50)
            started = time.perf_counter()
            batches.mkdir()
            make_batches(batches, count, args.rows)
            size = sum(p.stat().st_size for p in batches.glob("*.xlsx"))
            print(f"wrote {count} batches × {args.rows} rows ({size / 1e6:.1f} MB) in "
                  f"{time.perf_counter() - started:.1f} s")
        files = len(list(batches.glob("*.xlsx")))
        for attempt in range(args.repeat):
            line = [f"[{attempt + 1}] {files} files:"]
            rate, _ = _merge_rate(batches, folder / f"court{attempt}.db", args.workers)
            line.append(f"merge {rate:,.0f} rows/s")
            if args.in_process:
                line.append(f"in process {_merge_rate(batches, folder / f'inproc{attempt}.db', 0)[0]:,.0f} rows/s")
            merged, seconds = calamine_executemany_baseline(batches, folder / f"base{attempt}.db")
            line.append(f"baseline {merged / seconds:,.0f} rows/s (merge takes {merged / seconds / rate:.2f}× "
                        f"its time)")
            line.append("load average %.2f %.2f %.2f" % os.getloadavg())
            print("  ".join(line), flush=True)
        with CourtService(folder / "dry.db") as court:
            started = time.perf_counter()
            dry = court.merge([batches], dry_run=True, workers=args.workers)
            dry_seconds = time.perf_counter() - started
        with CourtService(folder / "court0.db") as court:
            started = time.perf_counter()
            again = court.merge([batches], workers=args.workers)
            again_seconds = time.perf_counter() - started
        assert dry.ok and again.ok, "\n".join(dry.lines() + again.lines())
        print(f"dry run: {dry_seconds:.2f} s ({dry.rows / dry_seconds:,.0f} rows/s); "
              f"re-merge (all duplicates): {again_seconds:.2f} s")
        if args.keep:
            shutil.copytree(folder, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
