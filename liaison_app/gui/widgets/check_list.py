"""A list of check boxes over (id, text) choices, optionally remembering the order of checking."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

IdRole = Qt.ItemDataRole.UserRole + 1
"""Role holding the id of an item."""


class CheckList(QListWidget):
    """Checkable items, each carrying an id.

    With ``ordered`` the ids come back in the order they were checked (the first checked
    speaker is the main speaker) and each checked item shows its position, e.g. ``①``; else in
    list order. Items are tall enough to hit with a finger or an unsteady hand.

    Signals:
        sig_changed(): the set (or order) of checked ids changed, by the user or by code.
    """

    sig_changed = Signal()

    _MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

    def __init__(self, *, ordered: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._ordered = ordered
        self._order: list[str] = []
        self._texts: dict[str, str] = {}
        self._updating = False
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.itemChanged.connect(self._on_item_changed)
        self.itemActivated.connect(self._toggle)

    def set_choices(self, choices: Iterable[tuple[str, str]], checked: Sequence[str] = ()) -> None:
        """Replace the items by ``(id, text)`` pairs and check ``checked`` (in that order)."""
        self._updating = True
        try:
            self.clear()
            self._texts = {}
            for item_id, text in choices:
                item = QListWidgetItem(text, self)
                item.setData(IdRole, item_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setSizeHint(QSize(0, self.fontMetrics().height() + 12))
                self._texts[item_id] = text
        finally:
            self._updating = False
        self.set_checked(checked)

    def choices(self) -> list[tuple[str, str]]:
        """The ``(id, text)`` pairs listed (texts without the order marks)."""
        return [(item_id, self._texts[item_id]) for item_id in self.ids()]

    def ids(self) -> list[str]:
        """Every id listed, in list order."""
        return [self.item(row).data(IdRole) for row in range(self.count())]

    def checked_ids(self) -> list[str]:
        """Checked ids: in checking order when ``ordered``, else in list order."""
        if self._ordered:
            return list(self._order)
        return [item_id for row, item_id in enumerate(self.ids())
                if self.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: Sequence[str]) -> None:
        """Check exactly ``ids`` (unknown ids are ignored); emits :attr:`sig_changed` once."""
        wanted = [i for i in dict.fromkeys(ids) if i in self._texts]
        self._updating = True
        try:
            for row in range(self.count()):
                item = self.item(row)
                state = Qt.CheckState.Checked if item.data(IdRole) in wanted else Qt.CheckState.Unchecked
                item.setCheckState(state)
            self._order = wanted
            self._update_marks()
        finally:
            self._updating = False
        self.sig_changed.emit()

    def set_item_checked(self, item_id: str, checked: bool) -> None:
        """Check or uncheck one item as a click would."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(IdRole) == item_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        item_id = item.data(IdRole)
        if item.checkState() == Qt.CheckState.Checked:
            if item_id not in self._order:
                self._order.append(item_id)
        elif item_id in self._order:
            self._order.remove(item_id)
        self._updating = True
        try:
            self._update_marks()
        finally:
            self._updating = False
        self.sig_changed.emit()

    def _update_marks(self) -> None:
        if not self._ordered:
            return
        for row in range(self.count()):
            item = self.item(row)
            item_id = item.data(IdRole)
            text = self._texts[item_id]
            if item_id in self._order:
                position = self._order.index(item_id)
                mark = self._MARKS[position] if position < len(self._MARKS) else f"({position + 1})"
                text = f"{text}  {mark}"
            item.setText(text)
