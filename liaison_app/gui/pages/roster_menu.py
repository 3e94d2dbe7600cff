"""The menu of one half-day in the roster calendar (right click, double-click, Enter).

法官排班: 安排…, and per shift 改派给… / 清除 / 与…对调 / 确认 / 请假 or 取消请假 / 已完成….
志愿者自助: 领取这一班, or for the volunteer's own shift 退还这一班 / 申请与同事对调….
The actions call the page's methods; this module only decides what is offered and enabled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from liaison_app.domain.duty import DutyShift, ShiftState
from liaison_app.domain.people import HalfDay
from liaison_app.gui.appearance import scaled_stylesheet, text_scale
from liaison_app.gui.duty_formatting import slot_label
from liaison_app.gui.labels import label

if TYPE_CHECKING:
    from liaison_app.gui.pages.roster_page import RosterPage



class RosterMode(Enum):
    """Who is using the roster page: the judge plans; a volunteer helps themselves."""

    JUDGE = "judge"
    VOLUNTEER = "volunteer"


# Menus are read by users over 65: larger text and taller rows than the 11 pt default.
MENU_STYLE = "QMenu { font-size: 12pt; } QMenu::item { padding: 6px 28px 6px 20px; }"


def build_slot_menu(page: RosterPage, day: date, half: HalfDay) -> QMenu:
    """The actions of ``day``/``half`` for the page's current mode (built, not shown)."""
    menu = QMenu(page)
    menu.setObjectName("slot_menu")
    menu.setToolTipsVisible(True)
    menu.setStyleSheet(scaled_stylesheet(MENU_STYLE, text_scale()))
    menu.addSection(slot_label(day, half))
    builder = RosterMenuBuilder(page, menu)
    cell = page.model.cell(day, half)
    shifts = cell.shifts if cell else ()
    if page.mode() is RosterMode.JUDGE:
        builder.judge_actions(day, half, shifts, cell.seats if cell else 0)
    else:
        builder.volunteer_actions(day, half, shifts, cell.missing if cell else 0)
    return menu


class RosterMenuBuilder(QObject):
    """Fills one menu (a QObject so its texts go through ``tr``; parented to the menu)."""

    def __init__(self, page: RosterPage, menu: QMenu):
        super().__init__(menu)
        self._page = page
        self._menu = menu

    def judge_actions(self, day: date, half: HalfDay, shifts: tuple[DutyShift, ...], seats: int) -> None:
        page = self._page
        assign = self._action(self._menu, self.tr("安排…"), "action_assign", lambda: page.open_assign_dialog(day, half))
        if not seats:
            assign.setToolTip(self.tr("按值班规则这个时段不值班；仍可安排（会标出⚠）"))
        today = page.today()
        for shift in shifts:
            title = self.tr("{name}（{state}）").format(name=page.person_name(shift.person_id),
                                                       state=label(shift.state))
            target = self._menu
            if len(shifts) > 1:
                target = self._menu.addMenu(title)
                target.setToolTipsVisible(True)
                target.setStyleSheet(scaled_stylesheet(MENU_STYLE, text_scale()))
            else:
                self._menu.addSection(title)
            done = shift.state is ShiftState.DONE
            leave = shift.state is ShiftState.LEAVE
            sid = shift.id
            self._action(target, self.tr("改派给…"), "action_reassign",
                         lambda s=sid: page.open_assign_dialog(day, half, s), enabled=not done)
            self._action(target, self.tr("清除"), "action_clear", lambda s=sid: page.clear(s), enabled=not done)
            self._action(target, self.tr("与…对调"), "action_swap", lambda s=sid: page.open_swap_dialog(s),
                         enabled=not done and not leave)
            self._action(target, self.tr("确认"), "action_confirm", lambda s=sid: page.confirm(s),
                         enabled=shift.state is ShiftState.PLANNED)
            if leave:
                self._action(target, self.tr("取消请假"), "action_cancel_leave", lambda s=sid: page.cancel_leave(s))
            else:
                self._action(target, self.tr("请假"), "action_leave", lambda s=sid: page.mark_leave(s),
                             enabled=not done)
            finished = self._action(target, self.tr("已完成…"), "action_done",
                                    lambda s=sid: page.open_done_dialog(s),
                                    enabled=not done and not leave and shift.day <= today)
            if shift.day > today and not done:
                finished.setToolTip(self.tr("值班日还没到"))
            if done:
                finished.setText(self.tr("已完成（已生成服务记录）"))

    def volunteer_actions(self, day: date, half: HalfDay, shifts: tuple[DutyShift, ...], missing: int) -> None:
        page = self._page
        person_id = page.volunteer_panel.person_id()
        if person_id is None:
            self._action(self._menu, self.tr("请先在右边选择您的名字"), "action_pick_name", lambda: None, enabled=False)
            return
        mine = [s for s in shifts if s.person_id == person_id and s.state.fills_seat]
        if missing and not mine:
            self._action(self._menu, self.tr("领取这一班"), "action_take", lambda: page.take(day, half))
        for shift in mine:
            sid = shift.id
            open_shift = shift.state is not ShiftState.DONE
            self._action(self._menu, self.tr("退还这一班"), "action_give_back", lambda s=sid: page.give_back(s),
                         enabled=open_shift)
            self._action(self._menu, self.tr("申请与同事对调…"), "action_request_swap",
                         lambda s=sid: page.open_volunteer_swap_dialog(s), enabled=open_shift)
        if not self._menu.actions()[1:]:
            self._action(self._menu, self.tr("这一班没有您能做的操作"), "action_none", lambda: None, enabled=False)

    @staticmethod
    def _action(menu: QMenu, text: str, name: str, slot: Callable[[], object], *, enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action
