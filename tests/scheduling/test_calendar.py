"""China's working calendar from chinese-calendar, the weekend fallback, the hand-entered table,
and how each kind of duty pattern meets holidays and 调休 days."""

from datetime import date, timedelta

import chinese_calendar
import pytest

from liaison_app.domain.duty import CalendarDayKind, CalendarOverride, DutyPattern, PatternKind
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.domain.roster import DayKind, DaySource
from liaison_app.scheduling.calendar import HolidayCalendar, covered_years, library_covers
from liaison_app.scheduling.pattern import duty_slots

FIRST_UNCOVERED = covered_years()[1] + 1   # 2027 with chinese-calendar 1.11.0


def days_of(slots):
    return sorted({s.day for s in slots})


def test_national_day_week_and_its_make_up_days_come_from_the_library():
    cal = HolidayCalendar()
    # 2026: 中秋 25–27 Sep, 国庆 1–7 Oct; make-up working days Sunday 20 Sep and Saturday 10 Oct.
    for n in range(1, 8):
        info = cal.day(date(2026, 10, n))
        assert (info.kind, info.name, info.source) == (DayKind.HOLIDAY, "国庆节", DaySource.LIBRARY)
    assert cal.day(date(2026, 9, 26)).name == "中秋"
    for makeup in (date(2026, 9, 20), date(2026, 10, 10)):
        assert makeup.weekday() >= 5
        assert chinese_calendar.is_workday(makeup)            # what the library says …
        assert cal.day(makeup).kind is DayKind.MAKEUP         # … is what we use
    assert cal.day(date(2026, 10, 11)).kind is DayKind.WEEKEND
    assert cal.day(date(2026, 10, 8)).kind is DayKind.WORKDAY
    assert cal.warnings(date(2026, 10, 1), date(2026, 11, 1)) == []


def test_weekly_pattern_skips_the_holiday_and_serves_the_make_up_saturday():
    cal = HolidayCalendar()
    slots = duty_slots(DutyPattern("P"), date(2026, 10, 1), date(2026, 11, 1), cal)
    days = days_of(slots)
    assert not [d for d in days if d <= date(2026, 10, 7)]
    assert date(2026, 10, 10) in days and date(2026, 10, 11) not in days
    assert len(slots) == 2 * (2 + 1 + 15)      # Thu 8, Fri 9, Sat 10, then three full weeks
    no_makeup = duty_slots(DutyPattern("P", duty_on_makeup_days=False), date(2026, 10, 1), date(2026, 11, 1), cal)
    assert date(2026, 10, 10) not in days_of(no_makeup)
    sept = duty_slots(DutyPattern("P"), date(2026, 9, 1), date(2026, 10, 1), cal)
    assert date(2026, 9, 20) in days_of(sept) and date(2026, 9, 25) not in days_of(sept)


def test_a_make_up_day_serves_the_pattern_halves_plus_that_weekday_slots():
    cal = HolidayCalendar()
    pattern = DutyPattern("P", weekly_slots=frozenset({WeeklySlot(1, HalfDay.AM)}), halves=frozenset({HalfDay.PM}))
    slots = [s for s in duty_slots(pattern, date(2026, 10, 1), date(2026, 11, 1), cal) if s.day == date(2026, 10, 10)]
    assert [s.half for s in slots] == [HalfDay.PM]


def test_monthly_days_and_market_days_are_off_on_holidays_by_default():
    cal = HolidayCalendar()
    monthly = DutyPattern("P", kind=PatternKind.MONTHLY_DAYS, month_days=(5, 10, 15, 20, 25, 30),
                          halves=frozenset({HalfDay.AM}))
    got = days_of(duty_slots(monthly, date(2026, 10, 1), date(2026, 11, 1), cal))
    assert [d.day for d in got] == [10, 15, 20, 25, 30]          # the 5th is in the National Day week
    assert date(2026, 10, 5) in days_of(duty_slots(monthly.with_changes(duty_on_holidays=True),
                                                   date(2026, 10, 1), date(2026, 11, 1), cal))
    no_weekends = monthly.with_changes(duty_on_weekends=False)   # 25 Oct 2026 is a Sunday
    got = days_of(duty_slots(no_weekends, date(2026, 10, 1), date(2026, 11, 1), cal))
    assert [d.day for d in got] == [10, 15, 20, 30]
    market = DutyPattern("P", kind=PatternKind.MARKET_DAYS, market_start=date(2026, 10, 2), market_every=5)
    got = duty_slots(market, date(2026, 10, 1), date(2026, 11, 1), cal)
    assert [d.day for d in days_of(got)] == [12, 17, 22, 27]      # 2 and 7 October are holidays
    assert len(got) == 8                                          # 上午 and 下午
    # Market days run backwards from the start date too, and past a month's end.
    before = days_of(duty_slots(market, date(2026, 9, 1), date(2026, 9, 30), cal))
    assert [d.day for d in before] == [2, 7, 12, 17, 22]          # 27 Sep is 中秋


def test_a_month_day_past_the_end_of_the_month_does_not_occur():
    pattern = DutyPattern("P", kind=PatternKind.MONTHLY_DAYS, month_days=(30, 31))
    assert duty_slots(pattern, date(2026, 2, 1), date(2026, 3, 1), HolidayCalendar()) == []


def test_an_uncovered_year_falls_back_to_weekends_with_a_warning_not_a_crash():
    year = FIRST_UNCOVERED
    assert not library_covers(year)
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(year, 1, 4))      # the library itself refuses
    cal = HolidayCalendar()
    jan = cal.days(date(year, 1, 1), date(year, 2, 1))
    assert all(d.source is DaySource.FALLBACK for d in jan)
    assert all((d.kind is DayKind.WEEKEND) == (d.day.weekday() >= 5) for d in jan)
    warnings = cal.warnings(date(year, 1, 1), date(year, 2, 1))
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{year}年法定节假日数据尚未收录")
    assert "已按周末处理" in warnings[0] and "节假日表中手工录入" in warnings[0]
    # A roster spanning the last covered year and the next warns once, for the new year only.
    span = cal.warnings(date(year - 1, 12, 1), date(year, 2, 1))
    assert len(span) == 1 and span[0].startswith(f"{year}年")


def test_hand_entered_days_take_precedence_over_library_and_fallback():
    year = FIRST_UNCOVERED
    jan1 = date(year, 1, 1)
    saturday = next(jan1 + timedelta(n) for n in range(7) if (jan1 + timedelta(n)).weekday() == 5)
    cal = HolidayCalendar([
        CalendarOverride(jan1, CalendarDayKind.HOLIDAY, "元旦"),
        CalendarOverride(saturday, CalendarDayKind.WORKDAY, "元旦调休上班"),
        CalendarOverride(date(2026, 10, 8), CalendarDayKind.HOLIDAY, "本地延长假期"),
        CalendarOverride(date(2026, 10, 2), CalendarDayKind.WORKDAY, ""),
    ])
    assert (cal.day(jan1).kind, cal.day(jan1).name, cal.day(jan1).source) == (DayKind.HOLIDAY, "元旦", DaySource.MANUAL)
    assert cal.day(saturday).kind is DayKind.MAKEUP
    assert cal.day(date(2026, 10, 8)).kind is DayKind.HOLIDAY      # library: a working day
    assert cal.day(date(2026, 10, 2)).kind is DayKind.WORKDAY      # library: 国庆节
    assert "已手工录入2天" in cal.warnings(date(year, 1, 1), date(year, 2, 1))[0]
    slots = duty_slots(DutyPattern("P"), date(year, 1, 1), date(year, 1, 12), cal)
    assert jan1 not in days_of(slots) and saturday in days_of(slots)
