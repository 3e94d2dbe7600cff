"""The consultation list model never loads the whole table: one page of light rows on open, one
more page per ``fetchMore`` (continuing after the previous page's key), the full record only
when a row is opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from liaison_app.domain.records import ConsultationFilter, ConsultationListRow
from liaison_app.gui.models.consultation_table_model import (
    COL_VISITOR,
    ConsultationTableModel,
    RecordRole,
)

from tests.perf_behaviour.helpers import add_points, bulk_consultations

ROWS = 5000


class CountingService:
    """The consultation service, recording each list_page call (limit and position)."""

    def __init__(self, service):  # type: ignore[no-untyped-def]
        self._service = service
        self.calls: list[tuple[int, object]] = []

    def list_page(self, flt, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append((kwargs["limit"], kwargs.get("after")))
        return self._service.list_page(flt, **kwargs)

    def page(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the list model must not read whole records")

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self._service, name)


@pytest.fixture
def big(core):
    points = add_points(core, 3)
    records = bulk_consultations(core, points, ROWS, deleted_share=0.02)
    return CountingService(core.consultations), records


def test_opening_reads_one_page_of_light_rows(qapp, qtmodeltester, big):
    service, records = big
    qtmodeltester.check(ConsultationTableModel(service))
    qtmodeltester.check(ConsultationTableModel(service), force_py=True)
    service.calls.clear()
    model = ConsultationTableModel(service)
    assert model.rowCount() == model.PAGE_SIZE  # not the 4,900 live rows
    assert service.calls == [(model.PAGE_SIZE, None)]
    assert model.canFetchMore(QModelIndex())
    row = model.index(0, 0).data(RecordRole)
    assert isinstance(row, ConsultationListRow) and not hasattr(row, "question")
    newest = max((r for r in records if not r.deleted), key=lambda r: (r.received_at, r.id))
    assert row.id == newest.id


def test_fetch_more_adds_one_page_after_the_last_key(qapp, big):
    service, records = big
    model = ConsultationTableModel(service)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * model.PAGE_SIZE
    assert len(service.calls) == 2
    limit, after = service.calls[1]
    assert limit == model.PAGE_SIZE and after is not None  # keyset position, not an offset
    last = model.record_at(model.PAGE_SIZE - 1)
    assert after[1] == last.id  # type: ignore[index]


def test_scrolling_to_the_end_fetches_each_row_once_in_order(qapp, big):
    service, records = big
    model = ConsultationTableModel(service)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    live = sorted((r for r in records if not r.deleted), key=lambda r: (r.received_at, r.id), reverse=True)
    assert [model.record_at(i).id for i in range(model.rowCount())] == [r.id for r in live]
    assert len(service.calls) == -(-len(live) // model.PAGE_SIZE)
    assert model.total_count() == len(live)


def test_sort_and_filter_requery_one_page(qapp, big):
    service, _ = big
    model = ConsultationTableModel(service)
    service.calls.clear()
    model.sort(model.column_of(COL_VISITOR), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == model.PAGE_SIZE and service.calls == [(model.PAGE_SIZE, None)]
    names = [model.record_at(i).visitor_name for i in range(model.rowCount())]
    assert names == sorted(names)
    service.calls.clear()
    model.set_filter(ConsultationFilter(text="王"))
    assert service.calls == [(model.PAGE_SIZE, None)]


def test_refresh_keeps_the_loaded_rows_in_one_query(qapp, big):
    service, _ = big
    model = ConsultationTableModel(service)
    model.fetchMore(QModelIndex())
    service.calls.clear()
    model.refresh()
    assert model.rowCount() == 2 * model.PAGE_SIZE
    assert service.calls == [(2 * model.PAGE_SIZE, None)]
