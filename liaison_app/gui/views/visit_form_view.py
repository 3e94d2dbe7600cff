"""Layout of the volunteer-visit form (志愿服务记录): editors, labels, error lines. No logic."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from liaison_app.domain.visits import Activity
from liaison_app.gui.labels import label
from liaison_app.gui.views.record_form_view import RecordFormView, date_edit, text_box, time_edit
from liaison_app.gui.widgets.check_list import CheckList
from liaison_app.gui.widgets.flow_layout import FlowLayout


class VisitFormView(RecordFormView):
    """Every editor of a :class:`~liaison_app.domain.visits.VolunteerVisit`: who, where, when
    (with the service time computed live), what was done, what it is linked to, notes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_width_sample = self.tr("接待的咨询")  # the longest label (as translated)
        body = QVBoxLayout(self)

        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("visit_person")
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("visit_point")
        self.date_edit = date_edit(self)
        self.arrival_edit = time_edit(self)
        self.arrival_edit.setObjectName("arrival")
        self.departure_edit = time_edit(self)
        self.departure_edit.setObjectName("departure")
        self.hours_label = QLabel(self)
        self.hours_label.setObjectName("hours")
        self.hours_label.setProperty("role", "section")
        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(QLabel(self.tr("到达"), times))
        times_layout.addWidget(self.arrival_edit)
        times_layout.addWidget(QLabel(self.tr("离开"), times))
        times_layout.addWidget(self.departure_edit)
        times_layout.addSpacing(16)
        times_layout.addWidget(self.hours_label)
        times_layout.addStretch(1)
        self.activity_boxes: dict[Activity, QCheckBox] = {}
        activities = QWidget(self)
        activities_layout = FlowLayout(activities)  # wraps when the form is narrow
        for activity in Activity:
            box = QCheckBox(label(activity), activities)
            box.setObjectName(f"activity_{activity.value}")
            box.setProperty("role", "large")
            self.activity_boxes[activity] = box
            activities_layout.addWidget(box)
        group, grid = self._group(self.tr("服务"), self)
        self._pair(grid, 0, 0, self.tr("志愿者"), "person_id", self.person_combo, required=True)
        self._pair(grid, 0, 1, self.tr("联系点"), "point_id", self.point_combo, required=True)
        self._pair(grid, 1, 0, self.tr("服务日期"), "visited_on", self.date_edit, required=True)
        self._pair(grid, 2, 0, self.tr("时间"), "departure", times, required=True, span=True,
                   focus=self.arrival_edit)
        self._pair(grid, 3, 0, self.tr("服务内容"), "activities", activities, required=True, span=True,
                   focus=self.activity_boxes[Activity.CONSULTATION])
        body.addWidget(group)

        list_height = (self.fontMetrics().height() + 12) * 4
        self.consultation_list = CheckList(parent=self)
        self.consultation_list.setObjectName("linked_consultations")
        self.consultation_list.setFixedHeight(list_height)
        self.no_consultations = QLabel(self.tr("这一天该联系点没有登记咨询。"), self)
        self.no_consultations.setProperty("role", "muted")
        self.session_list = CheckList(parent=self)
        self.session_list.setObjectName("linked_sessions")
        self.session_list.setFixedHeight(list_height)
        self.no_sessions = QLabel(self.tr("这一天该联系点没有登记宣讲。"), self)
        self.no_sessions.setProperty("role", "muted")
        group, grid = self._group(self.tr("当天的接待与宣讲（勾选本次参与的）"), self)
        self._pair(grid, 0, 0, self.tr("接待的咨询"), "consultation_ids",
                   _stacked(self, self.consultation_list, self.no_consultations), span=True,
                   focus=self.consultation_list)
        self._pair(grid, 1, 0, self.tr("参与的宣讲"), "session_ids",
                   _stacked(self, self.session_list, self.no_sessions), span=True, focus=self.session_list)
        body.addWidget(group)

        self.notes_edit = text_box(self, 3)
        group, grid = self._group(self.tr("备注"), self)
        self._pair(grid, 0, 0, self.tr("备注"), "notes", self.notes_edit, span=True)
        body.addWidget(group)
        body.addStretch(1)


def _stacked(parent: QWidget, *widgets: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
