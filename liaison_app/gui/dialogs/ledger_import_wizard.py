"""文件 → 导入旧台账…: the four-step wizard over :class:`LedgerImportService` (docs/ledger-import.md).

1. 选择台账 (:mod:`.ledger_file_page`) — file, kind, point, sheets; read in the read pool.
2. 表头对应 (:mod:`.ledger_mapping_page`) — per sheet, column → field drop-downs.
3. 预览 (:mod:`.ledger_preview_page`) — every row with status and per-cell notes; read pool.
4. 导入 (:mod:`.ledger_run_page`) — dry run or import in the writer pool, counts, report.

Every job opens its own core from ``core_factory`` (sqlite3 connections belong to one thread).
Closing the wizard while a job runs cancels it and closes when the core has rolled back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from liaison_app.core import Core, open_core
from liaison_app.core.ledger_import import LedgerImportService
from liaison_app.gui.dialogs.ledger_file_page import LedgerFilePage
from liaison_app.gui.dialogs.ledger_import_context import LedgerImportContext
from liaison_app.gui.dialogs.ledger_mapping_page import LedgerMappingPage
from liaison_app.gui.dialogs.ledger_preview_page import LedgerPreviewPage
from liaison_app.gui.dialogs.ledger_run_page import LedgerRunPage
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import CoreFactory, TaskRunner

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_RUN = range(4)


class LedgerImportWizard(QWizard):
    """导入旧台账.

    Args:
        core: the GUI thread's open core (points, quick re-planning; not closed here).
        signals: ``sig_changes_applied`` gets ``result.changes`` after a real import.
        tasks: the app's :class:`TaskRunner` (``TaskRunner(immediate=True)`` in tests).
        path: a ledger file to open at once (e.g. dropped on the window), else none.
        point_id: the point to preselect (default: the first).
        core_factory: opens a core for a worker thread; default ``open_core(core.path,
            now=core.now)``. A core without a file (``:memory:``) can only be shared, which
            needs an immediate runner.

    Signals:
        sig_imported(object): a real import finished (:class:`LedgerImportResult`).
    """

    sig_imported = Signal(object)

    def __init__(self, core: Core, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None, *,
                 path: str | Path | None = None, point_id: str | None = None,
                 core_factory: CoreFactory | None = None):
        super().__init__(parent)
        owns_core = True
        if core_factory is None:
            if core.path is not None:
                db_path, now, actor = core.path, core.now, core.actor
                core_factory = lambda: open_core(db_path, now=now, actor=actor)  # acts as the logged-in user
            elif tasks.immediate:
                core_factory, owns_core = (lambda: core), False
            else:
                raise ValueError("an in-memory core cannot be used from worker threads")
        self.context = LedgerImportContext(core, signals, tasks, core_factory, owns_core,
                                           LedgerImportService(core), point_id=point_id)
        self._close_requested = False
        self.setWindowTitle(self.tr("导入旧台账"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("下一步 >")),
                             (QWizard.WizardButton.BackButton, self.tr("< 上一步")),
                             (QWizard.WizardButton.FinishButton, self.tr("完成")),
                             (QWizard.WizardButton.CancelButton, self.tr("关闭"))):
            self.setButtonText(button, text)

        self.file_page = LedgerFilePage(self.context, self)
        self.mapping_page = LedgerMappingPage(self.context, self)
        self.preview_page = LedgerPreviewPage(self.context, self)
        self.run_page = LedgerRunPage(self.context, self)
        for page_id, page in ((PAGE_FILE, self.file_page), (PAGE_MAPPING, self.mapping_page),
                              (PAGE_PREVIEW, self.preview_page), (PAGE_RUN, self.run_page)):
            self.setPage(page_id, page)
        self.run_page.sig_imported.connect(self.sig_imported)
        self.resize(1180, 720)
        if path is not None:
            self.file_page.open_file(path)

    # -- closing while work runs --------------------------------------------------------------
    def reject(self) -> None:
        """关闭/Esc/window close (QDialog.closeEvent calls this): cancel running jobs first and
        close once they have stopped (an import rolls back)."""
        running = self.context.running_jobs()
        if not running:
            super().reject()
            return
        self._close_requested = True
        for job in running:
            job.signals.sig_finished.connect(self._job_stopped)
            job.signals.sig_failed.connect(self._job_stopped)
            job.cancel()
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.setWindowTitle(self.tr("导入旧台账 — 正在取消…"))
        self._job_stopped()  # some may have ended before we connected

    def _job_stopped(self, *_args: object) -> None:
        if self._close_requested and not self.context.running_jobs():
            self._close_requested = False
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.setWindowTitle(self.tr("导入旧台账"))
            super().reject()


def open_ledger_import(parent: QWidget, core: Core, signals: AppSignals, tasks: TaskRunner) -> LedgerImportWizard:
    """Show the wizard window-modal (文件 → 导入旧台账…); it deletes itself when closed."""
    wizard = LedgerImportWizard(core, signals, tasks, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
