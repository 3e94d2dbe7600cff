"""An editor with its validation message underneath, in red (the message hidden when empty)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FieldRow(QWidget):
    """Holds one editor (or a small composite) and the error label shown beside it.

    Args:
        editor: the widget the user types into.
        field: the record attribute it edits (``visitor_name``); used in object names so
            tests and the form can find ``error_<field>`` labels.
    """

    def __init__(self, editor: QWidget, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.field = field
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{field}")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)

    def set_error(self, message: str | None) -> None:
        """Show ``message`` under the editor, or hide the label for None/empty."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def error(self) -> str:
        """The message shown (empty when none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""
