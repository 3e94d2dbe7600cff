"""Undoable operations (QUndoStack commands) over the core's soft deletes."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from liaison_app.domain.changes import Changes
from liaison_app.errors import UserError
from liaison_app.gui.signals import AppSignals


class SoftDeleting(Protocol):
    """A core service whose records are soft-deleted and restored by id
    (``core.consultations``, ``core.sessions``, ``core.visits``; people through an adapter
    over ``remove``/``restore``)."""

    def delete(self, record_id: str) -> Changes: ...

    def restore(self, record_id: str) -> Changes: ...


class DeleteRecordCommand(QUndoCommand):
    """Soft-delete one record; undo restores it. Both broadcast the change.

    Args:
        service: has ``delete(id)`` and ``restore(id)`` returning ``Changes``.
        signals: where the resulting ``Changes`` are emitted.
        record_id: the record.
        text: what the undo action says (e.g. ``删除 张* 的咨询``).
        reason: why a record of a month already exported is deleted (``SettledPeriodError``
            otherwise); ``failure`` holds the error when the core refused.
    """

    def __init__(self, service: SoftDeleting, signals: AppSignals, record_id: str, text: str, *,
                 reason: str | None = None):
        super().__init__(text)
        self._service = service
        self._signals = signals
        self._reason = reason
        self.record_id = record_id
        self.failure: UserError | None = None

    def redo(self) -> None:
        """Delete (soft)."""
        self._apply(self._service.delete)

    def undo(self) -> None:
        """Restore."""
        self._apply(self._service.restore)

    def _apply(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            # A month already exported to the court needs a reason (the same one for the undo).
            changes = action(self.record_id, reason=self._reason) if self._reason else action(self.record_id)
        except UserError as err:  # vanished meanwhile, or refused: nothing to undo
            self.failure = err
            self.setObsolete(True)
            self._signals.sig_status_message.emit(str(err))
            return
        self.failure = None
        self._signals.sig_changes_applied.emit(changes)


# The consultation list's name for it (kept for existing callers).
DeleteConsultationCommand = DeleteRecordCommand
