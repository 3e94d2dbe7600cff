"""The import wizard's preview: every ledger row as it would be stored, with per-cell notes.

Columns are 状态, 位置 (sheet and Excel row), then each mapped field in the field list's order.
A cell shows what will be stored (the ledger's own text when nothing will be, e.g. a date that
cannot be read), coloured by its worst message (error red, warning amber, note blue text); its
tooltip lists the ledger's text, what it becomes and every note, warning and error. The status
column has an icon and colour per row; its tooltip lists the row's own messages.

The preview is already in memory (the core builds it), so the model holds it whole;
:class:`ProblemRowsFilterModel` hides the rows that import cleanly (只看有问题的).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from liaison_app.core.ledger_import import LedgerPreview
from liaison_app.exchange.ledger.preview import CellPreview, PreviewRow, RowStatus
from liaison_app.gui.labels import label, label_text
from liaison_app.i18n import translate

_Index = QModelIndex | QPersistentModelIndex

COL_STATUS = 0
COL_WHERE = 1
FIRST_FIELD_COLUMN = 2

RowRole = Qt.ItemDataRole.UserRole + 1
"""The :class:`PreviewRow` of the row (any column)."""
StatusRole = Qt.ItemDataRole.UserRole + 2
"""The row's :class:`RowStatus` (any column)."""
#: The :class:`CellPreview` objects of a field column (a tuple; 备注 may span several columns).
CellsRole = Qt.ItemDataRole.UserRole + 3

ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b45309"
NOTE_COLOR = "#1f5fa8"
_CELL_BACKGROUND = {"error": "#f9d3cf", "warning": "#fff1c7"}
_ROW_BACKGROUND = {RowStatus.ERROR: "#fdecea", RowStatus.WARNING: "#fff8e1",
                   RowStatus.DUPLICATE: "#eef1f5", RowStatus.SKIPPED: "#eef1f5"}
_STATUS_ICONS = {
    RowStatus.READY: QStyle.StandardPixmap.SP_DialogApplyButton,
    RowStatus.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    RowStatus.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    RowStatus.DUPLICATE: QStyle.StandardPixmap.SP_BrowserReload,
    RowStatus.SKIPPED: QStyle.StandardPixmap.SP_DialogCancelButton,
}


class LedgerPreviewTableModel(QAbstractTableModel):
    """Rows of a :class:`LedgerPreview` (read-only). Empty until :meth:`set_preview`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._preview: LedgerPreview | None = None
        self._rows: tuple[PreviewRow, ...] = ()
        self._fields: list[tuple[str, str]] = []  # (key, label) per field column
        self._cells: list[dict[str, tuple[CellPreview, ...]]] = []
        self._icons: dict[RowStatus, QIcon] = {}

    # -- content ----------------------------------------------------------------------------
    def set_preview(self, preview: LedgerPreview | None) -> None:
        """Show ``preview`` (None: empty)."""
        self.beginResetModel()
        self._preview = preview
        self._rows = preview.rows if preview is not None else ()
        self._fields = _columns(preview) if preview is not None else []
        self._cells = []
        for row in self._rows:
            by_field: dict[str, tuple[CellPreview, ...]] = {}
            for cell in row.cells:
                by_field[cell.field] = by_field.get(cell.field, ()) + (cell,)
            self._cells.append(by_field)
        self.endResetModel()

    @property
    def preview(self) -> LedgerPreview | None:
        return self._preview

    def field_keys(self) -> list[str]:
        """Field key of each field column, from column :data:`FIRST_FIELD_COLUMN` on."""
        return [key for key, _label in self._fields]

    def column_of(self, field: str) -> int:
        """Model column of ``field``; -1 when it is not mapped."""
        keys = self.field_keys()
        return FIRST_FIELD_COLUMN + keys.index(field) if field in keys else -1

    def row_status(self, row: int) -> RowStatus:
        return self._rows[row].status

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_FIELD_COLUMN + len(self._fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_STATUS:
            return self.tr("状态")
        if section == COL_WHERE:
            return self.tr("位置")
        if FIRST_FIELD_COLUMN <= section < self.columnCount():
            return label_text(self._fields[section - FIRST_FIELD_COLUMN][1])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == RowRole:
            return row
        if role == StatusRole:
            return row.status
        if column == COL_STATUS:
            return self._status_data(row, role)
        if column == COL_WHERE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("{sheet} 第{row}行").format(sheet=row.sheet, row=row.row_number)
            if role == Qt.ItemDataRole.ToolTipRole:
                return html.escape(where_text(row))
            return self._row_background(row, role)
        if not FIRST_FIELD_COLUMN <= column < self.columnCount():
            return None
        cells = self._cells[index.row()].get(self._fields[column - FIRST_FIELD_COLUMN][0], ())
        return self._cell_data(row, cells, role)

    # -- pieces -----------------------------------------------------------------------------
    def _status_data(self, row: PreviewRow, role: int) -> Any:
        status = row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return _status_text(status)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = {RowStatus.ERROR: ERROR_COLOR, RowStatus.WARNING: WARNING_COLOR}.get(status)
            return QBrush(QColor(color)) if color else None
        return self._row_background(row, role)

    @staticmethod
    def _row_background(row: PreviewRow, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.status in _ROW_BACKGROUND:
            return QBrush(QColor(_ROW_BACKGROUND[row.status]))
        return None

    def _cell_data(self, row: PreviewRow, cells: tuple[CellPreview, ...], role: int) -> Any:
        if role == CellsRole:
            return cells
        if role == Qt.ItemDataRole.DisplayRole:
            return " / ".join(_shown(c) for c in cells if _shown(c))
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cells) or None
        worst = _worst(cells)
        if role == Qt.ItemDataRole.BackgroundRole:
            if worst in _CELL_BACKGROUND:
                return QBrush(QColor(_CELL_BACKGROUND[worst]))
            return self._row_background(row, role)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = {"error": ERROR_COLOR, "warning": WARNING_COLOR, "note": NOTE_COLOR}.get(worst)
            return QBrush(QColor(color)) if color else None
        return None

    def _icon(self, status: RowStatus) -> QIcon:
        if status not in self._icons:
            self._icons[status] = QApplication.style().standardIcon(_STATUS_ICONS[status])
        return self._icons[status]


class ProblemRowsFilterModel(QSortFilterProxyModel):
    """Passes every row, or with :meth:`set_problems_only` only rows that are not 可导入."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._problems_only = False

    def set_problems_only(self, on: bool) -> None:
        if on == self._problems_only:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._problems_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._problems_only = on
            self.invalidateRowsFilter()

    @property
    def problems_only(self) -> bool:
        return self._problems_only

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, LedgerPreviewTableModel)
        return model.row_status(source_row) is not RowStatus.READY


# -- texts (module functions so the wizard and tests can reuse them) ---------------------------
def _status_text(status: RowStatus) -> str:
    if status is RowStatus.WARNING:
        return translate("LedgerPreviewTableModel", "有提示")
    return label(status)


def where_text(row: PreviewRow) -> str:
    """``工作表“3月”第5行（序号3）`` as :attr:`PreviewRow.where`, translated."""
    if row.seq:
        return translate("LedgerPreviewTableModel", "工作表“{sheet}”第{row}行（序号{seq}）").format(
            sheet=row.sheet, row=row.row_number, seq=row.seq)
    return translate("LedgerPreviewTableModel", "工作表“{sheet}”第{row}行").format(sheet=row.sheet, row=row.row_number)


def _shown(cell: CellPreview) -> str:
    return cell.shown or cell.raw


def _worst(cells: tuple[CellPreview, ...]) -> str:
    statuses = {c.status for c in cells}
    return next((s for s in ("error", "warning", "note") if s in statuses), "ok")


def cell_tooltip(cells: tuple[CellPreview, ...]) -> str:
    """Rich-text tooltip of a field cell: 原文 → 导入为, then notes, warnings and errors."""
    parts: list[str] = []
    empty = translate("LedgerPreviewTableModel", "（空）", "an empty ledger cell")
    for cell in cells:
        raw, shown = html.escape(cell.raw), html.escape(cell.shown)
        if not (raw or shown or cell.notes or cell.warnings or cell.errors):
            continue
        head = translate("LedgerPreviewTableModel", "<b>{field}</b>（{column}列）").format(
            field=html.escape(label_text(cell.label)), column=cell.column)
        if cell.errors:
            head += translate("LedgerPreviewTableModel", "<br>原文：{raw}").format(raw=raw or empty)
        elif raw != shown:
            head += translate("LedgerPreviewTableModel", "<br>原文：{raw} → 导入为：{shown}").format(
                raw=raw or empty, shown=shown or empty)
        elif raw:
            head += translate("LedgerPreviewTableModel", "<br>导入为：{shown}").format(shown=shown)
        lines = [head]
        lines += [f"· {html.escape(m)}" for m in cell.notes]
        lines += [_warning_line(html.escape(m)) for m in cell.warnings]
        lines += [_error_line(html.escape(m)) for m in cell.errors]
        parts.append("<br>".join(lines))
    return "<br><br>".join(parts)


def _warning_line(message: str) -> str:
    text = translate("LedgerPreviewTableModel", "提示：{message}").format(message=message)
    return f"<span style='color:{WARNING_COLOR}'>{text}</span>"


def _error_line(message: str) -> str:
    text = translate("LedgerPreviewTableModel", "错误：{message}").format(message=message)
    return f"<span style='color:{ERROR_COLOR}'>{text}</span>"


def _field_message(cell: CellPreview, message: str) -> str:
    """``字段：说明`` of a cell's message (HTML-escaped)."""
    return translate("LedgerPreviewTableModel", "{field}：{message}").format(
        field=html.escape(label_text(cell.label)), message=html.escape(message))


def row_tooltip(row: PreviewRow) -> str:
    """Rich-text tooltip of the status cell: status, the row's own messages, then every
    problem of its cells (so the whole row can be judged from one place)."""
    lines = [f"<b>{html.escape(label(row.status))}</b> — {html.escape(where_text(row))}"]
    for reason in (row.skipped, row.duplicate):
        if reason:
            lines.append(html.escape(reason))
    lines += [f"· {html.escape(m)}" for m in row.notes]
    lines += [_warning_line(html.escape(m)) for m in row.warnings]
    lines += [_error_line(html.escape(m)) for m in row.errors]
    for cell in row.cells:
        lines += [f"<span style='color:{ERROR_COLOR}'>{_field_message(cell, m)}</span>" for m in cell.errors]
        lines += [f"<span style='color:{WARNING_COLOR}'>{_field_message(cell, m)}</span>" for m in cell.warnings]
    return "<br>".join(lines)


def _columns(preview: LedgerPreview) -> list[tuple[str, str]]:
    """Mapped fields of the importable sheets, in the field list's order (序号 first)."""
    mapped = {key for plan in preview.draft.sheets if plan.importable for key in plan.mapping.values() if key}
    return [(spec.key, spec.label) for spec in preview.draft.fields if spec.key in mapped]
