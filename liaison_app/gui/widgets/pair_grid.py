"""Label + field pairs in two columns that become one column when the width runs out.

The record forms lay their groups out as ``label field label field`` rows. In 大字模式 and in
English the two columns need more width than a 1366×768 screen has, and the form would scroll
sideways; :class:`PairGridLayout` then puts the pairs under each other (one label column, one
field column), in reading order. The groups of one form share a :class:`PairGridPeers`, so they
switch together and their label columns line up down the form.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


@dataclass
class _Pair:
    label: QLayoutItem
    field: QLayoutItem
    row: int
    column: int
    span: bool


class PairGridPeers:
    """The pair grids of one form: two columns only while every one of them fits in two, label
    columns as wide as the widest label of any of them."""

    def __init__(self) -> None:
        self.layouts: list[PairGridLayout] = []

    def label_widths(self) -> tuple[int, int, int]:
        """(first label column, second label column, the one label column)."""
        widths = [layout._own_label_widths() for layout in self.layouts]
        return tuple(max((w[i] for w in widths), default=0) for i in range(3))  # type: ignore[return-value]

    def two_column_width(self) -> int:
        """The width every grid needs for two columns at their preferred field widths."""
        return max((layout._two_column_width() for layout in self.layouts), default=0)

    def state(self) -> tuple[int, tuple[int, int, int]]:
        """What the grids' arrangement depends on besides their own width."""
        return self.two_column_width(), self.label_widths()

    def laid_out(self, source: PairGridLayout, state: tuple[int, tuple[int, int, int]]) -> None:
        """``source`` was laid out with ``state``: the grids laid out with another one (a field
        or label of another grid changed since) are laid out again, and their group boxes tell
        the form their height may have changed."""
        for layout in self.layouts:
            if layout is not source and layout._state is not None and layout._state != state:
                layout._relayout()


class PairGridLayout(QLayout):
    """Pairs at (row, column) with column 0 or 1; ``span``: the field takes the rest of the row.

    Two columns while the widest field of each column gets its preferred width (the whole
    width of every grid in ``peers``), else one column: the pairs row by row, left before right.
    A label is as tall as its text, a field as tall as it needs at its width (word-wrapped error
    lines), both at the top of their row.

    Args:
        parent: the widget laid out (a group box).
        peers: the grids of the same form (None: this grid alone).
        label_width: the least width of the first label column (a sample label as shown) and
            of the one column; second_label_width: of the second (None: ``label_width``).
        horizontal_spacing: between a label and its field, and between the two pairs.
    """

    def __init__(self, parent: QWidget | None = None, *, peers: PairGridPeers | None = None,
                 label_width: int = 0, second_label_width: int | None = None, horizontal_spacing: int = 12):
        super().__init__(parent)
        self._pairs: list[_Pair] = []
        self._added: list[QLayoutItem] | None = None  # the items add_pair is adding
        self._state: tuple[int, tuple[int, int, int]] | None = None  # of the peers at the last layout
        self._peers = peers or PairGridPeers()
        self._peers.layouts.append(self)
        self._label_width = label_width
        self._second_label_width = label_width if second_label_width is None else second_label_width
        self._hspacing = horizontal_spacing

    def add_pair(self, label: QWidget, field: QWidget, row: int, column: int, *, span: bool = False) -> None:
        """Add ``label`` and ``field`` (reparented to the laid-out widget)."""
        if column not in (0, 1):
            raise ValueError("column: 0 or 1")
        self._added = []
        self.addWidget(label)  # Qt makes the items (and owns them), handing them to addItem
        self.addWidget(field)
        label_item, field_item = self._added
        self._added = None
        self._pairs.append(_Pair(label_item, field_item, row, column, span))
        self._pairs.sort(key=lambda p: (p.row, p.column))
        self.invalidate()

    def columns(self) -> int:
        """Pair columns at the current width (tests and diagnostics)."""
        widget = self.parentWidget()
        rect = widget.contentsRect() if widget is not None else self.geometry()
        return self._columns(rect.marginsRemoved(self.contentsMargins()).width())

    # -- QLayout ---------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        if getattr(self, "_added", None) is None:
            raise TypeError("PairGridLayout: use add_pair(label, field, row, column)")
        self._added.append(item)

    def count(self) -> int:
        return 2 * len(self._pairs)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < 2 * len(self._pairs):
            return None
        pair = self._pairs[index // 2]
        return pair.field if index % 2 else pair.label

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < 2 * len(self._pairs):
            return None
        pair = self._pairs.pop(index // 2)
        return pair.field if index % 2 else pair.label

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)
        self._state = self._peers.state()
        self._peers.laid_out(self, self._state)

    def sizeHint(self) -> QSize:
        """Two columns with every field at its preferred width."""
        width = max(self._peers.two_column_width(), self._one_column_width(preferred=True)) + self._margin_width()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """One column with the widest field at its minimum; the height at the preferred width
        (the real height comes from :meth:`heightForWidth`)."""
        width = self._one_column_width(preferred=False) + self._margin_width()
        return QSize(width, self.heightForWidth(self.sizeHint().width()))

    # -- layout ----------------------------------------------------------------------------------
    def _relayout(self) -> None:
        widget = self.parentWidget()
        if widget is None:
            return
        self._do_layout(widget.contentsRect(), apply=True)
        self._state = self._peers.state()
        widget.updateGeometry()  # the form asks its height again

    def _visible(self) -> list[_Pair]:
        return [p for p in self._pairs if not (p.label.isEmpty() and p.field.isEmpty())]

    def _margin_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def _vspacing(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing) if style else 6

    def _own_label_widths(self) -> tuple[int, int, int]:
        first = [p.label.sizeHint().width() for p in self._visible() if p.column == 0]
        second = [p.label.sizeHint().width() for p in self._visible() if p.column == 1]
        return (max([self._label_width, *first]), max([self._second_label_width if second else 0, *second]),
                max([self._label_width, *first, *second]))

    def _two_column_width(self) -> int:
        pairs = self._visible()
        first, second, _one = self._peers.label_widths()
        if not any(p.column == 1 for p in pairs):
            second = 0
        field = max((p.field.sizeHint().width() for p in pairs if not p.span), default=0)
        if second:
            return first + second + 2 * field + 3 * self._hspacing
        return first + field + self._hspacing

    def _one_column_width(self, *, preferred: bool) -> int:
        _first, _second, label = self._peers.label_widths()
        fields = [(p.field.sizeHint() if preferred else p.field.minimumSize()).width() for p in self._visible()]
        return label + self._hspacing + max(fields, default=0)

    def _columns(self, width: int) -> int:
        return 2 if width >= self._peers.two_column_width() else 1

    def _rows(self, width: int) -> list[list[tuple[_Pair, int, int, int]]]:
        """Rows of (pair, x of its label, label width, field width)."""
        pairs = self._visible()
        first, second, one = self._peers.label_widths()
        gap = self._hspacing
        if self._columns(width) == 2:
            field = (width - first - second - 3 * gap) // 2 if second else width - first - gap
            by_row: dict[int, list[tuple[_Pair, int, int, int]]] = {}
            for pair in pairs:
                if pair.span or pair.column == 0:
                    cell = (pair, 0, first, width - first - gap if pair.span else field)
                else:
                    cell = (pair, first + field + 2 * gap, second, width - (first + field + 2 * gap) - second - gap)
                by_row.setdefault(pair.row, []).append(cell)
            rows = [by_row[row] for row in sorted(by_row)]
        else:
            rows = [[(pair, 0, one, max(0, width - one - gap))] for pair in pairs]
        return rows

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        spacing = self._vspacing()
        y = area.y()
        for number, row in enumerate(self._rows(area.width())):
            if number:
                y += spacing
            height = 0
            for pair, x, label_width, field_width in row:
                label_height = pair.label.sizeHint().height()
                field_height = _height_for(pair.field, field_width)
                if apply:
                    pair.label.setGeometry(QRect(QPoint(area.x() + x, y), QSize(label_width, label_height)))
                    pair.field.setGeometry(QRect(QPoint(area.x() + x + label_width + self._hspacing, y),
                                                 QSize(field_width, field_height)))
                height = max(height, label_height, field_height)
            y += height
        return y - area.y() + margins.top() + margins.bottom()


def _height_for(item: QLayoutItem, width: int) -> int:
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return max(item.minimumSize().height(), min(height, item.maximumSize().height()))
