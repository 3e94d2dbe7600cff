"""The main window's page list: as wide as its longest title at the current text size, with
page icons (resources/icons/pages) and Ctrl+1…Ctrl+8 to switch pages from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget

from liaison_app import paths
from liaison_app.i18n import translate

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

    def decorate(self, keys: list[str], window: QWidget) -> None:
        """Give row ``i`` the icon ``resources/icons/pages/<keys[i]>.svg`` (white when
        selected), the tooltip "title（Ctrl+n）", and the shortcut Ctrl+n on ``window``."""
        folder = paths.resource("icons", "pages")
        for row, key in enumerate(keys):
            item = self.item(row)
            normal = folder / f"{key}.svg"
            if normal.is_file():
                icon = QIcon(str(normal))
                icon.addFile(str(folder / f"{key}_selected.svg"), QSize(), QIcon.Mode.Selected)
                item.setIcon(icon)
            if row < 9:
                item.setToolTip(translate("MainWindow", "{page}（Ctrl+{n}）").format(page=item.text(), n=row + 1))
                shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), window)
                shortcut.activated.connect(lambda row=row: self.isEnabled() and self.setCurrentRow(row))
        self._fit_icons()

    def _fit_icons(self) -> None:
        side = self.fontMetrics().height()
        self.setIconSize(QSize(side, side))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.item(row).text()) for row in range(self.count())), default=0)
        padding = round(2 * 16 * metrics.height() / 17) + 2 * self.frameWidth() + 8
        has_icons = any(not self.item(row).icon().isNull() for row in range(self.count()))
        icons = self.iconSize().width() + 8 if has_icons else 0
        return QSize(max(MIN_WIDTH, widest + padding + icons), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_icons()
