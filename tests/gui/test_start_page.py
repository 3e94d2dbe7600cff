"""Start page: month figures, overdue follow-ups, the first-start hint."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from liaison_app.domain.education import SessionFilter, SessionForm
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.gui.pages.start_page import StartPage

from .helpers import make_consultation, make_session, make_visit, make_volunteer


def add_overdue(core, point, days_ago: int, name: str):
    received = core.now() - timedelta(days=days_ago)
    record, changes = core.consultations.save(make_consultation(
        core, point, received_at=received, visitor_name=name, outcome=Outcome.MEDIATION,
        followup_due=received.date() + timedelta(days=7)))
    return record, changes


def test_figures_and_overdue_table(qtbot, core, point, signals):
    core.consultations.save(make_consultation(core, point))  # this month, settled
    older, _ = add_overdue(core, point, 60, "杨喆")  # last period, still overdue
    newer, _ = add_overdue(core, point, 20, "周堃")
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    page.show()
    assert page.consultations_card.value() == "2"  # 2026-11: yesterday and 20 days ago
    assert page.overdue_card.value() == "2"
    assert page.overdue_card.property("alert") is True
    assert page.done_card.value() == "0/1"
    assert not page.setup_bar.isVisible()
    assert page.overdue_table.isVisible()
    model = page.overdue_model
    assert [model.record_at(r).id for r in range(model.rowCount())] == [older.id, newer.id]

    with qtbot.waitSignal(page.sig_filter_requested) as requested:
        qtbot.mouseClick(page.overdue_card, Qt.MouseButton.LeftButton)
    assert requested.args[0].followup is FollowUpState.OVERDUE

    with qtbot.waitSignal(page.sig_open_requested) as opened:
        page.overdue_table.activated.emit(model.index(0, 0))
    assert opened.args[0] == older.id


def test_refreshes_when_consultations_change(qtbot, core, point, signals):
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    assert page.overdue_card.value() == "0"
    assert page.no_overdue_label.isVisibleTo(page)
    _, changes = add_overdue(core, point, 30, "刘玥")
    signals.sig_changes_applied.emit(changes)
    assert page.overdue_card.value() == "1"
    assert page.overdue_model.rowCount() == 1


def test_empty_database_shows_setup_hint(qtbot, core, signals):
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    page.show()
    assert page.setup_bar.isVisible()
    assert "尚未设置联系点" in page.setup_label.text()
    assert not page.new_button.isEnabled()


def test_headline_is_consultations_plus_audience_with_its_formula(qtbot, core, point, signals):
    for days in (1, 2, 3):
        core.consultations.save(make_consultation(core, point, received_at=core.now() - timedelta(days=days)))
    volunteer = make_volunteer(core, point)
    make_session(core, point, volunteer, audience=46)
    make_session(core, point, volunteer, held_on=date(2026, 11, 21), form=SessionForm.ONLINE, audience=0, views=1280)
    make_session(core, point, volunteer, held_on=date(2026, 10, 30), audience=500)   # last month
    make_visit(core, point, volunteer)                                                # 3.6 hours
    make_visit(core, point, volunteer, visited_on=date(2026, 11, 24))
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    page.show()
    overview = core.overview()
    assert overview.service_persons == 3 + 46
    assert page.service_card.value() == "49"
    assert page.service_card.detail() == "咨询 3 人次 + 宣讲受众 46 人次 = 49 人次"
    assert page.service_card.detail_label.isVisible()               # visible, not only a tooltip
    assert "咨询 3 人次 + 宣讲受众 46 人次 = 49 人次" in page.service_card.toolTip()
    assert "线上观看人次另计" in page.service_card.toolTip()
    assert page.sessions_card.value() == "2"
    assert page.audience_card.value() == "46"
    assert page.audience_card.detail() == "线上观看 1280 人次"
    assert page.visits_card.value() == "2"
    assert page.hours_card.value() == "7.2"

    with qtbot.waitSignal(page.sig_sessions_requested) as requested:
        qtbot.mouseClick(page.sessions_card, Qt.MouseButton.LeftButton)
    assert requested.args[0].period == "2026-11"
    with qtbot.waitSignal(page.sig_visits_requested) as requested:
        qtbot.mouseClick(page.hours_card, Qt.MouseButton.LeftButton)
    assert requested.args[0].period == "2026-11"

    held = core.sessions.page(SessionFilter(period="2026-11", form=SessionForm.CASE_STUDY))[0]
    _, changes = core.sessions.save(held.with_changes(audience=50))
    signals.sig_changes_applied.emit(changes)
    assert page.service_card.value() == "53"
