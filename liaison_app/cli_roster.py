"""The ``liaison-app roster`` command: its options, and the roster as plain text.

``roster --month YYYY-MM [--point CODE] [--generate] [--pdf FILE] [--ics DIR]`` prints each
point's month as a table (Chinese characters take two terminal columns; columns are padded by
display width), its gaps and the spread, and writes the files asked for. Kept beside cli.py so
the command's code is in one place.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from liaison_app.domain import clock
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.people import WEEKDAY_LABELS, HalfDay
from liaison_app.domain.roster import DayKind, GenerateReport, RosterView, SlotView
from liaison_app.errors import UserError

_COLUMN = 30


def display_width(text: str) -> int:
    """Terminal columns of ``text`` (East Asian wide and full-width characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))


def slot_text(slot: SlotView, names: dict[str, str]) -> str:
    """``张三、李四(假)、缺1`` — names, leave marked, open seats last; ``-`` when no duty."""
    parts = [names.get(s.person_id, "?") + ("(假)" if s.state is ShiftState.LEAVE else "")
             for s in slot.shifts]
    if slot.missing:
        parts.append(f"缺{slot.missing}")
    return "、".join(parts) if parts else "-"


def roster_lines(view: RosterView, report: GenerateReport | None = None) -> list[str]:
    """The lines ``print_roster`` prints."""
    year, month = view.period.split("-")
    lines = [f"{view.point.name}（{view.point.code}）{int(year)}年{int(month)}月 值班表 — {view.pattern.describe()}"]
    if report is not None:
        lines.append(f"已自动排班：新排{report.created}班，保留{report.kept}班，撤下{report.removed}班。")
    lines += [f"注意：{w}" for w in view.warnings]
    lines.append(pad("日期", 8) + pad("星期", 6) + pad("上午", _COLUMN) + "下午")
    for info in view.days:
        slots = [view.slot(info.day, h) for h in (HalfDay.AM, HalfDay.PM)]
        has_duty = any(s.seats or s.shifts for s in slots)
        if not has_duty and info.kind is not DayKind.HOLIDAY:
            continue
        head = pad(f"{info.day:%m-%d}", 8) + pad(WEEKDAY_LABELS[info.day.weekday()], 6)
        if not has_duty:
            lines.append(head + f"休（{info.name}）")
            continue
        mark = "（调休上班）" if info.kind is DayKind.MAKEUP else ""
        am, pm = (slot_text(s, view.names) for s in slots)
        lines.append(head + pad(am, _COLUMN) + pm + mark)
    lines.append(f"合计：已排{view.filled}班，缺{view.missing}班。")
    if view.gaps:
        lines.append(f"空缺（{len(view.gaps)}处）：")
        lines += [f"  {g.day:%m-%d} {g.half.label} 缺{g.missing}：{g.message}" for g in view.gaps]
    lines.append(f"分布：{view.spread.text(view.names)}；最少{view.spread.low}班，最多{view.spread.high}班。")
    return lines


def print_roster(view: RosterView, report: GenerateReport | None = None) -> None:
    """Print the roster table, gaps and spread of one point-month, then a blank line."""
    print("\n".join(roster_lines(view, report)))
    print()


def _month(text: str) -> str:
    try:
        clock.parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def add_roster_parser(commands) -> None:  # type: ignore[no-untyped-def]
    """Add the ``roster`` sub-command to ``commands`` (an argparse sub-parsers object)."""
    roster = commands.add_parser("roster", help="显示某月的志愿者值班表和每人班次分布，可自动排班、输出 PDF 和日历文件")
    roster.add_argument("--month", type=_month, required=True, metavar="YYYY-MM", help="值班月份")
    roster.add_argument("--point", metavar="CODE", help="只处理这个联系点（编码），默认全部")
    roster.add_argument("--generate", action="store_true",
                        help="按值班规则自动排班（保留已确认、已完成、请假、手工安排和志愿者自选的班次）")
    roster.add_argument("--pdf", metavar="FILE", help="把值班表写成 PDF（A4 横向，每个联系点一页）")
    roster.add_argument("--ics", metavar="DIR", help="在 DIR 中为每位志愿者写一个 .ics 日历文件（含前一晚 20:00 提醒）")


def run_roster(core, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Run ``roster``; user errors are raised as UserError (printed by the CLI, exit 1)."""
    points = [core.points.by_code(args.point.strip().upper())] if args.point else core.points.all()
    if not points:
        print("错误：还没有任何联系点。请先新建联系点（或运行 demo）。", file=sys.stderr)
        return 1
    ids = [p.id for p in points]
    for point in points:
        report = core.duty.generate(point.id, args.month) if args.generate else None
        print_roster(core.duty.roster(point.id, args.month), report)
    if args.pdf:
        try:
            missing = core.duty.write_pdf(Path(args.pdf), args.month, point_ids=ids).summary()
        except OSError as exc:
            raise UserError(f"无法写入 PDF 文件 {args.pdf}：{exc.strerror or exc}") from exc
        print(f"已写入 PDF：{args.pdf}")
        if missing:
            print(f"注意：{missing}")
    if args.ics:
        try:
            files = core.duty.write_ics(Path(args.ics), args.month, point_ids=ids)
        except OSError as exc:
            raise UserError(f"无法在 {args.ics} 写入日历文件：{exc.strerror or exc}") from exc
        print(f"已写入 {len(files)} 个日历文件（.ics）到 {args.ics}")
        for path in files:
            print(f"  {path}")
    return 0
