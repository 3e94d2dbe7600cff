"""Every kind of damaged file is refused whole, with a message naming file, sheet, Excel row and
column, and the court database stays exactly as it was (compared as a full dump)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from liaison_app.core.court import MergeOutcome

from tests.court.conftest import CASES, FIXTURES, dump

NAME = "ZN-NA_2026-11_v1.xlsx"


@pytest.fixture
def merged(batches, court, court_path):
    """A court database that already holds one batch (so "unchanged" means something)."""
    assert court.merge([batches / "ZN-NA_2026-09_v1.xlsx"]).ok
    return court


@pytest.fixture
def original(batches, tmp_path) -> Path:
    """A fresh copy of a good batch, to damage."""
    target = tmp_path / "damaged" / NAME
    target.parent.mkdir()
    shutil.copy(batches / NAME, target)
    return target


def edit(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Open in openpyxl (normal mode: fine for a test), apply ``change(workbook)``, save."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def refused(court, court_path, path: Path, *expected: str) -> str:
    """Merge ``path``; assert it was refused with every ``expected`` text and nothing changed."""
    before = dump(court_path)
    report = court.merge([path])
    result = report.files[0]
    text = result.explanation()
    assert result.outcome is MergeOutcome.REJECTED, text
    assert report.exit_status == 1
    for part in expected:
        assert part in text, text
    assert dump(court_path) == before
    return text


def header_column(workbook, sheet: str, header: str) -> int:
    return [c.value for c in workbook[sheet][1]].index(header) + 1


def test_untouched_resave_is_still_accepted(merged, original):
    """Opened and saved without a change (openpyxl standing in for Excel/WPS): still merged."""
    edit(original, lambda wb: None)
    assert merged.merge([original]).files[0].outcome is MergeOutcome.MERGED


def test_truncated_zip(merged, court_path, original):
    data = original.read_bytes()
    original.write_bytes(data[: len(data) // 2])
    refused(merged, court_path, original, f"「{NAME}」：文件不完整或已损坏")


@pytest.mark.skipif(not (CASES / "C09_truncated_download.xlsx").exists(), reason="shared cases not present")
def test_shared_truncated_download(merged, court_path, tmp_path):
    path = Path(shutil.copy(CASES / "C09_truncated_download.xlsx", tmp_path / "C09.xlsx"))
    refused(merged, court_path, path, "「C09.xlsx」：文件不完整或已损坏")


def test_corrupt_member_data(merged, court_path, original):
    """A zip whose directory is intact but whose sheet data is scrambled (bad CRC)."""
    with zipfile.ZipFile(original) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    data = bytearray(original.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + 40
    data[start:start + 200] = bytes(200)
    original.write_bytes(bytes(data))
    refused(merged, court_path, original, "文件不完整或已损坏")


def test_missing_sheet(merged, court_path, original):
    edit(original, lambda wb: wb.remove(wb["普法宣讲"]))
    refused(merged, court_path, original, f"「{NAME}」工作表“普法宣讲”：缺少这个工作表")


def test_renamed_header(merged, court_path, original):
    def rename(wb):
        wb["法律咨询"]["B1"] = "接待日期"

    refused(merged, court_path, edit(original, rename),
            f"「{NAME}」工作表“法律咨询”第1行“接待时间”：第B列表头应为“接待时间”，实际是“接待日期”")


def test_date_outside_the_period(merged, court_path, original):
    def move(wb):
        wb["法律咨询"].cell(row=7, column=2).value = datetime(2026, 10, 31, 16, 30)

    refused(merged, court_path, edit(original, move),
            f"「{NAME}」工作表“法律咨询”第7行“接待时间”：日期 2026-10-31 不在统计月份 2026-11 内")


def test_edited_cell_fails_the_checksum(merged, court_path, original):
    def change(wb):
        ws = wb["法律咨询"]
        column = header_column(wb, "法律咨询", "处理方式")
        ws.cell(row=3, column=column).value = "转有关部门" if ws.cell(row=3, column=column).value != "转有关部门" else "其他"

    refused(merged, court_path, edit(original, change), f"「{NAME}」工作表“批次信息”", "“数据校验”：数据校验不符",
            "--accept-edited")


def test_edited_manifest_fails_the_checksum(merged, court_path, original):
    """Changing who sent the batch (联系点名称) is an edit too: the checksum covers the manifest."""
    def rename(wb):
        for row in wb["批次信息"].iter_rows(min_row=2):
            if row[0].value == "联系点名称":
                row[1].value = "别的联系点"

    refused(merged, court_path, edit(original, rename), "数据校验不符")


def test_edited_workbook_accepted_when_asked_and_recorded(merged, court_path, original):
    def change(wb):
        wb["法律咨询"].cell(row=2, column=header_column(wb, "法律咨询", "答复情况")).value = "补充：已电话回访"

    edit(original, change)
    report = merged.merge([original], accept_edited=True)
    result = report.files[0]
    assert result.outcome is MergeOutcome.MERGED and result.accepted_edited and report.exit_status == 0
    assert "已按“接收修改过的工作簿”接收并记录" in result.explanation()
    batch = next(b for b in merged.batches() if b.file_name == NAME)
    assert batch.accepted_edited
    import sqlite3

    conn = sqlite3.connect(court_path)
    note = conn.execute("SELECT followup_note FROM court_consultation WHERE batch_id = ? ORDER BY received_at, id "
                        "LIMIT 1", (batch.batch_id,)).fetchone()[0]
    conn.close()
    assert note == "补充：已电话回访"


def test_duplicated_row(merged, court_path, original):
    def duplicate(wb):
        ws = wb["法律咨询"]
        ws.append([c.value for c in ws[2]])

    text = refused(merged, court_path, edit(original, duplicate), "“记录编号”：记录编号与第2行重复")
    assert f"「{NAME}」工作表“法律咨询”第" in text
    assert "批次信息写明有" in text  # the row count does not match either


@pytest.mark.skipif(not (CASES / "C11_csv_gbk_renamed.xlsx").exists(), reason="shared cases not present")
def test_shared_csv_renamed_xlsx(merged, court_path, tmp_path):
    path = Path(shutil.copy(CASES / "C11_csv_gbk_renamed.xlsx", tmp_path / "C11.xlsx"))
    refused(merged, court_path, path, "「C11.xlsx」：这是CSV文本文件，不是Excel工作簿")


def test_csv_renamed_xlsx(merged, court_path, tmp_path):
    path = tmp_path / NAME
    path.write_bytes("记录编号,接待时间,来访人\n1,2026-11-02,王秀英\n".encode("gbk"))
    refused(merged, court_path, path, f"「{NAME}」：这是CSV文本文件，不是Excel工作簿")


def test_empty_file(merged, court_path, tmp_path):
    path = tmp_path / NAME
    path.write_bytes(b"")
    refused(merged, court_path, path, f"「{NAME}」：文件是空的（0字节）")


def test_old_xls_or_encrypted(merged, court_path, tmp_path):
    path = tmp_path / NAME
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    refused(merged, court_path, path, "旧版Excel（.xls）文件或加了密码的工作簿")


def test_zip_that_is_not_a_workbook(merged, court_path, tmp_path):
    path = tmp_path / NAME
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(merged, court_path, path, "这是一个压缩包，不是Excel工作簿")


def test_version_1_is_refused_by_its_version(merged, court_path, tmp_path):
    path = Path(shutil.copy(FIXTURES / "ZN-NA_2026-10_v1.xlsx", tmp_path / "ZN-NA_2026-10_v1.xlsx"))
    refused(merged, court_path, path,
            "「ZN-NA_2026-10_v1.xlsx」工作表“批次信息”第3行“格式版本”：这是第1版格式（liaison-batch v1）的报送文件，"
            "本软件只接收第2版")


def test_newer_version_is_refused(merged, court_path, original):
    def bump(wb):
        for row in wb["批次信息"].iter_rows(min_row=2):
            if row[0].value == "格式版本":
                row[1].value = 3

    refused(merged, court_path, edit(original, bump), "这是更新的第3版格式", "请先升级法院端")


def test_formula_in_a_data_sheet(merged, court_path, original):
    def formula(wb):
        wb["法律咨询"].cell(row=4, column=header_column(wb, "法律咨询", "咨询事项")).value = "=1+1"

    refused(merged, court_path, edit(original, formula),
            f"「{NAME}」工作表“法律咨询”第4行“咨询事项”：单元格 Q4 含有公式")


def test_number_typed_into_a_text_column(merged, court_path, original):
    def number(wb):
        wb["法律咨询"].cell(row=5, column=header_column(wb, "法律咨询", "联系电话")).value = 13995110001

    refused(merged, court_path, edit(original, number),
            f"「{NAME}」工作表“法律咨询”第5行“联系电话”：应为文本，却是数字 13995110001")


def test_masked_batch_with_a_full_phone(merged, court_path, original):
    def unmask(wb):
        wb["法律咨询"].cell(row=2, column=header_column(wb, "法律咨询", "联系电话")).value = "13995110001"

    refused(merged, court_path, edit(original, unmask), "第2行“联系电话”：批次信息写明个人信息“已脱敏”，这里却是完整的电话号码")


def test_unknown_words_and_codes(merged, court_path, original):
    def garble(wb):
        ws = wb["法律咨询"]
        ws.cell(row=2, column=header_column(wb, "法律咨询", "处理方式")).value = "已解决"
        ws.cell(row=3, column=header_column(wb, "法律咨询", "纠纷类型编码")).value = "XYZ-999"
        ws.cell(row=4, column=header_column(wb, "法律咨询", "状态")).value = "作废"

    refused(merged, court_path, edit(original, garble), "第2行“处理方式”：“已解决”不是可选的取值",
            "第3行“纠纷类型编码”：纠纷类型编码“XYZ-999”不在本软件的分类表中", "第4行“状态”：“作废”不是可选的取值")


def test_good_and_bad_files_together(merged, court_path, batches, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"")
    report = merged.merge([batches / NAME, bad])
    outcomes = {r.path.name: r.outcome for r in report.files}
    assert outcomes == {NAME: MergeOutcome.MERGED, "bad.xlsx": MergeOutcome.REJECTED}
    assert report.exit_status == 1
    assert any("拒收 1" in line for line in report.lines())


def test_missing_input(merged, court_path, tmp_path):
    report = merged.merge([tmp_path / "nope.xlsx", tmp_path / "batches" / NAME])
    assert report.files[0].outcome is MergeOutcome.REJECTED and "找不到文件或文件夹" in report.files[0].explanation()
