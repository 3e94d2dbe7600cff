"""Find widgets too small for their text: each visible label, button, combo box, line edit and
spin box is compared with its size hint (word-wrapped labels: with the height their text needs
at their width)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

CHECKED = (QLabel, QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)
TOLERANCE = 1  # px: rounding of fractional font metrics


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:24]!r}"


def clipped_widgets(root: QWidget) -> list[str]:
    """One line per visible widget under ``root`` (inclusive) that is smaller than it needs."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CHECKED) or not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box or combo box: the outer widget is checked
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if widget.height() + TOLERANCE < need:
                found.append(f"{describe(widget)}: height {widget.height()} < {need} needed at width {widget.width()}")
            continue
        if isinstance(widget, QLabel):
            hint = widget.minimumSizeHint() if widget.pixmap() and not widget.pixmap().isNull() else widget.sizeHint()
            if not widget.text():
                continue
        else:
            hint = widget.minimumSizeHint()
        if widget.width() + TOLERANCE < hint.width() or widget.height() + TOLERANCE < hint.height():
            found.append(f"{describe(widget)}: {widget.width()}×{widget.height()} < {hint.width()}×{hint.height()}")
    return found
