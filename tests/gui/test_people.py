"""People: the person form (availability grid, monthly cap) and the people page (停用 instead
of 删除 for people with records, undoable delete for the others)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from liaison_app.domain.changes import Changes
from liaison_app.domain.people import HalfDay, Role, WeeklySlot
from liaison_app.gui.dialogs.person_form import PersonForm
from liaison_app.gui.pages.person_list_page import PersonListPage
from liaison_app.gui.views.person_form_view import CAP_UNLIMITED

from .form_filling import choose
from .helpers import commit_text, make_visit, make_volunteer


@pytest.fixture
def open_person_form(core, signals, show):
    def _open(record_id=None, **kwargs):
        return show(PersonForm(core, signals, record_id, **kwargs))

    return _open


def test_volunteer_round_trip_with_availability_grid(qtbot, core, point, open_person_form):
    form = open_person_form()
    v = form.view
    assert v.volunteer_group.isVisible()   # a new person is a volunteer unless the list says otherwise
    commit_text(v.name_edit, "杨喆")
    qtbot.keyClicks(v.phone_edit, "139 5100 0002")
    commit_text(v.former_court_edit, "金凤区人民法院")
    commit_text(v.post_edit, "审判员")
    assert v.point_list.checked_ids() == [point.id]     # the only point is proposed
    grid = v.availability_grid
    for slot in (WeeklySlot(0, HalfDay.AM), WeeklySlot(2, HalfDay.PM), WeeklySlot(6, HalfDay.AM)):
        qtbot.mouseClick(grid.boxes[slot], Qt.MouseButton.LeftButton)
    assert grid.boxes[WeeklySlot(0, HalfDay.AM)].height() >= 28   # large enough to hit
    assert v.cap_spin.text() == "不限"
    v.cap_spin.setValue(8)
    commit_text(v.note_edit, "周三下午需提前电话确认")
    with qtbot.waitSignal(form.sig_saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    person = core.people.get(saved.args[0].id)
    assert (person.name, person.role, person.phone) == ("杨喆", Role.VOLUNTEER, "13951000002")
    assert (person.former_court, person.post) == ("金凤区人民法院", "审判员")
    assert person.point_ids == {point.id}
    assert person.availability == {WeeklySlot(0, HalfDay.AM), WeeklySlot(2, HalfDay.PM), WeeklySlot(6, HalfDay.AM)}
    assert person.monthly_cap == 8
    assert person.note == "周三下午需提前电话确认"

    again = open_person_form(person.id)
    assert again.view.availability_grid.slots() == person.availability
    assert again.view.cap_spin.value() == 8
    assert again.state() == {**form.state(), "phone": "13951000002"}   # stored normalised
    again.view.cap_spin.setValue(CAP_UNLIMITED)            # back to 不限
    qtbot.mouseClick(again.view.availability_grid.boxes[WeeklySlot(6, HalfDay.AM)], Qt.MouseButton.LeftButton)
    assert again.save()
    changed = core.people.get(person.id)
    assert changed.monthly_cap is None
    assert changed.availability == {WeeklySlot(0, HalfDay.AM), WeeklySlot(2, HalfDay.PM)}


def test_judge_form_hides_the_volunteer_part(qtbot, core, point, open_person_form):
    form = open_person_form(default_role=Role.JUDGE)
    assert not form.view.volunteer_group.isVisible()
    commit_text(form.view.name_edit, "纳丽娟")
    assert form.save()
    judge = next(p for p in core.people.all() if p.name == "纳丽娟")
    assert judge.role is Role.JUDGE and judge.availability == frozenset() and judge.monthly_cap is None


def test_bad_phone_message_beside_the_phone(qtbot, core, point, open_person_form):
    form = open_person_form()
    commit_text(form.view.name_edit, "王秀英")
    qtbot.keyClicks(form.view.phone_edit, "12345")
    choose(form.view.role_combo, Role.VOLUNTEER.value)
    assert not form.save()
    assert list(form.field_errors()) == ["phone"]
    assert form.focusWidget() is form.view.phone_edit


@pytest.fixture
def people_page(core, signals, show, undo_stack):
    return show(PersonListPage(core, signals, undo_stack))


def select(page, name: str) -> None:  # type: ignore[no-untyped-def]
    for row in range(page.model.rowCount()):
        if page.model.record_at(row).name == name:
            page.table.selectRow(row)
            return
    raise AssertionError(name)


def test_person_with_records_is_deactivated_instead_of_deleted(qtbot, core, point, signals, people_page,
                                                                monkeypatch):
    volunteer = make_volunteer(core, point)
    make_visit(core, point, volunteer)
    signals.sig_changes_applied.emit(Changes.of("person", volunteer.id))
    asked: list[str] = []
    monkeypatch.setattr(PersonListPage, "ask_deactivate_instead",
                        lambda self, person, message: asked.append(message) or True)
    select(people_page, "张德昇")
    assert people_page.toggle_button.text() == "停用"
    assert people_page.delete_selected()
    assert asked and "只能停用" in asked[0]                 # core.people.remove's words
    assert core.people.get(volunteer.id).active is False     # kept, deactivated
    assert core.people.volunteers() == []
    row = people_page.model.row_of(volunteer.id)
    assert people_page.model.index(row, 5).data() == "已停用"
    select(people_page, "张德昇")
    assert people_page.toggle_button.text() == "启用"
    qtbot.mouseClick(people_page.toggle_button, Qt.MouseButton.LeftButton)
    assert core.people.get(volunteer.id).active is True


def test_person_without_records_is_deleted_with_undo(qtbot, core, point, people_page):
    spare = make_volunteer(core, point, name="临时志愿者")
    people_page.model.refresh()
    select(people_page, "临时志愿者")
    assert people_page.delete_selected()
    assert "临时志愿者" not in [p.name for p in core.people.all()]
    assert people_page.undo_bar.isVisible()
    qtbot.mouseClick(people_page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert core.people.get(spare.id).name == "临时志愿者"
    assert people_page.model.row_of(spare.id) >= 0
    assert not people_page.undo_bar.isVisible()
