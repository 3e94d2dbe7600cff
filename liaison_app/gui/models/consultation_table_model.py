"""Table model of consultations, paged, sorted and filtered in SQL (HOUSE-STYLE rule 5)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from liaison_app.core.consultations import ConsultationService
from liaison_app.domain.enums import FollowUpState
from liaison_app.domain.identity import mask_name, mask_phone
from liaison_app.domain.records import ConsultationFilter, ConsultationListRow
from liaison_app.gui.formatting import OVERDUE_COLOR, due_text, followup_text, format_received
from liaison_app.gui.labels import category_text, label
from liaison_app.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

# Column identifiers; a model shows a subset of them in the order given to its constructor.
COL_RECEIVED = 0
COL_POINT = 1
COL_VISITOR = 2
COL_PHONE = 3
COL_VILLAGE = 4
COL_CATEGORY = 5
COL_OUTCOME = 6
COL_FOLLOWUP = 7
COL_FOLLOWUP_DUE = 8

LIST_COLUMNS = (COL_RECEIVED, COL_POINT, COL_VISITOR, COL_PHONE, COL_VILLAGE, COL_CATEGORY,
                COL_OUTCOME, COL_FOLLOWUP)
OVERDUE_COLUMNS = (COL_FOLLOWUP_DUE, COL_RECEIVED, COL_POINT, COL_VISITOR, COL_PHONE, COL_VILLAGE,
                   COL_CATEGORY, COL_OUTCOME)

_HEADERS = {
    COL_RECEIVED: QT_TRANSLATE_NOOP("ConsultationTableModel", "接待时间"),
    COL_POINT: QT_TRANSLATE_NOOP("ConsultationTableModel", "联系点"),
    COL_VISITOR: QT_TRANSLATE_NOOP("ConsultationTableModel", "来访人"),
    COL_PHONE: QT_TRANSLATE_NOOP("ConsultationTableModel", "电话"),
    COL_VILLAGE: QT_TRANSLATE_NOOP("ConsultationTableModel", "村/社区"),
    COL_CATEGORY: QT_TRANSLATE_NOOP("ConsultationTableModel", "纠纷类型"),
    COL_OUTCOME: QT_TRANSLATE_NOOP("ConsultationTableModel", "处理方式"),
    COL_FOLLOWUP: QT_TRANSLATE_NOOP("ConsultationTableModel", "回访"),
    COL_FOLLOWUP_DUE: QT_TRANSLATE_NOOP("ConsultationTableModel", "回访期限"),
}

# Column → sort key of storage.consultations.SORT_COLUMNS (sorting happens in SQL).
SORT_KEYS = {
    COL_RECEIVED: "received_at",
    COL_POINT: "point",
    COL_VISITOR: "visitor_name",
    COL_PHONE: "phone",
    COL_VILLAGE: "village",
    COL_CATEGORY: "category",
    COL_OUTCOME: "outcome",
    COL_FOLLOWUP: "followup_due",
    COL_FOLLOWUP_DUE: "followup_due",
}

RecordRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the :class:`ConsultationListRow` of a row (``service.get(row.id)`` gives the
whole record)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""Role returning the raw value a column is sorted by (str, or "" when absent)."""


class ConsultationTableModel(QAbstractTableModel):
    """Consultations matching a filter, ``PAGE_SIZE`` rows at a time.

    Rows are fetched on demand through ``canFetchMore``/``fetchMore``, ``PAGE_SIZE`` at a time
    by keyset pagination (each page continues after the previous page's last sort key and id,
    never ``OFFSET``), so the last page of 100,000 rows costs what the first does; the model
    never loads the whole table. It holds light :class:`ConsultationListRow` values — the
    list's columns, not the free text — and a form loads the full record when a row is
    opened (docs/performance.md). ``sort()`` and :meth:`set_filter` re-query from the first
    page. Names and phones are masked (张*, 138****1234): lists show the minimum necessary
    (GUIDE §3).

    Args:
        service: the consultation use cases (``core.consultations``).
        point_names: liaison point id → name, for the 联系点 column.
        columns: column identifiers (``COL_*``) in display order.
        flt: the initial filter.
        sort: initial sort key (a key of ``storage.consultations.SORT_COLUMNS``).
        descending: initial sort direction.
    """

    PAGE_SIZE = 200

    def __init__(
        self,
        service: ConsultationService,
        *,
        point_names: Mapping[str, str] | None = None,
        columns: Sequence[int] = LIST_COLUMNS,
        flt: ConsultationFilter | None = None,
        sort: str = "received_at",
        descending: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._service = service
        self._point_names = dict(point_names or {})
        self._columns = tuple(columns)
        self._filter = flt or ConsultationFilter()
        self._sort = sort
        self._descending = descending
        self._rows: list[ConsultationListRow] = []
        self._after: object = None  # keyset position of the last fetched row
        self._has_more = False
        self._fetching = False
        self._today = service.now().date()
        self._load(self.PAGE_SIZE)

    # -- queries ---------------------------------------------------------------------------
    @property
    def filter(self) -> ConsultationFilter:
        """The filter the rows match."""
        return self._filter

    @property
    def sort_key(self) -> str:
        """Current SQL sort key."""
        return self._sort

    @property
    def descending(self) -> bool:
        """Current sort direction."""
        return self._descending

    def total_count(self) -> int:
        """Number of records matching the filter (not just the rows fetched so far)."""
        return self._service.count(self._filter)

    def record_at(self, row: int) -> ConsultationListRow | None:
        """The list row shown in ``row`` or None when out of range."""
        if 0 <= row < len(self._rows):
            return self._rows[row]
        return None

    def row_of(self, record_id: str) -> int:
        """Row showing ``record_id`` among the fetched rows, or -1."""
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    def column_of(self, column_id: int) -> int:
        """Display position of a ``COL_*`` identifier, or -1 if not shown."""
        return self._columns.index(column_id) if column_id in self._columns else -1

    # -- changes ---------------------------------------------------------------------------
    def set_filter(self, flt: ConsultationFilter) -> None:
        """Show the records matching ``flt`` (re-queries from the first page)."""
        self._filter = flt
        self._reset(self.PAGE_SIZE)

    def set_point_names(self, point_names: Mapping[str, str]) -> None:
        """Update the 联系点 names (after a point was added or renamed)."""
        self._point_names = dict(point_names)
        column = self.column_of(COL_POINT)
        if column >= 0 and self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def refresh(self) -> None:
        """Re-query after a change, keeping as many rows loaded as before (scroll position)."""
        wanted = max(self.PAGE_SIZE, len(self._rows))
        self._reset(wanted)

    def _reset(self, limit: int) -> None:
        self.beginResetModel()
        self._load(limit)
        self.endResetModel()

    def _load(self, limit: int) -> None:
        self._today = self._service.now().date()
        page = self._service.list_page(self._filter, sort=self._sort, descending=self._descending,
                                       limit=limit)
        self._rows, self._after, self._has_more = page.rows, page.after, page.has_more

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
        """Append the next page of ``PAGE_SIZE`` rows (re-entrancy guarded)."""
        if parent.isValid() or not self._has_more or self._fetching:
            return
        self._fetching = True
        try:
            page = self._service.list_page(self._filter, sort=self._sort, descending=self._descending,
                                           after=self._after, limit=self.PAGE_SIZE)
            rows, self._after, self._has_more = page.rows, page.after, page.has_more
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
        key = SORT_KEYS.get(self._columns[column])
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort and descending == self._descending and self._rows:
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
                return QCoreApplication.translate("ConsultationTableModel", _HEADERS[self._columns[section]])
            return None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display strings, red for overdue follow-ups, the record under ``RecordRole``."""
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (COL_FOLLOWUP, COL_FOLLOWUP_DUE) and \
                    record.followup_state(self._today) is FollowUpState.OVERDUE:
                return QColor(OVERDUE_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CATEGORY:
            return self._display(record, column)
        if role == RecordRole:
            return record
        if role == SortRole:
            return self._sort_value(record, column)
        return None

    def _display(self, record: ConsultationListRow, column: int) -> str:
        if column == COL_RECEIVED:
            return format_received(record.received_at)
        if column == COL_POINT:
            return self._point_names.get(record.point_id, "")
        if column == COL_VISITOR:
            return mask_name(record.visitor_name)
        if column == COL_PHONE:
            return mask_phone(record.phone)
        if column == COL_VILLAGE:
            return record.village
        if column == COL_CATEGORY:
            return category_text(self._service.category(record.category_code), record.category_code)
        if column == COL_OUTCOME:
            return label(record.outcome)
        if column == COL_FOLLOWUP:
            return followup_text(record, self._today)
        if column == COL_FOLLOWUP_DUE:
            return due_text(record, self._today)
        return ""

    @staticmethod
    def _sort_value(record: ConsultationListRow, column: int) -> str:
        if column == COL_RECEIVED:
            return record.received_at.isoformat()
        if column in (COL_FOLLOWUP, COL_FOLLOWUP_DUE):
            return record.followup_due.isoformat() if record.followup_due else ""
        values = {COL_POINT: record.point_id, COL_VISITOR: record.visitor_name, COL_PHONE: record.phone,
                  COL_VILLAGE: record.village, COL_CATEGORY: record.category_code,
                  COL_OUTCOME: record.outcome.value}
        return values.get(column, "")
