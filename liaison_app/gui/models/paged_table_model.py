"""Base of the record table models: SQL paging, SQL sorting, a filter (HOUSE-STYLE rule 5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex
# Records and filters are plain dataclasses of the domain (one kind per subclass).
R = Any
F = Any

RecordRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the whole record of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""Role returning the raw value a column is sorted by (str or int)."""


class PagedTableModel(QAbstractTableModel):
    """Records matching a filter, ``PAGE_SIZE`` rows at a time, sorted in SQL.

    Subclasses set ``HEADERS`` (column id → untranslated title, marked with
    ``QT_TRANSLATE_NOOP("<subclass name>", …)``), ``SORT_KEYS`` (column id → storage sort key;
    columns without one do not sort), implement :meth:`_fetch`, :meth:`_count`, :meth:`_display`,
    optionally :meth:`_header`, :meth:`_sort_value`, :meth:`_alignment`, :meth:`_tooltip`, and
    call :meth:`refresh` at the end of ``__init__``. Records need an ``id`` attribute.

    Args:
        columns: column ids in display order.
        flt: the initial filter.
        sort: initial storage sort key.
        descending: initial sort direction.
    """

    PAGE_SIZE = 200
    HEADERS: dict[int, str] = {}
    SORT_KEYS: dict[int, str] = {}

    def __init__(self, columns: Sequence[int], flt: F, *, sort: str, descending: bool,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._columns = tuple(columns)
        self._filter = flt
        self._sort = sort
        self._descending = descending
        self._rows: list[R] = []
        self._has_more = False
        self._fetching = False

    # -- to implement ------------------------------------------------------------------------
    def _fetch(self, flt: F, sort: str, descending: bool, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def _count(self, flt: F) -> int:
        raise NotImplementedError

    def _display(self, record: R, column: int) -> str:
        raise NotImplementedError

    def _header(self, column: int) -> str:
        """Translated title of column id ``column``. ``tr()`` of a PySide subclass looks in the
        context of the subclass's name first, where its ``HEADERS`` are marked; subclasses may
        translate with their literal context instead."""
        return self.tr(self.HEADERS[column])

    def _sort_value(self, record: R, column: int) -> Any:
        return self._display(record, column)

    def _alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None

    def _tooltip(self, record: R, column: int) -> str | None:
        return None

    # -- queries ---------------------------------------------------------------------------
    @property
    def filter(self) -> F:
        """The filter the rows match."""
        return self._filter

    @property
    def sort_key(self) -> str:
        """Current storage sort key."""
        return self._sort

    @property
    def descending(self) -> bool:
        """Current sort direction."""
        return self._descending

    def total_count(self) -> int:
        """Number of records matching the filter (not just the rows fetched so far)."""
        return self._count(self._filter)

    def record_at(self, row: int) -> R | None:
        """The record shown in ``row`` or None when out of range."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        """Row showing ``record_id`` among the fetched rows, or -1."""
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    def column_of(self, column_id: int) -> int:
        """Display position of a column id, or -1 if not shown."""
        return self._columns.index(column_id) if column_id in self._columns else -1

    # -- changes ---------------------------------------------------------------------------
    def set_filter(self, flt: F) -> None:
        """Show the records matching ``flt`` (re-queries from the first page)."""
        self._filter = flt
        self._reset(self.PAGE_SIZE)

    def refresh(self) -> None:
        """Re-query after a change, keeping as many rows loaded as before (scroll position)."""
        self._reset(max(self.PAGE_SIZE, len(self._rows)))

    def refresh_display(self) -> None:
        """Redraw every cell (names used in the cells changed, the rows did not)."""
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    def _reset(self, limit: int) -> None:
        self.beginResetModel()
        rows = self._fetch(self._filter, self._sort, self._descending, 0, limit + 1)
        self._has_more = len(rows) > limit
        self._rows = rows[:limit]
        self.endResetModel()

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        """Rows fetched so far (0 under any valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns shown (0 under any valid parent)."""
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: _Index) -> bool:
        """True while the database holds more matching rows than fetched."""
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: _Index) -> None:
        """Append the next page (one row more is asked to know whether another page exists)."""
        if parent.isValid() or not self._has_more or self._fetching:
            return
        self._fetching = True
        try:
            rows = self._fetch(self._filter, self._sort, self._descending, len(self._rows), self.PAGE_SIZE + 1)
            self._has_more = len(rows) > self.PAGE_SIZE
            rows = rows[: self.PAGE_SIZE]
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's key and re-query from the first page."""
        if not 0 <= column < len(self._columns):
            return
        key = self.SORT_KEYS.get(self._columns[column])
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort and descending == self._descending:
            return
        self._sort, self._descending = key, descending
        self._reset(self.PAGE_SIZE)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Rows are selectable, never editable here (the form edits)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Translated column titles; row numbers vertically."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._header(self._columns[section])
            return None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display strings, alignment, tooltips; the record under ``RecordRole``."""
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = self._alignment(column)
            return None if alignment is None else int(alignment)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == RecordRole:
            return record
        if role == SortRole:
            return self._sort_value(record, column)
        return None
