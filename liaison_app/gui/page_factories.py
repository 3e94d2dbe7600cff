"""The main window's pages, each built by a function that imports its module when called.

The main window registers these as factories (gui/page_stack.py): a page and everything its
module imports are loaded the first time the page is shown, not at start-up. Each takes the
same arguments — core, signals, the undo stack, the task runner, the parent — and uses those it
needs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget


def consultation_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.consultation_list_page import ConsultationListPage

    return ConsultationListPage(core, signals, undo_stack, parent)


def session_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.session_list_page import SessionListPage

    return SessionListPage(core, signals, undo_stack, parent)


def visit_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.visit_list_page import VisitListPage

    return VisitListPage(core, signals, undo_stack, parent)


def person_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.person_list_page import PersonListPage

    return PersonListPage(core, signals, undo_stack, parent)


def roster_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.roster_page import RosterPage

    return RosterPage(core, signals, parent)


def export_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.export_page import ExportPage

    return ExportPage(core, signals, tasks, parent)


def court_page(core: Any, signals: Any, undo_stack: Any, tasks: Any, parent: QWidget) -> QWidget:
    from liaison_app.gui.pages.court_page import CourtPage

    return CourtPage(None, signals, tasks, parent)
