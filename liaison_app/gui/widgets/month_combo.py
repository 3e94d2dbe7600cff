"""Choice of a statistical month (统计月份): 全部, the last twelve months, 其他月份…."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from liaison_app.domain import clock
from liaison_app.gui.dialogs.month_picker_dialog import MonthPickerDialog
from liaison_app.gui.formatting import format_period_zh

# Item data of the "其他月份…" entry.
PICK_MONTH = "__pick__"
RECENT_MONTHS = 12


class MonthCombo(QComboBox):
    """Item data is the period ``YYYY-MM`` (None for 全部). Choosing 其他月份… opens a
    :class:`MonthPickerDialog`; a month picked there is inserted in order, cancelling goes back
    to the previous choice.

    Args:
        current_period: ``YYYY-MM`` of today; the list counts back from it.
        allow_all: offer 全部 (no month filter) first.

    Signals:
        sig_period_changed(object): the chosen period (str, or None for 全部) after the user
            or :meth:`set_period` changed it.
    """

    sig_period_changed = Signal(object)

    def __init__(self, current_period: str, *, allow_all: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._current_period = current_period
        if allow_all:
            self.addItem(self.tr("全部"), None)
        for back in range(RECENT_MONTHS):
            period = clock.shift_period(current_period, -back)
            self.addItem(format_period_zh(period), period)
        self.addItem(self.tr("其他月份…"), PICK_MONTH)
        self._last_index = 0
        self.currentIndexChanged.connect(self._on_index_changed)

    def period(self) -> str | None:
        """The chosen period, or None for 全部."""
        data = self.currentData()
        return data if data and data != PICK_MONTH else None

    def set_period(self, period: str | None, *, notify: bool = True) -> None:
        """Show ``period`` (None: 全部 when offered), inserting it if it is not listed."""
        self.blockSignals(True)
        try:
            if period:
                self.ensure_period(period)
            self.setCurrentIndex(max(self.findData(period), 0))
            self._last_index = self.currentIndex()
        finally:
            self.blockSignals(False)
        if notify:
            self.sig_period_changed.emit(self.period())

    def ensure_period(self, period: str) -> None:
        """Insert ``period`` in order (newest first, before 其他月份…) unless listed."""
        if self.findData(period) >= 0:
            return
        position = self.count() - 1
        for i in range(self.count() - 1):
            data = self.itemData(i)
            if data and str(data) < period:
                position = i
                break
        self.insertItem(position, format_period_zh(period), period)

    def ask_period(self) -> str | None:
        """Ask for any month in a dialog; None when cancelled (tests replace this method)."""
        dialog = MonthPickerDialog(self.period() or self._current_period, self)
        try:
            if dialog.exec() == MonthPickerDialog.DialogCode.Accepted:
                return dialog.period()
            return None
        finally:
            dialog.deleteLater()

    def _on_index_changed(self, index: int) -> None:
        if self.itemData(index) == PICK_MONTH:
            picked = self.ask_period()
            self.blockSignals(True)
            try:
                if picked is None:
                    self.setCurrentIndex(self._last_index)
                else:
                    self.ensure_period(picked)
                    self.setCurrentIndex(self.findData(picked))
            finally:
                self.blockSignals(False)
            if picked is None:
                return
        self._last_index = self.currentIndex()
        self.sig_period_changed.emit(self.period())
