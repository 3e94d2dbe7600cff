"""Undoable operations (QUndoStack commands) over the core's soft deletes."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from liaison_app.core.consultations import ConsultationService
from liaison_app.errors import UserError
from liaison_app.gui.signals import AppSignals


class DeleteConsultationCommand(QUndoCommand):
    """Soft-delete one consultation; undo restores it. Both broadcast the change.

    Args:
        service: ``core.consultations``.
        signals: where the resulting ``Changes`` are emitted.
        record_id: the consultation.
        text: what the undo action says (e.g. ``删除 张* 的咨询``).
    """

    def __init__(self, service: ConsultationService, signals: AppSignals, record_id: str, text: str):
        super().__init__(text)
        self._service = service
        self._signals = signals
        self.record_id = record_id

    def redo(self) -> None:
        """Delete (soft)."""
        self._apply(self._service.delete)

    def undo(self) -> None:
        """Restore."""
        self._apply(self._service.restore)

    def _apply(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            changes = action(self.record_id)
        except UserError as err:  # the record vanished meanwhile: nothing left to undo
            self.setObsolete(True)
            self._signals.sig_status_message.emit(str(err))
            return
        self._signals.sig_changes_applied.emit(changes)
