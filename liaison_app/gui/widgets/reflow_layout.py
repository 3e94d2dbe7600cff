"""A row of panels that breaks into rows of fewer columns when the width runs out.

The start page's figure cards and charts and the roster's calendar with its side panel are
side by side on a 1366×768 screen at the standard text size; in 大字模式 and in English they
would need more width than the window has. :class:`ReflowLayout` keeps them in one row while
every item gets at least its minimum width, and otherwise puts them in rows of fewer columns
(e.g. six figure cards in two rows of three), so a page never scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class ReflowLayout(QLayout):
    """Items in one row, or in rows of ``columns[1]``, ``columns[2]`` … items when they do not fit.

    In a row the items share the width like a box layout: by their stretch (``add_widget``),
    items of stretch 0 keep their preferred width; rows are as tall as their tallest item
    (word-wrapped text: as tall as it needs at that width); a taller area goes to the first row
    (the main item: the calendar, the list).

    Args:
        columns: the column counts to try, most first (the first is usually all items).
        equal_columns: in rows of fewer columns, all columns equally wide (a grid of cards);
            otherwise each row shares its whole width by stretch (the last row too).
        parent: the widget laid out (its margins are 0 then), or None for ``addLayout``.
    """

    def __init__(self, columns: Sequence[int], *, equal_columns: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        if parent is not None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))
        if not columns or any(c < 1 for c in columns):
            raise ValueError("columns: counts of at least 1, most first")
        self._columns = tuple(columns)
        self._equal = equal_columns
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._width: list[int | None] = []

    def add_widget(self, widget: QWidget, stretch: int = 0, *, width: int | None = None) -> None:
        """Add ``widget`` with a horizontal ``stretch`` (its share of a row's width). ``width``:
        the width of a stretch-0 widget beside others (default: its size hint); on a row of its
        own it takes the whole width."""
        self.addWidget(widget)
        self._stretch[-1] = stretch
        self._width[-1] = width

    def column_count(self) -> int:
        """Items per row at the current width."""
        return self._choose(self._visible(), self.contentsRect().width())

    # -- QLayout ---------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)
        self._width.append(None)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        self._width.pop(index)
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        directions = Qt.Orientation(0)
        for item in self._items:
            directions |= item.expandingDirections()
        return directions

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def minimumHeightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False, minimum=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items in one row."""
        items = self._visible()
        width = sum(item.sizeHint().width() for item, _s in items) + self._spacing() * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item, _s in items), default=0)
        return QSize(width, height) + self._margin_size()

    def minimumSize(self) -> QSize:
        """The width of the fewest columns; the height of the lowest item (the real height
        comes from :meth:`heightForWidth`)."""
        items = self._visible()
        if not items:
            return self._margin_size()
        columns = min(self._columns[-1], len(items))
        spacing = self._spacing()
        if self._equal:
            width = columns * max(item.minimumSize().width() for item, _s in items) + spacing * (columns - 1)
        else:
            width = max(sum(item.minimumSize().width() for item, _s in row) + spacing * (len(row) - 1)
                        for row in _rows(items, columns))
        height = max(item.minimumSize().height() for item, _s in items)
        return QSize(width, height) + self._margin_size()

    # -- layout ----------------------------------------------------------------------------------
    def _visible(self) -> list[tuple[QLayoutItem, int]]:
        return [(_Sized(item, width) if width else item, stretch)
                for item, stretch, width in zip(self._items, self._stretch, self._width) if not item.isEmpty()]

    def _margin_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _choose(self, items: list[tuple[QLayoutItem, int]], width: int) -> int:
        """The most columns (of those allowed) that give every item its minimum width."""
        spacing = self._spacing()
        for columns in self._columns:
            columns = min(columns, len(items)) or 1
            if self._equal and columns < len(items):
                cell = (width - spacing * (columns - 1)) // columns
                fits = all(item.minimumSize().width() <= cell for item, _s in items)
            else:
                fits = all(sum(item.minimumSize().width() for item, _s in row) + spacing * (len(row) - 1) <= width
                           for row in _rows(items, columns))
            if fits:
                return columns
        return min(self._columns[-1], len(items)) or 1

    def _widths(self, items: list[tuple[QLayoutItem, int]], columns: int, width: int) -> list[list[int]]:
        spacing = self._spacing()
        if self._equal and columns < len(items):
            cell = (width - spacing * (columns - 1)) // columns
            return [[max(cell, item.minimumSize().width()) for item, _s in row] for row in _rows(items, columns)]
        return [_share_row(row, width, spacing) for row in _rows(items, columns)]

    def _do_layout(self, rect: QRect, *, apply: bool, minimum: bool = False) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        items = self._visible()
        if not items:
            return margins.top() + margins.bottom()
        spacing = self._spacing()
        columns = self._choose(items, area.width())
        rows = _rows(items, columns)
        widths = self._widths(items, columns, area.width())
        heights = _row_heights(rows, widths, minimum)
        needed = sum(heights) + spacing * (len(rows) - 1)
        if apply:
            extra = max(0, area.height() - needed)
            if area.height() < needed:  # squeezed: the rows give up height down to their least
                least = _row_heights(rows, widths, True)
                room = area.height() - spacing * (len(rows) - 1) - sum(least)
                give = sum(heights) - sum(least)
                heights = [low + (max(0, room) * (high - low) // give if give else 0)
                           for low, high in zip(least, heights)]
            y = area.y()
            for number, (row, row_widths, height) in enumerate(zip(rows, widths, heights)):
                if number == 0:
                    height += extra
                x = area.x()
                for (item, _s), w in zip(row, row_widths):
                    h = max(item.minimumSize().height(), min(height, item.maximumSize().height()))
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, h)))
                    x += w + spacing
                y += height + spacing
        return needed + margins.top() + margins.bottom()


def _row_heights(rows: list[list[tuple[QLayoutItem, int]]], widths: list[list[int]], minimum: bool) -> list[int]:
    return [max(_height_for(item, w, minimum) for (item, _s), w in zip(row, row_widths))
            for row, row_widths in zip(rows, widths)]


class _Sized:
    """An item seen with another preferred width (``add_widget(width=…)``)."""

    def __init__(self, item: QLayoutItem, width: int):
        self._item = item
        self._width = width

    def sizeHint(self) -> QSize:
        return QSize(max(self._width, self._item.minimumSize().width()), self._item.sizeHint().height())

    def __getattr__(self, name: str) -> object:
        return getattr(self._item, name)


def _rows(items: list[tuple[QLayoutItem, int]], columns: int) -> list[list[tuple[QLayoutItem, int]]]:
    return [items[start:start + columns] for start in range(0, len(items), columns)]


def _share_row(row: list[tuple[QLayoutItem, int]], width: int, spacing: int) -> list[int]:
    """Widths like a box layout: stretch-0 items at their preferred width, the rest of the row
    shared by stretch (all alike when no item has a stretch), within minimum and maximum."""
    available = width - spacing * (len(row) - 1)
    minimums = [item.minimumSize().width() for item, _s in row]
    maximums = [item.maximumSize().width() for item, _s in row]
    stretches = [s for _item, s in row]
    if not any(stretches):
        stretches = [1] * len(row)
    widths = [0] * len(row)
    for i, (item, _s) in enumerate(row):
        if not stretches[i]:
            widths[i] = max(minimums[i], min(item.sizeHint().width(), maximums[i]))
    free = [i for i in range(len(row)) if stretches[i]]
    short = sum(widths) + sum(minimums[i] for i in free) - available
    for i in range(len(row)):  # too narrow: the fixed items give up their width down to their minimum
        if short > 0 and not stretches[i]:
            give = min(short, widths[i] - minimums[i])
            widths[i] -= give
            short -= give
    remaining = available - sum(widths)
    # Water-filling: an item whose share is below its minimum (above its maximum) is fixed there.
    while free:
        total = sum(stretches[i] for i in free)
        shares = {i: remaining * stretches[i] // total for i in free}
        fixed = [i for i in free if shares[i] < minimums[i] or shares[i] > maximums[i]]
        if not fixed:
            for i in free:
                widths[i] = shares[i]
            widths[free[-1]] += remaining - sum(shares.values())  # rounding
            break
        for i in fixed:
            widths[i] = minimums[i] if shares[i] < minimums[i] else maximums[i]
            remaining -= widths[i]
            free.remove(i)
    return [max(w, m) for w, m in zip(widths, minimums)]


def _height_for(item: QLayoutItem, width: int, minimum: bool = False) -> int:
    """The item's (``minimum``: least) height at ``width``."""
    if item.hasHeightForWidth():
        height = item.minimumHeightForWidth(width) if minimum else item.heightForWidth(width)
    else:
        height = item.minimumSize().height() if minimum else item.sizeHint().height()
    return max(item.minimumSize().height(), min(height, item.maximumSize().height()))
