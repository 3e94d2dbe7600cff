"""Small dialogs of the duty roster page: choose a volunteer (安排/改派), choose a shift (对调),
record a served shift (已完成), the result of 自动排班, the roster PDF, a volunteer's swap request.

They only collect a choice and emit it (``sig_chosen``); the page calls the core. All are
opened window-modal with ``open()`` so nothing blocks (tests drive them directly).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.duty import DutyShift
from liaison_app.domain.roster import Candidate, GenerateReport
from liaison_app.domain.visits import Activity, hours_of, service_minutes
from liaison_app.gui.dialogs.pdf_dialogs import PdfDialog, safe_file_name
from liaison_app.gui.duty_formatting import gap_text, problems_text, shift_line
from liaison_app.gui.formatting import format_period_zh
from liaison_app.gui.labels import label
from liaison_app.gui.views.record_form_view import time_edit
from liaison_app.gui.window_size import fit_to_screen
from liaison_app.reports.fonts import GlyphReport

GREY = "#7a8594"


def _primary(button: QPushButton) -> QPushButton:
    """Blue main button (``role="primary"`` in app.qss), re-polished: a button box has already
    polished its buttons when they are added."""
    button.setProperty("role", "primary")
    button.style().unpolish(button)
    button.style().polish(button)
    return button


def _list_widget(parent: QWidget, name: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setMinimumHeight(widget.fontMetrics().height() * 8)
    widget.setSpacing(2)
    return widget


class AssignDialog(QDialog):
    """Pick the volunteer for a half-day from ``core.duty.candidates`` (best first).

    A candidate with problems is shown grey with the reasons under the name; the judge may
    still pick them (the button then reads 仍然安排 and the reasons are repeated above it).

    Signals:
        sig_chosen(str): the chosen person id (when 安排 is pressed).
    """

    sig_chosen = Signal(str)

    def __init__(self, title: str, slot_text: str, candidates: list[Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("assign_dialog")
        self._candidates = {c.person_id: c for c in candidates}
        heading = QLabel(slot_text, self)
        heading.setProperty("role", "section")
        self.list = _list_widget(self, "candidates")
        for candidate in candidates:
            lines = [self.tr("{name}　本月在本点已排 {n} 班").format(name=candidate.name, n=candidate.slots_this_month)]
            lines.extend("⚠ " + p.message for p in candidate.problems)
            item = QListWidgetItem("\n".join(lines), self.list)
            item.setData(Qt.ItemDataRole.UserRole, candidate.person_id)
            item.setToolTip("\n".join(lines))
            if candidate.problems:
                item.setForeground(QBrush(QColor(GREY)))
        self.empty_label = QLabel(self.tr("本联系点还没有志愿者。请先在“人员”页添加志愿者并勾选本联系点。"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not candidates)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("assign_reason")
        self.reason_label.setProperty("role", "warning")
        self.reason_label.setWordWrap(True)
        self.reason_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("安排"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("assign_ok")
        _primary(self.ok_button)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("请选择志愿者（灰色的有冲突或不合适，原因写在名字下面）："), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda _item: self._choose())
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        if candidates:
            self.list.setCurrentRow(0)
        self._on_current()
        fit_to_screen(self, lines_wide=28, lines_high=24)

    def select_person(self, person_id: str) -> bool:
        """Make ``person_id`` the current choice; False when not offered."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def chosen_person_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_current(self, *_args: object) -> None:
        candidate = self._candidates.get(self.chosen_person_id() or "")
        self.ok_button.setEnabled(candidate is not None)
        if candidate is not None and candidate.problems:
            self.ok_button.setText(self.tr("仍然安排") if candidate.blocked else self.tr("安排"))
            self.reason_label.setText(problems_text(candidate.problems, "\n"))
            self.reason_label.show()
        else:
            self.ok_button.setText(self.tr("安排"))
            self.reason_label.hide()

    def _choose(self) -> None:
        person_id = self.chosen_person_id()
        if person_id is None:
            return
        self.sig_chosen.emit(person_id)
        self.accept()


class ShiftPickDialog(QDialog):
    """Pick one shift from a list (the judge's 与…对调).

    Signals:
        sig_chosen(str): the chosen shift id.
    """

    sig_chosen = Signal(str)

    def __init__(self, title: str, prompt: str, shifts: list[DutyShift], names: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("shift_pick_dialog")
        self.list = _list_widget(self, "shift_choices")
        for shift in shifts:
            item = QListWidgetItem(shift_line(shift, names), self.list)
            item.setData(Qt.ItemDataRole.UserRole, shift.id)
        empty = QLabel(self.tr("本月没有可以对调的班。"), self)
        empty.setVisible(not shifts)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("对调"), QDialogButtonBox.ButtonRole.AcceptRole)
        _primary(self.ok_button)
        self.ok_button.setEnabled(bool(shifts))
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        prompt_label = QLabel(prompt, self)
        prompt_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._choose())
        if shifts:
            self.list.setCurrentRow(0)
        fit_to_screen(self, lines_wide=26, lines_high=22)

    def select_shift(self, shift_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == shift_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.sig_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()


# (arrival, departure, activities, notes) → error message or None.
DoneSubmit = Callable[[time, time, frozenset[Activity], str], "str | None"]


class DutyDoneDialog(QDialog):
    """已完成: arrival and departure (default: the half-day's duty times), what was done and a
    note; 保存 calls ``submit`` (the page's ``mark_done``), which returns an error to show here
    or None (the dialog then closes)."""

    def __init__(self, slot_text: str, start: time, end: time, submit: DoneSubmit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("值班已完成 — 记录志愿服务"))
        self.setObjectName("duty_done_dialog")
        self._submit = submit
        heading = QLabel(slot_text, self)
        heading.setProperty("role", "section")
        self.arrival_edit = time_edit(self)
        self.arrival_edit.setObjectName("done_arrival")
        self.arrival_edit.setTime(QTime(start.hour, start.minute))
        self.departure_edit = time_edit(self)
        self.departure_edit.setObjectName("done_departure")
        self.departure_edit.setTime(QTime(end.hour, end.minute))
        self.hours_label = QLabel(self)
        self.hours_label.setObjectName("done_hours")
        times = QHBoxLayout()
        times.addWidget(QLabel(self.tr("到达"), self))
        times.addWidget(self.arrival_edit)
        times.addWidget(QLabel(self.tr("离开"), self))
        times.addWidget(self.departure_edit)
        times.addSpacing(12)
        times.addWidget(self.hours_label)
        times.addStretch(1)
        self.activity_boxes: dict[Activity, QCheckBox] = {}
        activities = QGridLayout()
        for i, activity in enumerate(Activity):
            box = QCheckBox(label(activity), self)
            box.setObjectName(f"done_{activity.value}")
            box.setProperty("role", "large")
            box.setChecked(activity is Activity.CONSULTATION)
            self.activity_boxes[activity] = box
            activities.addWidget(box, i // 3, i % 3)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("done_notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("done_error")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存服务记录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("done_save")
        _primary(self.save_button)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        hint = QLabel(self.tr("保存后这一班记为“已完成”，并自动生成一条志愿服务记录（计入服务时长）。"), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(times)
        layout.addWidget(QLabel(self.tr("服务内容"), self))
        layout.addLayout(activities)
        layout.addWidget(QLabel(self.tr("备注"), self))
        layout.addWidget(self.notes_edit)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.arrival_edit.timeChanged.connect(self._update_hours)
        self.departure_edit.timeChanged.connect(self._update_hours)
        self._update_hours()
        fit_to_screen(self, lines_wide=28)

    def values(self) -> tuple[time, time, frozenset[Activity], str]:
        """(arrival, departure, activities, notes) as entered."""
        return (self.arrival_edit.time().toPython(), self.departure_edit.time().toPython(),
                frozenset(a for a, box in self.activity_boxes.items() if box.isChecked()),
                self.notes_edit.toPlainText().strip())

    def save(self) -> bool:
        """Submit; True when stored (the dialog closes), else the error is shown."""
        error = self._submit(*self.values())
        if error:
            self.error_label.setText(error)
            self.error_label.show()
            return False
        self.accept()
        return True

    def _update_hours(self, *_args: object) -> None:
        arrival, departure, _activities, _notes = self.values()
        try:
            hours = hours_of(service_minutes(arrival, departure))
        except ValueError as err:
            self.hours_label.setText(str(err))
            self.hours_label.setProperty("role", "error")
        else:
            self.hours_label.setText(self.tr("服务时长 {hours} 小时").format(hours=hours))
            self.hours_label.setProperty("role", "")
        self.hours_label.style().unpolish(self.hours_label)
        self.hours_label.style().polish(self.hours_label)


class GenerateReportDialog(QDialog):
    """What 自动排班 did: seats filled, kept and removed, the open seats with their reasons,
    the spread per volunteer (fewest–most) and calendar warnings."""

    def __init__(self, report: GenerateReport, names: dict[str, str], point_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("自动排班结果"))
        self.setObjectName("generate_report")
        heading = QLabel(self.tr("{point}　{month}").format(point=point_name, month=format_period_zh(report.period)),
                         self)
        heading.setProperty("role", "section")
        summary = self.tr("新排 {created} 班，保留原有 {kept} 班，撤下 {removed} 班；仍缺 {gaps} 班。")
        self.summary_label = QLabel(summary.format(
            created=report.created, kept=report.kept, removed=report.removed,
            gaps=sum(g.missing for g in report.gaps)), self)
        self.summary_label.setObjectName("generate_summary")
        self.summary_label.setWordWrap(True)
        spread = report.spread
        self.spread_label = QLabel(self.tr("分配：最少 {low} 班，最多 {high} 班。{detail}").format(
            low=spread.low, high=spread.high, detail=spread.text(names)), self)
        self.spread_label.setObjectName("generate_spread")
        self.spread_label.setWordWrap(True)
        self.warnings_label = QLabel("\n".join("⚠ " + w for w in report.warnings), self)
        self.warnings_label.setObjectName("generate_warnings")
        self.warnings_label.setProperty("role", "warning")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setVisible(bool(report.warnings))
        self.gap_list = _list_widget(self, "generate_gaps")
        for gap in report.gaps:
            QListWidgetItem(gap_text(gap), self.gap_list)
        gap_title = QLabel(self.tr("没排上的班和原因：") if report.gaps else self.tr("所有值班时段都已排满。"), self)
        gap_title.setProperty("role", "section")
        self.gap_list.setVisible(bool(report.gaps))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        note = QLabel(self.tr("已确认、请假、已完成、法官安排和志愿者自选的班都保留不动；可在日历上继续调整。"), self)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.spread_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(gap_title)
        layout.addWidget(self.gap_list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, lines_wide=31, lines_high=24 if report.gaps else 0)

    def gap_lines(self) -> list[str]:
        return [self.gap_list.item(i).text() for i in range(self.gap_list.count())]


class RosterPdfDialog(PdfDialog):
    """打印值班表: this point or every point, the month shown, then ``core.duty.write_pdf``."""

    def __init__(self, core: Core, point_id: str, period: str, parent: QWidget | None = None):
        super().__init__(self.tr("打印值班表"), parent)
        self._core = core
        self._period = period
        self._point = core.points.get(point_id)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("roster_pdf_scope")
        self.scope_combo.addItem(self._point.name, point_id)
        if len(core.points.all()) > 1:
            self.scope_combo.addItem(self.tr("全部联系点（每点一页）"), None)
        self.options.addRow(self.tr("月份"), QLabel(format_period_zh(period), self))
        self.options.addRow(self.tr("联系点"), self.scope_combo)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.propose_path())
        self.propose_path()
        self._options_done()

    def suggested_name(self) -> str:
        """``值班表_ZN-NA_2026-12.pdf`` (``全部`` for every point)."""
        code = self._point.code if self.scope_combo.currentData() else self.tr("全部")
        return safe_file_name(self.tr("值班表_{code}_{period}.pdf").format(code=code, period=self._period))

    def _write(self, path: Path) -> GlyphReport:
        point_id = self.scope_combo.currentData()
        return self._core.duty.write_pdf(path, self._period, point_ids=[point_id] if point_id else None)


class VolunteerSwapDialog(QDialog):
    """A volunteer asks a colleague to take their shift over, or to exchange it for one of the
    colleague's shifts this month.

    Signals:
        sig_chosen(str, object, str): colleague id, their shift id (None = only take over), note.
    """

    sig_chosen = Signal(str, object, str)

    def __init__(self, slot_text: str, colleagues: list[tuple[str, str]], shifts_of: dict[str, list[DutyShift]],
                 names: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("申请与同事对调"))
        self.setObjectName("volunteer_swap_dialog")
        self._shifts_of = shifts_of
        self._names = names
        heading = QLabel(self.tr("您的值班：{slot}").format(slot=slot_text), self)
        heading.setProperty("role", "section")
        self.colleague_combo = QComboBox(self)
        self.colleague_combo.setObjectName("swap_colleague")
        for name, person_id in colleagues:
            self.colleague_combo.addItem(name, person_id)
        self.choice_list = _list_widget(self, "swap_their_shift")
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("swap_note")
        self.note_edit.setPlaceholderText(self.tr("可写一句原因，如“家中有事”"))
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("发出申请"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("swap_send")
        _primary(self.ok_button)
        self.ok_button.setEnabled(bool(colleagues))
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        hint = QLabel(self.tr("同事在“志愿者自助”里选自己的名字后，可以同意或拒绝。同意后才算换成。"), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("请哪位同事："), self))
        layout.addWidget(self.colleague_combo)
        layout.addWidget(QLabel(self.tr("换哪一班："), self))
        layout.addWidget(self.choice_list, 1)
        layout.addWidget(self.note_edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.colleague_combo.currentIndexChanged.connect(self._fill_choices)
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        self._fill_choices()
        fit_to_screen(self, lines_wide=27, lines_high=23)

    def _fill_choices(self, *_args: object) -> None:
        self.choice_list.clear()
        colleague = self.colleague_combo.currentData()
        if colleague is None:
            return
        item = QListWidgetItem(self.tr("只请同事代班（不交换）"), self.choice_list)
        item.setData(Qt.ItemDataRole.UserRole, None)
        for shift in self._shifts_of.get(colleague, []):
            item = QListWidgetItem(self.tr("换同事的 {line}").format(line=shift_line(shift, self._names)),
                                   self.choice_list)
            item.setData(Qt.ItemDataRole.UserRole, shift.id)
        self.choice_list.setCurrentRow(0)

    def select(self, colleague_id: str, their_shift_id: str | None = None) -> bool:
        """Choose the colleague and (optionally) their shift; False if not offered."""
        index = self.colleague_combo.findData(colleague_id)
        if index < 0:
            return False
        self.colleague_combo.setCurrentIndex(index)
        for row in range(self.choice_list.count()):
            if self.choice_list.item(row).data(Qt.ItemDataRole.UserRole) == their_shift_id:
                self.choice_list.setCurrentRow(row)
                return True
        return False

    def _choose(self) -> None:
        colleague = self.colleague_combo.currentData()
        item = self.choice_list.currentItem()
        if colleague is None:
            return
        self.sig_chosen.emit(colleague, item.data(Qt.ItemDataRole.UserRole) if item else None,
                             self.note_edit.text().strip())
        self.accept()

