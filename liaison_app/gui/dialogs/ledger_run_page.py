"""Wizard page 4 — 导入: dry run or real import in the writer pool, then what happened.

The import is one transaction in the core; 取消 sets the job's flag, the core rolls back and
nothing is stored. Afterwards the page shows the counts, the reasons rows were not imported,
the first rows with their problems, and offers the report workbook.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from liaison_app.core.ledger_import import LedgerImportResult, LedgerImportService
from liaison_app.gui.dialogs.ledger_import_context import LedgerImportContext, user_message
from liaison_app.gui.labels import label_text
from liaison_app.gui.tasks import Job
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

SHOWN_REJECTED_ROWS = 200
# The core's reason for a rejected row whose cells have no error (else a field label).
WHOLE_ROW = QT_TRANSLATE_NOOP("LedgerRunPage", "整行")


def reason_text(reason: str) -> str:
    """A reason of :attr:`LedgerImportResult.reasons` (a field label, or 整行), translated."""
    return translate("LedgerRunPage", reason) if reason == WHOLE_ROW else label_text(reason)


class LedgerRunPage(QWizardPage):
    """第 4 步：导入.

    Signals:
        sig_imported(object): a real import finished (the :class:`LedgerImportResult`).
    """

    sig_imported = Signal(object)

    def __init__(self, context: LedgerImportContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = context
        self._generation = 0
        self._job: Job | None = None
        self.setTitle(self.tr("第 4 步：导入"))
        self.setSubTitle(self.tr("可以先试运行：只检查、统计，不写入数据库。正式导入是一次完成的：取消或出错时一行也不会保存。"))
        self.dry_run_box = QCheckBox(self.tr("试运行（只检查，不写入数据库）"), self)
        self.dry_run_box.setObjectName("dry_run")
        self.report_edit = QLineEdit(self)
        self.report_edit.setObjectName("report_path")
        self.report_edit.setPlaceholderText(self.tr("留空：有未导入或需核对的行时，报告自动保存在台账所在的文件夹"))
        self.browse_button = QPushButton(self.tr("浏览…"), self)
        report_row = QHBoxLayout()
        report_row.addWidget(QLabel(self.tr("导入报告"), self))
        report_row.addWidget(self.report_edit, 1)
        report_row.addWidget(self.browse_button)
        self.start_button = QPushButton(self.tr("开始导入"), self)
        self.start_button.setObjectName("start_import")
        self.start_button.setProperty("role", "primary")
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start_button.setMinimumWidth(160)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setFormat(self.tr("已保存 %v / %m 行"))
        self.cancel_button = QPushButton(self.tr("取消导入"), self)
        run_row = QHBoxLayout()
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.progress_bar, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("import_summary")
        self.summary_label.setWordWrap(True)
        self.details_label = QLabel(self.tr("未导入的行及原因（报告中有全部内容，可在报告里改正后再导入）"), self)
        self.details_label.setProperty("role", "section")
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("import_details")
        self.details.setReadOnly(True)
        self.open_report_button = QPushButton(self.tr("打开报告"), self)
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        result_buttons = QHBoxLayout()
        result_buttons.addStretch(1)
        result_buttons.addWidget(self.open_report_button)
        result_buttons.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dry_run_box)
        layout.addLayout(report_row)
        layout.addLayout(run_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)
        layout.addLayout(result_buttons)

        self.dry_run_box.toggled.connect(self._dry_run_toggled)
        self.browse_button.clicked.connect(self.choose_report_path)
        self.start_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_report_button.clicked.connect(self.open_report)
        self.open_folder_button.clicked.connect(self.open_report_folder)
        self._show_result(None)

    # -- QWizardPage ------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._ctx.result = None
        self._show_result(None)

    def cleanupPage(self) -> None:
        self._ctx.result = None

    def isComplete(self) -> bool:
        """完成 once a real import finished (试运行 alone leaves only 取消)."""
        result = self._ctx.result
        running = self._job is not None and not self._job.done
        return not running and result is not None and not result.dry_run and not result.cancelled

    # -- running ----------------------------------------------------------------------------
    def start_import(self) -> None:
        """Run the import (or dry run) of the previewed rows in the writer pool."""
        preview = self._ctx.preview
        if preview is None:
            return
        dry_run = self.dry_run_box.isChecked()
        report = Path(self.report_edit.text().strip()) if self.report_edit.text().strip() else None
        self._ctx.result = None
        self._show_result(None)
        self.summary_label.setText(self.tr("正在试运行…") if dry_run else self.tr("正在导入…"))
        self.progress_bar.setRange(0, max(1, len(preview.importable)))
        self.progress_bar.setValue(0)
        self._set_running(True)
        self._generation += 1
        self._job = self._ctx.submit(
            lambda ctx: LedgerImportService(ctx.core).run_import(preview, dry_run=dry_run, report_path=report,
                                                                 progress=ctx.progress, cancelled=ctx.cancelled),
            writes=True, title=self.tr("导入台账"),
            on_progress=functools.partial(self._progress, self._generation),
            on_finished=functools.partial(self._finished, self._generation),
            on_failed=functools.partial(self._failed, self._generation))

    def cancel(self) -> None:
        """Stop the import; the core rolls the transaction back."""
        if self._job is not None and not self._job.done:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.summary_label.setText(self.tr("正在取消，已保存的行将全部撤回…"))

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(min(done, total))

    def _finished(self, generation: int, result: LedgerImportResult) -> None:
        if generation != self._generation:
            return
        self._ctx.result = result
        self._set_running(False)
        self._show_result(result)
        if not result.dry_run and not result.cancelled:
            self._ctx.signals.sig_changes_applied.emit(result.changes)
            self._ctx.signals.sig_status_message.emit(
                self.tr("台账导入完成：导入 {n} 行").format(n=result.imported))
            self.dry_run_box.setEnabled(False)
            self.start_button.setEnabled(False)  # again = all duplicates; a new run is a new wizard
            self.sig_imported.emit(result)
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and not result.dry_run and not result.cancelled:
            # Done: going back would only offer the same rows again (all duplicates now).
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_running(False)
        message = user_message(exc)
        self.summary_label.setText(self.tr("导入失败，没有保存任何数据：{m}").format(m=message) if message else "")
        self.completeChanged.emit()

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.start_button.setEnabled(not running)
        self.dry_run_box.setEnabled(not running)
        self.report_edit.setEnabled(not running)
        self.browse_button.setEnabled(not running)
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not running)

    # -- result -----------------------------------------------------------------------------
    def summary_text(self, result: LedgerImportResult) -> str:
        """The counts in one paragraph (Chinese)."""
        if result.cancelled:
            return self.tr("已取消：没有导入任何数据（共读取 {read} 行）。").format(read=result.rows_read)
        verb = self.tr("可导入") if result.dry_run else self.tr("已导入")
        text = self.tr("读取 {read} 行：{verb} {imported} 行（其中需核对 {warnings} 行），重复跳过 {dup} 行，"
                       "未导入 {rejected} 行，非数据行 {skipped} 行；另有空行 {blank} 行。").format(
            read=result.rows_read, verb=verb, imported=result.imported, warnings=result.with_warnings,
            dup=result.duplicates, rejected=result.rejected, skipped=result.skipped, blank=result.blank_rows)
        if result.dry_run:
            text = self.tr("试运行，未写入数据库。{summary}").format(summary=text)
        if result.reasons:
            reasons = self.tr("、", "between the reasons").join(
                self.tr("{field} {n} 行").format(field=reason_text(f), n=n) for f, n in result.reasons)
            text += self.tr("\n未导入的原因：{reasons}。").format(reasons=reasons)
        if result.report_path is not None:
            text += self.tr("\n报告：{path}").format(path=result.report_path)
        if result.report_error:
            text += self.tr("\n报告未能保存：{error}").format(error=result.report_error)
        return text

    def _show_result(self, result: LedgerImportResult | None) -> None:
        has_report = result is not None and result.report_path is not None
        self.open_report_button.setVisible(has_report)
        self.open_folder_button.setVisible(has_report)
        if result is None:
            self.summary_label.setText("")
            self.details.clear()
            self.details.hide()
            self.details_label.hide()
            self.start_button.setEnabled(self._ctx.preview is not None)
            self.dry_run_box.setEnabled(True)
            self._dry_run_toggled(self.dry_run_box.isChecked())
            self.progress_bar.hide()
            self.cancel_button.hide()
            return
        self.summary_label.setText(self.summary_text(result))
        rejected = () if result.cancelled else result.rejected_rows
        separator = self.tr("；", "between the problems of a row")
        lines = [self.tr("{row}：{problems}").format(row=where, problems=separator.join(problems))
                 for where, problems in rejected[:SHOWN_REJECTED_ROWS]]
        if len(rejected) > SHOWN_REJECTED_ROWS:
            lines.append(self.tr("……另有 {n} 行，见报告").format(n=len(rejected) - SHOWN_REJECTED_ROWS))
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.details_label.setVisible(bool(lines))

    def _dry_run_toggled(self, dry_run: bool) -> None:
        self.start_button.setText(self.tr("开始试运行") if dry_run else self.tr("开始导入"))

    def choose_report_path(self) -> None:
        """Ask where to save the report (QFileDialog)."""
        draft = self._ctx.draft
        start = str(draft.file.path.with_name(self.tr("{name}_导入报告.xlsx").format(name=draft.file.path.stem))) \
            if draft else ""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导入报告保存到"), start, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.report_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def open_report(self) -> None:
        result = self._ctx.result
        if result is not None and result.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.report_path)))

    def open_report_folder(self) -> None:
        result = self._ctx.result
        if result is not None and result.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.report_path.parent)))
