"""志愿服务时长证明: a printable PDF of one volunteer's service hours over a date range.

Hours are the unit, as 《志愿服务记录与证明出具办法》(民政部, 2020) records 志愿服务时间;
each visit counts from arrival to departure (see domain.visits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from liaison_app.domain.clock import format_date_zh
from liaison_app.domain.visits import VolunteerVisit
from liaison_app.reports.fonts import GlyphReport, paragraph_markup, register_font


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on the certificate (names already resolved)."""

    volunteer_name: str
    former_court: str
    post: str
    start: date
    end: date
    issuer: str                      # e.g. 中宁县人民法院
    issued_on: date
    visits: list[VolunteerVisit]
    point_names: dict[str, str]      # point id → name
    serial: str                      # certificate number printed at the top

    @property
    def total_minutes(self) -> int:
        return sum(v.minutes for v in self.visits)

    @property
    def total_hours(self) -> Decimal:
        """Sum of the rows' hours, so the table adds up."""
        return sum((v.hours for v in self.visits), Decimal(0))


def write_certificate(data: CertificateData, out: Path) -> GlyphReport:
    """Write the certificate PDF (A4 portrait) to ``out``; returns characters the font lacked."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    font = register_font()
    report = GlyphReport()

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(paragraph_markup(text, report), style)

    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24)
    title = ParagraphStyle("title", fontName=font, fontSize=22, leading=30, alignment=TA_CENTER)
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)

    who = data.volunteer_name
    if data.former_court or data.post:
        who += f"（退休法官志愿者，原{data.former_court}{data.post}）"
    points = sorted({data.point_names.get(v.point_id, "") for v in data.visits} - {""})
    where = "、".join(points) if points else "法官基层服务联系点"
    period = f"{format_date_zh(data.start)}至{format_date_zh(data.end)}"
    if data.visits:
        sentence = (f"兹证明{who}于{period}期间，在{where}参加志愿服务共{len(data.visits)}次，"
                    f"累计志愿服务时长{data.total_hours}小时。")
    else:
        sentence = f"兹证明{who}于{period}期间，无志愿服务记录。"

    story = [
        p(f"编号：{data.serial}", small),
        Spacer(1, 6 * mm),
        p("志愿服务时长证明", title),
        Spacer(1, 8 * mm),
        p(sentence, body),
        Spacer(1, 4 * mm),
    ]
    if data.visits:
        rows = [[p(h, cell) for h in ("日期", "联系点", "时间", "服务内容", "时长（小时）")]]
        for visit in data.visits:
            activities = "、".join(a.label for a in sorted(visit.activities, key=lambda a: a.value))
            rows.append([
                p(visit.visited_on.isoformat(), cell),
                p(data.point_names.get(visit.point_id, ""), cell),
                p(f"{visit.arrival:%H:%M}–{visit.departure:%H:%M}", cell),
                p(activities, cell),
                p(str(visit.hours), cell),
            ])
        rows.append([p("合计", cell), p("", cell), p("", cell), p(f"{len(data.visits)}次", cell),
                     p(str(data.total_hours), cell)])
        table = LongTable(rows, colWidths=[26 * mm, 50 * mm, 26 * mm, 46 * mm, 22 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        story += [table, Spacer(1, 6 * mm)]
    story += [
        p("特此证明。", body),
        Spacer(1, 16 * mm),
        p(f"{data.issuer}（盖章）", right),
        p(format_date_zh(data.issued_on), right),
        Spacer(1, 10 * mm),
        p("说明：服务时长以每次到达至离开的时间计算，单位为小时，保留一位小数；"
          "依据《志愿服务记录与证明出具办法》记录志愿服务时间。", small),
    ]

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".part")
    doc = SimpleDocTemplate(str(temp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title="志愿服务时长证明",
                            author=data.issuer)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    temp.replace(out)
    return report
