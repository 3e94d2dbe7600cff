"""Audit entries of one record (审计记录), read-only, oldest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from liaison_app.domain import clock
from liaison_app.domain.accounts import AccountRole
from liaison_app.domain.audit import ACTION_LABELS, TABLE_LABELS, AuditEntry, describe_changes
from liaison_app.gui.labels import label
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

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

# The core's ACTION_LABELS and TABLE_LABELS (domain/audit.py), marked here so lupdate files them;
# shown through action_text()/table_text(). A label missing here is shown untranslated.
_CORE_TEXTS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "新建"),
    QT_TRANSLATE_NOOP("AuditTableModel", "修改"),
    QT_TRANSLATE_NOOP("AuditTableModel", "删除"),
    QT_TRANSLATE_NOOP("AuditTableModel", "恢复"),
    QT_TRANSLATE_NOOP("AuditTableModel", "查看完整号码"),
    QT_TRANSLATE_NOOP("AuditTableModel", "导出"),
    QT_TRANSLATE_NOOP("AuditTableModel", "登录"),
    QT_TRANSLATE_NOOP("AuditTableModel", "登录失败"),
    QT_TRANSLATE_NOOP("AuditTableModel", "解锁"),
    QT_TRANSLATE_NOOP("AuditTableModel", "从备份恢复数据库"),
    QT_TRANSLATE_NOOP("AuditTableModel", "法律咨询"),
    QT_TRANSLATE_NOOP("AuditTableModel", "普法宣讲"),
    QT_TRANSLATE_NOOP("AuditTableModel", "志愿服务"),
    QT_TRANSLATE_NOOP("AuditTableModel", "人员"),
    QT_TRANSLATE_NOOP("AuditTableModel", "联系点"),
    QT_TRANSLATE_NOOP("AuditTableModel", "值班"),
    QT_TRANSLATE_NOOP("AuditTableModel", "换班请求"),
    QT_TRANSLATE_NOOP("AuditTableModel", "值班规则"),
    QT_TRANSLATE_NOOP("AuditTableModel", "节假日表"),
    QT_TRANSLATE_NOOP("AuditTableModel", "设置"),
    QT_TRANSLATE_NOOP("AuditTableModel", "账户"),
    QT_TRANSLATE_NOOP("AuditTableModel", "报送批次"),
    QT_TRANSLATE_NOOP("AuditTableModel", "审计记录"),
    QT_TRANSLATE_NOOP("AuditTableModel", "数据库"),
)


def action_text(action: str) -> str:
    """The shown word of an audit action code (``create`` → 新建), translated."""
    return translate("AuditTableModel", ACTION_LABELS.get(action, action))


def table_text(table: str) -> str:
    """The shown word of a table name (``consultation`` → 法律咨询), translated."""
    return translate("AuditTableModel", TABLE_LABELS.get(table, table))


def _role_label(code: str) -> str:
    try:
        return label(AccountRole(code))
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
            if role == Qt.ItemDataRole.ToolTipRole:
                changes = changes.replace("；", "\n")  # i18n-exempt: the core's separator in describe_changes()
            values = (f"{at:%Y-%m-%d %H:%M:%S}", entry.user_name, _role_label(entry.user_role),
                      action_text(entry.action), changes, entry.note)
            return values[column]
        return None
