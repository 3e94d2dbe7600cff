"""Filters above the people list: role, whether deactivated people are shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from liaison_app.domain.people import PersonFilter, Role
from liaison_app.gui.labels import label


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(role_label)
        layout.addWidget(self.role_combo)
        layout.addWidget(self.inactive_box)
        layout.addStretch(1)
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
