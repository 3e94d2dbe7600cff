"""What the roster shows and what its operations return: plain data for the GUI, CLI and PDF.

Nothing here touches storage; the values are computed by :mod:`liaison_app.scheduling` and
:class:`liaison_app.core.duty.DutyService`.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date

from liaison_app.domain.changes import Changes
from liaison_app.domain.duty import DutyPattern, DutyShift, SwapRequest
from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.people import HalfDay
from liaison_app.domain.records import LiaisonPoint
from liaison_app.i18n import translate


class DayKind(LabeledEnum):
    """What kind of day a date is in China's working calendar."""

    WORKDAY = ("workday", "工作日")
    WEEKEND = ("weekend", "周末")
    HOLIDAY = ("holiday", "法定节假日")
    MAKEUP = ("makeup", "调休上班")

    @property
    def is_day_off(self) -> bool:
        return self in (DayKind.WEEKEND, DayKind.HOLIDAY)


class DaySource(LabeledEnum):
    """Where a day's kind came from."""

    LIBRARY = ("library", "chinese-calendar")
    MANUAL = ("manual", "节假日表")
    FALLBACK = ("fallback", "按周末推定")


@dataclass(frozen=True)
class DayInfo:
    """A date's kind, the holiday's Chinese name (``国庆节``, or the note of a hand-entered
    day; empty for ordinary days) and where that came from."""

    day: date
    kind: DayKind
    name: str = ""
    source: DaySource = DaySource.LIBRARY


class ProblemCode(LabeledEnum):
    """Why an assignment is doubtful or impossible. ``blocking`` ones are never made by the
    generator nor by a volunteer; the judge may still make them (they stay flagged)."""

    SAME_SLOT = ("same_slot", "已在该班")
    DOUBLE_BOOKED = ("double_booked", "同一时段重复安排")
    OVER_CAP = ("over_cap", "超过每月上限")
    CONSECUTIVE = ("consecutive", "连续值班超限")
    ON_LEAVE = ("on_leave", "已请假")
    NOT_VOLUNTEER = ("not_volunteer", "不是在册志愿者")
    SLOT_FULL = ("slot_full", "该班已满")
    NOT_SERVING = ("not_serving", "不在本联系点名单")
    UNAVAILABLE = ("unavailable", "不在常规可值班时间")
    DAY_OFF = ("day_off", "非值班时段")
    PAST = ("past", "日期已过")
    CUTOFF = ("cutoff", "已过退回期限")
    WRONG_PERSON = ("wrong_person", "不是本人的值班")
    LOCKED = ("locked", "该班已完成或已请假")

    @property
    def blocking(self) -> bool:
        return self not in (ProblemCode.UNAVAILABLE, ProblemCode.NOT_SERVING, ProblemCode.DAY_OFF,
                            ProblemCode.SLOT_FULL)


@dataclass(frozen=True)
class Problem:
    """One reason, as data: ``code`` for the GUI's colour/icon, ``message`` a Chinese sentence."""

    code: ProblemCode
    message: str

    @property
    def blocking(self) -> bool:
        return self.code.blocking


class GapReason(LabeledEnum):
    """Why a seat stayed open after generating (the most common reason among the candidates)."""

    NO_VOLUNTEERS = ("no_volunteers", "本联系点没有志愿者")
    NOBODY_FREE = ("nobody_free", "无人有空")
    ON_LEAVE = ("on_leave", "有空的人已请假")
    BOOKED_ELSEWHERE = ("booked_elsewhere", "均已在其他联系点值班")
    ALL_AT_CAP = ("all_at_cap", "均已达上限")
    CONSECUTIVE = ("consecutive", "连续值班超限")
    PAST = ("past", "日期已过，未自动排班")
    NOT_GENERATED = ("not_generated", "尚未排满")


@dataclass(frozen=True)
class Gap:
    """``missing`` open seats at a duty half-day, with the reason and a detailed message."""

    day: date
    half: HalfDay
    missing: int
    reason: GapReason
    detail: str = ""

    @property
    def message(self) -> str:
        return self.detail or translate("labels", self.reason.label)


@dataclass(frozen=True)
class Spread:
    """Slots per volunteer at one point in one month (``counts``: person id → slots)."""

    counts: tuple[tuple[str, int], ...] = ()

    @property
    def low(self) -> int:
        return min((n for _, n in self.counts), default=0)

    @property
    def high(self) -> int:
        return max((n for _, n in self.counts), default=0)

    def as_dict(self) -> dict[str, int]:
        return dict(self.counts)

    def text(self, names: dict[str, str]) -> str:
        """``每人2–3班（张三 3、李四 2）``."""
        if not self.counts:
            return "无志愿者"  # i18n-exempt: spread text also printed on the roster PDF
        ordered = sorted(self.counts, key=lambda c: (-c[1], names.get(c[0], "")))
        each = "、".join(f"{names.get(p, '?')} {n}" for p, n in ordered)  # i18n-exempt: roster PDF
        span = f"{self.low}" if self.low == self.high else f"{self.low}–{self.high}"
        return f"每人{span}班（{each}）"  # i18n-exempt: roster PDF


@dataclass(frozen=True)
class SlotView:
    """One half-day of one point: pattern seats, the shifts on it, problems per shift id."""

    day: date
    half: HalfDay
    seats: int                                 # 0 when the pattern holds no duty then
    shifts: tuple[DutyShift, ...] = ()         # not deleted, leave included
    problems: tuple[tuple[str, tuple[Problem, ...]], ...] = ()

    @property
    def filled(self) -> int:
        return sum(1 for s in self.shifts if s.state.fills_seat)

    @property
    def missing(self) -> int:
        return max(0, self.seats - self.filled)

    def problems_of(self, shift_id: str) -> tuple[Problem, ...]:
        return dict(self.problems).get(shift_id, ())


@dataclass(frozen=True)
class RosterView:
    """A point's month for the calendar view and the PDF.

    ``slots`` has one entry per (day, half) of the month; ``names`` maps person ids to names;
    ``warnings`` are Chinese sentences (calendar not covered, default pattern…), of which
    ``calendar_warnings`` are those about the holiday data (printed on the PDF too).
    """

    point: LiaisonPoint
    period: str
    pattern: DutyPattern
    days: tuple[DayInfo, ...]
    slots: dict[tuple[date, HalfDay], SlotView]
    names: dict[str, str]
    spread: Spread
    gaps: tuple[Gap, ...]
    warnings: tuple[str, ...] = ()
    unseen: int = 0
    calendar_warnings: tuple[str, ...] = ()

    def slot(self, day: date, half: HalfDay) -> SlotView:
        return self.slots[(day, half)]

    def weeks(self) -> list[list[date | None]]:
        """Rows of 7 (周一 … 周日); None outside the month."""
        year, month = (int(x) for x in self.period.split("-"))
        return [[d if d.month == month else None for d in week]
                for week in _calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)]

    @property
    def filled(self) -> int:
        return sum(s.filled for s in self.slots.values())

    @property
    def missing(self) -> int:
        return sum(s.missing for s in self.slots.values())


@dataclass(frozen=True)
class Candidate:
    """A volunteer offered for a half-day: their slots at the point that month and what would
    be doubtful about booking them (empty = fine)."""

    person_id: str
    name: str
    slots_this_month: int
    problems: tuple[Problem, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.problems)


@dataclass(frozen=True)
class DutyEdit:
    """Result of one roster edit. ``applied`` False means nothing was stored (a volunteer's
    request refused, or an edit that makes no sense); ``problems`` say why, or what is doubtful
    about an edit the judge made anyway."""

    applied: bool
    problems: tuple[Problem, ...] = ()
    shifts: tuple[DutyShift, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def clean(self) -> bool:
        return self.applied and not self.problems


@dataclass(frozen=True)
class SwapResult:
    """Result of asking a colleague to swap: the stored request, or why it was refused."""

    request: SwapRequest | None
    problems: tuple[Problem, ...] = ()
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class GenerateReport:
    """What generating a point's month did."""

    point_id: str
    period: str
    created: int
    kept: int
    removed: int
    gaps: tuple[Gap, ...]
    spread: Spread
    warnings: tuple[str, ...]
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class DutyDay:
    """A point's duty on one day for the start page: info, and one SlotView per half-day
    that has seats or shifts."""

    point: LiaisonPoint
    info: DayInfo
    slots: tuple[SlotView, ...]
    names: dict[str, str]

    @property
    def missing(self) -> int:
        return sum(s.missing for s in self.slots)
