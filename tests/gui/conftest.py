"""Fixtures for GUI tests: the app's signal hub. Widgets are built in each test with explicit
dependencies and registered with ``qtbot.addWidget`` (no autouse main window)."""

from __future__ import annotations

import pytest

from liaison_app.gui.signals import AppSignals


@pytest.fixture
def signals(qapp):
    """A fresh :class:`AppSignals` (needs the QApplication)."""
    hub = AppSignals()
    yield hub
    hub.deleteLater()


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    """A form closed dirty (e.g. by qtbot at teardown) would ask in a modal box; answer 放弃.
    Tests about that question patch the method themselves."""
    from liaison_app.gui.dialogs.consultation_form import CloseChoice, ConsultationForm
    from liaison_app.gui.dialogs.record_form import RecordForm

    monkeypatch.setattr(ConsultationForm, "ask_unsaved_changes", lambda self: CloseChoice.DISCARD)
    monkeypatch.setattr(RecordForm, "ask_unsaved_changes", lambda self: CloseChoice.DISCARD)


@pytest.fixture
def open_form(qtbot, core, signals):
    """Factory: a shown ConsultationForm over ``core`` (new, or for ``record_id``)."""
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm

    def _open(record_id=None, **kwargs):
        form = ConsultationForm(core, signals, record_id, **kwargs)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        return form

    return _open


@pytest.fixture
def show(qtbot):
    """Register a widget with qtbot, show it and wait until it is exposed; returns it."""

    def _show(widget):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return _show


@pytest.fixture
def undo_stack(qapp):
    """A QUndoStack for a page built alone (the main window owns one in the app)."""
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    yield stack
    stack.clear()
    stack.deleteLater()
