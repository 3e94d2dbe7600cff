"""The whole-column shortcuts of the court's check give what the value-by-value definitions give:
dates and datetimes checked on a column's smallest and largest value (``batch_checks``), the
checksum's lines written a sheet at a time (``Checksum.add_canonical_rows``), the test for
characters the checksum escapes (``has_unreadable``) and the formula scan's first look
(``batch_reader._may_hold_formula``)."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_reader import _may_hold_formula

from tests.perf_behaviour.test_fast_checks import C, COLUMN, outcome, raw_batch, slow_outcome, spoil  # noqa: F401

EDGE_CASES = {
    "a datetime with an offset": [(C, 5, COLUMN["接待时间"], datetime(2026, 11, 3, 9, 30, tzinfo=CHINA_TZ))],
    "a datetime in UTC": [(C, 5, COLUMN["更新时间"], datetime(2026, 11, 3, 9, 30, tzinfo=timezone.utc))],
    "an update in 2101": [(C, 6, COLUMN["更新时间"], datetime(2101, 1, 1, 9, 30))],
    "an update in 1999": [(C, 6, COLUMN["更新时间"], datetime(1999, 12, 31, 23, 59, 59))],
    "an update at midnight (a date)": [(C, 6, COLUMN["更新时间"], date(2026, 11, 20))],
    "midnight dates at both ends of the month": [(C, 4, COLUMN["接待时间"], date(2026, 11, 1)),
                                                (C, 5, COLUMN["接待时间"], date(2026, 11, 30))],
    "the first second of the next month": [(C, 4, COLUMN["接待时间"], datetime(2026, 12, 1, 0, 0, 1))],
    "the last second of the month": [(C, 4, COLUMN["接待时间"], datetime(2026, 11, 30, 23, 59, 59))],
    "a follow-up due in 2101": [(C, 7, COLUMN["回访期限"], date(2101, 1, 1))],
    "a follow-up done in 1999": [(C, 7, COLUMN["回访日期"], date(1999, 12, 31))],
    "None in a date column": [(C, 7, COLUMN["回访期限"], None)],
    "blank text in a date column": [(C, 7, COLUMN["回访日期"], "  ")],
    "date text in a date column": [(C, 7, COLUMN["回访期限"], "2026-11-20")],
    "a datetime in a date column": [(C, 8, COLUMN["回访期限"], datetime(2026, 11, 20, 9, 30))],
    "an id number in a masked batch": [(C, 8, COLUMN["身份证号"], "640521199001010012")],
    "a bad visitor key": [(C, 9, COLUMN["来访人标识"], "0" * 63 + "g")],
    "a visitor key with a newline": [(C, 9, COLUMN["来访人标识"], "0" * 64 + "\n")],
    "a quote and a backslash": [(C, 9, COLUMN["咨询事项"], '他说"这\\那"')],
    "a line break and a tab": [(C, 9, COLUMN["答复意见"], "先调解\n再起诉\t")],
    "a control character": [(C, 9, COLUMN["答复情况"], "x\x07y")],
    "a lone surrogate": [(C, 10, COLUMN["答复情况"], "x\ud800y")],
    "a line separator": [(C, 10, COLUMN["村/社区"], "宁安\u2028村")],
    "rows meeting marks in a text": [(C, 10, COLUMN["村/社区"], '"],["')],
}


@pytest.mark.parametrize("edits", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_each_shortcut_gets_the_same_answer_as_the_definition(raw_batch, edits):  # noqa: F811
    raw = spoil(raw_batch, edits)
    assert outcome(raw) == slow_outcome(raw)


texts = st.text(alphabet=st.sampled_from(['"', "\\", "]", "[", ",", "\n", "\x00", "\x1f", "\x7f", "a", " ",
                                          "中", "\u3000", "\u2028", "\ud800", "\ufffe", "\uffff", "é"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(sheet=st.sampled_from([*fmt.DATA_SHEETS, 'a"b', "x\\y"]),
       rows=st.lists(st.lists(texts, max_size=4), max_size=5))
def test_a_sheet_at_a_time_writes_the_lines_row_by_row_writes(sheet, rows):
    clean = [[fmt.canonical_text(v) if not fmt.has_unreadable(v) else "" for v in row] for row in rows]
    one = fmt.Checksum()
    for row in clean:
        one.add_canonical_row(sheet, row)
    many = fmt.Checksum()
    many.add_canonical_rows(sheet, clean)
    assert many.hexdigest() == one.hexdigest()


@given(st.text(alphabet=st.sampled_from(["a", "中", "\ud800", "\udfff", "\ufffe", "\uffff", "\ufffd", "\U0001F600"])))
def test_has_unreadable_is_the_pattern(text):
    assert fmt.has_unreadable(text) == (re.search("[\ud800-\udfff\ufffe\uffff]", text) is not None)


@given(st.binary(max_size=40).map(lambda b: bytes(b"<:f> "[x % 5] for x in b)))
def test_the_formula_look_is_the_plain_search(xml):
    assert _may_hold_formula(xml) == (b"<f" in xml or b":f" in xml)


@pytest.mark.parametrize("tail", [b"", b"<f>1</f>", b"<x:f/>", b":f"])
def test_the_formula_look_at_a_sheet_full_of_fs(tail):
    xml = b"<row>" + b"f" * 25_000 + b"</row>" + tail
    assert _may_hold_formula(xml) == (b"<f" in xml or b":f" in xml)
