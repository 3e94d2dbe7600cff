"""节假日设置: the hand-entered holiday / 调休 table that wins over chinese-calendar.

Needed mainly for a year the library does not cover yet (the State Council publishes the next
year's schedule around November–December, GUIDE §5), or for a local arrangement.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.duty import CalendarDayKind
from liaison_app.errors import UserError
from liaison_app.gui.duty_formatting import day_description
from liaison_app.gui.models.calendar_day_table_model import COL_NOTE, CalendarDayTableModel
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.record_form_view import date_edit
from liaison_app.gui.widgets.flow_layout import FlowLayout
from liaison_app.gui.window_size import fit_to_screen


class HolidayTableDialog(QDialog):
    """The year's hand-entered days (date, 休/班, note) with add/change and remove.

    Each change goes through ``core.duty.set_calendar_day`` / ``remove_calendar_day`` and is
    broadcast at once (the roster redraws behind the dialog).

    Args:
        core: the open core. signals: changes are emitted here. year: the year shown first.
    """

    def __init__(self, core: Core, signals: AppSignals, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.setWindowTitle(self.tr("节假日设置"))
        self.setObjectName("holiday_dialog")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("holiday_year")
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(year)
        prefix, _year, suffix = self.tr("{year} 年").partition("{year}")  # "2026 年"; English: plain "2026"
        self.year_spin.setPrefix(prefix)
        self.year_spin.setSuffix(suffix)
        self.coverage_label = QLabel(self)
        self.coverage_label.setObjectName("holiday_coverage")
        self.coverage_label.setWordWrap(True)
        self.model = CalendarDayTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("holiday_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        # Width samples: a date, the weekday header, the longer kind text (as translated).
        for column, sample in enumerate(("2027-10-10", self.model.headerData(1, Qt.Orientation.Horizontal),
                                         self.tr("班（调休上班）"))):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self)
        self.empty_label.setProperty("role", "muted")

        self.date_edit = date_edit(self)
        self.date_edit.setObjectName("holiday_date")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("holiday_kind")
        self.kind_combo.addItem(self.tr("休（放假）"), CalendarDayKind.HOLIDAY.value)
        self.kind_combo.addItem(self.tr("班（调休上班）"), CalendarDayKind.WORKDAY.value)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("holiday_note")
        self.note_edit.setPlaceholderText(self.tr("如：元旦、春节调休上班"))
        self.note_edit.setMaxLength(50)
        self.note_edit.setMinimumWidth(self.fontMetrics().height() * 8)  # a short note stays readable
        self.save_button = QPushButton(self.tr("保存这一天"), self)
        self.save_button.setObjectName("holiday_save")
        self.save_button.setProperty("role", "primary")
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.remove_button.setObjectName("holiday_remove")
        self.current_label = QLabel(self)
        self.current_label.setObjectName("holiday_current")
        self.current_label.setProperty("role", "muted")
        self.current_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("holiday_message")
        self.message_label.setWordWrap(True)

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("年份"), self))
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        entry = FlowLayout()  # wraps when the dialog is narrow (大字模式, English)
        entry.addWidget(self.date_edit)
        entry.addWidget(self.kind_combo)
        entry.addWidget(self.note_edit)
        entry.addWidget(self.save_button)
        explain = QLabel(self.tr("这里手工录入的日期优先于国家公布的放假安排（chinese-calendar）。"
                                 "“休”的日子不排班；“班”是调休上班日，照常排班。"), self)
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.empty_label, 1)
        remove_row.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.coverage_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(remove_row)
        layout.addWidget(QLabel(self.tr("添加或修改一天："), self))
        layout.addLayout(entry)
        layout.addWidget(self.current_label)
        layout.addWidget(self.message_label)
        layout.addWidget(explain)
        layout.addWidget(buttons)

        self.year_spin.valueChanged.connect(self._on_year)
        self.date_edit.dateChanged.connect(self._show_current)
        self.save_button.clicked.connect(self._save_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self._on_year(year)
        fit_to_screen(self, lines_wide=36, lines_high=26)

    # -- API -----------------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def save_day(self, day: date, kind: CalendarDayKind, note: str = "") -> bool:
        """Enter or change ``day``; True when stored."""
        try:
            changes = self._core.duty.set_calendar_day(day, kind, note)
        except UserError as err:
            self._message(str(err), error=True)
            return False
        self._signals.sig_changes_applied.emit(changes)
        if day.year != self.year():
            self.year_spin.setValue(day.year)  # reloads
        else:
            self.reload()
        row = self.model.row_of(day)
        if row >= 0:
            self.table.selectRow(row)
        mark = self.tr("休") if kind is CalendarDayKind.HOLIDAY else self.tr("班")
        self._message(self.tr("已保存：{day} {mark} {note}").format(day=day.isoformat(), mark=mark, note=note))
        return True

    def remove_day(self, day: date) -> bool:
        """Drop the hand-entered ``day`` (the national schedule or the weekend rule applies again)."""
        try:
            changes = self._core.duty.remove_calendar_day(day)
        except UserError as err:
            self._message(str(err), error=True)
            return False
        self._signals.sig_changes_applied.emit(changes)
        self.reload()
        self._message(self.tr("已删除：{day}").format(day=day.isoformat()))
        return True

    def remove_selected(self) -> bool:
        entry = self.model.day_at(self.table.currentIndex().row())
        if entry is None:
            self._message(self.tr("请先在表中选择要删除的日期"), error=True)
            return False
        return self.remove_day(entry.day)

    def reload(self) -> None:
        """Re-read the year's table and the coverage note."""
        year = self.year()
        self.model.set_days(self._core.duty.calendar_days(year))
        warnings = self._core.duty.calendar_warnings(f"{year:04d}-01")
        if warnings:
            self.coverage_label.setText("⚠ " + warnings[0])
            self.coverage_label.setProperty("role", "warning")
        else:
            self.coverage_label.setText(self.tr("{year}年的放假安排已收录，一般不需要手工录入；当地另有安排时可在此补充。")
                                        .format(year=year))
            self.coverage_label.setProperty("role", "")
        self.coverage_label.style().unpolish(self.coverage_label)
        self.coverage_label.style().polish(self.coverage_label)
        empty = self.model.rowCount() == 0
        self.empty_label.setText(self.tr("{year}年还没有手工录入的日期。").format(year=year) if empty else
                                 self.tr("共 {n} 天").format(n=self.model.rowCount()))
        self.remove_button.setEnabled(not empty)
        self._show_current()

    # -- slots ---------------------------------------------------------------------------------
    def _on_year(self, year: int) -> None:
        current = self.date_edit.date()
        if current.year() != year:
            self.date_edit.setDate(QDate(year, 1, 1))
        self.reload()

    def _on_row(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        entry = self.model.day_at(current.row())
        if entry is None:
            return
        self.date_edit.setDate(QDate(entry.day.year, entry.day.month, entry.day.day))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.kind.value))
        self.note_edit.setText(entry.note)

    def _save_clicked(self) -> None:
        self.save_day(self.date_edit.date().toPython(), CalendarDayKind(self.kind_combo.currentData()),
                      self.note_edit.text().strip())

    def _show_current(self, *_args: object) -> None:
        day = self.date_edit.date().toPython()
        self.current_label.setText(self.tr("该日目前：{what}").format(what=day_description(self._core.duty.day_info(day))))

    def _message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("role", "error" if error else "")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
