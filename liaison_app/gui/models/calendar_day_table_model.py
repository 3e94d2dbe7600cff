"""The hand-entered holiday table (节假日表) as a read-only table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from liaison_app.domain.duty import CalendarDayKind, CalendarOverride
from liaison_app.gui.duty_formatting import weekday_label
from liaison_app.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

COL_DATE, COL_WEEKDAY, COL_KIND, COL_NOTE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("CalendarDayTableModel", "日期"),
    QT_TRANSLATE_NOOP("CalendarDayTableModel", "星期"),
    QT_TRANSLATE_NOOP("CalendarDayTableModel", "休/班"),
    QT_TRANSLATE_NOOP("CalendarDayTableModel", "说明"),
)
KIND_TEXT = {
    CalendarDayKind.HOLIDAY: QT_TRANSLATE_NOOP("CalendarDayTableModel", "休（放假）"),
    CalendarDayKind.WORKDAY: QT_TRANSLATE_NOOP("CalendarDayTableModel", "班（调休上班）"),
}
DayRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the :class:`CalendarOverride` of a row."""


class CalendarDayTableModel(QAbstractTableModel):
    """One row per hand-entered day, in date order (``core.duty.calendar_days(year)``)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._days: list[CalendarOverride] = []

    def set_days(self, days: Sequence[CalendarOverride]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._days = sorted(days, key=lambda d: d.day)
        self.endResetModel()

    def day_at(self, row: int) -> CalendarOverride | None:
        return self._days[row] if 0 <= row < len(self._days) else None

    def row_of(self, day: object) -> int:
        """Row of the entry for ``day`` (a date), -1 if none."""
        return next((i for i, d in enumerate(self._days) if d.day == day), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.day_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == COL_DATE:
                return entry.day.isoformat()
            if column == COL_WEEKDAY:
                return weekday_label(entry.day.weekday())
            if column == COL_KIND:
                return QCoreApplication.translate("CalendarDayTableModel", KIND_TEXT[entry.kind])
            return entry.note
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_KIND:
            return QColor("#c62828" if entry.kind is CalendarDayKind.HOLIDAY else "#1f5fa8")
        if role == DayRole:
            return entry
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(HEADERS):
            return None
        return QCoreApplication.translate("CalendarDayTableModel", HEADERS[section])
