"""Each consultation validation rule with a right and a wrong value."""

from datetime import date, datetime, timedelta

import pytest

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Outcome
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.domain.validation import (
    MAX_TEXT_CHARS,
    normalise_consultation,
    validate_consultation,
    validate_point,
)

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=CHINA_TZ)
CODES = {"MAR-DIV", "PRO-HST", "ADM"}


def make(**changes) -> Consultation:
    base = Consultation(
        point_id="p1",
        received_at=NOW - timedelta(hours=1),
        visitor_name="王秀英",
        category_code="MAR-DIV",
        question="离婚后孩子的抚养费怎么要？",
        advice="可先申请村调委会调解，不成再起诉。",
        outcome=Outcome.ANSWERED,
        receiver_name="马建国",
    )
    return normalise_consultation(base.with_changes(**changes))


def errors_of(record: Consultation) -> dict[str, str]:
    return {e.field: e.message for e in validate_consultation(record, now=NOW, category_codes=CODES)}


def test_a_complete_record_has_no_errors():
    assert errors_of(make()) == {}


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"received_at": NOW + timedelta(hours=2)}, "received_at", "晚于现在"),
        ({"received_at": datetime(1999, 5, 1, tzinfo=CHINA_TZ)}, "received_at", "2000"),
        ({"visitor_name": "  "}, "visitor_name", "姓名"),
        ({"receiver_name": ""}, "receiver_name", "接待人"),
        ({"phone": "1380000111"}, "phone", "11位"),
        ({"id_status": IdStatus.GIVEN, "id_number": "310101196504099910"}, "id_number", "校验位"),
        ({"id_status": IdStatus.GIVEN, "id_number": ""}, "id_number", "拒绝提供"),
        ({"category_code": "TAG-VET"}, "category_code", "纠纷类型"),
        ({"question": ""}, "question", "咨询事项"),
        ({"advice": "\n  "}, "advice", "答复意见"),
        ({"advice": "字" * (MAX_TEXT_CHARS + 1)}, "advice", "过长"),
        ({"outcome": Outcome.LEGAL_AID, "followup_due": date(2026, 12, 6)}, "referral_target", "转往何处"),
        ({"outcome": Outcome.MEDIATION}, "followup_due", "回访期限"),
        ({"followup_due": date(2026, 11, 1)}, "followup_due", "早于接待日期"),
        ({"followup_due": date(2026, 12, 6), "followup_done": date(2026, 11, 30)}, "followup_done", "晚于今天"),
        ({"followup_due": date(2026, 12, 6), "followup_done": date(2026, 11, 29)}, "followup_note", "答复情况"),
        ({"id_status": IdStatus.GIVEN, "id_number": "310101196504099916", "age_band": AgeBand.YOUNG},
         "age_band", "60岁及以上"),
        ({"id_status": IdStatus.GIVEN, "id_number": "310101196504099916", "gender": Gender.FEMALE},
         "gender", "男"),
    ],
)
def test_rule_fails_with_message_on_its_field(changes, field, fragment):
    errors = errors_of(make(**changes))
    assert field in errors, errors
    assert fragment in errors[field]


@pytest.mark.parametrize(
    "changes",
    [
        {"phone": "0951-1234567"},
        {"phone": "１３８００００１１１１"},
        {"id_status": IdStatus.GIVEN, "id_number": "310101196504099916", "age_band": AgeBand.SENIOR,
         "gender": Gender.MALE},
        {"id_status": IdStatus.DECLINED, "id_number": "ignored"},
        {"outcome": Outcome.LEGAL_AID, "referral_target": "中宁县法律援助中心", "followup_due": date(2026, 12, 6)},
        {"outcome": Outcome.MEDIATION, "followup_due": date(2026, 12, 6), "followup_done": date(2026, 11, 29),
         "followup_note": "已电话回访，双方达成调解"},
        {"received_at": NOW + timedelta(minutes=5)},  # small clock skew tolerated
    ],
)
def test_right_values_pass(changes):
    assert errors_of(make(**changes)) == {}


def test_declined_id_is_kept_as_declined_and_number_dropped():
    record = make(id_status=IdStatus.DECLINED, id_number="310101196504099916")
    assert record.id_status is IdStatus.DECLINED
    assert record.id_number == ""


def test_normalisation_cleans_names_phone_and_text():
    record = make(visitor_name=" 王\u3000秀英\u200b ", phone="138-0000-1111", question="第一行\r\n第二行\x0b",
                  paper_form_no=" na-2026-001 ")
    assert record.visitor_name == "王秀英"
    assert record.phone == "13800001111"
    assert record.question == "第一行\n第二行"
    assert record.paper_form_no == "NA-2026-001"


def test_point_rules():
    ok = LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院")
    assert validate_point(ok) == []
    bad = {e.field for e in validate_point(LiaisonPoint(code="宁安", name="", court=""))}
    assert bad == {"code", "name", "court"}
