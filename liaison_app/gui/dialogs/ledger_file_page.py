"""Wizard page 1 — 选择台账: the file, what kind of ledger it is, the point, the sheets.

The file is read in the read pool (its own core looks up remembered mappings), with the delayed
progress dialog. Changing the kind or the ticked sheets re-plans on the GUI thread: that is a
header search over 30 rows per sheet, well under 50 ms.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from liaison_app.core.ledger_import import LedgerDraft, LedgerImportService, SheetPlan
from liaison_app.exchange.ledger.fields import LedgerKind
from liaison_app.gui.dialogs.ledger_import_context import LedgerImportContext, gui_reason, user_message
from liaison_app.gui.labels import label
from liaison_app.gui.progress import DelayedProgress
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

# Short words of the kind radio buttons (translate with the LedgerFilePage context).
KIND_TEXTS = {LedgerKind.CONSULTATIONS: QT_TRANSLATE_NOOP("LedgerFilePage", "法律咨询"),
              LedgerKind.SESSIONS: QT_TRANSLATE_NOOP("LedgerFilePage", "普法宣讲"),
              LedgerKind.VOLUNTEERS: QT_TRANSLATE_NOOP("LedgerFilePage", "志愿者名册")}


def describe_plan(plan: SheetPlan) -> str:
    """One line for the sheet list: where the header is and how many rows, or why not."""
    if plan.header is None:
        return f"{plan.name} — {gui_reason(plan.skipped)}"
    first, last = plan.header.first_row + 1, plan.header.last_row + 1
    if first == last:
        text = translate("LedgerFilePage", "{sheet} — 表头在第{row}行，{count} 行数据").format(
            sheet=plan.name, row=first, count=plan.data_rows)
    else:
        text = translate("LedgerFilePage", "{sheet} — 表头在第{first}–{last}行，{count} 行数据").format(
            sheet=plan.name, first=first, last=last, count=plan.data_rows)
    return text + (translate("LedgerFilePage", "（对应关系需调整）") if plan.problems else "")


class LedgerFilePage(QWizardPage):
    """选择台账文件、类型、联系点和工作表."""

    def __init__(self, context: LedgerImportContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = context
        self._generation = 0
        self.setTitle(self.tr("第 1 步：选择台账文件"))
        self.setSubTitle(self.tr("Excel（.xlsx/.xls）、WPS 表格或 CSV 文件均可；一个月一张工作表的台账可以一次导入。"))

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("ledger_path")
        self.path_edit.setPlaceholderText(self.tr("点“选择文件…”，或在此粘贴文件路径后按回车"))
        self.browse_button = QPushButton(self.tr("选择文件…"), self)
        self.browse_button.setProperty("role", "primary")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("ledger_file_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[LedgerKind, QRadioButton] = {}
        kind_row = QHBoxLayout()
        for kind, text in KIND_TEXTS.items():
            button = QRadioButton(translate("LedgerFilePage", text), self)
            button.setEnabled(False)
            self.kind_buttons[kind] = button
            self.kind_group.addButton(button)
            kind_row.addWidget(button)
        self.kind_hint = QLabel(self)
        self.kind_hint.setProperty("role", "muted")
        kind_row.addWidget(self.kind_hint)
        kind_row.addStretch(1)

        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("ledger_point")
        self.point_combo.setMinimumWidth(320)
        self.point_hint = QLabel(self.tr("还没有联系点。请先在“记录 → 新建联系点…”中新建，再导入台账。"), self)
        self.point_hint.setProperty("role", "error")
        self.point_hint.setWordWrap(True)

        self.sheet_list = QListWidget(self)
        self.sheet_list.setObjectName("ledger_sheets")
        self.sheet_list.setMinimumHeight(120)
        self.sheet_hint = QLabel(self.tr("勾选要导入的工作表。找不到表头的工作表（说明、汇总）不会导入。"), self)
        self.sheet_hint.setProperty("role", "muted")
        self.sheet_hint.setWordWrap(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("台账文件"), path_row)
        form.addRow("", self.message_label)
        form.addRow(self.tr("台账类型"), kind_row)
        form.addRow(self.tr("导入到联系点"), self.point_combo)
        form.addRow("", self.point_hint)
        form.addRow(self.tr("工作表"), self.sheet_list)
        form.addRow("", self.sheet_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)

        self.browse_button.clicked.connect(self.choose_file)
        self.path_edit.returnPressed.connect(lambda: self.open_file(self.path_edit.text().strip()))
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        self.sheet_list.itemChanged.connect(self._sheet_toggled)
        self.point_combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self._fill_points()

    # -- the file ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file (QFileDialog), then open it."""
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择台账文件"), start, self.tr(
            "台账文件 (*.xlsx *.xlsm *.xlsb *.xls *.et *.ods *.csv *.txt);;所有文件 (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Read ``path`` in the read pool and plan its sheets (result shown when it ends)."""
        if not str(path):
            return
        self.path_edit.setText(str(path))
        self._ctx.draft = None
        self._ctx.preview = None
        self._show_draft()
        self._show_message(self.tr("正在读取…"), "muted")
        self._generation += 1
        job = self._ctx.submit(
            lambda ctx: LedgerImportService(ctx.core).open(path), title=self.tr("读取台账"),
            on_finished=functools.partial(self._opened, self._generation),
            on_failed=functools.partial(self._open_failed, self._generation))
        DelayedProgress(self, self.tr("正在读取台账 {name}…").format(name=Path(path).name)).attach(job)

    def _opened(self, generation: int, draft: LedgerDraft) -> None:
        if generation != self._generation:
            return
        self._ctx.draft = draft
        self._show_draft()

    def _open_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        message = user_message(exc)
        if message is not None:
            self._show_message(message, "error")
        self.completeChanged.emit()

    # -- showing the draft ------------------------------------------------------------------
    def _show_draft(self) -> None:
        draft = self._ctx.draft
        for kind, button in self.kind_buttons.items():
            button.setEnabled(draft is not None)
            button.blockSignals(True)
            button.setChecked(draft is not None and draft.kind is kind)
            button.blockSignals(False)
        self.kind_hint.setText(self.tr("（按表头判断）") if draft is not None and draft.kind_guessed else "")
        self.sheet_list.blockSignals(True)
        self.sheet_list.clear()
        if draft is not None:
            for plan in draft.sheets:
                item = QListWidgetItem(describe_plan(plan), self.sheet_list)
                item.setData(Qt.ItemDataRole.UserRole, plan.name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                chosen = draft.is_chosen(plan.name)
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
                if chosen and plan.header is None:
                    item.setForeground(Qt.GlobalColor.darkRed)
        self.sheet_list.blockSignals(False)
        if draft is not None:
            notices = list(draft.file.notices)
            text = self.tr("已读取：{name}（{fmt}，{count} 张工作表）").format(
                name=draft.file.path.name, fmt=draft.file.fmt, count=len(draft.sheets))
            if not any(p.header is not None for p in draft.sheets):
                notices.append(self.tr("没有找到{kind}的表头：请换一种台账类型，或检查文件。").format(kind=label(draft.kind)))
            self._show_message("\n".join([text, *notices]), "error" if not self._has_sheet() else "muted")
        self.completeChanged.emit()

    def _show_message(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("role", role)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setVisible(bool(text))

    def _fill_points(self) -> None:
        points = self._ctx.core.points.all()
        for point in points:
            self.point_combo.addItem(f"{point.code}  {point.name}", point.id)
        if self._ctx.point_id is not None:
            index = self.point_combo.findData(self._ctx.point_id)
            if index >= 0:
                self.point_combo.setCurrentIndex(index)
        self.point_combo.setEnabled(bool(points))
        self.point_hint.setVisible(not points)

    # -- user changes -----------------------------------------------------------------------
    def _kind_toggled(self, button: QRadioButton, checked: bool) -> None:
        draft = self._ctx.draft
        if not checked or draft is None:
            return
        kind = next(k for k, b in self.kind_buttons.items() if b is button)
        if kind is not draft.kind:
            self._ctx.draft = self._ctx.service.change_kind(draft, kind)
            self._show_draft()

    def _sheet_toggled(self, _item: QListWidgetItem) -> None:
        if self._ctx.draft is None:
            return
        names = [self.sheet_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sheet_list.count())
                 if self.sheet_list.item(i).checkState() == Qt.CheckState.Checked]
        self._ctx.draft = self._ctx.service.select_sheets(self._ctx.draft, names)
        self._show_draft()

    def set_kind(self, kind: LedgerKind) -> None:
        """Choose the ledger kind as the radio button would."""
        self.kind_buttons[kind].setChecked(True)

    def set_sheet_checked(self, name: str, checked: bool) -> None:
        """Tick or untick a sheet as the user would."""
        for i in range(self.sheet_list.count()):
            item = self.sheet_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- QWizardPage ------------------------------------------------------------------------
    def _has_sheet(self) -> bool:
        draft = self._ctx.draft
        return draft is not None and any(p.header is not None for p in draft.sheets)

    def isComplete(self) -> bool:
        return self._has_sheet() and self.point_combo.currentData() is not None

    def validatePage(self) -> bool:
        self._ctx.point_id = self.point_combo.currentData()
        return self.isComplete()
