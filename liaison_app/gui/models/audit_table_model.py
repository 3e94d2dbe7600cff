"""Audit entries of one record (审计记录), read-only, oldest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from liaison_app.domain import clock
from liaison_app.domain.accounts import AccountRole
from liaison_app.domain.audit import ACTION_LABELS, AuditEntry, describe_changes
from liaison_app.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "时间"),
    QT_TRANSLATE_NOOP("AuditTableModel", "用户"),
    QT_TRANSLATE_NOOP("AuditTableModel", "角色"),
    QT_TRANSLATE_NOOP("AuditTableModel", "操作"),
    QT_TRANSLATE_NOOP("AuditTableModel", "改动（原值 → 新值）"),
    QT_TRANSLATE_NOOP("AuditTableModel", "备注"),
)
COL_CHANGES = 4


def _role_label(code: str) -> str:
    try:
        return AccountRole(code).label
    except ValueError:
        return code


class AuditTableModel(QAbstractTableModel):
    """A few dozen entries at most per record, so the model holds them all (no paging).

    Args:
        entries: the record's entries (``core.audit.of_record``), oldest first.
    """

    def __init__(self, entries: list[AuditEntry], parent: QObject | None = None):
        super().__init__(parent)
        self._entries = list(entries)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        """Show ``entries`` instead."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> AuditEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        """One row per entry (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Six columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never editable (the audit trail cannot be changed from the app)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Translated column titles; rows are numbered."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditTableModel", _HEADERS[section]) \
                if 0 <= section < len(_HEADERS) else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text; the full change list as tooltip of the 改动 column."""
        if not index.isValid() or index.row() >= len(self._entries) or index.column() >= len(_HEADERS):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column != COL_CHANGES:
                return None
            at = clock.from_iso(entry.at).astimezone(clock.CHINA_TZ)
            changes = describe_changes(entry.changes)
            values = (f"{at:%Y-%m-%d %H:%M:%S}", entry.user_name, _role_label(entry.user_role),
                      ACTION_LABELS.get(entry.action, entry.action),
                      changes.replace("；", "\n") if role == Qt.ItemDataRole.ToolTipRole else changes, entry.note)
            return values[column]
        return None
