"""Layout of the education-session form (普法宣讲): editors, labels, error lines. No logic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison_app.domain.education import MAX_AUDIENCE, SessionForm
from liaison_app.gui.labels import label
from liaison_app.gui.views.record_form_view import RecordFormView, date_edit, text_box, time_edit
from liaison_app.gui.widgets.attachment_strip import AttachmentStrip
from liaison_app.gui.widgets.check_list import CheckList

# 观看人次 shows this value as 未填 (None): a QSpinBox cannot be empty.
VIEWS_UNSET = -1


class SessionFormView(RecordFormView):
    """Every editor of an :class:`~liaison_app.domain.education.EducationSession`, grouped:
    宣讲 (when, where, what, who), 受众与资料, 内容, 附件. ``form_combo`` carries the
    :class:`SessionForm` value as item data, ``point_combo`` the point id."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_width_sample = self.tr("发放资料份数")  # the longest label (as translated)
        body = QVBoxLayout(self)

        # -- 宣讲 ----------------------------------------------------------------------------
        self.date_edit = date_edit(self)
        self.start_edit = time_edit(self)
        self.start_edit.setObjectName("start_time")
        self.end_edit = time_edit(self)
        self.end_edit.setObjectName("end_time")
        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_edit)
        times_layout.addWidget(QLabel(self.tr("至"), times))
        times_layout.addWidget(self.end_edit)
        times_layout.addStretch(1)
        self.point_combo = QComboBox(self)
        self.form_combo = QComboBox(self)
        for form in SessionForm:
            self.form_combo.addItem(label(form), form.value)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("如：宁安村村委会会议室、镇集市"))
        self.topic_edit = QLineEdit(self)
        self.topic_edit.setPlaceholderText(self.tr("如：婚姻家庭纠纷以案说法"))
        self.speaker_list = CheckList(ordered=True, parent=self)
        self.speaker_list.setObjectName("speaker_list")
        self.speaker_list.setFixedHeight((self.fontMetrics().height() + 12) * 5)
        speakers = QWidget(self)
        speakers_layout = QVBoxLayout(speakers)
        speakers_layout.setContentsMargins(0, 0, 0, 0)
        speakers_layout.addWidget(self.speaker_list)
        self.speaker_summary = QLabel(speakers)
        self.speaker_summary.setObjectName("speaker_summary")
        self.speaker_summary.setProperty("role", "muted")
        self.speaker_summary.setWordWrap(True)
        speakers_layout.addWidget(self.speaker_summary)
        group, grid = self._group(self.tr("宣讲"), self)
        self._pair(grid, 0, 0, self.tr("日期"), "held_on", self.date_edit, required=True)
        self._pair(grid, 0, 1, self.tr("时间"), "end_time", times, required=True, focus=self.start_edit)
        self._pair(grid, 1, 0, self.tr("联系点"), "point_id", self.point_combo, required=True)
        self._pair(grid, 1, 1, self.tr("形式"), "form", self.form_combo, required=True)
        self._pair(grid, 2, 0, self.tr("地点"), "place", self.place_edit, required=True, span=True)
        self._pair(grid, 3, 0, self.tr("主题"), "topic", self.topic_edit, required=True, span=True)
        self._pair(grid, 4, 0, self.tr("宣讲人"), "speaker_ids", speakers, required=True, span=True,
                   focus=self.speaker_list)
        body.addWidget(group)

        # -- 受众与资料 ------------------------------------------------------------------------
        self.audience_spin = QSpinBox(self)
        self.audience_spin.setRange(0, MAX_AUDIENCE)
        self.audience_spin.setSuffix(self.tr(" 人"))
        self.audience_spin.setGroupSeparatorShown(False)
        self.views_spin = QSpinBox(self)
        self.views_spin.setObjectName("views")
        self.views_spin.setRange(VIEWS_UNSET, 10_000_000)
        self.views_spin.setSpecialValueText(self.tr("未填"))
        self.views_spin.setSuffix(self.tr(" 人次"))
        self.views_hint = QLabel(self.tr("仅线上直播填写"), self)
        self.views_hint.setProperty("role", "muted")
        views = QWidget(self)
        views_layout = QHBoxLayout(views)
        views_layout.setContentsMargins(0, 0, 0, 0)
        views_layout.addWidget(self.views_spin, 1)
        views_layout.addWidget(self.views_hint)
        self.materials_spin = QSpinBox(self)
        self.materials_spin.setRange(0, 1_000_000)
        self.materials_spin.setSuffix(self.tr(" 份"))
        self.materials_note_edit = QLineEdit(self)
        self.materials_note_edit.setPlaceholderText(self.tr("如：《民法典》婚姻家庭编宣传册"))
        group, grid = self._group(self.tr("受众与资料"), self)
        self._pair(grid, 0, 0, self.tr("受众人数"), "audience", self.audience_spin, required=True)
        self._pair(grid, 0, 1, self.tr("观看人次"), "views", views, focus=self.views_spin)
        self._pair(grid, 1, 0, self.tr("发放资料份数"), "materials", self.materials_spin)
        self._pair(grid, 1, 1, self.tr("资料说明"), "materials_note", self.materials_note_edit)
        body.addWidget(group)

        # -- 内容 ----------------------------------------------------------------------------
        self.cases_edit = text_box(self, 4)
        self.cases_edit.setPlaceholderText(self.tr("每行一个案例，如：\n彩礼返还纠纷案\n赡养纠纷案"))
        self.notes_edit = text_box(self, 3)
        group, grid = self._group(self.tr("内容"), self)
        self._pair(grid, 0, 0, self.tr("典型案例"), "cases", self.cases_edit, span=True)
        self._pair(grid, 1, 0, self.tr("备注"), "notes", self.notes_edit, span=True)
        body.addWidget(group)

        # -- 附件 ----------------------------------------------------------------------------
        self.attachments = AttachmentStrip(self)
        group, grid = self._group(self.tr("附件（现场照片、签到表）"), self)
        self._pair(grid, 0, 0, self.tr("附件"), "attachments", self.attachments, span=True,
                   focus=self.attachments.add_button)
        body.addWidget(group)
        body.addStretch(1)
