"""大字模式 at its largest (1.6×) on a 1366×768 laptop: every page and form fits the screen and
no label, button or field is smaller than its text needs (issue #10). The screenshots are
written to the test's temporary folder (kept by pytest for the last runs) for a look."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from liaison_app.core.demo import fill_demo
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.people import PersonFilter, Role
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.visits import VisitFilter
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
def demo_window(qtbot, core, signals, large_text):
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
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        hint = dialog.sizeHint()
        dialog.resize(min(hint.width(), SCREEN[0]), min(hint.height(), SCREEN[1] - 40))
        settle(qtbot)
        problems += fits_and_nothing_clipped(dialog, name, tmp_path)
        dialog.hide()
        shiboken6.delete(dialog)
    assert problems == [], "\n".join(problems)


def test_the_check_finds_a_clipped_button(qtbot, qapp):
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("保存并关闭窗口")
    qtbot.addWidget(button)
    button.show()
    button.setFixedWidth(40)
    assert clipped_widgets(button)
