"""Application-wide signals (HOUSE-STYLE rule 9): every mutation is broadcast, views decide."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """One instance per running app, passed to the widgets that change or show data.

    Signals:
        sig_changes_applied(Changes): a core mutation finished; the argument is the
            :class:`liaison_app.domain.changes.Changes` it returned. Each view refreshes only
            when a table it shows is in ``changes.tables``.
        sig_status_message(str): a short message for the status bar (a few seconds).
    """

    sig_changes_applied = Signal(object)
    sig_status_message = Signal(str)
