"""The volunteer-visit form: round trip, service time shown live, departure before arrival
flagged at once, links to the day's consultations and sessions."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.visits import Activity, VisitFilter
from liaison_app.gui.dialogs.visit_form import VisitForm

from .form_filling import choose
from .helpers import commit_text, make_consultation, make_session, make_visit, make_volunteer


@pytest.fixture
def volunteer(core, point):
    return make_volunteer(core, point)


@pytest.fixture
def open_visit_form(core, signals, show):
    def _open(record_id=None, **kwargs):
        return show(VisitForm(core, signals, record_id, **kwargs))

    return _open


def test_hours_follow_the_times_and_departure_before_arrival_is_flagged(qtbot, point, volunteer, open_visit_form):
    form = open_visit_form()
    v = form.view
    v.arrival_edit.setTime(QTime(8, 45))
    v.departure_edit.setTime(QTime(12, 20))
    assert form.hours_text() == "服务时长：3.6 小时"
    assert form.field_errors() == {}
    v.departure_edit.setTime(QTime(8, 30))
    assert form.hours_text() == "服务时长：—"
    assert form.field_errors() == {"departure": "离开时间应晚于到达时间"}
    assert v.rows["departure"].error_label.isVisible()
    v.departure_edit.setTime(QTime(10, 20))
    assert form.hours_text() == "服务时长：1.6 小时"   # 95 minutes, rounded half up
    assert form.field_errors() == {}


def test_round_trip_with_links(qtbot, core, point, volunteer, open_visit_form):
    day = datetime(2026, 11, 23, 9, 40, tzinfo=CHINA_TZ)
    received, _ = core.consultations.save(make_consultation(core, point, received_at=day))
    core.consultations.save(make_consultation(core, point, received_at=day.replace(day=22), visitor_name="周堃"))
    session = make_session(core, point, volunteer, held_on=date(2026, 11, 23))
    other = make_volunteer(core, point, name="马秀兰")

    form = open_visit_form()
    v = form.view
    choose(v.person_combo, other.id)
    v.date_edit.setDate(QDate(2026, 11, 23))
    assert v.consultation_list.ids() == [received.id]          # only that day, that point
    assert "王*" in v.consultation_list.item(0).text()         # masked in the list
    assert v.session_list.ids() == [session.id]
    v.arrival_edit.setTime(QTime(8, 45))
    v.departure_edit.setTime(QTime(12, 20))
    v.consultation_list.set_item_checked(received.id, True)
    assert v.activity_boxes[Activity.CONSULTATION].isChecked()  # linking ticks the activity
    qtbot.mouseClick(v.activity_boxes[Activity.MEDIATION], Qt.MouseButton.LeftButton)
    commit_text(v.notes_edit, "协助调解赡养纠纷")
    with qtbot.waitSignal(form.sig_saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    record = core.visits.get(saved.args[0].id)
    assert (record.person_id, record.point_id, record.visited_on) == (other.id, point.id, date(2026, 11, 23))
    assert (record.arrival, record.departure) == (time(8, 45), time(12, 20))
    assert record.activities == {Activity.CONSULTATION, Activity.MEDIATION}
    assert record.consultation_ids == {received.id} and record.session_ids == frozenset()
    assert record.notes == "协助调解赡养纠纷"
    again = open_visit_form(record.id)
    assert again.state() == form.state()
    assert again.hours_text() == "服务时长：3.6 小时"


def test_save_refused_with_messages_beside_fields(qtbot, core, point, volunteer, open_visit_form):
    form = open_visit_form()
    form.view.departure_edit.setTime(QTime(8, 0))
    assert not form.save()
    errors = form.field_errors()
    assert set(errors) == {"departure", "activities"}
    assert errors["activities"] == "请至少选择一项服务内容"
    assert core.visits.count(VisitFilter()) == 0


def test_deactivated_volunteer_of_an_edited_visit_is_still_shown(qtbot, core, point, volunteer, open_visit_form):
    visit = make_visit(core, point, volunteer)
    core.people.set_active(volunteer.id, False)
    form = open_visit_form(visit.id)
    assert form.view.person_combo.currentData() == volunteer.id
    assert "已停用" in form.view.person_combo.currentText()
    assert not form.is_dirty()
