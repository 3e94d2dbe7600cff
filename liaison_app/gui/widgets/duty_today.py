"""今明两天值班: today's and tomorrow's duty of every point, open seats in red (for the start page)."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.roster import DutyDay, SlotView
from liaison_app.gui.duty_formatting import day_label, leave_suffix
from liaison_app.gui.labels import label
from liaison_app.gui.pyside_workarounds import replenish_none_refs
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.widgets.roster_calendar import GAP_STYLE

# Tables whose changes move what this panel shows.
DUTY_TODAY_TABLES = ("duty_shift", "duty_pattern", "duty_calendar_day", "person", "liaison_point")


class DutyTodayPanel(QFrame):
    """Today's and tomorrow's duty (``core.duty.duty_days``): per day and point the names on
    duty in the morning and afternoon, ``缺N人`` in red for open seats, or why there is no duty
    (周末, the holiday's name). Re-read when shown and when duty data changes.

    Args:
        core: the open core.
        signals: listened to for ``sig_changes_applied``.

    Signals:
        sig_roster_requested(str, str): the user wants the roster of this point (id) and month
            (``YYYY-MM``) — wire it to ``RosterPage.show_month`` and show that page.
    """

    sig_roster_requested = Signal(str, str)

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._lines: list[str] = []
        self.setObjectName("duty_today")
        self.setProperty("role", "figure")
        self.title = QLabel(self.tr("今明两天值班"), self)
        self.title.setProperty("role", "section")
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        layout.addStretch(1)
        signals.sig_changes_applied.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the two days and rebuild the lines."""
        replenish_none_refs()
        _clear(self.body)
        self._lines = []
        days = self._core.duty.duty_days(days=2)
        if not days:
            self._add_label(self.tr("还没有联系点。"), muted=True)
            return
        today = self._core.now().date()
        several = len({d.point.id for d in days}) > 1
        shown_day = None
        for duty_day in days:
            if duty_day.info.day != shown_day:
                shown_day = duty_day.info.day
                day_text = day_label(shown_day)
                if shown_day == today:
                    day_text = self.tr("今天 {day}").format(day=day_text)
                elif shown_day == today + timedelta(days=1):
                    day_text = self.tr("明天 {day}").format(day=day_text)
                self._add_label(day_text, heading=True)
            self._add_point(duty_day, several)

    def lines(self) -> list[str]:
        """The panel's text, one entry per line (plain, for tests and accessibility)."""
        return list(self._lines)

    def showEvent(self, event: QShowEvent) -> None:
        """The day may have changed since the last look."""
        self.refresh()
        super().showEvent(event)

    # -- building ------------------------------------------------------------------------------
    def _add_point(self, duty_day: DutyDay, several: bool) -> None:
        row = QHBoxLayout()
        texts: list[str] = []
        plain: list[str] = []
        if several:
            texts.append(f"<b>{html.escape(duty_day.point.name)}</b>")
            plain.append(duty_day.point.name)
        if not duty_day.slots:
            info = duty_day.info
            why = info.name or label(info.kind)
            texts.append(self.tr("不值班（{why}）").format(why=html.escape(why)))
            plain.append(self.tr("不值班（{why}）").format(why=why))
        for slot in duty_day.slots:
            rich, text = self._slot_text(slot, duty_day.names)
            texts.append(rich)
            plain.append(text)
        separator = self.tr("　")  # between the point's name and its half-days
        line = QLabel(separator.join(texts), self)
        line.setTextFormat(Qt.TextFormat.RichText)
        line.setWordWrap(True)
        line.setObjectName("duty_today_line")
        row.addWidget(line, 1)
        button = QPushButton(self.tr("值班表"), self)
        button.setObjectName("duty_today_open")
        button.setToolTip(self.tr("打开{point}的值班表").format(point=duty_day.point.name))
        period = clock.period_of(duty_day.info.day)
        button.clicked.connect(lambda _c=False, p=duty_day.point.id, m=period: self.sig_roster_requested.emit(p, m))
        row.addWidget(button)
        self.body.addLayout(row)
        self._lines.append(separator.join(plain))

    def _slot_text(self, slot: SlotView, names: dict[str, str]) -> tuple[str, str]:
        people = []
        for shift in slot.shifts:
            name = names.get(shift.person_id, "?")
            if shift.state is ShiftState.LEAVE:
                name += leave_suffix()
            elif shift.state is ShiftState.CONFIRMED:
                name += self.tr("（已确认）")
            elif shift.state is ShiftState.DONE:
                name += self.tr("（已完成）")
            people.append(name)
        half = label(slot.half)
        joined = self.tr("、").join(people)
        plain = f"{half} {joined}"
        rich = f"<b>{html.escape(half)}</b> " + html.escape(joined)
        if slot.missing:
            gap = self.tr("缺{n}人").format(n=slot.missing)
            plain = f"{plain} {gap}".replace("  ", " ")
            rich += f' <span style="color:{GAP_STYLE.text}; font-weight:bold">{gap}</span>'
        return rich, plain.strip()

    def _add_label(self, text: str, *, heading: bool = False, muted: bool = False) -> None:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if heading:
            label.setStyleSheet("font-weight: bold; padding-top: 4px;")
        if muted:
            label.setProperty("role", "muted")
        self.body.addWidget(label)
        self._lines.append(text)

    def _on_changes(self, changes: Changes) -> None:
        if any(changes.touches(table) for table in DUTY_TODAY_TABLES):
            self.refresh()


def _clear(layout) -> None:  # type: ignore[no-untyped-def]
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # gone now, deleted when control returns to the event loop
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())

