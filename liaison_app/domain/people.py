"""People: serving judges (在职法官) and retired-judge volunteers (退休法官志愿者)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.records import new_id
from liaison_app.errors import FieldError
from liaison_app.i18n import translate


class Role(LabeledEnum):
    """A person's role at the liaison points."""

    JUDGE = ("judge", "在职法官")
    VOLUNTEER = ("volunteer", "退休法官志愿者")


class HalfDay(LabeledEnum):
    """上午 / 下午 — the unit of availability and of duty slots."""

    AM = ("am", "上午")
    PM = ("pm", "下午")


WEEKDAY_LABELS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")  # i18n-exempt: CLI/PDF words; GUI: duty_formatting
_WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, order=True)
class WeeklySlot:
    """A weekday (0 = Monday, as ``date.weekday()``) and a half-day."""

    weekday: int
    half: HalfDay

    @property
    def code(self) -> str:
        """Stored form, e.g. ``mon_am``."""
        return f"{_WEEKDAY_CODES[self.weekday]}_{self.half.value}"

    @property
    def label(self) -> str:
        """``周一上午``."""
        return WEEKDAY_LABELS[self.weekday] + self.half.label

    @classmethod
    def parse(cls, code: str) -> "WeeklySlot":
        """Inverse of :attr:`code`; raises ValueError."""
        day, _, half = code.partition("_")
        return cls(_WEEKDAY_CODES.index(day), HalfDay(half))

    def matches(self, day: date, half: HalfDay) -> bool:
        """True if ``day``'s half-day ``half`` falls in this weekly slot."""
        return day.weekday() == self.weekday and half is self.half


def availability_to_text(slots: frozenset[WeeklySlot]) -> str:
    """Comma-separated codes in week order."""
    return ",".join(s.code for s in sorted(slots))


def availability_from_text(text: str) -> frozenset[WeeklySlot]:
    """Inverse of :func:`availability_to_text` (empty text → no slots)."""
    return frozenset(WeeklySlot.parse(c) for c in text.split(",") if c)


@dataclass(frozen=True)
class Person:
    """A judge or a volunteer. ``point_ids`` are the liaison points they serve.

    ``monthly_cap`` is the most duty slots a volunteer takes in one month (None = no cap).
    A person who has records is deactivated (``active=False``), never deleted.
    """

    name: str
    role: Role
    phone: str = ""
    former_court: str = ""
    post: str = ""
    point_ids: frozenset[str] = frozenset()
    availability: frozenset[WeeklySlot] = frozenset()
    monthly_cap: int | None = None
    note: str = ""
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def with_changes(self, **changes: object) -> "Person":
        return replace(self, **changes)  # type: ignore[arg-type]

    def available(self, day: date, half: HalfDay) -> bool:
        """True if the usual availability covers that half-day."""
        return any(slot.matches(day, half) for slot in self.availability)


@dataclass(frozen=True)
class PersonFilter:
    """What the people list shows: one role or both, and whether deactivated people appear."""

    role: Role | None = None
    include_inactive: bool = True


def validate_person(person: Person) -> list[FieldError]:
    """Name required (≤ 50), phone valid if given, cap 0–62 (two half-days × 31 days)."""
    from liaison_app.domain.identity import check_phone

    errors: list[FieldError] = []
    if not person.name:
        errors.append(FieldError("name", translate("validation", "请填写姓名")))
    elif len(person.name) > 50:
        errors.append(FieldError("name", translate("validation", "姓名过长（最多50字）")))
    if person.phone:
        problem = check_phone(person.phone)
        if problem:
            errors.append(FieldError("phone", problem))
    if person.monthly_cap is not None and not 0 <= person.monthly_cap <= 62:
        errors.append(FieldError("monthly_cap", translate("validation", "每月值班上限应在0到62个半天之间")))
    return errors
