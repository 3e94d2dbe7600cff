"""The duty roster's messages (pattern problems, booking problems, gaps, warnings and refusals the
roster page shows) go through the translation system, Qt-free, in the context ``duty`` — like the
record-validation messages (tests/domain/test_messages_translatable.py). The pattern description
and the spread text are also printed on the roster PDF, so they stay Chinese (``# i18n-exempt``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from liaison_app.domain.duty import DutyPattern, PatternKind, validate_pattern
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.domain.roster import Gap, GapReason, ProblemCode
from liaison_app.scheduling.planner import diagnose_gap
from liaison_app.scheduling.rules import Booking, Ledger, Volunteer, check
from tests.helpers import translation_scan as scan

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = "duty"
LABEL_CONTEXT = "labels"
MARKING_CALLS = scan.MARKING_CALLS
FILES = [ROOT / "liaison_app" / name for name in (
    "domain/duty.py", "domain/roster.py", "core/duty.py", "core/duty_volunteer.py", "scheduling/rules.py",
    "scheduling/planner.py")]


_tool = scan.translations_tool


def test_lupdate_reads_these_modules():
    assert {p.resolve() for p in FILES} <= {p.resolve() for p in _tool().CORE_SOURCES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_message_escapes_translation(path):
    found = scan.untranslated_literals(path, MARKING_CALLS, enum_members_exempt=True)
    assert found == [], "Chinese text outside translate(\"duty\", …):\n" + "\n".join(found)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_marked_messages_are_whole_literal_templates(path):
    """Literal context and text, named placeholders, never glued to other text; only a core
    label is translated from a variable (context ``labels``); translate is never aliased."""
    found = scan.template_problems(path, {CONTEXT})
    assert found == [], "\n".join(found)


# -- at run time --------------------------------------------------------------------------------

DAY = date(2026, 12, 1)  # a Tuesday
WEEKDAYS_ONLY = frozenset(WeeklySlot(d, h) for d in range(5) for h in HalfDay)


def _problems(**volunteer):
    person = Volunteer(**{"id": "v1", "name": "马建国", "availability": frozenset(), "cap": 1,
                          "point_ids": frozenset(), "is_volunteer": False, **volunteer})
    ledger = Ledger([Booking("v1", "Q", DAY, HalfDay.AM), Booking("v1", "Q", date(2026, 12, 2), HalfDay.AM)],
                    leave=[("v1", DAY, HalfDay.AM)], point_names={"Q": "石桥村联系点"})
    return {p.code: p.message for p in check(person, "P", DAY, HalfDay.AM, ledger, max_consecutive_days=1)}


def test_booking_problems_keep_their_chinese_text(chinese):
    assert _problems() == {
        ProblemCode.NOT_VOLUNTEER: "马建国不是在册的退休法官志愿者",
        ProblemCode.ON_LEAVE: "马建国12月1日上午已请假",
        ProblemCode.DOUBLE_BOOKED: "马建国12月1日上午已在石桥村联系点值班，同一时段不能安排两处",
        ProblemCode.OVER_CAP: "马建国每月最多1个半天，12月已排2个，再排将超过上限",
        ProblemCode.NOT_SERVING: "马建国不在本联系点的志愿者名单中",
        ProblemCode.UNAVAILABLE: "马建国平时周二上午没有空（不在其可值班时间内）",
    }


def test_booking_problems_are_translated(english):
    problems = _problems()
    assert problems[ProblemCode.ON_LEAVE] == "EN:马建国EN:12月1日EN:上午已请假"
    assert problems[ProblemCode.UNAVAILABLE] == "EN:马建国平时EN:EN:周二EN:上午没有空（不在其可值班时间内）"
    assert (CONTEXT, "{name}平时{slot}没有空（不在其可值班时间内）") in english
    assert (LABEL_CONTEXT, HalfDay.AM.label) in english


def test_gaps_keep_their_chinese_text(chinese):
    pool = [Volunteer("v1", "甲", WEEKDAYS_ONLY, 0, frozenset({"P"})),
            Volunteer("v2", "乙", WEEKDAYS_ONLY, 0, frozenset({"P"}))]
    gap = diagnose_gap("P", DAY, HalfDay.PM, 1, pool, Ledger(), max_consecutive_days=3)
    assert gap.message == "均已达上限（平时有空的2人中：2人已达每月上限）"
    sunday = diagnose_gap("P", date(2026, 12, 6), HalfDay.PM, 1, pool, Ledger(), max_consecutive_days=3)
    assert sunday.message == "无人有空：2名志愿者平时周日下午均无空"
    assert diagnose_gap("P", DAY, HalfDay.PM, 1, [], Ledger(), max_consecutive_days=3).message == "本联系点还没有在册志愿者"


def test_gaps_are_translated(english):
    pool = [Volunteer("v1", "甲", WEEKDAYS_ONLY, 0, frozenset({"P"}))]
    gap = diagnose_gap("P", DAY, HalfDay.PM, 1, pool, Ledger(), max_consecutive_days=3)
    assert gap.message == "EN:{reason}（平时有空的{count}人中：{parts}）".format(
        reason="EN:" + GapReason.ALL_AT_CAP.label, count=1, parts="EN:1人EN:已达每月上限")
    assert Gap(DAY, HalfDay.PM, 1, GapReason.PAST).message == "EN:" + GapReason.PAST.label


def test_pattern_problems_are_translated(english):
    errors = {e.field: e.message for e in validate_pattern(DutyPattern("P", kind=PatternKind.MONTHLY_DAYS, per_slot=0))}
    assert errors == {"month_days": "EN:请至少选择每月的一天", "per_slot": "EN:每班人数应在1到10人之间"}


def test_the_pattern_description_stays_chinese_for_the_pdf(english):
    assert DutyPattern("P").describe() == "每周一至周五上午、下午；每班1人"


def test_the_roster_service_warns_and_refuses_in_the_chosen_language(english, core, point):
    from liaison_app.domain import clock

    period = clock.period_of(core.now().date())
    view = core.duty.roster(point.id, period)
    assert f"EN:本联系点尚未设置值班规则，暂按默认：{DutyPattern(point.id).describe()}。" in view.warnings
    volunteer = _add_volunteer(core, point)
    day = _next_workday(core.now().date())
    first = core.duty.assign(point.id, day, HalfDay.AM, volunteer.id)
    assert first.applied
    again = core.duty.reassign(first.shifts[0].id, volunteer.id)
    assert not again.applied and [p.message for p in again.problems] == ["EN:已是此人的值班"]


def _add_volunteer(core, point):
    from liaison_app.domain.people import Person, Role

    person, _ = core.people.save(Person(name="李文", role=Role.VOLUNTEER, point_ids=frozenset({point.id}),
                                        availability=frozenset(WeeklySlot(d, h) for d in range(7) for h in HalfDay)))
    return person


def _next_workday(day: date) -> date:
    from datetime import timedelta

    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
