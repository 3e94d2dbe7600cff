"""A list of files and folders to work on, filled by drag-and-drop or by the caller."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

PathRole = Qt.ItemDataRole.UserRole + 1
"""Role holding an item's path (str)."""


class DropFileList(QListWidget):
    """Folders and files with one of ``suffixes``, each once, in the order added.

    Dropping accepts local folders and files with an accepted suffix and ignores the rest
    (:attr:`sig_ignored` names them). The empty list shows ``placeholder`` in its middle.

    Args:
        suffixes: accepted file suffixes, lower case with the dot (``(".xlsx",)``).
        placeholder: text drawn while the list is empty.

    Signals:
        sig_changed(): paths were added or removed.
        sig_ignored(list): names of dropped items that were not accepted.
    """

    sig_changed = Signal()
    sig_ignored = Signal(list)

    def __init__(self, suffixes: Iterable[str], placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._suffixes = tuple(s.lower() for s in suffixes)
        self._placeholder = placeholder
        self._folder_text = self.tr("文件夹：{path}")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    # -- content -------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        """The listed paths in order."""
        return [Path(self.item(i).data(PathRole)) for i in range(self.count())]

    def accepts(self, path: Path) -> bool:
        """True for a folder or a file with an accepted suffix."""
        return path.is_dir() or path.suffix.lower() in self._suffixes

    def add_paths(self, paths: Iterable[Path | str]) -> list[Path]:
        """Add the accepted ``paths`` not yet listed; returns those ignored."""
        known = {str(p) for p in self.paths()}
        ignored: list[Path] = []
        added = False
        for raw in paths:
            path = Path(raw)
            if not self.accepts(path):
                ignored.append(path)
                continue
            if str(path) in known:
                continue
            known.add(str(path))
            self.addItem(self._folder_text.format(path=path) if path.is_dir() else str(path))
            item = self.item(self.count() - 1)
            item.setData(PathRole, str(path))
            item.setToolTip(str(path))
            added = True
        if added:
            self.sig_changed.emit()
        if ignored:
            self.sig_ignored.emit([p.name for p in ignored])
        return ignored

    def remove_selected(self) -> None:
        """Take the selected entries off the list."""
        rows = sorted((index.row() for index in self.selectedIndexes()), reverse=True)
        for row in rows:
            self.takeItem(row)
        if rows:
            self.sig_changed.emit()

    def clear_paths(self) -> None:
        """Empty the list."""
        if self.count():
            self.clear()
            self.sig_changed.emit()

    # -- drag and drop ---------------------------------------------------------------------------
    @staticmethod
    def local_paths(mime: QMimeData) -> list[Path]:
        """Local files and folders carried by a drag."""
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_paths(paths)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self._placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(12, 8, -12, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            painter.end()
