"""Shared building blocks of the PDF reports: styles, safe paragraphs, tables, numbered pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaison_app.reports.fonts import GlyphReport, paragraph_markup, register_font

# Text longer than this is split into several paragraphs/rows so that no single flowable is taller
# than a page (reportlab raises LayoutError for a table row taller than the frame).
CHUNK_CHARS = 600


@dataclass
class Styles:
    """Paragraph styles in the embedded CJK font. Build with :func:`make_styles`."""

    title: Any
    subtitle: Any
    heading: Any
    body: Any
    cell: Any
    cell_bold: Any
    small: Any
    big_number: Any


def make_styles() -> Styles:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    font = register_font()
    base = {"fontName": font, "wordWrap": "CJK"}
    return Styles(
        title=ParagraphStyle("title", fontSize=18, leading=26, alignment=TA_CENTER, **base),
        subtitle=ParagraphStyle("subtitle", fontSize=11, leading=16, alignment=TA_CENTER, **base),
        heading=ParagraphStyle("heading", fontSize=13, leading=20, spaceBefore=8, spaceAfter=4, **base),
        body=ParagraphStyle("body", fontSize=10.5, leading=17, **base),
        cell=ParagraphStyle("cell", fontSize=9.5, leading=13, **base),
        cell_bold=ParagraphStyle("cell_bold", fontSize=9.5, leading=13, textColor="#000000", **base),
        small=ParagraphStyle("small", fontSize=8.5, leading=11, **base),
        big_number=ParagraphStyle("big", fontSize=15, leading=22, alignment=TA_CENTER, **base),
    )


def para(text: str, style: Any, report: GlyphReport) -> Any:
    """A Paragraph of user text: printable in the font, ``& < >`` literal, line breaks kept."""
    from reportlab.platypus import Paragraph

    return Paragraph(paragraph_markup(text, report), style)


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split long text into chunks of at most ``size`` characters, preferring line breaks and
    Chinese full stops, so each chunk fits on a page."""
    if len(text) <= size:
        return [text]
    chunks: list[str] = []
    rest = text
    while len(rest) > size:
        window = rest[:size]
        cut = max(window.rfind("\n"), window.rfind("。"), window.rfind("；"))
        cut = cut + 1 if cut >= size // 2 else size
        chunks.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        chunks.append(rest)
    return chunks


def grid_table(rows: list[list[Any]], widths: list[float], *, header_rows: int = 1, repeat: bool = True) -> Any:
    """A ruled table (0.5 pt grid, grey header) that splits across pages, header repeated."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    table = LongTable(rows, colWidths=widths, repeatRows=header_rows if repeat else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


def build_pdf(out: Path, story: list[Any], *, title: str, author: str, footer_note: str,
              landscape_page: bool = False) -> None:
    """Write ``story`` to ``out`` (A4) with "第 x 页 共 y 页" and ``footer_note`` on every page.

    Written to a ``.part`` file first and renamed, so a failure never leaves a half PDF.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    font = register_font()
    pagesize = landscape(A4) if landscape_page else A4

    class NumberedCanvas(Canvas):
        """Two-pass page numbering (reportlab's documented recipe for 'page x of y')."""

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.drawString(18 * mm, 10 * mm, footer_note)
                self.drawRightString(pagesize[0] - 18 * mm, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
                super().showPage()
            super().save()

    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".part")
    doc = SimpleDocTemplate(str(temp), pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=title, author=author)
    try:
        doc.build(story, canvasmaker=NumberedCanvas)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    temp.replace(out)
