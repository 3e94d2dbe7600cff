"""ID numbers, phones, counts and the words of ledgers (categories, outcomes, modes…)."""

from datetime import date

import pytest

from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.education import SessionForm
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.exchange.ledger.reader import read_ledger
from liaison_app.exchange.ledger.values import IdValue, parse_count, parse_id_number, parse_name, parse_phone, parse_yes_no
from liaison_app.exchange.ledger.words import (
    GENERIC_CATEGORY,
    TO_CHECK,
    CategoryMatcher,
    parse_age,
    parse_availability,
    parse_gender,
    parse_groups,
    parse_mode,
    parse_outcome,
    parse_session_form,
)
from liaison_app.storage.migrations import read_category_seed
from liaison_app.domain.records import Category

from tests.helpers.ledgers import CASES, expected, needs_cases

VISIT = date(2024, 3, 1)


@pytest.fixture(scope="module")
def matcher() -> CategoryMatcher:
    rows = read_category_seed()
    return CategoryMatcher(Category(r["code"], r["level"], r["parent_code"], r["name_zh"], r["name_en"],
                                    r["source_part"], r["dict_version"]) for r in rows)


@pytest.mark.parametrize("value, number", [
    ("310101196504099916", "310101196504099916"),
    ("31010119900307997x", "31010119900307997X"),
    ("３１０１０１１９６５０４０９９９１６", "310101196504099916"),
    ("310101 19650409 9916", "310101196504099916"),
    ("'310101196504099916", "310101196504099916"),
    ("‘310101196504099916’", "310101196504099916"),
    ("310101196504099916\u00a0", "310101196504099916"),
    ("\u3000310101196504099916", "310101196504099916"),
])
def test_valid_id_numbers_are_normalised(value, number):
    result = parse_id_number(value, on=VISIT)
    assert result.value == IdValue(IdStatus.GIVEN, number) and not result.warnings


@pytest.mark.parametrize("value, words", [
    (3.10101196504099e17, "15位有效数字"),      # an 18-digit number cell: damaged, never stored
    (310101196504099000, "15位有效数字"),
    (1.101011990030723e17, "15位有效数字"),
    ("3.10101E+17", "科学计数法"),
    ("1.10101e+17", "科学计数法"),
    ("31010119650409991", "17位"),
    ("3101011965040999165", "19位"),
    ("310101196504099910", "校验位"),
    ("110101199003072000", "末三位是000"),      # text with Excel's zeroed tail
    ("340102199902319916", "出生日期不存在"),
    ("340102209912319924", "出生日期不合理"),
    ("310101196504099916/31010119900307997X", "两个身份证号"),
    ("310101196504099916，31010119900307997X", "两个身份证号"),
])
def test_damaged_or_invalid_id_numbers_are_flagged_and_not_stored(value, words):
    result = parse_id_number(value, on=VISIT)
    assert result.value == IdValue(IdStatus.NOT_ASKED)
    assert not result.errors  # the row stays importable, without the number
    assert len(result.warnings) == 1 and words in result.warnings[0]


def test_text_ending_in_000_with_a_valid_check_digit_is_kept_but_flagged():
    result = parse_id_number("310101196504099000", on=VISIT)
    assert result.value == IdValue(IdStatus.GIVEN, "310101196504099000") and "末三位是000" in result.warnings[0]


def test_old_15_digit_number_is_upgraded_with_a_warning():
    result = parse_id_number("340102520714993", on=VISIT)
    assert result.value == IdValue(IdStatus.GIVEN, "340102195207149937")
    assert "升级为18位" in result.warnings[0]


@pytest.mark.parametrize("value, status", [
    (None, IdStatus.NOT_ASKED), ("", IdStatus.NOT_ASKED), ("无", IdStatus.NOT_ASKED), ("/", IdStatus.NOT_ASKED),
    ("未提供", IdStatus.NOT_ASKED), ("拒绝提供", IdStatus.DECLINED), ("本人不愿提供", IdStatus.DECLINED),
])
def test_blanks_and_refusals(value, status):
    result = parse_id_number(value, on=VISIT)
    assert result.value == IdValue(status) and not result.warnings
    if value:
        assert any(value in n for n in result.notes)


@needs_cases
def test_c22_id_matrix_row_by_row():
    """shared/cases/C22: normalised and accepted, or flagged; damaged numbers never stored."""
    grid = read_ledger(CASES / "C22_id_number_matrix.xlsx").sheets[0]
    rows = {int(r[0]): r[3] for r in grid.rows[1:]}
    for case in expected("C22_id_number_matrix.xlsx")["rows"]:
        result = parse_id_number(rows[case["seq"]], on=VISIT)
        want = case["normalised"]
        if want == "old15":
            assert result.value.status is IdStatus.GIVEN and len(result.value.number) == 18 and result.warnings
        elif want:
            assert result.value == IdValue(IdStatus.GIVEN, want), case
        else:
            assert result.value.number == "" and result.value.status is not IdStatus.GIVEN, case
            if case["seq"] not in (17, 18, 19):  # blank / 无 / 拒绝提供 are not problems
                assert result.warnings, case


@pytest.mark.parametrize("value, phone", [
    ("13800000201", "13800000201"),
    (" 13800000206", "13800000206"),
    ("\u00a013800000212", "13800000212"),
    ("１３８０００００２０７", "13800000207"),
    ("138-0000-0207", "13800000207"),
    ("138 0000 0207", "13800000207"),
    ("+86 138 0000 0401", "13800000401"),
    ("0951-1234567", "09511234567"),
    (13800000201.0, "13800000201"),
])
def test_phones(value, phone):
    result = parse_phone(value)
    assert result.value == phone and not result.warnings


def test_phone_problems_are_warnings_and_not_stored():
    assert parse_phone(9511234567.0).warnings[0].count("开头的0")  # a landline that lost its 0
    assert parse_phone("1380000").value == "" and parse_phone("1380000").warnings
    several = parse_phone("13800000001/13900000002")
    assert several.value == "13800000001" and "2个电话" in several.warnings[0]


def test_names_lose_odd_spaces():
    assert parse_name("孙\u3000八").value == "孙八"
    assert parse_name("张\u200b三").value == "张三"
    assert parse_name("  李四 ").value == "李四"


def test_counts():
    assert parse_count("约120人", label="受众人数").value == 120
    assert parse_count("200余人", label="受众人数").value == 200
    assert parse_count("１２０", label="受众人数").value == 120
    assert parse_count(35.0, label="受众人数").value == 35
    assert parse_count(35.5, label="受众人数").errors
    assert parse_count("30-40人", label="受众人数").errors


@pytest.mark.parametrize("words, code", [
    ("离婚", "MAR-DIV"), ("离婚后财产分割", "MAR-PDP"), ("宅基地", "PRO-HST"), ("借钱不还", "CON-LOA"),
    ("欠薪", "LAB-WAG"), ("土地承包", "PRO-LCM"), ("相邻关系", "PRO-NBR"), ("民间借贷", "CON-LOA"),
    ("劳务报酬", "CON-LSV"), ("交通事故", "TOR-MVA"), ("婚姻家庭", "MAR"), ("赡养抚养", "MAR"),
    ("民间借贷纠纷", "CON-LOA"), ("其他", "PET"),
])
def test_category_words_match_the_dictionary(matcher, words, code):
    result = matcher.match(words)
    assert result.value == code and not result.warnings


def test_unknown_category_is_generic_and_flagged(matcher):
    result = matcher.match("邻居家狗叫扰民")
    assert result.value == GENERIC_CATEGORY and TO_CHECK in result.warnings[0] and "邻居家狗叫扰民" in result.warnings[0]
    mixed = matcher.match("离婚后欠薪")  # two different level-1 groups → not guessed
    assert mixed.value == GENERIC_CATEGORY and TO_CHECK in mixed.warnings[0]
    from_question = matcher.match(None, fallback_text="丈夫要离婚，孩子归谁")
    assert from_question.value == "MAR" and "咨询问题" in from_question.notes[0]


@pytest.mark.parametrize("words, outcome, target", [
    ("当场解答", Outcome.ANSWERED, ""), ("已解答", Outcome.ANSWERED, ""), ("引导调解", Outcome.MEDIATION, ""),
    ("已调解", Outcome.MEDIATION, ""), ("建议起诉", Outcome.LITIGATION, ""), ("转司法所", Outcome.DEPARTMENT, "司法所"),
    ("转县法律援助中心", Outcome.LEGAL_AID, "县法律援助中心"), ("转人民调解委员会", Outcome.MEDIATION, ""),
])
def test_outcomes(words, outcome, target):
    assert parse_outcome(words).value == (outcome, target, False)


def test_pending_outcome_and_unknown_outcome_are_flagged():
    assert parse_outcome("待回访").value == (Outcome.OTHER, "", True)
    assert parse_outcome("待回访").warnings
    unknown = parse_outcome("看情况")
    assert unknown.value == (Outcome.OTHER, "", False) and unknown.warnings


def test_other_words():
    assert parse_mode("来电咨询").value is Mode.PHONE
    assert parse_mode("微信").value is Mode.ONLINE
    assert parse_gender("女").value is Gender.FEMALE and parse_gender("？").warnings
    assert parse_age(67).value is AgeBand.SENIOR and parse_age("45岁").value is AgeBand.MIDDLE
    assert parse_groups("老年人、农民工").value == {SpecialGroup.ELDERLY, SpecialGroup.MIGRANT_WORKERS}
    assert parse_session_form("赶集宣传").value is SessionForm.OUTREACH
    assert parse_session_form("抖音直播").value is SessionForm.ONLINE
    assert parse_yes_no("是").value is True and parse_yes_no("未回访").value is False
    slots = parse_availability("周一上午、周三全天").value
    assert slots == {WeeklySlot(0, HalfDay.AM), WeeklySlot(2, HalfDay.AM), WeeklySlot(2, HalfDay.PM)}
    assert parse_availability("随叫随到").warnings


def test_an_id_number_is_stored_only_when_valid():
    from hypothesis import given, settings, strategies as st

    from liaison_app.domain.identity import check_id_number

    digits = st.text(alphabet="0123456789xX ０１２３４５６７８９'", min_size=0, max_size=22)
    cells = st.one_of(digits, st.integers(0, 10**19), st.floats(1e14, 1e18))

    @settings(max_examples=300, deadline=None)
    @given(cells)
    def check(value):
        result = parse_id_number(value, on=VISIT)
        if result.value.status is IdStatus.GIVEN:
            assert check_id_number(result.value.number, on=VISIT) is None
            # A number cell of 16+ digits is never trusted (Excel keeps 15 significant digits); a
            # 15-digit number cell is exact and may be a first-generation ID, upgraded to 18.
            assert not (isinstance(value, float) and len(str(int(value))) >= 16)
        else:
            assert result.value.number == ""

    check()
