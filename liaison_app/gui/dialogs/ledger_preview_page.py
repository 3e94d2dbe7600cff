"""Wizard page 3 — 预览: every row as it would be stored, before anything is written.

The preview is built in the read pool with its own core (thousands of rows take seconds), with
a progress bar and 取消 on the page. The table shows each row's status (icon and colour) and,
per cell, what will be stored; the tooltip of a cell says what was changed and why.
"""

from __future__ import annotations

import functools

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from liaison_app.core.ledger_import import LedgerImportService, LedgerPreview
from liaison_app.exchange.ledger.preview import RowStatus
from liaison_app.gui.dialogs.ledger_import_context import LedgerImportContext, user_message
from liaison_app.gui.models.ledger_preview_table_model import (
    COL_STATUS,
    COL_WHERE,
    LedgerPreviewTableModel,
    ProblemRowsFilterModel,
)
from liaison_app.gui.tasks import Job

MAX_COLUMN_WIDTH = 260


class LedgerPreviewPage(QWizardPage):
    """第 3 步：预览."""

    def __init__(self, context: LedgerImportContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = context
        self._generation = 0
        self._job: Job | None = None
        self.setTitle(self.tr("第 3 步：预览"))
        self.setSubTitle(self.tr("下面是每一行将要保存的内容。鼠标停在单元格上可以看到原文和改动说明；"
                                 "红色的行不能导入，黄色的行可以导入但请核对。"))
        self.model = LedgerPreviewTableModel(self)
        self.proxy = ProblemRowsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("preview_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # big ledgers: sample, not scan
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("preview_counts")
        self.counts_label.setWordWrap(True)
        self.problems_only_box = QCheckBox(self.tr("只看有问题的"), self)
        self.problems_only_box.setObjectName("problems_only")
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.problems_only_box)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setFormat(self.tr("正在检查 %v / %m 行"))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.retry_button = QPushButton(self.tr("重新预览"), self)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        progress_row.addWidget(self.retry_button)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "error")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(progress_row)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)

        self.problems_only_box.toggled.connect(self.proxy.set_problems_only)
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.start_preview)
        self._set_running(False)
        self.message_label.hide()

    # -- running ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.start_preview()

    def cleanupPage(self) -> None:
        """Back: stop a preview still running and forget it."""
        self.cancel()
        self._generation += 1
        self._ctx.preview = None
        self.model.set_preview(None)

    def start_preview(self) -> None:
        """Build the preview of the current draft in the read pool."""
        draft, point_id = self._ctx.draft, self._ctx.point_id
        assert draft is not None
        self._ctx.preview = None
        self.model.set_preview(None)
        self.counts_label.setText(self.tr("正在生成预览…"))
        self.message_label.hide()
        self.progress_bar.setRange(0, 0)
        self._set_running(True)
        self._generation += 1
        self._job = self._ctx.submit(
            lambda ctx: LedgerImportService(ctx.core).preview(draft, point_id, progress=ctx.progress,
                                                              cancelled=ctx.cancelled),
            title=self.tr("生成预览"), on_progress=functools.partial(self._progress, self._generation),
            on_finished=functools.partial(self._finished, self._generation),
            on_failed=functools.partial(self._failed, self._generation))

    def cancel(self) -> None:
        """Stop the preview (the page stays incomplete until 重新预览)."""
        if self._job is not None and not self._job.done:
            self._job.cancel()
            self.counts_label.setText(self.tr("正在取消…"))

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(min(done, total))

    def _finished(self, generation: int, preview: LedgerPreview) -> None:
        if generation != self._generation:
            return
        self._set_running(False)
        if preview.cancelled:
            self.counts_label.setText(self.tr("预览已取消。点“重新预览”再试，或返回上一步。"))
            self.retry_button.show()
            self.completeChanged.emit()
            return
        self._ctx.preview = preview
        self.model.set_preview(preview)
        self._fit_columns()
        self.counts_label.setText(self.counts_text(preview))
        if not preview.importable:
            self.message_label.setText(self.tr("没有可以导入的行。可以返回上一步调整对应关系，或继续生成报告。"))
            self.message_label.show()
        self.completeChanged.emit()

    def counts_text(self, preview: LedgerPreview) -> str:
        """``共 12 行：可导入 1，有提示 6，不能导入 2，重复 0，非数据行 2；另有空行 1``."""
        return self.tr("共 {total} 行：可导入 {ready}，有提示 {warning}，不能导入 {error}，重复 {duplicate}，"
                       "非数据行 {skipped}；另有空行 {blank}").format(
            total=len(preview.rows), ready=preview.count(RowStatus.READY), warning=preview.count(RowStatus.WARNING),
            error=preview.count(RowStatus.ERROR), duplicate=preview.count(RowStatus.DUPLICATE),
            skipped=preview.count(RowStatus.SKIPPED), blank=preview.blank_rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_running(False)
        self.counts_label.setText("")
        message = user_message(exc)
        if message is not None:
            self.message_label.setText(message)
            self.message_label.show()
        self.retry_button.show()
        self.completeChanged.emit()

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.retry_button.setVisible(False)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column not in (COL_STATUS, COL_WHERE) and header.sectionSize(column) > MAX_COLUMN_WIDTH:
                header.resizeSection(column, MAX_COLUMN_WIDTH)

    # -- QWizardPage ------------------------------------------------------------------------
    def isComplete(self) -> bool:
        return self._ctx.preview is not None and not self._ctx.preview.cancelled
