"""Layout of the person form (人员): editors, labels, error lines. No logic."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from liaison_app.domain.people import Role
from liaison_app.gui.labels import label
from liaison_app.gui.views.record_form_view import RecordFormView, text_box
from liaison_app.gui.widgets.availability_grid import AvailabilityGrid
from liaison_app.gui.widgets.check_list import CheckList

# 每月值班上限 shows this value as 不限 (None).
CAP_UNLIMITED = -1


class PersonFormView(RecordFormView):
    """Every editor of a :class:`~liaison_app.domain.people.Person`. ``volunteer_group``
    (availability and monthly cap) is only meaningful for volunteers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_width_sample = self.tr("每月值班上限")  # the longest label (as translated)
        body = QVBoxLayout(self)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("person_name")
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("person_role")
        for role in Role:
            self.role_combo.addItem(label(role), role.value)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("手机或带区号的座机"))
        self.former_court_edit = QLineEdit(self)
        self.former_court_edit.setPlaceholderText(self.tr("如：中宁县人民法院"))
        self.post_edit = QLineEdit(self)
        self.post_edit.setPlaceholderText(self.tr("如：审判员、庭长"))
        group, grid = self._group(self.tr("基本信息"), self)
        self._pair(grid, 0, 0, self.tr("姓名"), "name", self.name_edit, required=True)
        self._pair(grid, 0, 1, self.tr("身份"), "role", self.role_combo, required=True)
        self._pair(grid, 1, 0, self.tr("联系电话"), "phone", self.phone_edit)
        self._pair(grid, 2, 0, self.tr("原单位/单位"), "former_court", self.former_court_edit)
        self._pair(grid, 2, 1, self.tr("职务"), "post", self.post_edit)
        body.addWidget(group)

        self.point_list = CheckList(parent=self)
        self.point_list.setObjectName("person_points")
        self.point_list.setFixedHeight((self.fontMetrics().height() + 12) * 3)
        group, grid = self._group(self.tr("服务的联系点"), self)
        self._pair(grid, 0, 0, self.tr("联系点"), "point_ids", self.point_list, span=True)
        body.addWidget(group)

        self.availability_grid = AvailabilityGrid(self)
        self.cap_spin = QSpinBox(self)
        self.cap_spin.setObjectName("monthly_cap")
        self.cap_spin.setRange(CAP_UNLIMITED, 62)
        self.cap_spin.setSpecialValueText(self.tr("不限"))
        self.cap_spin.setSuffix(self.tr(" 个半天"))
        self.cap_spin.setMinimumWidth(self.fontMetrics().horizontalAdvance(f"62{self.cap_spin.suffix()}") + 60)
        availability_hint = QLabel(self.tr("勾选平时可以来值班的半天；排班时优先安排这些时间。"), self)
        availability_hint.setProperty("role", "muted")
        availability_hint.setWordWrap(True)
        availability = QWidget(self)
        availability_layout = QVBoxLayout(availability)
        availability_layout.setContentsMargins(0, 0, 0, 0)
        availability_layout.addWidget(self.availability_grid)
        availability_layout.addWidget(availability_hint)
        group, grid = self._group(self.tr("志愿者值班"), self)
        self._pair(grid, 0, 0, self.tr("可值班时间"), "availability", availability, span=True,
                   focus=self.availability_grid.check_boxes()[0])
        self._pair(grid, 1, 0, self.tr("每月值班上限"), "monthly_cap", self.cap_spin)
        self.volunteer_group: QGroupBox = group
        body.addWidget(group)

        self.note_edit = text_box(self, 3)
        group, grid = self._group(self.tr("备注"), self)
        self._pair(grid, 0, 0, self.tr("备注"), "note", self.note_edit, span=True)
        body.addWidget(group)
        body.addStretch(1)
