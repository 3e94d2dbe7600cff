"""Dates and times as hand-kept ledgers hold them.

Accepted (GUIDE §5, shared/cases/C24): real date cells; Excel serial numbers in General format
(1900 or 1904 date system); text ``2024.3.5``, ``2024.03.05``, ``2024年3月5日``, ``2024/3/5``,
``2024-3-5``, ``20240305``, full-width digits, Chinese numerals (``二〇二四年三月五日``), a
two-digit year (``24.3.5`` → 2024, noted), a trailing dot, a time or 上午/下午 after the date,
ISO 8601 with an offset (converted to China time); ``3月5日`` only when the sheet's title, name
or the file name gives the year (noted).

Refused with the raw text kept (never guessed, never rolled over): a number like ``3.05``
(月.日 typed as a number), year and month only, ``03/05/2024`` (month/day order unknowable),
impossible dates (``2024.13.5``, ``2023.2.29`` — :class:`datetime.date` raises, we never carry
over into the next month), anything before 2000 (a 1900-era date is what Excel shows for a
small number such as serial 60, its phantom 1900-02-29), and dates after today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.text import clean_line, to_halfwidth
from liaison_app.exchange.ledger.cells import CellResult, CellValue, as_number, is_blank, raw_text

EARLIEST = date(2000, 1, 1)  # the same floor as record validation (docs/records.md)
_EXCEL_1900 = date(1899, 12, 30)  # serial 0 in the 1900 system (serials ≥ 61 are exact)
_EXCEL_1904 = date(1904, 1, 1)

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_RUN = re.compile("[〇○零一二两三四五六七八九十]+")
_SEP = r"\s*[年./\-]\s*"
_YMD = re.compile(rf"^(\d{{4}}|\d{{2}}){_SEP}(\d{{1,2}})\s*[月./\-]\s*(\d{{1,2}})\s*[日号]?\.?(.*)$")
_YM = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})\s*月?\.?$")
_MD = re.compile(r"^(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*[日号]?\.?(.*)$")
_DMY = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_CLOCK = re.compile(r"^(上午|下午|中午|晚上|早上)?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?(?::\d{2})?$")
_HALF_DAY_WORDS = ("上午", "下午", "中午", "晚上", "早上", "全天")


@dataclass(frozen=True)
class YearHint:
    """A year the ledger states once for many rows: a title ``2024年法律咨询登记台账``, a sheet
    named ``2024年3月`` or a file ``2024年台账.xlsx``. ``source`` says where (Chinese, for notes)."""

    year: int
    source: str


@dataclass(frozen=True)
class DateContext:
    """What a date is checked against. ``today`` is China's date (the core's clock)."""

    today: date
    year_hint: YearHint | None = None
    epoch_1904: bool = False
    earliest: date = EARLIEST


@dataclass(frozen=True)
class DateValue:
    """A parsed date with the time of day when the ledger gave one (China local time)."""

    day: date
    time: time | None = None

    def shown(self) -> str:
        return self.day.isoformat() + (f" {self.time:%H:%M}" if self.time else "")


def _cn_number(run: str) -> str:
    """``二〇二四`` → ``2024`` (digit by digit); ``十二`` → ``12``; ``二十五`` → ``25``."""
    if "十" not in run:
        return "".join(str(_CN_DIGITS[ch]) for ch in run)
    left, _, right = run.partition("十")
    if "十" in right or len(left) > 1 or len(right) > 1:
        return run  # not a day or month number; leave it and let the pattern fail
    tens = _CN_DIGITS[left] if left else 1
    ones = _CN_DIGITS[right] if right else 0
    return str(tens * 10 + ones)


def _clean(text: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    cleaned = to_halfwidth(clean_line(text))
    if cleaned != clean_line(text):
        notes.append("全角数字已转为半角")
    if _CN_RUN.search(cleaned) and re.search("[年月日号]", cleaned):
        converted = _CN_RUN.sub(lambda m: _cn_number(m.group(0)), cleaned)
        if converted != cleaned:
            notes.append("中文数字已转为阿拉伯数字")
            cleaned = converted
    return cleaned.strip().rstrip("。"), notes


def _time_of(rest: str) -> tuple[time | None, str | None]:
    """A time written after a date. Returns (time, note); (None, None) for nothing useful."""
    rest = rest.strip(" ,，")
    if not rest:
        return None, None
    match = _CLOCK.match(rest)
    if match:
        half, hour, minute = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if half in ("下午", "晚上") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            return time(hour, minute), None
    if rest in _HALF_DAY_WORDS:
        return None, f"“{rest}”只说明半天，未保存时刻（只保存日期）"
    return None, f"日期后的文字“{rest}”未保存"


def _make(year: int, month: int, day: int, raw: str) -> tuple[date | None, str | None]:
    if not 1 <= month <= 12:
        return None, f"日期“{raw}”的月份{month}不存在"
    try:
        return date(year, month, day), None
    except ValueError:
        return None, f"日期“{raw}”不存在（{year}年{month}月没有{day}日），请核对原始记录"


def _serial(number: float, ctx: DateContext, raw: str) -> CellResult:
    base = _EXCEL_1904 if ctx.epoch_1904 else _EXCEL_1900
    whole = int(number)
    moment = datetime.combine(base, time()) + timedelta(days=number)
    seconds = round((number - whole) * 86400)
    at = time(seconds // 3600, seconds % 3600 // 60) if 0 < seconds < 86400 else None
    value = DateValue(moment.date(), at)
    return _checked(CellResult(raw, value, value.shown(), notes=(f"Excel日期序列号{raw}已换算为日期",)), ctx)


def _checked(result: CellResult, ctx: DateContext) -> CellResult:
    """Refuse dates before ``ctx.earliest`` (1900-era misreads) and after today."""
    value: DateValue = result.value
    if value.day < ctx.earliest:
        hint = "（1900年前后的日期通常是Excel把一个小数字当成了日期）" if value.day.year < 1910 else ""
        return CellResult(result.raw, None, "", result.notes,
                          errors=(f"日期{value.day.isoformat()}早于{ctx.earliest.year}年，不予导入{hint}，原文“{result.raw}”",))
    if value.day > ctx.today:
        return CellResult(result.raw, None, "", result.notes,
                          errors=(f"日期{value.day.isoformat()}晚于今天，请核对，原文“{result.raw}”",))
    return result


def parse_date(value: CellValue, ctx: DateContext) -> CellResult:
    """One date cell → :class:`DateValue` (or None when blank).

    Returns a :class:`CellResult` whose ``errors`` say, with the raw text, why a non-blank cell
    could not be read; a blank cell gives ``value=None`` and no message (the caller decides
    whether the field is required).
    """
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw)
    if isinstance(value, datetime):
        at = value.time() if (value.hour or value.minute) else None
        parsed = DateValue(value.date(), at)
        return _checked(CellResult(raw, parsed, parsed.shown()), ctx)
    if isinstance(value, date):
        return _checked(CellResult(raw, DateValue(value), value.isoformat()), ctx)
    if isinstance(value, (time, timedelta)):
        return CellResult(raw, errors=(f"“{raw}”只有时刻，没有日期",))
    number = as_number(value)
    if number is not None:
        return _parse_number(number, raw, ctx)
    if not isinstance(value, str):
        return CellResult(raw, errors=(f"无法识别的日期“{raw}”",))
    return _parse_text(value, raw, ctx)


def _parse_number(number: float, raw: str, ctx: DateContext) -> CellResult:
    if float(number).is_integer():
        whole = int(number)
        compact = _COMPACT.match(str(whole))
        if compact:
            made, problem = _make(int(compact.group(1)), int(compact.group(2)), int(compact.group(3)), raw)
            if made:
                return _checked(CellResult(raw, DateValue(made), made.isoformat(), notes=("8位数字按“年月日”读取",)), ctx)
            return CellResult(raw, errors=(problem or "",))
        base = _EXCEL_1904 if ctx.epoch_1904 else _EXCEL_1900
        low = (ctx.earliest - base).days
        high = (ctx.today - base).days
        if low <= whole <= high:
            return _serial(whole, ctx, raw)
        return CellResult(raw, errors=(f"数字“{raw}”不是日期（不在Excel日期序列号的合理范围），请改为 2024-03-05 这样的写法",))
    if 1 <= number < 13:
        return CellResult(raw, errors=(
            f"数字“{raw}”可能是“月.日”，但被存成了数字（3.5 和 3.50 无法区分，也没有年份），请改为完整日期",))
    base = _EXCEL_1904 if ctx.epoch_1904 else _EXCEL_1900
    if (ctx.earliest - base).days <= number <= (ctx.today - base).days + 1:
        return _serial(number, ctx, raw)
    return CellResult(raw, errors=(f"数字“{raw}”不是日期",))


_SERIAL_TEXT = re.compile(r"^\d{5}(\.\d+)?$")


def _parse_text(text: str, raw: str, ctx: DateContext) -> CellResult:
    cleaned, notes = _clean(text)
    if _SERIAL_TEXT.match(cleaned):  # a General-format serial that went through CSV or text
        return _parse_number(float(cleaned), raw, ctx)
    if _ISO_TIME.match(cleaned) or ("T" in cleaned and cleaned[:4].isdigit()):
        try:
            moment = datetime.fromisoformat(cleaned)
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(CHINA_TZ)
                notes.append("带时区的时间已换算为北京时间")
            at = moment.time().replace(second=0, microsecond=0) if (moment.hour or moment.minute) else None
            parsed = DateValue(moment.date(), at)
            return _checked(CellResult(raw, parsed, parsed.shown(), tuple(notes)), ctx)
    if _DMY.match(cleaned):
        return CellResult(raw, errors=(
            f"日期“{raw}”无法确定是哪月哪日（月/日/年 还是 日/月/年），请改为 2024-03-05 这样的写法",))
    compact = _COMPACT.match(cleaned)
    if compact:
        made, problem = _make(int(compact.group(1)), int(compact.group(2)), int(compact.group(3)), raw)
        if not made:
            return CellResult(raw, errors=(problem or "",))
        return _checked(CellResult(raw, DateValue(made), made.isoformat(), tuple(notes + ["8位数字按“年月日”读取"])), ctx)
    match = _YMD.match(cleaned)
    if match:
        year_text, month, day, rest = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if 2000 + year <= ctx.today.year else 1900
            notes.append(f"两位年份“{year_text}”按{year}年读取")
        return _finish(year, month, day, rest, raw, notes, ctx)
    if _YM.match(cleaned):
        return CellResult(raw, errors=(f"“{raw}”只有年和月，没有日，请补全日期",))
    match = _MD.match(cleaned)
    if match:
        month, day, rest = int(match.group(1)), int(match.group(2)), match.group(3)
        hint = ctx.year_hint
        if hint is None:
            return CellResult(raw, errors=(
                f"“{raw}”没有年份，表头、工作表名和文件名里也找不到年份，请补全（如 2024年{month}月{day}日）",))
        notes.append(f"年份取自{hint.source}（{hint.year}年）")
        return _finish(hint.year, month, day, rest, raw, notes, ctx)
    return CellResult(raw, errors=(f"无法识别的日期“{raw}”，请改为 2024-03-05 这样的写法",))


def _finish(year: int, month: int, day: int, rest: str, raw: str, notes: list[str], ctx: DateContext) -> CellResult:
    made, problem = _make(year, month, day, raw)
    if made is None:
        return CellResult(raw, errors=(problem or "",), notes=tuple(notes))
    at, time_note = _time_of(rest)
    if time_note:
        notes.append(time_note)
    parsed = DateValue(made, at)
    return _checked(CellResult(raw, parsed, parsed.shown(), tuple(notes)), ctx)


def parse_time_range(value: CellValue) -> CellResult:
    """``9:00-11:00``, ``9:00—11:30``, ``上午9点至11点``, ``14:30~16:00`` → ``(start, end)``.

    A single time gives ``(start, None)``. Unreadable text is an error with the raw text kept.
    """
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw)
    if isinstance(value, time):
        return CellResult(raw, (value, None), f"{value:%H:%M}")
    if isinstance(value, datetime):
        return CellResult(raw, (value.time(), None), f"{value:%H:%M}")
    text = to_halfwidth(clean_line(str(value)))
    if text in _HALF_DAY_WORDS:
        return CellResult(raw, None, "", notes=(f"只记了“{text}”，未保存时刻",))
    parts = re.split(r"\s*(?:-|—|–|~|～|至|到)+\s*", text)
    parsed: list[time] = []
    half = ""
    for part in parts:
        if part.startswith(("上午", "下午", "晚上", "中午", "早上")):
            half = part[:2]
        elif half and part and part[0].isdigit():
            part = half + part
        moment, _ = _time_of(part)
        if moment is None:
            return CellResult(raw, errors=(f"无法识别的时间“{raw}”（应如 9:00-11:00）",))
        parsed.append(moment)
    if len(parsed) == 1:
        return CellResult(raw, (parsed[0], None), f"{parsed[0]:%H:%M}")
    if len(parsed) == 2:
        return CellResult(raw, (parsed[0], parsed[1]), f"{parsed[0]:%H:%M}–{parsed[1]:%H:%M}")
    return CellResult(raw, errors=(f"无法识别的时间“{raw}”（应如 9:00-11:00）",))


_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR_RE = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def find_year(text: str) -> int | None:
    """A year stated in a title, sheet or file name: ``2024年…`` first, else a bare ``2024``.
    None when the text names two different years (``2024年12月至2025年1月``): ambiguous."""
    cleaned, _ = _clean(text)
    years = {int(y) for y in _YEAR_RE.findall(cleaned)} or {int(y) for y in _BARE_YEAR_RE.findall(cleaned)}
    return years.pop() if len(years) == 1 else None
