"""Side panel of the consultation form: earlier visits of the same person (重复来访)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from liaison_app.domain.records import VisitorMatch
from liaison_app.gui.models.visitor_match_list_model import VisitorMatchListModel


class SimilarVisitorsPanel(QWidget):
    """Title ``此人曾来访 N 次`` and the list of matches; double-click/Enter opens one.

    Signals:
        sig_open_requested(str): id of the earlier consultation to show.
    """

    sig_open_requested = Signal(str)

    def __init__(self, category_name: Callable[[str], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("similar_title")
        self.title.setWordWrap(True)
        self.hint = QLabel(self.tr("填写电话、身份证号或姓名和村/社区后，这里会列出此人以前的来访。"), self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.model = VisitorMatchListModel(category_name, self)
        self.view = QListView(self)
        self.view.setObjectName("similar_list")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.view.activated.connect(self._on_activated)
        self.set_matches([])

    def set_matches(self, matches: Sequence[VisitorMatch]) -> None:
        """Show ``matches`` (newest first) and update the title."""
        self.model.set_matches(matches)
        if matches:
            self.title.setText(self.tr("此人曾来访 {n} 次").format(n=len(matches)))
            self.title.setProperty("role", "warning")
        else:
            self.title.setText(self.tr("未发现以前的来访"))
            self.title.setProperty("role", "muted")
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)

    def count(self) -> int:
        """Number of matches shown."""
        return self.model.rowCount()

    def _on_activated(self, index: QModelIndex) -> None:
        match = self.model.match_at(index.row())
        if match is not None:
            self.sig_open_requested.emit(match.consultation_id)
