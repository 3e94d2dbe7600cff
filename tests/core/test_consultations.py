"""Consultation use cases over a real temp database: save, edit, delete/undo, list, search, matches."""

from datetime import date, datetime, timedelta

import pytest

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import FollowUpState, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.records import Consultation, ConsultationFilter
from liaison_app.errors import ValidationError

from tests.conftest import FIXED_NOW


def consult(point, **changes) -> Consultation:
    base = Consultation(
        point_id=point.id,
        received_at=FIXED_NOW - timedelta(days=1),
        visitor_name="王秀英",
        category_code="PRO-HST",
        question="邻居在我家宅基地边上盖房，挡了出路怎么办？",
        advice="先请村委会和人民调解委员会调解，调解不成可起诉排除妨害。",
        outcome=Outcome.ANSWERED,
        receiver_name="马建国",
        village="宁安村",
        phone="13995110001",
    )
    return base.with_changes(**changes)


def test_save_round_trips_every_field(core, point):
    record = consult(
        point,
        mode=Mode.PHONE,
        id_status=IdStatus.GIVEN,
        id_number="31010119900307997x",
        special_groups=frozenset({SpecialGroup.WOMEN, SpecialGroup.MIGRANT_WORKERS}),
        outcome=Outcome.LEGAL_AID,
        referral_target="中宁县法律援助中心",
        followup_due=date(2026, 12, 5),
        paper_form_no="na-001",
    )
    saved, changes = core.consultations.save(record)
    assert changes.touches("consultation") and saved.id in changes.ids
    loaded = core.consultations.get(saved.id)
    assert loaded == saved
    assert loaded.id_number == "31010119900307997X"
    assert loaded.paper_form_no == "NA-001"
    assert loaded.category_dict_version == "ccr2020-lp-v1"
    assert loaded.special_groups == {SpecialGroup.WOMEN, SpecialGroup.MIGRANT_WORKERS}
    assert loaded.created_at == loaded.updated_at == FIXED_NOW
    assert loaded.received_at.utcoffset() == timedelta(hours=8)


def test_invalid_record_is_not_stored(core, point):
    with pytest.raises(ValidationError) as info:
        core.consultations.save(consult(point, phone="12345", question=""))
    assert set(info.value.by_field()) == {"phone", "question"}
    assert core.consultations.count(ConsultationFilter()) == 0


def test_edit_keeps_created_at_and_updates_updated_at(core, point):
    saved, _ = core.consultations.save(consult(point))
    later = FIXED_NOW + timedelta(hours=2)
    core.consultations.now = lambda: later
    edited, _ = core.consultations.save(saved.with_changes(advice="已告知可申请法律援助。"))
    loaded = core.consultations.get(saved.id)
    assert loaded.advice == "已告知可申请法律援助。"
    assert loaded.created_at == FIXED_NOW and loaded.updated_at == later
    assert core.consultations.count(ConsultationFilter()) == 1


def test_delete_and_undo(core, point):
    saved, _ = core.consultations.save(consult(point))
    core.consultations.delete(saved.id)
    assert core.consultations.count(ConsultationFilter()) == 0
    assert core.consultations.get(saved.id).deleted is True
    assert core.consultations.count(ConsultationFilter(include_deleted=True)) == 1
    core.consultations.restore(saved.id)
    assert core.consultations.count(ConsultationFilter()) == 1
    assert core.consultations.get(saved.id).deleted is False


def test_paper_form_number_is_entered_only_once_per_point(core, point):
    core.consultations.save(consult(point, paper_form_no="NA-2026-017"))
    with pytest.raises(ValidationError) as info:
        core.consultations.save(consult(point, paper_form_no="na-2026-017"))
    assert "已录入过" in info.value.by_field()["paper_form_no"]
    assert core.consultations.count(ConsultationFilter()) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("宅", 1),              # 1 character: base-table scan
        ("出路", 1),            # 2 characters
        ("宅基地", 1),          # 3 characters: trigram index
        ("人民调解委员会", 1),   # in the advice
        ("王秀英", 1),          # name
        ("5110001", 1),         # phone digits
        ("１１０００１", 1),     # full-width digits typed
        ("宁安村", 2),          # village of both
        ("离婚", 1),
        ("不存在的词", 0),
        ('"引号', 0),            # quotes cannot break the query
    ],
)
def test_search_finds_chinese_substrings_names_and_digits(core, point, query, expected):
    core.consultations.save(consult(point))
    core.consultations.save(consult(point, visitor_name="李建军", phone="13700000002", category_code="MAR-DIV",
                                    question="想离婚，孩子归谁？", advice="可协议离婚，协商不成起诉。"))
    assert core.consultations.count(ConsultationFilter(text=query)) == expected


def test_long_queries_use_the_trigram_index(core):
    where, params = core.consultations.repo._where(ConsultationFilter(text="宅基地"), FIXED_NOW.date())
    plan = core.db.execute(
        f"EXPLAIN QUERY PLAN SELECT c.id FROM consultation c JOIN category cat ON cat.code = c.category_code{where}",
        params,
    ).fetchall()
    assert any("consultation_fts" in str(row[-1]) and "VIRTUAL TABLE" in str(row[-1]) for row in plan), plan


def test_filters_by_followup_state_category_outcome_period(core, point):
    today = FIXED_NOW.date()
    core.consultations.save(consult(point, outcome=Outcome.MEDIATION, followup_due=today - timedelta(days=1),
                                    received_at=FIXED_NOW - timedelta(days=10)))  # overdue
    core.consultations.save(consult(point, outcome=Outcome.MEDIATION, followup_due=today + timedelta(days=3)))
    core.consultations.save(consult(point, outcome=Outcome.LITIGATION, followup_due=today,
                                    followup_done=today, followup_note="已立案"))
    core.consultations.save(consult(point, category_code="MAR-DIV",
                                    received_at=datetime(2026, 10, 30, 9, 0, tzinfo=CHINA_TZ)))
    count = core.consultations.count
    assert count(ConsultationFilter(followup=FollowUpState.OVERDUE)) == 1
    assert count(ConsultationFilter(followup=FollowUpState.PENDING)) == 1
    assert count(ConsultationFilter(followup=FollowUpState.DONE)) == 1
    assert count(ConsultationFilter(followup=FollowUpState.NONE)) == 1
    assert count(ConsultationFilter(category_code="PRO")) == 3       # level 1 includes its children
    assert count(ConsultationFilter(category_code="MAR-DIV")) == 1
    assert count(ConsultationFilter(outcome=Outcome.MEDIATION)) == 2
    assert count(ConsultationFilter(period="2026-10")) == 1
    assert count(ConsultationFilter(period="2026-11", point_id=point.id)) == 3

    figures = core.consultations.month_figures()
    assert (figures.period, figures.consultations) == ("2026-11", 3)
    assert (figures.followups_required, figures.followups_done) == (3, 1)
    assert (figures.overdue_total, figures.pending_total) == (1, 1)


def test_sorting_and_paging(core, point):
    names = ["赵一", "钱二", "孙三", "李四", "周五"]
    for offset, name in enumerate(names):
        core.consultations.save(consult(point, visitor_name=name,
                                        received_at=FIXED_NOW - timedelta(hours=offset + 1)))
    newest_first = [r.visitor_name for r in core.consultations.page(ConsultationFilter())]
    assert newest_first == names
    oldest_two = core.consultations.page(ConsultationFilter(), descending=False, limit=2)
    assert [r.visitor_name for r in oldest_two] == ["周五", "李四"]
    next_two = core.consultations.page(ConsultationFilter(), descending=False, offset=2, limit=2)
    assert [r.visitor_name for r in next_two] == ["孙三", "钱二"]
    with pytest.raises(ValueError):
        core.consultations.page(ConsultationFilter(), sort="visitor_name; DROP TABLE consultation")


def test_repeat_visitors_are_offered(core, point):
    first, _ = core.consultations.save(consult(point, received_at=FIXED_NOW - timedelta(days=30)))
    core.consultations.save(consult(point, visitor_name="张伟", phone="13700000009", village="石空村"))
    by_phone = core.consultations.similar_visitors(phone="139 9511 0001")
    assert [(m.consultation_id, m.reason) for m in by_phone] == [(first.id, "同一电话")]
    by_name = core.consultations.similar_visitors(name="王秀瑛", village="宁安村")
    assert [m.consultation_id for m in by_name] == [first.id]
    assert core.consultations.similar_visitors(name="王秀瑛", village="石空村") == []
    assert core.consultations.similar_visitors(name="王", village="宁安村") == []
    assert core.consultations.similar_visitors(phone="13995110001", exclude_id=first.id) == []
