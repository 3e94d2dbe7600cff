"""Two-level choice of the dispute category (纠纷类型): 大类 then 具体类型."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from liaison_app.domain.records import Category
from liaison_app.gui.labels import category_text


class CategoryPicker(QWidget):
    """Pick a level-1 category, then optionally one of its level-2 entries.

    Only ``selectable`` codes appear (the dictionary minus the TAG flags,
    ``ConsultationService.selectable_category_codes()``). :meth:`code` is the level-2 code when
    one is chosen, else the level-1 code ("不再细分"), else "" (nothing chosen yet).

    Signals:
        sig_changed(): the chosen code changed.
    """

    sig_changed = Signal()

    def __init__(self, categories: Sequence[Category], selectable: Collection[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._children: dict[str, list[Category]] = {}
        self._parent_of: dict[str, str] = {}
        self.main_combo = QComboBox(self)
        self.main_combo.setObjectName("category_main")
        self.sub_combo = QComboBox(self)
        self.sub_combo.setObjectName("category_sub")
        for combo in (self.main_combo, self.sub_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.setMaxVisibleItems(20)
        self.main_combo.addItem(self.tr("请选择大类…"), "")
        for category in categories:
            if category.code not in selectable:
                continue
            if category.level == 1:
                self.main_combo.addItem(category_text(category), category.code)
                self._children.setdefault(category.code, [])
            elif category.parent_code:
                self._children.setdefault(category.parent_code, []).append(category)
                self._parent_of[category.code] = category.parent_code
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.main_combo, 1)
        layout.addWidget(self.sub_combo, 1)
        self.main_combo.currentIndexChanged.connect(self._on_main_changed)
        self.sub_combo.currentIndexChanged.connect(lambda _index: self.sig_changed.emit())
        self._fill_sub("")
        self.setFocusProxy(self.main_combo)

    def code(self) -> str:
        """The chosen category code, "" if none."""
        main = self.main_combo.currentData() or ""
        if not main:
            return ""
        return self.sub_combo.currentData() or main

    def set_code(self, code: str) -> None:
        """Show ``code`` (level 1 or 2); "" or an unknown code clears the choice."""
        parent = self._parent_of.get(code, code)
        index = self.main_combo.findData(parent) if parent else 0
        self.main_combo.setCurrentIndex(max(index, 0))
        if code and code != parent:
            self.sub_combo.setCurrentIndex(max(self.sub_combo.findData(code), 0))

    def set_read_only(self, read_only: bool) -> None:
        """Show without allowing changes."""
        self.main_combo.setEnabled(not read_only)
        self.sub_combo.setEnabled(not read_only and bool(self.main_combo.currentData()))

    def _on_main_changed(self, _index: int) -> None:
        self._fill_sub(self.main_combo.currentData() or "")
        self.sig_changed.emit()

    def _fill_sub(self, parent_code: str) -> None:
        self.sub_combo.blockSignals(True)
        self.sub_combo.clear()
        children = self._children.get(parent_code, [])
        if not parent_code:
            self.sub_combo.addItem(self.tr("（先选大类）"), "")
        else:
            label = self.tr("请选择具体类型…") if children else self.tr("（本类不再细分）")
            self.sub_combo.addItem(label, "")
            for child in children:
                self.sub_combo.addItem(category_text(child), child.code)
        self.sub_combo.setEnabled(bool(parent_code) and bool(children))
        self.sub_combo.blockSignals(False)
