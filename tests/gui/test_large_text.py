"""大字模式 at its largest (1.6×) on a 1366×768 laptop: every page, form and dialog fits the
screen, nothing scrolls sideways, and no label, button or field is smaller than its text needs
(issue #10). Forms and dialogs open as the app opens them: at the size they choose for a
1366×768 screen. The screenshots are written to the test's temporary folder (kept by pytest for
the last runs) for a look."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QScrollArea, QWidget

from liaison_app.core.demo import fill_demo
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.people import PersonFilter, Role
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.visits import VisitFilter
from liaison_app.gui import window_size
from liaison_app.gui.appearance import apply_text_scale, install_language
from liaison_app.gui.main_window import (
    PAGE_CONSULTATIONS,
    PAGE_COURT,
    PAGE_EXPORT,
    PAGE_PEOPLE,
    PAGE_ROSTER,
    PAGE_SESSIONS,
    PAGE_START,
    PAGE_VISITS,
    MainWindow,
)

from .clipping import clipped_widgets

SCREEN = (1366, 768)
LARGEST = 1.6
PAGES = (PAGE_START, PAGE_CONSULTATIONS, PAGE_SESSIONS, PAGE_VISITS, PAGE_ROSTER, PAGE_EXPORT,
         PAGE_COURT, PAGE_PEOPLE)


@pytest.fixture(params=[("zh_CN", 1.0), ("zh_CN", 1.3), ("zh_CN", LARGEST), ("en", 1.0), ("en", LARGEST)],
                ids=lambda p: f"{p[0]}-{p[1]:g}x")
def large_text(qapp, request):
    language, scale = request.param
    install_language(qapp, language)
    apply_text_scale(qapp, scale)
    yield scale
    apply_text_scale(qapp, 1.0)
    install_language(qapp, "zh_CN")


@pytest.fixture
def laptop_screen(monkeypatch):
    """Dialogs size themselves to the screen they open on: a 1366×768 laptop here (the
    offscreen test screen is 800×800)."""
    monkeypatch.setattr(window_size, "screen_geometry", lambda _widget: QRect(0, 0, *SCREEN))


@pytest.fixture
def demo_window(qtbot, core, signals, large_text, laptop_screen):
    fill_demo(core, points=2, months=2)
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(30)  # layouts and lazy pages settle


def fits_and_nothing_clipped(widget: QWidget, name: str, folder) -> list[str]:  # type: ignore[no-untyped-def]
    widget.grab().save(str(folder / f"{name}.png"))
    problems = [f"{name}: {line}" for line in clipped_widgets(widget)]
    if widget.width() > SCREEN[0] or widget.height() > SCREEN[1]:
        problems.append(f"{name}: {widget.width()}×{widget.height()} does not fit {SCREEN[0]}×{SCREEN[1]}")
    return problems


def scrolls_sideways(widget: QWidget, name: str) -> list[str]:
    """A form's or dialog's own scroll areas scroll up and down only."""
    return [f"{name}: {type(area.widget()).__name__} needs {area.widget().width()} px, has "
            f"{area.viewport().width()}: scrolls sideways"
            for area in widget.findChildren(QScrollArea)
            if area.isVisibleTo(widget) and area.widget() is not None and area.horizontalScrollBar().maximum() > 0]


def check_dialog(qtbot, dialog: QWidget, name: str, folder) -> list[str]:  # type: ignore[no-untyped-def]
    """Show ``dialog`` at the size it chose (as the app opens it), check it, close it."""
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    problems = fits_and_nothing_clipped(dialog, name, folder) + scrolls_sideways(dialog, name)
    dialog.hide()
    shiboken6.delete(dialog)
    return problems


def test_every_page_fits_at_the_largest_text(qtbot, demo_window, tmp_path):
    problems: list[str] = []
    navigation = demo_window.navigation
    for row in range(navigation.count()):
        text = navigation.item(row).text()
        if navigation.visualItemRect(navigation.item(row)).width() < navigation.fontMetrics().horizontalAdvance(text):
            problems.append(f"navigation: {text!r} clipped")
    for key in PAGES:
        demo_window.show_page(key)
        settle(qtbot)
        problems += fits_and_nothing_clipped(demo_window, f"page_{key}", tmp_path)
        scroll = demo_window.stack.currentWidget()
        if scroll.horizontalScrollBar().maximum() > 0:  # up and down is fine, sideways is not
            problems.append(f"page_{key}: needs {scroll.widget().minimumSizeHint().width()} px, "
                            f"has {scroll.viewport().width()}: scrolls sideways")
    assert problems == [], "\n".join(problems)


def test_every_form_fits_at_the_largest_text(qtbot, demo_window, core, signals, tmp_path):
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm
    from liaison_app.gui.dialogs.help_dialogs import AboutDialog
    from liaison_app.gui.dialogs.person_form import PersonForm
    from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog
    from liaison_app.gui.dialogs.session_form import EducationSessionForm
    from liaison_app.gui.dialogs.settings_dialog import SettingsDialog
    from liaison_app.gui.dialogs.visit_form import VisitForm

    consultation = core.consultations.page(ConsultationFilter(), limit=1)[0]
    session = core.sessions.page(SessionFilter(), limit=1)[0]
    visit = core.visits.page(VisitFilter(), limit=1)[0]
    volunteer = core.people.page(PersonFilter(role=Role.VOLUNTEER), sort="name", limit=1)[0]
    forms = {
        "consultation_new": lambda: ConsultationForm(core, signals, parent=demo_window),
        "consultation_saved": lambda: ConsultationForm(core, signals, consultation.id, parent=demo_window),
        "session": lambda: EducationSessionForm(core, signals, session.id, parent=demo_window),
        "visit": lambda: VisitForm(core, signals, visit.id, parent=demo_window),
        "person": lambda: PersonForm(core, signals, volunteer.id, parent=demo_window),
        "point_setup": lambda: PointSetupDialog(core, signals, demo_window),
        "settings": lambda: SettingsDialog(demo_window),
        "about": lambda: AboutDialog(core.path, demo_window),
    }
    problems: list[str] = []
    for name, make in forms.items():
        problems += check_dialog(qtbot, make(), name, tmp_path)
    assert problems == [], "\n".join(problems)


def test_every_dialog_fits_at_the_largest_text(qtbot, demo_window, core, tmp_path):
    from liaison_app.gui.dialogs.login_dialog import AdminSetupDialog, LoginDialog
    from liaison_app.gui.pages.roster_menu import RosterMode

    roster = demo_window.roster_page
    demo_window.show_page(PAGE_ROSTER)
    settle(qtbot)
    roster.show_month(roster.point_id(), "2026-12")
    opened: dict[str, object] = {
        "court_key": demo_window.export_page.open_key_dialog,
        "export": demo_window.export_page.open_export_dialog,
        "monthly_report": demo_window.monthly_report,
        "certificate": demo_window.visit_page.open_certificate,
        "duty_rules": roster.open_pattern_dialog,
        "holidays": roster.open_holiday_dialog,
        "generate_report": lambda: (roster.generate(), roster.report_dialog)[1],
        "admin_setup": lambda: AdminSetupDialog(core, demo_window, suggested_name="王晓燕"),
        "lock": lambda: LoginDialog(core, locked=True),  # as the idle lock opens it: no parent
    }
    problems: list[str] = []
    for name, open_dialog in opened.items():
        problems += check_dialog(qtbot, open_dialog(), name, tmp_path)  # type: ignore[operator]
    shift = next(s for s in core.duty.shifts(roster.point_id(), "2026-12") if s.person_id)
    problems += check_dialog(qtbot, roster.open_swap_dialog(shift.id), "swap", tmp_path)
    roster.set_mode(RosterMode.VOLUNTEER)
    roster.set_volunteer(shift.person_id)
    problems += check_dialog(qtbot, roster.open_volunteer_swap_dialog(shift.id), "volunteer_swap", tmp_path)
    roster.set_mode(RosterMode.JUDGE)
    assert problems == [], "\n".join(problems)


def test_the_check_finds_a_form_that_scrolls_sideways(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = QScrollArea(dialog)
    area.setWidgetResizable(True)
    wide = QWidget()
    wide.setMinimumWidth(600)
    area.setWidget(wide)
    area.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert scrolls_sideways(dialog, "form")


def test_the_check_finds_a_clipped_button(qtbot, qapp):
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("保存并关闭窗口")
    qtbot.addWidget(button)
    button.show()
    button.setFixedWidth(40)
    assert clipped_widgets(button)
