"""Set up a liaison point: at the first start, and later from 记录 → 新建联系点… (新建联系点)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.records import LiaisonPoint
from liaison_app.errors import UserError, ValidationError
from liaison_app.gui.formatting import OVERDUE_COLOR
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.widgets.field_row import FieldRow
from liaison_app.gui.window_size import fit_to_screen


class PointSetupDialog(QDialog):
    """Name, code, court, township, village and judge of a new liaison point.

    Saving calls ``core.points.add``; each validation message appears under its field.
    ``point`` holds the stored point after ``accept()``. Worded for the first start while there
    is no point yet (取消 reads 稍后设置), else for adding one more.
    """

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.point: LiaisonPoint | None = None
        first = core.points.is_empty()
        if first:
            self.setWindowTitle(self.tr("设置联系点"))
            intro_text = self.tr("首次使用，请先填写本联系点的信息。带 * 的必须填写；"
                                 "编码用于报送文件的文件名，只用字母、数字和 -，如 ZN-NA。")
        else:
            self.setWindowTitle(self.tr("新建联系点"))
            intro_text = self.tr("请填写新联系点的信息。带 * 的必须填写；编码用于报送文件的文件名，"
                                 "只用字母、数字和 -，不能与已有联系点相同。")
        intro = QLabel(intro_text, self)
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for field, text, required, placeholder in (
            ("name", self.tr("联系点名称"), True, self.tr("如：宁安镇法官联系点")),
            ("code", self.tr("编码"), True, self.tr("如：ZN-NA")),
            ("court", self.tr("所属法院"), True, self.tr("如：中宁县人民法院")),
            ("township", self.tr("乡镇/街道"), False, self.tr("如：宁安镇")),
            ("village", self.tr("村/社区"), False, self.tr("联系点设在村里时填写")),
            ("judge_name", self.tr("负责法官"), False, ""),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(field)
            edit.setPlaceholderText(placeholder)
            row = FieldRow(edit, field, self)
            label = QLabel(f'{text}<span style="color:{OVERDUE_COLOR}">*</span>' if required else text, self)
            label.setBuddy(edit)
            form.addRow(label, row)
            self.edits[field] = edit
            self.rows[field] = row
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # Nothing blocks a first look: the point can be set up later from the start page.
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("稍后设置") if first else self.tr("取消"))
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        fit_to_screen(self, lines_wide=31)

    def save(self) -> bool:
        """Store the point; show messages next to fields on failure. True when stored."""
        text = {field: edit.text() for field, edit in self.edits.items()}
        candidate = LiaisonPoint(**text)
        try:
            self.point, changes = self._core.points.add(candidate)
        except ValidationError as err:
            self.show_errors(err.by_field())
            return False
        except UserError as err:  # the code is taken
            message = str(err)
            about_code = "编码" in message  # i18n-exempt: matched in the core's message, never shown
            self.show_errors({"code": message} if about_code else {}, general=message)
            return False
        self.show_errors({})
        self._signals.sig_changes_applied.emit(changes)
        self.accept()
        return True

    def show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        """Messages under their fields; focus the first bad one."""
        for field, row in self.rows.items():
            row.set_error(by_field.get(field))
        shown_general = general if general and not by_field else ""
        self.general_error.setText(shown_general)
        self.general_error.setVisible(bool(shown_general))
        for field, edit in self.edits.items():
            if field in by_field:
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                break
