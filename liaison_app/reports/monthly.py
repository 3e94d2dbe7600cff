"""月度工作报告: the monthly work report PDF of one liaison point (or region-wide).

Every figure comes precomputed in :class:`MonthlyReportData`; this module only lays it out.
Charts are reportlab graphics (a bar chart of the trend, a horizontal bar chart of categories).
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class SessionItem:
    held_on: str
    form: str
    topic: str
    place: str
    audience: int
    views: int | None


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

    @property
    def service_persons(self) -> int:
        """法律服务人次 = consultations + audience present (see core.figures)."""
        return self.consultations + self.audience

    @property
    def followup_rate(self) -> str:
        if not self.followups_required:
            return "—"
        return f"{self.followups_done / self.followups_required:.1%}"


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
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.valueStep = max(1, round(top / 5))
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


def write_monthly_report(data: MonthlyReportData, out: Path) -> GlyphReport:
    """Write the report (A4 portrait, as many pages as needed). Returns missing-glyph notes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    s = make_styles()
    report = GlyphReport()
    width = 174 * mm
    title = f"{data.scope}{_period_label(data.period)}工作报告"
    story: list[Any] = [
        para(title, s.title, report),
        para(f"{data.court}　统计月份：{data.period}　生成时间：{data.generated_at}", s.subtitle, report),
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
        ("回访完成率", data.followup_rate), ("逾期未回访（件）", str(len(data.overdue))),
    ]
    rows = []
    for i in range(0, len(figures), 2):
        pair = figures[i:i + 2]
        row = []
        for label, value in pair:
            row += [para(label, s.cell, report), para(value, s.cell, report)]
        rows.append(row + [""] * (4 - len(row)))
    story += [para("一、主要数据", s.heading, report), grid_table(rows, [width * 0.3, width * 0.2] * 2, header_rows=0)]

    story.append(para("二、法律咨询按纠纷类型", s.heading, report))
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
        story.append(para("三、处理方式", s.heading, report))
        out_rows = [[para(h, s.cell, report) for h in ("处理方式", "人次", "占比")]]
        for label, count in data.by_outcome:
            out_rows.append([para(label, s.cell, report), para(str(count), s.cell, report),
                             para(f"{count / data.consultations:.1%}", s.cell, report)])
        story.append(grid_table(out_rows, [width * 0.6, width * 0.2, width * 0.2]))

    story.append(KeepTogether([
        para(f"四、近{len(data.trend)}个月趋势", s.heading, report),
        _trend_chart(data, width, 62 * mm),
    ]))

    story.append(para("五、普法宣讲", s.heading, report))
    if not data.session_items:
        story.append(para("本月无普法宣讲记录。", s.body, report))
    else:
        ses_rows = [[para(h, s.cell, report) for h in ("日期", "形式", "主题", "地点", "受众")]]
        for item in data.session_items:
            audience = str(item.audience) + (f"（观看{item.views}）" if item.views else "")
            ses_rows.append([para(item.held_on, s.cell, report), para(item.form, s.cell, report),
                             para(item.topic, s.cell, report), para(item.place, s.cell, report),
                             para(audience, s.cell, report)])
        story.append(grid_table(ses_rows, [width * w for w in (0.15, 0.15, 0.35, 0.23, 0.12)]))

    story.append(para("六、逾期未回访（件件有回复）", s.heading, report))
    if not data.overdue:
        story.append(para("截至报告生成时，无逾期未回访的咨询。", s.body, report))
    else:
        od_rows = [[para(h, s.cell, report) for h in ("接待日期", "来访人", "村/社区", "纠纷类型", "回访期限", "逾期天数", "接待人")]]
        for item in data.overdue:
            od_rows.append([para(v, s.cell, report) for v in (
                item.received, item.visitor, item.village, item.category, item.due, str(item.days_overdue),
                item.receiver)])
        story.append(grid_table(od_rows, [width * w for w in (0.14, 0.1, 0.15, 0.22, 0.14, 0.1, 0.15)]))

    build_pdf(out, story, title=title, author=data.court,
              footer_note=printable(f"{data.scope} · {data.period} · 生成于 {data.generated_at}"))
    return report
