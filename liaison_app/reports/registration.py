"""来访接待登记表: one consultation printed as the court's paper form (A4, ruled table).

Long advice continues across pages (the text is split into row-sized chunks, so no row is taller
than a page); signature lines for the visitor and the receiving judge close the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaison_app.reports.common import build_pdf, grid_table, make_styles, para, split_text
from liaison_app.reports.fonts import GlyphReport, printable


@dataclass(frozen=True)
class RegistrationData:
    """Field values as printed (already formatted and labelled in Chinese)."""

    point_name: str
    court: str
    serial: str              # paper-form number or the record id's first block
    received: str            # 2026年11月29日 09:30
    mode: str
    receiver: str
    visitor: str
    gender: str
    age_band: str
    phone: str
    id_number: str           # or 拒绝提供 / 未登记
    village: str
    special_groups: str
    category: str
    question: str
    advice: str
    outcome: str
    referral: str
    followup_due: str
    followup_done: str
    followup_note: str
    printed_at: str


def write_registration_form(data: RegistrationData, out: Path) -> GlyphReport:
    """Write the one-record form; returns characters the font lacked."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    s = make_styles()
    report = GlyphReport()
    width = 174 * mm
    label_w, value_w = width * 0.16, width * 0.34

    def p(text: str) -> Any:
        return para(text, s.cell, report)

    def pair_row(a: str, av: str, b: str, bv: str) -> list[Any]:
        return [p(a), p(av), p(b), p(bv)]

    story: list[Any] = [
        para(f"{data.court}", s.subtitle, report),
        para("来访接待登记表", s.title, report),
        para(f"联系点：{data.point_name} · 编号：{data.serial}", s.subtitle, report),
        Spacer(1, 4 * mm),
    ]
    head = [
        pair_row("接待时间", data.received, "接待方式", data.mode),
        pair_row("来访人", data.visitor, "接待人", data.receiver),
        pair_row("性别", data.gender, "年龄段", data.age_band),
        pair_row("联系电话", data.phone, "身份证号", data.id_number),
        pair_row("村/社区", data.village, "特殊群体", data.special_groups or "无"),
        pair_row("纠纷类型", data.category, "处理方式", data.outcome + (f"（{data.referral}）" if data.referral else "")),
    ]
    story.append(grid_table(head, [label_w, value_w, label_w, value_w], header_rows=0))

    def long_block(label: str, text: str) -> Any:
        chunks = split_text(text or "（无）")
        rows = [[p(label if i == 0 else f"{label}（续）"), p(chunk)] for i, chunk in enumerate(chunks)]
        return grid_table(rows, [label_w, width - label_w], header_rows=0, repeat=False)

    story += [long_block("咨询事项", data.question), long_block("答复意见", data.advice)]
    follow = [pair_row("回访期限", data.followup_due or "无需回访", "回访日期", data.followup_done or "未回访")]
    story.append(grid_table(follow, [label_w, value_w, label_w, value_w], header_rows=0))
    story.append(long_block("答复情况", data.followup_note))
    # Signature lines as a borderless table: Paragraph collapses runs of (ideographic) spaces.
    from reportlab.platypus import Table, TableStyle

    line = "_" * 18
    signatures = Table(
        [[para(f"来访人签名：{line}", s.body, report), para(f"接待法官签名：{line}", s.body, report)],
         [para("日期：________年____月____日", s.body, report), para("日期：________年____月____日", s.body, report)]],
        colWidths=[width / 2, width / 2], rowHeights=[14 * mm, 10 * mm],
    )
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story += [Spacer(1, 10 * mm), signatures]
    build_pdf(out, story, title="来访接待登记表", author=data.court,
              footer_note=printable(f"{data.point_name} · 来访接待登记表 · 打印于 {data.printed_at}"))
    return report
