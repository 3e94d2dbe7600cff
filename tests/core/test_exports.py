"""Monthly batch export (format v2) over a real database, read back cell by cell with openpyxl."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape as openpyxl_unescape

from liaison_app import __version__
from liaison_app.core.exports import BATCH_FILE_RE, ExportService
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.identity import id_check_digit
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.errors import NotFoundError, UserError
from liaison_app.exchange.batch_format import workbook_checksum
from liaison_app.exchange.xlsx_cells import TRUNCATION_MARK
from liaison_app.storage.batches import BatchExportRepository

PERIOD = "2026-11"
HEADERS = [
    "记录编号", "接待时间", "接待方式", "接待人", "来访人", "性别", "年龄段", "联系电话", "身份证号",
    "证件情况", "来访人标识", "村/社区", "特殊群体", "纠纷类型编码", "纠纷类型", "分类版本", "咨询事项", "答复意见",
    "处理方式", "转介去向", "回访期限", "回访日期", "答复情况", "纸质登记表编号", "更新时间", "状态",
]
COL = {h: i for i, h in enumerate(HEADERS)}
ID_17 = "64052119580312003"
ID_NUMBER = ID_17 + id_check_digit(ID_17)          # a man born 1958-03-12 → 60岁及以上
HYPERLINK = '=HYPERLINK("http://x","点我")'
LONG_ADVICE = ("告知依照民法典规定，先行协商，协商不成可以起诉。" * 1500)[:32_000]


def at(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CHINA_TZ)


def base(point, **changes) -> Consultation:
    record = Consultation(
        point_id=point.id, received_at=at(2), visitor_name="王秀英", category_code="PRO-HST",
        question="邻居盖房占了我家宅基地怎么办？", advice="先请村调委会调解，调解不成可以起诉。",
        outcome=Outcome.ANSWERED, receiver_name="马建国", village="殷庄村", phone="13995110001",
        gender=Gender.FEMALE, age_band=AgeBand.MIDDLE,
    )
    return record.with_changes(**changes)


def insert_raw(core, record: Consultation) -> Consultation:
    """Store a record as an old version or an import might have left it: no normalisation."""
    stamp = record.received_at + timedelta(minutes=30)
    record = record.with_changes(created_at=stamp, updated_at=stamp, category_dict_version="ccr2020-lp-v1")
    core.consultations.repo.insert(record)
    return record


@pytest.fixture
def records(core, point):
    """Hand-made consultations of PERIOD at ``point`` (in received order) plus noise elsewhere."""
    save = core.consultations.save
    full, _ = save(base(
        point, received_at=at(2, 8, 45), visitor_name="马德福", gender=Gender.MALE, age_band=AgeBand.SENIOR,
        phone="13995110001", id_status=IdStatus.GIVEN, id_number=ID_NUMBER, mode=Mode.HOME_VISIT,
        special_groups=frozenset({SpecialGroup.ELDERLY, SpecialGroup.VETERANS}), category_code="MAR-ELD",
        outcome=Outcome.MEDIATION, referral_target="宁安镇人民调解委员会", followup_due=date(2026, 11, 9),
        followup_done=date(2026, 11, 6), followup_note="已电话回访，调解成功。", paper_form_no="宁安咨〔2026〕001号",
    ))
    formula, _ = save(base(
        point, received_at=at(3), question=HYPERLINK, advice="@SUM(A1)", outcome=Outcome.LEGAL_AID,
        referral_target="+86 0955 中宁县法律援助中心", followup_due=date(2026, 11, 10),
        phone="0955-7012345",
    ))
    raw = insert_raw(core, base(
        point, received_at=at(4), question="\r=1+1", advice="\t=SUM(B2)",
        followup_note="第一段\x0b第二段\x0c第三段", outcome=Outcome.OTHER, followup_due=date(2026, 11, 20),
        visitor_name="-某某-",
    ))
    long, _ = save(base(point, received_at=at(5), advice=LONG_ADVICE, visitor_name="张三"))
    rare, _ = save(base(point, received_at=at(6), advice="𠮷" * 20_000, visitor_name="李"))
    deleted, _ = save(base(point, received_at=at(9), visitor_name="赵四"))
    core.consultations.delete(deleted.id)
    deleted = core.consultations.get(deleted.id)
    # Noise: another month, another point.
    save(base(point, received_at=datetime(2026, 10, 31, 17, 0, tzinfo=CHINA_TZ)))
    other, _ = core.points.add(LiaisonPoint(code="LW-WTS", name="梧桐树村法官联系点", court="灵武市人民法院",
                                            judge_name="李文斌"))
    save(base(other, received_at=at(10), receiver_name="李文斌"))
    return [full, formula, raw, long, rare, deleted]


def load(path: Path):
    return openpyxl.load_workbook(path)


def manifest_of(workbook) -> dict[str, object]:
    rows = list(workbook["批次信息"].iter_rows(values_only=True))
    assert rows[0] == ("项目", "值")
    return {label: value for label, value in rows[1:]}


def data_rows(workbook) -> list[tuple]:
    return list(workbook["法律咨询"].iter_rows(min_row=2, values_only=True))


def export(core, tmp_path, **kwargs) -> list[Path]:
    return ExportService(core).export_month(PERIOD, tmp_path / "out", **kwargs)


# -- layout --------------------------------------------------------------------------------

def test_one_file_per_point_named_by_code_period_and_seq(core, records, tmp_path):
    paths = export(core, tmp_path)
    assert [p.name for p in paths] == ["LW-WTS_2026-11_v1.xlsx", "ZN-NA_2026-11_v1.xlsx"]
    assert all(BATCH_FILE_RE.match(p.name) for p in paths)
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)  # no temp files left
    workbook = load(paths[1])
    assert workbook.sheetnames == ["批次信息", "法律咨询", "普法宣讲", "志愿服务记录", "值班表", "汇总"]
    for ws in workbook:
        assert ws.freeze_panes == "A2"
    ws = workbook["法律咨询"]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.column_dimensions["Q"].width == 50 and ws.column_dimensions["A"].width == 38
    assert ws.auto_filter.ref == f"A1:Z{len(records) + 1}"


def test_manifest(core, point, records, tmp_path):
    path = export(core, tmp_path, point_code="ZN-NA")[0]
    manifest = manifest_of(load(path))
    assert manifest["格式名称"] == "liaison-batch"
    assert manifest["格式版本"] == 2
    assert len(str(manifest["批次编号"])) == 36
    assert manifest["联系点编码"] == "ZN-NA"
    assert manifest["联系点名称"] == point.name
    assert manifest["所属法院"] == "中宁县人民法院"
    assert manifest["统计月份"] == PERIOD
    assert manifest["序号"] == 1
    assert manifest["导出时间"] == "2026-11-29T10:00:00+08:00"
    assert manifest["软件版本"] == __version__
    assert manifest["个人信息"] == "已脱敏"
    assert manifest["各表行数：法律咨询"] == len(records)
    assert manifest["各表行数：普法宣讲"] == manifest["各表行数：志愿服务记录"] == manifest["各表行数：值班表"] == 0
    assert manifest["来访人标识"] == "未设置法院密钥" and manifest["法院密钥指纹"] == "无"
    assert len(str(manifest["数据校验"])) == 64
    notes = str(manifest["导出说明"])
    assert records[4].id in notes and "截断" in notes and records[3].id not in notes
    logged = BatchExportRepository(core.db).last(point.id, PERIOD)
    assert logged is not None and logged.batch_id == manifest["批次编号"] and logged.seq == 1
    assert logged.checksum == manifest["数据校验"] and logged.masked
    assert logged.row_counts == {"法律咨询": len(records), "普法宣讲": 0, "志愿服务记录": 0, "值班表": 0}


# -- values --------------------------------------------------------------------------------

def test_rows_values_and_types_masked(core, records, tmp_path):
    path = export(core, tmp_path, point_code="ZN-NA")[0]
    workbook = load(path)
    rows = data_rows(workbook)
    assert [r[COL["记录编号"]] for r in rows] == [r.id for r in records]

    full = rows[0]
    assert full[COL["接待时间"]] == datetime(2026, 11, 2, 8, 45)
    assert full[COL["接待方式"]] == "上门"
    assert full[COL["接待人"]] == "马建国"
    assert full[COL["来访人"]] == "马**"
    assert full[COL["性别"]] == "男" and full[COL["年龄段"]] == "60岁及以上"
    assert full[COL["联系电话"]] == "139****0001"
    assert full[COL["身份证号"]] is None
    assert full[COL["证件情况"]] == "已提供"
    assert full[COL["村/社区"]] == "殷庄村"
    assert full[COL["特殊群体"]] == "老年人、退役军人"
    assert full[COL["纠纷类型编码"]] == "MAR-ELD" and full[COL["纠纷类型"]] == "赡养纠纷"
    assert full[COL["分类版本"]] == "ccr2020-lp-v1"
    assert full[COL["处理方式"]] == "引导调解" and full[COL["转介去向"]] == "宁安镇人民调解委员会"
    assert full[COL["回访期限"]] == datetime(2026, 11, 9)
    assert full[COL["回访日期"]] == datetime(2026, 11, 6)
    assert full[COL["答复情况"]] == "已电话回访，调解成功。"
    assert full[COL["纸质登记表编号"]] == "宁安咨〔2026〕001号"
    assert full[COL["更新时间"]] == datetime(2026, 11, 29, 10, 0)
    assert full[COL["状态"]] == "有效"

    ws = workbook["法律咨询"]
    cells = ws[2]
    assert cells[COL["接待时间"]].is_date and cells[COL["接待时间"]].number_format == "yyyy-mm-dd hh:mm"
    assert cells[COL["回访期限"]].is_date and cells[COL["回访期限"]].number_format == "yyyy-mm-dd"
    assert cells[COL["更新时间"]].number_format == "yyyy-mm-dd hh:mm:ss"
    assert cells[COL["联系电话"]].data_type == "s" and cells[COL["联系电话"]].number_format == "@"

    formula = rows[1]
    assert formula[COL["咨询事项"]] == HYPERLINK
    assert formula[COL["答复意见"]] == "@SUM(A1)"
    assert formula[COL["转介去向"]] == "+86 0955 中宁县法律援助中心"
    assert formula[COL["联系电话"]] == "095****2345"  # landline 09557012345, masked, still text
    assert formula[COL["回访日期"]] is None and formula[COL["答复情况"]] is None

    raw = rows[2]
    assert raw[COL["来访人"]] == "-***"
    assert openpyxl_unescape(raw[COL["咨询事项"]]) == "\r=1+1"
    assert raw[COL["咨询事项"]] == "_x000D_=1+1"  # as Excel stores it (shared/cases C04)
    assert raw[COL["答复意见"]] == "\t=SUM(B2)"
    assert openpyxl_unescape(raw[COL["答复情况"]]) == "第一段\x0b第二段\x0c第三段"
    for index in (COL["咨询事项"], COL["答复意见"], COL["来访人"]):
        assert ws.cell(row=4, column=index + 1).quotePrefix

    assert rows[3][COL["答复意见"]] == LONG_ADVICE
    rare_advice = rows[4][COL["答复意见"]]
    assert rare_advice.endswith(TRUNCATION_MARK) and rare_advice.startswith("𠮷" * 1000)
    assert rows[5][COL["状态"]] == "已删除" and rows[5][COL["来访人"]] == "赵*"


def test_full_personal_data(core, records, tmp_path):
    path = export(core, tmp_path, point_code="ZN-NA", full_personal_data=True)[0]
    workbook = load(path)
    assert manifest_of(workbook)["个人信息"] == "完整"
    first = data_rows(workbook)[0]
    assert first[COL["来访人"]] == "马德福"
    assert first[COL["联系电话"]] == "13995110001"
    assert first[COL["身份证号"]] == ID_NUMBER
    cell = workbook["法律咨询"].cell(row=2, column=COL["身份证号"] + 1)
    assert cell.data_type == "s" and isinstance(cell.value, str)
    assert BatchExportRepository(core.db).last(records[0].point_id, PERIOD).masked is False


def test_no_formula_anywhere(core, records, tmp_path):
    for path in export(core, tmp_path):
        workbook = load(path)
        for ws in workbook:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = archive.read(name).decode("utf-8")
                    assert "<f>" not in xml and "<f " not in xml


# -- checksum, sequence, summary -------------------------------------------------------------

def recompute_checksum(workbook) -> str:
    """docs/batch-format.md (v2), written out independently of the exporter's code."""
    kinds = {"接待时间": "datetime", "更新时间": "datetime", "回访期限": "date", "回访日期": "date",
             "宣讲日期": "date", "服务日期": "date", "日期": "date",
             "开始时间": "time", "结束时间": "time", "到达时间": "time", "离开时间": "time"}
    digest = hashlib.sha256()

    def canonical(header: str, value: object) -> str:
        if value is None:
            return ""
        if kinds.get(header) == "datetime":
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if kinds.get(header) == "date":
            return value.strftime("%Y-%m-%d")
        if kinds.get(header) == "time":
            return value.strftime("%H:%M:%S")
        if isinstance(value, str):
            text = openpyxl_unescape(value)
            text = "".join(f"_x{ord(c):04X}_" if 0xD800 <= ord(c) <= 0xDFFF or ord(c) in (0xFFFE, 0xFFFF) else c
                           for c in text)
            return text if text.strip() else ""
        return str(int(value)) if float(value).is_integer() else repr(float(value))

    def line(values: list[str]) -> bytes:
        return (json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    for sheet in ("法律咨询", "普法宣讲", "志愿服务记录", "值班表"):
        rows = list(workbook[sheet].iter_rows(values_only=True))
        headers = list(rows[0])
        digest.update(line([sheet, *headers]))
        for row in rows[1:]:
            digest.update(line([sheet, *(canonical(h, v) for h, v in zip(headers, row))]))
    for label, value in workbook["批次信息"].iter_rows(values_only=True):
        if label != "数据校验":
            digest.update(line(["批次信息", canonical("", label), canonical("", value)]))
    return digest.hexdigest()


def read_back_checksum(workbook) -> str:
    """The library's checksum over values read with openpyxl (text unescaped first)."""
    def logical(rows):
        return [[openpyxl_unescape(v) if isinstance(v, str) else v for v in row] for row in rows]

    data = [(name, logical(list(workbook[name].iter_rows(min_row=2, values_only=True))))
            for name in ("法律咨询", "普法宣讲", "志愿服务记录", "值班表")]
    return workbook_checksum(data, logical(list(workbook["批次信息"].iter_rows(values_only=True))))


def test_checksum_recomputable_from_the_sheet(core, records, tmp_path):
    for path in export(core, tmp_path):
        workbook = load(path)
        manifest = manifest_of(workbook)
        assert recompute_checksum(workbook) == manifest["数据校验"]
        assert read_back_checksum(workbook) == manifest["数据校验"]


def test_edited_workbook_fails_its_checksum(core, records, tmp_path):
    path = export(core, tmp_path, point_code="ZN-NA")[0]
    workbook = load(path)
    workbook["法律咨询"].cell(row=2, column=COL["处理方式"] + 1).value = "当场解答"
    workbook.save(tmp_path / "edited.xlsx")
    edited = load(tmp_path / "edited.xlsx")
    assert recompute_checksum(edited) != manifest_of(edited)["数据校验"]
    assert read_back_checksum(edited) != manifest_of(edited)["数据校验"]


def test_seq_increments_and_never_overwrites(core, records, tmp_path):
    first = export(core, tmp_path, point_code="ZN-NA")[0]
    second = export(core, tmp_path, point_code="ZN-NA")[0]
    assert (first.name, second.name) == ("ZN-NA_2026-11_v1.xlsx", "ZN-NA_2026-11_v2.xlsx")
    one, two = manifest_of(load(first)), manifest_of(load(second))
    assert two["序号"] == 2 and one["批次编号"] != two["批次编号"]
    assert one["数据校验"] != two["数据校验"]  # the checksum covers the manifest (batch id, seq) too
    (tmp_path / "out" / "ZN-NA_2026-11_v3.xlsx").write_bytes(b"someone else's file")
    third = export(core, tmp_path, point_code="ZN-NA")[0]
    assert third.name == "ZN-NA_2026-11_v4.xlsx"
    assert (tmp_path / "out" / "ZN-NA_2026-11_v3.xlsx").read_bytes() == b"someone else's file"


def test_point_without_records_still_gets_a_batch(core, point, tmp_path):
    path = export(core, tmp_path)[0]
    workbook = load(path)
    manifest = manifest_of(workbook)
    assert manifest["各表行数：法律咨询"] == 0
    assert data_rows(workbook) == []
    assert manifest["数据校验"] == read_back_checksum(workbook) == recompute_checksum(workbook)


def test_summary_sheet(core, records, tmp_path):
    path = export(core, tmp_path, point_code="ZN-NA")[0]
    rows = {r[0]: r[1:] for r in load(path)["汇总"].iter_rows(values_only=True) if r[0]}
    active = len(records) - 1
    assert rows["法律服务人次"][0] == active
    assert rows["合计"][0] == active
    assert rows["婚姻家庭、继承纠纷"][0] == 1 and rows["物权纠纷"][0] == active - 1
    assert rows["当场解答"][0] == 2 and rows["引导调解"][0] == 1 and rows["转法律援助"][0] == 1
    assert rows["其他"][0] == 1 and rows["引导诉讼"][0] == 0
    assert rows["需回访"][0] == 3 and rows["已回访"][0] == 1
    assert rows["逾期未回访"][0] == 2 and rows["待回访（未到期）"][0] == 0


def test_progress_reports_points(core, records, tmp_path):
    calls = []
    export(core, tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2), (2, 2)]


# -- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("period", ["2026-13", "2026/11", "", "2026-12"])
def test_bad_or_future_period_is_refused(core, point, tmp_path, period):
    with pytest.raises(UserError):
        ExportService(core).export_month(period, tmp_path / "out")


def test_unknown_point_code(core, point, tmp_path):
    with pytest.raises(NotFoundError):
        export(core, tmp_path, point_code="NOPE")


def test_failed_write_leaves_no_file_and_no_log(core, point, records, tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("liaison_app.core.exports.os.replace", refuse)
    with pytest.raises(UserError, match="无法写入报送文件"):
        export(core, tmp_path, point_code="ZN-NA")
    assert os.listdir(tmp_path / "out") == []
    assert BatchExportRepository(core.db).next_seq(point.id, PERIOD) == 1
