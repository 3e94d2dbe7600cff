"""Filters above the session list: month, point, form, search."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from liaison_app.domain.education import SessionFilter, SessionForm
from liaison_app.domain.records import LiaisonPoint
from liaison_app.gui.labels import label
from liaison_app.gui.widgets.combos import refill_combo
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.month_combo import MonthCombo


class SessionFilterBar(QWidget):
    """Builds a :class:`SessionFilter`. Combos apply at once, the search box
    ``SEARCH_DELAY_MS`` after the last keystroke (topic, place, cases, speakers, notes).

    Signals:
        sig_filter_changed(SessionFilter): the filter the list should show.
    """

    sig_filter_changed = Signal(object)

    SEARCH_DELAY_MS = 250

    def __init__(self, current_period: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("session_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索：主题、地点、案例、宣讲人…"))
        self.month_combo = MonthCombo(current_period, parent=self)
        self.month_combo.setObjectName("session_filter_month")
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("session_filter_point")
        self.point_combo.addItem(self.tr("全部"), None)
        self.point_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("session_filter_form")
        self.form_combo.addItem(self.tr("全部"), None)
        for form in SessionForm:
            self.form_combo.addItem(label(form), form.value)
        layout = FlowLayout(self)   # one row when it fits, more rows in 大字模式 or English
        for text, combo in ((self.tr("统计月份"), self.month_combo), (self.tr("联系点"), self.point_combo),
                            (self.tr("形式"), self.form_combo)):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            layout.addWidget(keep_together(self, caption, combo))

        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.month_combo.sig_period_changed.connect(self._emit)
        self.point_combo.currentIndexChanged.connect(self._emit)
        self.form_combo.currentIndexChanged.connect(self._emit)

    def filter(self) -> SessionFilter:
        """The filter the widgets show."""
        form = self.form_combo.currentData()
        return SessionFilter(period=self.month_combo.period(), point_id=self.point_combo.currentData(),
                             form=SessionForm(form) if form else None, text=self.search_edit.text())

    def set_filter(self, flt: SessionFilter) -> None:
        """Show ``flt`` in the widgets and announce it once."""
        widgets = (self.point_combo, self.form_combo, self.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.month_combo.set_period(flt.period, notify=False)
            self.point_combo.setCurrentIndex(max(self.point_combo.findData(flt.point_id), 0))
            self.form_combo.setCurrentIndex(max(self.form_combo.findData(flt.form.value if flt.form else None), 0))
            self.search_edit.setText(flt.text)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        self._emit()

    def set_points(self, points: Sequence[LiaisonPoint]) -> None:
        """Refill the 联系点 choice, keeping the selection when it still exists."""
        if refill_combo(self.point_combo, ((p.name, p.id) for p in points), first=(self.tr("全部"), None)):
            self._emit()

    def flush_search(self) -> None:
        """Apply a pending search at once."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit()

    def _emit(self, *_args: object) -> None:
        self.sig_filter_changed.emit(self.filter())
