"""Layout of the consultation form: editors, their labels and error lines. No logic."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.records import Category
from liaison_app.gui.labels import label
from liaison_app.gui.views.record_form_view import RecordFormView
from liaison_app.gui.widgets.category_picker import CategoryPicker
from liaison_app.gui.widgets.draft_banner import DraftBanner
from liaison_app.gui.widgets.flow_layout import FlowLayout
from liaison_app.gui.widgets.form_scroll_area import FormScrollArea
from liaison_app.gui.widgets.optional_date_edit import OptionalDateEdit
from liaison_app.gui.widgets.similar_visitors_panel import SimilarVisitorsPanel



def _enum_combo(members: Sequence[object], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for member in members:
        combo.addItem(label(member), member.value)  # type: ignore[arg-type, attr-defined]
    return combo


def _text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)  # keyboard-only entry: Tab leaves the box
    # A fixed number of lines (longer text scrolls inside), so the form does not balloon.
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ConsultationFormView(RecordFormView):
    """Every editor of a :class:`liaison_app.domain.records.Consultation`, grouped, with the
    earlier visits of the same person beside them (a narrow column: the form gets the width).

    ``rows[field]`` is the :class:`FieldRow` (editor + error line) of each record attribute;
    ``editors[field]`` the widget that takes focus for it. Enum combos carry the enum *value*
    as item data.
    """

    def __init__(self, categories: Sequence[Category], selectable: Collection[str],
                 category_name, parent: QWidget | None = None):
        super().__init__(parent)
        # Same label column widths in every group, so the fields line up down the form.
        self.label_width_sample = self.tr("纸质登记表编号")
        self.second_label_sample = self.tr("联系电话")

        self.banner = DraftBanner(self)
        form = QWidget(self)
        form.setObjectName("form_body")
        body = QVBoxLayout(form)

        # -- 接待 ---------------------------------------------------------------------------
        self.received_edit = QDateTimeEdit(form)
        self.received_edit.setLocale(QLocale())   # the language chosen (calendar popup names)
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.point_combo = QComboBox(form)
        self.mode_combo = _enum_combo(list(Mode), form)
        self.receiver_combo = QComboBox(form)
        self.receiver_combo.setEditable(True)
        self.receiver_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.paper_form_edit = QLineEdit(form)
        self.paper_form_edit.setPlaceholderText(self.tr("选填，如 NA-2026-118"))
        group, grid = self._group(self.tr("接待"), form)
        self._pair(grid, 0, 0, self.tr("接待时间"), "received_at", self.received_edit, required=True)
        self._pair(grid, 0, 1, self.tr("联系点"), "point_id", self.point_combo, required=True)
        self._pair(grid, 1, 0, self.tr("接待方式"), "mode", self.mode_combo)
        self._pair(grid, 1, 1, self.tr("接待人"), "receiver_name", self.receiver_combo, required=True)
        self._pair(grid, 2, 0, self.tr("纸质登记表编号"), "paper_form_no", self.paper_form_edit)
        body.addWidget(group)

        # -- 来访人 -------------------------------------------------------------------------
        self.visitor_edit = QLineEdit(form)
        self.visitor_edit.setPlaceholderText(self.tr("不愿透露可填“匿名”"))
        self.gender_combo = _enum_combo(list(Gender), form)
        self.age_combo = _enum_combo(list(AgeBand), form)
        self.phone_edit = QLineEdit(form)
        self.phone_edit.setPlaceholderText(self.tr("手机或带区号的座机"))
        # Stored numbers show masked; revealing one is audited (docs/accounts-audit.md).
        self.phone_reveal_button = QPushButton(self.tr("显示完整号码"), form)
        self.phone_reveal_button.setObjectName("reveal_phone")
        self.phone_reveal_button.setAutoDefault(False)
        self.phone_reveal_button.hide()
        self.id_status_group = QButtonGroup(form)
        self.id_status_buttons: dict[IdStatus, QRadioButton] = {}
        id_status_box = QWidget(form)
        id_status_layout = QHBoxLayout(id_status_box)
        id_status_layout.setContentsMargins(0, 0, 0, 0)
        for status in IdStatus:
            button = QRadioButton(label(status), id_status_box)
            button.setObjectName(f"id_status_{status.value}")
            self.id_status_group.addButton(button)
            self.id_status_buttons[status] = button
            id_status_layout.addWidget(button)
        id_status_layout.addStretch(1)
        self.id_number_edit = QLineEdit(form)
        self.id_number_edit.setPlaceholderText(self.tr("18位，末位可为X"))
        self.id_reveal_button = QPushButton(self.tr("显示完整号码"), form)
        self.id_reveal_button.setObjectName("reveal_id_number")
        self.id_reveal_button.setAutoDefault(False)
        self.id_reveal_button.hide()
        self.id_hint = QLabel(form)
        self.id_hint.setProperty("role", "muted")
        self.village_edit = QLineEdit(form)
        self.group_boxes: dict[SpecialGroup, QCheckBox] = {}
        groups_box = QWidget(form)
        groups_flow = FlowLayout(groups_box, spacing=12)  # wraps when the form is narrow
        for special in SpecialGroup:
            box = QCheckBox(label(special), groups_box)
            box.setObjectName(f"group_{special.value}")
            self.group_boxes[special] = box
            groups_flow.addWidget(box)
        group, grid = self._group(self.tr("来访人"), form)
        self._pair(grid, 0, 0, self.tr("来访人姓名"), "visitor_name", self.visitor_edit, required=True)
        phone_row = QWidget(form)
        phone_row_layout = QHBoxLayout(phone_row)
        phone_row_layout.setContentsMargins(0, 0, 0, 0)
        phone_row_layout.addWidget(self.phone_edit, 1)
        phone_row_layout.addWidget(self.phone_reveal_button)
        self._pair(grid, 0, 1, self.tr("联系电话"), "phone", phone_row, focus=self.phone_edit)
        self._pair(grid, 1, 0, self.tr("性别"), "gender", self.gender_combo)
        self._pair(grid, 1, 1, self.tr("年龄段"), "age_band", self.age_combo)
        self._pair(grid, 2, 0, self.tr("身份证件"), "id_status", id_status_box, span=True)
        id_row = QWidget(form)
        id_row_layout = QHBoxLayout(id_row)
        id_row_layout.setContentsMargins(0, 0, 0, 0)
        id_row_layout.addWidget(self.id_number_edit, 2)
        id_row_layout.addWidget(self.id_reveal_button)
        id_row_layout.addWidget(self.id_hint, 1)
        self._pair(grid, 3, 0, self.tr("身份证号"), "id_number", id_row, span=True, focus=self.id_number_edit)
        self._pair(grid, 4, 0, self.tr("村/社区"), "village", self.village_edit)
        self._pair(grid, 5, 0, self.tr("特殊群体"), "special_groups", groups_box, span=True,
                   focus=self.group_boxes[SpecialGroup.ELDERLY])
        body.addWidget(group)

        # -- 咨询 ---------------------------------------------------------------------------
        self.category_picker = CategoryPicker(categories, selectable, form)
        self.question_edit = _text_box(form, 4)
        self.advice_edit = _text_box(form, 4)
        group, grid = self._group(self.tr("咨询内容"), form)
        self._pair(grid, 0, 0, self.tr("纠纷类型"), "category_code", self.category_picker, required=True,
                   span=True)
        self._pair(grid, 1, 0, self.tr("咨询事项"), "question", self.question_edit, required=True, span=True)
        self._pair(grid, 2, 0, self.tr("答复意见"), "advice", self.advice_edit, required=True, span=True)
        body.addWidget(group)

        # -- 处理与回访 ---------------------------------------------------------------------
        self.outcome_combo = _enum_combo(list(Outcome), form)
        self.referral_edit = QLineEdit(form)
        self.referral_edit.setPlaceholderText(self.tr("如：县法律援助中心、镇司法所"))
        self.due_edit = OptionalDateEdit(self.tr("需要回访"), self.tr("不需要"), form)
        self.done_edit = OptionalDateEdit(self.tr("已回访"), self.tr("尚未回访"), form)
        self.note_edit = _text_box(form, 2)
        group, grid = self._group(self.tr("处理与回访"), form)
        self._pair(grid, 0, 0, self.tr("处理方式"), "outcome", self.outcome_combo, required=True)
        self._pair(grid, 0, 1, self.tr("转介去向"), "referral_target", self.referral_edit)
        self._pair(grid, 1, 0, self.tr("回访期限"), "followup_due", self.due_edit)
        self._pair(grid, 1, 1, self.tr("回访日期"), "followup_done", self.done_edit)
        self._pair(grid, 2, 0, self.tr("答复情况"), "followup_note", self.note_edit, span=True)
        body.addWidget(group)
        body.addStretch(1)

        self.scroll = FormScrollArea(self)
        self.scroll.setWidget(form)

        self.similar_panel = SimilarVisitorsPanel(category_name, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.similar_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # About twelve characters wide (its lines wrap): the form keeps the rest of the width.
        self.similar_panel.setMinimumWidth(self.fontMetrics().height() * 12)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.draft_button = QPushButton(self.tr("暂存并关闭"), self)
        self.draft_button.setObjectName("keep_draft")
        self.draft_button.setToolTip(self.tr("先不保存，填到一半的内容留作草稿，下次新建时可恢复"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setObjectName("close")
        self.print_button = QPushButton(self.tr("打印登记表…"), self)
        self.print_button.setObjectName("print_registration")
        self.print_button.setToolTip(self.tr("把已保存的登记打印成来访接待登记表（PDF）"))
        self.history_button = QPushButton(self.tr("历史记录…"), self)
        self.history_button.setObjectName("audit_history")
        self.history_button.setToolTip(self.tr("谁在何时新建、修改、删除或查看过这条登记（审计记录，只读）"))
        self.history_button.hide()
        for button in (self.save_button, self.draft_button, self.close_button, self.print_button,
                       self.history_button):
            button.setAutoDefault(False)  # Enter in a field must not save half a form
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    def tab_chain(self) -> list[QWidget]:
        """Editors in keyboard order (top to bottom, left to right)."""
        chain: list[QWidget] = [
            self.received_edit, self.point_combo, self.mode_combo, self.receiver_combo,
            self.paper_form_edit, self.visitor_edit, self.phone_edit, self.phone_reveal_button, self.gender_combo,
            self.age_combo, *self.id_status_buttons.values(), self.id_number_edit, self.id_reveal_button,
            self.village_edit, *self.group_boxes.values(), self.category_picker.main_combo,
            self.category_picker.sub_combo, self.question_edit, self.advice_edit,
            self.outcome_combo, self.referral_edit, self.due_edit.check_box, self.due_edit.date_edit,
            self.done_edit.check_box, self.done_edit.date_edit, self.note_edit, self.save_button,
            self.draft_button, self.close_button,
        ]
        return chain
