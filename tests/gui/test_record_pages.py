"""The session and visit pages: search, delete and undo, the undo bar across pages, totals,
the certificate button."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from liaison_app.domain.changes import Changes
from liaison_app.domain.education import SessionFilter
from liaison_app.errors import SettledPeriodError
from liaison_app.gui.dialogs.pdf_dialogs import CertificateDialog
from liaison_app.gui.pages.session_list_page import SessionListPage
from liaison_app.gui.pages.visit_list_page import VisitListPage

from .form_filling import choose
from .helpers import commit_text, make_session, make_visit, make_volunteer


@pytest.fixture
def volunteer(core, point):
    return make_volunteer(core, point)


def test_session_page_search_delete_and_undo(qtbot, core, point, volunteer, signals, undo_stack, show):
    make_session(core, point, volunteer, topic="未成年人保护法进校园")
    kept = make_session(core, point, volunteer, held_on=date(2026, 11, 25), topic="防范电信网络诈骗")
    page = show(SessionListPage(core, signals, undo_stack))
    assert page.count_label.text() == "共 2 条"

    commit_text(page.filter_bar.search_edit, "电信")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)   # after the debounce
    assert page.model.record_at(0).id == kept.id
    page.filter_bar.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)

    page.table.selectRow(0)
    assert page.delete_selected()
    assert core.sessions.count(SessionFilter()) == 1 and page.model.rowCount() == 1
    assert page.undo_bar.isVisible() and "防范电信网络诈骗" in page.undo_bar.label.text()
    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert core.sessions.count(SessionFilter()) == 2 and page.model.rowCount() == 2
    assert not page.undo_bar.isVisible()


def test_new_session_through_the_page_appears_selected(qtbot, core, point, volunteer, signals, undo_stack, show):
    page = show(SessionListPage(core, signals, undo_stack))
    form = page.open_form(None)
    assert form in page.open_forms()
    commit_text(form.view.place_edit, "宁安镇集市")
    commit_text(form.view.topic_edit, "农民工讨薪维权指南")
    form.view.speaker_list.set_item_checked(volunteer.id, True)
    form.view.audience_spin.setValue(80)
    with qtbot.waitSignal(form.finished):
        assert form.save()
    assert page.count_label.text() == "共 1 条"
    assert page.selected_record().topic == "农民工讨薪维权指南"


def test_undo_bar_hides_when_another_page_deletes(qtbot, core, point, volunteer, signals, undo_stack, show):
    make_session(core, point, volunteer)
    make_visit(core, point, volunteer)
    sessions = show(SessionListPage(core, signals, undo_stack))
    visits = show(VisitListPage(core, signals, undo_stack))
    sessions.table.selectRow(0)
    sessions.delete_selected()
    assert sessions.undo_bar.isVisible()
    visits.table.selectRow(0)
    visits.delete_selected()
    assert not sessions.undo_bar.isVisible()   # its 撤销 would now undo the visit delete
    assert visits.undo_bar.isVisible()


def test_visit_page_filters_by_volunteer_and_totals_follow(qtbot, core, point, volunteer, signals, undo_stack, show):
    other = make_volunteer(core, point, name="马秀兰")
    make_visit(core, point, volunteer)
    make_visit(core, point, other, visited_on=date(2026, 11, 24))
    page = show(VisitListPage(core, signals, undo_stack))
    assert page.model.rowCount() == 2
    choose(page.filter_bar.person_combo, other.id)
    assert [page.model.record_at(r).person_id for r in range(page.model.rowCount())] == [other.id]
    totals = page.totals_panel.model
    assert totals.rowCount() == 2

    _, changes = core.visits.save(page.model.record_at(0).with_changes(departure=time(17, 0)))
    signals.sig_changes_applied.emit(changes)
    row = totals.row_of(other.id)
    assert totals.index(row, 2).data() == "8.3"   # 08:45–17:00

    dialog = page.open_certificate()
    assert isinstance(dialog, CertificateDialog)
    assert dialog.person_combo.currentData() == other.id   # the volunteer filtered
    dialog.close()


def test_new_visit_needs_a_volunteer(qtbot, core, point, signals, undo_stack, show):
    page = show(VisitListPage(core, signals, undo_stack))
    assert not page.new_button.isEnabled()
    assert "志愿者" in page.new_button.toolTip()
    person = make_volunteer(core, point)
    signals.sig_changes_applied.emit(Changes.of("person", person.id))
    assert page.new_button.isEnabled()


def refuse_without_reason(monkeypatch, service, name: str, seen: list) -> None:  # type: ignore[no-untyped-def]
    """Make ``service.<name>`` behave as for a month already exported to the court."""
    original = getattr(service, name)

    def guarded(arg, *, reason=None):  # type: ignore[no-untyped-def]
        seen.append(reason)
        if not reason:
            raise SettledPeriodError("2026-11", table="education_session")
        return original(arg, reason=reason)

    monkeypatch.setattr(service, name, guarded)


def test_exported_month_asks_for_a_reason_to_delete(qtbot, core, point, volunteer, signals, undo_stack, show,
                                                   monkeypatch):
    session = make_session(core, point, volunteer)
    seen: list = []
    refuse_without_reason(monkeypatch, core.sessions, "delete", seen)
    page = show(SessionListPage(core, signals, undo_stack))
    page.table.selectRow(0)
    monkeypatch.setattr(SessionListPage, "ask_reason", lambda self, message: None)   # cancelled
    assert not page.delete_selected()
    assert core.sessions.count(SessionFilter()) == 1 and not page.undo_bar.isVisible()
    assert undo_stack.count() == 0
    monkeypatch.setattr(SessionListPage, "ask_reason", lambda self, message: "重复录入")
    assert page.delete_selected()
    assert seen[-1] == "重复录入" and core.sessions.count(SessionFilter()) == 0
    assert page.undo_bar.isVisible() and undo_stack.count() == 1
    assert session.id not in [page.model.record_at(r).id for r in range(page.model.rowCount())]


def test_exported_month_asks_for_a_reason_to_save(qtbot, core, point, volunteer, signals, show, monkeypatch):
    from liaison_app.gui.dialogs.session_form import EducationSessionForm

    session = make_session(core, point, volunteer)
    seen: list = []
    refuse_without_reason(monkeypatch, core.sessions, "save", seen)
    form = show(EducationSessionForm(core, signals, session.id))
    form.view.audience_spin.setValue(52)
    monkeypatch.setattr(EducationSessionForm, "ask_reason", lambda self, message: "补录签到表人数")
    assert form.save()
    assert seen == [None, "补录签到表人数"]
    assert core.sessions.get(session.id).audience == 52
