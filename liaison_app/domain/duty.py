"""Duty roster records (值班表): a point's duty pattern, shifts, hand-entered calendar days, swaps.

Words follow GUIDE §2: a duty shift (值班) is date + half-day (上午/下午) + point + person, in one
of the states 计划, 已确认, 请假, 已完成. Open seats (缺) are not records: they are the pattern's
seats minus the shifts that fill them (see :mod:`liaison_app.domain.roster`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.people import WEEKDAY_LABELS, HalfDay, WeeklySlot
from liaison_app.domain.records import new_id
from liaison_app.errors import FieldError
from liaison_app.i18n import translate


class PatternKind(LabeledEnum):
    """How a point's duty days recur."""

    WEEKLY = ("weekly", "每周固定")              # fixed weekdays × half-days
    MONTHLY_DAYS = ("monthly_days", "每月固定日")  # 逢五逢十: the 5th, 10th, …
    MARKET_DAYS = ("market_days", "赶集日")      # every N days from a start date


class ShiftState(LabeledEnum):
    """值班状态 (GUIDE §2)."""

    PLANNED = ("planned", "计划")
    CONFIRMED = ("confirmed", "已确认")
    LEAVE = ("leave", "请假")
    DONE = ("done", "已完成")

    @property
    def fills_seat(self) -> bool:
        """A shift on leave leaves its seat open; every other state fills it."""
        return self is not ShiftState.LEAVE


class ShiftSource(LabeledEnum):
    """Who put the shift on the roster. Only ``generated`` + ``planned`` shifts are replaced
    when the month is generated again."""

    GENERATED = ("generated", "自动排班")
    MANUAL = ("manual", "法官安排")
    VOLUNTEER = ("volunteer", "志愿者自选")


class ShiftChange(LabeledEnum):
    """The last thing that happened to a shift (shown with the 'not yet seen' highlight)."""

    GENERATED = ("generated", "自动排班")
    ASSIGNED = ("assigned", "法官安排")
    REASSIGNED = ("reassigned", "法官改派")
    CLEARED = ("cleared", "法官取消")
    SWAPPED = ("swapped", "法官对调")
    CONFIRMED = ("confirmed", "已确认")
    LEAVE = ("leave", "请假")
    DONE = ("done", "已完成")
    TAKEN = ("taken", "志愿者认领")
    GIVEN_BACK = ("given_back", "志愿者退回")
    SWAP_ACCEPTED = ("swap_accepted", "志愿者换班")


class CalendarDayKind(LabeledEnum):
    """A hand-entered calendar day: a day off, or a working day (e.g. a 调休 Saturday)."""

    HOLIDAY = ("holiday", "放假")
    WORKDAY = ("workday", "上班")


class SwapState(LabeledEnum):
    """State of a volunteer's swap request."""

    PENDING = ("pending", "待答复")
    ACCEPTED = ("accepted", "已同意")
    DECLINED = ("declined", "已拒绝")
    CANCELLED = ("cancelled", "已撤回")


WORKING_WEEK = frozenset(WeeklySlot(d, h) for d in range(5) for h in HalfDay)
DEFAULT_TIMES = {HalfDay.AM: (time(9, 0), time(12, 0)), HalfDay.PM: (time(14, 30), time(17, 30))}


@dataclass(frozen=True)
class DutyPattern:
    """How one point holds duty.

    * ``kind`` WEEKLY uses ``weekly_slots`` (weekday × half-day); MONTHLY_DAYS uses
      ``month_days`` (1–31; a day past the month's end does not occur that month); MARKET_DAYS
      uses ``market_start`` and ``market_every`` (days). Date-based kinds serve ``halves``.
    * ``per_slot``: volunteers per half-day. ``max_consecutive_days``: most calendar days in a
      row one volunteer is on duty (any point). ``giveback_cutoff_days``: a volunteer may give a
      shift back until this many days before its date.
    * Holidays (statutory, from chinese-calendar or the hand-entered table) are days off unless
      ``duty_on_holidays``. ``duty_on_weekends`` lets a date-based point skip ordinary Saturdays
      and Sundays. A 调休 make-up working day holds duty at ``halves`` in a WEEKLY pattern when
      ``duty_on_makeup_days`` (it replaces a working day lost to the holiday).
    * ``stored`` is False for the built-in default of a point that has none saved yet.
    """

    point_id: str
    kind: PatternKind = PatternKind.WEEKLY
    weekly_slots: frozenset[WeeklySlot] = WORKING_WEEK
    month_days: tuple[int, ...] = ()
    market_start: date | None = None
    market_every: int = 5
    halves: frozenset[HalfDay] = frozenset(HalfDay)
    per_slot: int = 1
    max_consecutive_days: int = 3
    giveback_cutoff_days: int = 2
    am_start: time = DEFAULT_TIMES[HalfDay.AM][0]
    am_end: time = DEFAULT_TIMES[HalfDay.AM][1]
    pm_start: time = DEFAULT_TIMES[HalfDay.PM][0]
    pm_end: time = DEFAULT_TIMES[HalfDay.PM][1]
    duty_on_holidays: bool = False
    duty_on_weekends: bool = True
    duty_on_makeup_days: bool = True
    stored: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def times(self, half: HalfDay) -> tuple[time, time]:
        """Start and end (China time) of a half-day's duty."""
        return (self.am_start, self.am_end) if half is HalfDay.AM else (self.pm_start, self.pm_end)

    def with_changes(self, **changes: object) -> "DutyPattern":
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """One Chinese line, e.g. ``每周：周一上午、周四下午；每班1人``."""
        if self.kind is PatternKind.WEEKLY:
            what = "每" + weekly_text(self.weekly_slots)  # i18n-exempt: pattern text also printed on the roster PDF
        elif self.kind is PatternKind.MONTHLY_DAYS:
            what = "每月" + "、".join(f"{d}日" for d in sorted(self.month_days)) + _halves_text(self.halves)  # i18n-exempt: PDF
        else:
            start = self.market_start.isoformat() if self.market_start else "?"
            what = f"赶集日（自{start}起每{self.market_every}天）" + _halves_text(self.halves)  # i18n-exempt: roster PDF
        return f"{what}；每班{self.per_slot}人"  # i18n-exempt: roster PDF


def _halves_text(halves: frozenset[HalfDay] | set[HalfDay]) -> str:
    return "、".join(h.label for h in HalfDay if h in halves)  # i18n-exempt: roster PDF


def _days_text(weekdays: list[int]) -> str:
    """``[0, 1, 2, 3, 4]`` → ``周一至周五``; ``[1, 3]`` → ``周二、周四``."""
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAY_LABELS[run[0]]}至{WEEKDAY_LABELS[run[-1]]}")  # i18n-exempt: roster PDF
        else:
            parts.extend(WEEKDAY_LABELS[d] for d in run)
    return "、".join(parts)  # i18n-exempt: roster PDF


def weekly_text(slots: frozenset[WeeklySlot]) -> str:
    """Weekly slots in short Chinese: ``周一至周五上午、下午``; ``周二、周四上午；周六下午``."""
    by_day: dict[int, set[HalfDay]] = {}
    for slot in slots:
        by_day.setdefault(slot.weekday, set()).add(slot.half)
    groups: dict[tuple[HalfDay, ...], list[int]] = {}
    for day in sorted(by_day):
        key = tuple(h for h in HalfDay if h in by_day[day])
        groups.setdefault(key, []).append(day)
    return "；".join(  # i18n-exempt: roster PDF
        _days_text(days) + _halves_text(set(key)) for key, days in groups.items())


def validate_pattern(pattern: DutyPattern) -> list[FieldError]:
    """Problems of a pattern (Chinese messages, one per field at most)."""
    errors: list[FieldError] = []
    if pattern.kind is PatternKind.WEEKLY and not pattern.weekly_slots:
        errors.append(FieldError("weekly_slots", translate("duty", "请至少选择一个每周值班时段")))
    if pattern.kind is PatternKind.MONTHLY_DAYS:
        if not pattern.month_days:
            errors.append(FieldError("month_days", translate("duty", "请至少选择每月的一天")))
        elif any(not 1 <= d <= 31 for d in pattern.month_days):
            errors.append(FieldError("month_days", translate("duty", "每月值班日应在1到31日之间")))
    if pattern.kind is PatternKind.MARKET_DAYS:
        if pattern.market_start is None:
            errors.append(FieldError("market_start", translate("duty", "请填写一个赶集日作为起算日期")))
        if not 1 <= pattern.market_every <= 60:
            errors.append(FieldError("market_every", translate("duty", "赶集间隔应在1到60天之间")))
    if pattern.kind is not PatternKind.WEEKLY and not pattern.halves:
        errors.append(FieldError("halves", translate("duty", "请选择上午、下午或两者")))
    if not 1 <= pattern.per_slot <= 10:
        errors.append(FieldError("per_slot", translate("duty", "每班人数应在1到10人之间")))
    if not 1 <= pattern.max_consecutive_days <= 31:
        errors.append(FieldError("max_consecutive_days", translate("duty", "连续值班天数上限应在1到31天之间")))
    if not 0 <= pattern.giveback_cutoff_days <= 30:
        errors.append(FieldError("giveback_cutoff_days", translate("duty", "退回期限应在0到30天之间")))
    if not pattern.am_start < pattern.am_end:
        errors.append(FieldError("am_end", translate("duty", "上午结束时间应晚于开始时间")))
    if not pattern.pm_start < pattern.pm_end:
        errors.append(FieldError("pm_end", translate("duty", "下午结束时间应晚于开始时间")))
    elif pattern.am_end > pattern.pm_start:
        errors.append(FieldError("pm_start", translate("duty", "下午开始时间不能早于上午结束时间")))
    return errors


@dataclass(frozen=True)
class DutyShift:
    """One volunteer on duty at one point on one half-day.

    ``seen_by_judge`` is False after a change a volunteer made themselves (taken, given back,
    swapped) until the judge marks it seen. A given-back or cleared shift is soft-deleted
    (``deleted``) and still travels in the month's batch.
    """

    point_id: str
    day: date
    half: HalfDay
    person_id: str
    state: ShiftState = ShiftState.PLANNED
    source: ShiftSource = ShiftSource.GENERATED
    last_change: ShiftChange = ShiftChange.GENERATED
    changed_by: str | None = None
    seen_by_judge: bool = True
    note: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False

    @property
    def replaceable(self) -> bool:
        """True if generating the month again may replace it (generated and still only planned)."""
        return self.source is ShiftSource.GENERATED and self.state is ShiftState.PLANNED

    @property
    def active(self) -> bool:
        """Not deleted and filling its seat (not on leave)."""
        return not self.deleted and self.state.fills_seat

    def with_changes(self, **changes: object) -> "DutyShift":
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CalendarOverride:
    """A hand-entered day (节假日表) that takes precedence over chinese-calendar."""

    day: date
    kind: CalendarDayKind
    note: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class SwapRequest:
    """A volunteer asks a colleague to take ``shift_id`` over (``their_shift_id`` None) or to
    exchange it for the colleague's ``their_shift_id``."""

    shift_id: str
    from_person_id: str
    to_person_id: str
    their_shift_id: str | None = None
    state: SwapState = SwapState.PENDING
    note: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    answered_at: datetime | None = None
