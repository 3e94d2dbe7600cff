"""The month calendar of the duty roster: weeks × 周一…周日, 上午/下午 rows per week.

:class:`RosterCalendar` is a ``QTableView`` over :class:`RosterTableModel` with a painting
delegate. It is sized for users over 65 on a 1366×768 laptop: names at 12 pt, shrinking to
11 pt and then elided (the full names are in the tooltip); the rows share the height so a
six-week month fits without scrolling. Colour is never the only sign: planned shifts have a
dashed frame, leave reads ``(假)``, done ``✔``, problems ``⚠``, open seats ``缺``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from liaison_app.domain.duty import ShiftState
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DayKind
from liaison_app.gui.duty_formatting import day_mark, leave_suffix, state_hint
from liaison_app.gui.models.roster_table_model import (
    ROW_AM,
    ROW_PM,
    CellEntry,
    CellRole,
    RosterCell,
    RosterTableModel,
    half_header,
)
from liaison_app.gui.pyside_workarounds import replenish_none_refs
from liaison_app.i18n import translate

# Point sizes of the names: preferred, and the smallest before eliding (GUIDE: users over 65).
NAME_POINT_SIZE = 12.0
MIN_POINT_SIZE = 11.0
CHIP_PAD = 4          # text inset inside a chip (px)
CHIP_GAP = 2          # between chips and between lines (px)


@dataclass(frozen=True)
class ChipStyle:
    """Fill, frame and text colour of one kind of entry; ``dashed`` frame for planned shifts."""

    fill: str
    frame: str
    text: str
    dashed: bool = False
    bold: bool = False


STATE_STYLES = {
    ShiftState.PLANNED: ChipStyle("#e3eefb", "#4a7fc1", "#1f3b5c", dashed=True),
    ShiftState.CONFIRMED: ChipStyle("#dcf1e1", "#2e7d32", "#1b4d20"),
    ShiftState.LEAVE: ChipStyle("#efefef", "#9e9e9e", "#6b6b6b"),
    ShiftState.DONE: ChipStyle("#e6e0f3", "#5e4b8b", "#3b2d5e"),
}
GAP_STYLE = ChipStyle("#fdecea", "#c62828", "#c62828", bold=True)
PAST_GAP_STYLE = ChipStyle("#f4f4f4", "#b0b0b0", "#8a8a8a")   # an open seat of a day gone by
MORE_STYLE = ChipStyle("white", "#5f6b7a", "#1f2a37", bold=True)  # "+2": entries that did not fit
TAKEABLE_STYLE = ChipStyle("#e8f5e9", "#2e7d32", "#1b5e20", bold=True)
PROBLEM_FRAME = "#e65100"
UNSEEN_FRAME = "#f9a825"
UNSEEN_FILL = "#fff8e1"
OFF_FILL = "#f1f1f1"
OUTSIDE_FILL = "#fafafa"
DATE_FILL = "#eef2f7"
TODAY_FILL = "#1f5fa8"
HOLIDAY_TEXT = "#c62828"
MAKEUP_TEXT = "#1f5fa8"
CURRENT_FRAME = "#1f5fa8"
WEEK_LINE = "#8a97a8"


def entry_style(entry: CellEntry) -> ChipStyle:
    """How one entry is drawn (state colour, gap red, takeable green)."""
    if entry.shift is None:
        if entry.takeable:
            return TAKEABLE_STYLE
        if not entry.missing:
            return MORE_STYLE
        return PAST_GAP_STYLE if entry.past else GAP_STYLE
    return STATE_STYLES[entry.shift.state]


def entry_parts(entry: CellEntry) -> tuple[str, str, str, str]:
    """(mark, extra, name, suffix) of a chip: ``⚠`` before a doubtful shift (always kept),
    ``✔`` before a done one (dropped first when space is short: the colour says it too),
    ``(假)`` after a leave, ``可领`` after a seat the volunteer may take. Only the name is ever
    elided, so the marks stay readable in a crowded cell."""
    mark = "⚠" if entry.problems else ""
    extra = "✔" if entry.shift is not None and entry.shift.state is ShiftState.DONE else ""
    name, suffix = entry.text, ""
    leave = leave_suffix()  # as the model writes it
    if entry.shift is not None and entry.shift.state is ShiftState.LEAVE and leave and name.endswith(leave):
        name, suffix = name[: -len(leave)], leave
    if entry.takeable:
        suffix += translate("RosterCalendar", " 可领")
    return mark, extra, name, suffix


def entry_label(entry: CellEntry) -> str:
    """The whole text of a chip (before any eliding)."""
    return "".join(entry_parts(entry))


def chip_font(base: QFont, entry: CellEntry, point_size: float) -> QFont:
    font = QFont(base)
    font.setPointSizeF(point_size)
    font.setBold(entry_style(entry).bold or entry.mine)
    return font


@dataclass(frozen=True)
class ChipLayout:
    """Where each chip of a cell goes and the text it shows (the name elided if needed)."""

    point_size: float
    entries: tuple[CellEntry, ...]
    rects: tuple[QRect, ...]
    texts: tuple[str, ...]

    @property
    def elided(self) -> bool:
        return any("…" in t for t in self.texts)


def _width(entry: CellEntry, base: QFont, size: float, *, least: bool = False) -> int:
    """Natural chip width, or (``least``) the width of its marks and one character + ``…``."""
    mark, extra, name, suffix = entry_parts(entry)
    metrics = QFontMetrics(chip_font(base, entry, size))
    text = mark + name[:1] + "…" + suffix if least and len(name) > 2 else mark + extra + name + suffix
    return metrics.horizontalAdvance(text) + 2 * CHIP_PAD + 2


def _share(widths: list[int], floors: list[int], available: int) -> list[int]:
    """Shrink the widest chips first (never below their floor) until the row fits."""
    if sum(widths) <= available:
        return widths
    level = max(widths)
    while level > 1 and sum(max(f, min(w, level)) for w, f in zip(widths, floors, strict=True)) > available:
        level -= 1
    return [max(f, min(w, level)) for w, f in zip(widths, floors, strict=True)]


def _line_height(base: QFont, size: float) -> int:
    """Least height of one chip line: the text's height (the font's own leading keeps it legible)."""
    font = QFont(base)
    font.setPointSizeF(size)
    return QFontMetrics(font).height()


def _pack(entries: tuple[CellEntry, ...], base: QFont, size: float, width: int) -> list[tuple[CellEntry, ...]]:
    """Greedy lines: as many chips per line as fit at their natural width (at least one)."""
    rows: list[tuple[CellEntry, ...]] = []
    row: list[CellEntry] = []
    used = 0
    for entry in entries:
        need = _width(entry, base, size) + (CHIP_GAP if row else 0)
        if row and used + need > width:
            rows.append(tuple(row))
            row, used = [], 0
            need = _width(entry, base, size)
        row.append(entry)
        used += need
    rows.append(tuple(row))
    return rows


def _fits(rows: list[tuple[CellEntry, ...]], base: QFont, size: float, width: int) -> bool:
    return all(sum(_width(e, base, size) for e in row) + CHIP_GAP * (len(row) - 1) <= width for row in rows)


def _priority(entry: CellEntry) -> int:
    """What stays visible when a cell overflows: open seats and doubtful shifts first."""
    if entry.missing or entry.problems:
        return 2
    return 1 if entry.shift is not None and entry.shift.state is ShiftState.LEAVE else 0


def _overflow(row: tuple[CellEntry, ...], base: QFont, size: float, width: int) -> tuple[CellEntry, ...]:
    """Drop the least important entries (latest first) until the rest, with a ``+N`` chip,
    fit at their least width; the tooltip still lists everything."""
    kept = list(row)
    hidden = 0

    def need(items: list[CellEntry]) -> int:
        return sum(_width(e, base, size, least=True) for e in items) + CHIP_GAP * (len(items) - 1)

    while len(kept) > 1 and need(kept + ([CellEntry(f"+{hidden}")] if hidden else [])) > width:
        drop = min(range(len(kept)), key=lambda i: (_priority(kept[i]), -i))
        kept.pop(drop)
        hidden += 1
    return tuple(kept + [CellEntry(f"+{hidden}")]) if hidden else row


def _even(entries: tuple[CellEntry, ...], lines: int) -> list[tuple[CellEntry, ...]]:
    per_line = -(-len(entries) // lines)
    return [entries[i:i + per_line] for i in range(0, len(entries), per_line)]


def layout_chips(entries: tuple[CellEntry, ...], area: QRect, base: QFont) -> ChipLayout:
    """Lay the chips out in ``area``: at 12 pt on as few lines as possible, else at 11 pt (never
    smaller), and only then shorten: drop ``✔``, then elide names (full names are in the
    tooltip). Chips are as tall as the lines allow, up to the text height + 6 px."""
    if not entries:
        return ChipLayout(MIN_POINT_SIZE, (), (), ())
    rows: list[tuple[CellEntry, ...]] = []
    size = MIN_POINT_SIZE
    for size in (NAME_POINT_SIZE, MIN_POINT_SIZE):
        max_lines = max(1, (area.height() + CHIP_GAP) // (_line_height(base, size) + CHIP_GAP))
        rows = _pack(entries, base, size, area.width())
        if len(rows) <= max_lines and _fits(rows, base, size, area.width()):
            break
    else:  # does not fit even at 11 pt: as many lines as the height allows, names elided
        max_lines = max(1, min(len(entries), (area.height() + CHIP_GAP) // (_line_height(base, size) + CHIP_GAP)))
        rows = [_overflow(row, base, size, area.width()) for row in _even(entries, max_lines)]
    lines = len(rows)
    line_height = max(1, min(_line_height(base, size) + 5, (area.height() - CHIP_GAP * (lines - 1)) // lines))
    top = area.top() + max(0, (area.height() - lines * line_height - (lines - 1) * CHIP_GAP) // 2)
    placed: list[CellEntry] = []
    rects: list[QRect] = []
    texts: list[str] = []
    for line_no, row in enumerate(rows):
        widths = _share([_width(e, base, size) for e in row], [_width(e, base, size, least=True) for e in row],
                        area.width() - CHIP_GAP * (len(row) - 1))
        x = area.left()
        y = top + line_no * (line_height + CHIP_GAP)
        for entry, width in zip(row, widths, strict=True):
            width = min(width, area.right() + 1 - x)
            placed.append(entry)
            rects.append(QRect(x, y, width, line_height))
            texts.append(_fitted_text(entry, chip_font(base, entry, size), width - 2 * CHIP_PAD - 2))
            x += width + CHIP_GAP
    return ChipLayout(size, tuple(placed), tuple(rects), tuple(texts))


def _fitted_text(entry: CellEntry, font: QFont, width: int) -> str:
    mark, extra, name, suffix = entry_parts(entry)
    metrics = QFontMetrics(font)
    for text in (mark + extra + name + suffix, mark + name + suffix):
        if metrics.horizontalAdvance(text) <= width:
            return text
    room = width - metrics.horizontalAdvance(mark + suffix)
    short = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0))
    if not short.rstrip("…"):
        short = name[:1] + "…" if len(name) > 1 else name
    return mark + short + suffix


class RosterCellDelegate(QStyledItemDelegate):
    """Paints date rows (day number, 休/班 and the holiday's name, today in blue) and half-day
    cells (one rounded chip per shift or open seat)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        replenish_none_refs()  # each QPainter call below loses a ref to None on PySide6 6.12 + Python 3.11
        cell = index.data(CellRole)
        if not isinstance(cell, RosterCell):
            super().paint(painter, option, index)
            return
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            rect = QRect(option.rect)
            if cell.day is None:
                painter.fillRect(rect, QColor(OUTSIDE_FILL))
            elif cell.half is None:
                self._paint_date(painter, rect, cell, option.font)
            else:
                current = bool(option.state & QStyle.StateFlag.State_HasFocus) or bool(
                    option.state & QStyle.StateFlag.State_Selected)
                self._paint_slot(painter, rect, cell, option.font, current)
        finally:
            painter.restore()

    # -- date row ------------------------------------------------------------------------------
    def _paint_date(self, painter: QPainter, rect: QRect, cell: RosterCell, base: QFont) -> None:
        assert cell.day is not None
        painter.fillRect(rect, QColor(TODAY_FILL if cell.is_today else DATE_FILL))
        painter.setPen(QPen(QColor(WEEK_LINE), 2))
        painter.drawLine(rect.topLeft(), rect.topRight())
        font = QFont(base)
        font.setPointSizeF(max(MIN_POINT_SIZE, base.pointSizeF()))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        inner = rect.adjusted(6, 1, -6, 0)
        number = str(cell.day.day) + (self.tr(" 今天") if cell.is_today else "")
        if metrics.horizontalAdvance(number) > inner.width():   # narrow column: the fill marks today
            number = str(cell.day.day)
        painter.setPen(QColor("white" if cell.is_today else "#1f2a37"))
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
        mark = day_mark(cell.info) if cell.info else ""
        if mark:
            rest = inner.adjusted(metrics.horizontalAdvance(number) + 8, 0, 0, 0)
            text = mark + (" " + cell.info.name if cell.info and cell.info.name else "")
            color = HOLIDAY_TEXT if cell.info and cell.info.kind is DayKind.HOLIDAY else MAKEUP_TEXT
            painter.setPen(QColor("white" if cell.is_today else color))
            painter.drawText(rest, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, rest.width()))

    # -- half-day cells ------------------------------------------------------------------------
    def _paint_slot(self, painter: QPainter, rect: QRect, cell: RosterCell, base: QFont, current: bool) -> None:
        fill = UNSEEN_FILL if cell.unseen else ("white" if cell.seats or cell.entries else OFF_FILL)
        painter.fillRect(rect, QColor(fill))
        if cell.entries:
            self._paint_chips(painter, rect.adjusted(3, 1, -3, -1), cell.entries, base)
        if cell.unseen:
            painter.setPen(QPen(QColor(UNSEEN_FRAME), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(2, 2, -2, -2))
        if current:
            painter.setPen(QPen(QColor(CURRENT_FRAME), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))

    def _paint_chips(self, painter: QPainter, area: QRect, entries: tuple[CellEntry, ...], base: QFont) -> None:
        placed = layout_chips(entries, area, base)
        for entry, chip, text in zip(placed.entries, placed.rects, placed.texts, strict=True):
            self._paint_chip(painter, chip, entry, text, chip_font(base, entry, placed.point_size))

    def _paint_chip(self, painter: QPainter, chip: QRect, entry: CellEntry, text: str, font: QFont) -> None:
        style = entry_style(entry)
        frame = PROBLEM_FRAME if entry.problems else style.frame
        pen = QPen(QColor(frame), 3 if entry.mine or entry.problems else 1.5)
        if style.dashed and not entry.problems:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(style.fill))
        painter.drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setFont(font)
        painter.setPen(QColor(style.text))
        text_rect = chip.adjusted(CHIP_PAD, 0, -CHIP_PAD, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter, text)
        if entry.shift is not None and entry.shift.state is ShiftState.LEAVE:
            # Strike the name only: "(假)" stays readable.
            metrics = QFontMetrics(font)
            name_width = metrics.horizontalAdvance(text.removesuffix(leave_suffix()))
            left = text_rect.center().x() - metrics.horizontalAdvance(text) // 2
            y = text_rect.center().y() + 1
            painter.setPen(QPen(QColor(style.text), 1.2))
            painter.drawLine(left, y, left + name_width, y)


class RosterCalendar(QTableView):
    """The month grid. Arrow keys move between half-days (← → by day, ↑ ↓ between 上午 and
    下午 and between weeks), Enter or a double-click asks for the slot's menu, and so does the
    context menu (right click, menu key).

    Signals:
        sig_menu_requested(object, object, QPoint): the user wants the actions of the half-day
            (``date``, ``HalfDay``) at this global position.
        sig_slot_selected(object, object): the current half-day changed (``date``, ``HalfDay``).
    """

    sig_menu_requested = Signal(object, object, QPoint)
    sig_slot_selected = Signal(object, object)

    def __init__(self, model: RosterTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roster_calendar")
        self.setModel(model)
        self.setItemDelegate(RosterCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setStyleSheet("QTableView#roster_calendar { gridline-color: #c9d1dc; }")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        side = self.verticalHeader()
        side.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        side.setHighlightSections(False)
        side.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        side.setMinimumSectionSize(12)
        side.setFixedWidth(max(self.fontMetrics().horizontalAdvance(half_header(row)) for row in (ROW_AM, ROW_PM))
                           + 18)
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.activated.connect(self._request_menu)
        model.modelReset.connect(self.fit_rows)
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    @property
    def roster_model(self) -> RosterTableModel:
        model = self.model()
        assert isinstance(model, RosterTableModel)
        return model

    # -- geometry ------------------------------------------------------------------------------
    def date_row_height(self) -> int:
        """Height of a date row (one line of bold text)."""
        return self.fontMetrics().height() + 6

    def min_half_row_height(self) -> int:
        """Smallest height of a 上午/下午 row: one chip at 11 pt."""
        font = QFont(self.font())
        font.setPointSizeF(MIN_POINT_SIZE)
        return QFontMetrics(font).height() + 14

    def fit_rows(self) -> None:
        """Share the viewport's height: date rows fixed, 上午/下午 rows split the rest."""
        replenish_none_refs()
        weeks = self.roster_model.week_count()
        if not weeks:
            return
        date_height = self.date_row_height()
        available = self.viewport().height() - weeks * date_height
        half = max(self.min_half_row_height(), available // (2 * weeks))
        side = self.verticalHeader()
        for row in range(self.roster_model.rowCount()):
            side.resizeSection(row, date_height if row % 3 == 0 else half)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows follow the height."""
        super().resizeEvent(event)
        self.fit_rows()

    def minimumSizeHint(self) -> QSize:
        """Six weeks of one-line half-days and 7 readable columns."""
        height = (self.horizontalHeader().sizeHint().height()
                  + 6 * (self.date_row_height() + 2 * self.min_half_row_height()) + 4)
        return QSize(self.verticalHeader().width() + 7 * 90, height)

    # -- selection and keyboard ----------------------------------------------------------------
    def select_slot(self, day: date, half: HalfDay) -> bool:
        """Make the half-day current (and visible); False outside the month."""
        index = self.roster_model.index_of(day, half)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def current_slot(self) -> tuple[date, HalfDay] | None:
        """The current half-day, or None."""
        cell = self.roster_model.cell_at(self.currentIndex())
        if cell is None or not cell.is_slot:
            return None
        assert cell.day is not None and cell.half is not None
        return cell.day, cell.half

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Move by half-days of the month instead of raw rows (date rows and other months'
        days are skipped)."""
        slot = self.current_slot()
        model = self.roster_model
        view = model.roster
        if view is None:
            return QModelIndex()
        if slot is None:
            cells = model.cells()
            return model.index_of(cells[0].day, cells[0].half) if cells else QModelIndex()  # type: ignore[arg-type]
        day, half = slot
        action = QAbstractItemView.CursorAction
        target_day, target_half = day, half
        if cursorAction == action.MoveLeft:
            target_day = day - timedelta(days=1)
        elif cursorAction == action.MoveRight:
            target_day = day + timedelta(days=1)
        elif cursorAction == action.MoveUp:
            if half is HalfDay.PM:
                target_half = HalfDay.AM
            else:
                target_day, target_half = day - timedelta(days=7), HalfDay.PM
        elif cursorAction == action.MoveDown:
            if half is HalfDay.AM:
                target_half = HalfDay.PM
            else:
                target_day, target_half = day + timedelta(days=7), HalfDay.AM
        elif cursorAction in (action.MoveHome, action.MovePageUp):
            target_day = day.replace(day=1)
        elif cursorAction in (action.MoveEnd, action.MovePageDown):
            target_day = max(d.day for d in view.days)
        else:
            return self.currentIndex()
        index = model.index_of(target_day, target_half)
        return index if index.isValid() else self.currentIndex()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.roster_model.cell_at(current)
        if cell is not None and cell.is_slot:
            self.sig_slot_selected.emit(cell.day, cell.half)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        cell = self.roster_model.cell_at(index)
        if cell is None or not cell.is_slot:
            index = self.currentIndex()
        else:
            self.setCurrentIndex(index)
        self._request_menu(index, self.viewport().mapToGlobal(pos) if cell and cell.is_slot else None)

    def _request_menu(self, index: QModelIndex, where: QPoint | None = None) -> None:
        cell = self.roster_model.cell_at(index)
        if cell is None or not cell.is_slot:
            return
        if where is None:
            rect = self.visualRect(index)
            where = self.viewport().mapToGlobal(QPoint(rect.left() + 8, rect.bottom() - 4))
        self.sig_menu_requested.emit(cell.day, cell.half, where)


class RosterLegend(QFrame):
    """What the colours and marks mean (two columns of sample chips with their words)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roster_legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        samples: list[tuple[str, ChipStyle, str, str]] = [
            (self.tr("计划"), STATE_STYLES[ShiftState.PLANNED], "dashed", state_hint(ShiftState.PLANNED)),
            (self.tr("已确认"), STATE_STYLES[ShiftState.CONFIRMED], "solid", state_hint(ShiftState.CONFIRMED)),
            (self.tr("请假(假)"), STATE_STYLES[ShiftState.LEAVE], "solid", state_hint(ShiftState.LEAVE)),
            (self.tr("✔已完成"), STATE_STYLES[ShiftState.DONE], "solid", state_hint(ShiftState.DONE)),
            (self.tr("缺 = 没人"), GAP_STYLE, "solid", self.tr("这一班还差人")),
            (self.tr("⚠ 有问题"), ChipStyle("white", PROBLEM_FRAME, "#1f2a37"), "thick",
             self.tr("冲突、超过上限、连续值班过多等；把鼠标停在格子上可看原因")),
            (self.tr("志愿者改动"), ChipStyle(UNSEEN_FILL, UNSEEN_FRAME, "#1f2a37"), "thick",
             self.tr("志愿者自己领取、退还或换班，法官还没有查看")),
            (self.tr("不值班"), ChipStyle(OFF_FILL, "#c9d1dc", "#5f6b7a"), "solid",
             self.tr("按值班规则这个时段不值班")),
        ]
        for i, (text, style, frame, hint) in enumerate(samples):
            label = QLabel(text, self)
            width = {"dashed": "2px dashed", "solid": "1px solid", "thick": "3px solid"}[frame]
            label.setStyleSheet(f"background: {style.fill}; color: {style.text}; border: {width} {style.frame};"
                                f" border-radius: 4px; padding: 1px 6px;"
                                + (" font-weight: bold;" if style.bold else ""))
            label.setToolTip(hint)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, i // 2, i % 2)
