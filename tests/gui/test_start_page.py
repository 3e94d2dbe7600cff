"""Start page: month figures, overdue follow-ups, the first-start hint."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.gui.pages.start_page import StartPage

from .helpers import make_consultation


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
