"""报送情况: points × months, which batch arrived when (:class:`Completeness` of the court)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from liaison_app.domain.court import Completeness, CompletenessCell, Submission
from liaison_app.gui.formatting import OVERDUE_COLOR
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

_Index = QModelIndex | QPersistentModelIndex

#: Role returning the :class:`CompletenessCell` (None in the 联系点 column and the rate row).
CellRole = Qt.ItemDataRole.UserRole + 1

# Late = orange, missing = red (as the summary workbook's 报送情况 sheet), received = green.
CELL_COLORS: dict[Submission, tuple[str, str] | None] = {
    Submission.RECEIVED: ("#e8f5e9", "#1b5e20"),
    Submission.LATE: ("#ffe0b2", "#8a3c00"),
    Submission.MISSING: ("#fdecea", OVERDUE_COLOR),
    Submission.PENDING: None,
    Submission.NOT_EXPECTED: None,
}
MUTED = "#5f6b7a"

# The core's Submission values (domain/court.py), marked so lupdate files them; see state_text().
_STATE_TEXTS = (
    QT_TRANSLATE_NOOP("CompletenessTableModel", "已报送"),
    QT_TRANSLATE_NOOP("CompletenessTableModel", "迟报"),
    QT_TRANSLATE_NOOP("CompletenessTableModel", "未报送"),
    QT_TRANSLATE_NOOP("CompletenessTableModel", "未到期"),
)


def state_text(state: Submission) -> str:
    """The word of a submission state, translated (``—`` stays as it is)."""
    return translate("CompletenessTableModel", state.value)


def cell_text(cell: CompletenessCell) -> str:
    """What a grid cell reads, as :meth:`CompletenessCell.text` but translated:
    ``v2 12-03`` / ``迟报 v1 01-09`` / ``未报送`` / ``未到期`` / ``—``."""
    if not cell.received:
        return state_text(cell.state)
    assert cell.first_exported_at is not None
    shown = f"v{cell.seq} {cell.first_exported_at:%m-%d}"
    return late_text(shown) if cell.state is Submission.LATE else shown


def late_text(shown: str) -> str:
    """``迟报 v1 01-09`` for the batch ``shown`` (``v1 01-09``)."""
    return translate("CompletenessTableModel", "迟报 {batch}").format(batch=shown)


def rate_title() -> str:
    """The title of the last row (报送率)."""
    return translate("CompletenessTableModel", "报送率（已报/应报）")


class CompletenessTableModel(QAbstractTableModel):
    """One row per point (name in column 0, court in its tooltip), one column per month; a last
    row 报送率 gives ``received/due`` per month. Cells read ``v2 12-03`` (seq and the day the
    month was first sent), ``迟报 v1 01-09``, ``未报送``, ``未到期`` or ``—``.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._grid: Completeness | None = None

    # -- content -------------------------------------------------------------------------------
    def set_grid(self, grid: Completeness | None) -> None:
        """Show ``grid`` (None: empty)."""
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    @property
    def grid(self) -> Completeness | None:
        return self._grid

    def cell_at(self, row: int, column: int) -> CompletenessCell | None:
        """The cell shown at (row, column), None for the 联系点 column, the rate row or out of range."""
        grid = self._grid
        if grid is None or not 0 <= row < len(grid.points) or not 1 <= column <= len(grid.periods):
            return None
        return grid.cell(grid.points[row][0], grid.periods[column - 1])

    def _has_rate_row(self) -> bool:
        return self._grid is not None and bool(self._grid.points)

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.points) + (1 if self._has_rate_row() else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return 1 + len(self._grid.periods)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return translate("CompletenessTableModel", "联系点")
            if 1 <= section <= len(self._grid.periods):
                return self._grid.periods[section - 1]
            return None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        grid = self._grid
        if grid is None or not index.isValid() or not 0 <= index.row() < self.rowCount() \
                or not 0 <= index.column() < self.columnCount():
            return None
        row, column = index.row(), index.column()
        if row == len(grid.points):  # the 报送率 row
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return rate_title()
                received, due = grid.rate(grid.periods[column - 1])
                return f"{received}/{due}" if due else "—"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        code, name, court = grid.points[row]
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return name or code
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("CompletenessTableModel", "{name}（{code}）\n{court}").format(
                    name=name, code=code, court=court)
            return None
        cell = grid.cell(code, grid.periods[column - 1])
        colors = CELL_COLORS[cell.state]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colors[0])) if colors else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colors[1] if colors else MUTED))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(name, cell)
        if role == CellRole:
            return cell
        return None

    @staticmethod
    def _tooltip(name: str, cell: CompletenessCell) -> str:
        lines = [translate("CompletenessTableModel", "{name} {period}：{state}").format(
                     name=name, period=cell.period, state=state_text(cell.state)),
                 translate("CompletenessTableModel", "截止日期 {due}").format(due=cell.due.isoformat())]
        if cell.received:
            assert cell.first_exported_at is not None and cell.exported_at is not None
            lines.append(translate("CompletenessTableModel",
                                   "首次导出 {first}；当前批次 v{seq}，导出于 {last}；共收到 {n} 个批次").format(
                first=f"{cell.first_exported_at:%Y-%m-%d %H:%M}", seq=cell.seq,
                last=f"{cell.exported_at:%Y-%m-%d %H:%M}", n=cell.batches))
        return "\n".join(lines)
