"""What one ledger cell turned into: the value to store, and what was done or found on the way.

Every parser in :mod:`.values`, :mod:`.dates` and :mod:`.words` returns a :class:`CellResult`, so
the import wizard can show, per cell, the raw text, what will be stored, what was normalised
(``notes``), what the user should check (``warnings``: the row is still importable, a doubtful
value is NOT stored) and what stops the row (``errors``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

# What a spreadsheet reader can hand us for one cell (calamine, csv, openpyxl).
CellValue = str | int | float | bool | date | datetime | time | timedelta | None


@dataclass(frozen=True)
class CellResult:
    """Outcome of parsing one cell.

    Attributes:
        raw: the cell as text, exactly as the ledger had it ('' for an empty cell); kept in the
            preview and the report so nothing unparseable is lost.
        value: the parsed value (type depends on the parser); None = nothing to store.
        shown: short display of what will be stored (for the preview table).
        notes: normalisations applied (full-width → half-width, date parsed…), Chinese.
        warnings: doubtful input; the row may be imported, the doubtful part is not stored.
        errors: the row cannot be imported until this is fixed.
    """

    raw: str
    value: Any = None
    shown: str = ""
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``"error"``, ``"warning"``, ``"note"`` or ``"ok"`` — the worst thing found."""
        if self.errors:
            return "error"
        if self.warnings:
            return "warning"
        if self.notes:
            return "note"
        return "ok"

    def with_note(self, message: str) -> "CellResult":
        return replace(self, notes=self.notes + (message,))

    def with_warning(self, message: str) -> "CellResult":
        return replace(self, warnings=self.warnings + (message,))

    def with_error(self, message: str) -> "CellResult":
        return replace(self, errors=self.errors + (message,))


def is_blank(value: CellValue) -> bool:
    """True for None, '' and text made only of white space (NBSP, U+3000, zero-width…)."""
    if value is None:
        return True
    if isinstance(value, str):
        from liaison_app.domain.text import clean_line

        return not clean_line(value)
    return False


def raw_text(value: CellValue) -> str:
    """The cell as a person would read it in Excel: integral floats without ``.0``, big numbers
    in Excel's scientific form (``3.10101196504099E+17``), dates as ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) >= 1e15:
            return f"{value:.15G}"  # Excel keeps 15 significant digits
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if (value.hour or value.minute) else value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def as_number(value: CellValue) -> int | float | None:
    """The number in a numeric cell (bools are not numbers); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value
