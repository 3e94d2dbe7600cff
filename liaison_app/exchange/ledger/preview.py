"""Preview of a ledger sheet: every data row with, per mapped cell, the raw text, what will be
stored, what was normalised and what is wrong — the second step of the import wizard.

Rows that hold nothing in the mapped columns (blank rows, rows with only a pre-printed 序号)
are counted, not shown. Footer rows (合计, 制表人：…), repeated header rows and title rows in the
middle of the data are shown as skipped, with the reason. A vertically merged data cell (one
date for several visitors) applies to every row it spans, noted. A formula saved without its
computed value is flagged and not imported.

The content fingerprint of a row is the SHA-256 of the kind, the point and the cleaned raw
text of every mapped, non-empty field except 序号, so a re-import of the same file — or of the same rows
in another file of any format — is recognised whatever the parsers make of the values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from liaison_app import cooperative
from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.text import clean_text, to_halfwidth
from liaison_app.exchange.ledger.build import BUILDERS, BuildContext
from liaison_app.exchange.ledger.cells import CellResult, CellValue, is_blank, raw_text
from liaison_app.exchange.ledger.fields import NOTES, SEQ, LedgerKind, field_label
from liaison_app.exchange.ledger.headers import HeaderGuess, column_letter, normalise_header
from liaison_app.exchange.ledger.reader import SheetGrid

FOOTER_WORDS = ("合计", "总计", "小计", "制表", "填表", "审核", "负责人", "统计人", "填报", "签字", "签名", "盖章")


class RowStatus(LabeledEnum):
    """What will happen to a previewed row."""

    READY = ("ready", "可导入")
    WARNING = ("warning", "可导入（有提示）")
    ERROR = ("error", "不能导入")
    DUPLICATE = ("duplicate", "重复，跳过")
    SKIPPED = ("skipped", "非数据行，跳过")


@dataclass(frozen=True)
class CellPreview:
    """One mapped cell of a row: ``column`` is the Excel letter, ``raw`` the ledger's text,
    ``shown`` what will be stored; ``notes``/``warnings``/``errors`` as in :class:`CellResult`."""

    field: str
    label: str
    column: str
    raw: str
    shown: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        return "error" if self.errors else "warning" if self.warnings else "note" if self.notes else "ok"


@dataclass(frozen=True)
class PreviewRow:
    """One data row. ``row_number`` is the Excel row (1-based) as the user sees it.

    ``record`` is the domain record that would be stored (Consultation, EducationSession or
    Person), None when the row cannot be imported. ``duplicate``/``skipped`` give the reason
    when the row is left out.
    """

    sheet: str
    row_number: int
    seq: str
    cells: tuple[CellPreview, ...]
    record: object | None
    fingerprint: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    duplicate: str = ""
    skipped: str = ""

    @property
    def status(self) -> RowStatus:
        if self.skipped:
            return RowStatus.SKIPPED
        if self.duplicate:
            return RowStatus.DUPLICATE
        if self.errors or self.record is None or any(c.errors for c in self.cells):
            return RowStatus.ERROR
        if self.warnings or any(c.warnings for c in self.cells):
            return RowStatus.WARNING
        return RowStatus.READY

    @property
    def where(self) -> str:
        """``工作表“3月”第5行（序号3）`` — how messages name the row."""
        return f"工作表“{self.sheet}”第{self.row_number}行" + (f"（序号{self.seq}）" if self.seq else "")

    def problems(self, *, warnings: bool = True) -> list[str]:
        """Errors (and warnings) as ``字段：说明`` sentences, row-level ones first."""
        found = list(self.errors)
        found += [f"{c.label}：{m}" for c in self.cells for m in c.errors]
        if self.skipped:
            found.append(self.skipped)
        if self.duplicate:
            found.append(self.duplicate)
        if warnings:
            found += list(self.warnings)
            found += [f"{c.label}：{m}" for c in self.cells for m in c.warnings]
        return found

    def with_errors(self, row_errors: list[str], cell_errors: Mapping[str, list[str]]) -> "PreviewRow":
        """A copy with validation errors added (cell errors by field key; unknown keys → row)."""
        cells = []
        left = dict(cell_errors)
        for cell in self.cells:
            extra = left.pop(cell.field, [])
            cells.append(replace(cell, errors=cell.errors + tuple(extra)) if extra else cell)
        extra_row = [m for messages in left.values() for m in messages]
        return replace(self, cells=tuple(cells), errors=self.errors + tuple(row_errors) + tuple(extra_row), record=None)


def content_fingerprint(kind: LedgerKind, point_id: str, values: Mapping[str, object]) -> str:
    """SHA-256 (hex) of the kind, point and cleaned raw text of each non-empty mapped field but 序号."""
    parts = [kind.value, point_id]
    for key in sorted(values):
        if key == SEQ:
            continue
        value = values[key]
        cells = value if isinstance(value, tuple) else (value,)
        text = "\u241f".join(to_halfwidth(clean_text(raw_text(v))) for v in cells)  # type: ignore[arg-type]
        if text.strip("\u241f"):  # an empty column mapped or not: same fingerprint
            parts.append(f"{key}={text}")
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def _merged_fill(grid: SheetGrid, start: int) -> dict[tuple[int, int], int]:
    """Data cells covered by a vertical merge → the row holding the value (column's first cell)."""
    fill: dict[tuple[int, int], int] = {}
    for r0, c0, r1, _c1 in grid.merged:
        if r1 > r0 and r0 >= start:
            for row in range(r0 + 1, r1 + 1):
                fill[(row, c0)] = r0
    return fill


def _title_row(grid: SheetGrid, row: int, values: list[CellValue]) -> bool:
    filled = [c for c, v in enumerate(values) if not is_blank(v)]
    if len(filled) != 1:
        return False
    return any(r0 == row and c0 == filled[0] and c1 - c0 >= 2 for r0, c0, _r1, c1 in grid.merged)


def _footer(values: list[CellValue]) -> str:
    texts = [raw_text(v).strip() for v in values if not is_blank(v)]
    if len(texts) <= 3 and any(t.startswith(FOOTER_WORDS) for t in texts):
        return "合计或签名行，跳过：" + " ".join(t.strip() for t in texts)[:40]
    return ""


def sheet_rows(grid: SheetGrid, header: HeaderGuess, mapping: Mapping[int, str | None], kind: LedgerKind,
               ctx: BuildContext) -> tuple[list[PreviewRow], int]:
    """Preview rows of one sheet below ``header`` under ``mapping`` (column → field).

    Returns ``(rows, blank_rows)``. Raises nothing for bad data: every problem is in a row.
    """
    builder = BUILDERS[kind]
    mapped = sorted((col, key) for col, key in mapping.items() if key)
    header_keys = {c.index: c.key for c in header.columns}
    fill = _merged_fill(grid, header.data_start)
    rows: list[PreviewRow] = []
    blank = 0
    for index in range(header.data_start, len(grid.rows)):
        if index % cooperative.EVERY == 0:
            cooperative.pause()  # a GUI thread waiting for the GIL gets it (cooperative.py)
        values_row = grid.rows[index]
        cells: dict[str, object] = {}
        raw_cells: list[tuple[int, str, CellValue, list[str], list[str]]] = []
        for col, key in mapped:
            notes: list[str] = []
            warnings: list[str] = []
            value = grid.cell(index, col)
            if (index, col) in fill and is_blank(value):
                source = fill[(index, col)]
                value = grid.cell(source, col)
                notes.append(f"合并单元格，值取自第{source + 1}行")
            formula = grid.formulas.get((index, col))
            if formula is not None:
                if is_blank(value):
                    warnings.append(f"公式无计算结果（{formula[:40]}），此格未导入，请在Excel中重新计算后保存")
                else:
                    notes.append(f"值由公式 {formula[:40]} 计算得出")
            if key == NOTES:
                cells[NOTES] = tuple(cells.get(NOTES, ())) + (value,)  # type: ignore[arg-type]
            else:
                cells[key] = value
            raw_cells.append((col, key, value, notes, warnings))
        seq = raw_text(cells.get(SEQ)).strip() if SEQ in cells else ""
        content = {k: v for k, v in cells.items() if k != SEQ}
        footer = _footer(list(values_row))
        if not footer and all(all(is_blank(x) for x in (v if isinstance(v, tuple) else (v,))) for v in content.values()):
            blank += 1  # also rows with only a pre-printed 序号
            continue
        row_number = index + 1
        skipped = footer or ("标题或分隔行，跳过" if _title_row(grid, index, list(values_row)) else "")
        same_as_header = sum(1 for col, _k in mapped
                             if header_keys.get(col) and normalise_header(grid.cell(index, col)) == header_keys[col])
        if not skipped and same_as_header >= max(2, len(mapped) // 2):
            skipped = "重复的表头行，跳过"
        fingerprint = content_fingerprint(kind, ctx.point.id, content)
        if skipped:
            previews = tuple(CellPreview(k, field_label(kind, k), column_letter(c), raw_text(v), "")
                             for c, k, v, _n, _w in raw_cells)
            rows.append(PreviewRow(grid.name, row_number, "", previews, None, fingerprint, skipped=skipped))
            continue
        built = builder(cells, ctx)  # type: ignore[arg-type]
        previews = []
        for col, key, value, notes, warnings in raw_cells:
            result = built.results.get(key) or CellResult(raw_text(value))
            if key == SEQ:
                result = CellResult(raw_text(value), seq, seq)
            if key == NOTES and len([k for _c, k, *_ in raw_cells if k == NOTES]) > 1:
                result = CellResult(raw_text(value), None, raw_text(value)[:60])
            previews.append(CellPreview(
                key, field_label(kind, key), column_letter(col), raw_text(value), result.shown,
                tuple(notes) + result.notes, tuple(warnings) + result.warnings, result.errors,
            ))
        rows.append(PreviewRow(
            grid.name, row_number, seq, tuple(previews), built.record, fingerprint,
            notes=tuple(built.notes), warnings=tuple(built.warnings), errors=tuple(built.errors),
            duplicate=built.duplicate,
        ))
    return rows, blank
