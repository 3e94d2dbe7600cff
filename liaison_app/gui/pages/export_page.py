"""报送: which months of which liaison point need a batch for the court, and the export itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison_app.core import Core
from liaison_app.core.exports import ExportReport, ExportService, MonthExportState
from liaison_app.domain import pseudonym
from liaison_app.domain.changes import Changes
from liaison_app.gui.dialogs.export_dialogs import CourtKeyDialog, ExportBatchDialog, set_role, worker_core_factory
from liaison_app.gui.models.export_month_table_model import ExportMonthTableModel
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import CoreFactory, TaskRunner
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.record_table_view import RecordTableView

# Tables whose changes can change a month's export state.
WATCHED_TABLES = ("consultation", "education_session", "volunteer_visit", "duty_shift", "liaison_point",
                  "batch_export", "setting")


class ExportPage(QWidget):
    """The 报送 page: a table of every point's months (last export, changes since, state), the
    导出… dialog and the court key.

    The table is re-read (:meth:`ExportService.months_needing_export`, one summarising query)
    whenever a watched table changes; the export runs in the writer pool because it logs each
    batch in ``batch_export``.

    Args:
        core: the GUI thread's open core.
        signals: refreshes on ``sig_changes_applied``; exports and the key are broadcast there.
        tasks: the app's :class:`TaskRunner`.
        core_factory: opens a core for the export's worker thread (default: the same file and
            clock as ``core``).
    """

    def __init__(self, core: Core, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None, *,
                 core_factory: CoreFactory | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self._tasks = tasks
        if core_factory is None:
            self._core_factory, self._owns_core = worker_core_factory(core, tasks)
        else:
            self._core_factory, self._owns_core = core_factory, True
        self._service = ExportService(core)
        self._last_folder: Path | None = None
        self.dialog: ExportBatchDialog | None = None

        title = QLabel(self.tr("报送"), self)
        title.setProperty("role", "title")
        self.key_label = QLabel(self)
        self.key_label.setObjectName("court_key_state")
        self.key_button = QPushButton(self.tr("设置法院密钥…"), self)
        self.key_button.setObjectName("set_court_key")
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setObjectName("export")
        self.export_button.setProperty("role", "primary")
        top = FlowLayout()   # the key and the buttons go below the title when the page is narrow
        top.addWidget(title)
        top.addWidget(keep_together(self, self.key_label, self.key_button, self.export_button, align_right=True))

        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("point_filter")
        self.point_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pending_box = QCheckBox(self.tr("只看需要报送的月份"), self)
        self.pending_box.setObjectName("only_pending")
        filters = FlowLayout(spacing=16)
        filters.addWidget(keep_together(self, QLabel(self.tr("联系点"), self), self.point_combo))
        filters.addWidget(self.pending_box)

        explain = QLabel(self.tr(
            "每个联系点每月导出一个报送文件交给法院。月份导出后又有新增、修改或删除的记录，"
            "状态变为“需要重新导出”：再导出一次，序号加一，法院用新文件替换旧文件。"), self)
        explain.setWordWrap(True)
        set_role(explain, "muted")

        self.model = ExportMonthTableModel(self)
        self.table = RecordTableView(self.model, ExportMonthTableModel.samples(),
                                     stretch_column=ExportMonthTableModel.COL_FILE, parent=self)
        self.table.setSortingEnabled(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("pending_count")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.key_button.clicked.connect(self.open_key_dialog)
        self.export_button.clicked.connect(lambda: self.open_export_dialog())
        self.table.activated.connect(lambda _index: self.open_export_dialog())
        self.point_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pending_box.toggled.connect(lambda _checked: self.refresh())
        signals.sig_changes_applied.connect(self._on_changes)
        self._fill_points()
        self.refresh()

    # -- API ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the months (keeps the selected point's month selected)."""
        selected = self.selected_state()
        states = self._service.months_needing_export(self.point_combo.currentData())
        if self.pending_box.isChecked():
            states = [s for s in states if s.needs_export]
        self.model.set_states(states)
        if selected is not None:
            self.select(selected.point_code, selected.period)
        pending = sum(1 for s in states if s.needs_export)
        if not states and self._core.points.is_empty():
            self.count_label.setText(self.tr("还没有联系点：请先在“记录 → 新建联系点…”中建立。"))
        else:
            self.count_label.setText(self.tr("共 {n} 行，其中 {p} 个月份需要报送").format(n=len(states), p=pending))
        set_role(self.count_label, "warning" if pending else "muted")
        self.export_button.setEnabled(bool(self.model.rowCount()))
        self._update_key_label()

    def selected_state(self) -> MonthExportState | None:
        """The month of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.state_at(rows[0].row()) if rows else None

    def select(self, point_code: str, period: str) -> bool:
        """Select the row of a point's month; False when it is not listed."""
        row = self.model.row_of(point_code, period)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_export_dialog(self, *, all_points: bool = False) -> ExportBatchDialog:
        """导出…: the dialog for the selected month and point (else the newest month that needs a
        batch, all points), window-modal; returns it."""
        state = self.selected_state()
        if state is None:
            pending = [s for s in self.model.states() if s.needs_export]
            state = pending[0] if pending else self.model.state_at(0)
            all_points = True
        periods = sorted({s.period for s in self._service.months_needing_export()}, reverse=True)
        dialog = ExportBatchDialog(
            self._core, self._signals, self._tasks, self._core_factory, self._owns_core, periods,
            period=state.period if state else None,
            point_code=None if all_points or state is None else state.point_code,
            folder=self._last_folder, parent=self)
        dialog.sig_exported.connect(self._on_exported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_key_dialog(self) -> CourtKeyDialog:
        """设置法院密钥…, window-modal; returns it."""
        dialog = CourtKeyDialog(self._core, self._signals, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- reactions ---------------------------------------------------------------------------
    def _on_exported(self, report: ExportReport) -> None:
        if report.files:
            self._last_folder = report.files[0].path.parent

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("liaison_point"):
            self._fill_points()
        if any(changes.touches(t) for t in WATCHED_TABLES):
            self.refresh()

    def _fill_points(self) -> None:
        current = self.point_combo.currentData()
        self.point_combo.blockSignals(True)
        self.point_combo.clear()
        self.point_combo.addItem(self.tr("全部联系点"), None)
        for point in self._core.points.all():
            self.point_combo.addItem(self.tr("{name}（{code}）").format(name=point.name, code=point.code), point.code)
        self.point_combo.setCurrentIndex(max(self.point_combo.findData(current), 0))
        self.point_combo.blockSignals(False)

    def _update_key_label(self) -> None:
        key = self._service.court_key()
        if key:
            self.key_label.setText(self.tr("法院密钥：已设置（指纹 {fp}）").format(fp=pseudonym.key_fingerprint(key)))
            self.key_label.setToolTip("")
            set_role(self.key_label, "muted")
        else:
            self.key_label.setText(self.tr("法院密钥：未设置"))
            self.key_label.setToolTip(self.tr("未设置时，法院无法统计跨联系点的重复来访人数。"))
            set_role(self.key_label, "error")
