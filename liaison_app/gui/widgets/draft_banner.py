"""A non-modal bar offering to restore a saved draft (恢复 / 丢弃)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DraftBanner(QFrame):
    """Shown at the top of a form when an unfinished entry was saved earlier.

    Signals:
        sig_restore(): the user wants the draft back.
        sig_discard(): the user throws the draft away.
    """

    sig_restore = Signal()
    sig_discard = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复"), self)
        self.restore_button.setObjectName("draft_restore")
        self.discard_button = QPushButton(self.tr("丢弃"), self)
        self.discard_button.setObjectName("draft_discard")
        for button in (self.restore_button, self.discard_button):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.hide()

    def offer(self, saved_at_text: str) -> None:
        """Show the offer for a draft saved at ``saved_at_text`` (already formatted)."""
        if saved_at_text:
            text = self.tr("有一份未保存完的登记（{time} 暂存），要恢复吗？").format(time=saved_at_text)
        else:
            text = self.tr("有一份未保存完的登记，要恢复吗？")
        self.label.setText(text)
        self.show()

    def _restore(self) -> None:
        self.hide()
        self.sig_restore.emit()

    def _discard(self) -> None:
        self.hide()
        self.sig_discard.emit()
