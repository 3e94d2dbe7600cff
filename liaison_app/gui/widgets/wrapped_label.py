"""A word-wrapped label for a form-layout row."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """Word-wrapped text that gets only the height it needs in a :class:`QFormLayout` row.

    QFormLayout gives a row at least its field's size-hint height, and QLabel takes the hint of
    wrapped text at a narrow width (a few words a line: many lines), so a note in a wide dialog
    got blank lines around it. This label's hint is as high as its text without wrapping (its
    explicit lines); the height it needs at its real width comes from ``heightForWidth``.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())
