"""Demo data over a real database: counts, determinism, validity, realistic shape, re-runs."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import datetime, time

import pytest

from liaison_app.core import Core
from liaison_app.core.demo import fill_demo
from liaison_app.domain import clock
from liaison_app.domain.enums import AgeBand, FollowUpState, IdStatus, Outcome, SpecialGroup
from liaison_app.domain.identity import check_id_number, check_phone, id_info
from liaison_app.domain.people import Role
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.validation import normalise_consultation, validate_consultation
from liaison_app.errors import UserError
from liaison_app.storage.database import open_database

from tests.conftest import FIXED_NOW


@pytest.fixture
def fresh_core(migrated_template, tmp_path):
    """Open a further fresh database (copy of the migrated template) with the pinned clock."""
    opened: list[Core] = []

    def make(name: str, now: datetime = FIXED_NOW) -> Core:
        path = tmp_path / f"{name}.db"
        shutil.copy(migrated_template, path)
        core = Core(open_database(path), path, now=lambda: now)
        opened.append(core)
        return core

    yield make
    for core in opened:
        core.close()


def all_records(core):
    flt = ConsultationFilter(include_deleted=True)
    return core.consultations.page(flt, sort="received_at", descending=False, limit=1_000_000)


def raw_rows(core) -> list[tuple]:
    return core.db.execute("SELECT * FROM consultation ORDER BY id").fetchall()


@pytest.fixture
def demo(core):
    """The default demo: 3 points × 6 months × 40."""
    summary = fill_demo(core, seed=7)
    return summary, all_records(core)


def test_counts_match_the_arguments(core):
    summary = fill_demo(core, points=2, months=3, consultations=150, seed=3)
    records = all_records(core)
    assert summary.consultations == len(records) == 150
    assert summary.points == 2 and summary.points_created == 2 and summary.months == 3
    assert (summary.first_period, summary.last_period) == ("2026-09", "2026-11")
    assert {clock.period_of(r.received_at) for r in records} == {"2026-09", "2026-10", "2026-11"}
    assert [p.code for p in core.points.all()] == ["LW-WTS", "ZN-NA"]
    per_point = Counter(r.point_id for r in records)
    assert sorted(per_point.values()) == [75, 75]


def test_default_count_is_forty_per_point_and_month(core):
    assert fill_demo(core, points=1, months=2).consultations == 80


def test_deterministic_for_a_seed(fresh_core):
    a, b, c = fresh_core("a"), fresh_core("b"), fresh_core("c")
    fill_demo(a, consultations=300, seed=42)
    fill_demo(b, consultations=300, seed=42)
    fill_demo(c, consultations=300, seed=43)
    assert raw_rows(a) == raw_rows(b)
    assert raw_rows(a) != raw_rows(c)
    assert [p.id for p in a.points.all()] == [p.id for p in b.points.all()]
    assert [(p.id, p.name, p.point_ids) for p in a.people.all()] == \
        [(p.id, p.name, p.point_ids) for p in b.people.all()]


def test_every_record_passes_validation(core, demo):
    _, records = demo
    codes = core.consultations.selectable_category_codes()
    for record in records:
        assert normalise_consultation(record) == record
        assert validate_consultation(record, now=FIXED_NOW, category_codes=codes) == [], record


def test_id_numbers_valid_and_consistent(demo):
    _, records = demo
    given = [r for r in records if r.id_status is IdStatus.GIVEN]
    declined = [r for r in records if r.id_status is IdStatus.DECLINED]
    assert len(given) > 50 and len(declined) > 20
    for record in given:
        assert check_id_number(record.id_number, on=record.received_at.date()) is None
        info = id_info(record.id_number)
        assert info is not None and info.male == (record.gender.label == "男")
        assert AgeBand.for_age(info.age_on(record.received_at.date())) is record.age_band
        assert record.id_number[:6] in {"640521", "640181", "640106"}
    assert all(r.id_number == "" for r in records if r.id_status is not IdStatus.GIVEN)


def test_follow_ups_done_overdue_and_pending(demo):
    _, records = demo
    today = FIXED_NOW.date()
    states = Counter(r.followup_state(today) for r in records if not r.deleted)
    assert states[FollowUpState.DONE] > 100
    assert states[FollowUpState.OVERDUE] > 0
    assert states[FollowUpState.PENDING] > 0
    assert states[FollowUpState.DONE] > 5 * states[FollowUpState.OVERDUE]
    old = [r for r in records if r.followup_due and (today - r.followup_due).days > 30]
    assert sum(r.followup_done is not None for r in old) / len(old) > 0.9
    for record in records:
        if record.outcome is not Outcome.ANSWERED:
            assert record.followup_due is not None


def test_realistic_shape(demo):
    _, records = demo
    total = len(records)
    assert all(r.received_at <= FIXED_NOW for r in records)
    assert all(r.updated_at <= FIXED_NOW and r.created_at <= r.updated_at for r in records)
    hours = [r.received_at.timetz().replace(tzinfo=None) for r in records]
    assert all(time(8, 30) <= t <= time(12, 0) or time(14, 30) <= t <= time(18, 0) for t in hours)
    assert sum(r.received_at.weekday() < 5 for r in records) / total > 0.85
    outcomes = Counter(r.outcome for r in records)
    assert outcomes[Outcome.ANSWERED] / total > 0.5
    assert outcomes[Outcome.LEGAL_AID] > 0 and outcomes[Outcome.DEPARTMENT] > 0
    families = Counter(r.category_code.split("-")[0] for r in records)
    assert families["MAR"] + families["PRO"] > total * 0.4
    for record in records:
        if record.age_band is AgeBand.SENIOR:
            assert SpecialGroup.ELDERLY in record.special_groups
        if record.phone:
            assert check_phone(record.phone) is None
        assert 2 <= len(record.visitor_name) <= 3
    for record in records:  # questions that say who is asking fit the visitor
        if "丈夫" in record.question or "前夫" in record.question or "出嫁女" in record.question:
            assert record.gender.label == "女", record.question
        if "妻子" in record.question or "女方一直不让我见" in record.question:
            assert record.gender.label == "男", record.question
        own_age = re.match(r"今年(\d+)岁", record.question)
        if own_age:
            assert record.age_band is AgeBand.SENIOR and int(own_age.group(1)) >= 60
    receivers = Counter(r.receiver_name for r in records)
    assert len(receivers) == 9  # per point: the judge and two volunteers
    papers = [(r.point_id, r.paper_form_no) for r in records if r.paper_form_no]
    assert len(papers) == len(set(papers)) > 50
    assert all(re.fullmatch(r"\w+咨〔\d{4}〕\d{3,}号", p) for _, p in papers)
    assert 0 < sum(r.deleted for r in records) < total * 0.05


def test_volunteers_are_on_the_roster(core, demo):
    volunteers = core.people.all(role=Role.VOLUNTEER)
    assert len(volunteers) == 6
    assert all(v.availability and len(v.point_ids) == 1 for v in volunteers)


def test_rerun_same_seed_adds_nothing_and_reuses_points(core):
    first = fill_demo(core, points=2, months=2, consultations=100, seed=5)
    again = fill_demo(core, points=2, months=2, consultations=100, seed=5)
    assert first.consultations == 100
    assert (again.consultations, again.skipped, again.points_created) == (0, 100, 0)
    other = fill_demo(core, points=3, months=2, consultations=90, seed=6)
    assert (other.consultations, other.points_created) == (90, 1)
    assert len(all_records(core)) == 190
    assert [p.code for p in core.points.all()] == ["JF-LT", "LW-WTS", "ZN-NA"]
    assert len(core.people.all(role=Role.VOLUNTEER)) == 6


def test_existing_point_is_reused_with_its_judge(core, point):
    summary = fill_demo(core, points=1, months=1, consultations=40, seed=1)
    assert summary.points_created == 0
    records = all_records(core)
    assert {r.point_id for r in records} == {point.id}
    assert "马建国" in {r.receiver_name for r in records}


def test_progress_and_arguments(core):
    calls = []
    fill_demo(core, points=1, months=1, consultations=30, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (30, 30)
    for bad in ({"points": 0}, {"points": 13}, {"months": 0}, {"consultations": -1}):
        with pytest.raises(UserError):
            fill_demo(core, **bad)


def test_demo_month_exports_cleanly(core, tmp_path):
    """The demo feeds the batch export: every point, one month, a valid workbook each."""
    from liaison_app.core.exports import ExportService

    fill_demo(core, consultations=240, seed=9)
    paths = ExportService(core).export_month("2026-10", tmp_path)
    assert [p.name for p in paths] == ["JF-LT_2026-10_v1.xlsx", "LW-WTS_2026-10_v1.xlsx", "ZN-NA_2026-10_v1.xlsx"]


def test_never_in_the_future_even_before_opening_time_on_the_first(fresh_core):
    early = datetime(2026, 12, 1, 7, 5, tzinfo=clock.CHINA_TZ)
    core = fresh_core("early", now=early)
    summary = fill_demo(core, points=1, months=1, consultations=20)
    records = all_records(core)
    assert summary.consultations == 20
    assert all(r.received_at <= early and clock.period_of(r.received_at) == "2026-12" for r in records)
