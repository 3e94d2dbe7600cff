"""The month grid of the duty roster as a table model: weeks down, 周一…周日 across.

Each week takes three rows: the date row (day number, 休/班 marks; not selectable), then
上午 and 下午 (one cell = one half-day slot). Days outside the month are empty and disabled,
so the view's cursor never lands on them. Everything a cell shows is computed once per refresh
into a :class:`RosterCell` (``CellRole``); ``DisplayRole``/``ToolTipRole`` are its text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from liaison_app.domain.duty import DutyShift, ShiftState
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DayInfo, Gap, Problem, RosterView
from liaison_app.gui.duty_formatting import (
    day_description,
    day_mark,
    leave_suffix,
    missing_text,
    slot_label,
    unseen_text,
    weekday_label,
)
from liaison_app.gui.labels import label
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

ROWS_PER_WEEK = 3
ROW_DATE, ROW_AM, ROW_PM = 0, 1, 2
HALF_OF_ROW = {ROW_AM: HalfDay.AM, ROW_PM: HalfDay.PM}
ROW_OF_HALF = {HalfDay.AM: ROW_AM, HalfDay.PM: ROW_PM}
CellRole = Qt.ItemDataRole.UserRole + 1

# Row headers (short: the header column is narrow).
_HALF_HEADERS = {ROW_AM: QT_TRANSLATE_NOOP("RosterTableModel", "上午"),
                 ROW_PM: QT_TRANSLATE_NOOP("RosterTableModel", "下午")}


def half_header(row: int) -> str:
    """The translated row header of a 上午/下午 row (``row`` in a week: ROW_AM/ROW_PM), else empty."""
    text = _HALF_HEADERS.get(row)
    return translate("RosterTableModel", text) if text else ""


@dataclass(frozen=True)
class CellEntry:
    """One thing drawn in a half-day cell: a shift (``shift`` set) or its open seats.

    ``mine``: the shift of the volunteer chosen in self-service mode; ``takeable``: open seats
    that volunteer may take.
    """

    text: str
    shift: DutyShift | None = None
    problems: tuple[Problem, ...] = ()
    missing: int = 0
    mine: bool = False
    takeable: bool = False
    past: bool = False

    @property
    def is_gap(self) -> bool:
        return self.shift is None


@dataclass(frozen=True)
class RosterCell:
    """Everything one grid cell shows. ``half`` is None for the date row; ``day`` is None
    outside the month."""

    day: date | None
    half: HalfDay | None
    info: DayInfo | None = None
    seats: int = 0
    entries: tuple[CellEntry, ...] = ()
    gap: Gap | None = None
    unseen: tuple[str, ...] = ()
    is_today: bool = False
    tooltip: str = ""

    @property
    def is_slot(self) -> bool:
        """A half-day of the month (selectable)."""
        return self.day is not None and self.half is not None

    @property
    def shifts(self) -> tuple[DutyShift, ...]:
        return tuple(e.shift for e in self.entries if e.shift is not None)

    @property
    def filled(self) -> int:
        return sum(1 for s in self.shifts if s.state.fills_seat)

    @property
    def missing(self) -> int:
        return sum(e.missing for e in self.entries)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for e in self.entries for p in e.problems)

    @property
    def display_text(self) -> str:
        if self.half is None:
            if self.day is None:
                return ""
            mark = day_mark(self.info) if self.info else ""
            name = self.info.name if self.info and mark else ""
            return " ".join(part for part in (str(self.day.day), mark, name) if part)
        return translate("RosterTableModel", "、").join(e.text for e in self.entries)


class RosterTableModel(QAbstractTableModel):
    """Read-only grid over a :class:`~liaison_app.domain.roster.RosterView`.

    Filled with :meth:`set_roster`; the same month's refresh emits ``dataChanged`` (the view
    keeps its cursor), another month or point resets the model.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._view: RosterView | None = None
        self._weeks: list[list[date | None]] = []
        self._cells: dict[tuple[int, int], RosterCell] = {}
        self._today = date.min

    # -- filling -------------------------------------------------------------------------------
    def set_roster(self, view: RosterView | None, *, today: date, unseen: Iterable[DutyShift] = (),
                   person_id: str | None = None, takeable: Iterable[tuple[date, HalfDay]] = ()) -> None:
        """Show ``view`` (None: empty grid).

        Args:
            view: the month of one point (``core.duty.roster``).
            today: marks the date row of today.
            unseen: volunteers' changes the judge has not marked seen (``core.duty.unseen_changes``);
                the cells they touched are highlighted, deleted rows included.
            person_id: the volunteer using self-service mode (their shifts are ``mine``).
            takeable: open half-days that volunteer may take (``core.duty.open_slots``).
        """
        same_shape = (view is not None and self._view is not None and view.period == self._view.period
                      and view.point.id == self._view.point.id)
        weeks = view.weeks() if view is not None else []
        self._today = today
        cells = self._build(view, weeks, today, list(unseen), person_id, set(takeable)) if view else {}
        if same_shape:
            self._view, self._cells = view, cells
            if self._weeks:
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 6))
            return
        self.beginResetModel()
        self._view, self._weeks, self._cells = view, weeks, cells
        self.endResetModel()

    def _build(self, view: RosterView, weeks: list[list[date | None]], today: date, unseen: list[DutyShift],
               person_id: str | None, takeable: set[tuple[date, HalfDay]]) -> dict[tuple[int, int], RosterCell]:
        infos = {d.day: d for d in view.days}
        gaps = {(g.day, g.half): g for g in view.gaps}
        changed: dict[tuple[date, HalfDay], list[str]] = defaultdict(list)
        for shift in unseen:
            changed[(shift.day, shift.half)].append(unseen_text(shift, view.names))
        cells: dict[tuple[int, int], RosterCell] = {}
        for week_no, week in enumerate(weeks):
            for column, day in enumerate(week):
                base = week_no * ROWS_PER_WEEK
                if day is None:
                    for offset in range(ROWS_PER_WEEK):
                        cells[(base + offset, column)] = RosterCell(None, HALF_OF_ROW.get(offset))
                    continue
                info = infos.get(day)
                cells[(base + ROW_DATE, column)] = RosterCell(
                    day, None, info, is_today=day == today,
                    tooltip=day_description(info) if info else "")
                for half, offset in ROW_OF_HALF.items():
                    key = (day, half)
                    cells[(base + offset, column)] = self._slot_cell(
                        view, info, key, gaps.get(key), tuple(changed.get(key, ())), day == today,
                        person_id, key in takeable)
        return cells

    def _slot_cell(self, view: RosterView, info: DayInfo | None, key: tuple[date, HalfDay], gap: Gap | None,
                   unseen: tuple[str, ...], is_today: bool, person_id: str | None, takeable: bool) -> RosterCell:
        day, half = key
        slot = view.slots.get(key)
        entries: list[CellEntry] = []
        lines = [slot_label(day, half)]
        if slot is not None:
            order = {ShiftState.DONE: 0, ShiftState.CONFIRMED: 1, ShiftState.PLANNED: 2, ShiftState.LEAVE: 3}
            for shift in sorted(slot.shifts, key=lambda s: (order[s.state], view.names.get(s.person_id, ""))):
                name = view.names.get(shift.person_id, "?")
                problems = slot.problems_of(shift.id)
                text = name + leave_suffix() if shift.state is ShiftState.LEAVE else name
                entries.append(CellEntry(text, shift, problems, mine=shift.person_id == person_id))
                lines.append(translate("RosterTableModel", "{name}：{state}").format(name=name,
                                                                                    state=label(shift.state)))
                lines.extend("  ⚠ " + p.message for p in problems)
                if shift.note:
                    lines.append(translate("RosterTableModel", "  备注：{note}").format(note=shift.note))
            if slot.missing:
                entries.append(CellEntry(missing_text(slot.missing), missing=slot.missing, takeable=takeable,
                                         past=day < self._today))
                reason = gap.message if gap else ""
                line = translate("RosterTableModel", "缺{n}人").format(n=slot.missing)
                lines.append(line + (translate("RosterTableModel", "：{reason}").format(reason=reason) if reason else ""))
                if takeable:
                    lines.append(translate("RosterTableModel", "您可以领取这一班"))
            if not slot.seats and not slot.shifts:
                if info and info.kind.is_day_off:
                    lines.append(translate("RosterTableModel", "{why}，按值班规则这个时段不值班").format(
                        why=info.name or label(info.kind)))
                else:
                    lines.append(translate("RosterTableModel", "按值班规则这个时段不值班"))
        if unseen:
            lines.append(translate("RosterTableModel", "志愿者改动（未查看）："))
            lines.extend("  " + text for text in unseen)
        return RosterCell(day, half, info, slot.seats if slot else 0, tuple(entries), gap, unseen, is_today,
                          "\n".join(lines))

    # -- lookup --------------------------------------------------------------------------------
    @property
    def roster(self) -> RosterView | None:
        """The month shown (None before the first :meth:`set_roster`)."""
        return self._view

    def cell(self, day: date, half: HalfDay | None) -> RosterCell | None:
        """The cell of ``day`` (date row when ``half`` is None); None outside the month."""
        index = self.index_of(day, half)
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def cell_at(self, index: QModelIndex | QPersistentModelIndex) -> RosterCell | None:
        if not index.isValid():
            return None
        return self._cells.get((index.row(), index.column()))

    def cells(self) -> list[RosterCell]:
        """Every half-day cell of the month, in time order."""
        found = [c for c in self._cells.values() if c.is_slot]
        return sorted(found, key=lambda c: (c.day, c.half is HalfDay.PM))

    def index_of(self, day: date, half: HalfDay | None) -> QModelIndex:
        """Index of the cell of ``day`` and ``half`` (date row for None); invalid outside the month."""
        for week_no, week in enumerate(self._weeks):
            if day in week:
                offset = ROW_DATE if half is None else ROW_OF_HALF[half]
                return self.index(week_no * ROWS_PER_WEEK + offset, week.index(day))
        return QModelIndex()

    def week_count(self) -> int:
        return len(self._weeks)

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else len(self._weeks) * ROWS_PER_WEEK

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.display_text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell.tooltip or None
        if role == CellRole:
            return cell
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        cell = self.cell_at(index)
        if cell is None or not cell.is_slot:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return weekday_label(section) if 0 <= section < 7 else None
        if 0 <= section < self.rowCount():
            return half_header(section % ROWS_PER_WEEK)
        return None
