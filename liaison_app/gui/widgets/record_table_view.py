"""The table every record list uses: whole rows, read-only, sortable, rows tall enough to read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class RecordTableView(QTableView):
    """A :class:`QTableView` set up the way the consultation list is.

    Args:
        model: the table model (sorting is delegated to its ``sort()``: SQL).
        samples: one sample text per column; each column starts as wide as its sample.
        stretch_column: the column that takes the spare width (-1: the last one).
        sort_column: column of the initial sort indicator; -1 for none.
        descending: direction of the initial sort indicator.
    """

    def __init__(self, model: QAbstractItemModel, samples: Sequence[str], *, stretch_column: int = -1,
                 sort_column: int = -1, descending: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        for column, sample in enumerate(samples[: model.columnCount()]):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 24)
            self.setColumnWidth(column, width + 28)
        if model.columnCount():
            stretch = stretch_column if stretch_column >= 0 else model.columnCount() - 1
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if sort_column >= 0:
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(sort_column, order)
            self.setSortingEnabled(True)
