"""Time in the court's zone. China has one zone and no daylight saving: Asia/Shanghai = UTC+08:00."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")

_PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def now() -> datetime:
    """Current time, aware, in +08:00, to the second."""
    return datetime.now(CHINA_TZ).replace(microsecond=0)


def today() -> date:
    """Today's date in China."""
    return now().date()


def to_iso(moment: datetime) -> str:
    """ISO 8601 with offset, seconds precision: ``2026-11-29T09:30:00+08:00``.

    A naive datetime is taken as China local time.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CHINA_TZ)
    return moment.astimezone(CHINA_TZ).replace(microsecond=0).isoformat()


def from_iso(text: str) -> datetime:
    """Parse what :func:`to_iso` wrote (any offset), returned in +08:00."""
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA_TZ)
    return parsed.astimezone(CHINA_TZ)


def parse_period(text: str) -> tuple[int, int]:
    """``"2026-11"`` → ``(2026, 11)``; raises ValueError with a Chinese message otherwise."""
    match = _PERIOD_RE.match(text.strip())
    if not match:
        raise ValueError(f"统计月份“{text}”格式不对，应为 YYYY-MM，例如 2026-11")
    return int(match.group(1)), int(match.group(2))


def period_of(day: date | datetime) -> str:
    """The statistical period ``YYYY-MM`` a date belongs to."""
    return f"{day.year:04d}-{day.month:02d}"


def period_bounds(period: str) -> tuple[date, date]:
    """First day of the period and first day of the next one (half-open range)."""
    year, month = parse_period(period)
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return start, end


def shift_period(period: str, months: int) -> str:
    """``shift_period("2026-01", -1) == "2025-12"``."""
    year, month = parse_period(period)
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def format_date_zh(day: date | None) -> str:
    """``2026年11月29日``; empty string for None."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def format_datetime_zh(moment: datetime | None) -> str:
    """``2026年11月29日 09:30`` (24-hour); empty string for None."""
    if moment is None:
        return ""
    return f"{format_date_zh(moment.date())} {moment:%H:%M}"
