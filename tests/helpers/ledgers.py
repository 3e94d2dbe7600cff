"""Building ledgers the way people make them (Excel/WPS quirks) for the ledger-import tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

# The shared real-world files sit beside the repository (../shared/cases).
from tests.helpers.cases import CASES  # noqa: E402
needs_cases = pytest.mark.skipif(not CASES.exists(), reason="shared/cases not beside the repository")


def expected(case: str) -> dict[str, Any]:
    """The entry of ``shared/cases/expected.json`` for one file."""
    return json.loads((CASES / "expected.json").read_text(encoding="utf-8"))[case]


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]], *, merges: dict[str, list[str]] | None = None,
               formats: dict[str, dict[str, str]] | None = None, hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet per item; ``None`` cells stay empty; ``merges`` like
    ``{"3月": ["A1:I1"]}``; ``formats`` like ``{"3月": {"B5": "@"}}`` (number formats)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = ws.cell(row=r, column=c, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # text stays text, as typed with a leading '
        for ref in (merges or {}).get(name, []):
            ws.merge_cells(ref)
        for ref, fmt in (formats or {}).get(name, {}).items():
            ws[ref].number_format = fmt
        if name in hidden:
            ws.sheet_state = "hidden"
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], *, encoding: str = "gbk", delimiter: str = ",") -> Path:
    """A CSV as Excel on Chinese Windows saves it (GBK by default, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xls(path: Path, sheets: dict[str, list[list[Any]]], *, merges: dict[str, list[tuple[int, int, int, int]]] | None = None) -> Path:
    """A legacy .xls (BIFF8) written with xlwt; skips the test when xlwt is not installed.
    ``merges`` are ``(first_row, last_row, first_col, last_col)``, 0-based (xlwt's order)."""
    xlwt = pytest.importorskip("xlwt")
    from datetime import date, datetime

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        ws = book.add_sheet(name)
        merged = (merges or {}).get(name, [])
        covered = {(r, c) for r0, r1, c0, c1 in merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r0, r1, c0, c1 in merged:
            ws.write_merge(r0, r1, c0, c1, rows[r0][c0])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, (date, datetime)):
                    ws.write(r, c, value, date_style)
                else:
                    ws.write(r, c, value)
    book.save(str(path))
    return path
