"""A layout that wraps its items onto the next line when the width runs out (Qt's "Flow Layout"
example, ported to PySide6), so filter bars and button rows fit a narrow window in 大字模式 and
in English instead of making the page scroll sideways.

Differences from the example: items that expand horizontally (a search box) share the spare
width of their line, so a line that fits looks like a box layout with a stretching field; items
are centred vertically in their line; a word-wrapped label asks for its text on one line and is
as tall as its text needs at the width it gets; hidden widgets take no room.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, a new line when the next one does not fit.

    Args:
        parent: the widget laid out (its margins are 0 then: a flow is usually one row of a
            page), or None for a layout added with ``addLayout``.
        spacing: between items and lines (px); -1: the style's layout spacing.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        if parent is not None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(spacing)
        self._items: list[QLayoutItem] = []

    # -- QLayout ---------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        items = self._visible()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in items) + self._spacing() * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item in items), default=0)
        return QSize(width, height) + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest item: every item on a line of its own."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- layout ----------------------------------------------------------------------------------
    def lines(self) -> list[list[QLayoutItem]]:
        """The items of each line at the current width (tests and diagnostics)."""
        return self._lines(self.contentsRect().width())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        spacing = self._spacing()
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._visible():
            hint = _width_hint(item, width)
            if lines and lines[-1] and used + spacing + hint <= width:
                lines[-1].append(item)
                used += spacing + hint
            else:
                lines.append([item])
                used = hint
        return lines

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        spacing = self._spacing()
        y = area.y()
        for number, line in enumerate(self._lines(area.width())):
            widths = _share_line(line, area.width(), spacing)
            heights = [_height_for(item, width) for item, width in zip(line, widths)]
            line_height = max(heights)
            if number:
                y += spacing
            x = area.x()
            for item, width, height in zip(line, widths, heights):
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (line_height - height) // 2), QSize(width, height)))
                x += width + spacing
            y += line_height
        return y - area.y() + margins.top() + margins.bottom()


def _width_hint(item: QLayoutItem, available: int) -> int:
    """The item's preferred width, never below its minimum, at most the line (unless its
    minimum is wider). A word-wrapped label asks for its text on one line: it wraps only when
    a line of its own is narrower."""
    minimum = item.minimumSize().width()
    label = item.widget()
    if isinstance(label, QLabel) and label.wordWrap() and label.text():
        margins = label.contentsMargins()
        preferred = label.fontMetrics().horizontalAdvance(label.text()) + margins.left() + margins.right() + 2
    else:
        preferred = item.sizeHint().width()
    hint = min(max(preferred, minimum), item.maximumSize().width())
    return max(minimum, min(hint, available))


def _share_line(line: list[QLayoutItem], available: int, spacing: int) -> list[int]:
    """Preferred widths; what is left of the line goes to the items that expand horizontally."""
    widths = [_width_hint(item, available) for item in line]
    spare = available - sum(widths) - spacing * (len(line) - 1)
    growing = [i for i, item in enumerate(line) if item.expandingDirections() & Qt.Orientation.Horizontal]
    while spare > 0 and growing:
        share = max(1, spare // len(growing))
        for i in list(growing):
            grow = min(share, spare, line[i].maximumSize().width() - widths[i])
            widths[i] += max(0, grow)
            spare -= max(0, grow)
            if widths[i] >= line[i].maximumSize().width():
                growing.remove(i)
            if spare <= 0:
                break
    return widths


def _height_for(item: QLayoutItem, width: int) -> int:
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return max(item.minimumSize().height(), min(height, item.maximumSize().height()))


def keep_together(parent: QWidget, *widgets: QWidget, spacing: int = -1, align_right: bool = False) -> QWidget:
    """A plain widget holding ``widgets`` side by side, so a flow moves them as one (a caption
    with its combo box, a group of buttons). The widgets are reparented to it. ``align_right``:
    the group takes the spare width of its line and keeps the widgets at its right end."""
    group = QWidget(parent)
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing >= 0:
        layout.setSpacing(spacing)
    if align_right:
        layout.addStretch(1)
    for widget in widgets:
        layout.addWidget(widget)
    group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return group
