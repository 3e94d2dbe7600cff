"""The merge with worker processes reading and checking ahead (exchange/batch_pool.py) does
exactly what the merge in one process does: the same outcome, message, problems and warnings
for every file, the same court database to the last byte of its dump — good, replacing,
duplicate, damaged, spoilt and edited files together, with every start method — and it still
stops between files when cancelled, skips a re-merge without reading the data sheets, and
finishes in process when a worker dies."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from liaison_app.core import court as court_module
from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.exchange import batch_pool
from liaison_app.exchange.batch_pool import CheckAhead
from liaison_app.storage.court import CourtRepository, open_court_database

from tests.court.conftest import START, Ticking, copy_batch, dump


def spoil(path: Path, sheet: str, row: int, header: str, value: object) -> Path:
    workbook = openpyxl.load_workbook(path)
    column = [c.value for c in workbook[sheet][1]].index(header) + 1
    workbook[sheet].cell(row=row, column=column).value = value
    workbook.save(path)
    return path


@pytest.fixture
def mixed(point_core, batches, tmp_path) -> Path:
    """Every kind of file a merge meets, in one folder: eight good batches (sheets of
    different sizes), a v2 that replaces a v1, a copy of a batch under another name (merged
    earlier in the same run), an empty file, a CSV renamed .xlsx, a cut-off download, and
    batches with a formula, a date outside the month, a number in a text column and an edited
    cell (checksum)."""
    folder = tmp_path / "mixed"
    shutil.copytree(batches, folder)
    (folder / "LW-WTS_2026-11_v1.xlsx").unlink()  # spoilt below: its copies must not be duplicates
    ExportService(point_core).export_batches("2026-11", folder, point_code="JF-LT")  # JF-LT_2026-11_v2
    shutil.copy(batches / "ZN-NA_2026-10_v1.xlsx", folder / "zz_copy_of_ZN-NA_2026-10.xlsx")
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "renamed.xlsx").write_text("编号,姓名\n1,王秀英\n", encoding="gbk")
    data = (batches / "LW-WTS_2026-10_v1.xlsx").read_bytes()
    (folder / "cut_off.xlsx").write_bytes(data[: len(data) // 2])
    bad = tmp_path / "bad"
    for name, (sheet, row, header, value) in {
        "formula.xlsx": ("法律咨询", 4, "咨询事项", "=1+1"),
        "outside.xlsx": ("法律咨询", 3, "接待时间", datetime(2026, 8, 31, 16, 30)),
        "number.xlsx": ("法律咨询", 5, "联系电话", 13995110001),
        "edited.xlsx": ("法律咨询", 2, "答复情况", "补充：已电话回访"),
    }.items():
        source = copy_batch(batches, "LW-WTS_2026-11_v1.xlsx", bad)
        spoil(source, sheet, row, header, value).rename(folder / name)
    return folder


def merge(folder: Path, court_path: Path, **options: object):  # type: ignore[no-untyped-def]
    """Merge ``folder`` into a new court database with a clock that starts at the same moment
    every time; returns (comparable result of every file, report)."""
    with CourtService(court_path, now=Ticking(START)) as court:
        report = court.merge([folder], **options)
    files = [(r.path.name, r.outcome, r.message, [p.text() for p in r.problems], r.warnings, r.row_counts,
              r.point_code, r.period, r.seq, r.batch_id, r.replaced_seq, r.accepted_edited) for r in report.files]
    return files, report


def test_workers_give_the_same_outcomes_and_database_as_one_process(mixed, tmp_path):
    alone, _ = merge(mixed, tmp_path / "alone.db", workers=0)
    pooled, report = merge(mixed, tmp_path / "pooled.db", workers=2)
    assert pooled == alone
    assert dump(tmp_path / "pooled.db") == dump(tmp_path / "alone.db")
    outcomes = {name: outcome for name, outcome, *_ in pooled}
    assert outcomes["JF-LT_2026-11_v2.xlsx"] is MergeOutcome.REPLACED
    assert outcomes["zz_copy_of_ZN-NA_2026-10.xlsx"] is MergeOutcome.DUPLICATE
    assert [outcomes[n] for n in ("empty.xlsx", "renamed.xlsx", "cut_off.xlsx", "formula.xlsx", "outside.xlsx",
                                  "number.xlsx", "edited.xlsx")] == [MergeOutcome.REJECTED] * 7
    problems = {name: " ".join(texts) for name, _, _, texts, *_ in pooled}
    assert "「formula.xlsx」工作表“法律咨询”第4行“咨询事项”：单元格 Q4 含有公式" in problems["formula.xlsx"]
    assert "「number.xlsx」工作表“法律咨询”第5行“联系电话”：应为文本，却是数字 13995110001" in problems["number.xlsx"]
    assert "不在统计月份 2026-11 内" in problems["outside.xlsx"] and "数据校验不符" in problems["edited.xlsx"]
    assert report.rows == sum(sum(counts.values()) for _, outcome, _, _, _, counts, *_ in pooled
                              if outcome in (MergeOutcome.MERGED, MergeOutcome.REPLACED))


def test_accepting_edited_files_and_a_dry_run_agree_too(mixed, tmp_path):
    alone, _ = merge(mixed, tmp_path / "alone.db", workers=0, accept_edited=True)
    pooled, _ = merge(mixed, tmp_path / "pooled.db", workers=2, accept_edited=True)
    assert pooled == alone
    assert dict((n, o) for n, o, *_ in pooled)["edited.xlsx"] is MergeOutcome.MERGED
    assert dump(tmp_path / "pooled.db") == dump(tmp_path / "alone.db")
    dry_alone, _ = merge(mixed, tmp_path / "dry_alone.db", workers=0, dry_run=True)
    dry_pooled, _ = merge(mixed, tmp_path / "dry_pooled.db", workers=2, dry_run=True)
    assert dry_pooled == dry_alone
    assert not (tmp_path / "dry_pooled.db").exists()


@pytest.mark.parametrize("method", [m for m in ("spawn", "forkserver", "fork")
                                    if m in multiprocessing.get_all_start_methods()])
def test_every_start_method_gives_the_same_database(method, batches, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_pool, "default_start_method", lambda: method)
    alone, _ = merge(batches, tmp_path / "alone.db", workers=0)
    pooled, _ = merge(batches, tmp_path / "pooled.db", workers=2)
    assert pooled == alone and dump(tmp_path / "pooled.db") == dump(tmp_path / "alone.db")


def test_a_large_merge_uses_workers_unless_told_not_to(batches, tmp_path, monkeypatch):
    made: list[int] = []
    original = CheckAhead.__init__

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(kwargs["workers"])
        original(self, *args, **kwargs)

    monkeypatch.setattr(CheckAhead, "__init__", spy)
    monkeypatch.setattr(batch_pool, "default_workers", lambda: 2)
    size = sum(p.stat().st_size for p in batches.glob("*.xlsx"))
    merge(batches, tmp_path / "a.db")  # nine small files: below POOL_MIN_BYTES, in process
    monkeypatch.setattr(court_module, "POOL_MIN_BYTES", size)
    merge(batches, tmp_path / "b.db")  # as many bytes as asked for: workers
    merge(batches, tmp_path / "c.db", workers=0)
    merge(batches / "ZN-NA_2026-11_v1.xlsx", tmp_path / "d.db")  # one file: in process
    monkeypatch.setattr(court_module, "POOL_MIN_BYTES", 0)
    merge(batches / "ZN-NA_2026-11_v1.xlsx", tmp_path / "e.db", workers=2)  # one file: no pool to start
    assert made == [2]


def test_cancel_stops_between_files_and_stops_the_workers(batches, tmp_path, monkeypatch):
    pools: list[CheckAhead] = []
    original = CheckAhead.__init__

    def remember(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        pools.append(self)

    monkeypatch.setattr(CheckAhead, "__init__", remember)
    processes: list[multiprocessing.process.BaseProcess] = []
    stop = [False]

    def progress(done: int, total: int) -> None:
        if done == 2:  # the second file came from a worker: they have started
            processes.extend(pools[0]._pool._processes.values())  # type: ignore[union-attr]
            stop[0] = True

    court_path = tmp_path / "court.db"
    with CourtService(court_path, now=Ticking(START)) as court:
        report = court.merge([batches], workers=2, progress=progress, cancelled=lambda: stop[0])
    assert report.cancelled and not report.ok
    assert [r.outcome for r in report.files] == [MergeOutcome.MERGED] * 2 + [MergeOutcome.CANCELLED] * 7
    conn = sqlite3.connect(court_path)
    try:
        held = conn.execute("SELECT DISTINCT batch_id FROM court_consultation").fetchall()
        logged = conn.execute("SELECT batch_id FROM court_batch").fetchall()
    finally:
        conn.close()
    assert sorted(held) == sorted(logged) == sorted((r.batch_id,) for r in report.files[:2])
    assert pools[0].broken and processes and not any(p.is_alive() for p in processes)


def test_a_re_merge_reads_only_the_manifests(batches, tmp_path, monkeypatch):
    court_path = tmp_path / "court.db"
    merge(batches, court_path, workers=0)
    before = dump(court_path)
    answers: list[batch_pool.Answer | None] = []
    original = CheckAhead.answer

    def spy(self, index):  # type: ignore[no-untyped-def]
        answers.append(original(self, index))
        return answers[-1]

    monkeypatch.setattr(CheckAhead, "answer", spy)
    with CourtService(court_path, now=Ticking(START)) as court:
        report = court.merge([batches], workers=2)
    assert [r.outcome for r in report.files] == [MergeOutcome.DUPLICATE] * 9
    # The first file is looked at in this process while the workers start; they answer the others.
    assert len(answers) == 8 and all(a is not None and a[0] and a[1:] == (None, ()) for a in answers)
    assert dump(court_path) == before


_read_and_check = batch_pool.read_and_check


def _die_on_one_file(path_text: str) -> batch_pool.Answer:
    if path_text.endswith("LW-WTS_2026-09_v1.xlsx"):
        os._exit(3)  # a worker killed (out of memory, …) in the middle of a file
    return _read_and_check(path_text)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to patch the worker")
def test_a_dead_worker_leaves_the_rest_to_this_process(mixed, tmp_path, monkeypatch):
    alone, _ = merge(mixed, tmp_path / "alone.db", workers=0)
    monkeypatch.setattr(batch_pool, "default_start_method", lambda: "fork")
    monkeypatch.setattr(batch_pool, "read_and_check", _die_on_one_file)
    pooled, _ = merge(mixed, tmp_path / "pooled.db", workers=2)
    assert pooled == alone and dump(tmp_path / "pooled.db") == dump(tmp_path / "alone.db")


def test_no_process_pool_on_this_system_means_in_process(batches, tmp_path, monkeypatch):
    def unavailable(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(38, "Function not implemented")  # e.g. no POSIX semaphores

    alone, _ = merge(batches, tmp_path / "alone.db", workers=0)
    monkeypatch.setattr(batch_pool, "ProcessPoolExecutor", unavailable)
    pooled, report = merge(batches, tmp_path / "pooled.db", workers=2)
    assert report.ok and pooled == alone and dump(tmp_path / "pooled.db") == dump(tmp_path / "alone.db")


def test_each_staged_image_is_read_as_itself(batches, tmp_path):
    """Images of different sizes loaded one after another into the same connection (the
    statement cache must not read a new image through the last one's root pages)."""
    db = open_court_database(tmp_path / "court.db")
    repo = CourtRepository(db)
    try:
        for path in sorted(batches.glob("*.xlsx")):
            _, checked, problems = batch_pool.read_and_check(str(path))
            assert checked is not None and checked.staged is not None and not problems
            repo.load_staged(checked.staged)
            alone = sqlite3.connect(":memory:")
            alone.deserialize(checked.staged)
            for table in ("court_consultation", "court_session", "court_visit", "court_shift"):
                query = "SELECT * FROM {} ORDER BY rowid"
                assert db.execute(query.format(f"staged.{table}")).fetchall() == \
                    alone.execute(query.format(table)).fetchall()
            alone.close()
        repo.drop_staged()
        assert [row[1] for row in db.execute("PRAGMA database_list")] == ["main"]
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="zip member names differ on Windows only in this helper")
def test_the_pooled_answer_for_a_damaged_zip_names_the_file(batches, tmp_path):
    data = (batches / "ZN-NA_2026-11_v1.xlsx").read_bytes()
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", data[:100])
    batch_id, checked, problems = batch_pool.read_and_check(str(broken))
    assert batch_id is None and checked is None and problems and problems[0].file == "broken.xlsx"


KILLED_CHILD = """
import sys, time
from pathlib import Path
from liaison_app.core.court import CourtService
from liaison_app.exchange.batch_pool import CheckAhead

pools = []
original = CheckAhead.__init__
def remember(self, *args, **kwargs):
    original(self, *args, **kwargs)
    pools.append(self)
CheckAhead.__init__ = remember

def progress(done, total):
    if done == 2:  # the second file came from a worker: they have started
        print(*pools[0]._pool._processes, flush=True)
        time.sleep(60)

if __name__ == "__main__":
    with CourtService(Path(sys.argv[1])) as court:
        court.merge([Path(sys.argv[2])], workers=2, progress=progress)
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1].startswith("Z")  # a zombie has ended
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; SIGKILL")
def test_killing_the_app_ends_its_workers(batches, tmp_path):
    import signal
    import subprocess
    import time

    script = tmp_path / "killed_child.py"
    script.write_text(KILLED_CHILD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, str(script), str(tmp_path / "court.db"), str(batches)], cwd=root,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(root)})
    assert child.stdout is not None
    workers = [int(pid) for pid in child.stdout.readline().split()]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert workers, child.stderr.read() if child.stderr else ""
    deadline = time.monotonic() + 30  # a bound for a slow machine, not a speed requirement
    while not all(map(_gone, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(map(_gone, workers))
