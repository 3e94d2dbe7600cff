"""Finding the header under title rows and merged cells; proposing the column mapping."""

import pytest

from liaison_app.exchange.ledger.fields import LedgerKind
from liaison_app.exchange.ledger.headers import (
    find_header,
    guess_kind,
    mapping_problems,
    normalise_header,
    propose_mapping,
    shape_key,
    year_hint,
)
from liaison_app.exchange.ledger.reader import SheetGrid, read_ledger

from tests.helpers.ledgers import CASES, needs_cases, write_xlsx

C = LedgerKind.CONSULTATIONS


def mapping_by_text(guess, kind=C) -> dict[str, str | None]:
    mapping = propose_mapping(guess.columns, kind)
    return {c.text: mapping[c.index] for c in guess.columns if c.text}


@pytest.mark.parametrize("header, field", [
    ("来访人", "visitor_name"), ("当事人", "visitor_name"), ("姓名", "visitor_name"),
    ("联系电话", "phone"), ("电话", "phone"), ("手机号", "phone"), ("联系电话（手机）", "phone"),
    ("日期", "received_date"), ("接待日期", "received_date"), ("时间", "received_date"),
    ("证件号码", "id_number"), ("身份证号码", "id_number"), ("所属村组", "village"), ("村(社区)", "village"),
    ("咨询事项", "category"), ("纠纷类型", "category"), ("答复内容", "advice"), ("结果", "outcome"),
    ("接待人", "receiver_name"), ("＊姓 名", "visitor_name"), ("备注", "notes"),
])
def test_header_synonyms(header, field):
    fillers = {"received_date": ["来访人姓名", "电话号码"], "visitor_name": ["登记日期", "电话号码"]}
    grid = SheetGrid("S", [[header, *fillers.get(field, ["登记日期", "来访人姓名"])]])
    guess = find_header(grid, C)
    assert guess is not None and mapping_by_text(guess)[header] == field


def test_normalise_header():
    assert normalise_header("联系电话（手机）") == "联系电话(手机)"
    assert normalise_header(" 姓\u3000名 *") == "姓名"


def test_both_type_and_matter_columns():
    """纠纷类型 takes the category; 咨询事项 then means the question; 日期 + 时间 split."""
    grid = SheetGrid("S", [["日期", "时间", "姓名", "纠纷类型", "咨询事项"]])
    assert mapping_by_text(find_header(grid, C)) == {
        "日期": "received_date", "时间": "received_time", "姓名": "visitor_name",
        "纠纷类型": "category", "咨询事项": "question"}


def test_title_rows_and_merged_two_level_header(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"3月": [
        ["2024年宁安镇法官联系点法律咨询登记台账"],
        ["填报单位：宁安镇人民法庭"],
        ["序号", "接待日期", "来访人信息", None, None, "纠纷类型", "处理结果"],
        [None, None, "姓名", "手机号", "身份证号码", None, None],
        [1, "3月5日", "王秀英", "13995110001", "", "离婚", "当场解答"],
    ]}, merges={"3月": ["A1:G1", "A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4"]})
    grid = read_ledger(path).sheets[0]
    guess = find_header(grid, C)
    assert guess.data_start == 4  # Excel row 5
    assert mapping_by_text(guess) == {
        "序号": "seq", "接待日期": "received_date", "姓名": "visitor_name", "手机号": "phone",
        "身份证号码": "id_number", "纠纷类型": "category", "处理结果": "outcome"}
    hint = year_hint(grid, guess, "t.xlsx")
    assert hint.year == 2024 and "表头" in hint.source


def test_two_level_header_without_merges():
    grid = SheetGrid("S", [
        ["序号", "日期", "来访人信息", "", "", "咨询事项"],
        ["", "", "姓名", "电话", "身份证号", ""],
        ["1", "2024-3-5", "张三", "138", "", "离婚"],
    ])
    guess = find_header(grid, C)
    assert (guess.first_row, guess.last_row) == (0, 1)
    assert mapping_by_text(guess) == {"序号": "seq", "日期": "received_date", "来访人信息/姓名": "visitor_name",
                                      "电话": "phone", "身份证号": "id_number", "咨询事项": "category"}


def test_a_data_row_is_never_taken_for_part_of_the_header():
    grid = SheetGrid("S", [["日期", "姓名", "电话", "备注"], ["2024-3-5", "张三", "", "电话咨询"]])
    guess = find_header(grid, C)
    assert guess.data_start == 1


def test_sheet_without_header():
    assert find_header(SheetGrid("说明", [["本台账由宁安镇填报"], ["联系人：马建国"]]), C) is None
    assert find_header(SheetGrid("空", []), C) is None


def test_kind_is_guessed_from_headers():
    sessions = SheetGrid("S", [["日期", "地点", "宣讲形式", "主题", "受众人数", "主讲人"]])
    volunteers = SheetGrid("V", [["序号", "姓名", "原工作单位", "原职务", "联系电话", "可服务时间"]])
    consults = SheetGrid("C", [["日期", "当事人", "电话", "咨询事项", "答复内容"]])
    assert guess_kind([sessions]) is LedgerKind.SESSIONS
    assert guess_kind([volunteers]) is LedgerKind.VOLUNTEERS
    assert guess_kind([consults]) is LedgerKind.CONSULTATIONS


def test_mapping_problems_and_shape_key():
    grid = SheetGrid("S", [["日期", "姓名", "电话"]])
    guess = find_header(grid, C)
    assert mapping_problems(C, {0: "received_date", 1: "visitor_name", 2: "phone"}) == []
    problems = mapping_problems(C, {0: "received_date", 1: "phone", 2: "phone"})
    assert any("同时对应" in p for p in problems) and any("来访人姓名" in p for p in problems)
    other = find_header(SheetGrid("S", [["日期", "姓名", "手机号"]]), C)
    assert shape_key(C, guess.columns) == shape_key(C, find_header(SheetGrid("T", [["日期", "姓名", "电话"]]), C).columns)
    assert shape_key(C, guess.columns) != shape_key(C, other.columns)


@needs_cases
def test_c02_headers_that_vary():
    grid = read_ledger(CASES / "C02_wps_all_text_bad_dimension.xlsx").sheets[0]
    assert mapping_by_text(find_header(grid, C)) == {
        "序号": "seq", "日期": "received_date", "当事人": "visitor_name", "证件号码": "id_number",
        "手机号": "phone", "所属村组": "village", "咨询事项": "category", "答复内容": "advice",
        "结果": "outcome", "备注": "notes"}
