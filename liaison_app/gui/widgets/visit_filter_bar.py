"""Filters above the visit list: month, point, volunteer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from liaison_app.domain.people import Person
from liaison_app.domain.records import LiaisonPoint
from liaison_app.domain.visits import VisitFilter
from liaison_app.gui.widgets.combos import refill_combo
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.month_combo import MonthCombo


class VisitFilterBar(QWidget):
    """Builds a :class:`VisitFilter`; every change applies at once.

    Signals:
        sig_filter_changed(VisitFilter): the filter the list should show.
    """

    sig_filter_changed = Signal(object)

    def __init__(self, current_period: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.month_combo = MonthCombo(current_period, parent=self)
        self.month_combo.setObjectName("visit_filter_month")
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("visit_filter_point")
        self.point_combo.addItem(self.tr("全部"), None)
        self.point_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("visit_filter_person")
        self.person_combo.addItem(self.tr("全部"), None)
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = FlowLayout(self)   # one row when it fits, more rows in 大字模式 or English
        for text, combo in ((self.tr("统计月份"), self.month_combo), (self.tr("联系点"), self.point_combo),
                            (self.tr("志愿者"), self.person_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            layout.addWidget(keep_together(self, label, combo))
        self.month_combo.sig_period_changed.connect(self._emit)
        self.point_combo.currentIndexChanged.connect(self._emit)
        self.person_combo.currentIndexChanged.connect(self._emit)

    def filter(self) -> VisitFilter:
        """The filter the widgets show."""
        return VisitFilter(period=self.month_combo.period(), point_id=self.point_combo.currentData(),
                           person_id=self.person_combo.currentData())

    def set_filter(self, flt: VisitFilter) -> None:
        """Show ``flt`` in the widgets and announce it once."""
        for widget in (self.point_combo, self.person_combo):
            widget.blockSignals(True)
        try:
            self.month_combo.set_period(flt.period, notify=False)
            self.point_combo.setCurrentIndex(max(self.point_combo.findData(flt.point_id), 0))
            self.person_combo.setCurrentIndex(max(self.person_combo.findData(flt.person_id), 0))
        finally:
            for widget in (self.point_combo, self.person_combo):
                widget.blockSignals(False)
        self._emit()

    def set_points(self, points: Sequence[LiaisonPoint]) -> None:
        """Refill the 联系点 choice, keeping the selection when it still exists."""
        if refill_combo(self.point_combo, ((p.name, p.id) for p in points), first=(self.tr("全部"), None)):
            self._emit()

    def set_volunteers(self, people: Sequence[Person]) -> None:
        """Refill the 志愿者 choice (deactivated volunteers marked), keeping the selection."""
        items = ((p.name if p.active else self.tr("{name}（已停用）").format(name=p.name), p.id) for p in people)
        if refill_combo(self.person_combo, items, first=(self.tr("全部"), None)):
            self._emit()

    def _emit(self, *_args: object) -> None:
        self.sig_filter_changed.emit(self.filter())
