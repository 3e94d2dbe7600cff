"""Safe cell values for xlsx files written with openpyxl: text stays text, dates stay dates.

Why this module exists (GUIDE §5, checked on openpyxl 3.1.5):

* openpyxl turns any ``str`` starting with ``=`` into a formula (``data_type == 'f'``) and a
  ``str`` equal to an error code (``#N/A``) into an error cell. Free text from users must be
  forced to a string cell — :func:`text_cell` sets ``data_type = 's'`` after assignment.
* Text starting with ``=``, ``+``, ``-``, ``@``, TAB or CR also gets Excel's *quotePrefix* style
  (what Excel itself stores when someone types ``'=…``), so editing the cell in Excel or WPS
  keeps it as text instead of turning it into a live formula.
* XML 1.0 cannot carry most control characters (openpyxl raises ``IllegalCharacterError``), and
  an XML parser turns a literal CR into LF. OOXML's own escape (ECMA-376 Part 1, §22.9.2.19
  ST_Xstring) writes such a character as ``_xHHHH_`` — exactly what Excel writes (see
  ``shared/cases/C04…`` and ``C29…``). :func:`escape_text` does the same; :func:`unescape_text`
  is its exact inverse (a literal ``_xHHHH_`` in the text is protected as ``_x005F_xHHHH_``).
  Note that openpyxl does NOT unescape on reading: a reader must call :func:`unescape_text`.
* A cell holds at most 32,767 characters, counted by Excel in UTF-16 code units (a character
  outside the BMP such as 𠮷 counts twice). openpyxl silently cuts longer text; we cut it
  ourselves, visibly, and report it (:class:`CellText`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Excel's limit for the text of one cell, in UTF-16 code units.
MAX_CELL_UNITS = 32_767
# Appended to text that had to be cut to fit one cell.
TRUNCATION_MARK = "…〔超出Excel单元格32767字上限，以下已截断〕"
# First characters that make Excel/WPS/LibreOffice treat typed input as a formula (OWASP CSV
# injection list); Excel sets quotePrefix on text cells that start with one of them.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot carry, plus CR (an XML parser would turn it into LF), the two
# non-characters U+FFFE/U+FFFF and lone surrogates.
_MUST_ESCAPE = "\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff\ud800-\udfff"
# A "_" that a reader would take as the start of an escape: "_xHHHH_", or "_xHHHH" followed by
# a character that is about to be escaped itself (its escape begins with "_").
_ESCAPE_RE = re.compile(f"_(?=x[0-9A-Fa-f]{{4}}(?:_|[{_MUST_ESCAPE}]))|[{_MUST_ESCAPE}]")
_UNESCAPE_RE = re.compile("_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    """OOXML-escape ``text`` for a cell: control characters, CR, U+FFFE/U+FFFF → ``_xHHHH_``;
    a literal ``_xHHHH_`` keeps its meaning through ``_x005F_``. TAB and LF stay as they are.

    ``unescape_text(escape_text(t)) == t`` for every string ``t``.
    """
    if not _ESCAPE_RE.search(text):
        return text
    return _ESCAPE_RE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """Undo OOXML ``_xHHHH_`` escapes (what Excel does on load and openpyxl does not)."""
    if "_x" not in text:
        return text
    return _UNESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


def utf16_units(text: str) -> int:
    """Length of ``text`` as Excel counts it (UTF-16 code units)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def needs_quote_prefix(text: str) -> bool:
    """True if ``text`` (logical, unescaped) would be read as a formula when typed into Excel."""
    return text.startswith(FORMULA_TRIGGERS)


@dataclass(frozen=True)
class CellText:
    """The text to store in one cell.

    Attributes:
        stored: escaped text, at most :data:`MAX_CELL_UNITS` UTF-16 units.
        logical: what a reader gets back after :func:`unescape_text` (== the input unless cut).
        truncated: True if the input did not fit and was cut (``logical`` ends with
            :data:`TRUNCATION_MARK`).
    """

    stored: str
    logical: str
    truncated: bool


def fit_text(text: str) -> CellText:
    """Escape ``text`` and, if it is longer than one cell can hold, cut it at a character
    boundary and append :data:`TRUNCATION_MARK` so the cut is visible."""
    stored = escape_text(text)
    if len(stored) * 2 <= MAX_CELL_UNITS or utf16_units(stored) <= MAX_CELL_UNITS:
        return CellText(stored, text, False)

    def fits(keep: int) -> bool:
        return utf16_units(escape_text(text[:keep] + TRUNCATION_MARK)) <= MAX_CELL_UNITS

    low, high = 0, min(len(text), MAX_CELL_UNITS)
    while low < high:  # largest prefix that fits (fits() is monotone except in freak cases)
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    while low > 0 and not fits(low):
        low -= 1
    logical = text[:low] + TRUNCATION_MARK
    return CellText(escape_text(logical), logical, True)


def text_cell(ws: Any, text: str | None, *, number_format: str | None = None,
              font: Any = None) -> tuple[Any, CellText | None]:
    """A write-only cell holding ``text`` as a literal string (never a formula or an error).

    Args:
        ws: the openpyxl write-only worksheet the cell goes into.
        text: logical text; None or "" gives an empty cell.
        number_format: e.g. ``"@"`` (Text) so later typing in Excel stays text.
        font: an openpyxl ``Font`` or None.

    Returns:
        ``(cell, fitted)``; ``fitted`` is None for an empty cell.
    """
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    if font is not None:
        cell.font = font
    if number_format:
        cell.number_format = number_format
    if not text:
        return cell, None
    fitted = fit_text(text)
    cell.value = fitted.stored  # may bind as 'f' (formula) or 'e' (error code) ...
    cell.data_type = "s"        # ... so force a string cell, always
    if needs_quote_prefix(fitted.logical):
        cell.quotePrefix = True
    return cell, fitted


def date_cell(ws: Any, value: date | datetime | None, number_format: str, *, font: Any = None) -> Any:
    """A write-only cell holding a real Excel date/datetime (naive, China local time) with
    ``number_format`` (e.g. ``"yyyy-mm-dd"``); empty for None.

    Aware datetimes must be converted by the caller (Excel has no time zones; openpyxl refuses them).
    """
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    if font is not None:
        cell.font = font
    if value is not None:
        cell.value = value
        cell.number_format = number_format
    return cell


def number_cell(ws: Any, value: int | float | None, number_format: str | None = None, *, font: Any = None) -> Any:
    """A write-only numeric cell (counts, shares)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if number_format:
        cell.number_format = number_format
    return cell
