"""Filling a point's month of duty slots: greedy with fairness, then rebalancing.

Deterministic for given inputs (volunteers are ordered by name, then id). Steps:

1. Slots in time order (AM before PM); each open seat goes to the volunteer with no problem
   (see :func:`liaison_app.scheduling.rules.check`) who has the fewest slots at this point this
   month, then the fewest slots anywhere this month, then by name and id. Seats already filled by
   kept shifts (confirmed, hand-made, the volunteer's own) are counted first.
2. A seat nobody can take directly may still be filled by freeing a volunteer who is only held
   back by the cap or the consecutive-days limit: one of their new assignments is handed to
   someone else (searched ``depth`` levels deep).
3. Rebalancing: while some volunteer has at least two slots more than another, look for a chain
   of hand-overs of new assignments from the fuller to the emptier (breadth-first); each
   successful chain lowers the sum of squared counts, so this ends. With free availability the
   spread (max − min slots per volunteer) ends at most 1.

Seats that stay open are reported as :class:`~liaison_app.domain.roster.Gap` with the most common
reason among the volunteers who are usually free then.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import Gap, GapReason, Problem, ProblemCode, Spread
from liaison_app.i18n import translate
from liaison_app.scheduling.pattern import DutySlot
from liaison_app.scheduling.rules import Booking, Ledger, Volunteer, check, usual_slot_text

# Problems that handing away one of the volunteer's own new assignments can cure.
_FREEABLE = {ProblemCode.OVER_CAP, ProblemCode.CONSECUTIVE}


@dataclass(frozen=True)
class PlanRequest:
    """Inputs of :func:`plan`.

    Attributes:
        point_id: the point being planned.
        year, month: the month whose counts make the fairness spread.
        slots: duty half-days to fill (usually those from today on).
        volunteers: the point's pool (active volunteers serving it).
        bookings: every seat-filling booking that stays — at this point (kept shifts) and at
            other points — over the month and ``max_consecutive_days`` either side.
        leave: (person id, day, half) on leave anywhere.
        max_consecutive_days: the point's limit of duty days in a row.
        point_names: point id → name, for messages.
        depth: how deep step 2 searches.
    """

    point_id: str
    year: int
    month: int
    slots: Sequence[DutySlot]
    volunteers: Sequence[Volunteer]
    bookings: Sequence[Booking] = ()
    leave: frozenset[tuple[str, date, HalfDay]] = frozenset()
    max_consecutive_days: int = 3
    point_names: dict[str, str] = field(default_factory=dict)
    depth: int = 2


@dataclass(frozen=True)
class PlanResult:
    """New assignments (``shift_id`` None), open seats, and the month's spread at the point."""

    assignments: tuple[Booking, ...]
    gaps: tuple[Gap, ...]
    spread: Spread


class _Planner:
    def __init__(self, request: PlanRequest):
        self.r = request
        self.ledger = Ledger(request.bookings, request.leave, request.point_names)
        self.pool = sorted(request.volunteers, key=lambda v: (v.name, v.id))
        self.by_id = {v.id: v for v in self.pool}
        self.new: list[Booking] = []

    # -- helpers ---------------------------------------------------------------------------
    def problems(self, v: Volunteer, day: date, half: HalfDay) -> list[Problem]:
        return check(v, self.r.point_id, day, half, self.ledger, max_consecutive_days=self.r.max_consecutive_days)

    def ok(self, v: Volunteer, day: date, half: HalfDay) -> bool:
        return not self.problems(v, day, half)

    def count(self, person_id: str) -> int:
        return self.ledger.point_month_count(person_id, self.r.point_id, self.r.year, self.r.month)

    def order(self, day: date):  # type: ignore[no-untyped-def]
        return lambda v: (self.count(v.id), self.ledger.month_count(v.id, day.year, day.month), v.name, v.id)

    def book(self, person_id: str, day: date, half: HalfDay) -> Booking:
        booking = Booking(person_id, self.r.point_id, day, half)
        self.ledger.add(booking)
        self.new.append(booking)
        return booking

    def unbook(self, booking: Booking) -> None:
        self.ledger.remove(booking)
        self.new.remove(booking)

    def open_seats(self, slot: DutySlot) -> int:
        return max(0, slot.seats - len(self.ledger.seat_holders(self.r.point_id, slot.day, slot.half)))

    # -- step 1 and 2: filling ---------------------------------------------------------------
    def fill(self, day: date, half: HalfDay, depth: int, visited: frozenset[str] = frozenset()) -> bool:
        candidates = sorted((v for v in self.pool if v.id not in visited), key=self.order(day))
        freeable: list[Volunteer] = []
        for v in candidates:
            found = self.problems(v, day, half)
            if not found:
                self.book(v.id, day, half)
                return True
            if {p.code for p in found} <= _FREEABLE:
                freeable.append(v)
        if depth <= 0:
            return False
        for v in freeable:
            for own in [b for b in self.new if b.person_id == v.id and (b.day, b.half) != (day, half)]:
                self.unbook(own)
                if self.ok(v, day, half) and self.fill(own.day, own.half, depth - 1, visited | {v.id}):
                    self.book(v.id, day, half)
                    return True
                self.ledger.add(own)
                self.new.append(own)
        return False

    # -- step 3: rebalancing ----------------------------------------------------------------
    def find_chain(self, receiver: Volunteer) -> list[tuple[Volunteer, Booking]] | None:
        """Hand-overs [(taker, booking)…] from someone with ≥ count(receiver)+2 slots."""
        target = self.count(receiver.id) + 2
        parents: dict[str, tuple[str, Booking] | None] = {receiver.id: None}
        queue = deque([receiver])
        while queue:
            taker = queue.popleft()
            for booking in list(self.new):
                holder = booking.person_id
                if holder in parents or not self.ok(taker, booking.day, booking.half):
                    continue
                parents[holder] = (taker.id, booking)
                if self.count(holder) >= target:
                    chain: list[tuple[Volunteer, Booking]] = []
                    node: str = holder
                    while parents[node] is not None:
                        taker_id, moved = parents[node]  # type: ignore[misc]
                        chain.append((self.by_id[taker_id], moved))
                        node = taker_id
                    chain.reverse()
                    return chain
                queue.append(self.by_id[holder])
        return None

    def apply_chain(self, chain: list[tuple[Volunteer, Booking]]) -> bool:
        done: list[tuple[Booking, Booking]] = []
        for taker, booking in chain:
            self.unbook(booking)
            if not self.ok(taker, booking.day, booking.half):
                self.ledger.add(booking)
                self.new.append(booking)
                for old, new in reversed(done):
                    self.unbook(new)
                    self.ledger.add(old)
                    self.new.append(old)
                return False
            done.append((booking, self.book(taker.id, booking.day, booking.half)))
        return True

    def rebalance(self) -> None:
        failed: set[str] = set()
        while True:
            for receiver in sorted(self.pool, key=lambda v: (self.count(v.id), v.name, v.id)):
                if receiver.id in failed:
                    continue
                chain = self.find_chain(receiver)
                if chain and self.apply_chain(chain):
                    break
                if chain:
                    failed.add(receiver.id)
            else:
                return

    # -- driver -------------------------------------------------------------------------------
    def run(self) -> PlanResult:
        slots = sorted(self.r.slots, key=lambda s: (s.day, 0 if s.half is HalfDay.AM else 1))
        for _ in range(3):
            progress = False
            for slot in slots:
                for _seat in range(self.open_seats(slot)):
                    if not self.fill(slot.day, slot.half, self.r.depth):
                        break
                    progress = True
            self.rebalance()
            if not progress:
                break
        gaps = [diagnose_gap(self.r.point_id, s.day, s.half, n, self.pool, self.ledger,
                             max_consecutive_days=self.r.max_consecutive_days)
                for s in slots if (n := self.open_seats(s))]
        counts = tuple((v.id, self.count(v.id)) for v in self.pool)
        return PlanResult(tuple(self.new), tuple(gaps), Spread(counts))


def _gap_words() -> dict[GapReason, str]:
    """What each reason says about a volunteer, for the gap detail (translated)."""
    return {
        GapReason.ON_LEAVE: translate("duty", "已请假"),
        GapReason.BOOKED_ELSEWHERE: translate("duty", "该时段在其他联系点值班"),
        GapReason.NOBODY_FREE: translate("duty", "已在该班"),
        GapReason.ALL_AT_CAP: translate("duty", "已达每月上限"),
        GapReason.CONSECUTIVE: translate("duty", "再排将连续值班超限"),
        GapReason.NOT_GENERATED: translate("duty", "可以安排"),
    }


def diagnose_gap(point_id: str, day: date, half: HalfDay, missing: int, pool: Sequence[Volunteer],
                 ledger: Ledger, *, max_consecutive_days: int) -> Gap:
    """Why ``missing`` seats of ``point_id`` at ``day``/``half`` are open, judged over the
    volunteers of ``pool`` who are usually free then (the most common reason wins; a volunteer
    who could still be booked makes it NOT_GENERATED)."""
    if not pool:
        return Gap(day, half, missing, GapReason.NO_VOLUNTEERS, translate("duty", "本联系点还没有在册志愿者"))
    free = [v for v in pool if v.available(day, half)]
    if not free:
        return Gap(day, half, missing, GapReason.NOBODY_FREE, translate(
            "duty", "无人有空：{count}名志愿者平时{slot}均无空").format(count=len(pool), slot=usual_slot_text(day, half)))
    reasons: Counter[GapReason] = Counter()
    for v in free:
        codes = {p.code for p in check(v, point_id, day, half, ledger, max_consecutive_days=max_consecutive_days)}
        if ProblemCode.ON_LEAVE in codes:
            reasons[GapReason.ON_LEAVE] += 1
        elif ProblemCode.DOUBLE_BOOKED in codes:
            reasons[GapReason.BOOKED_ELSEWHERE] += 1
        elif ProblemCode.SAME_SLOT in codes:
            reasons[GapReason.NOBODY_FREE] += 1
        elif ProblemCode.OVER_CAP in codes:
            reasons[GapReason.ALL_AT_CAP] += 1
        elif ProblemCode.CONSECUTIVE in codes:
            reasons[GapReason.CONSECUTIVE] += 1
        else:
            reasons[GapReason.NOT_GENERATED] += 1
    order = list(GapReason)
    if reasons[GapReason.NOT_GENERATED]:
        reason = GapReason.NOT_GENERATED
    else:
        reason = sorted(reasons, key=lambda g: (-reasons[g], order.index(g)))[0]
    words = _gap_words()
    parts = translate("duty", "、").join(
        translate("duty", "{count}人{what}").format(count=n, what=words[g])
        for g, n in sorted(reasons.items(), key=lambda i: order.index(i[0])))
    return Gap(day, half, missing, reason, translate("duty", "{reason}（平时有空的{count}人中：{parts}）").format(
        reason=translate("labels", reason.label), count=len(free), parts=parts))


def plan(request: PlanRequest) -> PlanResult:
    """Fill ``request.slots`` (see the module docstring). Pure: the inputs are not changed."""
    return _Planner(request).run()
