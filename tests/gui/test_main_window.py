"""Main window shell: navigation, figures leading to the filtered list, about text."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from liaison_app import __version__
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.gui.main_window import PAGE_CONSULTATIONS, PAGE_START, MainWindow

from .helpers import make_consultation


def test_overdue_figure_opens_filtered_list(qtbot, core, point, signals):
    received = core.now() - timedelta(days=30)
    overdue, _ = core.consultations.save(make_consultation(
        core, point, received_at=received, outcome=Outcome.LITIGATION,
        followup_due=received.date() + timedelta(days=7)))
    core.consultations.save(make_consultation(core, point))
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == PAGE_START
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == ["首页", "法律咨询"]
    assert str(core.path) in window.db_label.text()

    qtbot.mouseClick(window.start_page.overdue_card, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == PAGE_CONSULTATIONS
    page = window.consultation_page
    assert page.filter_bar.followup_combo.currentText() == FollowUpState.OVERDUE.label
    assert page.model.rowCount() == 1 and page.model.record_at(0).id == overdue.id
    assert page.count_label.text() == "共 1 条"


def test_about_names_version_and_database(qtbot, core, point, signals):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    text = window.about_text()
    assert __version__ in text and str(core.path) in text


def test_new_button_needs_a_point(qtbot, core, signals):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    assert not window.consultation_page.new_button.isEnabled()
