"""值班规则 dialog: editing a point's duty pattern through core.duty.save_pattern, field messages,
reopening, and the roster page's 值班规则… button."""

from __future__ import annotations

from datetime import date, time

import pytest

from liaison_app.domain.duty import PatternKind
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.gui.dialogs.duty_pattern_dialog import (
    DutyPatternDialog,
    parse_month_days,
)
from liaison_app.gui.pages.roster_page import RosterMode, RosterPage

from .helpers import commit_text


@pytest.fixture
def open_dialog(qtbot, core, point, signals):
    def _open():
        dialog = DutyPatternDialog(core, signals, point.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return _open


def test_default_pattern_is_shown_and_flagged(open_dialog):
    dialog = open_dialog()
    assert dialog.kind() is PatternKind.WEEKLY
    checked = {slot for slot, box in dialog.slot_boxes.items() if box.isChecked()}
    assert checked == {WeeklySlot(d, h) for d in range(5) for h in HalfDay}
    assert "尚未设置值班规则" in dialog.state_label.text()
    assert dialog.per_slot_spin.value() == 1 and dialog.max_days_spin.value() == 3
    assert dialog.cutoff_spin.value() == 2
    assert not dialog.halves_row.isVisible()


def test_save_monthly_days_then_reopen(open_dialog, core, point, signals, qtbot):
    dialog = open_dialog()
    dialog.set_kind(PatternKind.MONTHLY_DAYS)
    assert dialog.halves_row.isVisible()
    dialog.month_days_edit.clear()
    commit_text(dialog.month_days_edit, "5，10、15")     # Chinese commas as typed with an IME
    dialog.per_slot_spin.setValue(2)
    dialog.half_boxes[HalfDay.PM].setChecked(False)
    dialog.holidays_box.setChecked(True)
    with qtbot.waitSignal(signals.sig_changes_applied) as emitted:
        dialog.save_button.click()
    assert emitted.args[0].touches("duty_pattern")
    assert dialog.result() == DutyPatternDialog.DialogCode.Accepted

    stored = core.duty.pattern(point.id)
    assert stored.stored and stored.kind is PatternKind.MONTHLY_DAYS
    assert stored.month_days == (5, 10, 15) and stored.per_slot == 2
    assert stored.halves == frozenset({HalfDay.AM}) and stored.duty_on_holidays

    again = open_dialog()
    assert again.kind() is PatternKind.MONTHLY_DAYS
    assert again.month_days_edit.text() == "5,10,15"
    assert again.per_slot_spin.value() == 2
    assert again.half_boxes[HalfDay.AM].isChecked() and not again.half_boxes[HalfDay.PM].isChecked()
    assert again.holidays_box.isChecked()
    assert "当前规则" in again.state_label.text() and "每班2人" in again.state_label.text()


@pytest.mark.parametrize("text, expected", [
    ("32", "1到31日之间"),        # the core's ValidationError, shown next to the field
    ("5,十", "日期数字"),          # not a number: refused before the core
    ("", "至少选择每月的一天"),
])
def test_invalid_day_list_shows_a_message_and_saves_nothing(open_dialog, core, point, signals, qtbot,
                                                             text, expected):
    dialog = open_dialog()
    dialog.set_kind(PatternKind.MONTHLY_DAYS)
    dialog.month_days_edit.setText(text)
    with qtbot.assertNotEmitted(signals.sig_changes_applied):
        assert dialog.save() is None
    assert expected in dialog.error_text("month_days")
    assert dialog.findChild(type(dialog.message_label), "pattern_error_month_days").isVisible()
    assert dialog.isVisible()
    assert not core.duty.pattern(point.id).stored
    dialog.month_days_edit.setText("5,10")
    assert dialog.save() is not None
    assert core.duty.pattern(point.id).month_days == (5, 10)


def test_weekly_market_and_times(open_dialog, core, point):
    dialog = open_dialog()
    for box in dialog.slot_boxes.values():
        box.setChecked(False)
    assert dialog.save() is None and "至少选择一个" in dialog.error_text("weekly_slots")
    dialog.slot_boxes[WeeklySlot(1, HalfDay.AM)].setChecked(True)
    dialog.pm_start_edit.setTime(dialog.am_end_edit.time().addSecs(-3600))     # 11:00 < 12:00
    assert dialog.save() is None and "下午开始时间" in dialog.error_text("pm_start")
    assert dialog.error_text("weekly_slots") == ""
    assert not core.duty.pattern(point.id).stored

    dialog.pm_start_edit.setTime(dialog.am_end_edit.time())
    dialog.set_kind(PatternKind.MARKET_DAYS)
    dialog.market_start_edit.setDate(date(2026, 12, 3))
    dialog.market_every_spin.setValue(5)
    dialog.max_days_spin.setValue(2)
    dialog.cutoff_spin.setValue(0)
    assert dialog.save() is not None
    stored = core.duty.pattern(point.id)
    assert stored.kind is PatternKind.MARKET_DAYS
    assert (stored.market_start, stored.market_every) == (date(2026, 12, 3), 5)
    assert stored.max_consecutive_days == 2 and stored.giveback_cutoff_days == 0
    assert stored.pm_start == time(12, 0)
    assert stored.weekly_slots == frozenset({WeeklySlot(1, HalfDay.AM)})  # kept for switching back


def test_parse_month_days():
    assert parse_month_days(" 30, 5,5、10日 ") == (5, 10, 30)
    with pytest.raises(ValueError):
        parse_month_days("5,a")


def test_roster_page_button_opens_dialog_and_redraws(qtbot, core, point, signals):
    page = RosterPage(core, signals)
    qtbot.addWidget(page)
    page.resize(1216, 716)
    page.show()
    qtbot.waitExposed(page)
    page.show_month(point.id, "2026-12")
    assert "值班规则…" in page.warning_label.text()          # the default-pattern warning names the button
    page.pattern_button.click()
    dialogs = [d for d in page.open_dialogs() if isinstance(d, DutyPatternDialog)]
    assert len(dialogs) == 1 and dialogs[0].point_id() == point.id
    dialog = dialogs[0]
    dialog.set_kind(PatternKind.MONTHLY_DAYS)
    dialog.month_days_edit.setText("5,10,15,20,25,30")
    dialog.save_button.click()
    assert page.open_dialogs() == []
    assert "尚未设置值班规则" not in page.warning_label.text()
    assert page.roster().pattern.month_days == (5, 10, 15, 20, 25, 30)
    assert page.roster().pattern == core.duty.pattern(point.id)
    page.set_mode(RosterMode.VOLUNTEER)
    assert not page.pattern_button.isVisible()


def test_roster_page_without_point_disables_button(qtbot, core, signals):
    page = RosterPage(core, signals)
    qtbot.addWidget(page)
    assert not page.pattern_button.isEnabled()
    assert page.open_pattern_dialog() is None
