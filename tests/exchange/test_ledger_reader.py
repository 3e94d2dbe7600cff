"""Reading ledgers by content: xlsx (WPS, bad dimension), xls, CSV in UTF-8/GBK, damaged files."""

from datetime import date

import pytest

from liaison_app.exchange.ledger.reader import LedgerReadError, decode_text, read_ledger

from tests.helpers.ledgers import CASES, needs_cases, write_csv, write_xls, write_xlsx

HEADER = ["序号", "日期", "姓名", "身份证号", "联系电话"]


@needs_cases
def test_wps_file_that_declares_one_cell_reads_whole():
    """C02: openpyxl read-only would see only the header; every row must be read."""
    ledger = read_ledger(CASES / "C02_wps_all_text_bad_dimension.xlsx")
    grid = ledger.sheets[0]
    assert ledger.fmt == "xlsx" and len(grid.rows) == 31
    assert grid.rows[30][2] == " 沈某某" and grid.rows[7][4] == "１３８０００００２０７"


@needs_cases
def test_truncated_download_is_refused_plainly():
    with pytest.raises(LedgerReadError, match="不完整或已损坏"):
        read_ledger(CASES / "C09_truncated_download.xlsx")


@needs_cases
def test_gbk_csv_named_xlsx_is_read_as_csv():
    ledger = read_ledger(CASES / "C11_csv_gbk_renamed.xlsx")
    assert ledger.fmt == "csv" and ledger.encoding == "GBK"
    assert "CSV" in ledger.notices[0] and ".xlsx" in ledger.notices[0]
    grid = ledger.sheets[0]
    assert grid.rows[0][:3] == ["序号", "来访日期", "姓名"]
    assert grid.rows[1][3] == "310101195512189917"  # ID numbers stay text
    assert len(grid.rows) == 9


@needs_cases
def test_formula_without_cached_value_is_found():
    grid = read_ledger(CASES / "C04_formula_injection_free_text.xlsx").sheets[0]
    assert grid.formulas == {(15, 12): '=C16&"（已电话回访）"'}
    assert grid.rows[15][12] == ""
    assert grid.rows[8][8] == "\r=1+1"  # Excel's _x000D_ escape undone by the reader


def test_leading_empty_rows_and_columns_keep_excel_numbering(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [[], [], [None, None, "2024年台账"], [None, None, *HEADER]]})
    grid = read_ledger(path).sheets[0]
    assert grid.rows[3][2:4] == ["序号", "日期"]  # row 4, column C as in Excel
    assert grid.cell(2, 2) == "2024年台账"


def test_formatted_empty_cell_far_below_does_not_make_a_million_rows(tmp_path):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.active.append(HEADER)
    book.active.append([1, "2024-03-05", "张三", "", ""])
    book.active["A1048576"].font = Font(bold=True)
    book.save(tmp_path / "far.xlsx")
    assert len(read_ledger(tmp_path / "far.xlsx").sheets[0].rows) == 2


def test_sheets_merges_and_hidden_sheets(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", {"1月": [["2024年台账"], HEADER], "草稿": [HEADER]},
                      merges={"1月": ["A1:E1"]}, hidden=("草稿",))
    ledger = read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["1月", "草稿"]
    assert ledger.sheets[0].merged == ((0, 0, 0, 4),)
    assert ledger.sheets[1].hidden and not ledger.sheets[0].hidden


@pytest.mark.parametrize("encoding, label", [("gbk", "GBK"), ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16")])
def test_csv_encodings(tmp_path, encoding, label):
    path = write_csv(tmp_path / "t.csv", [HEADER, [1, "2024/3/5", "王秀英", "31010119900307997x", "１３９-0000-0001"]],
                     encoding=encoding)
    ledger = read_ledger(path)
    assert ledger.encoding == label
    assert ledger.sheets[0].rows[1] == ["1", "2024/3/5", "王秀英", "31010119900307997x", "１３９-0000-0001"]


def test_tab_separated_text(tmp_path):
    path = write_csv(tmp_path / "t.txt", [HEADER, [1, "2024/3/5", "王秀英", "", ""]], encoding="gbk", delimiter="\t")
    assert read_ledger(path).sheets[0].rows[1][2] == "王秀英"


def test_gb18030_only_characters_decode():
    text, label = decode_text("姓名,䶮,𠮷".encode("gb18030"))
    assert text == "姓名,䶮,𠮷" and label == "GBK"


def test_legacy_xls(tmp_path):
    path = write_xls(tmp_path / "old.xls", {"一月": [["2024年1月台账", None, None], ["姓名", "日期", "身份证号"],
                                                 ["李四", date(2024, 1, 5), 3.10101196504099e17]]},
                     merges={"一月": [(0, 0, 0, 2)]})
    ledger = read_ledger(path)
    grid = ledger.sheets[0]
    assert ledger.fmt == "xls" and grid.merged == ((0, 0, 0, 2),)
    assert grid.rows[2][1] == date(2024, 1, 5) and grid.rows[2][2] == 3.10101196504099e17


@pytest.mark.parametrize("content, words", [
    (b"", "空的"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页"),
    (b"PK\x03\x04garbage", "不完整或已损坏"),
    (b"\x00\x01\x02\x03binary" * 10, "不是表格文件"),
])
def test_files_that_are_not_ledgers(tmp_path, content, words):
    path = tmp_path / "x.xls"
    path.write_bytes(content)
    with pytest.raises(LedgerReadError, match=words):
        read_ledger(path)


def test_missing_file(tmp_path):
    with pytest.raises(LedgerReadError, match="找不到文件"):
        read_ledger(tmp_path / "nope.xlsx")


def test_word_document_is_named(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "x.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(LedgerReadError, match="Word"):
        read_ledger(tmp_path / "x.docx")
