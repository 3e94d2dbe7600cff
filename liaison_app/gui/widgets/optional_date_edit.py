"""A date that may be absent: a check box plus a QDateEdit (QDateEdit alone cannot be empty)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

_MINIMUM = QDate(2000, 1, 1)


class OptionalDateEdit(QWidget):
    """``value()`` is a :class:`date` when the box is checked, else None (GUIDE §5: an untouched
    QDateEdit would silently save its default).

    While unchecked, the date field shows ``empty_text`` and is disabled; checking the box
    brings back the last date shown, or ``default_date()`` of the owner.

    Signals:
        sig_changed(): checked state or date changed by the user or by code.
    """

    sig_changed = Signal()

    def __init__(self, check_text: str, empty_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.check_box = QCheckBox(check_text, self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setLocale(QLocale())   # the language chosen (calendar popup names)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.date_edit.setMinimumDate(_MINIMUM)
        self.date_edit.setSpecialValueText(empty_text)
        self.date_edit.setDate(_MINIMUM)
        self.date_edit.setEnabled(False)
        self._last = QDate()
        self._fallback: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check_box)
        layout.addWidget(self.date_edit, 1)
        self.check_box.toggled.connect(self._on_toggled)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.setFocusProxy(self.check_box)

    def set_fallback(self, day: date | None) -> None:
        """Date proposed when the box gets checked and no date was shown before."""
        self._fallback = day

    def value(self) -> date | None:
        """The date, or None when unchecked."""
        if not self.check_box.isChecked():
            return None
        return self.date_edit.date().toPython()

    def set_value(self, day: date | None) -> None:
        """Check and show ``day``, or uncheck for None."""
        if day is None:
            self.check_box.setChecked(False)
            return
        self._last = QDate(day.year, day.month, day.day)
        if self.check_box.isChecked():
            self.date_edit.setDate(self._last)
        else:
            self.check_box.setChecked(True)

    def set_read_only(self, read_only: bool) -> None:
        """Show without allowing changes."""
        self.check_box.setEnabled(not read_only)
        self.date_edit.setReadOnly(read_only)

    def _on_toggled(self, checked: bool) -> None:
        if checked:
            if not self._last.isValid() and self._fallback is not None:
                self._last = QDate(self._fallback.year, self._fallback.month, self._fallback.day)
            self.date_edit.setEnabled(True)
            self.date_edit.setDate(self._last if self._last.isValid() else QDate.currentDate())
        else:
            self.date_edit.setDate(_MINIMUM)  # shows the empty text
            self.date_edit.setEnabled(False)
        self.sig_changed.emit()

    def _on_date_changed(self, value: QDate) -> None:
        if self.check_box.isChecked():
            self._last = value
            self.sig_changed.emit()
