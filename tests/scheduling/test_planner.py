"""The month planner: holidays, caps, fairness, no double booking across points, consecutive days,
kept shifts, gaps with reasons, determinism — with a property test over random volunteer sets."""

from collections import Counter, defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_app.domain.duty import DutyPattern, PatternKind
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.domain.roster import GapReason
from liaison_app.scheduling.calendar import HolidayCalendar
from liaison_app.scheduling.pattern import DutySlot, duty_slots
from liaison_app.scheduling.planner import PlanRequest, plan
from liaison_app.scheduling.rules import Booking, Volunteer

ALL_WEEK = frozenset(WeeklySlot(d, h) for d in range(7) for h in HalfDay)
CAL = HolidayCalendar()


def vol(i, points=("P",), availability=ALL_WEEK, cap=None, name=None):
    return Volunteer(f"id{i:02d}", name or f"志愿者{i:02d}", availability, cap, frozenset(points))


def month_slots(pattern, year=2026, month=12):
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    return duty_slots(pattern, start, end, CAL)


def longest_run(days):
    best = run = 0
    previous = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def test_national_day_month_books_no_holiday_and_fills_the_make_up_saturday():
    slots = month_slots(DutyPattern("P"), 2026, 10)
    result = plan(PlanRequest("P", 2026, 10, slots, [vol(i) for i in range(4)], max_consecutive_days=3))
    booked = {a.day for a in result.assignments}
    assert not [d for d in booked if date(2026, 10, 1) <= d <= date(2026, 10, 7)]
    assert date(2026, 10, 10) in booked
    assert result.gaps == ()
    assert result.spread.high - result.spread.low <= 1


def test_caps_are_respected_and_the_rest_are_gaps_with_the_reason():
    slots = month_slots(DutyPattern("P"))                 # 23 working days × 2 = 46 half-days
    result = plan(PlanRequest("P", 2026, 12, slots, [vol(1, cap=5), vol(2, cap=3)], max_consecutive_days=31))
    counts = Counter(a.person_id for a in result.assignments)
    assert counts == {"id01": 5, "id02": 3}
    assert sum(g.missing for g in result.gaps) == len(slots) - 8
    assert {g.reason for g in result.gaps} == {GapReason.ALL_AT_CAP}
    assert "已达每月上限" in result.gaps[0].detail


def test_fairness_spread_at_most_one_when_availability_allows():
    # Uneven availability where a 12/12/11/11 split of the 46 half-days exists.
    mornings = frozenset(WeeklySlot(d, HalfDay.AM) for d in range(5))
    afternoons = frozenset(WeeklySlot(d, HalfDay.PM) for d in range(5)) | {WeeklySlot(1, HalfDay.AM)}
    people = [vol(1), vol(2, availability=mornings), vol(3, availability=afternoons), vol(4, availability=mornings)]
    slots = month_slots(DutyPattern("P"))
    result = plan(PlanRequest("P", 2026, 12, slots, people, max_consecutive_days=31))
    assert result.gaps == ()
    counts = result.spread.as_dict()
    assert max(counts.values()) - min(counts.values()) <= 1, counts
    assert (result.spread.low, result.spread.high) == (11, 12)


def test_spread_is_reported_honestly_when_availability_forces_it():
    # Only two people can serve afternoons, one of them just Tuesdays and Thursdays: the
    # always-free volunteer must take at least 13 of the 46 half-days.
    mornings = frozenset(WeeklySlot(d, HalfDay.AM) for d in range(5))
    tue_thu = frozenset(WeeklySlot(d, h) for d in (1, 3) for h in HalfDay)
    people = [vol(1), vol(2, availability=mornings), vol(3, availability=tue_thu), vol(4, availability=mornings)]
    result = plan(PlanRequest("P", 2026, 12, month_slots(DutyPattern("P")), people, max_consecutive_days=31))
    assert result.spread.as_dict() == {"id01": 13, "id02": 11, "id03": 11, "id04": 11}


def test_kept_shifts_fill_their_seats_and_count_towards_fairness():
    slots = month_slots(DutyPattern("P", weekly_slots=frozenset({WeeklySlot(0, HalfDay.AM)})))  # 4 Mondays
    kept = [Booking("id01", "P", date(2026, 12, 7), HalfDay.AM, "s1"),
            Booking("id01", "P", date(2026, 12, 14), HalfDay.AM, "s2")]
    result = plan(PlanRequest("P", 2026, 12, slots, [vol(1), vol(2)], kept, max_consecutive_days=3))
    assert sorted((a.day.day, a.person_id) for a in result.assignments) == [(21, "id02"), (28, "id02")]
    assert result.spread.as_dict() == {"id01": 2, "id02": 2}


def test_bookings_elsewhere_and_leave_block_the_half_day():
    slots = [DutySlot(date(2026, 12, 1), HalfDay.AM, 1), DutySlot(date(2026, 12, 1), HalfDay.PM, 1)]
    elsewhere = [Booking("id01", "Q", date(2026, 12, 1), HalfDay.AM, "q1")]
    leave = frozenset({("id01", date(2026, 12, 1), HalfDay.PM)})
    result = plan(PlanRequest("P", 2026, 12, slots, [vol(1, points=("P", "Q"))], elsewhere, leave,
                              point_names={"Q": "梧桐树村法官联系点"}))
    assert result.assignments == ()
    assert [g.reason for g in result.gaps] == [GapReason.BOOKED_ELSEWHERE, GapReason.ON_LEAVE]


def test_gap_reasons_no_volunteers_and_nobody_free():
    slots = [DutySlot(date(2026, 12, 5), HalfDay.AM, 2)]             # a Saturday
    assert plan(PlanRequest("P", 2026, 12, slots, [])).gaps[0].reason is GapReason.NO_VOLUNTEERS
    weekdays = frozenset(WeeklySlot(d, h) for d in range(5) for h in HalfDay)
    gap = plan(PlanRequest("P", 2026, 12, slots, [vol(1, availability=weekdays)])).gaps[0]
    assert (gap.reason, gap.missing) == (GapReason.NOBODY_FREE, 2)
    assert "周六上午" in gap.detail


def test_a_seat_held_back_by_the_cap_is_freed_by_handing_over_another():
    # A (cap 1) is the only one free on Monday; greedy gives A Sunday first (fewest, by name).
    sunday = frozenset({WeeklySlot(6, HalfDay.AM)})
    slots = [DutySlot(date(2026, 12, 6), HalfDay.AM, 1), DutySlot(date(2026, 12, 7), HalfDay.AM, 1)]
    people = [vol(1, cap=1, availability=ALL_WEEK, name="甲"), vol(2, availability=sunday, name="乙")]
    result = plan(PlanRequest("P", 2026, 12, slots, people))
    assert sorted((a.day.day, a.person_id) for a in result.assignments) == [(6, "id02"), (7, "id01")]
    assert result.gaps == ()


def test_the_plan_is_deterministic_whatever_the_input_order():
    slots = month_slots(DutyPattern("P"))
    people = [vol(i, cap=9 if i % 2 else None) for i in range(5)]
    first = plan(PlanRequest("P", 2026, 12, slots, people))
    second = plan(PlanRequest("P", 2026, 12, list(reversed(slots)), list(reversed(people))))
    assert first == second


# -- property test -------------------------------------------------------------------------------

POINTS = ("A", "B", "C")
PATTERNS = {
    "A": DutyPattern("A", per_slot=2),
    "B": DutyPattern("B", kind=PatternKind.MONTHLY_DAYS, month_days=(5, 10, 15, 20, 25, 30)),
    "C": DutyPattern("C", kind=PatternKind.MARKET_DAYS, market_start=date(2026, 12, 1), market_every=3),
}
SLOTS = {p: month_slots(PATTERNS[p]) for p in POINTS}

volunteer_sets = st.lists(
    st.tuples(
        st.sets(st.sampled_from(sorted(ALL_WEEK)), min_size=1),          # availability
        st.one_of(st.none(), st.integers(min_value=0, max_value=12)),   # monthly cap
        st.sets(st.sampled_from(POINTS), min_size=1),                   # points served
    ),
    min_size=1, max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(volunteer_sets, st.integers(min_value=1, max_value=4))
def test_no_double_booking_caps_availability_and_run_limits_hold_across_points(specs, limit):
    people = [vol(i, points=tuple(pts), availability=frozenset(avail), cap=cap)
              for i, (avail, cap, pts) in enumerate(specs)]
    by_id = {v.id: v for v in people}
    booked: list[Booking] = []
    for point in POINTS:
        pool = [v for v in people if point in v.point_ids]
        result = plan(PlanRequest(point, 2026, 12, SLOTS[point], pool, list(booked), max_consecutive_days=limit))
        # Every seat is either filled or reported as a gap.
        filled = Counter((a.day, a.half) for a in result.assignments)
        missing = {(g.day, g.half): g.missing for g in result.gaps}
        for slot in SLOTS[point]:
            assert filled[(slot.day, slot.half)] + missing.get((slot.day, slot.half), 0) == slot.seats
        for a in result.assignments:
            assert a.person_id in {v.id for v in pool}
            assert by_id[a.person_id].available(a.day, a.half)
        booked += result.assignments
    half_days = Counter((b.person_id, b.day, b.half) for b in booked)
    assert max(half_days.values(), default=1) == 1, "someone is booked twice in one half-day"
    per_person = defaultdict(list)
    for b in booked:
        per_person[b.person_id].append(b.day)
    for person_id, days in per_person.items():
        cap = by_id[person_id].cap
        assert cap is None or len(days) <= cap
        assert longest_run(days) <= limit


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=3), st.sampled_from(POINTS))
def test_spread_is_at_most_one_when_everyone_is_free(n, per_slot, point):
    pattern = PATTERNS[point].with_changes(per_slot=per_slot)
    slots = month_slots(pattern)
    people = [vol(i, points=(point,)) for i in range(n)]
    result = plan(PlanRequest(point, 2026, 12, slots, people, max_consecutive_days=31))
    if per_slot <= n:
        assert result.gaps == ()
    assert result.spread.high - result.spread.low <= 1
