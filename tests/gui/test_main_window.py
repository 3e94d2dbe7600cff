"""Main window shell: navigation, figures leading to the filtered list, about text."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from liaison_app import __version__
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.gui.main_window import (
    PAGE_CONSULTATIONS,
    PAGE_PEOPLE,
    PAGE_SESSIONS,
    PAGE_START,
    PAGE_VISITS,
    MainWindow,
)

from .helpers import make_consultation, make_session, make_visit, make_volunteer


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
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        "首页", "法律咨询", "普法宣讲", "志愿服务", "值班", "报送", "人员", "法院汇总"]
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


def test_figures_open_the_session_and_visit_lists_for_this_month(qtbot, core, point, signals):
    volunteer = make_volunteer(core, point)
    make_session(core, point, volunteer)
    make_session(core, point, volunteer, held_on=date(2026, 10, 12), topic="上个月的宣讲")
    make_visit(core, point, volunteer)
    make_visit(core, point, volunteer, visited_on=date(2026, 10, 5))
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.show()
    assert window.session_page.model.rowCount() == 2   # the list itself starts with 全部

    qtbot.mouseClick(window.start_page.sessions_card, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == PAGE_SESSIONS
    page = window.session_page
    assert page.filter_bar.month_combo.period() == "2026-11"
    assert [page.model.record_at(r).topic for r in range(page.model.rowCount())] == ["婚姻家庭纠纷以案说法"]
    assert page.count_label.text() == "共 1 条"

    qtbot.mouseClick(window.start_page.visits_card, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == PAGE_VISITS
    assert window.visit_page.model.rowCount() == 1
    assert window.visit_page.model.record_at(0).visited_on == date(2026, 11, 23)


def test_pages_can_be_inserted_before_people(qtbot, core, signals):
    from PySide6.QtWidgets import QLabel

    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.add_page("extra", "附加页", QLabel("附加页"), before=PAGE_PEOPLE)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[-3:] == ["附加页", "人员", "法院汇总"]
    window.show_page(PAGE_PEOPLE)
    assert window.stack.current_page() is window.person_page


def test_main_window_stays_a_thin_shell():
    from pathlib import Path

    import liaison_app.gui.main_window as module

    assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) < 300
