"""List model of earlier visits of (probably) the same person (重复来访)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from liaison_app.domain.records import VisitorMatch
from liaison_app.gui.formatting import format_received
from liaison_app.gui.labels import label
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

_Index = QModelIndex | QPersistentModelIndex

#: The reasons ``ConsultationService.similar_visitors`` gives (``VisitorMatch.reason``, Chinese).
REASONS = (
    QT_TRANSLATE_NOOP("VisitorMatchListModel", "同一身份证号"),
    QT_TRANSLATE_NOOP("VisitorMatchListModel", "同一电话"),
    QT_TRANSLATE_NOOP("VisitorMatchListModel", "同村姓名相近"),
)


def reason_text(reason: str) -> str:
    """A match reason of the core, translated (an unknown one as it is)."""
    return translate("VisitorMatchListModel", reason)

MatchRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the :class:`VisitorMatch` of a row."""


class VisitorMatchListModel(QAbstractListModel):
    """At most a handful of :class:`VisitorMatch` rows, each shown on three short lines:
    ``2026-11-20 09:30 · 同一电话`` / ``王秀英 · 宁安村`` / ``离婚纠纷 · 引导调解``.

    Args:
        category_name: code → Chinese category name (``ConsultationService.category_name``).
    """

    def __init__(self, category_name: Callable[[str], str], parent: QObject | None = None):
        super().__init__(parent)
        self._category_name = category_name
        self._matches: list[VisitorMatch] = []

    def set_matches(self, matches: Sequence[VisitorMatch]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def match_at(self, row: int) -> VisitorMatch | None:
        """The match in ``row`` or None."""
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        """Number of matches (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._matches)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Two-line text for display and tooltip; the match under ``MatchRole``."""
        if not index.isValid() or index.row() >= len(self._matches):
            return None
        match = self._matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            who = " · ".join(filter(None, [match.visitor_name, match.village]))
            return "\n".join([
                f"{format_received(match.received_at)} · {reason_text(match.reason)}",
                who,
                f"{self._category_name(match.category_code)} · {label(match.outcome)}",
            ])
        if role == MatchRole:
            return match
        return None
