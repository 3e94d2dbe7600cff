"""The CJK font for PDFs: the TrueType collection shipped in resources/fonts (GUIDE §5).

Embedded (subset) in every PDF, so no reader shows boxes; not reportlab's CID font STSong-Light,
which is not embedded and maps characters outside its set to different characters. A character
the font lacks is printed as the placeholder 〓 (the typesetters' geta mark) and reported.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache

from liaison_app import paths

FONT_NAME = "WenQuanYiMicroHei"
PLACEHOLDER = "〓"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the shipped font with reportlab once; return its name for styles."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(FONT_NAME, str(paths.cjk_font_path()), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return FONT_NAME


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_font()
    face = pdfmetrics.getFont(FONT_NAME).face
    return frozenset(face.charToGlyph)


@dataclass
class GlyphReport:
    """Characters that could not be printed, collected while a document is built."""

    missing: dict[str, int] = field(default_factory=dict)

    def note(self, char: str) -> None:
        self.missing[char] = self.missing.get(char, 0) + 1

    def summary(self) -> str:
        """Chinese one-liner for the user, empty when nothing was missing."""
        if not self.missing:
            return ""
        chars = "、".join(f"“{c}”(U+{ord(c):04X})" for c in self.missing)
        return f"字体缺少 {len(self.missing)} 个字符，已以“{PLACEHOLDER}”代替：{chars}"


def printable(text: str, report: GlyphReport | None = None) -> str:
    """``text`` with every character the font lacks replaced by :data:`PLACEHOLDER`.

    Line breaks and tabs are kept; other control characters are dropped.
    """
    covered = _covered()
    out = []
    for char in text:
        code = ord(char)
        if char in "\n\t":
            out.append(char)
        elif code < 32 or 0x7F <= code < 0xA0 or char in "\u200b\u200c\u200d\u2060\ufeff":
            continue
        elif code in covered:
            out.append(char)
        else:
            if report is not None:
                report.note(char)
            out.append(PLACEHOLDER)
    return "".join(out)


def paragraph_markup(text: str, report: GlyphReport | None = None) -> str:
    """Text ready for a reportlab ``Paragraph``: printable, ``& < >`` escaped, LF → ``<br/>``."""
    return html.escape(printable(text, report), quote=False).replace("\n", "<br/>")
