"""Filters above the people list: role, whether deactivated people are shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from liaison_app.domain.people import PersonFilter, Role
from liaison_app.gui.labels import label
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together


class PersonFilterBar(QWidget):
    """Builds a :class:`PersonFilter`; every change applies at once.

    Signals:
        sig_filter_changed(PersonFilter): the filter the list should show.
    """

    sig_filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("person_filter_role")
        self.role_combo.addItem(self.tr("全部"), None)
        for role in Role:
            self.role_combo.addItem(label(role), role.value)
        self.inactive_box = QCheckBox(self.tr("显示已停用的人员"), self)
        self.inactive_box.setObjectName("person_filter_inactive")
        self.inactive_box.setChecked(True)
        role_label = QLabel(self.tr("身份"), self)
        role_label.setBuddy(self.role_combo)
        layout = FlowLayout(self)   # one row when it fits, two in 大字模式 or English
        layout.addWidget(keep_together(self, role_label, self.role_combo))
        layout.addWidget(self.inactive_box)
        self.role_combo.currentIndexChanged.connect(self._emit)
        self.inactive_box.toggled.connect(self._emit)

    def filter(self) -> PersonFilter:
        """The filter the widgets show."""
        role = self.role_combo.currentData()
        return PersonFilter(role=Role(role) if role else None, include_inactive=self.inactive_box.isChecked())

    def set_filter(self, flt: PersonFilter) -> None:
        """Show ``flt`` in the widgets and announce it once."""
        for widget in (self.role_combo, self.inactive_box):
            widget.blockSignals(True)
        try:
            self.role_combo.setCurrentIndex(max(self.role_combo.findData(flt.role.value if flt.role else None), 0))
            self.inactive_box.setChecked(flt.include_inactive)
        finally:
            for widget in (self.role_combo, self.inactive_box):
                widget.blockSignals(False)
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.sig_filter_changed.emit(self.filter())
