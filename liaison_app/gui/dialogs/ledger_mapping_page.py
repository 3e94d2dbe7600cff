"""Wizard page 2 — 表头对应: per sheet, the header found and each column's target field.

One tab per chosen sheet with a header: where the header is, where the mapping came from
(上次记住的 / 自动识别 / 已修改), and a table 列 | 台账表头 | 第一行数据 | 导入为 with a drop-down
of the draft's fields (不导入 first; required fields marked ＊). A change goes through
``LedgerImportService.set_mapping`` at once, so the problems (a required field missing, a
field taken twice) show under the table while the user works; 下一步 waits until there are none.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from liaison_app.core.ledger_import import LedgerDraft, LedgerImportService, SheetPlan
from liaison_app.exchange.ledger.cells import raw_text
from liaison_app.exchange.ledger.fields import FieldSpec
from liaison_app.gui.dialogs.ledger_import_context import LedgerImportContext, gui_reason, user_message
from liaison_app.gui.labels import label, label_text
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

COL_LETTER, COL_HEADER, COL_SAMPLE, COL_TARGET = range(4)
# Where a sheet's mapping came from (translate with the SheetMappingTab context).
SOURCE_TEXTS = {"remembered": QT_TRANSLATE_NOOP("SheetMappingTab", "沿用上次记住的对应关系"),
                "proposed": QT_TRANSLATE_NOOP("SheetMappingTab", "按表头自动识别"),
                "user": QT_TRANSLATE_NOOP("SheetMappingTab", "已手动调整")}


class SheetMappingTab(QWidget):
    """The mapping table of one sheet.

    Signals:
        sig_mapping_changed(str, dict): sheet name and its whole new mapping (column → key).
    """

    sig_mapping_changed = Signal(str, object)

    def __init__(self, draft: LedgerDraft, plan: SheetPlan, parent: QWidget | None = None):
        super().__init__(parent)
        assert plan.header is not None
        self.sheet = plan.name
        self._columns = plan.header.columns
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.table = QTableWidget(len(self._columns), 4, self)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr("列"), self.tr("台账表头"), self.tr("第一行数据（示例）"),
                                              self.tr("导入为")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_HEADER, 200)
        self.table.setColumnWidth(COL_TARGET, 230)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("mapping_problems")
        self.problem_label.setProperty("role", "error")
        self.problem_label.setWordWrap(True)
        self.defaults_label = QLabel(self)
        self.defaults_label.setProperty("role", "muted")
        self.defaults_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.defaults_label)

        grid = draft.file.sheet(plan.name)
        self.combos: dict[int, QComboBox] = {}
        for row, column in enumerate(self._columns):
            self.table.setItem(row, COL_LETTER, QTableWidgetItem(column.letter))
            self.table.setItem(row, COL_HEADER, QTableWidgetItem(column.text))
            sample = raw_text(grid.cell(plan.header.data_start, column.index)).strip().replace("\n", " ")
            sample_item = QTableWidgetItem(sample[:60])
            sample_item.setToolTip(sample)
            self.table.setItem(row, COL_SAMPLE, sample_item)
            combo = _field_combo(draft.fields, self.table)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(column.index))))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, COL_TARGET, combo)
            self.combos[column.index] = combo
        self.table.verticalHeader().setDefaultSectionSize(max(30, next(iter(self.combos.values())).sizeHint().height() + 4)
                                                          if self.combos else 30)
        self.show_plan(draft, plan)

    def combo(self, column: int) -> QComboBox:
        """The drop-down of the sheet column ``column`` (0-based, as in the mapping)."""
        return self.combos[column]

    def mapping(self) -> dict[int, str | None]:
        """Column → field key (None = 不导入) as the drop-downs say."""
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def show_plan(self, draft: LedgerDraft, plan: SheetPlan) -> None:
        """Refresh the texts that depend on the plan (info, problems, defaults)."""
        assert plan.header is not None
        first, last = plan.header.first_row + 1, plan.header.last_row + 1
        rows = self.tr("第{n}行").format(n=first) if first == last else self.tr("第{a}–{b}行（两行表头）").format(a=first, b=last)
        self.info_label.setText(self.tr("表头在{rows}，数据从第{start}行开始，共 {count} 行数据。{source}。").format(
            rows=rows, start=plan.header.data_start + 1, count=plan.data_rows,
            source=_source_text(plan.mapping_source)))
        self.problem_label.setText("\n".join(plan.problems))
        self.problem_label.setVisible(bool(plan.problems))
        mapped = set(plan.mapping.values())
        defaults = [self.tr("{field}（{default}）").format(field=label(spec), default=label_text(spec.placeholder))
                    for spec in draft.fields if spec.placeholder and spec.key not in mapped]
        self.defaults_label.setText(self.tr("台账中没有的字段按默认值记录：{fields}").format(
            fields=self.tr("、", "between field names").join(defaults)) if defaults else "")

    def _changed(self, _index: int) -> None:
        self.sig_mapping_changed.emit(self.sheet, self.mapping())


def _source_text(source: str) -> str:
    """Where the mapping came from, translated ("" for an unknown source)."""
    text = SOURCE_TEXTS.get(source)
    return translate("SheetMappingTab", text) if text else ""


def _field_combo(fields: tuple[FieldSpec, ...], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(translate("SheetMappingTab", "不导入"), None)
    for spec in fields:
        text = translate("SheetMappingTab", "{field} ＊", "a required field").format(field=label(spec)) \
            if spec.required else label(spec)
        combo.addItem(text, spec.key)
    combo.setMaxVisibleItems(len(fields) + 1)
    return combo


class LedgerMappingPage(QWizardPage):
    """第 2 步：核对表头对应关系."""

    def __init__(self, context: LedgerImportContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = context
        self.setTitle(self.tr("第 2 步：核对表头对应关系"))
        self.setSubTitle(self.tr("每一列台账数据导入到哪个字段。带＊的字段必须有对应的列；不需要的列选“不导入”。"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mapping_tabs")
        self.notice_label = QLabel(self)
        self.notice_label.setProperty("role", "muted")
        self.notice_label.setWordWrap(True)
        self.remember_box = QCheckBox(self.tr("记住此表格式（下次导入同样表头的台账时自动使用这些对应关系）"), self)
        self.remember_box.setChecked(True)
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.remember_box)
        layout.addWidget(self.message_label)
        self.sheet_tabs: dict[str, SheetMappingTab] = {}

    def initializePage(self) -> None:
        """Build one tab per chosen sheet that has a header (from the draft as it is now)."""
        draft = self._ctx.draft
        assert draft is not None
        self.tabs.clear()
        for tab in self.sheet_tabs.values():
            tab.deleteLater()
        self.sheet_tabs = {}
        for plan in draft.sheets:
            if plan.header is None or plan.skipped:
                continue
            tab = SheetMappingTab(draft, plan, self.tabs)
            tab.sig_mapping_changed.connect(self.set_mapping)
            self.sheet_tabs[plan.name] = tab
            self.tabs.addTab(tab, plan.name)
        self.notice_label.setText("\n".join(gui_reason(n) for n in draft.notices))
        self.notice_label.setVisible(bool(draft.notices))
        self.message_label.hide()
        self._refresh()

    def set_mapping(self, sheet: str, mapping: Mapping[int, str | None]) -> None:
        """Apply a sheet's new mapping to the draft (also what the drop-downs call)."""
        assert self._ctx.draft is not None
        self._ctx.draft = self._ctx.service.set_mapping(self._ctx.draft, sheet, dict(mapping))
        self._ctx.preview = None
        self._refresh()

    def _refresh(self) -> None:
        draft = self._ctx.draft
        assert draft is not None
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            assert isinstance(tab, SheetMappingTab)
            plan = draft.plan(tab.sheet)
            tab.show_plan(draft, plan)
            self.tabs.setTabText(index, self.tr("{sheet}（需调整）").format(sheet=plan.name) if plan.problems
                                 else plan.name)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        draft = self._ctx.draft
        return draft is not None and bool(self.sheet_tabs) and not draft.problems

    def validatePage(self) -> bool:
        """Store the mappings when 记住此表格式 is ticked (writer pool; the import stores them too)."""
        draft = self._ctx.draft
        if draft is None or draft.problems:
            return False
        if self.remember_box.isChecked():
            self._ctx.submit(lambda ctx: LedgerImportService(ctx.core).remember_mappings(draft), writes=True,
                             title=self.tr("记住表格式"), on_failed=self._remember_failed)
        return True

    def _remember_failed(self, exc: BaseException) -> None:
        message = user_message(exc)
        if message is not None:
            self._ctx.signals.sig_status_message.emit(self.tr("未能记住表格式：{m}").format(m=message))
