"""值班 page: the month roster of one liaison point as a calendar, the judge's edits, 自动排班,
the PDF and phone-calendar files, the holiday table, and 志愿者自助 (volunteers' self-service).

Every edit calls ``core.duty``, shows the returned problems at once (status line, ⚠ in the
cell, the side list) and broadcasts the ``Changes`` on ``AppSignals.sig_changes_applied``; the
page redraws through that same broadcast. Rules of the roster: docs/duty-roster.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.duty import DutyShift, ShiftState
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DutyEdit, GenerateReport, Problem, RosterView
from liaison_app.domain.visits import Activity
from liaison_app.errors import UserError
from liaison_app.gui.dialogs.duty_dialogs import (
    AssignDialog,
    DutyDoneDialog,
    GenerateReportDialog,
    RosterPdfDialog,
    ShiftPickDialog,
    VolunteerSwapDialog,
)
from liaison_app.gui.dialogs.duty_pattern_dialog import DutyPatternDialog
from liaison_app.gui.dialogs.holiday_table_dialog import HolidayTableDialog
from liaison_app.gui.dialogs.month_picker_dialog import MonthPickerDialog
from liaison_app.gui.dialogs.pdf_dialogs import default_folder
from liaison_app.gui.duty_formatting import (
    problems_text,
    slot_label,
    swap_request_text,
    unseen_text,
)
from liaison_app.gui.formatting import format_period_zh
from liaison_app.gui.models.roster_table_model import RosterTableModel
from liaison_app.gui.pages.roster_menu import RosterMode, build_slot_menu
from liaison_app.gui.pyside_workarounds import replenish_none_refs
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.widgets.combos import refill_combo, select_data
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.reflow_layout import ReflowLayout
from liaison_app.gui.widgets.roster_calendar import RosterCalendar
from liaison_app.gui.widgets.roster_problems import RosterProblemPanel
from liaison_app.gui.widgets.volunteer_duty_panel import VolunteerDutyPanel
from liaison_app.i18n import translate

# Tables whose changes this page shows.
ROSTER_TABLES = ("duty_shift", "duty_pattern", "duty_calendar_day", "duty_swap_request", "person",
                 "liaison_point")
SIDE_WIDTH = 300
_STATUS_COLORS = {"ok": ("#e8f5e9", "#2e7d32"), "warn": ("#fff3e0", "#e65100"), "error": ("#fdecea", "#c62828")}


class RosterPage(QWidget):
    """The 值班 page (self-contained; the main window only adds it).

    Args:
        core: the open core (``core.duty`` is used throughout).
        signals: edits are broadcast on ``sig_changes_applied`` and summarised on
            ``sig_status_message``; the page redraws when duty, people or points change.

    Open a month with :meth:`show_month`. The methods named like the core's (``assign``,
    ``clear``, ``take`` …) are what the menus call; they return the core's result.
    """

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self._period = clock.period_of(core.now())
        self._mode = RosterMode.JUDGE
        self._view: RosterView | None = None
        self._dialogs: list[QWidget] = []
        self.setObjectName("roster_page")

        # -- toolbar -------------------------------------------------------------------------
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("roster_point")
        self.point_combo.setMinimumContentsLength(8)
        self.point_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.prev_button = self._button(self.tr("◀ 上月"), "roster_prev", self.tr("上个月（Ctrl+PgUp）"))
        self.month_button = self._button("", "roster_month", self.tr("选择月份"))
        self.month_button.setProperty("role", "monthTitle")
        self.next_button = self._button(self.tr("下月 ▶"), "roster_next", self.tr("下个月（Ctrl+PgDown）"))
        self.judge_button = self._button(self.tr("法官排班"), "mode_judge", self.tr("法官安排、调整值班"))
        self.volunteer_button = self._button(self.tr("志愿者自助"), "mode_volunteer",
                                             self.tr("志愿者选自己的名字，领取空班、退还、找同事换班"))
        self.mode_group = QButtonGroup(self)
        for button in (self.judge_button, self.volunteer_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
        self.judge_button.setChecked(True)
        self.generate_button = self._button(self.tr("自动排班"), "roster_generate",
                                            self.tr("按值班规则和志愿者的空闲时间公平排满本月；已确认、请假、已完成和手工安排的班保留不动"))
        self.generate_button.setProperty("role", "primary")
        self.print_button = self._button(self.tr("打印值班表"), "roster_print",
                                         self.tr("生成本月值班表 PDF（A4 横向）"))
        self.ics_button = self._button(self.tr("导出手机日历"), "roster_ics",
                                       self.tr("每位志愿者一个日历文件（.ics），发到手机点开即可加入日历，值班前一晚提醒"))
        self.pattern_button = self._button(self.tr("值班规则…"), "roster_pattern",
                                           self.tr("设置本联系点怎样值班：固定星期、每月固定日期或赶集日，每班人数、时间和节假日"))
        self.holiday_button = self._button(self.tr("节假日设置"), "roster_holidays",
                                           self.tr("手工录入放假日和调休上班日（优先于国家安排）"))
        # Two rows, so the page fits 1366×768 in 大字模式 and in English: where (point, month,
        # mode) above, what to do below; each wraps when the page is narrower still.
        self.point_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        toolbar = FlowLayout(spacing=8)
        toolbar.addWidget(self.point_combo)   # takes the spare width of its line
        toolbar.addWidget(keep_together(self, self.prev_button, self.month_button, self.next_button, spacing=4))
        toolbar.addWidget(keep_together(self, self.judge_button, self.volunteer_button, spacing=4))
        actions = FlowLayout(spacing=4)
        for button in (self.generate_button, self.print_button, self.ics_button, self.pattern_button,
                       self.holiday_button):
            actions.addWidget(button)

        # -- banners ---------------------------------------------------------------------------
        self.warning_bar, self.warning_label = self._banner("roster_warnings")
        self.unseen_bar, self.unseen_label = self._banner("unseen_bar")
        self.unseen_bar.setStyleSheet("QFrame#unseen_bar { background: #fff8e1; border: 3px solid #f9a825;"
                                      " border-radius: 4px; }")
        self.mark_seen_button = QPushButton(self.tr("标记为已查看"), self.unseen_bar)
        self.mark_seen_button.setObjectName("mark_seen")
        self.unseen_bar.layout().addWidget(self.mark_seen_button)

        # -- calendar and side -----------------------------------------------------------------
        self.model = RosterTableModel(self)
        self.calendar = RosterCalendar(self.model, self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("roster_status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.hide()
        self.problem_panel = RosterProblemPanel(self)
        self.volunteer_panel = VolunteerDutyPanel(self)
        self.side_stack = QStackedWidget(self)
        self.side_stack.addWidget(self.problem_panel)
        self.side_stack.addWidget(self.volunteer_panel)
        side = QWidget(self)
        # ~17 characters wide in 大字模式 (at least 300 px, the width at the standard 11 pt); down to
        # 15 before it goes below the calendar.
        unit = self.fontMetrics().horizontalAdvance("中")  # i18n-exempt: width unit
        side_width = max(SIDE_WIDTH, unit * 17)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addSpacerItem(QSpacerItem(min(side_width, unit * 15), 0, QSizePolicy.Policy.Minimum,
                                              QSizePolicy.Policy.Fixed))
        side_layout.addWidget(self.status_label)
        side_layout.addWidget(self.side_stack, 1)
        # Beside the calendar; below it, as wide as the page, when both do not fit side by side.
        body = ReflowLayout((2, 1))
        body.add_widget(self.calendar, 1)
        body.add_widget(side, width=side_width)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(toolbar)
        layout.addLayout(actions)
        layout.addWidget(self.warning_bar)
        layout.addWidget(self.unseen_bar)
        layout.addLayout(body, 1)

        # -- wiring ----------------------------------------------------------------------------
        self.point_combo.currentIndexChanged.connect(lambda _i: self._on_point_changed())
        self.prev_button.clicked.connect(lambda: self.show_month(period=clock.shift_period(self._period, -1)))
        self.next_button.clicked.connect(lambda: self.show_month(period=clock.shift_period(self._period, 1)))
        self.month_button.clicked.connect(self._pick_month)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self.prev_button.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next_button.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.judge_button.toggled.connect(lambda on: on and self.set_mode(RosterMode.JUDGE))
        self.volunteer_button.toggled.connect(lambda on: on and self.set_mode(RosterMode.VOLUNTEER))
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.open_pdf_dialog)
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.holiday_button.clicked.connect(self.open_holiday_dialog)
        self.pattern_button.clicked.connect(self.open_pattern_dialog)
        self.mark_seen_button.clicked.connect(self.mark_seen)
        self.calendar.sig_menu_requested.connect(self._popup_menu)
        self.problem_panel.sig_slot_focus.connect(self.calendar.select_slot)
        panel = self.volunteer_panel
        panel.sig_slot_focus.connect(self.calendar.select_slot)
        panel.sig_person_changed.connect(lambda _p: self.refresh())
        panel.sig_take_requested.connect(self.take)
        panel.sig_give_back_requested.connect(self.give_back)
        panel.sig_swap_requested.connect(self.open_volunteer_swap_dialog)
        panel.sig_answer_requested.connect(self.answer_swap)
        panel.sig_cancel_requested.connect(self.cancel_swap)
        panel.sig_export_requested.connect(lambda: self.export_ics(mine_only=True))
        signals.sig_changes_applied.connect(self._on_changes)

        self._refill_points()
        self._refill_volunteers()
        self.refresh()
        self._select_start()

    # -- what is shown ---------------------------------------------------------------------------
    def point_id(self) -> str | None:
        """The point shown (None when there is none)."""
        data = self.point_combo.currentData()
        return data if isinstance(data, str) else None

    def period(self) -> str:
        """The month shown, ``YYYY-MM``."""
        return self._period

    def mode(self) -> RosterMode:
        return self._mode

    def roster(self) -> RosterView | None:
        """The month as last read from the core."""
        return self._view

    def show_month(self, point_id: str | None = None, period: str | None = None) -> None:
        """Show ``point_id`` (default: the current point) in ``period`` (default: the current month)."""
        if point_id is not None:
            self.point_combo.blockSignals(True)
            select_data(self.point_combo, point_id)
            self.point_combo.blockSignals(False)
            self._refill_volunteers()
        if period is not None:
            clock.parse_period(period)
            self._period = period
        self.refresh()
        self._select_start()

    def set_mode(self, mode: RosterMode) -> None:
        """Switch between 法官排班 and 志愿者自助."""
        self._mode = mode
        (self.judge_button if mode is RosterMode.JUDGE else self.volunteer_button).setChecked(True)
        judge = mode is RosterMode.JUDGE
        for button in (self.generate_button, self.pattern_button, self.holiday_button, self.print_button,
                       self.ics_button):
            button.setVisible(judge)
        self.side_stack.setCurrentWidget(self.problem_panel if judge else self.volunteer_panel)
        self.status_label.hide()
        if not judge:
            self._refill_volunteers()
        self.refresh()

    def set_volunteer(self, person_id: str | None) -> bool:
        """In self-service mode: the volunteer using the laptop (False if not of this point)."""
        return self.volunteer_panel.set_person(person_id)

    def refresh(self) -> None:
        """Re-read the month from the core and redraw (the cursor stays on its half-day)."""
        replenish_none_refs()
        point_id = self.point_id()
        today = self._core.now().date()
        self.month_button.setText(format_period_zh(self._period))
        view = self._core.duty.roster(point_id, self._period) if point_id else None
        self._view = view
        judge = self._mode is RosterMode.JUDGE
        unseen = self._core.duty.unseen_changes(point_id) if point_id else []
        person_id = None if judge else self.volunteer_panel.person_id()
        takeable = ([(g.day, g.half) for g in self._core.duty.open_slots(point_id, self._period, person_id)]
                    if point_id and person_id else [])
        month = [s for s in unseen if view and clock.period_of(s.day) == self._period]
        self.model.set_roster(view, today=today, unseen=month if judge else (), person_id=person_id,
                              takeable=takeable)
        self.problem_panel.set_roster(view, today)
        self._show_warnings(view, point_id)
        self._show_unseen(unseen if judge else [], view)
        if not judge:
            self._fill_volunteer_panel(view, person_id, takeable, today)
        has_point = point_id is not None
        for button in (self.generate_button, self.print_button, self.ics_button, self.pattern_button,
                       self.prev_button, self.next_button, self.month_button, self.volunteer_button):
            button.setEnabled(has_point)
        self.calendar.fit_rows()

    def showEvent(self, event: QShowEvent) -> None:
        """Re-read on show: the day may have changed, and with it what is past."""
        self.refresh()
        super().showEvent(event)

    # -- the judge's edits ------------------------------------------------------------------------
    def generate(self) -> GenerateReport | None:
        """自动排班 for the month shown; opens the report dialog and returns the report."""
        point_id = self.point_id()
        if point_id is None:
            return None
        try:
            report = self._core.duty.generate(point_id, self._period)
        except UserError as err:
            self._status(self.tr("自动排班未完成：{error}").format(error=err), "error")
            return None
        self._signals.sig_changes_applied.emit(report.changes)
        missing = sum(g.missing for g in report.gaps)
        self._status(self.tr("自动排班完成：新排 {created} 班，仍缺 {missing} 班。").format(
            created=report.created, missing=missing), "warn" if missing or report.warnings else "ok")
        names = self._view.names if self._view else {}
        point_name = self._view.point.name if self._view else ""
        self.report_dialog = self._open(GenerateReportDialog(report, names, point_name, self))
        return report

    def assign(self, day: date, half: HalfDay, person_id: str) -> DutyEdit | None:
        """安排: put ``person_id`` on the half-day (stored even if doubtful; problems shown)."""
        point_id = self.point_id()
        if point_id is None:
            return None
        name = self.person_name(person_id)
        return self._run(lambda: self._core.duty.assign(point_id, day, half, person_id),
                         self.tr("已安排 {name}：{slot}").format(name=name, slot=slot_label(day, half)), (day, half))

    def reassign(self, shift_id: str, person_id: str) -> DutyEdit | None:
        """改派: give the shift to another volunteer."""
        shift = self._core.duty.shift(shift_id)
        return self._run(lambda: self._core.duty.reassign(shift_id, person_id),
                         self.tr("已改派给 {name}：{slot}").format(name=self.person_name(person_id),
                                                                 slot=slot_label(shift.day, shift.half)),
                         (shift.day, shift.half))

    def clear(self, shift_id: str) -> DutyEdit | None:
        """清除: take the volunteer off the shift (the seat opens)."""
        shift = self._core.duty.shift(shift_id)
        return self._run(lambda: self._core.duty.clear(shift_id),
                         self.tr("已清除 {name}：{slot}").format(name=self.person_name(shift.person_id),
                                                              slot=slot_label(shift.day, shift.half)),
                         (shift.day, shift.half))

    def swap(self, shift_a: str, shift_b: str) -> DutyEdit | None:
        """与…对调: exchange the volunteers of two shifts."""
        a, b = self._core.duty.shift(shift_a), self._core.duty.shift(shift_b)
        return self._run(lambda: self._core.duty.swap(shift_a, shift_b),
                         self.tr("已对调：{a} 与 {b}").format(
                             a=f"{slot_label(a.day, a.half)} {self.person_name(a.person_id)}",
                             b=f"{slot_label(b.day, b.half)} {self.person_name(b.person_id)}"), (a.day, a.half))

    def confirm(self, shift_id: str) -> DutyEdit | None:
        """确认: the volunteer will come."""
        return self._state_edit(shift_id, self._core.duty.confirm, self.tr("已确认"))

    def mark_leave(self, shift_id: str) -> DutyEdit | None:
        """请假: the seat opens, the row stays."""
        return self._state_edit(shift_id, self._core.duty.mark_leave, self.tr("已记请假"))

    def cancel_leave(self, shift_id: str) -> DutyEdit | None:
        """取消请假: back to 计划 (problems if the seat was filled meanwhile)."""
        return self._state_edit(shift_id, self._core.duty.cancel_leave, self.tr("已取消请假"))

    def mark_done(self, shift_id: str, *, arrival: time | None = None, departure: time | None = None,
                  activities: frozenset[Activity] = frozenset({Activity.CONSULTATION}), notes: str = "") -> str | None:
        """已完成: record the volunteer visit and set the shift done. Returns an error message,
        or None on success."""
        shift = self._core.duty.shift(shift_id)
        what = f"{slot_label(shift.day, shift.half)} {self.person_name(shift.person_id)}"
        if not activities:
            return self.tr("请至少选择一项服务内容")
        try:
            visit, changes = self._core.duty.mark_done(shift_id, arrival=arrival, departure=departure,
                                                       activities=activities, notes=notes)
        except UserError as err:
            self._status(self.tr("未能记为完成：{what}。{error}").format(what=what, error=err), "error")
            return str(err)
        self._signals.sig_changes_applied.emit(changes)
        self._status(self.tr("已完成：{what}，服务 {hours} 小时，已生成志愿服务记录。").format(
            what=what, hours=visit.hours), "ok")
        self.calendar.select_slot(shift.day, shift.half)
        return None

    def mark_seen(self) -> Changes | None:
        """标记为已查看: clear the highlight of every volunteer change of the point."""
        point_id = self.point_id()
        if point_id is None:
            return None
        try:
            changes = self._core.duty.mark_seen(point_id=point_id)
        except UserError as err:
            self._status(str(err), "error")
            return None
        self._signals.sig_changes_applied.emit(changes)
        return changes

    # -- volunteers' self-service -------------------------------------------------------------------
    def take(self, day: date, half: HalfDay) -> DutyEdit | None:
        """领取: the chosen volunteer takes the open half-day (refused with the reason)."""
        point_id, person_id = self.point_id(), self.volunteer_panel.person_id()
        if point_id is None or person_id is None:
            self._status(self.tr("请先选择您的名字"), "error")
            return None
        return self._run(lambda: self._core.duty.take(point_id, day, half, person_id),
                         self.tr("已领取：{slot}（已确认）").format(slot=slot_label(day, half)), (day, half))

    def give_back(self, shift_id: str) -> DutyEdit | None:
        """退还: refused after the cut-off (e.g. 2 days before), with the deadline."""
        person_id = self.volunteer_panel.person_id()
        if person_id is None:
            self._status(self.tr("请先选择您的名字"), "error")
            return None
        shift = self._core.duty.shift(shift_id)
        return self._run(lambda: self._core.duty.give_back(shift_id, person_id),
                         self.tr("已退还：{slot}").format(slot=slot_label(shift.day, shift.half)),
                         (shift.day, shift.half))

    def request_swap(self, shift_id: str, colleague_id: str, their_shift_id: str | None = None,
                     note: str = "") -> bool:
        """申请与同事对调 (or only hand over when ``their_shift_id`` is None); True when sent."""
        person_id = self.volunteer_panel.person_id()
        if person_id is None:
            self._status(self.tr("请先选择您的名字"), "error")
            return False
        try:
            result = self._core.duty.request_swap(shift_id, person_id, colleague_id, their_shift_id, note=note)
        except UserError as err:
            self._status(str(err), "error")
            return False
        if result.request is None:
            self._status(self.tr("未能发出申请：{why}").format(why=problems_text(result.problems)), "error")
            return False
        self._signals.sig_changes_applied.emit(result.changes)
        self._status(self.tr("已向 {name} 发出换班申请，等对方在“志愿者自助”里同意。").format(
            name=self.person_name(colleague_id)), "ok")
        return True

    def answer_swap(self, request_id: str, accept: bool) -> DutyEdit | None:
        """The asked colleague (the chosen volunteer) agrees or declines."""
        person_id = self.volunteer_panel.person_id()
        if person_id is None:
            return None
        done = self.tr("已同意换班") if accept else self.tr("已拒绝换班请求")
        return self._run(lambda: self._core.duty.answer_swap(request_id, person_id, accept), done, None)

    def cancel_swap(self, request_id: str) -> None:
        """Withdraw my request."""
        person_id = self.volunteer_panel.person_id()
        if person_id is None:
            return
        try:
            changes = self._core.duty.cancel_swap(request_id, person_id)
        except UserError as err:
            self._status(str(err), "error")
            return
        self._signals.sig_changes_applied.emit(changes)
        self._status(self.tr("已撤回换班申请"), "ok")

    # -- dialogs ------------------------------------------------------------------------------------
    def open_assign_dialog(self, day: date, half: HalfDay, shift_id: str | None = None) -> AssignDialog | None:
        """安排… (or 改派给… for ``shift_id``): the candidates with their reasons."""
        point_id = self.point_id()
        if point_id is None:
            return None
        candidates = self._core.duty.candidates(point_id, day, half)
        if shift_id is not None:
            current = self._core.duty.shift(shift_id).person_id
            candidates = [c for c in candidates if c.person_id != current]
            title = self.tr("改派给…")
        else:
            title = self.tr("安排值班")
        heading = self.tr("{point}　{slot}").format(point=self._view.point.name if self._view else "",
                                                    slot=slot_label(day, half))
        dialog = AssignDialog(title, heading, candidates, self)
        if shift_id is None:
            dialog.sig_chosen.connect(lambda person_id: self.assign(day, half, person_id))
        else:
            dialog.sig_chosen.connect(lambda person_id: self.reassign(shift_id, person_id))
        return self._open(dialog)

    def open_swap_dialog(self, shift_id: str) -> ShiftPickDialog | None:
        """与…对调: pick the other shift of the month."""
        shift = self._core.duty.shift(shift_id)
        point_id = self.point_id()
        if point_id is None or self._view is None:
            return None
        others = [s for s in self._core.duty.shifts(point_id, self._period)
                  if s.id != shift_id and s.person_id != shift.person_id
                  and s.state in (ShiftState.PLANNED, ShiftState.CONFIRMED)]
        prompt = self.tr("把 {slot} {name} 与下面哪一班对调？").format(
            slot=slot_label(shift.day, shift.half), name=self.person_name(shift.person_id))
        dialog = ShiftPickDialog(self.tr("与…对调"), prompt, others, self._view.names, self)
        dialog.sig_chosen.connect(lambda other: self.swap(shift_id, other))
        return self._open(dialog)

    def open_done_dialog(self, shift_id: str) -> DutyDoneDialog:
        """已完成…: times (default: the half-day's), activities, note → :meth:`mark_done`."""
        shift = self._core.duty.shift(shift_id)
        start, end = self._core.duty.pattern(shift.point_id).times(shift.half)

        def submit(arrival: time, departure: time, activities: frozenset[Activity], notes: str) -> str | None:
            return self.mark_done(shift_id, arrival=arrival, departure=departure, activities=activities, notes=notes)

        text = f"{slot_label(shift.day, shift.half)} {self.person_name(shift.person_id)}"
        return self._open(DutyDoneDialog(text, start, end, submit, self))

    def open_volunteer_swap_dialog(self, shift_id: str) -> VolunteerSwapDialog | None:
        """申请与同事对调…: choose the colleague and, optionally, their shift to exchange."""
        point_id, person_id = self.point_id(), self.volunteer_panel.person_id()
        if point_id is None or person_id is None or self._view is None:
            return None
        shift = self._core.duty.shift(shift_id)
        today = self._core.now().date()
        colleagues = [(p.name, p.id) for p in self._core.people.volunteers(point_id) if p.id != person_id]
        shifts_of: dict[str, list[DutyShift]] = {}
        for other in self._core.duty.shifts(point_id, self._period):
            if other.person_id != person_id and other.day >= today and other.state in (
                    ShiftState.PLANNED, ShiftState.CONFIRMED):
                shifts_of.setdefault(other.person_id, []).append(other)
        dialog = VolunteerSwapDialog(slot_label(shift.day, shift.half), colleagues, shifts_of, self._view.names, self)
        dialog.sig_chosen.connect(lambda colleague, theirs, note: self.request_swap(shift_id, colleague, theirs, note))
        return self._open(dialog)

    def open_holiday_dialog(self) -> HolidayTableDialog:
        """节假日设置 for the year shown."""
        year = clock.parse_period(self._period)[0]
        return self._open(HolidayTableDialog(self._core, self._signals, year, self))

    def open_pattern_dialog(self) -> DutyPatternDialog | None:
        """值班规则… for the point shown; the month is redrawn after 保存."""
        point_id = self.point_id()
        if point_id is None:
            return None
        dialog = DutyPatternDialog(self._core, self._signals, point_id, self)
        dialog.accepted.connect(self.refresh)
        return self._open(dialog)

    def open_pdf_dialog(self) -> RosterPdfDialog | None:
        """打印值班表: the PDF of the month shown."""
        point_id = self.point_id()
        if point_id is None:
            return None
        return self._open(RosterPdfDialog(self._core, point_id, self._period, self))

    def ask_folder(self) -> Path | None:
        """Where to put the calendar files (tests replace this method)."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存日历文件的文件夹"), str(default_folder()))
        return Path(folder) if folder else None

    def export_ics(self, folder: Path | None = None, *, mine_only: bool = False) -> list[Path]:
        """导出手机日历: one .ics per volunteer (only the chosen volunteer's with ``mine_only``)."""
        point_id = self.point_id()
        person_id = self.volunteer_panel.person_id() if mine_only else None
        if point_id is None or (mine_only and person_id is None):
            return []
        folder = folder or self.ask_folder()
        if folder is None:
            return []
        try:
            paths = self._core.duty.write_ics(folder, self._period, point_ids=[point_id],
                                              person_ids=[person_id] if person_id else None)
        except OSError as err:
            self._status(self.tr("无法写入日历文件：{error}").format(error=err.strerror or err), "error")
            return []
        if not paths:
            self._status(self.tr("本月还没有可导出的值班。"), "warn")
            return []
        names = self.tr("、").join(p.name for p in paths[:3])
        if len(paths) > 3:
            names = self.tr("{names}等").format(names=names)
        self._status(self.tr("已导出 {n} 个日历文件到 {folder}：{names}。把文件发到手机（微信“文件传输助手”或数据线），"
                             "点开即可加入手机日历，值班前一天晚上8点提醒。").format(
            n=len(paths), folder=folder, names=names), "ok")
        return paths

    # -- the menu -----------------------------------------------------------------------------------
    def slot_menu(self, day: date, half: HalfDay) -> QMenu:
        """The actions of a half-day for the current mode (built, not shown)."""
        return build_slot_menu(self, day, half)

    def _popup_menu(self, day: date, half: HalfDay, where: QPoint) -> None:
        menu = self.slot_menu(day, half)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    # -- helpers ------------------------------------------------------------------------------------
    def _run(self, call: Callable[[], DutyEdit], done_text: str,
             slot: tuple[date, HalfDay] | None) -> DutyEdit | None:
        """Call the core, broadcast, say what happened (problems first) and keep the cursor."""
        try:
            edit = call()
        except UserError as err:
            self._status(self.tr("未办理：{error}").format(error=err), "error")
            return None
        if edit.applied:
            self._signals.sig_changes_applied.emit(edit.changes)
        self._report(edit, done_text)
        if slot is not None:
            self.calendar.select_slot(*slot)
        return edit

    def _state_edit(self, shift_id: str, call: Callable[[str], DutyEdit], verb: str) -> DutyEdit | None:
        shift = self._core.duty.shift(shift_id)
        text = self.tr("{verb}：{slot} {name}").format(verb=verb, slot=slot_label(shift.day, shift.half),
                                                    name=self.person_name(shift.person_id))
        return self._run(lambda: call(shift_id), text, (shift.day, shift.half))

    def _report(self, edit: DutyEdit, done_text: str) -> None:
        if not edit.applied:
            self._status(self.tr("未办理。原因：{why}").format(why=self._problem_lines(edit.problems)), "error")
        elif edit.problems:
            why = self._problem_lines(edit.problems)
            self._status(self.tr("{done}。请注意：\n{why}").format(done=done_text, why=why),
                         "warn")
        else:
            self._status(self.tr("{done}。").format(done=done_text), "ok")

    @staticmethod
    def _problem_lines(problems: tuple[Problem, ...]) -> str:
        return "\n".join("⚠ " + p.message for p in problems)

    def _status(self, text: str, kind: str) -> None:
        fill, color = _STATUS_COLORS[kind]
        self.status_label.setText(text)
        self.status_label.setProperty("kind", kind)
        self.status_label.setStyleSheet(f"QLabel#roster_status {{ background: {fill}; color: {color};"
                                        f" border: 2px solid {color}; border-radius: 4px; padding: 6px;"
                                        f" font-weight: bold; }}")
        self.status_label.show()
        self._signals.sig_status_message.emit(text.replace("\n", " "))

    def status_text(self) -> str:
        """The last edit's message (empty before the first)."""
        return self.status_label.text() if self.status_label.isVisibleTo(self) else ""

    def _show_warnings(self, view: RosterView | None, point_id: str | None) -> None:
        lines: list[str] = []
        if point_id is None:
            lines.append(self.tr("尚未设置联系点，请先在首页设置联系点。"))
        elif view is not None:
            # The core's "no rules yet" warning (core/duty.py), in the language shown: the hint
            # to the button is added to it.
            no_pattern = translate("duty", "本联系点尚未设置值班规则，暂按默认：{pattern}。").split("{pattern}")[0]
            lines.extend(self.tr("{warning}可点上方“值班规则…”按钮设置。").format(warning=w) if w.startswith(no_pattern)
                         else w for w in view.warnings)
            if not self._core.people.volunteers(point_id):
                lines.append(self.tr("本联系点还没有志愿者：请先在“人员”页添加退休法官志愿者，并勾选本联系点。"))
        self.warning_label.setText("\n".join("⚠ " + line for line in lines))
        self.warning_bar.setVisible(bool(lines))

    def _show_unseen(self, unseen: list[DutyShift], view: RosterView | None) -> None:
        names = view.names if view else {}
        if not unseen:
            self.unseen_bar.hide()
            return
        listed = self.tr("；").join(unseen_text(s, names) for s in unseen[:3])
        if len(unseen) > 3:
            listed = self.tr("{listed} 等").format(listed=listed)
        text = self.tr("{n} 处志愿者改动未查看（黄框）：{listed}")
        self.unseen_label.setText(text.format(n=len(unseen), listed=listed))
        self.unseen_label.setToolTip("\n".join(unseen_text(s, names) for s in unseen))
        self.unseen_bar.show()

    def unseen_count(self) -> int:
        """How many volunteer changes the bar announces (0 when hidden)."""
        if not self.unseen_bar.isVisibleTo(self):
            return 0
        return int(self.unseen_label.text().split(" ")[0])

    def _fill_volunteer_panel(self, view: RosterView | None, person_id: str | None,
                              takeable: list[tuple[date, HalfDay]], today: date) -> None:
        if view is None or person_id is None:
            self.volunteer_panel.clear_data()
            return
        cutoff = timedelta(days=view.pattern.giveback_cutoff_days)
        mine = sorted((s for slot in view.slots.values() for s in slot.shifts if s.person_id == person_id),
                      key=lambda s: (s.day, s.half is HalfDay.PM))
        open_gaps = [g for g in view.gaps if (g.day, g.half) in set(takeable)]
        requests = self._core.duty.swap_requests(person_id)
        shifts = {}
        for request in requests:
            for shift_id in filter(None, (request.shift_id, request.their_shift_id)):
                shifts[shift_id] = self._core.duty.shift(shift_id)
        texts = [(r, swap_request_text(r, shifts, view.names, person_id)) for r in requests]
        self.volunteer_panel.set_data(mine, {s.id: s.day - cutoff for s in mine}, view.names, open_gaps, texts, today)

    def _refill_points(self) -> None:
        points = self._core.points.all()
        refill_combo(self.point_combo, ((p.name, p.id) for p in points))

    def _refill_volunteers(self) -> None:
        point_id = self.point_id()
        people = self._core.people.volunteers(point_id) if point_id else []
        self.volunteer_panel.set_people([(p.name, p.id) for p in people])

    def _on_point_changed(self) -> None:
        self._refill_volunteers()
        self.refresh()

    def _select_start(self) -> None:
        """Cursor on today's morning when today is in the month, else on the 1st."""
        today = self._core.now().date()
        if not self.calendar.select_slot(today, HalfDay.AM):
            year, month = clock.parse_period(self._period)
            self.calendar.select_slot(date(year, month, 1), HalfDay.AM)

    def _pick_month(self) -> None:
        period = self.ask_period()
        if period:
            self.show_month(period=period)

    def ask_period(self) -> str | None:
        """Ask for a month (tests replace this method)."""
        dialog = MonthPickerDialog(self._period, self)
        dialog.setWindowTitle(self.tr("选择月份"))
        try:
            return dialog.period() if dialog.exec() == MonthPickerDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("liaison_point"):
            self._refill_points()
        if changes.touches("person") or changes.touches("liaison_point"):
            self._refill_volunteers()
        if any(changes.touches(table) for table in ROSTER_TABLES):
            self.refresh()

    def today(self) -> date:
        """Today by the core's clock."""
        return self._core.now().date()

    def person_name(self, person_id: str) -> str:
        """A person's name (from the month shown, else the people list; ``?`` if unknown)."""
        if self._view is not None and person_id in self._view.names:
            return self._view.names[person_id]
        try:
            return self._core.people.get(person_id).name
        except UserError:
            return "?"

    def _open(self, dialog):  # type: ignore[no-untyped-def]
        """Open ``dialog`` window-modal (never blocking) and forget it when it closes."""
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.open()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def open_dialogs(self) -> list[QWidget]:
        """Dialogs opened from the page and still open."""
        return list(self._dialogs)

    def _button(self, text: str, name: str, tooltip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        return button

    def _banner(self, name: str) -> tuple[QFrame, QLabel]:
        bar = QFrame(self)
        bar.setObjectName(name)
        bar.setProperty("role", "banner")
        label = QLabel(bar)
        label.setObjectName(name + "_text")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(label, 1)
        bar.hide()
        return bar, label
