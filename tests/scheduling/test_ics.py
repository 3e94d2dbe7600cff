"""iCalendar output: Asia/Shanghai times, stable UIDs, a reminder at 20:00 the evening before."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.scheduling.ics import ShiftEvent, build_calendar, reminder_offset, shift_uid

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_reminder_offset_reaches_back_to_eight_in_the_evening():
    assert reminder_offset(datetime(2026, 12, 3, 9, 0, tzinfo=SHANGHAI)) == -timedelta(hours=13)
    assert reminder_offset(datetime(2026, 12, 3, 14, 30, tzinfo=SHANGHAI)) == -timedelta(hours=18, minutes=30)
    # Across a month and a year boundary too.
    start = datetime(2027, 1, 1, 8, 15, tzinfo=SHANGHAI)
    assert start + reminder_offset(start) == datetime(2026, 12, 31, 20, 0, tzinfo=SHANGHAI)


def test_calendar_parses_back_with_times_location_and_alarm():
    events = [
        ShiftEvent("s-pm", date(2026, 12, 3), time(14, 30), time(17, 30), "值班：宁安镇法官联系点（下午）",
                   "宁安镇 宁安镇法官联系点", status="TENTATIVE"),
        ShiftEvent("s-am", date(2026, 12, 1), time(9, 0), time(12, 0), "值班：宁安镇法官联系点（上午）",
                   "宁安镇 宁安镇法官联系点", "中宁县人民法院"),
    ]
    data = build_calendar("张德昇", events, datetime(2026, 11, 29, 10, 0, tzinfo=CHINA_TZ))
    assert b"\r\n" in data
    cal = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    parsed = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in parsed] == [shift_uid("s-am"), shift_uid("s-pm")]   # time order
    first, second = parsed
    assert first.decoded("DTSTART") == datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)
    assert first.decoded("DTEND") == datetime(2026, 12, 1, 12, 0, tzinfo=SHANGHAI)
    assert first["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert str(first["LOCATION"]) == "宁安镇 宁安镇法官联系点"
    assert str(second["STATUS"]) == "TENTATIVE"
    for event in parsed:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        fires = event.decoded("DTSTART") + alarm.decoded("TRIGGER")
        evening_before = event.decoded("DTSTART").date() - timedelta(days=1)
        assert fires == datetime.combine(evening_before, time(20, 0), tzinfo=SHANGHAI)
    assert b"TRIGGER:-PT18H30M" in data and b"TRIGGER:-PT13H" in data


def test_the_same_shift_keeps_its_uid_across_exports():
    event = ShiftEvent("abc", date(2026, 12, 1), time(9), time(12), "值班", "某地")
    one = Calendar.from_ical(build_calendar("甲", [event], datetime(2026, 11, 1, tzinfo=CHINA_TZ)))
    two = Calendar.from_ical(build_calendar("甲", [event], datetime(2026, 11, 20, tzinfo=CHINA_TZ)))
    assert one.walk("VEVENT")[0]["UID"] == two.walk("VEVENT")[0]["UID"]
