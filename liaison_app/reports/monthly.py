"""月度工作报告: the monthly work report PDF of one liaison point (or region-wide).

Every figure comes precomputed in :class:`MonthlyReportData`; this module only lays it out.
Charts are reportlab graphics (a bar chart of the trend, a horizontal bar chart of categories).
The region-wide report made at the court from the merged batches (``core.court_report``) adds a
table by point (``by_point``) and a paragraph on which points' batches arrived (``submissions``);
its session and overdue lists name the point of each item.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from liaison_app.reports.common import build_pdf, grid_table, make_styles, para
from liaison_app.reports.fonts import GlyphReport, printable, register_font


@dataclass(frozen=True)
class OverdueItem:
    received: str        # 2026-11-03
    visitor: str         # masked
    village: str
    category: str
    due: str
    days_overdue: int
    receiver: str
    point: str = ""      # the point's name, in the region-wide report


@dataclass(frozen=True)
class SessionItem:
    held_on: str
    form: str
    topic: str
    place: str
    audience: int
    views: int | None
    point: str = ""      # the point's name, in the region-wide report


@dataclass(frozen=True)
class PointRow:
    """One point's line of the region-wide report (按联系点). ``batch`` says what the court holds
    for the month: ``v2`` / ``迟报 v1`` (figures from that batch) or ``未报送`` / ``未到期``
    (no batch: the figures are not known, printed as —)."""

    name: str
    batch: str
    received: bool
    consultations: int = 0
    sessions: int = 0
    audience: int = 0
    visits: int = 0
    visit_hours: Decimal = Decimal(0)
    followups_required: int = 0
    followups_done: int = 0
    overdue: int = 0

    @property
    def service_persons(self) -> int:
        """法律服务人次 = consultations + audience present."""
        return self.consultations + self.audience

    @property
    def followup_rate(self) -> str:
        return _rate(self.followups_done, self.followups_required)


@dataclass(frozen=True)
class SubmissionSummary:
    """Which points' batches of the month the court has (报送情况), by point name.

    Points are those the court database knows (that ever sent a batch) and expected this month
    (the month is not before their first batch).
    """

    due: str                      # 2026年12月5日
    on_time: list[str]
    late: list[str]
    missing: list[str]            # the deadline has passed without a batch
    pending: list[str]            # no batch yet, the deadline has not passed

    @property
    def expected(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.missing) + len(self.pending)

    @property
    def received(self) -> int:
        return len(self.on_time) + len(self.late)

    def text(self) -> str:
        """The completeness paragraph."""
        if not self.expected:
            return "报送情况：汇总库中还没有任何联系点报送过这个月份（或更早月份）的批次，无法判断哪些联系点应当报送。"
        parts = [f"报送情况（截止日期{self.due}）：应报送 {self.expected} 个联系点，已收到 {self.received} 个"]
        if self.late:
            parts[-1] += f"（其中迟报 {len(self.late)} 个：{'、'.join(self.late)}）"
        if self.missing:
            parts.append(f"逾期未报送 {len(self.missing)} 个：{'、'.join(self.missing)}")
        if self.pending:
            parts.append(f"尚未到截止日期、还未收到 {len(self.pending)} 个：{'、'.join(self.pending)}")
        if not self.missing and not self.pending:
            parts.append("各联系点均已报送")
        return "；".join(parts) + "。"


def _rate(done: int, required: int) -> str:
    return f"{done / required:.1%}" if required else "—"


@dataclass(frozen=True)
class MonthlyReportData:
    """All numbers of one report. ``scope`` names the point(s), e.g. 宁安镇法官联系点 or 全市."""

    scope: str
    court: str
    period: str                                   # 2026-11
    generated_at: str                             # 2026年11月29日 10:00
    consultations: int
    sessions: int
    audience: int
    online_views: int
    visits: int
    visit_hours: Decimal
    followups_required: int
    followups_done: int
    by_category: list[tuple[str, int]]            # (name, count), largest first
    by_outcome: list[tuple[str, int]]             # (label, count) in the outcome order
    trend: list[tuple[str, int, int]]             # (period, consultations, audience), oldest first
    overdue: list[OverdueItem] = field(default_factory=list)
    session_items: list[SessionItem] = field(default_factory=list)
    by_point: list[PointRow] | None = None        # region-wide report: one row per point
    submissions: SubmissionSummary | None = None  # region-wide report: which batches arrived
    overdue_total: int | None = None              # when the overdue list was cut short
    overdue_label: str = "逾期未回访（件）"
    notes: list[str] = field(default_factory=list)  # 说明 at the end

    @property
    def service_persons(self) -> int:
        """法律服务人次 = consultations + audience present (see core.figures)."""
        return self.consultations + self.audience

    @property
    def followup_rate(self) -> str:
        return _rate(self.followups_done, self.followups_required)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue) if self.overdue_total is None else self.overdue_total


def _nice_step(top: float) -> int:
    """A whole axis step of 1, 2 or 5 × 10ⁿ giving at most five intervals up to ``top``."""
    magnitude = 10 ** max(0, math.floor(math.log10(max(top, 1) / 5))) if top >= 5 else 1
    for factor in (1, 2, 5, 10):
        if top / (factor * magnitude) <= 5:
            return factor * magnitude
    return 10 * magnitude


def _period_label(period: str) -> str:
    year, month = period.split("-")
    return f"{year}年{int(month)}月"


def _trend_chart(data: MonthlyReportData, width: float, height: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    font = register_font()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 150, height - 45
    chart.data = [[c for _, c, _ in data.trend], [a for _, _, a in data.trend]]
    chart.categoryAxis.categoryNames = [f"{int(p[5:])}月" for p, _, _ in data.trend]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([1, *chart.data[0], *chart.data[1]])
    step = _nice_step(top * 1.15)
    chart.valueAxis.valueMax = step * math.ceil(top * 1.15 / step)
    chart.valueAxis.valueStep = step
    chart.bars[0].fillColor = colors.HexColor("#2f6eb5")
    chart.bars[1].fillColor = colors.HexColor("#e39b2d")
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 6
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 100, height - 20
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(colors.HexColor("#2f6eb5"), "法律咨询人次"), (colors.HexColor("#e39b2d"), "宣讲受众人次")]
    drawing.add(legend)
    return drawing


def _category_chart(items: list[tuple[str, int]], width: float, report: GlyphReport) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    font = register_font()
    shown = items[:10]
    height = 24 + 18 * len(shown)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 170, 10, width - 220, height - 16
    chart.data = [[n for _, n in reversed(shown)]]
    names = [printable(name, report) for name, _ in reversed(shown)]
    chart.categoryAxis.categoryNames = [n if len(n) <= 14 else n[:13] + "…" for n in names]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([1, *chart.data[0]]) * 1.15
    chart.bars[0].fillColor = colors.HexColor("#2f6eb5")
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


_NUMERALS = "一二三四五六七八九十"


def _by_point_table(rows: list[PointRow], width: float, s: Any, report: GlyphReport) -> Any:
    """联系点 | 批次 | 法律服务人次 | 咨询 | 宣讲场次 | 受众 | 志愿服务次数 | 时长 | 回访完成率, with a 合计 row."""
    header = ("联系点", "批次", "法律服务人次", "咨询", "宣讲场次", "受众", "志愿服务次数",
              "时长（小时）", "回访完成率")
    table = [[para(h, s.small, report) for h in header]]
    for row in rows:
        if row.received:
            values = [str(row.service_persons), str(row.consultations), str(row.sessions), str(row.audience),
                      str(row.visits), str(row.visit_hours), row.followup_rate]
        else:
            values = ["—"] * 7
        table.append([para(row.name, s.small, report), para(row.batch, s.small, report),
                      *(para(v, s.small, report) for v in values)])
    received = [r for r in rows if r.received]
    total = PointRow("合计", f"{len(received)}/{len(rows)}", True,
                     consultations=sum(r.consultations for r in received), sessions=sum(r.sessions for r in received),
                     audience=sum(r.audience for r in received), visits=sum(r.visits for r in received),
                     visit_hours=sum((r.visit_hours for r in received), Decimal(0)),
                     followups_required=sum(r.followups_required for r in received),
                     followups_done=sum(r.followups_done for r in received))
    table.append([para(v, s.small, report) for v in (
        total.name, total.batch, str(total.service_persons), str(total.consultations), str(total.sessions),
        str(total.audience), str(total.visits), str(total.visit_hours), total.followup_rate)])
    widths = [0.2, 0.08, 0.12, 0.08, 0.095, 0.075, 0.12, 0.12, 0.11]
    return _narrow_padding(grid_table(table, [width * w for w in widths]))


def _narrow_padding(table: Any) -> Any:
    """3 pt instead of 6 pt left/right: a table of many columns keeps its headers on one line."""
    from reportlab.platypus import TableStyle

    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def write_monthly_report(data: MonthlyReportData, out: Path) -> GlyphReport:
    """Write the report (A4 portrait, as many pages as needed). Returns missing-glyph notes."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    s = make_styles()
    report = GlyphReport()
    width = 174 * mm
    sections = iter(_NUMERALS)
    heading_style = ParagraphStyle("heading_kept", parent=s.heading, keepWithNext=1)  # never last on a page

    def heading(text: str) -> Any:
        return para(f"{next(sections)}、{text}", heading_style, report)

    title = f"{data.scope}{_period_label(data.period)}工作报告"
    when = f"统计月份：{data.period}　生成时间：{data.generated_at}"
    story: list[Any] = [para(title, s.title, report)]
    if len(data.court) > 16:   # several courts (region-wide): their own line, the date unbroken
        story += [para(data.court, s.subtitle, report), para(when, s.subtitle, report)]
    else:
        story.append(para(f"{data.court}　{when}", s.subtitle, report))
    story += [
        Spacer(1, 5 * mm),
        para(f"本月为群众提供法律咨询答疑、普法案例宣讲等法律服务 {data.service_persons} 人次"
             f"（法律咨询 {data.consultations} 人次 + 宣讲受众 {data.audience} 人次）。", s.body, report),
        Spacer(1, 3 * mm),
    ]
    if data.service_persons == 0 and data.visits == 0:
        story.append(para("本月没有任何登记记录（法律咨询、普法宣讲、志愿服务均为0）。", s.body, report))
    figures = [
        ("法律服务人次", str(data.service_persons)), ("法律咨询（人次）", str(data.consultations)),
        ("普法宣讲（场）", str(data.sessions)), ("宣讲受众（人次）", str(data.audience)),
        ("线上观看（人次）", str(data.online_views)), ("志愿服务（次）", str(data.visits)),
        ("志愿服务时长（小时）", str(data.visit_hours)),
        ("应回访 / 已回访", f"{data.followups_required} / {data.followups_done}"),
        ("回访完成率", data.followup_rate), (data.overdue_label, str(data.overdue_count)),
    ]
    rows = []
    for i in range(0, len(figures), 2):
        pair = figures[i:i + 2]
        row = []
        for label, value in pair:
            row += [para(label, s.cell, report), para(value, s.cell, report)]
        rows.append(row + [""] * (4 - len(row)))
    story += [heading("主要数据"), grid_table(rows, [width * 0.3, width * 0.2] * 2, header_rows=0)]

    if data.by_point is not None:
        story.append(heading("各联系点情况"))
        if data.by_point:
            story.append(_by_point_table(data.by_point, width, s, report))
            story.append(Spacer(1, 2 * mm))
        if data.submissions is not None:
            story.append(para(data.submissions.text(), s.body, report))

    story.append(heading("法律咨询按纠纷类型"))
    if data.consultations == 0:
        story.append(para("本月无法律咨询记录。", s.body, report))
    else:
        cat_rows = [[para(h, s.cell, report) for h in ("纠纷类型", "人次", "占比")]]
        for name, count in data.by_category:
            cat_rows.append([para(name, s.cell, report), para(str(count), s.cell, report),
                             para(f"{count / data.consultations:.1%}", s.cell, report)])
        cat_rows.append([para("合计", s.cell, report), para(str(data.consultations), s.cell, report),
                         para("100.0%", s.cell, report)])
        story += [grid_table(cat_rows, [width * 0.6, width * 0.2, width * 0.2]), Spacer(1, 3 * mm),
                  _category_chart(data.by_category, width, report)]
        story.append(heading("处理方式"))
        out_rows = [[para(h, s.cell, report) for h in ("处理方式", "人次", "占比")]]
        for label, count in data.by_outcome:
            out_rows.append([para(label, s.cell, report), para(str(count), s.cell, report),
                             para(f"{count / data.consultations:.1%}", s.cell, report)])
        story.append(grid_table(out_rows, [width * 0.6, width * 0.2, width * 0.2]))

    story.append(KeepTogether([
        heading(f"近{len(data.trend)}个月趋势"),
        _trend_chart(data, width, 62 * mm),
    ]))

    story.append(heading("普法宣讲"))
    if not data.session_items:
        story.append(para("本月无普法宣讲记录。", s.body, report))
    else:
        with_point = any(item.point for item in data.session_items)
        header = ("日期", "联系点", "形式", "主题", "地点", "受众") if with_point else ("日期", "形式", "主题", "地点", "受众")
        ses_rows = [[para(h, s.cell, report) for h in header]]
        for item in data.session_items:
            audience = str(item.audience) + (f"（观看{item.views}）" if item.views else "")
            values = [item.held_on, *([item.point] if with_point else []), item.form, item.topic, item.place, audience]
            ses_rows.append([para(v, s.cell, report) for v in values])
        widths = (0.13, 0.19, 0.13, 0.27, 0.16, 0.12) if with_point else (0.15, 0.15, 0.35, 0.23, 0.12)
        story.append(grid_table(ses_rows, [width * w for w in widths]))

    story.append(heading("逾期未回访（件件有回复）"))
    if not data.overdue:
        story.append(para("截至报告生成时，无逾期未回访的咨询。", s.body, report))
    else:
        with_point = any(item.point for item in data.overdue)
        header = ("接待日期", *(("联系点",) if with_point else ()), "来访人", "村/社区", "纠纷类型", "回访期限",
                  "逾期天数", "接待人")
        style = s.small if with_point else s.cell   # eight columns: dates must not wrap
        od_rows = [[para(h, style, report) for h in header]]
        for item in data.overdue:
            od_rows.append([para(v, style, report) for v in (
                item.received, *((item.point,) if with_point else ()), item.visitor, item.village, item.category,
                item.due, str(item.days_overdue), item.receiver)])
        widths = ((0.125, 0.165, 0.075, 0.11, 0.17, 0.125, 0.095, 0.135) if with_point
                  else (0.14, 0.1, 0.15, 0.22, 0.14, 0.1, 0.15))
        table = grid_table(od_rows, [width * w for w in widths])
        story.append(_narrow_padding(table) if with_point else table)
        if data.overdue_count > len(data.overdue):
            story.append(para(f"共 {data.overdue_count} 件，上表列出期限最早的 {len(data.overdue)} 件。", s.body, report))

    if data.notes:
        story.append(heading("说明"))
        story += [para(f"{i}. {note}", s.small, report) for i, note in enumerate(data.notes, start=1)]

    build_pdf(out, story, title=title, author=data.court,
              footer_note=printable(f"{data.scope} · {data.period} · 生成于 {data.generated_at}"))
    return report
