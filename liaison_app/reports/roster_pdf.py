"""值班表 PDF: one A4 landscape page per point and month, drawn as a calendar grid.

Weeks × days (周一 … 周日); each day cell has the date, a mark for statutory holidays (休, with
the holiday's name) and 调休 working days (班), then the 上午 and 下午 names. An open seat is
printed 缺 (缺2 for two), a volunteer on leave as ``name(假)``. Text that does not fit is made
smaller (down to 5 pt) and wrapped at name boundaries, so long names never overflow a cell.
The footer has the totals, the spread (slots per volunteer) and the print time.

The font is the embedded CJK TrueType font of :mod:`liaison_app.reports.fonts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from liaison_app.domain.clock import format_datetime_zh
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.people import WEEKDAY_LABELS, HalfDay
from liaison_app.domain.roster import DayKind, RosterView, SlotView
from liaison_app.reports.fonts import GlyphReport, printable, register_font

MIN_SIZE = 5.0
_GRID = "#555555"
_HOLIDAY_BG = "#fde8e8"
_WEEKEND_BG = "#f3f3f3"
_MAKEUP_BG = "#e8f0fd"
_OUTSIDE_BG = "#fafafa"
_RED = "#c0392b"
_GREY = "#777777"


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, register_font(), size)


def _wrap(tokens: Sequence[str], width: float, size: float, sep: str = "、") -> tuple[list[str], bool]:
    """Lines of ``tokens`` joined by ``sep``, breaking between tokens, and inside a token only
    when it alone is wider than ``width``; the flag says whether a token had to be broken."""
    lines: list[str] = []
    line = ""
    broken = False
    for i, token in enumerate(tokens):
        piece = token + (sep if i < len(tokens) - 1 else "")
        if _width(line + piece, size) <= width:
            line += piece
            continue
        if line:
            lines.append(line)
            line = ""
        if _width(piece, size) > width:
            broken = True
        for char in piece:
            if line and _width(line + char, size) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines, broken


def _sizes(size: float) -> list[float]:
    found = []
    while size >= MIN_SIZE:
        found.append(size)
        size -= 0.5
    return found or [MIN_SIZE]


def fit_size(tokens: Sequence[str], width: float, height: float, size: float, sep: str = "、") -> float:
    """The largest font size ≤ ``size`` (≥ MIN_SIZE, 0.5 pt steps) at which the tokens wrap into
    ``width`` × ``height`` (leading 1.15 × size) without breaking a name; failing that, the
    largest at which they fit with names broken; failing that, MIN_SIZE."""
    fitting_broken = None
    for current in _sizes(size):
        lines, broken = _wrap(tokens, width, current, sep)
        if len(lines) * current * 1.15 <= height:
            if not broken:
                return current
            fitting_broken = fitting_broken or current
    return fitting_broken or MIN_SIZE


def fit(tokens: Sequence[str], width: float, height: float, size: float, sep: str = "、",
        at: float | None = None) -> tuple[float, list[str]]:
    """Font size (see :func:`fit_size`, or ``at`` if given) and the wrapped lines; lines that
    still do not fit are cut and the last one ends with …"""
    current = at if at is not None else fit_size(tokens, width, height, size, sep)
    lines, _ = _wrap(tokens, width, current, sep)
    room = max(1, int(height // (current * 1.15)))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = lines[-1][:-1] + "…"
    return current, lines


def _slot_tokens(slot: SlotView, names: dict[str, str], report: GlyphReport) -> list[str]:
    """Texts of a half-day: the names (leave marked), then the open-seat mark 缺 last."""
    tokens = [printable(names.get(s.person_id, "?"), report) + ("(假)" if s.state is ShiftState.LEAVE else "")
              for s in slot.shifts]
    if slot.missing:
        tokens.append("缺" if slot.missing == 1 else f"缺{slot.missing}")
    return tokens


def _draw_page(c, view: RosterView, printed_at: datetime, report: GlyphReport) -> None:  # type: ignore[no-untyped-def]
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    font = register_font()
    page_w, page_h = landscape(A4)
    margin = 12 * mm
    left, right, top = margin, page_w - margin, page_h - margin
    point = view.point
    year, month = (int(x) for x in view.period.split("-"))

    # Title and subtitle.
    title = printable(f"{point.name} {year}年{month}月 值班表", report)
    c.setFillColor(colors.black)
    size, lines = fit([title], right - left, 22, 16, sep="")
    c.setFont(font, size)
    c.drawCentredString(page_w / 2, top - size, lines[0])
    am, pm = view.pattern.times(HalfDay.AM), view.pattern.times(HalfDay.PM)
    sub = (f"{point.court}　{view.pattern.describe()}　上午 {am[0]:%H:%M}–{am[1]:%H:%M}　"
           f"下午 {pm[0]:%H:%M}–{pm[1]:%H:%M}")
    size, lines = fit([printable(sub, report)], right - left, 12, 9, sep="")
    c.setFont(font, size)
    c.setFillColor(colors.HexColor(_GREY))
    c.drawCentredString(page_w / 2, top - 24 - size, lines[0])

    # Grid geometry.
    footer_h = 40 if view.calendar_warnings else 30
    header_h = 16
    grid_top = top - 42
    grid_bottom = margin + footer_h
    weeks = view.weeks()
    col_w = (right - left) / 7
    row_h = (grid_top - header_h - grid_bottom) / len(weeks)
    c.setStrokeColor(colors.HexColor(_GRID))
    c.setLineWidth(0.6)
    for i, label in enumerate(WEEKDAY_LABELS):
        x = left + i * col_w
        c.setFillColor(colors.HexColor("#e6e6e6"))
        c.rect(x, grid_top - header_h, col_w, header_h, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont(font, 10)
        c.drawCentredString(x + col_w / 2, grid_top - header_h + 4.5, label)

    infos = {d.day: d for d in view.days}
    label_w = 11.0
    for r, week in enumerate(weeks):
        y0 = grid_top - header_h - (r + 1) * row_h
        for i, day in enumerate(week):
            x0 = left + i * col_w
            info = infos.get(day) if day else None
            bg = _OUTSIDE_BG
            if info is not None:
                bg = {DayKind.HOLIDAY: _HOLIDAY_BG, DayKind.WEEKEND: _WEEKEND_BG,
                      DayKind.MAKEUP: _MAKEUP_BG}.get(info.kind, "#ffffff")
            c.setFillColor(colors.HexColor(bg))
            c.rect(x0, y0, col_w, row_h, stroke=1, fill=1)
            if day is None or info is None:
                continue
            # Date line: day number, then 休/班 and the holiday's name.
            c.setFillColor(colors.black)
            c.setFont(font, 10)
            c.drawString(x0 + 3, y0 + row_h - 11, str(day.day))
            mark = ""
            if info.kind is DayKind.HOLIDAY:
                mark = "休 " + (info.name or "")
            elif info.kind is DayKind.MAKEUP:
                mark = "班 " + (info.name or "调休上班")
            if mark:
                avail = col_w - 22
                size, lines = fit([printable(mark, report)], avail, 9, 7.5, sep="")
                c.setFillColor(colors.HexColor(_RED if info.kind is DayKind.HOLIDAY else "#1f5fbf"))
                c.setFont(font, size)
                c.drawRightString(x0 + col_w - 3, y0 + row_h - 10.5, lines[0])
            # 上午 / 下午 blocks, in one font size per cell.
            block_h = (row_h - 14) / 2
            text_w = col_w - label_w - 4
            blocks = []
            for h, half in enumerate((HalfDay.AM, HalfDay.PM)):
                slot = view.slots.get((day, half))
                if slot is not None and (slot.seats or slot.shifts):
                    blocks.append((h, half, slot, _slot_tokens(slot, view.names, report)))
            sizes = [fit_size(tokens, text_w, block_h - 1, 9) for _, _, _, tokens in blocks if tokens]
            cell_size = min(sizes, default=9)
            for h, half, slot, tokens in blocks:
                by = y0 + row_h - 14 - (h + 1) * block_h
                c.setFillColor(colors.HexColor(_GREY))
                c.setFont(font, 7)
                c.drawString(x0 + 2.5, by + block_h - 8, "上" if half is HalfDay.AM else "下")
                if not tokens:
                    continue
                size, lines = fit(tokens, text_w, block_h - 1, 9, at=cell_size)
                leading = size * 1.15
                yy = by + block_h - size - 0.5
                for n, line in enumerate(lines):
                    c.setFont(font, size)
                    head, mark, tail = line.rpartition("缺")
                    if slot.missing and n == len(lines) - 1 and mark:
                        c.setFillColor(colors.black)
                        c.drawString(x0 + label_w, yy, head)
                        c.setFillColor(colors.HexColor(_RED))
                        c.drawString(x0 + label_w + _width(head, size), yy, mark + tail)
                    else:
                        c.setFillColor(colors.black)
                        c.drawString(x0 + label_w, yy, line)
                    yy -= leading

    # Footer: totals and spread, legend, print time.
    c.setFillColor(colors.black)
    stamp = f"打印时间：{format_datetime_zh(printed_at)}"
    stamp_w = _width(stamp, 8) + 6
    summary = (f"本月已排{view.filled}班，缺{view.missing}班；"
               f"{view.spread.text(view.names)}")
    size, lines = fit([printable(summary, report)], right - left - stamp_w, footer_h - 11, 8.5, sep="")
    yy = margin + footer_h - 4 - size
    for line in lines:
        c.setFont(font, size)
        c.drawString(left, yy, line)
        yy -= size * 1.15
    c.setFont(font, 8)
    c.drawRightString(right, margin + footer_h - 4 - 8, stamp)
    if view.calendar_warnings:
        warning = printable("注意：" + " ".join(view.calendar_warnings), report)
        size, lines = fit([warning], right - left, 9, 7.5, sep="")
        c.setFillColor(colors.HexColor(_RED))
        c.setFont(font, size)
        c.drawString(left, margin + 10, lines[0])
    c.setFillColor(colors.HexColor(_GREY))
    c.setFont(font, 7)
    c.drawString(left, margin, "说明：休＝法定节假日（不值班）　班＝调休上班日　缺＝空缺待补　(假)＝请假　"
                               "节假日依据国务院办公厅当年放假安排（chinese-calendar）及本机节假日表")


def write_roster_pdf(views: Sequence[RosterView], out: Path, printed_at: datetime) -> GlyphReport:
    """Write one page per view to ``out`` (written to ``out.part`` first, then renamed).

    Returns the characters the font lacked (printed as 〓)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    register_font()
    report = GlyphReport()
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".part")
    c = Canvas(str(temp), pagesize=landscape(A4), pageCompression=1)
    c.setTitle("值班表")
    c.setAuthor(views[0].point.court if views else "")
    for view in views:
        _draw_page(c, view, printed_at, report)
        c.showPage()
    if not views:
        c.showPage()
    c.save()
    temp.replace(out)
    return report
