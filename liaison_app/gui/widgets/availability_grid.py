"""A volunteer's usual availability: 7 weekdays × 上午/下午, as large check boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.gui.duty_formatting import weekday_label, weekly_slot_label
from liaison_app.gui.labels import label
from liaison_app.gui.widgets.reflow_layout import ReflowLayout


class AvailabilityGrid(QWidget):
    """Weekdays across (周一 … 周日, week starts on Monday), 上午 and 下午 down; when the width
    runs out (大字模式, English) the days wrap into rows of four (then two, then one).

    Each cell is a check box with its own text (``上午``) so it can be hit and read without
    the headers; the boxes are drawn large (``role="large"`` in the style sheet) for users
    over 65.

    Signals:
        sig_changed(): a box was checked or unchecked.
    """

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[WeeklySlot, QCheckBox] = {}
        days = ReflowLayout((7, 4, 2, 1), equal_columns=True, parent=self)
        days.setSpacing(6)
        for weekday in range(7):
            day = QWidget(self)
            column = QVBoxLayout(day)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(6)
            header = QLabel(weekday_label(weekday), day)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setProperty("role", "gridHeader")
            column.addWidget(header)
            for half in HalfDay:
                slot = WeeklySlot(weekday, half)
                box = QCheckBox(label(half), day)
                box.setObjectName(f"slot_{slot.code}")
                box.setProperty("role", "large")
                box.setMinimumHeight(max(36, self.fontMetrics().height() + 16))  # a big target even unstyled
                box.setToolTip(weekly_slot_label(slot))
                box.setAccessibleName(weekly_slot_label(slot))
                box.toggled.connect(self.sig_changed)
                column.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
                self.boxes[slot] = box
            days.add_widget(day, 1)

    def slots(self) -> frozenset[WeeklySlot]:
        """The checked half-days."""
        return frozenset(slot for slot, box in self.boxes.items() if box.isChecked())

    def set_slots(self, slots: Iterable[WeeklySlot]) -> None:
        """Check exactly ``slots``; emits :attr:`sig_changed` once."""
        wanted = set(slots)
        for slot, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(slot in wanted)
            box.blockSignals(False)
        self.sig_changed.emit()

    def check_boxes(self) -> list[QCheckBox]:
        """Boxes in keyboard order (Monday morning, Monday afternoon, Tuesday …)."""
        return [self.boxes[slot] for slot in sorted(self.boxes)]
