"""The 报送 page's table: one row per liaison point and month, with its last export and state."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from liaison_app.core.exports import MonthExportState
from liaison_app.gui.formatting import format_period_zh
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

_Index = QModelIndex | QPersistentModelIndex

StateRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the row's :class:`MonthExportState`."""

# Colours of the states that ask for an export (GUIDE: orange = needs attention).
REEXPORT_BACKGROUND = "#ffe0b2"
REEXPORT_TEXT = "#8a3c00"
NEVER_BACKGROUND = "#fff8e1"


class ExportStatus(Enum):
    """What the 状态 column says about a month (the label is translated in the model)."""

    REEXPORT = QT_TRANSLATE_NOOP("ExportMonthTableModel", "需要重新导出")  # exported, then records changed
    UP_TO_DATE = QT_TRANSLATE_NOOP("ExportMonthTableModel", "已是最新")  # exported, nothing changed since
    NEVER = QT_TRANSLATE_NOOP("ExportMonthTableModel", "从未导出")  # a finished month with no batch yet
    # The current month without a batch: nothing is due yet.
    RUNNING = QT_TRANSLATE_NOOP("ExportMonthTableModel", "从未导出（本月未结束）")

    @classmethod
    def of(cls, state: MonthExportState) -> ExportStatus:
        if state.changed_since > 0:
            return cls.REEXPORT
        if state.exported:
            return cls.UP_TO_DATE
        return cls.RUNNING if state.current_month else cls.NEVER


class ExportMonthTableModel(QAbstractTableModel):
    """Rows of :meth:`ExportService.months_needing_export` (newest month first), read-only.

    Columns: 统计月份, 联系点, 记录数, 上次序号, 上次导出时间, 上次文件名, 之后改动, 状态. Rows that
    need a batch are coloured: 需要重新导出 orange (bold status), 从未导出 of a finished month pale
    yellow. The whole :class:`MonthExportState` is under :data:`StateRole`.
    """

    (COL_PERIOD, COL_POINT, COL_RECORDS, COL_SEQ, COL_TIME, COL_FILE, COL_CHANGED,
     COL_STATUS) = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "统计月份"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "联系点"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "记录数"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "上次序号"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "上次导出时间"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "上次文件名"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "之后改动"),
        QT_TRANSLATE_NOOP("ExportMonthTableModel", "状态"),
    )

    @classmethod
    def samples(cls) -> tuple[str, ...]:
        """One width sample per column (for :class:`RecordTableView`), in the current language."""
        def header(column: int) -> str:
            return translate("ExportMonthTableModel", cls.HEADERS[column])

        return (format_period_zh("2026-11"),
                "梧桐树村法官联系点",  # i18n-exempt: width sample (a point's name, data)
                header(cls.COL_RECORDS), header(cls.COL_SEQ), "2026-11-29 10:00", "ZN-NA_2026-11_v12.xlsx",
                header(cls.COL_CHANGED), translate("ExportMonthTableModel", ExportStatus.RUNNING.value))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[MonthExportState] = []

    # -- content -------------------------------------------------------------------------------
    def set_states(self, states: Sequence[MonthExportState]) -> None:
        """Show ``states`` in the given order."""
        self.beginResetModel()
        self._rows = list(states)
        self.endResetModel()

    def state_at(self, row: int) -> MonthExportState | None:
        """The state shown in ``row`` (None out of range)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, point_code: str, period: str) -> int:
        """Row of a point's month, or -1."""
        for row, state in enumerate(self._rows):
            if state.point_code == point_code and state.period == period:
                return row
        return -1

    def states(self) -> list[MonthExportState]:
        """All rows."""
        return list(self._rows)

    def status_at(self, row: int) -> ExportStatus | None:
        """The 状态 of ``row``."""
        state = self.state_at(row)
        return ExportStatus.of(state) if state is not None else None

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translate("ExportMonthTableModel", self.HEADERS[section]) if 0 <= section < len(self.HEADERS) \
                else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.HEADERS):
            return None
        state = self._rows[index.row()]
        column = index.column()
        status = ExportStatus.of(state)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(state, column, status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(state, status)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.COL_RECORDS, self.COL_SEQ, self.COL_CHANGED):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if status is ExportStatus.REEXPORT:
                return QBrush(QColor(REEXPORT_BACKGROUND))
            if status is ExportStatus.NEVER:
                return QBrush(QColor(NEVER_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if status is ExportStatus.REEXPORT and column in (self.COL_CHANGED, self.COL_STATUS):
                return QBrush(QColor(REEXPORT_TEXT))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == self.COL_STATUS and status in (ExportStatus.REEXPORT, ExportStatus.NEVER):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == StateRole:
            return state
        return None

    def _display(self, state: MonthExportState, column: int, status: ExportStatus) -> str:
        if column == self.COL_PERIOD:
            return format_period_zh(state.period)
        if column == self.COL_POINT:
            return state.point_name
        if column == self.COL_RECORDS:
            return str(state.records)
        if column == self.COL_SEQ:
            return f"v{state.last_seq}" if state.last_seq is not None else "—"
        if column == self.COL_TIME:
            return state.last_exported_at.strftime("%Y-%m-%d %H:%M") if state.last_exported_at else "—"
        if column == self.COL_FILE:
            return state.last_file_name or "—"
        if column == self.COL_CHANGED:
            return str(state.changed_since) if state.exported else "—"
        return translate("ExportMonthTableModel", status.value)

    def _tooltip(self, state: MonthExportState, status: ExportStatus) -> str:
        lines = [translate("ExportMonthTableModel", "{name}（{code}）{month}").format(
                     name=state.point_name, code=state.point_code, month=format_period_zh(state.period)),
                 translate("ExportMonthTableModel", "本月记录 {n} 条（含已删除）").format(n=state.records)]
        if status is ExportStatus.REEXPORT:
            lines.append(translate("ExportMonthTableModel", "上次导出后有 {n} 条记录新增、修改或删除：请重新导出，序号会加一，"
                                   "法院汇总时新批次替换旧批次。").format(n=state.changed_since))
        elif status is ExportStatus.UP_TO_DATE:
            lines.append(translate("ExportMonthTableModel", "上次导出后没有改动，不需要再导出。"))
        elif status is ExportStatus.NEVER:
            lines.append(translate("ExportMonthTableModel", "这个月已结束，还没有导出报送文件。"))
        else:
            lines.append(translate("ExportMonthTableModel", "本月还没结束，月底后再导出；需要时也可以先导出。"))
        return "\n".join(lines)
