"""Importing real-looking ledgers end to end: stored values cell by cell, duplicates, dry runs,
reports, remembered mappings, point choice, cancellation, sessions and volunteers, the CLI."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time

import pytest

from liaison_app.core.ledger_import import LedgerImportService, import_ledger
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.education import SessionFilter, SessionForm
from liaison_app.domain.enums import Gender, IdStatus, Outcome
from liaison_app.domain.people import Role
from liaison_app.domain.records import ConsultationFilter, LiaisonPoint
from liaison_app.errors import UserError
from liaison_app.exchange.ledger.preview import RowStatus
from liaison_app.exchange.ledger.reader import LedgerReadError

from tests.helpers.ledgers import CASES, expected, needs_cases, write_csv, write_xls, write_xlsx

TITLE = "2024年宁安镇法官联系点法律咨询登记台账"
HEAD_TOP = ["序号", "接待日期", "来访人信息", None, None, None, "纠纷类型", "咨询问题", "答复意见", "处理结果", "接待人"]
HEAD_LOW = [None, None, "姓名", "联系电话", "身份证号", "村组", None, None, None, None, None]
MERGES_JAN = ["A1:K1", "A3:A4", "B3:B4", "C3:F3", "G3:G4", "H3:H4", "I3:I4", "J3:J4", "K3:K4"]
FEB_HEAD = ["序号", "日期", "当事人", "电话", "证件号码", "住址", "咨询事项", "答复内容", "结果"]


def monthly_ledger(path):
    """One sheet per month as a village keeps it: title rows, a merged two-level header, dates in
    every form, an ID made a float, full-width digits, blank rows, footer rows, a merged date."""
    jan = [
        [TITLE], ["填报人：马建国"], HEAD_TOP, HEAD_LOW,
        [1, datetime(2024, 1, 5), "王秀英", "139 9511 0001", "31010119900307997x", "宁安村", "离婚",
         "丈夫长期在外打工不回家，想离婚", "告知可先申请调解，调解不成可起诉离婚", "引导调解", "马建国"],
        [2, "2024.1.8", "李 建 国", "１３９９５１１０００２", 1.10101199003072e17, "", "借钱不还",
         "借给邻居两万元，对方不还", "建议收集转账记录后起诉", "建议起诉", None],
        [],
        [3, "1月9日", "张桂兰", "0951-5012345", "拒绝提供", "宁安村", "赡养", "三个儿子都不赡养老人",
         "告知子女有赡养义务", "当场解答", "马建国"],
        [None, "合计：3人次"],
        ["制表人：马建国"],
    ]
    feb = [
        ["2024年2月法律咨询台账"], FEB_HEAD,
        [1, 45337, "赵德明", "+86 137 0000 0003", "", "新华村", "欠薪", "工地老板拖欠三个月工资", "转司法所"],
        [2, "２０２４年２月２０日", "周小红", "13700000004", "110101198503120025", "新华村", "邻居家狗叫扰民",
         "告知可请村委会调解", "已解答"],
        [3, datetime(2024, 2, 26), "孙大力", "13700000005", "640381197001011234", "李家村", "宅基地", "", "引导调解"],
        [4, None, "钱多多", "13700000006", "", "李家村", "土地承包", "告知承包合同效力", "已解答"],
        [],
        [],
    ]
    mar = [
        FEB_HEAD,
        [1, "2024-02-30", "吴有才", "13700000007", "", "王庄村", "离婚", "告知程序", "已解答"],
        [2, 3.05, "郑秀芝", "13700000008", "", "王庄村", "离婚", "告知程序", "已解答"],
        [3, "2024/3/12", "冯德胜", "13700000009", "640381195606152040", "王庄村", "交通事故", "告知可起诉", "建议起诉"],
    ]
    return write_xlsx(path, {"1月": jan, "2月": feb, "3月": mar, "说明": [["本台账按月填报"]], "模板": [FEB_HEAD]},
                      merges={"1月": MERGES_JAN, "2月": ["A1:I1", "B5:B6"]}, hidden=("模板",))


def by_name(core) -> dict:
    records = core.consultations.page(ConsultationFilter(), sort="received_at", descending=False, limit=1000)
    return {r.visitor_name: r for r in records}


def dump(core) -> dict:
    """Every row of every real table (``iterdump`` cannot read virtual search tables)."""
    tables = core.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    return {name: core.db.execute(f'SELECT * FROM "{name}"').fetchall()
            for name, sql in tables if not (sql or "").upper().startswith("CREATE VIRTUAL")}


def at(day: date, clock: time = time(0, 0)) -> datetime:
    return datetime.combine(day, clock, CHINA_TZ)


@pytest.fixture
def service(core):
    return LedgerImportService(core)


def test_monthly_ledger_cell_by_cell(core, point, service, tmp_path):
    draft = service.open(monthly_ledger(tmp_path / "2024年台账.xlsx"))
    plans = {p.name: p for p in draft.sheets}
    assert plans["模板"].skipped.startswith("隐藏") and "找不到" in plans["说明"].skipped
    assert plans["1月"].header.data_start == 4 and plans["2月"].header.data_start == 2
    preview = service.preview(draft)
    assert preview.blank_rows == 1
    skipped = [r for r in preview.rows if r.status is RowStatus.SKIPPED]
    assert [r.row_number for r in skipped] == [9, 10]  # 合计 and 制表人 rows of 1月
    result = service.run_import(preview, write_report_file=False)
    assert (result.imported, result.rejected, result.skipped, result.duplicates) == (8, 2, 2, 0)
    rows = by_name(core)
    assert set(rows) == {"王秀英", "李建国", "张桂兰", "赵德明", "周小红", "孙大力", "钱多多", "冯德胜"}

    wang = rows["王秀英"]
    assert wang.received_at == at(date(2024, 1, 5))
    assert (wang.phone, wang.id_status, wang.id_number) == ("13995110001", IdStatus.GIVEN, "31010119900307997X")
    assert wang.gender is Gender.MALE  # 17th digit, not a guess from the name
    assert (wang.village, wang.category_code, wang.outcome) == ("宁安村", "MAR-DIV", Outcome.MEDIATION)
    assert wang.question == "丈夫长期在外打工不回家，想离婚\n（台账记载纠纷类型：离婚）"
    assert wang.advice == "告知可先申请调解，调解不成可起诉离婚"
    assert (wang.receiver_name, wang.followup_due, wang.followup_done) == ("马建国", date(2024, 1, 12), None)

    li = rows["李建国"]  # spaces between Han characters removed; float ID never stored
    assert li.received_at == at(date(2024, 1, 8))
    assert (li.phone, li.id_status, li.id_number) == ("13995110002", IdStatus.NOT_ASKED, "")
    assert (li.category_code, li.outcome, li.receiver_name) == ("CON-LOA", Outcome.LITIGATION, "马建国")

    zhang = rows["张桂兰"]  # 1月9日 takes 2024 from the title
    assert zhang.received_at == at(date(2024, 1, 9))
    assert (zhang.phone, zhang.id_status, zhang.id_number) == ("09515012345", IdStatus.DECLINED, "")
    assert (zhang.category_code, zhang.outcome, zhang.followup_due) == ("MAR-ELD", Outcome.ANSWERED, None)

    zhao = rows["赵德明"]  # Excel serial 45337 in General format; +86 dropped
    assert zhao.received_at == at(date(2024, 2, 15)) and zhao.phone == "13700000003"
    assert (zhao.category_code, zhao.outcome, zhao.referral_target) == ("LAB-WAG", Outcome.DEPARTMENT, "司法所")
    assert zhao.advice == "工地老板拖欠三个月工资" and zhao.question == "欠薪（台账未记载具体问题）"

    zhou = rows["周小红"]  # full-width date; unknown words → generic category, words kept
    assert zhou.received_at == at(date(2024, 2, 20))
    assert (zhou.category_code, zhou.id_number) == ("PET", "110101198503120025")
    assert "邻居家狗叫扰民" in zhou.question

    assert rows["孙大力"].received_at == rows["钱多多"].received_at == at(date(2024, 2, 26))  # merged date cell
    assert rows["孙大力"].advice == "（台账未记载）"
    feng = rows["冯德胜"]  # wrong check digit: imported without the number
    assert (feng.received_at, feng.id_status, feng.id_number) == (at(date(2024, 3, 12)), IdStatus.NOT_ASKED, "")

    rejected = {where: problems for where, problems in result.rejected_rows}
    assert any("2024年2月没有30日" in p for p in rejected["工作表“3月”第2行（序号1）"])
    assert any("3.05" in p for p in rejected["工作表“3月”第3行（序号2）"])


def test_reimport_adds_nothing_and_dry_run_writes_nothing(core, point, service, tmp_path):
    ledger = monthly_ledger(tmp_path / "台账.xlsx")
    before = dump(core)
    dry = import_ledger(core, ledger, dry_run=True)
    assert dry.dry_run and dry.imported == 8 and dry.report_path is None
    assert dump(core) == before  # nothing written, not even the remembered mapping
    assert not list(tmp_path.glob("*导入报告*"))

    first = import_ledger(core, ledger)
    assert first.imported == 8 and core.consultations.count(ConsultationFilter()) == 8
    after_first = dump(core)
    again = import_ledger(core, ledger)
    assert (again.imported, again.duplicates, again.rejected) == (0, 8, 2)
    assert core.consultations.count(ConsultationFilter()) == 8
    assert dump(core)["ledger_row"] == after_first["ledger_row"]

    # the same rows in another format are recognised too
    csv_copy = write_csv(tmp_path / "copy.csv", [FEB_HEAD, [2, "２０２４年２月２０日", "周小红", "13700000004",
                                                          "110101198503120025", "新华村", "邻居家狗叫扰民",
                                                          "告知可请村委会调解", "已解答"]])
    assert import_ledger(core, csv_copy).duplicates == 1


def test_identical_rows_in_one_file_are_both_kept_once(core, point, tmp_path):
    row = [1, "2024-03-05", "王秀英", "13995110001", "", "宁安村", "离婚", "告知程序", "已解答"]
    ledger = write_xlsx(tmp_path / "dup.xlsx", {"S": [FEB_HEAD, row, row]})
    first = import_ledger(core, ledger, report_path=tmp_path / "r.xlsx")
    assert first.imported == 2 and first.with_warnings == 2
    assert import_ledger(core, ledger).duplicates == 2


def test_report_workbook_lists_rows_not_imported_and_why(core, point, tmp_path):
    from openpyxl import load_workbook

    report = tmp_path / "out" / "报告.xlsx"
    result = import_ledger(core, monthly_ledger(tmp_path / "台账.xlsx"), report_path=report)
    assert result.report_path == report
    book = load_workbook(report, read_only=True)
    assert book.sheetnames == ["未导入", "已导入需核对", "说明"]
    rejected = [tuple(r) for r in book["未导入"].iter_rows(values_only=True)]
    header = rejected[0]
    assert header[:5] == ("工作表", "行号", "序号", "处理", "问题说明")
    bad = {(r[0], r[1]): dict(zip(header, r)) for r in rejected[1:]}
    assert "2024年2月没有30日" in bad[("3月", "2")]["问题说明"]
    assert bad[("3月", "2")]["接待日期"] == "2024-02-30"  # raw text kept
    assert bad[("3月", "3")]["接待日期"] == "3.05"
    skipped = [r[1] for r in book["说明"].iter_rows(values_only=True) if r[0] == "跳过的行"]
    assert any("第9行" in s and "合计" in s for s in skipped) and len(skipped) == 2
    flagged = {(r[0], r[1]): r for r in book["已导入需核对"].iter_rows(min_row=2, values_only=True)}
    li = flagged[("1月", "6")]
    assert "已损坏" in li[4] and li[header.index("身份证号")] == "1.10101199003072E+17"
    assert all(isinstance(c, str) or c is None for r in rejected for c in r)  # text, never formulas


def test_fixed_rows_of_the_report_import_and_the_rest_is_recognised(core, point, tmp_path):
    from openpyxl import load_workbook

    report = import_ledger(core, monthly_ledger(tmp_path / "台账.xlsx"), report_path=tmp_path / "r.xlsx").report_path
    book = load_workbook(report)
    sheet = book["未导入"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("接待日期")].value == "2024-02-30":
            row[header.index("接待日期")].value = "2024-02-29"  # the user fixes the date
    book.save(report)
    service = LedgerImportService(core)
    draft = service.open(report)
    assert [p.name for p in draft.sheets if p.importable] == ["未导入"]  # not the imported rows
    again = service.run_import(service.preview(draft), write_report_file=False)
    assert again.imported == 1 and by_name(core)["吴有才"].received_at == at(date(2024, 2, 29))
    assert (again.rejected, again.skipped, again.duplicates) == (1, 0, 0)  # 3.05 still ambiguous
    assert core.consultations.count(ConsultationFilter()) == 9


def test_formula_payloads_stay_text_in_the_report(core, point, tmp_path):
    from openpyxl import load_workbook

    ledger = write_xlsx(tmp_path / "f.xlsx", {"S": [FEB_HEAD, [1, "2024-13-01", "=HYPERLINK(\"x\")", "", "", "", "", "+1+2", ""]]})
    report = import_ledger(core, ledger, report_path=tmp_path / "r.xlsx").report_path
    cells = [c for row in load_workbook(report)["未导入"].iter_rows(min_row=2) for c in row]
    assert {c.data_type for c in cells if c.value} == {"s"}


def test_remembered_mapping_for_the_next_file_of_the_same_shape(core, point, service, tmp_path):
    rows = [["日期", "姓名", "电话", "备用电话"], ["2024-03-05", "王秀英", "13995110001", "13995110009"]]
    draft = service.open(write_xlsx(tmp_path / "a.xlsx", {"S": rows}))
    plan = draft.sheets[0]
    assert plan.mapping_source == "proposed" and plan.mapping[2] == "phone"
    draft = service.set_mapping(draft, "S", {**plan.mapping, 2: None, 3: "phone"})  # the user's choice
    service.run_import(service.preview(draft), write_report_file=False)
    assert by_name(core)["王秀英"].phone == "13995110009"

    again = service.open(write_xlsx(tmp_path / "b.xlsx", {"四月": rows[:1] + [["2024-04-01", "李四", "13995110002", "13995110008"]]}))
    assert again.sheets[0].mapping_source == "remembered"
    assert again.sheets[0].mapping == {0: "received_date", 1: "visitor_name", 2: None, 3: "phone"}


def test_mapping_problems_stop_the_preview(core, point, service, tmp_path):
    draft = service.open(write_xlsx(tmp_path / "a.xlsx", {"S": [["日期", "姓名"], ["2024-03-05", "王秀英"]]}))
    draft = service.set_mapping(draft, "S", {0: "received_date", 1: None})
    assert any("来访人姓名" in p for p in draft.problems)
    with pytest.raises(UserError, match="来访人姓名"):
        service.preview(draft)


def test_point_choice(core, service, tmp_path):
    ledger = write_xlsx(tmp_path / "a.xlsx", {"S": [["日期", "姓名"], ["2024-03-05", "王秀英"]]})
    with pytest.raises(UserError, match="还没有联系点"):
        import_ledger(core, ledger)
    for code in ("ZN-NA", "LW-WTS"):
        core.points.add(LiaisonPoint(code=code, name=code, court="中宁县人民法院", judge_name="马建国"))
    with pytest.raises(UserError, match="ZN-NA、LW-WTS|LW-WTS、ZN-NA"):
        import_ledger(core, ledger)
    result = import_ledger(core, ledger, point_code="lw-wts")
    assert result.point_code == "LW-WTS" and result.imported == 1


def test_cancel_rolls_back_everything(core, point, service, tmp_path):
    preview = service.preview(service.open(monthly_ledger(tmp_path / "台账.xlsx")))
    before = dump(core)
    calls = []
    result = service.run_import(preview, progress=lambda done, total: calls.append((done, total)),
                                cancelled=lambda: len(calls) >= 3, write_report_file=False)
    assert result.cancelled and result.imported == 0
    assert dump(core) == before and calls[-1] == (3, 8)


def test_progress_reaches_the_total(core, point, service, tmp_path):
    calls = []
    draft = service.open(monthly_ledger(tmp_path / "台账.xlsx"))
    service.preview(draft, progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1] and all(d <= t for d, t in calls)


@needs_cases
def test_c02_wps_text_ledger_row_by_row(core, point, tmp_path):
    case = expected("C02_wps_all_text_bad_dimension.xlsx")
    result = import_ledger(core, CASES / "C02_wps_all_text_bad_dimension.xlsx", report_path=tmp_path / "r.xlsx")
    assert (result.imported, result.rejected) == (case["records"], 0)
    rows = by_name(core)
    for want in case["rows"]:
        got = rows[want["name"]]
        assert got.received_at.date() == date.fromisoformat(want["date"]), want
        assert (got.id_number, got.phone, got.id_status) == (want["id"], want["phone"], IdStatus.GIVEN), want
    assert rows["冯某"].village == "王庄村" and rows["冯某"].category_code == "PRO-LCM"
    assert rows["冯某"].question == "土地承包（台账未记载具体问题）" and rows["冯某"].advice.startswith("法官释明")
    assert rows["卫某"].outcome is Outcome.DEPARTMENT and rows["卫某"].referral_target == "司法所"


@needs_cases
def test_c22_id_numbers_stored_row_by_row(core, point, tmp_path):
    import_ledger(core, CASES / "C22_id_number_matrix.xlsx", report_path=tmp_path / "r.xlsx")
    records = core.consultations.page(ConsultationFilter(), sort="received_at", descending=False, limit=100)
    assert len(records) == 20
    by_day = {r.received_at.day: r for r in records}  # C22 has one row per day, 序号 = day
    for case in expected("C22_id_number_matrix.xlsx")["rows"]:
        got = by_day[case["seq"]]
        want = case["normalised"]
        if want == "old15":
            assert got.id_number == "340102195207149937" and got.id_status is IdStatus.GIVEN
        elif want:
            assert (got.id_number, got.id_status) == (want, IdStatus.GIVEN), case
        else:
            assert got.id_number == "" and got.id_status is not IdStatus.GIVEN, case
    assert by_day[19].id_status is IdStatus.DECLINED and by_day[18].id_status is IdStatus.NOT_ASKED
    stored = core.db.execute("SELECT typeof(id_number), count(*) FROM consultation GROUP BY 1").fetchall()
    assert stored == [("text", 20)]


@needs_cases
def test_c24_dates_stored_row_by_row(core, point, tmp_path):
    result = import_ledger(core, CASES / "C24_date_matrix.xlsx", report_path=tmp_path / "r.xlsx")
    records = core.consultations.page(ConsultationFilter(), sort="received_at", descending=False, limit=100)
    names = {r.visitor_name: r for r in records}
    from liaison_app.exchange.ledger.reader import read_ledger

    grid = read_ledger(CASES / "C24_date_matrix.xlsx").sheets[0]
    name_of = {int(r[0]): r[2] for r in grid.rows[1:]}
    for case in expected("C24_date_matrix.xlsx")["rows"]:
        name = name_of[case["seq"]]
        if case["expect"].startswith("2024-"):
            assert names[name].received_at.date() == date.fromisoformat(case["expect"][:10]), case
        else:
            assert name not in names, case  # flagged, not stored; raw text in the report
    assert all(r.received_at.year == 2024 for r in records)
    assert names["杨七"].received_at == at(date(2024, 3, 5), time(14, 30))
    assert names["许七"].received_at == at(date(2024, 3, 5), time(10, 0))
    assert result.rejected == 8 and len(result.rejected_rows) == 8


@needs_cases
def test_c11_gbk_csv_with_xlsx_name(core, point, service):
    draft = service.open(CASES / "C11_csv_gbk_renamed.xlsx")
    assert draft.file.fmt == "csv" and any("CSV" in n for n in draft.notices)
    result = service.run_import(service.preview(draft), write_report_file=False)
    assert result.imported == expected("C11_csv_gbk_renamed.xlsx")["records"]
    first = by_name(core)["冯八"]
    assert first.id_number == "310101195512189917" and first.question.startswith("村里调整承包地")


@needs_cases
def test_c29_names_clean_and_searchable_long_answer_named(core, point, tmp_path):
    result = import_ledger(core, CASES / "C29_control_rare_chars_long_text.xlsx", report_path=tmp_path / "r.xlsx")
    for name in ("张三", "李四", "孙八"):
        assert core.consultations.count(ConsultationFilter(text=name)) >= 1, name
    rows = by_name(core)
    assert "王𠮷" in rows and rows["孙八"].question.startswith("第一行\t制表\n第二行\n第三行\n（台账记载纠纷类型：赡养抚养）")
    assert not any("_x000D_" in r.question + r.advice for r in rows.values())
    # The 32,767-character answer (an Excel cell's maximum) is imported whole (expected.json).
    assert result.rejected == 0
    longest = max(rows.values(), key=lambda r: len(r.advice))
    assert len(longest.advice) == 32_767


@needs_cases
def test_c09_truncated_file_imports_nothing(core, point):
    before = dump(core)
    with pytest.raises(LedgerReadError, match="不完整或已损坏"):
        import_ledger(core, CASES / "C09_truncated_download.xlsx")
    assert dump(core) == before


def test_gbk_csv_with_full_width_digits_and_blank_lines(core, point, tmp_path):
    rows = [["来访日期", "姓名", "手机号", "身份证号", "纠纷类型", "咨询问题", "解答意见", "处理结果"],
            ["2024/3/5", "王秀英", "１３９-9511-0001", "３１０１０１１９９００３０７９９７ｘ", "离婚", "想离婚", "告知程序", "已解答"],
            [], ["", "", "", "", "", "", "", ""],
            ["2024/3/6", "马 小 军", "139 9511 0002", "'110101198503120025", "欠薪", "讨薪", "告知仲裁", "当场解答"]]
    result = import_ledger(core, write_csv(tmp_path / "三月.csv", rows), report_path=tmp_path / "r.xlsx")
    assert (result.imported, result.blank_rows) == (2, 2)
    got = by_name(core)
    assert (got["王秀英"].phone, got["王秀英"].id_number) == ("13995110001", "31010119900307997X")
    assert (got["马小军"].phone, got["马小军"].id_number) == ("13995110002", "110101198503120025")


def test_legacy_xls_ledger(core, point, tmp_path):
    sheets = {"一月": [["2024年1月台账", None, None, None], ["日期", "姓名", "身份证号", "咨询事项"],
                     [date(2024, 1, 5), "李四", 3.10101196504099e17, "离婚"],
                     ["1月6日", "王五", "640381199308083012", "宅基地"]]}
    result = import_ledger(core, write_xls(tmp_path / "old.xls", sheets, merges={"一月": [(0, 0, 0, 3)]}),
                           report_path=tmp_path / "r.xlsx")
    assert result.imported == 2
    got = by_name(core)
    assert (got["李四"].received_at, got["李四"].id_number) == (at(date(2024, 1, 5)), "")
    assert (got["王五"].received_at, got["王五"].id_number) == (at(date(2024, 1, 6)), "640381199308083012")


def test_paper_form_numbers_must_be_unique(core, point, tmp_path):
    head = ["日期", "姓名", "登记表编号", "咨询事项"]
    ledger = write_xlsx(tmp_path / "p.xlsx", {"S": [head, ["2024-3-5", "甲", "na-1", "离婚"], ["2024-3-6", "乙", "NA-1", "离婚"]]})
    result = import_ledger(core, ledger, report_path=tmp_path / "r.xlsx")
    assert result.imported == 1 and "纸质登记表编号" in result.rejected_rows[0][1][0]


def test_sessions_ledger(core, point, tmp_path):
    rows = [["2024年普法宣讲台账"], ["日期", "时间", "地点", "宣讲形式", "主题", "受众人数", "主讲人", "发放资料（份）"],
            ["2024-03-05", "9:00-11:00", "宁安村村委会", "法治讲座", "民法典婚姻家庭编", "约80人", "马建国", 100],
            ["2024年3月15日", "", "宁安镇集市", "赶集宣传", "防范电信诈骗", "200余人", "张三", ""],
            ["2024-03-20", "14:30-16:00", "线上", "抖音直播", "以案说法：彩礼纠纷", "", "", ""]]
    result = import_ledger(core, write_xlsx(tmp_path / "宣讲.xlsx", {"S": rows}), kind="sessions",
                           report_path=tmp_path / "r.xlsx")
    assert (result.imported, result.rejected) == (2, 1)  # the online row has neither audience nor views
    sessions = core.sessions.page(SessionFilter(), descending=False)
    judge = core.people.all(role=Role.JUDGE)[0]
    first, second = sessions
    assert (first.held_on, first.start_time, first.end_time) == (date(2024, 3, 5), time(9), time(11))
    assert (first.audience, first.materials, first.speaker_ids, first.form) == (80, 100, (judge.id,), SessionForm.LECTURE)
    assert (second.start_time, second.end_time, second.form, second.audience) == (time(0), time(23, 59), SessionForm.OUTREACH, 200)
    assert second.speaker_ids == (judge.id,) and "台账记载宣讲人：张三" in second.notes


def test_volunteers_ledger(core, point, tmp_path):
    rows = [["序号", "姓名", "原工作单位", "原职务", "联系电话", "可服务时间", "备注"],
            [1, "刘 德 华", "中宁县人民法院", "审判员", "１３９９５１１００１０", "周一上午、周四全天", "擅长婚姻家庭"],
            [2, "马建国", "", "", "", "", ""],
            [3, "陈静", "中卫市中级人民法院", "庭长", "", "随叫随到", ""],
            [4, "陈静", "", "", "13995110011", "", ""]]
    result = import_ledger(core, write_xlsx(tmp_path / "志愿者.xlsx", {"S": rows}), report_path=tmp_path / "r.xlsx")
    # 马建国 is already on the list (the point's judge); the second 陈静 repeats the first
    assert (result.kind.value, result.imported, result.duplicates) == ("volunteers", 2, 2)
    people = {p.name: p for p in core.people.volunteers(point.id)}
    liu = people["刘德华"]
    assert (liu.phone, liu.former_court, liu.post, liu.note) == ("13995110010", "中宁县人民法院", "审判员", "擅长婚姻家庭")
    assert [s.label for s in sorted(liu.availability)] == ["周一上午", "周四上午", "周四下午"]
    assert "可服务时间：随叫随到" in people["陈静"].note


def test_cli_module(core, point, tmp_path, capsys):
    from liaison_app import cli_ledger

    parser = argparse.ArgumentParser(prog="liaison-app")
    cli_ledger.add_parser(parser.add_subparsers(dest="command"))
    ledger = monthly_ledger(tmp_path / "台账.xlsx")
    args = parser.parse_args(["import-ledger", str(ledger), "--dry-run", "--kind", "consultations"])
    assert cli_ledger.run(core, args) == 0
    out = capsys.readouterr().out
    assert "试运行" in out and "可导入 8 行" in out and "未导入 2 行" in out and "2024年2月没有30日" in out
    assert core.consultations.count(ConsultationFilter()) == 0

    args = parser.parse_args(["import-ledger", str(ledger), "--sheet", "2月", "--point", "ZN-NA",
                              "--report", str(tmp_path / "r.xlsx")])
    assert cli_ledger.run(core, args) == 0
    out = capsys.readouterr().out
    assert "已导入 4 行" in out and "报告：" in out and "工作表“2月”：表头在第2行" in out
    assert core.consultations.count(ConsultationFilter()) == 4

    args = parser.parse_args(["import-ledger", str(tmp_path / "nope.xlsx")])
    assert cli_ledger.run(core, args) == 1
    assert "找不到文件" in capsys.readouterr().err


def test_select_sheets_for_the_wizard_check_boxes(core, point, service, tmp_path):
    draft = service.open(monthly_ledger(tmp_path / "台账.xlsx"))
    assert [s.name for s in draft.sheets if draft.is_chosen(s.name)] == ["1月", "2月", "3月", "说明"]
    feb = draft.plan("2月")
    edited = service.set_mapping(draft, "2月", {**feb.mapping, 5: None})  # 住址 not imported
    only = service.select_sheets(edited, ["2月", "模板"])  # a hidden sheet may be ticked
    plans = {p.name: p for p in only.sheets}
    assert plans["1月"].skipped == "未选择，不导入" and not only.is_chosen("1月")
    assert plans["2月"].mapping[5] is None and plans["2月"].mapping_source == "user"
    assert plans["模板"].header is not None and plans["模板"].data_rows == 0
    assert service.change_kind(only, "consultations").chosen_sheets == ("2月", "模板")
    preview = service.preview(only)
    assert {r.sheet for r in preview.rows} == {"2月"} and len(preview.rows) == 4
    with pytest.raises(LedgerReadError):
        service.select_sheets(draft, ["4月"])
