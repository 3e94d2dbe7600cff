"""iCalendar (RFC 5545) files of a volunteer's duty shifts, for phone calendars.

One VCALENDAR per volunteer, one VEVENT per shift with DTSTART/DTEND in Asia/Shanghai (a
VTIMEZONE is included, so any client resolves the TZID), a stable UID derived from the shift id
(importing the file again updates the events instead of duplicating them) and a VALARM whose
TRIGGER, relative to the start, fires at 20:00 the evening before. The alarm lives in the file,
so the phone reminds the volunteer without any server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
REMINDER_AT = time(20, 0)
UID_DOMAIN = "liaison-app.duty"
PRODID = "-//liaison_app//联系点工作台 值班表//ZH"


@dataclass(frozen=True)
class ShiftEvent:
    """One shift as a calendar event. ``start``/``end`` are China wall-clock times on ``day``."""

    shift_id: str
    day: date
    start: time
    end: time
    summary: str          # 值班：宁安镇法官联系点（上午）
    location: str         # township + village + point name
    description: str = ""
    status: str = "CONFIRMED"   # or TENTATIVE for a planned, unconfirmed shift


def reminder_offset(start: datetime, at: time = REMINDER_AT) -> timedelta:
    """Negative duration from ``start`` back to ``at`` (20:00) on the previous day.

    09:00 → -13 h; 14:30 → -18 h 30 min.
    """
    evening = datetime.combine(start.date() - timedelta(days=1), at, tzinfo=start.tzinfo)
    return evening - start


def shift_uid(shift_id: str) -> str:
    """Stable UID of a shift's event."""
    return f"{shift_id}@{UID_DOMAIN}"


def _vtimezone():  # type: ignore[no-untyped-def]
    """Asia/Shanghai: UTC+08:00 all year (China has had no daylight saving since 1991)."""
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "Asia/Shanghai")
    zone.add("x-lic-location", "Asia/Shanghai")
    standard = TimezoneStandard()
    standard.add("tzname", "CST")
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("dtstart", datetime(1970, 1, 1))
    zone.add_component(standard)
    return zone


def build_calendar(person_name: str, events: Sequence[ShiftEvent], stamp: datetime) -> bytes:
    """The .ics bytes (UTF-8, CRLF, folded) for one volunteer.

    Args:
        person_name: shown as the calendar's name (``张德昇的值班``).
        events: the shifts, any order (written in time order).
        stamp: DTSTAMP of every event (aware).
    """
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{person_name}的值班")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add_component(_vtimezone())
    for item in sorted(events, key=lambda e: (e.day, e.start, e.shift_id)):
        start = datetime.combine(item.day, item.start, tzinfo=SHANGHAI)
        end = datetime.combine(item.day, item.end, tzinfo=SHANGHAI)
        event = Event()
        event.add("uid", shift_uid(item.shift_id))
        event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", item.summary)
        event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        event.add("status", item.status)
        event.add("transp", "OPAQUE")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"明天{item.start:%H:%M}{item.summary}")
        alarm.add("trigger", reminder_offset(start))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
