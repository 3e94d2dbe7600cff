"""值班规则: edit how one liaison point holds duty (its :class:`DutyPattern`).

The kind (固定星期 / 每月固定日期 / 赶集日) with its parameters, volunteers per half-day, the
consecutive-day limit, the give-back cut-off, the half-day times and the holiday / weekend /
调休 switches. 保存 goes through ``core.duty.save_pattern``; its ``ValidationError`` messages
are shown next to their fields, and the returned ``Changes`` are broadcast (the roster redraws).
Rules: docs/duty-roster.md.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.duty import DutyPattern, PatternKind
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.errors import FieldError, UserError, ValidationError
from liaison_app.gui.dialogs.duty_dialogs import _primary
from liaison_app.gui.duty_formatting import weekday_label, weekly_slot_label
from liaison_app.gui.labels import label
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.record_form_view import date_edit, time_edit
from liaison_app.gui.widgets.wrapped_label import WrappedLabel
from liaison_app.gui.window_size import fit_to_screen
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

KIND_LABELS = (
    (PatternKind.WEEKLY, QT_TRANSLATE_NOOP("DutyPatternDialog", "固定星期")),
    (PatternKind.MONTHLY_DAYS, QT_TRANSLATE_NOOP("DutyPatternDialog", "每月固定日期（如逢五逢十）")),
    (PatternKind.MARKET_DAYS, QT_TRANSLATE_NOOP("DutyPatternDialog", "赶集日（每N天）")),
)
# Pattern field → the error label (row) it is shown under.
_FIELD_ROWS = {
    "weekly_slots": "weekly_slots", "month_days": "month_days", "market_start": "market",
    "market_every": "market", "halves": "halves", "per_slot": "per_slot",
    "max_consecutive_days": "max_consecutive_days", "giveback_cutoff_days": "giveback_cutoff_days",
    "am_start": "am", "am_end": "am", "pm_start": "pm", "pm_end": "pm",
}
_SPLIT = re.compile(r"[\s,，、;；]+")  # i18n-exempt: separators accepted in typed input


def parse_month_days(text: str) -> tuple[int, ...]:
    """``"5,10，15、20"`` → ``(5, 10, 15, 20)`` (sorted, no repeats); ``日`` after a number is
    allowed. Raises ValueError for anything that is not a whole number (range is the core's)."""
    days: set[int] = set()
    for part in _SPLIT.split(text.strip()):
        if not part:
            continue
        part = part.removesuffix("日").removesuffix("号")  # i18n-exempt: typed input accepted as is
        if not part.isascii() or not part.isdigit():
            raise ValueError(part)
        days.add(int(part))
    return tuple(sorted(days))


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class DutyPatternDialog(QDialog):
    """Edit the duty pattern of ``point_id``; 保存 stores it and closes the dialog.

    Args:
        core: the open core. signals: the saved ``Changes`` are emitted on
            ``sig_changes_applied``. point_id: the liaison point whose pattern is edited.
    """

    def __init__(self, core: Core, signals: AppSignals, point_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self._point_id = point_id
        self._error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("值班规则"))
        self.setObjectName("duty_pattern_dialog")

        try:
            point_name = core.points.get(point_id).name
        except UserError:
            point_name = point_id
        heading = QLabel(self.tr("联系点：{name}").format(name=point_name), self)
        heading.setProperty("role", "section")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("pattern_state")
        self.state_label.setProperty("role", "muted")
        self.state_label.setWordWrap(True)

        # -- kind and its parameters -----------------------------------------------------------
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("pattern_kind")
        for kind, text in KIND_LABELS:
            self.kind_combo.addItem(translate("DutyPatternDialog", text), kind.value)
        self.kind_stack = QStackedWidget(self)

        weekly = QWidget(self.kind_stack)
        grid = QGridLayout(weekly)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.slot_boxes: dict[WeeklySlot, QCheckBox] = {}
        for weekday in range(7):
            grid.addWidget(QLabel(weekday_label(weekday), weekly), 0, weekday + 1)
        for row, half in enumerate(HalfDay, start=1):
            grid.addWidget(QLabel(label(half), weekly), row, 0)
            for weekday in range(7):
                box = QCheckBox(weekly)
                box.setObjectName(f"slot_{WeeklySlot(weekday, half).code}")
                box.setToolTip(weekly_slot_label(WeeklySlot(weekday, half)))
                self.slot_boxes[WeeklySlot(weekday, half)] = box
                grid.addWidget(box, row, weekday + 1)
        grid.setColumnStretch(8, 1)
        grid.addWidget(self._error_label("weekly_slots", weekly), 3, 0, 1, 9)
        grid.setRowStretch(4, 1)  # a taller page of the stack: the room goes below the grid

        monthly = QWidget(self.kind_stack)
        monthly_layout = QVBoxLayout(monthly)
        monthly_layout.setContentsMargins(0, 0, 0, 0)
        self.month_days_edit = QLineEdit(monthly)
        self.month_days_edit.setObjectName("pattern_month_days")
        self.month_days_edit.setPlaceholderText(self.tr("如：5,10,15,20,25,30"))
        monthly_hint = WrappedLabel(self.tr("1–31日，用逗号隔开；该月没有的日子（如2月30日）当月不值班"), monthly)
        monthly_hint.setProperty("role", "muted")
        monthly_layout.addWidget(self.month_days_edit)
        monthly_layout.addWidget(self._error_label("month_days", monthly))
        monthly_layout.addWidget(monthly_hint)
        monthly_layout.addStretch(1)

        market = QWidget(self.kind_stack)
        market_layout = QVBoxLayout(market)
        market_layout.setContentsMargins(0, 0, 0, 0)
        market_row = QHBoxLayout()
        self.market_start_edit = date_edit(market)
        self.market_start_edit.setObjectName("pattern_market_start")
        self.market_every_spin = QSpinBox(market)
        self.market_every_spin.setObjectName("pattern_market_every")
        self.market_every_spin.setRange(1, 60)
        self.market_every_spin.setSuffix(self.tr(" 天"))
        market_row.addWidget(QLabel(self.tr("从"), market))
        market_row.addWidget(self.market_start_edit)
        market_row.addWidget(QLabel(self.tr("起，每隔"), market))
        market_row.addWidget(self.market_every_spin)
        market_row.addWidget(QLabel(self.tr("一次集"), market))
        market_row.addStretch(1)
        market_hint = WrappedLabel(self.tr("起算日期填任意一个赶集日，前后按间隔推算（不支持农历逢三六九）"), market)
        market_hint.setProperty("role", "muted")
        market_layout.addLayout(market_row)
        market_layout.addWidget(self._error_label("market", market))
        market_layout.addWidget(market_hint)
        market_layout.addStretch(1)

        for page in (weekly, monthly, market):
            self.kind_stack.addWidget(page)

        self.halves_row = QWidget(self)
        halves_layout = QHBoxLayout(self.halves_row)
        halves_layout.setContentsMargins(0, 0, 0, 0)
        self.half_boxes: dict[HalfDay, QCheckBox] = {}
        for half in HalfDay:
            box = QCheckBox(label(half), self.halves_row)
            box.setObjectName(f"pattern_half_{half.value}")
            self.half_boxes[half] = box
            halves_layout.addWidget(box)
        halves_layout.addWidget(self._error_label("halves", self.halves_row), 1)
        halves_layout.addStretch(1)

        # -- numbers, times, switches ----------------------------------------------------------
        self.per_slot_spin = self._spin("pattern_per_slot", 1, 10, self.tr(" 人"))
        self.max_days_spin = self._spin("pattern_max_days", 1, 31, self.tr(" 天"))
        self.cutoff_spin = self._spin("pattern_cutoff", 0, 30, self.tr(" 天"))
        self.cutoff_spin.setToolTip(self.tr("志愿者最晚在值班日前几天可以自己退班（0 = 当天也可以）"))
        self.am_start_edit, self.am_end_edit = time_edit(self), time_edit(self)
        self.pm_start_edit, self.pm_end_edit = time_edit(self), time_edit(self)
        for edit, name in ((self.am_start_edit, "pattern_am_start"), (self.am_end_edit, "pattern_am_end"),
                           (self.pm_start_edit, "pattern_pm_start"), (self.pm_end_edit, "pattern_pm_end")):
            edit.setObjectName(name)
        self.holidays_box = QCheckBox(self.tr("法定节假日也值班"), self)
        self.holidays_box.setObjectName("pattern_holidays")
        self.weekends_box = QCheckBox(self.tr("周六、周日照常值班（按日期值班时）"), self)
        self.weekends_box.setObjectName("pattern_weekends")
        self.makeup_box = QCheckBox(self.tr("调休上班日值班（固定星期时）"), self)
        self.makeup_box.setObjectName("pattern_makeup")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("值班方式"), self.kind_combo)
        form.addRow("", self.kind_stack)
        self.halves_label = QLabel(self.tr("值班时段"), self)
        form.addRow(self.halves_label, self.halves_row)
        form.addRow(self.tr("每个时段人数"), self._with_error(self.per_slot_spin, "per_slot"))
        form.addRow(self.tr("最多连续值班天数"), self._with_error(self.max_days_spin, "max_consecutive_days"))
        form.addRow(self.tr("志愿者退班截止（提前几天）"), self._with_error(self.cutoff_spin, "giveback_cutoff_days"))
        form.addRow(self.tr("上午时间"), self._time_row(self.am_start_edit, self.am_end_edit, "am"))
        form.addRow(self.tr("下午时间"), self._time_row(self.pm_start_edit, self.pm_end_edit, "pm"))
        form.addRow(self.tr("节假日"), self.holidays_box)
        form.addRow(self.tr("周末"), self.weekends_box)
        form.addRow(self.tr("调休"), self.makeup_box)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("pattern_message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("pattern_save")
        _primary(self.save_button)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._on_kind())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.load(core.duty.pattern(point_id))
        fit_to_screen(self, lines_wide=34)

    # -- API -----------------------------------------------------------------------------------
    def point_id(self) -> str:
        return self._point_id

    def kind(self) -> PatternKind:
        return PatternKind(self.kind_combo.currentData())

    def set_kind(self, kind: PatternKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._on_kind()  # also when the index did not change (no signal then)

    def load(self, pattern: DutyPattern) -> None:
        """Show ``pattern`` in the fields (errors cleared)."""
        self._pattern = pattern
        self.set_kind(pattern.kind)
        for slot, box in self.slot_boxes.items():
            box.setChecked(slot in pattern.weekly_slots)
        self.month_days_edit.setText(",".join(str(d) for d in sorted(pattern.month_days)))
        start = pattern.market_start or self._core.now().date()
        self.market_start_edit.setDate(QDate(start.year, start.month, start.day))
        self.market_every_spin.setValue(pattern.market_every)
        for half, box in self.half_boxes.items():
            box.setChecked(half in pattern.halves)
        self.per_slot_spin.setValue(pattern.per_slot)
        self.max_days_spin.setValue(pattern.max_consecutive_days)
        self.cutoff_spin.setValue(pattern.giveback_cutoff_days)
        self.am_start_edit.setTime(_qtime(pattern.am_start))
        self.am_end_edit.setTime(_qtime(pattern.am_end))
        self.pm_start_edit.setTime(_qtime(pattern.pm_start))
        self.pm_end_edit.setTime(_qtime(pattern.pm_end))
        self.holidays_box.setChecked(pattern.duty_on_holidays)
        self.weekends_box.setChecked(pattern.duty_on_weekends)
        self.makeup_box.setChecked(pattern.duty_on_makeup_days)
        if pattern.stored:
            self.state_label.setText(self.tr("当前规则：{text}").format(text=pattern.describe()))
        else:
            self.state_label.setText(self.tr("本联系点尚未设置值班规则，下面是默认规则（{text}），保存后生效。")
                                     .format(text=pattern.describe()))
        self.show_errors({})

    def pattern_from_fields(self) -> DutyPattern:
        """The pattern as entered. Raises ValidationError when the day list is not numbers."""
        try:
            month_days = parse_month_days(self.month_days_edit.text())
        except ValueError:
            if self.kind() is PatternKind.MONTHLY_DAYS:
                raise ValidationError([FieldError("month_days", self.tr(
                    "请填写1到31之间的日期数字，用逗号隔开，如 5,10,15"))]) from None
            month_days = self._pattern.month_days
        return self._pattern.with_changes(
            kind=self.kind(),
            weekly_slots=frozenset(slot for slot, box in self.slot_boxes.items() if box.isChecked()),
            month_days=month_days,
            market_start=self.market_start_edit.date().toPython(),
            market_every=self.market_every_spin.value(),
            halves=frozenset(half for half, box in self.half_boxes.items() if box.isChecked()),
            per_slot=self.per_slot_spin.value(),
            max_consecutive_days=self.max_days_spin.value(),
            giveback_cutoff_days=self.cutoff_spin.value(),
            am_start=self.am_start_edit.time().toPython(),
            am_end=self.am_end_edit.time().toPython(),
            pm_start=self.pm_start_edit.time().toPython(),
            pm_end=self.pm_end_edit.time().toPython(),
            duty_on_holidays=self.holidays_box.isChecked(),
            duty_on_weekends=self.weekends_box.isChecked(),
            duty_on_makeup_days=self.makeup_box.isChecked(),
        )

    def save(self) -> DutyPattern | None:
        """保存: store through the core, broadcast, close. None (dialog stays open, messages
        shown next to the fields) when the core refuses."""
        try:
            pattern = self.pattern_from_fields()
            saved, changes = self._core.duty.save_pattern(pattern)
        except ValidationError as err:
            self.show_errors(err.by_field())
            return None
        except UserError as err:
            self.show_errors({}, str(err))
            return None
        self._pattern = saved
        self._signals.sig_changes_applied.emit(changes)
        self._signals.sig_status_message.emit(self.tr("值班规则已保存：{text}").format(text=saved.describe()))
        self.accept()
        return saved

    def show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        """Red messages next to their fields; others (and ``general``) under the form."""
        per_row: dict[str, list[str]] = {}
        unplaced: list[str] = []
        for field, message in by_field.items():
            row = _FIELD_ROWS.get(field)
            if row is None:
                unplaced.append(message)
            else:
                per_row.setdefault(row, []).append(message)
        for row, error_label in self._error_labels.items():
            error_label.setText(self.tr("；").join(per_row.get(row, [])))
            error_label.setVisible(row in per_row)
        lines = ([general] if general else []) + unplaced
        if by_field and not lines:
            lines.append(self.tr("有 {n} 处需要改正，见红字。").format(n=len(by_field)))
        self.message_label.setText("\n".join(lines))
        self.message_label.setProperty("role", "error")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setVisible(bool(lines))

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` (empty when none)."""
        label = self._error_labels.get(_FIELD_ROWS.get(field, field))
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def message_text(self) -> str:
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""

    # -- helpers -------------------------------------------------------------------------------
    def _on_kind(self) -> None:
        kind = self.kind()
        self.kind_stack.setCurrentIndex([k for k, _ in KIND_LABELS].index(kind))
        dated = kind is not PatternKind.WEEKLY
        self.halves_row.setVisible(dated)
        self.halves_label.setVisible(dated)
        self.weekends_box.setEnabled(dated)
        self.makeup_box.setEnabled(not dated)
        self.show_errors({})  # the last attempt's messages belong to the other kind

    def _error_label(self, row: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"pattern_error_{row}")
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        self._error_labels[row] = label
        return label

    def _with_error(self, widget: QWidget, row: str) -> QWidget:
        holder = QWidget(self)
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget)
        line.addWidget(self._error_label(row, holder), 1)
        line.addStretch(1)
        return holder

    def _time_row(self, start: QWidget, end: QWidget, row: str) -> QWidget:
        holder = QWidget(self)
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(start)
        line.addWidget(QLabel("–", holder))
        line.addWidget(end)
        line.addWidget(self._error_label(row, holder), 1)
        line.addStretch(1)
        return holder

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

