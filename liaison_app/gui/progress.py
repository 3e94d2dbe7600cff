"""A delayed progress indicator for a :class:`~liaison_app.gui.tasks.Job` (HOUSE-STYLE rule 8).

Quick jobs show nothing; after ``CURSOR_DELAY_MS`` the busy cursor appears, after
``DIALOG_DELAY_MS`` a window-modal ``QProgressDialog`` with 取消 (which cancels the job and
waits for the core to roll back). Both disappear when the job reports finished or failed. No
``processEvents()``: the job runs in a pool thread and its signals arrive through the event loop.

Usage (attach right after submitting; a job already done is handled)::

    job = runner.submit(work, core_factory=..., on_finished=...)
    DelayedProgress(self, self.tr("正在读取台账…")).attach(job)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from liaison_app.gui.tasks import Job

CURSOR_DELAY_MS = 300
DIALOG_DELAY_MS = 600


class DelayedProgress(QObject):
    """Busy cursor, then a progress dialog, for one job.

    Args:
        parent: the widget the dialog is modal to (also this object's parent).
        label: what is being done (Chinese), e.g. ``正在读取台账…``.
        cancellable: show 取消 (cancels the job).
    """

    def __init__(self, parent: QWidget, label: str, *, cancellable: bool = True,
                 cursor_delay_ms: int = CURSOR_DELAY_MS, dialog_delay_ms: int = DIALOG_DELAY_MS):
        super().__init__(parent)
        self._parent = parent
        self._label = label
        self._cancellable = cancellable
        self._job: Job | None = None
        self._cursor_set = False
        self._finished = False
        self._progress = (0, 0)
        self.dialog: QProgressDialog | None = None
        self._cursor_timer = QTimer(self, singleShot=True, interval=cursor_delay_ms)
        self._dialog_timer = QTimer(self, singleShot=True, interval=dialog_delay_ms)
        self._cursor_timer.timeout.connect(self._show_cursor)
        self._dialog_timer.timeout.connect(self._show_dialog)

    def attach(self, job: Job) -> DelayedProgress:
        """Follow ``job``: start the delays, stop everything when it ends."""
        self._job = job
        job.signals.sig_progress.connect(self._on_progress)
        job.signals.sig_finished.connect(self.finish)
        job.signals.sig_failed.connect(self.finish)
        if job.done:  # ended before we connected (or an immediate runner)
            self.finish()
        else:
            self._cursor_timer.start()
            self._dialog_timer.start()
        return self

    @property
    def active(self) -> bool:
        """True while the job runs (whether or not anything is shown yet)."""
        return self._job is not None and not self._finished

    def finish(self, *_args: object) -> None:
        """Hide the dialog and restore the cursor (idempotent)."""
        if self._finished:
            return
        self._finished = True
        self._cursor_timer.stop()
        self._dialog_timer.stop()
        if self._cursor_set:
            QApplication.restoreOverrideCursor()
            self._cursor_set = False
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.deleteLater()

    def _show_cursor(self) -> None:
        if self._finished or (self._job is not None and self._job.done):
            self.finish()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._cursor_set = True

    def _show_dialog(self) -> None:
        if self._finished or (self._job is not None and self._job.done):
            self.finish()
            return
        dialog = QProgressDialog(self._label, self.tr("取消") if self._cancellable else "", 0, 0, self._parent)
        dialog.setWindowTitle(self._job.title if self._job is not None and self._job.title else self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._cancel)
        self.dialog = dialog
        self._apply_progress()
        dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self._apply_progress()

    def _apply_progress(self) -> None:
        if self.dialog is None:
            return
        done, total = self._progress
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消，请稍候…"))
            self.dialog.show()  # QProgressDialog hides itself on 取消; stay until the job ends
