"""ConsultationTableModel: model contract, SQL paging, SQL sorting, masking."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.models.consultation_table_model import (
    COL_FOLLOWUP,
    COL_PHONE,
    COL_VISITOR,
    RecordRole,
    ConsultationTableModel,
)

from .helpers import insert_consultations, make_consultation


@pytest.fixture
def filled(core, point):
    """450 consultations: more than two pages."""
    return insert_consultations(core, point, 450)


def fetch_all(model: ConsultationTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_pages_through_sql_and_passes_modeltester(qtmodeltester, core, point, filled):
    model = ConsultationTableModel(core.consultations, point_names={point.id: point.name})
    assert model.rowCount() == 200  # one page, not the whole table
    assert model.canFetchMore(QModelIndex())
    assert model.total_count() == 450

    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)

    fetch_all(model)
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    ids = [model.record_at(row).id for row in range(model.rowCount())]
    assert len(set(ids)) == 450
    # Default order: newest first.
    assert model.record_at(0).received_at > model.record_at(449).received_at


def test_header_click_sorts_in_sql_and_requeries(core, point, filled):
    model = ConsultationTableModel(core.consultations, point_names={point.id: point.name})
    visitor_column = model.column_of(COL_VISITOR)
    model.sort(visitor_column, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "visitor_name" and not model.descending
    assert model.rowCount() == 200
    fetch_all(model)
    names = [model.record_at(row).visitor_name for row in range(model.rowCount())]
    assert names == sorted(names)


def test_masks_names_and_phones(core, point):
    core.consultations.save(make_consultation(core, point, visitor_name="欧阳明珠", phone="13812341234"))
    model = ConsultationTableModel(core.consultations)
    assert model.index(0, model.column_of(COL_VISITOR)).data() == "欧***"
    assert model.index(0, model.column_of(COL_PHONE)).data() == "138****1234"
    assert model.index(0, 0).data(RecordRole).visitor_name == "欧阳明珠"


def test_overdue_follow_up_is_red_and_filter_requeries(core, point):
    received = core.now() - timedelta(days=20)
    core.consultations.save(make_consultation(
        core, point, received_at=received, outcome=Outcome.MEDIATION,
        followup_due=received.date() + timedelta(days=7)))
    core.consultations.save(make_consultation(core, point))
    model = ConsultationTableModel(core.consultations)
    assert model.rowCount() == 2
    model.set_filter(ConsultationFilter(followup=FollowUpState.OVERDUE))
    assert model.rowCount() == 1
    index = model.index(0, model.column_of(COL_FOLLOWUP))
    assert index.data().startswith("已逾期")
    assert index.data(Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
