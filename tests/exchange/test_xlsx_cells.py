"""Safe xlsx cells: literal text (never formulas), Excel's _xHHHH_ escapes, the 32,767 limit.

Checked against files Excel/xlsxwriter wrote (shared/cases C04, C29) and by reading our own
files back with openpyxl. No mocks: real files in tmp_path.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from liaison_app.exchange.xlsx_cells import (
    MAX_CELL_UNITS,
    TRUNCATION_MARK,
    escape_text,
    fit_text,
    needs_quote_prefix,
    text_cell,
    unescape_text,
    utf16_units,
)

# The shared real-world files sit beside the repository (../shared/cases).
from tests.helpers.cases import CASES  # noqa: E402
needs_cases = pytest.mark.skipif(not CASES.exists(), reason="shared/cases not beside the repository")
C04 = CASES / "C04_formula_injection_free_text.xlsx"
C29 = CASES / "C29_control_rare_chars_long_text.xlsx"

FORMULA_LOOKING = [
    '=HYPERLINK("http://x","点我")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+8613800001234",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=",
    "==重要：当事人要求保密==",
    "#N/A",
    "#DIV/0!",
]


def write_texts(path: Path, texts: list[str]) -> None:
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("t")
    for text in texts:
        ws.append([text_cell(ws, text)[0]])
    workbook.save(path)


def read_column(path: Path) -> list[openpyxl.cell.cell.Cell]:
    ws = openpyxl.load_workbook(path).active
    return [row[0] for row in ws.iter_rows()]


# -- escaping ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "stored"), [
    ("\r=1+1", "_x000D_=1+1"),
    ("a\x0bb", "a_x000B_b"),
    ("form feed\x0c分页符", "form feed_x000C_分页符"),
    ("\x00", "_x0000_"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("literal _x000D_ text", "literal _x005F_x000D_ text"),
    ("_x000D_x000D_", "_x005F_x000D_x005F_x000D_"),
    ("_x0041\x0b", "_x005F_x0041_x000B_"),
    ("no escapes, 中文 and 𠮷", "no escapes, 中文 and 𠮷"),
])
def test_escape_matches_excel_and_round_trips(text, stored):
    assert escape_text(text) == stored
    assert unescape_text(stored) == text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("_x0123456789ABCDEFabcdef\r\x0b\x0c\x00\t\n中 \ufffe"))))
def test_escape_is_exactly_reversible_on_tricky_alphabets(text):
    assert unescape_text(escape_text(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escape_is_exactly_reversible(text):
    assert unescape_text(escape_text(text)) == text


# -- formula injection ---------------------------------------------------------------------

def test_formula_looking_text_is_written_as_literal_string(tmp_path):
    path = tmp_path / "f.xlsx"
    write_texts(path, FORMULA_LOOKING)
    cells = read_column(path)
    assert [c.data_type for c in cells] == ["s"] * len(FORMULA_LOOKING)
    assert [unescape_text(c.value) for c in cells] == FORMULA_LOOKING
    assert [c.quotePrefix for c in cells] == [needs_quote_prefix(t) for t in FORMULA_LOOKING]
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


@needs_cases
def test_quote_prefix_rule_matches_what_excel_stored_in_c04():
    cells = [c for row in openpyxl.load_workbook(C04).active.iter_rows(min_row=2) for c in row
             if c.data_type == "s"]
    assert len(cells) > 50
    for cell in cells:
        assert cell.quotePrefix == needs_quote_prefix(unescape_text(cell.value)), cell.coordinate


@needs_cases
def test_c04_payloads_survive_our_writer_exactly(tmp_path):
    expected = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
    payloads = [row["exact_text"] for row in expected["C04_formula_injection_free_text.xlsx"]["rows"]]
    excel_stored = {unescape_text(c.value): c.value
                    for row in openpyxl.load_workbook(C04).active.iter_rows(min_row=2)
                    for c in row if c.data_type == "s"}
    path = tmp_path / "c04.xlsx"
    write_texts(path, payloads)
    cells = read_column(path)
    for payload, cell in zip(payloads, cells):
        assert cell.data_type == "s"
        assert unescape_text(cell.value) == payload
        assert cell.value == excel_stored[payload]  # stored the way Excel stores it


# -- control characters, rare characters, long text ------------------------------------------

@needs_cases
def test_c29_texts_are_written_without_illegal_character_errors(tmp_path):
    source = [unescape_text(c.value) for row in openpyxl.load_workbook(C29).active.iter_rows(min_row=2)
              for c in row if c.data_type == "s"]
    assert any("\x0b" in t for t in source) and any("\x0c" in t for t in source)
    assert any(len(t) == MAX_CELL_UNITS for t in source)
    path = tmp_path / "c29.xlsx"
    write_texts(path, source)
    assert [unescape_text(c.value) for c in read_column(path)] == source


def test_fit_text_keeps_text_up_to_the_limit():
    exact = "答" * MAX_CELL_UNITS
    fitted = fit_text(exact)
    assert not fitted.truncated and fitted.stored == exact


def test_fit_text_counts_utf16_units_and_marks_the_cut():
    rare = "𠮷" * 20_000  # 20,000 characters = 40,000 UTF-16 units
    fitted = fit_text(rare)
    assert fitted.truncated
    assert fitted.logical.endswith(TRUNCATION_MARK)
    assert utf16_units(fitted.stored) <= MAX_CELL_UNITS
    assert rare.startswith(fitted.logical[: -len(TRUNCATION_MARK)])
    assert unescape_text(fitted.stored) == fitted.logical


def test_fit_text_never_cuts_inside_an_escape():
    text = "\x0b" * 6000  # each becomes 7 characters
    fitted = fit_text(text)
    assert fitted.truncated
    assert len(fitted.stored) <= MAX_CELL_UNITS
    assert unescape_text(fitted.stored) == fitted.logical
    assert set(fitted.logical[: -len(TRUNCATION_MARK)]) == {"\x0b"}


def test_long_text_written_and_read_back(tmp_path):
    long_advice = ("法官释明了相关法律规定。" * 3000)[:32_000]
    path = tmp_path / "long.xlsx"
    write_texts(path, [long_advice, "𠮷" * 20_000])
    cells = read_column(path)
    assert cells[0].value == long_advice
    assert unescape_text(cells[1].value).endswith(TRUNCATION_MARK)
