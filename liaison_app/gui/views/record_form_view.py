"""Building blocks shared by the record form views: groups of label + editor + error line."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from liaison_app.gui.formatting import OVERDUE_COLOR
from liaison_app.gui.widgets.field_row import FieldRow
from liaison_app.gui.widgets.pair_grid import PairGridLayout, PairGridPeers



def date_edit(parent: QWidget) -> QDateEdit:
    """A ``yyyy-MM-dd`` date with a calendar starting on Monday."""
    edit = QDateEdit(parent)
    edit.setLocale(QLocale())   # the language chosen (calendar popup names)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


def time_edit(parent: QWidget) -> QTimeEdit:
    """A 24-hour ``HH:mm`` time."""
    edit = QTimeEdit(parent)
    edit.setLocale(QLocale())   # the language chosen (calendar popup names)
    edit.setDisplayFormat("HH:mm")
    return edit


def text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    """Multi-line text of a fixed height (longer text scrolls inside); Tab leaves the box."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class RecordFormView(QWidget):
    """Base of the layout-only form views.

    ``rows[field]`` is the :class:`FieldRow` (editor + error line) of each record attribute,
    ``editors[field]`` the widget that takes focus for it, ``labels[field]`` its label.
    ``label_width_sample`` is the longest label text as shown (translated; subclasses set it
    before building their groups; ``second_label_sample``: of the right-hand labels, if other),
    so the label columns line up across groups. The groups are :class:`PairGridLayout`s of one
    :class:`PairGridPeers`: two pairs side by side while the form is wide enough, else one.
    """

    label_width_sample = ""
    second_label_sample: str | None = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.grid_peers = PairGridPeers()

    def _group(self, title: str, parent: QWidget) -> tuple[QGroupBox, PairGridLayout]:
        group = QGroupBox(title, parent)
        metrics = self.fontMetrics()
        second = self.label_width_sample if self.second_label_sample is None else self.second_label_sample
        grid = PairGridLayout(group, peers=self.grid_peers,
                              label_width=metrics.horizontalAdvance(self.label_width_sample + "*") + 4,
                              second_label_width=metrics.horizontalAdvance(second + "*") + 4)
        return group, grid

    def _pair(self, grid: PairGridLayout, row: int, column: int, text: str, field: str, editor: QWidget,
              *, required: bool = False, span: bool = False, focus: QWidget | None = None) -> FieldRow:
        """Label + FieldRow at (row, column pair); ``span`` uses the full width."""
        label = QLabel(text, grid.parentWidget())
        if required:
            label.setText(f'{text}<span style="color:{OVERDUE_COLOR}">*</span>')
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 6, 0, 0)
        field_row = FieldRow(editor, field, grid.parentWidget())
        label.setBuddy(focus or editor)
        grid.add_pair(label, field_row, row, column, span=span)
        self.rows[field] = field_row
        self.editors[field] = focus or editor
        self.labels[field] = label
        return field_row
