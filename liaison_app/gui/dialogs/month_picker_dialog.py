"""Pick any statistical month (统计月份) by year and month."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from liaison_app.domain import clock


class MonthPickerDialog(QDialog):
    """Year spin box + month combo; :meth:`period` gives ``YYYY-MM``."""

    def __init__(self, period: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择统计月份"))
        year, month = clock.parse_period(period)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.month_combo = QComboBox(self)
        for number in range(1, 13):
            self.month_combo.addItem(self.tr("{n} 月").format(n=number), number)
        self.month_combo.setCurrentIndex(month - 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("统计月份"), self))
        row.addWidget(self.year_spin)
        row.addWidget(self.month_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def period(self) -> str:
        """The chosen month as ``YYYY-MM``."""
        return f"{self.year_spin.value():04d}-{self.month_combo.currentData():02d}"
