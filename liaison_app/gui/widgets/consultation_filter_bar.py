"""Filters above the consultation list: month, point, category, outcome, follow-up, search."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.records import Category, ConsultationFilter, LiaisonPoint
from liaison_app.gui.labels import category_text, label
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.month_combo import MonthCombo


class ConsultationFilterBar(QWidget):
    """Builds a :class:`ConsultationFilter` from its widgets.

    Combos apply at once; the search box applies ``SEARCH_DELAY_MS`` after the last keystroke
    (Chinese substrings, names, phone digits: the search itself is in storage).

    Args:
        categories: selectable categories in dictionary order (TAG entries already removed).
        current_period: ``YYYY-MM`` of today; the month list counts back from it.

    Signals:
        sig_filter_changed(ConsultationFilter): the filter the list should show.
    """

    sig_filter_changed = Signal(object)

    SEARCH_DELAY_MS = 250

    def __init__(self, categories: Sequence[Category], current_period: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._current_period = current_period
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索：姓名、电话、村/社区、咨询内容…"))
        self.month_combo = MonthCombo(current_period, parent=self)
        self.month_combo.setObjectName("filter_month")
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("filter_point")
        self.point_combo.addItem(self.tr("全部"), None)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("filter_category")
        self.category_combo.addItem(self.tr("全部"), None)
        for category in categories:
            indent = "\u3000" if category.level == 2 else ""  # i18n-exempt: indent (ideographic space)
            self.category_combo.addItem(indent + category_text(category), category.code)
        self.category_combo.setMaxVisibleItems(20)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("filter_outcome")
        self.outcome_combo.addItem(self.tr("全部"), None)
        for outcome in Outcome:
            self.outcome_combo.addItem(label(outcome), outcome.value)
        self.followup_combo = QComboBox(self)
        self.followup_combo.setObjectName("filter_followup")
        self.followup_combo.addItem(self.tr("全部"), None)
        for state in FollowUpState:
            self.followup_combo.addItem(label(state), state.value)
        for combo in (self.point_combo, self.category_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        layout = FlowLayout(self)   # one row when it fits, more rows in 大字模式 or English
        for text, combo in ((self.tr("统计月份"), self.month_combo), (self.tr("联系点"), self.point_combo),
                            (self.tr("纠纷类型"), self.category_combo), (self.tr("处理方式"), self.outcome_combo),
                            (self.tr("回访状态"), self.followup_combo)):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            layout.addWidget(keep_together(self, caption, combo))

        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.month_combo.sig_period_changed.connect(self._emit)
        for combo in (self.point_combo, self.category_combo, self.outcome_combo, self.followup_combo):
            combo.currentIndexChanged.connect(self._emit)

    # -- API ---------------------------------------------------------------------------------
    def filter(self) -> ConsultationFilter:
        """The filter the widgets show."""
        outcome = self.outcome_combo.currentData()
        followup = self.followup_combo.currentData()
        return ConsultationFilter(
            period=self.month_combo.period(),
            point_id=self.point_combo.currentData(),
            category_code=self.category_combo.currentData(),
            outcome=Outcome(outcome) if outcome else None,
            followup=FollowUpState(followup) if followup else None,
            text=self.search_edit.text(),
        )

    def set_filter(self, flt: ConsultationFilter) -> None:
        """Show ``flt`` in the widgets and announce it once."""
        widgets = (self.point_combo, self.category_combo, self.outcome_combo,
                   self.followup_combo, self.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.month_combo.set_period(flt.period, notify=False)
            self.point_combo.setCurrentIndex(max(self.point_combo.findData(flt.point_id), 0))
            self.category_combo.setCurrentIndex(max(self.category_combo.findData(flt.category_code), 0))
            self.outcome_combo.setCurrentIndex(
                max(self.outcome_combo.findData(flt.outcome.value if flt.outcome else None), 0))
            self.followup_combo.setCurrentIndex(
                max(self.followup_combo.findData(flt.followup.value if flt.followup else None), 0))
            self.search_edit.setText(flt.text)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        self._emit()

    def set_points(self, points: Sequence[LiaisonPoint]) -> None:
        """Refill the 联系点 choice, keeping the current selection when it still exists."""
        current = self.point_combo.currentData()
        self.point_combo.blockSignals(True)
        self.point_combo.clear()
        self.point_combo.addItem(self.tr("全部"), None)
        for point in points:
            self.point_combo.addItem(point.name, point.id)
        self.point_combo.setCurrentIndex(max(self.point_combo.findData(current), 0))
        self.point_combo.blockSignals(False)
        if self.point_combo.currentData() != current:
            self._emit()

    def flush_search(self) -> None:
        """Apply a pending search at once (instead of waiting for the delay)."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit()

    # -- internals ---------------------------------------------------------------------------
    def _emit(self, *_args: object) -> None:
        self.sig_filter_changed.emit(self.filter())
