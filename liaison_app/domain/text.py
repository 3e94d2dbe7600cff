"""Normalising what people type or paste: full-width digits, odd spaces, control characters."""

from __future__ import annotations

import re
import unicodedata

# Spaces that Excel/WPS and Chinese input methods leave around values.
_SPACES = "\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
# In free text a zero-width joiner between two pictographs is part of one emoji (👨‍👩‍👧):
# keep it there, drop it (and the other zero-width characters) everywhere else.
_PICTOGRAPH = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_ZERO_WIDTH_FREE_RE = re.compile(
    f"[\u200b\u200c\u2060\ufeff]|(?<![{_PICTOGRAPH}])\u200d|\u200d(?![{_PICTOGRAPH}])")
_SPACE_RE = re.compile(f"[\\s{_SPACES}]+")
# C0 controls except TAB, LF, CR; DEL; C1 controls.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FULLWIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_TABLE[0x3000] = 0x20


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (０-９, Ａ-Ｚ, －, ＋, ideographic space) → ASCII."""
    return text.translate(_FULLWIDTH_TABLE)


def clean_line(text: str | None) -> str:
    """A one-line value (name, village, phone): zero-width chars gone, runs of any space → one
    ASCII space, trimmed, control characters removed."""
    if not text:
        return ""
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _CONTROL_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def clean_name(text: str | None) -> str:
    """A Chinese personal name: :func:`clean_line`, and spaces between Han characters removed
    (``王 秀英`` → ``王秀英``); spaces inside Latin names are kept."""
    text = clean_line(text)
    return re.sub(r"(?<=[\u3400-\u9fff\U00020000-\U0003134f])\s+(?=[\u3400-\u9fff\U00020000-\U0003134f])", "", text)


def clean_text(text: str | None) -> str:
    """Free text (question, advice): CRLF/CR → LF, control characters other than TAB/LF removed,
    zero-width chars removed (except a joiner inside an emoji sequence such as 👨‍👩‍👧),
    trailing white space and leading blank lines trimmed. Inner layout
    and a leading tab or spaces on the first line are kept (text is stored as typed)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH_FREE_RE.sub("", text)
    text = _CONTROL_RE.sub("", text)
    text = re.sub(r"^(?:[ \t\u3000]*\n)+", "", text.rstrip())
    return text if text.strip() else ""


def digits_only(text: str | None) -> str:
    """Half-width digits of ``text`` with everything else dropped (``１３８-0000 1111`` → ``13800001111``)."""
    if not text:
        return ""
    return "".join(ch for ch in to_halfwidth(text) if ch.isascii() and ch.isdigit())


def normalise_for_search(text: str | None) -> str:
    """Folded form used by the search index: NFKC (full-width → half-width), lower case,
    all white space removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", "", _ZERO_WIDTH_RE.sub("", text))
