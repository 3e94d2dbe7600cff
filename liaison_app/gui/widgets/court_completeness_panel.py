"""法院汇总 → 报送情况: which point sent which month, and the region-wide summary workbook."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.court import DEFAULT_DUE_DAY, CourtService
from liaison_app.domain import clock
from liaison_app.domain.court import Completeness
from liaison_app.gui.dialogs.export_dialogs import failure_text, report_bug, set_role
from liaison_app.gui.dialogs.pdf_dialogs import default_folder
from liaison_app.gui.models.completeness_table_model import CompletenessTableModel, late_text, rate_title
from liaison_app.gui.progress import DelayedProgress
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import Job, TaskRunner
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.month_combo import MonthCombo
from liaison_app.gui.widgets.record_table_view import RecordTableView

Now = Callable[[], datetime]
DEFAULT_MONTHS = 6


class CourtCompletenessPanel(QWidget):
    """A month range and a due day, the grid of points × months (read pool), 生成汇总工作簿….

    Args:
        court_db_path: the court database; while it does not exist the grid is empty and says
            so (reading never creates it).
        signals: status messages.
        tasks: the grid is read and the workbook written in the read pool.
        now: the court's clock (what is late or missing is judged on its date).
    """

    def __init__(self, court_db_path: Path, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None,
                 *, now: Now = clock.now):
        super().__init__(parent)
        self.court_db_path = Path(court_db_path)
        self._signals = signals
        self._tasks = tasks
        self._now = now
        current = clock.period_of(now())
        self.start_combo = MonthCombo(current, allow_all=False, parent=self)
        self.start_combo.setObjectName("grid_start")
        self.start_combo.set_period(clock.shift_period(current, -(DEFAULT_MONTHS - 1)), notify=False)
        self.end_combo = MonthCombo(current, allow_all=False, parent=self)
        self.end_combo.setObjectName("grid_end")
        self.due_spin = QSpinBox(self)
        self.due_spin.setObjectName("due_day")
        self.due_spin.setRange(1, 28)
        self.due_spin.setValue(DEFAULT_DUE_DAY)
        self.due_spin.setPrefix(self.tr("次月 "))
        self.due_spin.setSuffix(self.tr(" 日前"))
        self.summary_button = QPushButton(self.tr("生成汇总工作簿…"), self)
        self.summary_button.setObjectName("write_summary")
        self.summary_button.setProperty("role", "primary")
        controls = FlowLayout(spacing=12)   # one row when it fits, more in 大字模式 or English
        controls.addWidget(keep_together(self, QLabel(self.tr("从"), self), self.start_combo,
                                         QLabel(self.tr("到"), self), self.end_combo))
        controls.addWidget(keep_together(self, QLabel(self.tr("报送截止"), self), self.due_spin))
        controls.addWidget(keep_together(self, self.summary_button, align_right=True))

        self.legend = QLabel(self.tr("格中为当前批次序号和首次导出日期；橙色 = 迟报（首次导出晚于截止日），"
                                     "红色 = 过了截止日仍未报送，未到期 = 还没到截止日，"
                                     "— = 该联系点当时还没开始报送。"), self)
        self.legend.setWordWrap(True)
        set_role(self.legend, "muted")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("grid_message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.model = CompletenessTableModel(self)
        self.table = RecordTableView(self.model, (), parent=self)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(RecordTableView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.legend)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)

        for combo in (self.start_combo, self.end_combo):
            combo.sig_period_changed.connect(lambda _p: self.refresh())
        self.due_spin.valueChanged.connect(lambda _v: self.refresh())
        self.summary_button.clicked.connect(lambda: self.write_summary())

    # -- API ---------------------------------------------------------------------------------
    def period_range(self) -> tuple[str, str]:
        """(start, end) ``YYYY-MM`` as chosen."""
        start, end = self.start_combo.period(), self.end_combo.period()
        assert start is not None and end is not None
        return start, end

    def refresh(self) -> Job | None:
        """Re-read the grid in the read pool (None when the court database does not exist yet)."""
        start, end = self.period_range()
        if end < start:
            self._show_message(self.tr("结束月份早于开始月份"), "error")
            self.model.set_grid(None)
            return None
        if not self.court_db_path.exists():
            self.model.set_grid(None)
            self._show_message(self.tr("还没有汇总过报送文件（汇总数据库 {path} 尚未建立）。").format(
                path=self.court_db_path), "muted")
            self.summary_button.setEnabled(False)
            return None
        db_path, now, due_day = self.court_db_path, self._now, self.due_spin.value()

        def work(_ctx):  # type: ignore[no-untyped-def]  # in the worker thread: its own connection
            with CourtService(db_path, now=now) as service:
                return service.completeness(start, end, due_day=due_day)

        return self._tasks.submit(work, title=self.tr("读取报送情况"), on_finished=self._on_grid,
                                  on_failed=self._on_grid_failed)

    def ask_save_path(self, suggested: Path) -> str:
        """Where to save the summary (tests replace this method)."""
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("生成汇总工作簿"), str(suggested),
                                                    self.tr("Excel 工作簿 (*.xlsx)"))
        return name

    def write_summary(self, path: Path | None = None) -> Job | None:
        """生成汇总工作簿…: ``CourtService.write_summary`` for the chosen months (read pool)."""
        start, end = self.period_range()
        if path is None:
            suggested = self.tr("联系点工作汇总_{start}至{end}.xlsx").format(start=start, end=end)
            chosen = self.ask_save_path(default_folder() / suggested)
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db_path, now, due_day = self.court_db_path, self._now, self.due_spin.value()

        def work(_ctx):  # type: ignore[no-untyped-def]
            with CourtService(db_path, now=now) as service:
                return service.write_summary(path, start, end, due_day=due_day)

        job = self._tasks.submit(work, title=self.tr("生成汇总工作簿"), on_finished=self._on_written,
                                 on_failed=self._on_failed)
        DelayedProgress(self, self.tr("正在生成汇总工作簿…"), cancellable=False).attach(job)
        return job

    # -- results -----------------------------------------------------------------------------
    def _on_grid(self, grid: Completeness) -> None:
        self.model.set_grid(grid)
        self.summary_button.setEnabled(True)
        metrics = self.table.fontMetrics()
        sample_name = "梧桐树村法官联系点"  # i18n-exempt: width sample (a point's name, data)
        self.table.setColumnWidth(0, max(metrics.horizontalAdvance(sample_name) + 28,
                                         metrics.horizontalAdvance(rate_title()) + 28))
        cell_width = metrics.horizontalAdvance(late_text("v10 12-31")) + 24
        for column in range(1, self.model.columnCount()):
            self.table.setColumnWidth(column, cell_width)
        if grid.points:
            self.message_label.hide()
        else:
            self._show_message(self.tr("这段时间还没有汇总任何批次。"), "muted")

    def _on_grid_failed(self, exc: BaseException) -> None:
        self.model.set_grid(None)  # never leave another database's grid on screen
        self.summary_button.setEnabled(False)
        self._on_failed(exc)

    def _on_written(self, path: Path) -> None:
        self._show_message(self.tr("汇总工作簿已生成：{path}").format(path=path), "")
        self._signals.sig_status_message.emit(self.tr("汇总工作簿已生成：{path}").format(path=path))

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_text(exc)
        if message is None:
            report_bug(exc)
            message = self.tr("程序错误，已记录。")
        self._show_message(message, "error")

    def _show_message(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.show()
