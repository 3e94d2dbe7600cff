"""Benchmark suite: each figure against a baseline measured in the same run.

    python bench/run.py [--quick] [--json FILE] [--rows N]

Builds its own data with the `demo` generator (100,000 consultations; 10,000 with --quick),
runs each measurement several times and prints: figure, median, unit, baseline median, ratio,
target, met. See docs/performance.md for what dominates each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Figure:
    name: str
    median: float
    unit: str
    baseline: float | None
    target: str
    met: bool

    @property
    def ratio(self) -> str:
        return f"{self.median / self.baseline:.2f}" if self.baseline else "—"


def timed(func: Callable[[], object], repeat: int) -> list[float]:
    """Wall times in milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def build_database(path: Path, rows: int) -> None:
    from liaison_app.core import open_core
    from liaison_app.core.demo import fill_demo

    months = 24
    with open_core(path) as core:
        fill_demo(core, points=4, months=months, consultations=rows, seed=1)


def startup_figures(db: Path, repeat: int) -> list[Figure]:
    bare = ("import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QMainWindow;"
            "app=QApplication([]); w=QMainWindow(); w.resize(1366,768); w.show(); app.processEvents();"
            "print('ready', int((time.perf_counter()-t)*1000))")

    def run(cmd: list[str]) -> float:
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return (time.perf_counter() - start) * 1000

    app = [run([sys.executable, "-m", "liaison_app", "--db", str(db), "--smoke"]) for _ in range(repeat)]
    base = [run([sys.executable, "-c", bare]) for _ in range(repeat)]
    median, baseline = statistics.median(app), statistics.median(base)
    return [Figure("start-up to main window (--smoke)", median, "ms", baseline, "≤1.5× bare, <1500 ms",
                   median <= 1.5 * baseline and median < 1500)]


def list_figures(db: Path, repeat: int) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from liaison_app.core import open_core
    from liaison_app.domain.records import ConsultationFilter
    from liaison_app.gui.models.consultation_table_model import ConsultationTableModel

    QApplication.instance() or QApplication([])
    figures = []
    with open_core(db) as core:
        service = core.consultations
        opened = timed(lambda: ConsultationTableModel(service), repeat)
        figures.append(Figure("consultation list opens (newest rows)", statistics.median(opened), "ms", None,
                              "≤200 ms", statistics.median(opened) <= 200))
        for label, key in (("sort by visitor name", "visitor_name"), ("sort by category", "category"),
                           ("sort by follow-up", "followup_due"), ("sort by village", "village")):
            ms = timed(lambda k=key: service.page(ConsultationFilter(), sort=k, descending=False, limit=201), repeat)
            figures.append(Figure(label, statistics.median(ms), "ms", None, "≤300 ms", statistics.median(ms) <= 300))
        queries = {"2-char 离婚": "离婚", "3-char 宅基地": "宅基地", "6-char 人民调解委员": "人民调解委员",
                   "name 王秀英": "王秀英", "1-char 王": "王", "4 phone digits": "0001"}
        for label, text in queries.items():
            ms = timed(lambda t=text: (service.count(ConsultationFilter(text=t)),
                                       service.page(ConsultationFilter(text=t), limit=201)), max(repeat, 20))
            figures.append(Figure(f"search {label} (p95)", p95(ms), "ms", None, "p95 ≤50 ms", p95(ms) <= 50))
    return figures


def memory_figure(db: Path) -> list[Figure]:
    code = (
        "import os, resource; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication; app=QApplication([]);"
        "from liaison_app.core import open_core;"
        "from liaison_app.gui.models.consultation_table_model import ConsultationTableModel;"
        f"core=open_core(r'{db}'); m=ConsultationTableModel(core.consultations);"
        "from PySide6.QtCore import QModelIndex\n"
        "while m.canFetchMore(QModelIndex()): m.fetchMore(QModelIndex())\n"
        "print(m.rowCount(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT)
    elapsed = (time.perf_counter() - start) * 1000
    rows, rss = (int(x) for x in out.stdout.split())
    return [Figure(f"RSS with all {rows} rows fetched", rss, "MB", None, "≤300 MB", rss <= 300),
            Figure("scroll to the end (fetch all pages)", elapsed, "ms", None, "—", True)]


def export_figures(repeat: int, rows: int = 5000) -> list[Figure]:
    from datetime import timedelta

    from openpyxl import Workbook

    from liaison_app.core import open_core
    from liaison_app.core.demo import fill_demo
    from liaison_app.core.exports import ExportService
    from liaison_app.domain import clock

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "export.db"
        with open_core(db) as core:
            fill_demo(core, points=1, months=1, consultations=rows, seed=2)
            period = clock.period_of(core.now())
            code = core.points.all()[0].code
            records = list(core.consultations.repo.iter_period(core.points.all()[0].id, period))
            service = ExportService(core)
            out = Path(folder) / "out"
            ours = timed(lambda: service.export_month(period, out, point_code=code), repeat)

            def raw() -> None:
                wb = Workbook(write_only=True)
                ws = wb.create_sheet("法律咨询")
                for r in records:
                    ws.append([r.id, r.received_at.replace(tzinfo=None), r.mode.label, r.receiver_name,
                               r.visitor_name, r.gender.label, r.age_band.label, r.phone, r.id_number,
                               r.id_status.label, r.village, "", r.category_code, r.category_code,
                               r.category_dict_version, r.question, r.advice, r.outcome.label,
                               r.referral_target, r.followup_due, r.followup_done, r.followup_note,
                               r.paper_form_no, r.updated_at.replace(tzinfo=None), "有效"])
                wb.save(Path(folder) / "raw.xlsx")

            base = timed(raw, repeat)
    median, baseline = statistics.median(ours), statistics.median(base)
    return [Figure(f"export a month, {len(records)} rows", median, "ms", baseline, "≤1.3× raw write-only",
                   median <= 1.3 * baseline)]


def report_figure(repeat: int) -> list[Figure]:
    from liaison_app.core import open_core
    from liaison_app.core.demo import fill_demo
    from liaison_app.core.reports import write_monthly
    from liaison_app.domain import clock

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "report.db"
        with open_core(db) as core:
            fill_demo(core, points=1, months=1, consultations=2000, seed=3)
            period = clock.period_of(core.now())
            ms = timed(lambda: write_monthly(core, period, Path(folder) / "r.pdf"), repeat)
    return [Figure("monthly report PDF, 2,000 consultations", statistics.median(ms), "ms", None, "≤2000 ms",
                   statistics.median(ms) <= 2000)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10,000 rows and fewer repeats (under a minute)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--rows", type=int, help="consultations in the list database")
    args = parser.parse_args()
    rows = args.rows or (10_000 if args.quick else 100_000)
    repeat = 3 if args.quick else 7
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        started = time.perf_counter()
        build_database(db, rows)
        print(f"built {rows} consultations in {time.perf_counter() - started:.1f} s", flush=True)
        figures += startup_figures(db, repeat)
        figures += list_figures(db, repeat)
        figures += memory_figure(db)
    figures += export_figures(repeat)
    figures += report_figure(repeat)
    extra = Path(__file__).with_name("merge_bench.py")
    if extra.exists():
        from bench.merge_bench import merge_figures  # noqa: PLC0415 (optional part)

        figures += merge_figures(quick=args.quick)

    print(f"\n{'figure':48} {'median':>10} {'unit':4} {'baseline':>10} {'ratio':>6}  {'target':22} met")
    for f in figures:
        base = f"{f.baseline:10.1f}" if f.baseline else f"{'—':>10}"
        print(f"{f.name:48} {f.median:10.1f} {f.unit:4} {base} {f.ratio:>6}  {f.target:22} {'yes' if f.met else 'NO'}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(f) for f in figures], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
