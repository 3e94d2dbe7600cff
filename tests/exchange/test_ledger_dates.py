"""Dates as ledgers hold them: every form, never a 1900 date, never a rolled-over date."""

from datetime import date, datetime, time

import pytest

from liaison_app.exchange.ledger.dates import DateContext, DateValue, YearHint, find_year, parse_date, parse_time_range
from liaison_app.exchange.ledger.reader import read_ledger

from tests.helpers.ledgers import CASES, expected, needs_cases

TODAY = date(2026, 11, 29)
CTX = DateContext(today=TODAY)
HINT = DateContext(today=TODAY, year_hint=YearHint(2024, "表头“2024年法律咨询台账”"))


@pytest.mark.parametrize("value, day, at", [
    (datetime(2024, 3, 5), date(2024, 3, 5), None),
    (datetime(2024, 3, 5, 14, 30), date(2024, 3, 5), time(14, 30)),
    (date(2024, 3, 5), date(2024, 3, 5), None),
    (45356, date(2024, 3, 5), None),            # serial, General format
    (45356.0, date(2024, 3, 5), None),          # calamine gives floats
    (45356.5, date(2024, 3, 5), time(12, 0)),   # serial with a time part
    (20240305, date(2024, 3, 5), None),         # yyyymmdd typed as a number
    ("2024.3.5", date(2024, 3, 5), None),
    ("2024.03.05", date(2024, 3, 5), None),
    ("2024年3月5日", date(2024, 3, 5), None),
    ("２０２４年３月５日", date(2024, 3, 5), None),
    ("2024/3/5", date(2024, 3, 5), None),
    ("2024/03/05", date(2024, 3, 5), None),
    ("2024-3-5", date(2024, 3, 5), None),
    ("24.3.5", date(2024, 3, 5), None),
    ("2024.3.5.", date(2024, 3, 5), None),
    ("二〇二四年三月五日", date(2024, 3, 5), None),
    ("二〇二四年十二月三十一日", date(2024, 12, 31), None),
    ("2024.2.29", date(2024, 2, 29), None),
    ("2024-03-05 上午", date(2024, 3, 5), None),
    ("2024-03-05 14:30", date(2024, 3, 5), time(14, 30)),
    ("2024年3月5日下午3点", date(2024, 3, 5), time(15, 0)),
    ("2024-03-05T10:00:00+08:00", date(2024, 3, 5), time(10, 0)),
    ("2024-03-05T02:00:00+00:00", date(2024, 3, 5), time(10, 0)),  # converted to China time
    ("20240305", date(2024, 3, 5), None),
    (" 2024-03-05\u00a0", date(2024, 3, 5), None),
])
def test_accepted_forms(value, day, at):
    result = parse_date(value, CTX)
    assert result.errors == ()
    assert result.value == DateValue(day, at)


@pytest.mark.parametrize("value, words", [
    (3.05, "月.日"),                 # 3.05 typed as a number: never 1900-01-03
    ("2024年3月", "没有日"),
    ("03/05/2024", "哪月哪日"),
    ("2024.13.5", "月份13不存在"),
    ("2023.2.29", "2023年2月没有29日"),   # never rolled over to March 1
    ("2024-02-30", "2024年2月没有30日"),
    (date(1900, 2, 28), "早于2000年"),    # what serial 60 (the phantom 1900-02-29) reads as
    (datetime(1900, 1, 3), "早于2000年"),
    (60, "不是日期"),
    ("2027-01-01", "晚于今天"),
    ("昨天", "无法识别"),
    (time(9, 30), "只有时刻"),
    ("3月5日", "没有年份"),               # no year anywhere → flagged, never 1900
])
def test_refused_forms_keep_the_raw_text(value, words):
    result = parse_date(value, CTX)
    assert result.value is None
    assert len(result.errors) == 1 and words in result.errors[0]


def test_month_day_takes_the_year_from_the_title_and_says_so():
    result = parse_date("3月5日", HINT)
    assert result.value == DateValue(date(2024, 3, 5))
    assert any("表头“2024年法律咨询台账”" in n for n in result.notes)
    assert parse_date("3.5", HINT).value == DateValue(date(2024, 3, 5))  # text, not a number
    assert parse_date(3.05, HINT).errors  # a number stays ambiguous even with a year


def test_blank_is_none_without_message():
    for blank in (None, "", "  ", "\u3000"):
        result = parse_date(blank, CTX)
        assert result.value is None and result.errors == () and result.warnings == ()


def test_1904_date_system_serials():
    assert parse_date(43894, DateContext(today=TODAY, epoch_1904=True)).value == DateValue(date(2024, 3, 5))


@pytest.mark.parametrize("text, start, end", [
    ("9:00-11:00", time(9), time(11)),
    ("9:00—11:30", time(9), time(11, 30)),
    ("14:30~16:00", time(14, 30), time(16)),
    ("上午9点至11点", time(9), time(11)),
    ("下午3点到5点", time(15), time(17)),
    ("９：３０－１１：００", time(9, 30), time(11)),
])
def test_time_ranges(text, start, end):
    assert parse_time_range(text).value == (start, end)


def test_years_in_titles_sheet_and_file_names():
    assert find_year("2024年宁安镇法官联系点法律咨询登记台账") == 2024
    assert find_year("二〇二三年台账") == 2023
    assert find_year("2024.3") == 2024
    assert find_year("3月") is None


@needs_cases
def test_c24_date_matrix_row_by_row():
    """shared/cases/C24: the right date, or the field flagged with the raw text kept."""
    grid = read_ledger(CASES / "C24_date_matrix.xlsx").sheets[0]
    rows = {int(r[0]): r[1] for r in grid.rows[1:]}
    for case in expected("C24_date_matrix.xlsx")["rows"]:
        result = parse_date(rows[case["seq"]], CTX)
        want = case["expect"]
        if want.startswith("2024-"):
            assert result.errors == (), (case, result)
            assert result.value.day == date.fromisoformat(want[:10]), case
        elif want.startswith("blank"):
            assert result.value is None and not result.errors
        else:  # flag / reject: nothing stored, a message quoting the raw value
            assert result.value is None and result.errors, case
            assert result.raw in result.errors[0] or "没有年份" in result.errors[0] or "没有日" in result.errors[0], case
        if result.value is not None:
            assert result.value.day.year >= 2000


def test_never_a_1900_date_nor_a_future_one_whatever_the_cell():
    from hypothesis import given, settings, strategies as st

    from liaison_app.exchange.ledger.cells import is_blank

    cells = st.one_of(st.text(max_size=30), st.integers(-10**9, 10**9), st.floats(allow_nan=True),
                      st.dates(), st.datetimes(), st.none(), st.booleans())

    @settings(max_examples=300, deadline=None)
    @given(cells)
    def check(value):
        result = parse_date(value, HINT)
        if result.value is not None:
            assert date(2000, 1, 1) <= result.value.day <= TODAY
            assert not result.errors
        else:
            assert result.errors or is_blank(value)  # a non-blank cell that is no date says why

    check()
