"""A consultation entered with the keyboard alone: Ctrl+N, Tab, typing, arrow keys, Ctrl+S
(issue #10). Every key goes to the widget that has the focus, as on a real laptop; Chinese
text arrives as an input method's commit (the way a real IME delivers it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
import pytest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.dialogs.consultation_form import ConsultationForm
from liaison_app.gui.main_window import MainWindow

from .helpers import commit_text


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot, target: QWidget, limit: int = 60) -> int:  # type: ignore[no-untyped-def]
    """Press Tab on the focused widget until ``target`` has the focus; returns the presses."""
    for presses in range(limit):
        if focused() is target:
            return presses
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName() or type(target).__name__}")


def press(qtbot, key: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(), key)


@pytest.fixture
def active_window(qtbot, core, point, signals) -> MainWindow:
    """The main window shown and active (shortcuts go to the active window)."""
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_consultation_from_ctrl_n_to_ctrl_s(qtbot, core, active_window):
    window = active_window

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.consultation_page.open_forms()[-1]
    assert isinstance(form, ConsultationForm)
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    v = form.view
    assert form.isAncestorOf(focused())  # the form takes the keyboard at once

    tab_to(qtbot, v.visitor_edit)
    commit_text(focused(), "李桂兰")
    tab_to(qtbot, v.phone_edit)
    qtbot.keyClicks(focused(), "13912345678")
    tab_to(qtbot, v.village_edit)
    commit_text(focused(), "石空村")
    tab_to(qtbot, v.category_picker.main_combo)
    press(qtbot, Qt.Key.Key_Down)
    main_category = v.category_picker.main_combo.currentData()
    assert main_category
    tab_to(qtbot, v.category_picker.sub_combo)
    press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, v.question_edit)
    commit_text(focused(), "邻居占用宅基地通道，怎么办")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the text box
    assert focused() is v.advice_edit
    commit_text(focused(), "建议先请村调委会调解")
    tab_to(qtbot, v.outcome_combo)
    while v.outcome_combo.currentData() != Outcome.MEDIATION.value:
        before = v.outcome_combo.currentIndex()
        press(qtbot, Qt.Key.Key_Down)
        assert v.outcome_combo.currentIndex() != before, "arrow keys do not reach 引导调解"

    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = core.consultations.page(ConsultationFilter(), limit=5)
    assert [r.visitor_name for r in saved] == ["李桂兰"]
    record = core.consultations.get(saved[0].id)
    assert record.phone == "13912345678"
    assert record.village == "石空村"
    assert record.question == "邻居占用宅基地通道，怎么办"
    assert record.advice == "建议先请村调委会调解"
    assert record.outcome is Outcome.MEDIATION
    assert record.category_code.startswith(main_category)


def test_menu_shortcuts_are_visible_and_unique(qtbot, core, signals):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    shortcuts: dict[str, str] = {}
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), f"menu {menu_action.text()} has no Alt key"
        for action in menu_action.menu().actions():
            key = action.shortcut().toString()
            if key:
                assert key not in shortcuts, f"{key} used by {shortcuts[key]} and {action.text()}"
                shortcuts[key] = action.text()
    for wanted in ("Ctrl+N", "Ctrl+F", "Ctrl+Z", "F1", "Ctrl+,"):
        assert wanted in shortcuts, wanted


def test_pages_switch_with_ctrl_digits_and_have_icons(qtbot, active_window):
    window = active_window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "consultations"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "start"
    for row in range(window.navigation.count()):
        item = window.navigation.item(row)
        assert not item.icon().isNull(), item.text()
        assert item.toolTip() == f"{item.text()}（Ctrl+{row + 1}）"
    from liaison_app.gui.application import app_icon

    assert app_icon().availableSizes() and not app_icon().pixmap(32, 32).isNull()


INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QCheckBox, QRadioButton)


def _inputs(form: QWidget) -> list[QWidget]:
    """Visible, enabled editors of ``form`` a user types into or ticks (not a spin box's inner
    line edit, not the read-only ones)."""
    found = []
    for widget in form.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(form) or not widget.isEnabled():
            continue
        if isinstance(widget, QLineEdit) and (isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
                                              or widget.isReadOnly()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        found.append(widget)
    return found


@pytest.mark.parametrize("kind", ["session", "visit", "person", "point", "consultation", "monthly_report",
                                  "certificate"])
def test_tab_reaches_every_field_before_the_buttons(qtbot, core, point, signals, kind):
    from liaison_app.gui.dialogs.pdf_dialogs import CertificateDialog, MonthlyReportDialog
    from liaison_app.gui.dialogs.person_form import PersonForm
    from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog
    from liaison_app.gui.dialogs.session_form import EducationSessionForm
    from liaison_app.gui.dialogs.visit_form import VisitForm

    make = {"session": lambda: EducationSessionForm(core, signals, None),
            "visit": lambda: VisitForm(core, signals, None),
            "person": lambda: PersonForm(core, signals, None),
            "point": lambda: PointSetupDialog(core, signals),
            "consultation": lambda: ConsultationForm(core, signals),
            "monthly_report": lambda: MonthlyReportDialog(core),
            "certificate": lambda: CertificateDialog(core)}[kind]
    form = make()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    first = focused()
    assert isinstance(first, INPUTS), f"{kind} opens with the focus on {type(first).__name__}"
    wanted = set(map(id, _inputs(form)))
    visited: list[QWidget] = []
    for _ in range(3 * len(wanted) + 10):
        widget = focused()
        assert not isinstance(widget, QScrollArea), "Tab stops on a scroll area"
        if isinstance(widget, QPushButton):
            break
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    missing = [w.objectName() or type(w).__name__ for w in _inputs(form) if id(w) not in set(map(id, visited))]
    assert missing == [], f"{kind}: Tab reaches the buttons before {missing}"


def test_text_size_and_help_keys_work_while_a_form_is_open(qtbot, active_window):
    """A record form blocks the main window, whose menus hold these shortcuts (regression)."""
    from liaison_app.gui.appearance import apply_text_scale, text_scale
    from liaison_app.gui.dialogs.help_dialogs import UserGuideDialog

    window = active_window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.consultation_page.open_forms()[-1]
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    try:
        qtbot.keyClick(focused(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert text_scale() == 1.15
        qtbot.keyClick(focused(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert text_scale() == 1.0
        qtbot.keyClick(focused(), Qt.Key.Key_F1)
        guides = form.findChildren(UserGuideDialog)
        assert len(guides) == 1 and guides[0].isVisible()
    finally:
        apply_text_scale(QApplication.instance(), 1.0)
