"""Duty roster use cases over a real database: patterns, generating (holidays, caps, fairness,
no double booking, hand edits kept), the judge's edits with reasons, volunteers' self-service,
done → volunteer visit, today/tomorrow, the batch iterator."""

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.duty import CalendarDayKind, DutyPattern, PatternKind, ShiftChange, ShiftSource, ShiftState
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DayKind, GapReason, ProblemCode
from liaison_app.errors import UserError, ValidationError
from liaison_app.scheduling.calendar import covered_years
from tests.core.duty_helpers import add_second_point, add_volunteer, core_at

AM, PM = HalfDay.AM, HalfDay.PM
DEC = "2026-12"


def codes(edit_or_problems):
    problems = getattr(edit_or_problems, "problems", edit_or_problems)
    return {p.code for p in problems}


def test_default_pattern_until_one_is_saved(core, point):
    assert core.duty.pattern(point.id).stored is False
    assert any("尚未设置值班规则" in w for w in core.duty.roster(point.id, DEC).warnings)
    market = DutyPattern(point.id, kind=PatternKind.MARKET_DAYS, market_start=date(2026, 12, 2), market_every=5,
                         halves=frozenset({AM}), per_slot=2, giveback_cutoff_days=3, pm_start=time(15, 0))
    saved, changes = core.duty.save_pattern(market)
    assert changes.touches("duty_pattern")
    loaded = core.duty.pattern(point.id)
    assert loaded == saved and loaded.stored and loaded.pm_start == time(15, 0)
    assert not any("尚未设置" in w for w in core.duty.roster(point.id, DEC).warnings)
    with pytest.raises(ValidationError) as err:
        core.duty.save_pattern(DutyPattern(point.id, weekly_slots=frozenset(), per_slot=0))
    assert set(err.value.by_field()) == {"weekly_slots", "per_slot"}


def test_generate_fills_the_month_fairly_and_reports_the_spread(core, point):
    people = [add_volunteer(core, n, point) for n in ("张德昇", "王秀英", "李建国", "赵玥")]
    report = core.duty.generate(point.id, DEC)
    view = core.duty.roster(point.id, DEC)
    assert report.gaps == () and view.gaps == ()
    assert report.created == view.filled == 46          # 23 working days × 上午/下午
    counts = view.spread.as_dict()
    assert set(counts) == {p.id for p in people}
    assert view.spread.high - view.spread.low <= 1
    assert (report.spread.low, report.spread.high) == (11, 12)
    assert "每人11–12班" in view.spread.text(view.names)


def test_caps_are_respected_and_unfilled_seats_are_listed_as_gaps(core, point):
    a = add_volunteer(core, "张德昇", point, cap=6)
    b = add_volunteer(core, "王秀英", point, cap=4)
    report = core.duty.generate(point.id, DEC)
    counts = Counter(s.person_id for s in core.duty.shifts(point.id, DEC))
    assert counts == {a.id: 6, b.id: 4}
    assert sum(g.missing for g in report.gaps) == 46 - 10
    assert {g.reason for g in report.gaps} == {GapReason.ALL_AT_CAP}


def test_national_day_week_is_off_and_the_make_up_days_are_on_duty(db_path, point):
    september = core_at(db_path, datetime(2026, 9, 1, 9, 0, tzinfo=CHINA_TZ))
    try:
        for name in ("张德昇", "王秀英", "李建国", "赵玥"):
            add_volunteer(september, name, point)
        september.duty.generate(point.id, "2026-09")
        september.duty.generate(point.id, "2026-10")
        days = {s.day for s in september.duty.shifts(point.id, "2026-10")}
        assert not [d for d in days if date(2026, 10, 1) <= d <= date(2026, 10, 7)]
        assert date(2026, 10, 10) in days                       # Saturday make-up working day
        sept = {s.day for s in september.duty.shifts(point.id, "2026-09")}
        assert date(2026, 9, 20) in sept                          # Sunday make-up working day
        assert not [d for d in sept if date(2026, 9, 25) <= d <= date(2026, 9, 27)]   # 中秋
        view = september.duty.roster(point.id, "2026-10")
        info = {d.day: d for d in view.days}
        assert (info[date(2026, 10, 1)].kind, info[date(2026, 10, 1)].name) == (DayKind.HOLIDAY, "国庆节")
        assert info[date(2026, 10, 10)].kind is DayKind.MAKEUP
        assert view.slot(date(2026, 10, 1), AM).seats == 0
        assert view.gaps == ()
    finally:
        september.close()


def test_an_uncovered_year_warns_and_the_hand_entered_table_takes_precedence(core, point):
    year = covered_years()[1] + 1
    period = f"{year}-01"
    new_year = date(year, 1, 1)
    saturday = next(new_year + timedelta(n) for n in range(1, 8) if (new_year + timedelta(n)).weekday() == 5)
    add_volunteer(core, "张德昇", point)
    add_volunteer(core, "王秀英", point)
    report = core.duty.generate(point.id, period)
    assert report.warnings[0].startswith(f"{year}年法定节假日数据尚未收录") and "已按周末处理" in report.warnings[0]
    assert core.duty.calendar_warnings(period) == [report.warnings[0]]
    new_year_on_duty = new_year.weekday() < 5
    assert ({s.day for s in core.duty.shifts(point.id, period)} >= {new_year}) == new_year_on_duty
    core.duty.set_calendar_day(new_year, CalendarDayKind.HOLIDAY, "元旦")
    core.duty.set_calendar_day(saturday, CalendarDayKind.WORKDAY, "元旦调休上班")
    assert [o.day for o in core.duty.calendar_days(year)] == [new_year, saturday]
    again = core.duty.generate(point.id, period)
    days = {s.day for s in core.duty.shifts(point.id, period)}
    assert new_year not in days and saturday in days
    assert "已手工录入2天" in again.warnings[0]
    assert core.duty.day_info(new_year).name == "元旦"
    core.duty.remove_calendar_day(saturday)
    assert core.duty.day_info(saturday).kind is DayKind.WEEKEND


def test_hand_edits_survive_regeneration(core, point):
    people = [add_volunteer(core, n, point) for n in ("张德昇", "王秀英", "李建国", "赵玥")]
    core.duty.generate(point.id, DEC)
    shifts = core.duty.shifts(point.id, DEC)
    confirmed, reassigned, on_leave, cleared = shifts[0], shifts[5], shifts[10], shifts[15]
    core.duty.confirm(confirmed.id)
    other = next(p for p in people if p.id != reassigned.person_id)
    core.duty.reassign(reassigned.id, other.id)
    core.duty.mark_leave(on_leave.id, "住院")
    core.duty.clear(cleared.id)
    extra = core.duty.assign(point.id, date(2026, 12, 5), AM, people[0].id, note="赶集日加班")
    assert codes(extra) == {ProblemCode.DAY_OFF} and extra.applied
    before = {s.id: s for s in core.duty.shifts(point.id, DEC)}

    report = core.duty.generate(point.id, DEC)
    after = {s.id: s for s in core.duty.shifts(point.id, DEC)}
    for kept in (confirmed.id, reassigned.id, on_leave.id, extra.shifts[0].id):
        assert after[kept].person_id == before[kept].person_id and after[kept].state == before[kept].state
    assert after[reassigned.id].person_id == other.id and after[reassigned.id].source is ShiftSource.MANUAL
    assert after[on_leave.id].state is ShiftState.LEAVE and after[on_leave.id].note == "住院"
    # The leave's seat and the cleared seat are filled again, by someone else.
    leave_seat = [s for s in after.values() if (s.day, s.half) == (on_leave.day, on_leave.half) and s.state.fills_seat]
    assert len(leave_seat) == 1 and leave_seat[0].person_id != on_leave.person_id
    cleared_seat = [s for s in after.values() if (s.day, s.half) == (cleared.day, cleared.half)]
    assert len(cleared_seat) == 1 and cleared_seat[0].person_id != cleared.person_id
    assert report.gaps == ()
    # Generating again with nothing changed changes nothing.
    same = core.duty.generate(point.id, DEC)
    assert (same.created, same.removed) == (0, 0)
    assert {s.id for s in core.duty.shifts(point.id, DEC)} == set(after)


def test_no_volunteer_is_booked_in_two_places_at_once(core, point):
    other = add_second_point(core)
    shared = [add_volunteer(core, n, point, other) for n in ("张德昇", "王秀英")]
    add_volunteer(core, "李建国", point)
    add_volunteer(core, "赵玥", other)
    core.duty.save_pattern(DutyPattern(other.id, kind=PatternKind.MARKET_DAYS, market_start=date(2026, 12, 1),
                                       market_every=2, per_slot=2))
    reports = core.duty.generate_all(DEC)
    assert len(reports) == 2
    every = core.duty.shifts(point.id, DEC) + core.duty.shifts(other.id, DEC)
    half_days = Counter((s.person_id, s.day, s.half) for s in every)
    assert max(half_days.values()) == 1
    assert {s.point_id for s in every if s.person_id == shared[0].id} == {point.id, other.id}


def test_judge_edits_return_clash_cap_and_run_reasons_at_once(core, point):
    other = add_second_point(core)
    v = add_volunteer(core, "张德昇", point, other, cap=4)
    w = add_volunteer(core, "王秀英", point)
    first = core.duty.assign(point.id, date(2026, 12, 1), AM, v.id)
    assert first.clean
    preview = core.duty.check_assign(other.id, date(2026, 12, 1), AM, v.id)
    clash = core.duty.assign(other.id, date(2026, 12, 1), AM, v.id)
    assert clash.applied and codes(clash) == codes(preview) >= {ProblemCode.DOUBLE_BOOKED}
    message = next(p.message for p in clash.problems if p.code is ProblemCode.DOUBLE_BOOKED)
    assert "宁安镇法官联系点" in message and "12月1日上午" in message
    assert ProblemCode.DOUBLE_BOOKED in codes(core.duty.roster(other.id, DEC).slot(date(2026, 12, 1), AM)
                                              .problems_of(clash.shifts[0].id))
    assert not core.duty.assign(point.id, date(2026, 12, 1), AM, v.id).applied      # already there
    core.duty.assign(point.id, date(2026, 12, 2), AM, v.id)
    core.duty.assign(point.id, date(2026, 12, 3), AM, v.id)                          # 4th of cap 4 …
    over = core.duty.assign(point.id, date(2026, 12, 8), AM, v.id)                   # … 5th is over
    assert ProblemCode.OVER_CAP in codes(over) and "最多4个半天" in over.problems[0].message
    run = [core.duty.assign(point.id, date(2026, 12, d), PM, w.id) for d in (14, 15, 16, 17)]
    assert [ProblemCode.CONSECUTIVE in codes(e) for e in run] == [False, False, False, True]
    full = core.duty.assign(point.id, date(2026, 12, 14), PM, v.id)
    assert ProblemCode.SLOT_FULL in codes(full)


def test_swap_two_volunteers(core, point):
    a = add_volunteer(core, "张德昇", point)
    b = add_volunteer(core, "王秀英", point)
    one = core.duty.assign(point.id, date(2026, 12, 1), AM, a.id).shifts[0]
    two = core.duty.assign(point.id, date(2026, 12, 2), PM, b.id).shifts[0]
    core.duty.confirm(one.id)
    edit = core.duty.swap(one.id, two.id)
    assert edit.clean
    assert core.duty.shift(one.id).person_id == b.id and core.duty.shift(two.id).person_id == a.id
    assert core.duty.shift(one.id).state is ShiftState.PLANNED
    assert core.duty.shift(one.id).last_change is ShiftChange.SWAPPED
    assert not core.duty.swap(one.id, one.id).applied


def test_volunteer_takes_an_open_slot_and_gives_it_back_before_the_cut_off(core, point):
    a = add_volunteer(core, "张德昇", point)
    b = add_volunteer(core, "王秀英", point)
    # Today is Sunday 29 November; the default cut-off is 2 days before the duty day.
    assert (date(2026, 12, 1), AM) in {(g.day, g.half) for g in core.duty.open_slots(point.id, DEC, a.id)}
    taken = core.duty.take(point.id, date(2026, 12, 1), AM, a.id)
    assert taken.clean
    shift = taken.shifts[0]
    assert (shift.state, shift.source, shift.seen_by_judge) == (ShiftState.CONFIRMED, ShiftSource.VOLUNTEER, False)
    assert [s.id for s in core.duty.unseen_changes(point.id)] == [shift.id]
    assert core.duty.roster(point.id, DEC).unseen == 1
    assert codes(core.duty.take(point.id, date(2026, 12, 1), AM, b.id)) == {ProblemCode.SLOT_FULL}
    assert codes(core.duty.take(point.id, date(2026, 12, 5), AM, b.id)) == {ProblemCode.DAY_OFF}
    assert codes(core.duty.give_back(shift.id, b.id)) == {ProblemCode.WRONG_PERSON}
    assert core.duty.giveback_deadline(shift.id) == date(2026, 11, 29)
    back = core.duty.give_back(shift.id, a.id)                     # the last day it is allowed
    assert back.clean and core.duty.shift(shift.id).deleted
    assert core.duty.shift(shift.id).last_change is ShiftChange.GIVEN_BACK
    assert {s.id for s in core.duty.unseen_changes(point.id)} == {shift.id}

    tomorrow = core.duty.take(point.id, date(2026, 11, 30), AM, a.id).shifts[0]
    late = core.duty.give_back(tomorrow.id, a.id)
    assert not late.applied and codes(late) == {ProblemCode.CUTOFF}
    assert "2026年11月28日" in late.problems[0].message
    assert core.duty.mark_seen(point_id=point.id).ids == {shift.id, tomorrow.id}
    assert core.duty.unseen_changes(point.id) == []
    # Generating does not put the volunteer back on the half-day they gave back.
    core.duty.generate(point.id, DEC)
    holders = [s.person_id for s in core.duty.shifts(point.id, DEC) if (s.day, s.half) == (date(2026, 12, 1), AM)]
    assert holders == [b.id]


def test_swap_requests_between_volunteers(core, point):
    other = add_second_point(core)
    a = add_volunteer(core, "张德昇", point)
    b = add_volunteer(core, "王秀英", point, other)
    mine = core.duty.assign(point.id, date(2026, 12, 2), AM, a.id).shifts[0]
    theirs = core.duty.assign(point.id, date(2026, 12, 4), PM, b.id).shifts[0]
    # B is at the other point on 3 December morning: they cannot take A's shift then.
    busy = core.duty.assign(other.id, date(2026, 12, 3), AM, b.id).shifts[0]
    blocked = core.duty.assign(point.id, date(2026, 12, 3), AM, a.id).shifts[0]
    refused = core.duty.request_swap(blocked.id, a.id, b.id)
    assert refused.request is None and codes(refused.problems) == {ProblemCode.DOUBLE_BOOKED}
    assert busy.person_id == b.id

    declined = core.duty.request_swap(mine.id, a.id, b.id, theirs.id, note="家中有事")
    assert declined.request is not None
    assert [r.id for r in core.duty.swap_requests(b.id)] == [declined.request.id]
    assert codes(core.duty.answer_swap(declined.request.id, a.id, True)) == {ProblemCode.WRONG_PERSON}
    assert core.duty.answer_swap(declined.request.id, b.id, False).applied
    assert core.duty.shift(mine.id).person_id == a.id

    asked = core.duty.request_swap(mine.id, a.id, b.id, theirs.id).request
    accepted = core.duty.answer_swap(asked.id, b.id, True)
    assert accepted.clean
    assert core.duty.shift(mine.id).person_id == b.id and core.duty.shift(theirs.id).person_id == a.id
    assert {s.last_change for s in accepted.shifts} == {ShiftChange.SWAP_ACCEPTED}
    assert {s.id for s in core.duty.unseen_changes(point.id)} == {mine.id, theirs.id}
    assert core.duty.swap_requests(b.id) == []

    handover = core.duty.request_swap(theirs.id, a.id, b.id).request        # A now holds 4 Dec PM
    core.duty.cancel_swap(handover.id, a.id)
    assert core.duty.swap_requests(a.id) == []


def test_a_done_shift_becomes_a_volunteer_visit(db_path, point):
    evening = core_at(db_path, datetime(2026, 12, 1, 18, 0, tzinfo=CHINA_TZ))
    try:
        a = add_volunteer(evening, "张德昇", point)
        shift = evening.duty.assign(point.id, date(2026, 12, 1), AM, a.id).shifts[0]
        visit, changes = evening.duty.mark_done(shift.id)
        assert changes.touches("volunteer_visit") and changes.touches("duty_shift")
        assert (visit.shift_id, visit.person_id, visit.visited_on) == (shift.id, a.id, date(2026, 12, 1))
        assert (visit.arrival, visit.departure, visit.hours) == (time(9, 0), time(12, 0), 3)
        assert evening.duty.shift(shift.id).state is ShiftState.DONE
        assert evening.duty.mark_done(shift.id)[0].id == visit.id               # once only
        assert [v.id for v in evening.visits.between(date(2026, 12, 1), date(2026, 12, 1))] == [visit.id]
        assert codes(evening.duty.clear(shift.id)) == {ProblemCode.LOCKED}
        later = evening.duty.assign(point.id, date(2026, 12, 5), PM, a.id).shifts[0]
        with pytest.raises(ValidationError):
            evening.duty.mark_done(later.id)                                    # still in the future
        evening.duty.mark_leave(later.id)
        with pytest.raises(UserError, match="请假"):
            evening.duty.mark_done(later.id)
    finally:
        evening.close()


def test_today_and_tomorrow_duty_with_gaps(core, point):
    a = add_volunteer(core, "张德昇", point)
    core.duty.assign(point.id, date(2026, 11, 30), AM, a.id)
    days = core.duty.duty_days()
    assert [(d.info.day, d.point.id) for d in days] == [(date(2026, 11, 29), point.id), (date(2026, 11, 30), point.id)]
    sunday, monday = days
    assert sunday.slots == () and sunday.info.kind is DayKind.WEEKEND
    assert [(s.half, s.filled, s.missing) for s in monday.slots] == [(AM, 1, 0), (PM, 0, 1)]
    assert monday.names[a.id] == "张德昇" and monday.missing == 1


def test_the_batch_iterator_has_every_shift_including_deleted_ones(core, point):
    a = add_volunteer(core, "张德昇", point)
    kept = core.duty.assign(point.id, date(2026, 12, 1), AM, a.id).shifts[0]
    gone = core.duty.assign(point.id, date(2026, 12, 2), AM, a.id).shifts[0]
    core.duty.clear(gone.id)
    rows = list(core.duty.iter_period(point.id, DEC))
    assert [(r.id, r.deleted) for r in rows] == [(kept.id, False), (gone.id, True)]
    assert [s.id for s in core.duty.shifts(point.id, DEC)] == [kept.id]


def test_candidates_for_a_half_day_best_first_with_reasons(core, point):
    other = add_second_point(core)
    busy = add_volunteer(core, "张德昇", point, other)
    fresh = add_volunteer(core, "王秀英", point)
    loaded = add_volunteer(core, "李建国", point)
    core.duty.assign(other.id, date(2026, 12, 1), AM, busy.id)
    core.duty.assign(point.id, date(2026, 12, 2), AM, loaded.id)
    offered = core.duty.candidates(point.id, date(2026, 12, 1), AM)
    assert [c.person_id for c in offered] == [fresh.id, loaded.id, busy.id]
    assert [c.slots_this_month for c in offered] == [0, 1, 0]
    assert offered[-1].blocked and ProblemCode.DOUBLE_BOOKED in codes(offered[-1].problems)


def test_a_removed_person_keeps_their_shifts_visible(core, point):
    a = add_volunteer(core, "临时志愿者", point)
    shift = core.duty.assign(point.id, date(2026, 12, 1), AM, a.id).shifts[0]
    core.people.remove(a.id)                                    # no visits or consultations yet
    view = core.duty.roster(point.id, DEC)
    assert view.names[a.id] == "临时志愿者"
    assert ProblemCode.NOT_VOLUNTEER in codes(view.slot(date(2026, 12, 1), AM).problems_of(shift.id))
    core.duty.generate(point.id, DEC)                           # the manual shift stays, flagged
    assert core.duty.shift(shift.id).person_id == a.id
