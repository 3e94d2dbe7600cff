"""Long work runs in a TaskRunner worker (gui/tasks.py), reports progress to the GUI thread and
stops when cancelled — here the court merge, the longest job (one transaction per file)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.gui.tasks import TaskRunner

from tests.gui.helpers import make_consultation

PERIODS = ("2026-08", "2026-09", "2026-10")


@pytest.fixture
def batch_folder(core, point, tmp_path):
    """Three monthly batches of one point (a few consultations each)."""
    folder = tmp_path / "batches"
    for n, period in enumerate(PERIODS):
        received = core.now().replace(month=8 + n, day=10) - timedelta(hours=n)
        for i in range(3):
            core.consultations.save(make_consultation(core, point, received_at=received + timedelta(minutes=i)))
        ExportService(core).export_month(period, folder, point_code=point.code)
    return folder


def test_the_merge_reports_progress_from_a_worker_thread(qtbot, batch_folder, tmp_path):
    runner = TaskRunner()
    seen: list[tuple[int, int, bool]] = []
    court_db = tmp_path / "court.db"

    def work(ctx):  # type: ignore[no-untyped-def]
        with CourtService(court_db) as court:
            return court.merge([batch_folder], progress=ctx.progress, cancelled=ctx.cancelled)

    job = runner.submit(work, writes=True,
                        on_progress=lambda done, total: seen.append((done, total,
                                                                     threading.current_thread() is threading.main_thread())))
    results: list[object] = []
    job.signals.sig_finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    report = results[0]
    assert report.ok and len(report.files) == 3  # type: ignore[attr-defined]
    assert seen[0][:2] == (0, 3) and seen[-1][:2] == (3, 3)  # first and last always go through
    assert all(in_gui_thread for *_, in_gui_thread in seen)  # delivered to the GUI thread
    runner.shutdown()


def test_cancel_stops_the_merge_between_files_and_keeps_what_was_merged(qtbot, batch_folder, tmp_path):
    runner = TaskRunner()
    court_db = tmp_path / "court.db"
    first_file_done = threading.Event()
    go_on = threading.Event()

    def work(ctx):  # type: ignore[no-untyped-def]
        def progress(done: int, total: int) -> None:
            ctx.progress(done, total)
            if done == 1:  # hold the worker until the GUI thread has pressed 取消
                first_file_done.set()
                go_on.wait(10)

        with CourtService(court_db) as court:
            return court.merge([batch_folder], progress=progress, cancelled=ctx.cancelled)

    results: list[object] = []
    job = runner.submit(work, writes=True, on_finished=results.append)
    qtbot.waitUntil(first_file_done.is_set, timeout=30_000)
    job.cancel()  # what the progress dialog's 取消 does
    go_on.set()
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    report = results[0]
    assert report.cancelled and not report.ok  # type: ignore[attr-defined]
    outcomes = [f.outcome for f in report.files]  # type: ignore[attr-defined]
    assert outcomes == [MergeOutcome.MERGED, MergeOutcome.CANCELLED, MergeOutcome.CANCELLED]
    with CourtService(court_db) as court:
        assert len(court.batches()) == 1  # the first file stays merged, nothing of the others
    runner.shutdown()


def test_the_monthly_report_is_written_in_a_worker(qtbot, core, point, tmp_path):
    """With the app's TaskRunner the dialog returns at once and the PDF is written by a worker
    with its own core; the result shows when it is done."""
    from liaison_app.gui.dialogs import pdf_dialogs
    from liaison_app.gui.dialogs.pdf_dialogs import MonthlyReportDialog

    core.consultations.save(make_consultation(core, point))
    runner = TaskRunner()
    threads: list[bool] = []
    original = pdf_dialogs.write_monthly

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    pdf_dialogs.write_monthly = spy  # type: ignore[assignment]
    try:
        dialog = MonthlyReportDialog(core, tasks=runner)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(tmp_path / "report.pdf"))
        assert dialog.generate()
        qtbot.waitUntil(lambda: dialog.output_path is not None, timeout=30_000)
    finally:
        pdf_dialogs.write_monthly = original  # type: ignore[assignment]
    assert threads == [False]  # written off the GUI thread
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.generate_button.isEnabled()
    runner.shutdown()


def test_long_loops_let_the_gui_thread_in(core, point, tmp_path, monkeypatch):
    """The export pauses every cooperative.EVERY rows (time.sleep(0)): a worker writing a file
    in small pieces would otherwise keep the GUI thread from the GIL (docs/performance.md)."""
    from liaison_app import cooperative

    start = core.now() - timedelta(days=20)
    records = [make_consultation(core, point, received_at=start + timedelta(minutes=i), created_at=start,
                                 updated_at=start) for i in range(250)]
    with core.db.atomic():
        core.consultations.repo.insert_many(records)
    pauses: list[int] = []
    monkeypatch.setattr(cooperative, "pause", lambda: pauses.append(1))
    ExportService(core).export_month("2026-11", tmp_path / "out")
    assert len(pauses) >= 250 // cooperative.EVERY
