"""The main window's page stack, whose pages are built the first time they are shown.

Importing and building every page at start-up was most of the start-up time (each page module
pulls in its dialogs, models and core services; several pages query the database when built):
docs/performance.md. A page registered as a factory costs nothing until it is shown or asked
for; a page built late reads fresh data when it is built, so it misses no change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

PageFactory = Callable[[], QWidget]


class PageStack(QStackedWidget):
    """A ``QStackedWidget`` of pages by key, each a widget or a factory built on first use."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._keys: list[str] = []
        self._factories: dict[str, PageFactory] = {}
        self._built: dict[str, QWidget] = {}

    def insert_page(self, position: int, key: str, page: QWidget | PageFactory, *,
                    placeholder: QWidget | None = None) -> None:
        """Put ``page`` (or, for a factory, ``placeholder`` — by default an empty widget) at
        ``position``; the placeholder is deleted when the page is built."""
        if isinstance(page, QWidget):
            self._built[key] = page
            page = self._scrolling(page)
        else:
            self._factories[key] = page
            page = placeholder if placeholder is not None else QWidget(self)  # until the page is built
        self.insertWidget(position, page)
        self._keys.insert(position, key)

    def page(self, key: str) -> QWidget:
        """The page under ``key``, built now if it was not yet (the current page stays)."""
        if key not in self._built:
            position = self._keys.index(key)
            placeholder = self.widget(position)
            page = self._factories.pop(key)()
            self._built[key] = page
            current = self.currentIndex()
            self.insertWidget(position, self._scrolling(page))
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            self.setCurrentIndex(current)
        return self._built[key]

    def _scrolling(self, page: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName(f"{page.objectName() or type(page).__name__}_scroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes from field to field, not to the frame
        area.setWidgetResizable(True)
        area.setWidget(page)
        return area

    def current_page(self) -> QWidget | None:
        """The page shown (not its scroll area); None while a placeholder is shown."""
        current = self.currentWidget()
        return current.widget() if isinstance(current, QScrollArea) else None

    def built(self, key: str) -> QWidget | None:
        """The page under ``key`` if it has been built, else None (it has nothing to do yet)."""
        return self._built.get(key)

    def show_index(self, index: int) -> None:
        """Build the page at ``index`` if needed and show it."""
        if 0 <= index < len(self._keys):
            self.page(self._keys[index])
        self.setCurrentIndex(index)


class LazyPage:
    """A window attribute that builds its page on first use: ``consultation_page = LazyPage(KEY)``
    makes ``window.consultation_page`` return ``window.stack.page(KEY)``."""

    def __init__(self, key: str):
        self.key = key

    def __get__(self, window: Any, owner: type | None = None) -> Any:
        return self if window is None else window.stack.page(self.key)
