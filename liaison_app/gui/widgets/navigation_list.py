"""The main window's page list, as wide as its longest title at the current text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget

#: Narrowest the list gets (px), the width it had at 1.0× in Chinese.
MIN_WIDTH = 150


class NavigationList(QListWidget):
    """A ``QListWidget`` whose width follows its items' text (English titles are longer, and
    大字模式 enlarges the font): the size hint is the widest title plus the item padding of the
    stylesheet (16 px at 1.0×, scaled with the font) and the frame; it is recomputed when the
    font or the style changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.item(row).text()) for row in range(self.count())), default=0)
        padding = round(2 * 16 * metrics.height() / 17) + 2 * self.frameWidth() + 8
        return QSize(max(MIN_WIDTH, widest + padding), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
