"""Benchmark suite: each figure against a baseline measured in the same run.

    python bench/run.py [--quick] [--json FILE] [--rows N] [--python EXE ...]

Builds its own data with the ``demo`` generator (100,000 consultations over 4 points and 24
months; 5,000 with ``--quick``), runs each measurement several times and prints a table:
figure, median (or p95 where the target is a p95), unit, baseline median, ratio, target, met.
``--python`` adds the start-up figures for another interpreter (a clean venv: see
docs/performance.md); ``--startup-only`` measures only those (5,000 rows, 9 runs each). The
full run takes a few minutes, ``--quick`` under one.

Baselines, all measured in the same run on the same machine:

* start-up — a bare PySide6 ``QMainWindow`` started the same way (a new process, time to its
  ``ready`` line; the app's figures are the times to ``--smoke``'s ``ready`` and ``loaded`` lines);
* list open — the same on a 1,000-row database (the figure must not grow with the table);
* search — the same count and first page by a scan of ``search_text`` (the pre-index way);
* export — plain openpyxl write-only writing the same cells (values only, no styles);
* merge — python-calamine reading each file's sheets + one ``executemany`` per file into the
  same court table, one transaction per file (no checks, no checksum);
* GUI stall — the same job run on the GUI thread (the stall the user would feel).

What dominates each figure: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.figures import Figure  # noqa: E402


def timed(func: Callable[[], object], repeat: int, *, before: Callable[[], object] | None = None) -> list[float]:
    """Wall times in milliseconds of ``repeat`` calls (``before`` runs untimed before each)."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def say(text: str) -> None:
    print(text, flush=True)


# -- data ---------------------------------------------------------------------------------------

def build_database(path: Path, rows: int, *, points: int = 4, months: int = 24, seed: int = 1) -> None:
    """A point database with ``rows`` demo consultations (+ sessions, visits, volunteers)."""
    from liaison_app.core import open_core
    from liaison_app.core.demo import fill_demo

    with open_core(path) as core:
        fill_demo(core, points=points, months=months, consultations=rows, seed=seed)


# -- start-up -----------------------------------------------------------------------------------

BARE_WINDOW = ("import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QMainWindow;"
               "app=QApplication([]); w=QMainWindow(); w.resize(1366,768); w.show(); app.processEvents();"
               "print('ready', int((time.perf_counter()-t)*1000), flush=True)")


def _line_times(cmd: list[str], words: tuple[str, ...], timeout: float = 120) -> dict[str, float]:
    """Milliseconds from starting the process ``cmd`` to the first output line that starts with
    each of ``words`` (``--smoke`` prints ``ready <ms>`` once the window is exposed, then
    ``loaded <ms>``): what the user waits for, interpreter start-up included."""
    start = time.perf_counter()
    seen: dict[str, float] = {}
    tail: list[str] = []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            word = line.split(maxsplit=1)[0] if line.strip() else ""
            if word in words and word not in seen:
                seen[word] = (time.perf_counter() - start) * 1000
            tail = (tail + [line])[-20:]
        proc.wait()
    finally:
        watchdog.cancel()
    if proc.returncode != 0 or set(words) - set(seen):
        raise RuntimeError(f"{cmd[:3]} failed ({proc.returncode}): {''.join(tail)[-2000:]}")
    return seen


def startup_figures(db: Path, repeat: int, pythons: list[str]) -> list[Figure]:
    """Process start to main window shown (``--smoke``'s ``ready``) and to the data loaded
    (``loaded``: database open, start page built) vs a bare QMainWindow's ``ready``, per
    interpreter; app and bare runs alternate, so a busy moment hits both alike."""
    figures = []
    for python in [sys.executable, *pythons]:
        app_cmd = [python, "-m", "liaison_app", "--db", str(db), "--smoke"]
        bare_cmd = [python, "-c", BARE_WINDOW]
        _line_times(app_cmd, ("ready", "loaded")), _line_times(bare_cmd, ("ready",))  # warm-up: byte code, disk cache
        app: list[dict[str, float]] = []
        bare: list[float] = []
        for _ in range(repeat):
            app.append(_line_times(app_cmd, ("ready", "loaded")))
            bare.append(_line_times(bare_cmd, ("ready",))["ready"])
        ready = statistics.median(a["ready"] for a in app)
        loaded = statistics.median(a["loaded"] for a in app)
        baseline = statistics.median(bare)
        where = "" if python == sys.executable else f" ({Path(python).parent.parent.name})"
        figures.append(Figure(f"start-up to main window shown{where}", ready, "ms", baseline,
                              "≤1.5× bare, <1500 ms", ready <= 1.5 * baseline and ready < 1500))
        figures.append(Figure(f"start-up to data loaded, start page{where}", loaded, "ms", baseline, "—", None))
    return figures


def startup_only(rows: int, repeat: int, pythons: list[str]) -> int:
    """``--startup-only``: the start-up figures alone, on a database of ``rows`` consultations."""
    with tempfile.TemporaryDirectory(prefix="liaison_bench_") as name:
        db = Path(name) / "bench.db"
        build_database(db, rows)
        print_table(startup_figures(db, repeat, pythons))
    say(f"\n{sys.version.split()[0]}, {os.cpu_count()} CPUs, {rows:,} rows, {repeat} runs each")
    return 0


# -- the consultation list ------------------------------------------------------------------------

SEARCHES = {"2-char 离婚": "离婚", "3-char 宅基地": "宅基地", "6-char 人民调解委员": "人民调解委员",
            "name 王秀英": "王秀英", "4 phone digits 0001": "0001", "1-char 王 (no target)": "王"}
SORTS = (("接待时间", "received_at"), ("联系点", "point"), ("来访人", "visitor_name"), ("电话", "phone"),
         ("村/社区", "village"), ("纠纷类型", "category"), ("处理方式", "outcome"), ("回访", "followup_due"))
VISIBLE_ROWS = 30  # rows a 1366×768 window shows


def _open_list(service) -> object:  # type: ignore[no-untyped-def]
    """What opening the 法律咨询 page costs: the model, the count label, the visible cells."""
    from liaison_app.gui.models.consultation_table_model import ConsultationTableModel

    model = ConsultationTableModel(service)
    model.total_count()
    for row in range(min(VISIBLE_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()
    return model


def list_figures(db: Path, small_db: Path, repeat: int) -> list[Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from liaison_app.core import open_core
    from liaison_app.domain.records import ConsultationFilter
    from liaison_app.domain.text import normalise_for_search
    from liaison_app.gui.models.consultation_table_model import SORT_KEYS, ConsultationTableModel

    QApplication.instance() or QApplication([])
    figures = []
    with open_core(db) as core, open_core(small_db) as small:
        big_ms = timed(lambda: _open_list(core.consultations), repeat)
        small_ms = timed(lambda: _open_list(small.consultations), repeat)
        rows = core.consultations.count(ConsultationFilter())
        figures.append(Figure(f"list opens, newest rows ({rows:,} rows)", statistics.median(big_ms), "ms",
                              statistics.median(small_ms), "≤200 ms, ≈ 1k-row base", statistics.median(big_ms) <= 200))

        model = ConsultationTableModel(core.consultations)
        column_of = {key: model.column_of(col) for col, key in SORT_KEYS.items() if model.column_of(col) >= 0}
        for label, key in SORTS:
            column = column_of[key]
            times = []
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * repeat:
                start = time.perf_counter()
                model.sort(column, order)
                model.total_count()
                times.append((time.perf_counter() - start) * 1000)
            figures.append(Figure(f"sort by {label} (asc/desc, worst)", max(times), "ms", None, "≤300 ms",
                                  max(times) <= 300))

        repo = core.consultations.repo
        for label, text in SEARCHES.items():
            def search(t: str = text) -> None:
                model.set_filter(ConsultationFilter(text=t))
                model.total_count()

            def forget() -> None:  # each keystroke is a new needle: no remembered match count
                repo._text_matches_memo = None

            ms = timed(search, max(repeat * 4, 20), before=forget)
            needle = normalise_for_search(text)

            def scan(n: str = needle) -> None:
                core.db.execute("SELECT count(*) FROM consultation WHERE deleted = 0 AND instr(search_text, ?) > 0",
                                (n,)).fetchone()
                core.db.execute("SELECT id FROM consultation WHERE deleted = 0 AND instr(search_text, ?) > 0 "
                                "ORDER BY received_at DESC, id DESC LIMIT 201", (n,)).fetchall()

            base = timed(scan, 3)
            target_met = p95(ms) <= 50 if "no target" not in label else None
            figures.append(Figure(f"search {label} (p95)", p95(ms), "ms", statistics.median(base), "p95 ≤50 ms",
                                  target_met))
        model.set_filter(ConsultationFilter())
    return figures


def screen_start_figures(db: Path) -> list[Figure]:
    """What a start with a screen does after the window is shown (``--smoke`` skips both): the
    full page check of the database (in a thread, the window painted meanwhile) and the
    automatic backup (in a worker, beside the loaded window): gui/startup.py."""
    from liaison_app.core import open_core
    from liaison_app.core.maintenance import auto_backup, ensure_healthy

    with open_core(db) as core:
        check = timed(lambda: ensure_healthy(core.db, db), 1)[0]
        backup = timed(lambda: auto_backup(core.db.conn, db), 1)[0]
    size = db.stat().st_size / 1e6
    return [Figure(f"with a screen: quick_check of the {size:.0f} MB file", check, "ms", None, "—", None),
            Figure("with a screen: automatic backup at start", backup, "ms", None, "—", None)]


def memory_figures(db: Path) -> list[Figure]:
    """RSS with the whole list fetched (scrolled to the end), in a fresh process."""
    code = (
        "import os, resource, time; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication; app=QApplication([]);"
        "from liaison_app.core import open_core;"
        "from liaison_app.gui.models.consultation_table_model import ConsultationTableModel;"
        "from PySide6.QtCore import QModelIndex\n"
        f"core=open_core(r'{db}'); m=ConsultationTableModel(core.consultations); t=time.perf_counter()\n"
        "while m.canFetchMore(QModelIndex()): m.fetchMore(QModelIndex())\n"
        "print(m.rowCount(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,"
        " int((time.perf_counter()-t)*1000))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    rows, rss, elapsed = (int(x) for x in out.stdout.split())
    return [Figure(f"RSS, list scrolled to the end ({rows:,} rows)", rss, "MB", None, "≤300 MB", rss <= 300),
            Figure("scroll to the end (fetch every page)", elapsed, "ms", None, "—", None)]


# -- export and report -------------------------------------------------------------------------------

def export_data(folder: Path, rows: int) -> Path:
    db = folder / "export.db"
    build_database(db, rows, points=1, months=1, seed=2)
    return db


def raw_openpyxl_export(records: list, target: Path) -> None:  # type: ignore[type-arg]
    """The baseline: plain openpyxl write-only, the 法律咨询 cells as plain values."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("法律咨询")
    for r in records:
        ws.append([r.id, r.received_at.replace(tzinfo=None), r.mode.label, r.receiver_name,
                   r.visitor_name, r.gender.label, r.age_band.label, r.phone, r.id_number,
                   r.id_status.label, r.village, "", r.category_code, r.category_code,
                   r.category_dict_version, r.question, r.advice, r.outcome.label,
                   r.referral_target, r.followup_due, r.followup_done, r.followup_note,
                   r.paper_form_no, r.updated_at.replace(tzinfo=None), "有效"])
    wb.save(target)


def export_figures(db: Path, folder: Path, repeat: int) -> list[Figure]:
    from liaison_app.core import open_core
    from liaison_app.core.exports import ExportService
    from liaison_app.domain import clock

    with open_core(db) as core:
        period = clock.period_of(core.now())
        point = core.points.all()[0]
        records = list(core.consultations.repo.iter_period(point.id, period))
        service = ExportService(core)
        out = folder / "out"

        def ours() -> None:
            shutil.rmtree(out, ignore_errors=True)
            service.export_month(period, out, point_code=point.code)

        ours_ms, raw_ms = [], []
        for _ in range(repeat):  # interleaved, so that a busy moment hits both alike
            ours_ms += timed(ours, 1)
            raw_ms += timed(lambda: raw_openpyxl_export(records, folder / "raw.xlsx"), 1)
    median, baseline = statistics.median(ours_ms), statistics.median(raw_ms)
    return [Figure(f"export a month, {len(records):,} rows", median, "ms", baseline, "≤1.3× raw write-only",
                   median <= 1.3 * baseline)]


def report_data(folder: Path) -> Path:
    db = folder / "report.db"
    build_database(db, 2000, points=1, months=1, seed=3)
    return db


def report_figures(db: Path, folder: Path, repeat: int) -> list[Figure]:
    from liaison_app.core import open_core
    from liaison_app.core.reports import write_monthly
    from liaison_app.domain import clock

    with open_core(db) as core:
        period = clock.period_of(core.now())
        ms = timed(lambda: write_monthly(core, period, folder / "r.pdf"), repeat)
    return [Figure("monthly report PDF, 2,000 consultations", statistics.median(ms), "ms", None, "≤2000 ms",
                   statistics.median(ms) <= 2000)]


# -- long work off the GUI thread ------------------------------------------------------------------

def ledger_file(path: Path, rows: int) -> Path:
    """A plain legacy ledger (one sheet, a header row) for the import job."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["序号", "日期", "当事人", "电话", "咨询事项", "答复内容"])
    for n in range(rows):
        ws.append([n + 1, f"2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}", f"王{'秀英建军芳'[n % 5]}",
                   f"139{n:08d}", "邻居占了我家宅基地，多次协商不成", "先调解，调解不成可以起诉"])
    wb.save(path)
    return path


def gui_stall_figures(export_db: Path, report_db: Path, batches: Path, folder: Path, *,
                      ledger_rows: int, repeat: int) -> list[Figure]:
    """Longest gap between two 5 ms ticks of a timer on the GUI thread while a job runs in the
    TaskRunner (a worker thread); baseline: the same job on the GUI thread."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from liaison_app.core import open_core
    from liaison_app.core.court import CourtService
    from liaison_app.core.exports import ExportService
    from liaison_app.core.ledger_import import import_ledger
    from liaison_app.core.reports import write_monthly
    from liaison_app.domain import clock
    from liaison_app.domain.records import ConsultationFilter
    from liaison_app.gui.tasks import TaskRunner

    QApplication.instance() or QApplication([])
    runner = TaskRunner()
    ledger = ledger_file(folder / "ledger.xlsx", ledger_rows)
    with open_core(export_db) as core:
        export_rows = core.consultations.count(ConsultationFilter(include_deleted=True))
    merged = len(list(batches.glob("*.xlsx")))
    import_db = folder / "import.db"
    build_database(import_db, 10, points=1, months=1, seed=4)
    def fresh(name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=name, dir=folder))

    jobs: dict[str, tuple[Callable, Path | None]] = {  # type: ignore[type-arg]
        f"export a month ({export_rows:,} rows)": (lambda ctx: ExportService(ctx.core).export_batches(
            clock.period_of(ctx.core.now()), fresh("exp"), progress=ctx.progress, cancelled=ctx.cancelled),
            export_db),
        f"court merge ({merged} batches)": (lambda ctx: CourtService(fresh("court") / "court.db").merge(
            [batches], progress=ctx.progress, cancelled=ctx.cancelled), None),
        f"ledger import preview ({ledger_rows:,} rows)": (lambda ctx: import_ledger(
            ctx.core, ledger, point_code=ctx.core.points.all()[0].code, dry_run=True,
            progress=ctx.progress, cancelled=ctx.cancelled), import_db),
        "monthly report PDF": (lambda ctx: write_monthly(ctx.core, clock.period_of(ctx.core.now()),
                                                         fresh("report") / "report.pdf"), report_db),
    }
    def longest_gap(work: Callable, factory: Callable | None) -> float:  # type: ignore[type-arg]
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer(interval=5)
        timer.timeout.connect(tick)
        loop = QEventLoop()
        failures: list[BaseException] = []
        timer.start()
        last[0] = time.perf_counter()
        runner.submit(work, core_factory=factory, writes=True, on_finished=lambda _r: loop.quit(),
                      on_failed=lambda exc: (failures.append(exc), loop.quit()))
        loop.exec()
        timer.stop()
        if failures:
            raise failures[0]
        return max(gaps, default=0.0)

    figures = []
    for label, (work, db) in jobs.items():
        factory = (lambda d=db: open_core(d)) if db is not None else None
        # The longest gap also catches the OS giving both cores to other processes: the median
        # over a few runs keeps such a moment out of the figure.
        worst = statistics.median(longest_gap(work, factory) for _ in range(repeat))
        # Baseline: the same work on the GUI thread blocks it for its whole duration.
        from liaison_app.gui.tasks import JobContext

        start = time.perf_counter()
        core = factory() if factory is not None else None
        try:
            work(JobContext(core, lambda done, total: None, lambda: False))
        finally:
            if core is not None:
                core.close()
        inline = (time.perf_counter() - start) * 1000
        figures.append(Figure(f"GUI stall during {label}", worst, "ms", inline, "≤100 ms", worst <= 100))
    runner.shutdown()
    return figures


# -- the table ---------------------------------------------------------------------------------------

def print_table(figures: list[Figure]) -> None:
    say(f"\n{'figure':52} {'median':>10} {'unit':4} {'baseline':>10} {'ratio':>6}  {'target':24} met")
    for f in figures:
        base = f"{f.baseline:10.1f}" if f.baseline else f"{'—':>10}"
        met = "—" if f.met is None else ("yes" if f.met else "NO")
        say(f"{f.name:52} {f.median:10.1f} {f.unit:4} {base} {f.ratio:>6}  {f.target:24} {met}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5,000 rows, fewer repeats (under a minute)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--rows", type=int, help="consultations in the list database")
    parser.add_argument("--python", action="append", default=[], metavar="EXE",
                        help="also measure start-up with this interpreter (e.g. a clean venv's)")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures (5,000 rows)")
    args = parser.parse_args()
    if args.startup_only:
        return startup_only(args.rows or 5_000, 5 if args.quick else 9, args.python)
    from bench.merge_speed import merge_figures

    quick = args.quick
    rows = args.rows or (5_000 if quick else 100_000)
    repeat = 3 if quick else 7
    started = time.perf_counter()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="liaison_bench_") as name:
        folder = Path(name)
        small_db = folder / "small.db"
        build_database(small_db, 1000)
        if quick and not args.rows:  # one database for the list and the export: time is short
            db = export_db = export_data(folder, rows)
        else:
            db = folder / "bench.db"
            build_database(db, rows)
            export_db = export_data(folder, 5000)
        say(f"built {rows:,} consultations in {time.perf_counter() - started:.0f} s")
        figures += startup_figures(db, repeat, args.python)
        say(f"start-up measured ({time.perf_counter() - started:.0f} s)")
        figures += list_figures(db, small_db, repeat)
        figures += memory_figures(db)
        figures += screen_start_figures(db)
        say(f"list, search and memory measured ({time.perf_counter() - started:.0f} s)")
        figures += export_figures(export_db, folder, 2 if quick else repeat)
        report_db = report_data(folder)
        figures += report_figures(report_db, folder, 2 if quick else repeat)
        say(f"export and report measured ({time.perf_counter() - started:.0f} s)")
        merge, batches = merge_figures(folder / "merge", batches=10 if quick else 200, rows=1000,
                                       repeat=1 if quick else 2)
        figures += merge
        say(f"merge measured ({time.perf_counter() - started:.0f} s)")
        stall_batches = folder / "stall_batches"
        stall_batches.mkdir()
        for path in sorted(batches.glob("*.xlsx"))[:5 if quick else 20]:
            shutil.copy(path, stall_batches / path.name)
        figures += gui_stall_figures(report_db if quick else export_db, report_db, stall_batches, folder,
                                     ledger_rows=500 if quick else 2000, repeat=1 if quick else 3)
    print_table(figures)
    say(f"\n{sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.perf_counter() - started:.0f} s in all")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(f) for f in figures], ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
