"""志愿者自助: the side panel where a volunteer picks their name, sees their shifts, takes an
open seat, gives one back and answers swap requests. It only shows data and asks; the roster
page calls the core (``core.duty`` volunteer API) and refills it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.domain.duty import DutyShift, SwapRequest
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import Gap
from liaison_app.gui.duty_formatting import day_label, open_seat_text, parse_slot_key, shift_line, slot_key
from liaison_app.gui.widgets.flow_layout import FlowLayout

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1   # "in" / "out" for swap requests
_SLOT_ROLE = Qt.ItemDataRole.UserRole + 2   # "2026-12-01|am": the item's half-day (plain text survives QVariant)


class VolunteerDutyPanel(QWidget):
    """我是 [name] / 我的值班 (退还, 申请与同事对调…) / 可以领取的空班 (领取) / 换班请求
    (同意, 拒绝, 撤回) / 导出我的手机日历.

    Signals:
        sig_person_changed(object): the chosen volunteer id (None: nobody chosen).
        sig_take_requested(object, object): take the open half-day (``date``, ``HalfDay``).
        sig_give_back_requested(str): give this shift back.
        sig_swap_requested(str): ask a colleague to swap this shift.
        sig_answer_requested(str, bool): agree to (True) or decline a request addressed to me.
        sig_cancel_requested(str): withdraw my request.
        sig_export_requested(): write my shifts as a phone-calendar file.
        sig_slot_focus(object, object): show this half-day in the calendar.
    """

    sig_person_changed = Signal(object)
    sig_take_requested = Signal(object, object)
    sig_give_back_requested = Signal(str)
    sig_swap_requested = Signal(str)
    sig_answer_requested = Signal(str, bool)
    sig_cancel_requested = Signal(str)
    sig_export_requested = Signal()
    sig_slot_focus = Signal(object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("volunteer_panel")
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("volunteer_person")
        self.person_combo.setMinimumHeight(self.fontMetrics().height() + 16)
        who = QHBoxLayout()
        me = QLabel(self.tr("我是"), self)
        me.setProperty("role", "section")
        who.addWidget(me)
        who.addWidget(self.person_combo, 1)

        self.mine_list = self._list("my_shifts")
        self.give_back_button = self._button(self.tr("退还这一班"), "give_back")
        self.swap_button = self._button(self.tr("申请与同事对调…"), "request_swap")
        self.open_list = self._list("open_slots")
        self.take_button = self._button(self.tr("领取这一班"), "take", primary=True)
        self.request_list = self._list("swap_requests")
        self.accept_button = self._button(self.tr("同意"), "accept_swap")
        self.decline_button = self._button(self.tr("拒绝"), "decline_swap")
        self.cancel_button = self._button(self.tr("撤回"), "cancel_swap")
        self.export_button = self._button(self.tr("导出我的手机日历…"), "export_my_ics")
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("volunteer_hint")
        self.hint_label.setProperty("role", "muted")
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addWidget(self._group(self.tr("我的值班（本月）"), self.mine_list,
                                     [self.give_back_button, self.swap_button]), 3)
        layout.addWidget(self._group(self.tr("可以领取的空班"), self.open_list, [self.take_button]), 3)
        layout.addWidget(self._group(self.tr("换班请求"), self.request_list,
                                     [self.accept_button, self.decline_button, self.cancel_button]), 2)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.export_button)

        self.person_combo.currentIndexChanged.connect(lambda _i: self.sig_person_changed.emit(self.person_id()))
        self.give_back_button.clicked.connect(lambda: self._emit_current(self.mine_list, self.sig_give_back_requested))
        self.swap_button.clicked.connect(lambda: self._emit_current(self.mine_list, self.sig_swap_requested))
        self.take_button.clicked.connect(self._take)
        self.open_list.itemDoubleClicked.connect(lambda _item: self._take())
        self.accept_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        self.cancel_button.clicked.connect(lambda: self._emit_current(self.request_list, self.sig_cancel_requested))
        self.export_button.clicked.connect(self.sig_export_requested)
        for widget in (self.mine_list, self.open_list):
            widget.currentItemChanged.connect(self._focus_item)
        self.request_list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.mine_list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.open_list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # -- filling -------------------------------------------------------------------------------
    def set_people(self, people: list[tuple[str, str]]) -> None:
        """(name, id) of the point's active volunteers; keeps the choice when still listed."""
        current = self.person_id()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("— 请选择您的名字 —"), None)
        for name, person_id in people:
            self.person_combo.addItem(name, person_id)
        index = self.person_combo.findData(current) if current else 0
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)
        if self.person_id() != current:
            self.sig_person_changed.emit(self.person_id())

    def set_person(self, person_id: str | None) -> bool:
        """Choose the volunteer (emits :attr:`sig_person_changed`); False if not listed."""
        index = self.person_combo.findData(person_id) if person_id else 0
        if index < 0:
            return False
        self.person_combo.setCurrentIndex(index)
        return True

    def person_id(self) -> str | None:
        data = self.person_combo.currentData()
        return data if isinstance(data, str) else None

    def set_data(self, mine: list[DutyShift], deadlines: dict[str, date], names: dict[str, str],
                 open_gaps: list[Gap], requests: list[tuple[SwapRequest, str]], today: date) -> None:
        """Fill the lists for the chosen volunteer.

        Args:
            mine: their shifts this month (leave and done included).
            deadlines: shift id → last day they may give it back.
            open_gaps: open half-days they may take (``core.duty.open_slots``).
            requests: pending swap requests made by or to them, with their text.
            today: shifts and deadlines before it are marked as past.
        """
        self.mine_list.clear()
        for shift in mine:
            text = shift_line(shift, names, with_name=False)
            deadline = deadlines.get(shift.id)
            if shift.day < today:
                pass
            elif deadline is not None and deadline >= today and shift.state.fills_seat:
                text += "\n" + self.tr("可退还，最晚 {day}").format(day=day_label(deadline))
            elif shift.state.fills_seat:
                text += "\n" + self.tr("已过退还期限，可找同事换班或联系法官")
            item = QListWidgetItem(text, self.mine_list)
            item.setData(Qt.ItemDataRole.UserRole, shift.id)
            item.setData(_SLOT_ROLE, slot_key(shift.day, shift.half))
        self.open_list.clear()
        for gap in open_gaps:
            item = QListWidgetItem(open_seat_text(gap), self.open_list)
            item.setData(Qt.ItemDataRole.UserRole, None)
            item.setData(_SLOT_ROLE, slot_key(gap.day, gap.half))
        self.request_list.clear()
        me = self.person_id()
        for request, text in requests:
            item = QListWidgetItem(text, self.request_list)
            item.setData(Qt.ItemDataRole.UserRole, request.id)
            item.setData(_KIND_ROLE, "in" if request.to_person_id == me else "out")
        self._placeholder(self.mine_list, self.tr("本月还没有您的值班。"))
        self._placeholder(self.open_list, self.tr("本月没有您可以领取的空班。"))
        self._placeholder(self.request_list, self.tr("没有待答复的换班请求。"))
        self.hint_label.setText(self.tr("领取后即为“已确认”；退还要在值班日前几天，过了期限请找同事换班或联系法官。"))
        self._update_buttons()

    def clear_data(self) -> None:
        """Nobody chosen: empty lists and a hint."""
        for widget in (self.mine_list, self.open_list, self.request_list):
            widget.clear()
        self.hint_label.setText(self.tr("请先在上面选择您的名字。"))
        self._update_buttons()

    # -- reading (tests) ---------------------------------------------------------------------------
    def texts(self, which: QListWidget) -> list[str]:
        return [which.item(i).text() for i in range(which.count()) if which.item(i).flags() != Qt.ItemFlag.NoItemFlags]

    def select_shift(self, shift_id: str) -> bool:
        return _select(self.mine_list, Qt.ItemDataRole.UserRole, shift_id)

    def select_open(self, day: date, half: HalfDay) -> bool:
        return _select(self.open_list, _SLOT_ROLE, slot_key(day, half))

    def select_request(self, request_id: str) -> bool:
        return _select(self.request_list, Qt.ItemDataRole.UserRole, request_id)

    # -- internals -------------------------------------------------------------------------------
    def _list(self, name: str) -> QListWidget:
        widget = _ShortList(self)
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.setMinimumHeight(self.fontMetrics().height() * 3 + 12)
        return widget

    def _button(self, text: str, name: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if primary:
            button.setProperty("role", "primary")
        return button

    def _group(self, title: str, widget: QListWidget, buttons: list[QPushButton]) -> QGroupBox:
        group = QGroupBox(title, self)
        layout = QVBoxLayout(group)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(widget, 1)
        row = FlowLayout()   # the buttons wrap when the side panel is narrow
        for button in buttons:
            row.addWidget(button)
        layout.addLayout(row)
        return group

    def _placeholder(self, widget: QListWidget, text: str) -> None:
        if widget.count():
            return
        item = QListWidgetItem(text, widget)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _emit_current(self, widget: QListWidget, signal) -> None:  # type: ignore[no-untyped-def]
        item = widget.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    def _take(self) -> None:
        item = self.open_list.currentItem()
        slot = parse_slot_key(item.data(_SLOT_ROLE)) if item is not None else None
        if slot:
            self.sig_take_requested.emit(slot[0], slot[1])

    def _answer(self, accept: bool) -> None:
        item = self.request_list.currentItem()
        if item is not None and item.data(_KIND_ROLE) == "in":
            self.sig_answer_requested.emit(item.data(Qt.ItemDataRole.UserRole), accept)

    def _focus_item(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        slot = parse_slot_key(current.data(_SLOT_ROLE)) if current is not None else None
        if slot:
            self.sig_slot_focus.emit(slot[0], slot[1])

    def _update_buttons(self) -> None:
        chosen = self.person_id() is not None
        mine = self.mine_list.currentItem()
        has_mine = mine is not None and bool(mine.data(Qt.ItemDataRole.UserRole))
        self.give_back_button.setEnabled(chosen and has_mine)
        self.swap_button.setEnabled(chosen and has_mine)
        gap = self.open_list.currentItem()
        self.take_button.setEnabled(chosen and gap is not None and bool(gap.data(_SLOT_ROLE)))
        request = self.request_list.currentItem()
        kind = request.data(_KIND_ROLE) if request is not None else None
        self.accept_button.setEnabled(chosen and kind == "in")
        self.decline_button.setEnabled(chosen and kind == "in")
        self.cancel_button.setEnabled(chosen and kind == "out")
        self.export_button.setEnabled(chosen)


def _select(widget: QListWidget, role: int, value: object) -> bool:
    for row in range(widget.count()):
        if widget.item(row).data(role) == value:
            widget.setCurrentRow(row)
            return True
    return False


class _ShortList(QListWidget):
    """A list that asks for its least height: the lists share the panel's height by the groups'
    stretch, and the rows of buttons under them (which wrap when the panel is narrow) keep
    their room."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())
