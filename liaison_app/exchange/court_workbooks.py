"""Workbooks the court writes: the region-wide summary (``court-summary``) and the merge report
(``merge --report``). openpyxl write-only, values only (never a formula), text through
:func:`~liaison_app.exchange.xlsx_cells.text_cell` (file names and free text may start with ``=``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from liaison_app.domain.court import Completeness, MonthFigures, Submission
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.enums import Outcome
from liaison_app.exchange.xlsx_cells import date_cell, number_cell, text_cell

SHEET_INFO = "说明"
SHEET_BY_POINT = "按联系点"
SHEET_BY_COURT = "按法院"
SHEET_CATEGORIES = "纠纷类型"
SHEET_COMPLETENESS = "报送情况"
SHEET_MERGE = "汇总结果"


@dataclass(frozen=True)
class SummaryData:
    """Everything the summary workbook shows.

    ``categories`` are the level-1 categories ``(code, name)`` in dictionary order; ``notes``
    lines for the 说明 sheet.
    """

    title: str
    generated_at: datetime
    start: str
    end: str
    by_point: list[MonthFigures]
    by_court: list[MonthFigures]
    categories: list[tuple[str, str]]
    completeness: Completeness
    notes: list[str]


class _Sheet:
    """A write-only sheet with frozen header row and widths; rows of plain Python values."""

    def __init__(self, workbook: Any, name: str, widths: Sequence[float], bold: Any, *, freeze: str | None = "A2"):
        from openpyxl.utils import get_column_letter

        self.ws = workbook.create_sheet(name)
        self.bold = bold
        if freeze:
            self.ws.freeze_panes = freeze
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def row(self, *values: Any, strong: bool = False, formats: Mapping[int, str] | None = None) -> None:
        ws = self.ws
        font = self.bold if strong else None
        cells = []
        for index, value in enumerate(values):
            number_format = (formats or {}).get(index)
            if isinstance(value, bool):
                value = "是" if value else "否"
            if isinstance(value, (int, float)):
                cells.append(number_cell(ws, value, number_format, font=font))
            elif isinstance(value, datetime):
                cells.append(date_cell(ws, value.replace(tzinfo=None), "yyyy-mm-dd hh:mm", font=font))
            elif isinstance(value, date):
                cells.append(date_cell(ws, value, "yyyy-mm-dd", font=font))
            else:
                cells.append(text_cell(ws, None if value is None else str(value), font=font)[0])
        ws.append(cells)


def _rate(part: int, whole: int) -> float | str:
    return part / whole if whole else "—"


def _figure_headers(categories: Sequence[tuple[str, str]] | None = None) -> list[str]:
    return ["统计月份", "法律服务人次", "法律咨询人次", *(o.label for o in Outcome), "需回访", "已回访",
            "逾期未回访", "回访率", "来访人数（去重）", "普法宣讲场次", "受众人数", "线上观看人次",
            "志愿服务人次", "志愿服务时长（小时）", "值班班次", *(s.label for s in ShiftState)]


def _figure_values(f: MonthFigures) -> list[Any]:
    return [f.period, f.legal_service_visits, f.consultations, *(f.by_outcome.get(o.label, 0) for o in Outcome),
            f.followups_required, f.followups_done, f.followups_overdue,
            _rate(f.followups_done, f.followups_required), "—" if f.visitors is None else f.visitors,
            f.sessions, f.audience, f.views, f.visits, float(f.visit_hours), sum(f.shifts.values()),
            *(f.shifts.get(s.label, 0) for s in ShiftState)]


def write_summary_workbook(path: Path, data: SummaryData) -> None:
    """Write the region-wide summary to ``path`` (overwritten; the caller makes it atomic).

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    workbook = Workbook(write_only=True)
    figure_headers = _figure_headers()
    rate_col = figure_headers.index("回访率")
    hours_col = figure_headers.index("志愿服务时长（小时）")

    info = _Sheet(workbook, SHEET_INFO, (24, 90), bold, freeze=None)
    info.row(data.title, strong=True)
    info.row("统计月份", f"{data.start} 至 {data.end}")
    info.row("生成时间", data.generated_at)
    info.row("联系点数", len(data.completeness.points))
    for line in data.notes:
        info.row("说明", line)

    point_sheet = _Sheet(workbook, SHEET_BY_POINT, (18, 12, 22, *([10] * len(figure_headers))), bold, freeze="E2")
    point_sheet.row("所属法院", "联系点编码", "联系点名称", "批次序号", *figure_headers, strong=True)
    for f in data.by_point:
        point_sheet.row(f.court, f.point_code, f.point_name, f.seq, *_figure_values(f),
                        formats={4 + rate_col: "0.0%", 4 + hours_col: "0.0"})

    court_sheet = _Sheet(workbook, SHEET_BY_COURT, (18, *([10] * (len(figure_headers) + 3))), bold, freeze="C2")
    court_sheet.row("所属法院", *figure_headers, "重复来访人次", "跨联系点来访人数", strong=True)
    for f in data.by_court:
        court_sheet.row(f.court, *_figure_values(f),
                        "—" if f.repeat_visits is None else f.repeat_visits,
                        "—" if f.multi_point_visitors is None else f.multi_point_visitors,
                        formats={1 + rate_col: "0.0%", 1 + hours_col: "0.0"})

    category_sheet = _Sheet(workbook, SHEET_CATEGORIES, (18, 12, 22, 10, 10, *([12] * len(data.categories))), bold,
                            freeze="F2")
    category_sheet.row("所属法院", "联系点编码", "联系点名称", "统计月份", "法律咨询人次",
                       *(name for _, name in data.categories), strong=True)
    for f in data.by_point:
        category_sheet.row(f.court, f.point_code, f.point_name, f.period, f.consultations,
                           *(f.by_category.get(code, 0) for code, _ in data.categories))

    write_completeness_sheet(workbook, data.completeness, bold)
    workbook.save(path)


def write_completeness_sheet(workbook: Any, grid: Completeness, bold: Any) -> None:
    """The points × months grid (报送情况) with a reporting-rate row."""
    sheet = _Sheet(workbook, SHEET_COMPLETENESS, (18, 12, 22, *([14] * len(grid.periods))), bold, freeze="D2")
    sheet.row("所属法院", "联系点编码", "联系点名称", *grid.periods, strong=True)
    for code, name, court in grid.points:
        sheet.row(court, code, name, *(grid.cell(code, p).text() for p in grid.periods))
    rates = []
    for period in grid.periods:
        received, due = grid.rate(period)
        rates.append(f"{received}/{due}（{received / due:.0%}）" if due else "—")
    sheet.row("报送率", "", "", *rates, strong=True)
    sheet.row()
    sheet.row("说明", "", f"v序号 月-日：已收到的最新批次序号和首次报送日期；“迟报”：首次报送晚于次月{grid.due_day}日；"
              f"“{Submission.MISSING.value}”：已过期限仍未收到；“{Submission.PENDING.value}”：尚未到报送期限；"
              "“—”：该联系点开始报送之前的月份。")


def write_merge_report(path: Path, rows: Iterable[Sequence[Any]], *, dry_run: bool, generated_at: datetime) -> None:
    """The merge's result table: one row per file (文件, 结果, 联系点, 月份, 序号, rows per sheet, 说明).

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    workbook = Workbook(write_only=True)
    sheet = _Sheet(workbook, SHEET_MERGE, (34, 16, 12, 10, 6, 10, 10, 12, 10, 100), bold)
    sheet.row("文件", "结果", "联系点", "统计月份", "序号", "法律咨询", "普法宣讲", "志愿服务记录", "值班表", "说明",
              strong=True)
    for values in rows:
        sheet.row(*values)
    sheet.row()
    sheet.row(("试运行（未写入汇总库）" if dry_run else "汇总") + f"，生成于 {generated_at:%Y-%m-%d %H:%M}")
    workbook.save(path)
