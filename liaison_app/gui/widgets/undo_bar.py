"""The inline "已删除 …。[撤销]" bar above a list (deletes ask nothing; they can be undone)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class UndoBar(QFrame):
    """Says what was just deleted and offers 撤销 (``undo_stack.undo()``).

    The bar hides as soon as the stack moves (an undo from the menu, or a delete on another
    page), so its button can never undo something it does not describe.

    Args:
        undo_stack: the main window's stack the deletes are pushed on.
    """

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = undo_stack
        self.setProperty("role", "banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("撤销"), self)
        self.undo_button.setObjectName("undo_delete")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.undo_button.clicked.connect(self._undo)
        undo_stack.indexChanged.connect(self._on_stack_moved)
        self.hide()

    def announce(self, text: str) -> None:
        """Show ``text`` (call right after pushing the delete command)."""
        self.label.setText(text)
        self.show()

    def _undo(self) -> None:
        self._stack.undo()
        self.hide()

    def _on_stack_moved(self, _index: int) -> None:
        self.hide()
