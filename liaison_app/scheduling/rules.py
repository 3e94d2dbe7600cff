"""The constraints of a duty assignment, as pure functions over plain data.

Used by the generator (which makes no assignment with a problem) and by the roster edits (which
report problems at once). A person's *bookings* are their shifts that fill a seat (not on leave,
not deleted) at any point. Constraints:

* one person is in one place per half-day (no double booking across points);
* the monthly cap (``Person.monthly_cap``) counts the person's bookings in the calendar month at
  every point;
* at most ``max_consecutive_days`` calendar days in a row with any duty (AM and PM of one day
  count as one day);
* a person on leave (请假) for a half-day at any point is not booked elsewhere that half-day;
* the usual availability (weekday × 上午/下午) and serving the point are soft: reported, and the
  generator keeps to them, but the judge may override.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.domain.roster import Problem, ProblemCode
from liaison_app.i18n import translate


@dataclass(frozen=True)
class Booking:
    """A person's seat-filling duty: at ``point_id`` on ``day``/``half``. ``shift_id`` is None
    for an assignment not stored yet."""

    person_id: str
    point_id: str
    day: date
    half: HalfDay
    shift_id: str | None = None


@dataclass(frozen=True)
class Volunteer:
    """What the rules need to know of a person. ``cap`` None = no monthly cap."""

    id: str
    name: str
    availability: frozenset[WeeklySlot] = frozenset()
    cap: int | None = None
    point_ids: frozenset[str] = frozenset()
    is_volunteer: bool = True

    def available(self, day: date, half: HalfDay) -> bool:
        return WeeklySlot(day.weekday(), half) in self.availability


def _when(day: date, half: HalfDay) -> str:
    """``11月29日上午`` (translated)."""
    return translate("duty", "{month}月{day}日{half}").format(
        month=day.month, day=day.day, half=translate("labels", half.label))


def weekday_name(weekday: int) -> str:
    """``周一`` … ``周日`` (translated); 0 is Monday."""
    return (translate("duty", "周一"), translate("duty", "周二"), translate("duty", "周三"), translate("duty", "周四"),
            translate("duty", "周五"), translate("duty", "周六"), translate("duty", "周日"))[weekday]


def usual_slot_text(day: date, half: HalfDay) -> str:
    """The weekly slot of ``day``/``half``, ``周一上午`` (translated)."""
    return translate("duty", "{weekday}{half}").format(
        weekday=weekday_name(day.weekday()), half=translate("labels", half.label))


class Ledger:
    """An index of bookings, mutable so the generator can try assignments.

    ``leave`` holds (person, day, half) triples on leave; ``point_names`` names points in messages.
    """

    def __init__(self, bookings: Iterable[Booking] = (), leave: Iterable[tuple[str, date, HalfDay]] = (),
                 point_names: dict[str, str] | None = None):
        self._at: dict[tuple[str, date, HalfDay], list[Booking]] = defaultdict(list)
        self._seat: dict[tuple[str, date, HalfDay], list[Booking]] = defaultdict(list)
        self._days: dict[str, Counter[date]] = defaultdict(Counter)
        self._month: Counter[tuple[str, int, int]] = Counter()
        self._point_month: Counter[tuple[str, str, int, int]] = Counter()
        self.leave = set(leave)
        self.point_names = point_names or {}
        for booking in bookings:
            self.add(booking)

    def add(self, b: Booking) -> None:
        self._at[(b.person_id, b.day, b.half)].append(b)
        self._seat[(b.point_id, b.day, b.half)].append(b)
        self._days[b.person_id][b.day] += 1
        self._month[(b.person_id, b.day.year, b.day.month)] += 1
        self._point_month[(b.person_id, b.point_id, b.day.year, b.day.month)] += 1

    def remove(self, b: Booking) -> None:
        """Remove one booking equal to ``b`` (ValueError if absent)."""
        self._at[(b.person_id, b.day, b.half)].remove(b)
        self._seat[(b.point_id, b.day, b.half)].remove(b)
        days = self._days[b.person_id]
        days[b.day] -= 1
        if days[b.day] <= 0:
            del days[b.day]
        self._month[(b.person_id, b.day.year, b.day.month)] -= 1
        self._point_month[(b.person_id, b.point_id, b.day.year, b.day.month)] -= 1

    def at(self, person_id: str, day: date, half: HalfDay) -> list[Booking]:
        """The person's bookings on that half-day (normally 0 or 1)."""
        return list(self._at.get((person_id, day, half), ()))

    def seat_holders(self, point_id: str, day: date, half: HalfDay) -> list[Booking]:
        """Bookings filling seats of that point's half-day."""
        return list(self._seat.get((point_id, day, half), ()))

    def month_count(self, person_id: str, year: int, month: int) -> int:
        return self._month[(person_id, year, month)]

    def point_month_count(self, person_id: str, point_id: str, year: int, month: int) -> int:
        return self._point_month[(person_id, point_id, year, month)]

    def has_duty_on(self, person_id: str, day: date) -> bool:
        return self._days[person_id][day] > 0

    def run_with(self, person_id: str, day: date) -> int:
        """Length of the run of consecutive duty days containing ``day`` if ``day`` were one."""
        days = self._days[person_id]
        back = 0
        while days[day - timedelta(days=back + 1)] > 0:
            back += 1
        ahead = 0
        while days[day + timedelta(days=ahead + 1)] > 0:
            ahead += 1
        return back + 1 + ahead


def check(person: Volunteer, point_id: str, day: date, half: HalfDay, ledger: Ledger, *,
          max_consecutive_days: int) -> list[Problem]:
    """Problems of booking ``person`` at ``point_id`` on ``day``/``half`` given ``ledger``
    (which must not already contain that booking). Empty list = fine."""
    problems: list[Problem] = []
    name = person.name
    when = _when(day, half)
    if not person.is_volunteer:
        problems.append(Problem(ProblemCode.NOT_VOLUNTEER, translate("duty", "{name}不是在册的退休法官志愿者").format(name=name)))
    if (person.id, day, half) in ledger.leave:
        problems.append(Problem(ProblemCode.ON_LEAVE, translate("duty", "{name}{when}已请假").format(name=name, when=when)))
    for other in ledger.at(person.id, day, half):
        if other.point_id == point_id:
            problems.append(Problem(ProblemCode.SAME_SLOT, translate("duty", "{name}已在{when}这一班").format(name=name, when=when)))
        else:
            where = ledger.point_names.get(other.point_id)
            if where is None:
                where = translate("duty", "其他联系点")
            problems.append(Problem(ProblemCode.DOUBLE_BOOKED, translate(
                "duty", "{name}{when}已在{point}值班，同一时段不能安排两处").format(name=name, when=when, point=where)))
    if person.cap is not None:
        count = ledger.month_count(person.id, day.year, day.month)
        if count + 1 > person.cap:
            problems.append(Problem(
                ProblemCode.OVER_CAP,
                translate("duty", "{name}每月最多{cap}个半天，{month}月已排{count}个，再排将超过上限").format(
                    name=name, cap=person.cap, month=day.month, count=count)))
    if not ledger.has_duty_on(person.id, day):
        run = ledger.run_with(person.id, day)
        if run > max_consecutive_days:
            problems.append(Problem(
                ProblemCode.CONSECUTIVE,
                translate("duty", "{name}将连续值班{run}天，超过本联系点规定的最多连续{limit}天").format(
                    name=name, run=run, limit=max_consecutive_days)))
    if point_id not in person.point_ids:
        problems.append(Problem(ProblemCode.NOT_SERVING, translate("duty", "{name}不在本联系点的志愿者名单中").format(name=name)))
    if not person.available(day, half):
        problems.append(Problem(ProblemCode.UNAVAILABLE, translate(
            "duty", "{name}平时{slot}没有空（不在其可值班时间内）").format(name=name, slot=usual_slot_text(day, half))))
    return problems
