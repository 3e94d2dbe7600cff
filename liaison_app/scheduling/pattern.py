"""Which half-days a point holds duty on: a pattern expanded over dates and China's calendar.

Rules (see also docs/duty-roster.md):

* A statutory holiday (法定节假日, including the weekend days inside a holiday block) is a day off
  for every kind of pattern unless the point sets ``duty_on_holidays``.
* WEEKLY: the pattern's weekday × half-day slots on working days and ordinary weekends; a 调休
  make-up working day (e.g. Saturday 2026-10-10) holds duty at the pattern's ``halves`` when
  ``duty_on_makeup_days`` — it stands in for a working day lost to the holiday, and the notice
  does not say which weekday it replaces.
* MONTHLY_DAYS (逢五逢十) and MARKET_DAYS (赶集日, every N days from a start date) go by date,
  whatever the weekday; ``duty_on_weekends`` False skips ordinary Saturdays and Sundays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from liaison_app.domain.duty import DutyPattern, PatternKind
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DayInfo, DayKind
from liaison_app.scheduling.calendar import HolidayCalendar


@dataclass(frozen=True, order=True)
class DutySlot:
    """A half-day on which a point holds duty with ``seats`` volunteers."""

    day: date
    half: HalfDay
    seats: int


_HALF_ORDER = {HalfDay.AM: 0, HalfDay.PM: 1}


def halves_on(pattern: DutyPattern, info: DayInfo) -> list[HalfDay]:
    """The half-days ``pattern`` holds duty on the day ``info`` describes (AM before PM)."""
    day = info.day
    if info.kind is DayKind.HOLIDAY and not pattern.duty_on_holidays:
        return []
    if pattern.kind is PatternKind.WEEKLY:
        if info.kind is DayKind.MAKEUP:
            found = set(pattern.halves) if pattern.duty_on_makeup_days else set()
            found |= {s.half for s in pattern.weekly_slots if s.weekday == day.weekday()}
        else:
            found = {s.half for s in pattern.weekly_slots if s.weekday == day.weekday()}
        return sorted(found, key=_HALF_ORDER.__getitem__)
    if info.kind is DayKind.WEEKEND and not pattern.duty_on_weekends:
        return []
    if pattern.kind is PatternKind.MONTHLY_DAYS:
        held = day.day in pattern.month_days
    else:
        held = pattern.market_start is not None and (day - pattern.market_start).days % pattern.market_every == 0
    return sorted(pattern.halves, key=_HALF_ORDER.__getitem__) if held else []


def duty_slots(pattern: DutyPattern, start: date, end: date, calendar: HolidayCalendar) -> list[DutySlot]:
    """Every duty half-day of ``pattern`` in ``[start, end)``, in time order."""
    slots: list[DutySlot] = []
    day = start
    while day < end:
        for half in halves_on(pattern, calendar.day(day)):
            slots.append(DutySlot(day, half, pattern.per_slot))
        day += timedelta(days=1)
    return slots
