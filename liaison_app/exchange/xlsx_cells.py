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

import functools
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


class RowCells:
    """The cells of the data rows of one write-only sheet, one reusable cell per column.

    Same cells as :func:`text_cell`, :func:`date_cell` and :func:`number_cell` (text forced to a
    string cell, escaped, cut to fit, quotePrefix when it looks like a formula; real dates;
    numbers), made for thousands of rows: openpyxl writes a cell's XML when its row is appended,
    so each column keeps one cell object with its style and only the value changes row by row
    — no new cell, style lookup or exception per cell (docs/performance.md: the batch export).
    An empty value gives ``None`` (no cell written); the column's format is set on the column
    itself (:meth:`format_columns`), so what is typed into an empty cell later still gets it.

    Use one ``RowCells`` per sheet; pass ``ws.append()`` a list of what the methods return.

    openpyxl's write-only ``append`` also assigns every Cell object it is given to a fresh
    internal cell first, which fails (a ValueError, caught) before it uses the object as is:
    for rows made only of cells and ``None`` this sheet skips that detour (see
    :func:`_install_direct_rows`) — with it the batch export writes 5,000 rows in about 1.2×
    the time of plain openpyxl writing plain values, without it in 1.5×.
    """

    def __init__(self, ws: Any):
        self._ws = ws
        self._cells: dict[tuple[int, str], Any] = {}
        self._text_cells: dict[int, Any] = {}  # the usual text cell of each column
        _install_direct_rows(ws)

    def format_columns(self, number_formats: list[str | None]) -> None:
        """Give each column (1-based in order) its number format; call before the first row."""
        from openpyxl.utils import get_column_letter

        for index, number_format in enumerate(number_formats, start=1):
            if number_format:
                self._ws.column_dimensions[get_column_letter(index)].number_format = number_format

    def text(self, column: int, text: str | None, number_format: str | None) -> tuple[Any, str | None, bool]:
        """``(cell, logical text, truncated)`` for ``text`` in ``column`` (0-based), as
        :func:`text_cell` and :func:`fit_text`; ``(None, None, False)`` when empty."""
        if not text:
            return None, None, False
        if len(text) * 2 <= MAX_CELL_UNITS and _ESCAPE_RE.search(text) is None \
                and not text.startswith(FORMULA_TRIGGERS):
            # The usual case (fit_text's first test passes, no quote prefix): one cell per column.
            cell = self._text_cells.get(column)
            if cell is None:
                cell = self._text_cells[column] = self._cell(column, "t", number_format, False)
            cell.set_text(text)
            return cell, text, False
        fitted = fit_text(text)
        stored, logical, truncated = fitted.stored, fitted.logical, fitted.truncated
        quoted = needs_quote_prefix(logical)
        cell = self._cell(column, "q" if quoted else "t", number_format, quoted)
        cell.set_text(stored)  # a string cell, never a formula or an error code
        return cell, logical, truncated

    def date(self, column: int, value: date | datetime | None, number_format: str) -> Any:
        """The cell for a real date/datetime (naive, China time) or None, as :func:`date_cell`."""
        if value is None:
            return None
        cell = self._cell(column, "d", number_format, False)
        if type(value) in (datetime, date):
            cell.set_date(value)
        else:
            cell.value = value
        return cell

    def number(self, column: int, value: int | float | None, number_format: str | None) -> Any:
        """The cell for a number or None, as :func:`number_cell`."""
        if value is None:
            return None
        cell = self._cell(column, "n", number_format, False)
        cell.value = value
        return cell

    def _cell(self, column: int, variant: str, number_format: str | None, quoted: bool) -> Any:
        key = (column, variant)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = _reusable_cell_class()(self._ws, number_format, quoted)
        return cell


def _install_direct_rows(ws: Any) -> None:
    """Let ``ws.append(row)`` place the Cell objects of a row directly (only rows whose items
    are all Cells or None; any other row takes openpyxl's own path).

    This replaces ``WriteOnlyWorksheet._values_to_row`` (openpyxl 3.1: ``(values, row_idx)``
    → the cells to write, each with its column and row set) on this one worksheet object. A
    version of openpyxl without that method, or with another signature, keeps its own path:
    the export is then slower, never different.
    """
    from openpyxl.cell.cell import Cell

    original = getattr(ws, "_values_to_row", None)
    if original is None or not _direct_rows_supported():
        return

    def values_to_row(values: Any, row_idx: int) -> Any:
        if not all(value is None or isinstance(value, Cell) for value in values):
            yield from original(values, row_idx)
            return
        for col_idx, cell in enumerate(values, 1):
            if cell is not None:
                cell.column = col_idx
                cell.row = row_idx
                yield cell

    ws._values_to_row = values_to_row


@functools.cache
def _direct_rows_supported() -> bool:
    import inspect

    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    method = getattr(WriteOnlyWorksheet, "_values_to_row", None)
    return method is not None and list(inspect.signature(method).parameters) == ["self", "values", "row_idx"]


@functools.cache
def _reusable_cell_class() -> type:
    """An openpyxl ``Cell`` whose style is fixed when it is made (built on first use, so that
    importing this module does not import openpyxl)."""
    from openpyxl.cell.cell import Cell

    class ReusableCell(Cell):  # type: ignore[misc]
        __slots__ = ("_style_id", "_styled")

        def __init__(self, ws: Any, number_format: str | None, quoted: bool):
            super().__init__(ws, row=1, column=1)
            if number_format:
                self.number_format = number_format
            if quoted:
                self.quotePrefix = True
            self._style_id: int | None = None
            self._styled = self._style is not None and any(self._style)

        def set_date(self, value: date | datetime) -> None:
            # What ``cell.value = value`` does for a date or datetime when the cell's number
            # format is already a date format (RowCells.date is given one): data type "d".
            self._value = value
            self.data_type = "d"

        def set_text(self, stored: str) -> None:
            # What ``cell.value = text`` then ``data_type = "s"`` does for text that fit_text
            # has escaped and cut (no illegal character, at most 32,767 units): nothing to check.
            self._value = stored
            self.data_type = "s"

        @property
        def style_id(self) -> int:  # the same for every row: look it up once
            if self._style_id is None:
                self._style_id = Cell.style_id.fget(self)
            return self._style_id

        @property
        def has_style(self) -> bool:  # asked three times per cell written
            return self._styled

        def __repr__(self) -> str:
            # Without _install_direct_rows, openpyxl formats repr(cell) for every Cell object
            # appended (a caught ValueError in WriteOnlyWorksheet._values_to_row): keep it cheap.
            return "<ReusableCell>"

    return ReusableCell
