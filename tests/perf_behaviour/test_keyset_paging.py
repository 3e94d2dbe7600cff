"""The consultation list pages by key (WHERE (key, id) > (?, ?)), never by OFFSET, and the pages
put together are exactly the sorted list — across long runs of ties, in both directions, for
every sort key, with and without filters (property test against a sorted Python list)."""

from __future__ import annotations

import math
import shutil
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.text import normalise_for_search
from liaison_app.storage import consultations as storage_consultations
from liaison_app.storage.consultations import LIST_SORTS, search_text_of
from liaison_app.storage.database import open_database

from tests.conftest import FIXED_NOW
from tests.perf_behaviour.helpers import add_points, bulk_consultations


@pytest.fixture(scope="module")
def listed(migrated_template, tmp_path_factory):
    """A core with 4 points and 700 consultations full of ties (5% deleted), built once."""
    path = tmp_path_factory.mktemp("keyset") / "liaison.db"
    shutil.copy(migrated_template, path)
    core = Core(open_database(path), path, now=lambda: FIXED_NOW)
    points = add_points(core, 4)
    records = bulk_consultations(core, points, 700, seed=7)
    yield core, records
    core.close()


def sort_key(core: Core, sort: str):  # type: ignore[no-untyped-def]
    """The order list_page promises for ``sort``, as a Python key (ties broken by id)."""
    point_rank = {r[0]: (r[1], r[2]) for r in core.db.execute("SELECT id, name, rowid FROM liaison_point")}
    category_rank = {r[0]: (r[1], r[2]) for r in core.db.execute("SELECT code, sort_order, rowid FROM category")}

    def day(value):  # type: ignore[no-untyped-def]
        return value.isoformat() if value else None

    keys = {
        "received_at": lambda r: clock.to_iso(r.received_at),
        "visitor_name": lambda r: r.visitor_name,
        "phone": lambda r: r.phone,
        "village": lambda r: r.village,
        "outcome": lambda r: r.outcome.value,
        "followup_due": lambda r: day(r.followup_done) or day(r.followup_due) or "9999",
        "point": lambda r: point_rank[r.point_id],
        "category": lambda r: category_rank[r.category_code],
        "mode": lambda r: r.mode.value,
        "receiver_name": lambda r: r.receiver_name,
        "paper_form_no": lambda r: r.paper_form_no or "",
    }
    assert set(keys) == set(LIST_SORTS)
    return lambda r: (keys[sort](r), r.id)


def read_all_pages(core: Core, flt: ConsultationFilter, sort: str, descending: bool, size: int):
    """Every page in turn; returns (ids, number of pages read)."""
    ids: list[str] = []
    after = None
    pages = 0
    while True:
        page = core.consultations.list_page(flt, sort=sort, descending=descending, after=after, limit=size)
        pages += 1
        assert len(page.rows) <= size
        ids += [row.id for row in page.rows]
        if not page.has_more:
            return ids, pages
        assert len(page.rows) == size
        after = page.after


filters = st.builds(
    ConsultationFilter,
    point_id=st.none(),
    outcome=st.one_of(st.none(), st.sampled_from([Outcome.ANSWERED, Outcome.MEDIATION])),
    text=st.sampled_from(["", "王", "离婚", "王秀英", "宅基地", "1111"]),
    include_deleted=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sort=st.sampled_from(sorted(LIST_SORTS)), descending=st.booleans(),
       size=st.sampled_from([1, 7, 50, 200, 1000]), flt=filters, text_drives=st.booleans())
def test_pages_put_together_are_the_sorted_list(listed, sort, descending, size, flt, text_drives):
    """``text_drives`` False makes every search walk the sort index (as a search with thousands
    of matches does) instead of reading the matches through the full-text index."""
    core, records = listed
    needle = normalise_for_search(flt.text)
    expected = [r for r in records
                if (flt.include_deleted or not r.deleted)
                and (flt.outcome is None or r.outcome is flt.outcome)
                and (not needle or needle in search_text_of(r))]
    expected.sort(key=sort_key(core, sort), reverse=descending)

    with mock.patch.object(storage_consultations, "DRIVE_BY_TEXT_MAX", 10**9 if text_drives else -1):
        ids, pages = read_all_pages(core, flt, sort, descending, size)

    assert ids == [r.id for r in expected]
    assert pages == max(1, math.ceil(len(expected) / size))
    assert core.consultations.count(flt) == len(expected)


def test_a_point_filter_and_grouped_sorts_agree(listed):
    core, records = listed
    point_id = records[0].point_id
    for sort in ("point", "category"):
        flt = ConsultationFilter(point_id=point_id)
        ids, _ = read_all_pages(core, flt, sort, False, 13)
        expected = sorted((r for r in records if r.point_id == point_id and not r.deleted), key=sort_key(core, sort))
        assert ids == [r.id for r in expected]


def test_no_page_uses_offset(listed):
    core, _ = listed
    statements: list[str] = []
    core.db.conn.set_trace_callback(statements.append)
    try:
        _, received_pages = read_all_pages(core, ConsultationFilter(), "received_at", True, 100)
        read_all_pages(core, ConsultationFilter(), "point", False, 100)
    finally:
        core.db.conn.set_trace_callback(None)
    pages = [s for s in statements if s.startswith("SELECT c.id")]
    assert pages and not any("OFFSET" in s.upper() for s in pages)
    # Each page after the first starts after the previous page's last (key, id), a row value.
    assert sum("(c.received_at, c.id) < (" in s for s in pages) == received_pages - 1


def test_every_list_sort_reads_an_index_not_the_table(listed):
    """EXPLAIN QUERY PLAN of a first and a later page: the sort key's index, no sort step."""
    core, _ = listed
    repo = core.consultations.repo
    plans: dict[str, list[str]] = {}
    original = repo.db.execute

    def explain(sql, params=()):  # type: ignore[no-untyped-def]
        if sql.startswith("SELECT c.id"):
            plans.setdefault(current, []).extend(r[-1] for r in original("EXPLAIN QUERY PLAN " + sql, params))
        return original(sql, params)

    repo.db.execute = explain  # type: ignore[method-assign]
    try:
        for current in ("received_at", "visitor_name", "phone", "village", "outcome", "followup_due",
                        "point", "category"):
            for descending in (False, True):
                first = core.consultations.list_page(ConsultationFilter(), sort=current, descending=descending,
                                                     limit=20)
                core.consultations.list_page(ConsultationFilter(), sort=current, descending=descending,
                                             after=first.after, limit=20)
    finally:
        del repo.db.execute
    for sort, details in plans.items():
        assert any("consultation_list_" in d for d in details), (sort, details)
        assert not any("TEMP B-TREE" in d for d in details), (sort, details)
        assert "SCAN c" not in details, (sort, details)
