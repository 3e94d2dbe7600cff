"""The scroll area of a record form: up and down, never sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FormScrollArea(QScrollArea):
    """Holds a form that may be taller than the screen.

    It asks for the form's whole size (a plain QScrollArea asks for at most 36×24 text lines),
    so a dialog sized from its size hint shows as much of the form as the screen allows; and it
    is never narrower than the form's least width plus the scroll bar, so the form reflows
    (its groups in one column, check boxes wrapped) instead of scrolling sideways.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        form = self.widget()
        if form is None:
            return super().sizeHint()
        hint = form.sizeHint().expandedTo(form.minimumSize())
        return QSize(hint.width() + self._bar_width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        form = self.widget()
        if form is None:
            return super().minimumSizeHint()
        least = max(form.minimumSizeHint().width(), form.minimumWidth())  # what QScrollArea gives it
        return QSize(least + self._bar_width(), super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the form's least width may have changed
        return super().eventFilter(watched, event)

    def _bar_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width()
