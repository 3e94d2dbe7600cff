"""Loading what the roster rules need (calendar, people, bookings) and building slot views.

Internal to :mod:`liaison_app.core.duty`; kept apart so the service reads as its use cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from liaison_app.domain.duty import DutyPattern, DutyShift, ShiftState
from liaison_app.domain.people import HalfDay, Person, Role
from liaison_app.domain.records import LiaisonPoint
from liaison_app.domain.roster import Gap, GapReason, Problem, ProblemCode, SlotView, Spread
from liaison_app.errors import NotFoundError
from liaison_app.scheduling.calendar import HolidayCalendar
from liaison_app.scheduling.pattern import duty_slots
from liaison_app.scheduling.planner import diagnose_gap
from liaison_app.scheduling.rules import Booking, Ledger, Volunteer, check
from liaison_app.storage.duty import CalendarOverrideRepository, DutyShiftRepository
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.reference import PointRepository

# Bookings this far either side of a window are loaded: the consecutive-days limit is ≤ 31.
MARGIN = timedelta(days=32)
HALVES = (HalfDay.AM, HalfDay.PM)


def to_volunteer(person: Person) -> Volunteer:
    """The rules' view of a person (an inactive volunteer or a judge is not bookable)."""
    return Volunteer(person.id, person.name, person.availability, person.monthly_cap, person.point_ids,
                     is_volunteer=person.role is Role.VOLUNTEER and person.active)


def booking_of(shift: DutyShift) -> Booking:
    return Booking(shift.person_id, shift.point_id, shift.day, shift.half, shift.id)


@dataclass
class RosterContext:
    """Calendar, people, points and every shift (not deleted) around ``[start, end)``."""

    start: date
    end: date
    calendar: HolidayCalendar
    people: dict[str, Volunteer]
    points: dict[str, LiaisonPoint]
    shifts: list[DutyShift]

    @property
    def names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.people.values()}

    @property
    def point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.points.values()}

    def person(self, person_id: str) -> Volunteer:
        try:
            return self.people[person_id]
        except KeyError:
            raise NotFoundError("所选人员不在人员名单中") from None

    def pool(self, point_id: str) -> list[Volunteer]:
        """Active volunteers serving the point, by name."""
        return sorted((v for v in self.people.values() if v.is_volunteer and point_id in v.point_ids),
                      key=lambda v: (v.name, v.id))

    def ledger(self, exclude: Iterable[str] = ()) -> Ledger:
        """Bookings of the seat-filling shifts (minus ``exclude`` ids), and who is on leave."""
        skip = set(exclude)
        kept = [s for s in self.shifts if s.id not in skip]
        return Ledger((booking_of(s) for s in kept if s.state.fills_seat),
                      ((s.person_id, s.day, s.half) for s in kept if s.state is ShiftState.LEAVE),
                      self.point_names)

    def at_point(self, point_id: str, start: date, end: date) -> list[DutyShift]:
        return [s for s in self.shifts if s.point_id == point_id and start <= s.day < end]


def load_context(db: sqlite_utils.Database, start: date, end: date) -> RosterContext:
    """Load a :class:`RosterContext` for ``[start, end)`` (shifts ±32 days around it)."""
    calendar = HolidayCalendar(CalendarOverrideRepository(db).all())
    people = {p.id: to_volunteer(p) for p in PersonRepository(db).all()}
    points = {p.id: p for p in PointRepository(db).all()}
    repo = DutyShiftRepository(db)
    shifts = repo.between(start - MARGIN, end + MARGIN)
    gone = {s.person_id for s in shifts} - people.keys()
    for person_id, name in repo.person_names(gone).items():   # removed since: kept, not bookable
        people[person_id] = Volunteer(person_id, name, is_volunteer=False)
    return RosterContext(start, end, calendar, people, points, shifts)


def shift_problems(ctx: RosterContext, ledger: Ledger, shift: DutyShift, pattern: DutyPattern,
                   seats: int) -> tuple[Problem, ...]:
    """What is doubtful about a stored shift (none for leave or done ones)."""
    if shift.state in (ShiftState.LEAVE, ShiftState.DONE):
        return ()
    own = booking_of(shift)
    ledger.remove(own)
    try:
        found = check(ctx.person(shift.person_id), shift.point_id, shift.day, shift.half, ledger,
                      max_consecutive_days=pattern.max_consecutive_days)
    finally:
        ledger.add(own)
    if seats == 0:
        found.append(Problem(ProblemCode.DAY_OFF, "按本联系点的值班规则，这个时段不值班（节假日或非值班日）"))
    return tuple(found)


def slot_views(ctx: RosterContext, pattern: DutyPattern, point_id: str, start: date, end: date,
               ledger: Ledger) -> dict[tuple[date, HalfDay], SlotView]:
    """One SlotView for every half-day of ``[start, end)`` at the point."""
    seats = {(s.day, s.half): s.seats for s in duty_slots(pattern, start, end, ctx.calendar)}
    grouped: dict[tuple[date, HalfDay], list[DutyShift]] = defaultdict(list)
    for shift in ctx.at_point(point_id, start, end):
        grouped[(shift.day, shift.half)].append(shift)
    views: dict[tuple[date, HalfDay], SlotView] = {}
    day = start
    while day < end:
        for half in HALVES:
            n = seats.get((day, half), 0)
            shifts = grouped.get((day, half), [])
            problems: list[tuple[str, tuple[Problem, ...]]] = []
            filled = 0
            for shift in shifts:
                found = shift_problems(ctx, ledger, shift, pattern, n)
                if shift.state.fills_seat:
                    filled += 1
                    if n and filled > n:
                        found += (Problem(ProblemCode.SLOT_FULL, f"该班按规则每班{n}人，已超出"),)
                if found:
                    problems.append((shift.id, found))
            views[(day, half)] = SlotView(day, half, n, tuple(shifts), tuple(problems))
        day += timedelta(days=1)
    return views


def gaps_of(ctx: RosterContext, views: Iterable[SlotView], point_id: str, pattern: DutyPattern,
            ledger: Ledger, today: date) -> list[Gap]:
    """A Gap with its reason for every view with open seats (days before ``today``: 日期已过)."""
    pool = ctx.pool(point_id)
    return [Gap(v.day, v.half, v.missing, GapReason.PAST) if v.day < today else
            diagnose_gap(point_id, v.day, v.half, v.missing, pool, ledger,
                         max_consecutive_days=pattern.max_consecutive_days)
            for v in views if v.missing]


def spread_of(ctx: RosterContext, point_id: str, start: date, end: date) -> Spread:
    """Seat-filling shifts per person at the point in ``[start, end)``, over the point's pool
    and anyone else holding shifts there; ordered by name."""
    counts = {v.id: 0 for v in ctx.pool(point_id)}
    for shift in ctx.at_point(point_id, start, end):
        if shift.state.fills_seat:
            counts[shift.person_id] = counts.get(shift.person_id, 0) + 1
    names = ctx.names
    return Spread(tuple(sorted(counts.items(), key=lambda c: (names.get(c[0], ""), c[0]))))
