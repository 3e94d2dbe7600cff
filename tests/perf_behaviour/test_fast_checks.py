"""The court's column-by-column check of a clean sheet (``batch_checks._fast_rows``) gives exactly
what the row-by-row check gives — the same rows, checksum and warnings for a clean batch, the
same problems for a spoilt one (property test: random cells of a real batch changed)."""

from __future__ import annotations

import copy
import shutil
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_app.core import Core
from liaison_app.core.exports import ExportService
from liaison_app.exchange import batch_checks
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_checks import check_batch
from liaison_app.exchange.batch_reader import BatchFileError, read_workbook
from liaison_app.storage.database import open_database
from liaison_app.storage.migrations import read_category_seed

from tests.conftest import FIXED_NOW
from tests.perf_behaviour.helpers import add_points, bulk_consultations

CODES = {r["code"] for r in read_category_seed()}


@pytest.fixture(scope="module")
def raw_batch(migrated_template, tmp_path_factory):
    """A real batch of this month (60 consultations, some deleted), as read by the court."""
    folder = tmp_path_factory.mktemp("fast_checks")
    path = folder / "liaison.db"
    shutil.copy(migrated_template, path)
    core = Core(open_database(path), path, now=lambda: FIXED_NOW)
    point = add_points(core, 1)[0]
    records = bulk_consultations(core, [point], 60, seed=3, deleted_share=0.1)
    month = [replace(r, received_at=FIXED_NOW - timedelta(hours=n), id=f"{n:08d}-0000-4000-8000-000000000000",
                     paper_form_no="", updated_at=FIXED_NOW) for n, r in enumerate(records)]
    with core.db.atomic():
        core.db.execute("DELETE FROM consultation")
        core.consultations.repo.insert_many(month)
    service = ExportService(core)
    service.set_court_key("court-key-for-the-test-123456")
    batch = service.export_month("2026-11", folder / "out")[0]
    core.close()
    return read_workbook(batch, (fmt.SHEET_MANIFEST, *fmt.DATA_SHEETS))


def outcome(raw):  # type: ignore[no-untyped-def]
    """What check_batch gives: the checked batch's content, or the problems it raises."""
    try:
        checked = check_batch(raw, category_codes=CODES, accept_edited=True)
    except BatchFileError as exc:
        return ("refused", [p.text() for p in exc.problems])
    return ("accepted", checked.rows, checked.computed_checksum, checked.checksum_ok, checked.warnings)


def slow_outcome(raw):  # type: ignore[no-untyped-def]
    with mock.patch.object(batch_checks, "_fast_rows", lambda *args: None):
        return outcome(raw)


def test_a_clean_batch_takes_the_fast_path_with_the_same_result(raw_batch):
    calls: list[object] = []
    original = batch_checks._fast_rows

    def spy(*args):  # type: ignore[no-untyped-def]
        result = original(*args)
        calls.append(result is not None)
        return result

    with mock.patch.object(batch_checks, "_fast_rows", spy):
        fast = outcome(raw_batch)
    assert calls == [True] * len(fmt.SHEET_SPECS)
    assert fast[0] == "accepted" and fast[3]  # checksum ok
    assert fast == slow_outcome(raw_batch)


def spoil(raw_batch, edits, blank_row=False):  # type: ignore[no-untyped-def]
    raw = copy.deepcopy(raw_batch)
    for sheet, row, column, value in edits:
        rows = raw.sheets[sheet]
        if row >= len(rows):
            continue
        cells = rows[row]
        if column >= len(cells):
            cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = value
    if blank_row and len(raw.sheets[fmt.SHEET_CONSULTATIONS]) > 3:
        raw.sheets[fmt.SHEET_CONSULTATIONS][2] = [""] * len(raw.sheets[fmt.SHEET_CONSULTATIONS][2])
    return raw


C = fmt.SHEET_CONSULTATIONS
COLUMN = {c.header: i for i, c in enumerate(fmt.CONSULTATION_COLUMNS)}
EDGE_CASES = {
    "whitespace-only text": [(C, 3, COLUMN["村/社区"], "  ")],
    "ideographic space": [(C, 3, COLUMN["答复情况"], "\u3000")],
    "no-break space in a required word": [(C, 3, COLUMN["接待方式"], "\xa0")],
    "text U+FFFE": [(C, 4, COLUMN["咨询事项"], "问\ufffe")],
    "a number in a text column": [(C, 4, COLUMN["联系电话"], 13800001111)],
    "datetime with microseconds": [(C, 5, COLUMN["接待时间"], datetime(2026, 11, 3, 9, 30, 0, 500_000))],
    "a midnight date in a datetime column": [(C, 5, COLUMN["接待时间"], date(2026, 11, 3))],
    "a datetime outside the month": [(C, 5, COLUMN["接待时间"], datetime(2026, 10, 3, 9, 30))],
    "a datetime at midnight in a date column": [(C, 6, COLUMN["回访期限"], datetime(2026, 11, 3))],
    "a time in a date column": [(C, 6, COLUMN["回访期限"], time(9, 30))],
    "a year 1900 date": [(C, 6, COLUMN["回访期限"], date(1900, 1, 1))],
    "a wrong word": [(C, 7, COLUMN["处理方式"], "不知道")],
    "a multi-word list ending in 、": [(C, 7, COLUMN["特殊群体"], "老年人、")],
    "a repeated id": [(C, 8, 0, "00000001-0000-4000-8000-000000000000")],
    "a bad id": [(C, 8, 0, "not-a-uuid")],
    "an empty extra cell": [(C, 9, len(COLUMN), "")],
    "a blank extra cell": [(C, 9, len(COLUMN), "  ")],
    "text beside the table": [(C, 9, len(COLUMN) + 2, "备注")],
    "an unknown category": [(C, 10, COLUMN["纠纷类型编码"], "XXX-YYY")],
    "a full phone in a masked batch": [(C, 10, COLUMN["联系电话"], "13800001111")],
    "a formula-looking text": [(C, 10, COLUMN["答复意见"], "=1+1")],
}


@pytest.mark.parametrize("edits", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_each_kind_of_damage_gets_the_same_answer_either_way(raw_batch, edits):
    raw = spoil(raw_batch, edits)
    assert outcome(raw) == slow_outcome(raw)


def test_a_blank_row_gets_the_same_answer_either_way(raw_batch):
    raw = spoil(raw_batch, [], blank_row=True)
    assert outcome(raw)[0] == "refused" and outcome(raw) == slow_outcome(raw)


cell_values = st.one_of(
    st.none(), st.sampled_from(["", "  ", "\u3000", "\xa0"]), st.integers(-3, 3), st.floats(-2, 2),
    st.booleans(), st.sampled_from(["现场", "电话", "有效", "已删除", "男", "老年人、妇女", "老年人、", "x", "=1+1"]),
    st.text(max_size=6),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from([datetime(2026, 11, 3, 9, 30), datetime(2026, 11, 3, 9, 30, 0, 500_000), date(2026, 11, 3),
                     time(9, 30), "00000001-0000-4000-8000-000000000000"]),
)
sheets = st.sampled_from([C, C, C, *fmt.DATA_SHEETS])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(sheets, st.integers(1, 62), st.integers(0, 28), cell_values), min_size=1,
                      max_size=3))
def test_a_spoilt_batch_gets_the_same_answer_either_way(raw_batch, edits):
    raw = spoil(raw_batch, edits)
    assert outcome(raw) == slow_outcome(raw)
