"""The judge's side panel beside the roster calendar: the month in one line, every doubtful
shift (⚠ with its reason) and every open seat with why it stayed open, and the legend."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import RosterView
from liaison_app.gui.duty_formatting import gap_text, parse_slot_key, slot_key, slot_label
from liaison_app.gui.widgets.roster_calendar import GAP_STYLE, PROBLEM_FRAME, RosterLegend

_SLOT_ROLE = Qt.ItemDataRole.UserRole + 2


class RosterProblemPanel(QWidget):
    """Summary, problem list (click = show the half-day in the calendar) and legend.

    Signals:
        sig_slot_focus(object, object): show this half-day (``date``, ``HalfDay``).
    """

    sig_slot_focus = Signal(object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roster_problems")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("roster_summary")
        self.summary_label.setWordWrap(True)
        title = QLabel(self.tr("问题与缺班（点一下可定位）"), self)
        title.setProperty("role", "section")
        title.setWordWrap(True)  # the side column is narrow; 大字模式 wraps the title
        self.list = QListWidget(self)
        self.list.setObjectName("problem_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.legend = RosterLegend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.legend)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemClicked.connect(self._on_current)

    def set_roster(self, view: RosterView | None, today: date) -> None:
        """List the month's problems (by date) and its open seats from today on."""
        self.list.clear()
        if view is None:
            self.summary_label.setText("")
            return
        names = view.names
        self.summary_label.setText(self.tr("本月已排 {filled} 班，缺 {missing} 班。\n{spread}").format(
            filled=view.filled, missing=view.missing, spread=view.spread.text(names)))
        entries: list[tuple[date, HalfDay, int, str, str]] = []
        for (day, half), slot in view.slots.items():
            for shift_id, problems in slot.problems:
                shift = next((s for s in slot.shifts if s.id == shift_id), None)
                who = names.get(shift.person_id, "?") if shift else "?"
                for problem in problems:
                    text = self.tr("⚠ {slot} {who}：{problem}").format(slot=slot_label(day, half), who=who,
                                                                       problem=problem.message)
                    entries.append((day, half, 0, text, PROBLEM_FRAME))
        for gap in view.gaps:
            if gap.day >= today:
                entries.append((gap.day, gap.half, 1, gap_text(gap), GAP_STYLE.text))
        entries.sort(key=lambda e: (e[0], e[1] is HalfDay.PM, e[2]))
        for day, half, _kind, text, color in entries:
            item = QListWidgetItem(text, self.list)
            item.setData(_SLOT_ROLE, slot_key(day, half))
            item.setForeground(QBrush(QColor(color)))
            item.setToolTip(text)
        if not entries:
            item = QListWidgetItem(self.tr("本月没有冲突，也没有缺班。"), self.list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def texts(self) -> list[str]:
        """The list's lines (tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_current(self, item: QListWidgetItem | None, *_args: object) -> None:
        slot = parse_slot_key(item.data(_SLOT_ROLE)) if item is not None else None
        if slot:
            self.sig_slot_focus.emit(slot[0], slot[1])
