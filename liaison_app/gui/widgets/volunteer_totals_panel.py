"""Side panel of the visit list: each volunteer's visits and hours for a month and its year,
and 打印服务时长证明."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.people import PeopleService
from liaison_app.core.visits import VisitService
from liaison_app.gui.formatting import format_period_zh
from liaison_app.gui.models.volunteer_totals_table_model import VolunteerTotalsTableModel
from liaison_app.gui.widgets.month_combo import MonthCombo


class VolunteerTotalsPanel(QWidget):
    """志愿服务统计 with its own month choice.

    Signals:
        sig_certificate_requested(object): print a certificate for this person id (or None).
    """

    sig_certificate_requested = Signal(object)

    def __init__(self, visits: VisitService, people: PeopleService, current_period: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("志愿服务统计"), self)
        title.setProperty("role", "section")
        self.month_combo = MonthCombo(current_period, allow_all=False, parent=self)
        self.month_combo.setObjectName("totals_month")
        self.model = VolunteerTotalsTableModel(visits, people, current_period, self)
        self.table = QTableView(self)
        self.table.setObjectName("volunteer_totals")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.scope_label = QLabel(self)
        self.scope_label.setProperty("role", "muted")
        self.scope_label.setWordWrap(True)
        self.certificate_button = QPushButton(self.tr("打印服务时长证明…"), self)
        self.certificate_button.setObjectName("certificate")
        month_row = QHBoxLayout()
        month_row.addWidget(title)
        month_row.addStretch(1)
        month_row.addWidget(self.month_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(month_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.certificate_button)
        self.month_combo.sig_period_changed.connect(self._on_period_changed)
        self.certificate_button.clicked.connect(lambda: self.sig_certificate_requested.emit(self.selected_person_id()))
        # Wide enough for a three-character name and the (translated) column titles.
        metrics = self.fontMetrics()
        titles = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())]
        self.setMinimumWidth(metrics.horizontalAdvance("某某某" + "".join(titles)) + 60)  # i18n-exempt: width sample
        self._update_scope()

    def selected_person_id(self) -> str | None:
        """Person id of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.person_id if row else None

    def refresh(self) -> None:
        """Re-read the totals (after visits or people changed)."""
        self.model.refresh()

    def _on_period_changed(self, period: str | None) -> None:
        if period:
            self.model.set_period(period)
            self._update_scope()

    def _update_scope(self) -> None:
        period = self.model.period
        self.scope_label.setText(self.tr("当月：{month}；全年：{year}年。全部联系点合计，每次服务时长按一位小数计。").format(
            month=format_period_zh(period), year=period[:4]))
