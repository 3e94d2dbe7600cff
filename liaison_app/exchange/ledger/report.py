"""The report workbook of a ledger import: the rows not imported and why, and the rows imported
with something to check.

Sheets: ``未导入`` (rows with errors, and duplicates, the ledger's raw text of every mapped field — dates
that parsed as YYYY-MM-DD — so the user can fix the rows in this very workbook and import it
again: its column headers are the field names, which the header synonyms recognise, and the
import of a report reads only this sheet), ``已导入需核对`` (rows imported with warnings:
an ID number not stored, a placeholder, a category to check…), and ``说明`` (file, point,
counts, and the footer/title rows that were skipped). Text is always written as text (never a formula, GUIDE §5) through
:mod:`liaison_app.exchange.xlsx_cells`. The report holds the same personal data as the ledger
it comes from: keep it with the ledger.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from liaison_app.errors import UserError
from liaison_app.exchange.ledger.fields import FIELDS, SEQ, LedgerKind
from liaison_app.exchange.ledger.preview import PreviewRow, RowStatus

_FRONT = ("工作表", "行号", "序号", "处理", "问题说明")
REJECTED_SHEET, FLAGGED_SHEET, INFO_SHEET = "未导入", "已导入需核对", "说明"
# Dates that parsed are written as YYYY-MM-DD in the rejected sheet, so a date that needed the
# original sheet's title for its year (3月5日) still reads once the report is imported again.
_DATE_FIELDS = frozenset({"received_date", "held_on", "followup_due", "followup_done"})


def is_report(sheet_names: Sequence[str]) -> bool:
    """True for a workbook written by :func:`write_report` (its 未导入 sheet may be fixed and
    imported again; the other two sheets are not data)."""
    return list(sheet_names) == [REJECTED_SHEET, FLAGGED_SHEET, INFO_SHEET]


@dataclass(frozen=True)
class ReportSummary:
    """The ``说明`` sheet: lines of (label, value)."""

    lines: tuple[tuple[str, str], ...]


def write_report(path: Path, kind: LedgerKind, rows: Sequence[PreviewRow], summary: ReportSummary,
                 *, imported_ids: dict[str, str] | None = None) -> Path:
    """Write the report to ``path`` (replaced atomically). ``rows`` are all previewed rows;
    ``imported_ids`` maps a row fingerprint to the stored record id (for ``已导入需核对``).

    Raises:
        UserError: the folder is not writable or the disk is full.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from liaison_app.exchange.xlsx_cells import text_cell

    imported_ids = imported_ids or {}
    bold = Font(bold=True)
    fields = [f for f in FIELDS[kind] if f.key != SEQ and any(c.field == f.key for r in rows for c in r.cells)]
    book = Workbook(write_only=True)

    def sheet(title: str, chosen: list[PreviewRow], action: str | None) -> None:
        ws = book.create_sheet(title)
        ws.freeze_panes = "A2"
        for letter, width in zip("ABCDE", (12, 7, 7, 16, 60)):
            ws.column_dimensions[letter].width = width
        ws.append([text_cell(ws, h, font=bold)[0] for h in (*_FRONT, *(f.label for f in fields))])
        for row in chosen:
            raws = {c.field: (c.shown if action is None and c.field in _DATE_FIELDS and c.shown and not c.errors
                              else c.raw) for c in row.cells}
            problems = row.problems(warnings=True)
            label = action or row.status.label
            values = [row.sheet, str(row.row_number), row.seq, label, "；\n".join(problems)]
            values += [raws.get(f.key, "") for f in fields]
            ws.append([text_cell(ws, v, number_format="@")[0] for v in values])

    rejected = [r for r in rows if r.status in (RowStatus.ERROR, RowStatus.DUPLICATE)]
    sheet(REJECTED_SHEET, rejected, None)
    flagged = [r for r in rows if r.status is RowStatus.WARNING and r.fingerprint in imported_ids]
    sheet(FLAGGED_SHEET, flagged, "已导入")
    info = book.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 80
    lines = list(summary.lines) + [("跳过的行", f"{r.where}：{r.skipped}") for r in rows if r.status is RowStatus.SKIPPED]
    for label, value in lines:
        info.append([text_cell(info, label, font=bold)[0], text_cell(info, value)[0]])
    return _save(book, path)


def _save(book, path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".report-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
        try:
            book.save(temp_name)
            os.replace(temp_name, path)
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
    except OSError as exc:
        raise UserError(f"无法写入导入报告 {path}：{exc.strerror or exc}") from exc
    return path
