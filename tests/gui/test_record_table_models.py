"""Session, visit, person and volunteer-totals models: model contract, SQL paging and sorting."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from liaison_app.domain.education import SessionFilter, SessionForm
from liaison_app.domain.people import Person, PersonFilter, Role
from liaison_app.domain.visits import Activity, VisitFilter
from liaison_app.gui.models.paged_table_model import RecordRole
from liaison_app.gui.models.person_table_model import COL_ACTIVE, COL_NAME, COL_PHONE, PersonTableModel
from liaison_app.gui.models.session_table_model import COL_AUDIENCE, COL_SPEAKERS, COL_TOPIC, SessionTableModel
from liaison_app.gui.models.visit_table_model import COL_ACTIVITIES, COL_HOURS, COL_VOLUNTEER, VisitTableModel
from liaison_app.gui.models.volunteer_totals_table_model import VolunteerTotalsTableModel

from .helpers import make_session, make_visit, make_volunteer


def fetch_all(model) -> None:  # type: ignore[no-untyped-def]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


@pytest.fixture
def volunteer(core, point):
    return make_volunteer(core, point)


@pytest.fixture
def many_sessions(core, point, volunteer):
    """450 sessions over 450 days (more than two pages), in one transaction."""
    with core.db.atomic():
        return [make_session(core, point, volunteer, held_on=date(2026, 11, 28) - timedelta(days=i),
                             topic=f"第{i:03d}场 以案说法", audience=10 + i % 50) for i in range(450)]


def test_session_model_pages_in_sql_and_passes_modeltester(qtmodeltester, core, point, volunteer, many_sessions):
    model = SessionTableModel(core.sessions, point_names={point.id: point.name},
                              person_names={volunteer.id: volunteer.name})
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    assert model.total_count() == 450
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    fetch_all(model)
    assert model.rowCount() == 450
    assert len({model.record_at(r).id for r in range(450)}) == 450
    assert model.record_at(0).held_on == date(2026, 11, 28)  # newest first
    assert model.index(0, model.column_of(COL_SPEAKERS)).data() == "张德昇"
    assert model.index(0, model.column_of(COL_AUDIENCE)).data() == "10人"

    # A fresh model for re-queries: pytest-qt's Python tester stays attached and (a quirk of it)
    # calls fetchMore from its own modelReset handler, before it clears its reset flag.
    model = SessionTableModel(core.sessions)
    model.sort(model.column_of(COL_AUDIENCE), Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "audience" and model.rowCount() == 200
    fetch_all(model)
    audiences = [model.record_at(r).audience for r in range(model.rowCount())]
    assert audiences == sorted(audiences)

    model.set_filter(SessionFilter(text="第007场"))
    assert [model.record_at(r).topic for r in range(model.rowCount())] == ["第007场 以案说法"]


def test_online_session_shows_views(core, point, volunteer):
    make_session(core, point, volunteer, form=SessionForm.ONLINE, audience=0, views=1280)
    model = SessionTableModel(core.sessions)
    assert model.index(0, model.column_of(COL_AUDIENCE)).data() == "线上观看1280人次"
    assert model.index(0, model.column_of(COL_TOPIC)).data(RecordRole).views == 1280


def test_visit_model_sorts_by_hours_in_sql(qtmodeltester, core, point, volunteer):
    other = make_volunteer(core, point, name="马秀兰")
    for day, (arrival, departure) in enumerate([(time(8, 45), time(12, 20)), (time(14, 0), time(15, 35)),
                                                (time(9, 0), time(17, 0))], start=1):
        make_visit(core, point, volunteer if day != 2 else other, visited_on=date(2026, 11, day),
                   arrival=arrival, departure=departure,
                   activities=frozenset({Activity.CONSULTATION, Activity.MEDIATION}))
    names = {volunteer.id: volunteer.name, other.id: other.name}
    model = VisitTableModel(core.visits, point_names={point.id: point.name}, person_names=names)
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    hours = model.column_of(COL_HOURS)
    assert [model.index(r, hours).data() for r in range(3)] == ["8.0", "1.6", "3.6"]  # newest first
    assert model.index(0, model.column_of(COL_ACTIVITIES)).data() == "接待咨询、参与调解"
    assert model.index(0, hours).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    model.sort(hours, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, hours).data() for r in range(3)] == ["8.0", "3.6", "1.6"]
    model.set_filter(VisitFilter(person_id=other.id))
    assert [model.index(r, model.column_of(COL_VOLUNTEER)).data() for r in range(model.rowCount())] == ["马秀兰"]
    assert model.total_count() == 1


def test_person_model_masks_phones_and_greys_inactive(qtmodeltester, core, point, volunteer):
    retired, _ = core.people.save(Person(name="欧阳明珠", role=Role.VOLUNTEER, phone="13812341234"))
    core.people.set_active(retired.id, False)
    model = PersonTableModel(core.people, point_names={point.id: point.name})
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    rows = {model.index(r, model.column_of(COL_NAME)).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"马建国", "张德昇", "欧阳明珠"}
    assert model.record_at(0).role is Role.JUDGE  # judges first
    row = rows["欧阳明珠"]
    assert model.index(row, model.column_of(COL_PHONE)).data() == "138****1234"
    assert model.index(row, model.column_of(COL_ACTIVE)).data() == "已停用"
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    model.sort(model.column_of(COL_NAME), Qt.SortOrder.DescendingOrder)
    assert model.sort_key == "name" and model.descending
    model.set_filter(PersonFilter(role=Role.VOLUNTEER, include_inactive=False))
    assert [model.record_at(r).name for r in range(model.rowCount())] == ["张德昇"]


def test_volunteer_totals_for_month_and_year(qtmodeltester, core, point, volunteer):
    make_visit(core, point, volunteer)                                        # 2026-11-23, 3.6 h
    make_visit(core, point, volunteer, visited_on=date(2026, 3, 2))           # same year
    make_visit(core, point, volunteer, visited_on=date(2025, 12, 30))         # last year
    model = VolunteerTotalsTableModel(core.visits, core.people, "2026-11")
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(0, c).data() for c in range(5)] == ["张德昇", "1", "3.6", "2", "7.2"]
    model.set_period("2025-12")
    assert [model.index(0, c).data() for c in range(5)] == ["张德昇", "1", "3.6", "1", "3.6"]
