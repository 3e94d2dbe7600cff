"""A big clickable number with its caption (start-page figures)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

# A caption of up to this many Chinese characters stays on one line (no lone 次 on a line of its
# own); longer captions wrap.
CAPTION_LINE_CHARS = 8


class FigureCard(QFrame):
    """Value over caption; click, Enter or Space activates it.

    Signals:
        sig_clicked(): the user wants the records behind the figure.
    """

    sig_clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "figure")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value_label = QLabel("–", self)
        self.value_label.setProperty("role", "figureValue")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setProperty("role", "figureCaption")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setProperty("role", "figureDetail")
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        self.setAccessibleName(caption)

    def set_value(self, text: str, *, alert: bool = False, tooltip: str = "") -> None:
        """Show ``text``; ``alert`` draws the card in red (e.g. overdue follow-ups)."""
        self.value_label.setText(text)
        self.setToolTip(tooltip)
        if bool(self.property("alert")) != alert:
            self.setProperty("alert", alert)
            for widget in (self, self.value_label, self.caption_label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def set_detail(self, text: str) -> None:
        """A small line under the caption (e.g. how the figure is computed); hidden when empty."""
        self.detail_label.setText(text)
        self.detail_label.setVisible(bool(text))

    def detail(self) -> str:
        """The small line under the caption."""
        return self.detail_label.text()

    def value(self) -> str:
        """The text shown as value."""
        return self.value_label.text()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the value and for a short caption on one line."""
        hint = super().minimumSizeHint()
        metrics = self.caption_label.fontMetrics()
        one_line = min(metrics.horizontalAdvance(self.caption_label.text()),
                       CAPTION_LINE_CHARS * metrics.horizontalAdvance("中"))  # i18n-exempt: width unit
        margins = self.layout().contentsMargins()
        one_line += margins.left() + margins.right() + 2 * self.frameWidth()
        return QSize(max(hint.width(), one_line), hint.height())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Click → :attr:`sig_clicked`."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.sig_clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter/Space → :attr:`sig_clicked`."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_clicked.emit()
            return
        super().keyPressEvent(event)
