"""Volunteer visits (志愿服务记录): a volunteer's actual presence at a point and its hours.

Service time is counted in hours, as 《志愿服务记录与证明出具办法》(民政部, 2020) records
志愿服务时间 — here from arrival to departure, shown with one decimal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal

from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.records import new_id
from liaison_app.domain.text import clean_text
from liaison_app.errors import FieldError
from liaison_app.i18n import translate


class Activity(LabeledEnum):
    """What a volunteer did during a visit (several may apply)."""

    CONSULTATION = ("consultation", "接待咨询")
    MEDIATION = ("mediation", "参与调解")
    EDUCATION = ("education", "普法宣讲")
    FOLLOW_UP = ("follow_up", "案件回访")
    OTHER = ("other", "其他")


def service_minutes(arrival: time, departure: time) -> int:
    """Whole minutes from arrival to departure on the same day.

    Raises:
        ValueError: departure is not after arrival (message translated in the GUI).
    """
    start = arrival.hour * 60 + arrival.minute
    end = departure.hour * 60 + departure.minute
    if end <= start:
        raise ValueError(translate("validation", "离开时间应晚于到达时间"))
    return end - start


def tenths_of_hour(minutes: int) -> int:
    """One visit's service time in tenths of an hour, rounded half up (95 min → 16).

    Each visit's hours are rounded once, and totals add the rounded visit hours, so a
    certificate's rows always add up to its total."""
    return (minutes * 10 + 30) // 60


def hours_of(minutes: int) -> Decimal:
    """One visit's minutes → hours with one decimal, rounded half up (``95`` → ``Decimal('1.6')``)."""
    return Decimal(tenths_of_hour(minutes)) / 10


@dataclass(frozen=True)
class VolunteerVisit:
    """One visit. ``consultation_ids``/``session_ids`` link the work done that day."""

    person_id: str
    point_id: str
    visited_on: date
    arrival: time
    departure: time
    activities: frozenset[Activity] = frozenset()
    consultation_ids: frozenset[str] = frozenset()
    session_ids: frozenset[str] = frozenset()
    notes: str = ""
    shift_id: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False

    @property
    def minutes(self) -> int:
        """Service minutes (raises ValueError when departure is not after arrival)."""
        return service_minutes(self.arrival, self.departure)

    @property
    def hours(self) -> Decimal:
        """Service hours with one decimal."""
        return hours_of(self.minutes)

    def with_changes(self, **changes: object) -> "VolunteerVisit":
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class VisitFilter:
    """What the visit list shows; empty fields do not filter."""

    period: str | None = None
    point_id: str | None = None
    person_id: str | None = None
    include_deleted: bool = False


@dataclass(frozen=True)
class VolunteerTotals:
    """A volunteer's visits and service time over a date range."""

    person_id: str
    visits: int
    minutes: int
    tenths: int  # sum of each visit's hours in tenths (see tenths_of_hour)

    @property
    def hours(self) -> Decimal:
        """Total service hours: the sum of the visits' rounded hours."""
        return Decimal(self.tenths) / 10


def validate_visit(visit: VolunteerVisit, *, today: date) -> list[FieldError]:
    """Problems of a visit: date not in the future, departure after arrival, an activity chosen."""
    errors: list[FieldError] = []
    if visit.visited_on > today:
        errors.append(FieldError("visited_on", translate("validation", "服务日期不能晚于今天")))
    try:
        service_minutes(visit.arrival, visit.departure)
    except ValueError as exc:
        errors.append(FieldError("departure", str(exc)))
    if not visit.activities:
        errors.append(FieldError("activities", translate("validation", "请至少选择一项服务内容")))
    if not visit.person_id:
        errors.append(FieldError("person_id", translate("validation", "请选择志愿者")))
    if not visit.point_id:
        errors.append(FieldError("point_id", translate("validation", "请选择联系点")))
    return errors


def normalise_visit(visit: VolunteerVisit) -> VolunteerVisit:
    """Clean free text; drop seconds from times."""
    return visit.with_changes(
        notes=clean_text(visit.notes),
        arrival=visit.arrival.replace(second=0, microsecond=0),
        departure=visit.departure.replace(second=0, microsecond=0),
    )
