"""China's working calendar: statutory holidays and 调休 make-up working days.

Source of the rules: the State Council's yearly notice (国务院办公厅关于…部分节假日安排的通知),
as maintained in the ``chinese-calendar`` package (imported as ``chinese_calendar``). The package
has data only up to the last announced year (1.11.0: 2004–2026) and raises
``NotImplementedError`` beyond it; the next year's notice comes out around November–December.
For such a year this module falls back to ordinary weekends (Saturday and Sunday off) and says
so in a warning. Hand-entered days (:class:`~liaison_app.domain.duty.CalendarOverride`, the
节假日表) take precedence over both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from liaison_app.domain.duty import CalendarDayKind, CalendarOverride
from liaison_app.domain.roster import DayInfo, DayKind, DaySource


def library_version() -> str:
    """Version of the installed chinese-calendar package (for messages)."""
    return str(getattr(chinese_calendar, "__version__", "")) or "?"


@lru_cache(maxsize=64)
def library_covers(year: int) -> bool:
    """True if chinese-calendar has the holiday schedule of ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 7, 1))
    except NotImplementedError:
        return False
    return True


def covered_years() -> tuple[int, int]:
    """First and last year chinese-calendar knows (``(2004, 2026)`` for version 1.11.0)."""
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def _holiday_name_zh(english: str | None) -> str:
    """chinese_calendar's English holiday name → its Chinese name (``National Day`` → ``国庆节``)."""
    if not english:
        return ""
    try:
        return str(chinese_calendar.Holiday(english).chinese)
    except ValueError:
        return english


class HolidayCalendar:
    """Day kinds for any date: hand-entered table → chinese-calendar → weekend fallback.

    Args:
        overrides: hand-entered days by date (they win over the library).
    """

    def __init__(self, overrides: Mapping[date, CalendarOverride] | Iterable[CalendarOverride] = ()):
        items = overrides.values() if isinstance(overrides, Mapping) else overrides
        self._overrides: dict[date, CalendarOverride] = {o.day: o for o in items}
        self._cache: dict[date, DayInfo] = {}

    def day(self, day: date) -> DayInfo:
        """The kind of ``day``: WORKDAY, WEEKEND, HOLIDAY (statutory day off) or MAKEUP (a
        调休 weekend working day). Never raises for an uncovered year."""
        found = self._cache.get(day)
        if found is None:
            found = self._compute(day)
            self._cache[day] = found
        return found

    def _compute(self, day: date) -> DayInfo:
        weekend = day.weekday() >= 5
        override = self._overrides.get(day)
        if override is not None:
            if override.kind is CalendarDayKind.HOLIDAY:
                return DayInfo(day, DayKind.HOLIDAY, override.note or "放假", DaySource.MANUAL)
            kind = DayKind.MAKEUP if weekend else DayKind.WORKDAY
            return DayInfo(day, kind, override.note, DaySource.MANUAL)
        if not library_covers(day.year):
            return DayInfo(day, DayKind.WEEKEND if weekend else DayKind.WORKDAY, "", DaySource.FALLBACK)
        # get_holiday_detail: (True, name) statutory holiday; (True, None) ordinary weekend;
        # (False, name) a 调休 working day; (False, None) ordinary working day.
        off, english = chinese_calendar.get_holiday_detail(day)
        if off:
            if english:
                return DayInfo(day, DayKind.HOLIDAY, _holiday_name_zh(english))
            return DayInfo(day, DayKind.WEEKEND)
        if weekend:
            return DayInfo(day, DayKind.MAKEUP, f"{_holiday_name_zh(english)}调休上班" if english else "调休上班")
        return DayInfo(day, DayKind.WORKDAY)

    def days(self, start: date, end: date) -> list[DayInfo]:
        """DayInfo for every date in ``[start, end)``."""
        return [self.day(start + timedelta(n)) for n in range((end - start).days)]

    def warnings(self, start: date, end: date) -> list[str]:
        """Chinese warnings for the years of ``[start, end)`` the library does not cover."""
        found: list[str] = []
        for year in range(start.year, (end - timedelta(days=1)).year + 1):
            if library_covers(year):
                continue
            manual = sum(1 for d in self._overrides if d.year == year)
            entered = f"，节假日表中已手工录入{manual}天" if manual else ""
            first, last = covered_years()
            found.append(
                f"{year}年法定节假日数据尚未收录（节假日库 chinese-calendar {library_version()} "
                f"只含{first}–{last}年），已按周末处理，可在节假日表中手工录入放假和调休上班日{entered}。"
            )
        return found
