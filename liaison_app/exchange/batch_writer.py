"""Write one batch workbook (format ``liaison-batch`` v1, see :mod:`.batch_format`).

openpyxl write-only mode: rows stream to disk, so a month of any size uses little memory.
Every sheet of a write-only workbook has its own stream, so the consultations are written
first (computing the checksum and the figures as they go) and the manifest — the first sheet —
is filled afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from liaison_app.domain import clock
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Category, Consultation
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_summary import MonthSummary
from liaison_app.exchange.xlsx_cells import date_cell, number_cell, text_cell


@dataclass(frozen=True)
class BatchHeader:
    """What the manifest says besides counts and checksum.

    ``exported_at`` is an aware datetime (written as ISO 8601 with +08:00); ``masked`` False
    means visitor names, phones and ID numbers are exported in full.
    """

    batch_id: str
    point_code: str
    point_name: str
    court: str
    period: str
    seq: int
    exported_at: datetime
    app_version: str
    masked: bool = True


@dataclass(frozen=True)
class WrittenBatch:
    """Result of :func:`write_batch`: rows per data sheet, the checksum, notes and the figures."""

    row_counts: dict[str, int]
    checksum: str
    notes: tuple[str, ...]
    summary: MonthSummary


def write_batch(
    path: Path,
    header: BatchHeader,
    consultations: Iterable[Consultation],
    categories: Mapping[str, Category],
) -> WrittenBatch:
    """Write the workbook to ``path`` (overwritten). The caller makes the write atomic.

    Args:
        path: target file (``.xlsx``).
        header: manifest values.
        consultations: the point's records of ``header.period`` in received order, deleted
            ones included (they travel as state 已删除).
        categories: the category dictionary by code (for names and level-1 parents).

    Returns:
        Counts, checksum, notes (text cut to fit a cell) and the month's figures.

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    workbook = Workbook(write_only=True)
    manifest_ws = workbook.create_sheet(fmt.SHEET_MANIFEST)
    consultation_ws = workbook.create_sheet(fmt.SHEET_CONSULTATIONS)
    summary_ws = workbook.create_sheet(fmt.SHEET_SUMMARY)

    checksum = fmt.Checksum()
    summary = MonthSummary(as_of=header.exported_at.astimezone(clock.CHINA_TZ).date())
    notes: list[str] = []
    rows = _write_consultations(consultation_ws, consultations, categories, header.masked,
                                checksum, summary, notes, bold)
    row_counts = {fmt.SHEET_CONSULTATIONS: rows}
    digest = checksum.hexdigest()
    _write_manifest(manifest_ws, header, row_counts, digest, notes, bold)
    _write_summary(summary_ws, header, summary, categories, bold)
    workbook.save(path)
    return WrittenBatch(row_counts, digest, tuple(notes), summary)


def _prepare_sheet(ws: Any, widths: Iterable[float]) -> None:
    """Frozen header row and column widths: write-only sheets need them before the first row."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _write_consultations(ws: Any, records: Iterable[Consultation], categories: Mapping[str, Category],
                         masked: bool, checksum: fmt.Checksum, summary: MonthSummary,
                         notes: list[str], bold: Any) -> int:
    from openpyxl.utils import get_column_letter

    columns = fmt.CONSULTATION_COLUMNS
    _prepare_sheet(ws, (c.width for c in columns))
    ws.append([text_cell(ws, c.header, font=bold)[0] for c in columns])
    checksum.add_header(fmt.SHEET_CONSULTATIONS, columns)
    count = 0
    for record in records:
        category = categories.get(record.category_code)
        values = fmt.consultation_row(record, category.name_zh if category else "", masked=masked)
        cells: list[Any] = []
        stored: list[Any] = []
        for column, value in zip(columns, values):
            if column.kind is fmt.Kind.TEXT:
                cell, fitted = text_cell(ws, value, number_format=column.number_format)
                stored.append(fitted.stored if fitted else None)
                if fitted is not None and fitted.truncated:
                    notes.append(f"记录 {record.id} 的“{column.header}”超出单元格上限，已截断")
            else:
                cell = date_cell(ws, value, column.number_format)
                stored.append(value)
            cells.append(cell)
        ws.append(cells)
        checksum.add_row(fmt.SHEET_CONSULTATIONS, columns, stored)
        summary.add(record, categories)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _write_manifest(ws: Any, header: BatchHeader, row_counts: Mapping[str, int], digest: str,
                    notes: list[str], bold: Any) -> None:
    _prepare_sheet(ws, (18, 72))
    entries: list[tuple[str, str | int]] = [
        (fmt.M_FORMAT_NAME, fmt.FORMAT_NAME),
        (fmt.M_FORMAT_VERSION, fmt.FORMAT_VERSION),
        (fmt.M_BATCH_ID, header.batch_id),
        (fmt.M_POINT_CODE, header.point_code),
        (fmt.M_POINT_NAME, header.point_name),
        (fmt.M_COURT, header.court),
        (fmt.M_PERIOD, header.period),
        (fmt.M_SEQ, header.seq),
        (fmt.M_EXPORTED_AT, clock.to_iso(header.exported_at)),
        (fmt.M_APP_VERSION, header.app_version),
        (fmt.M_PERSONAL, fmt.PERSONAL_MASKED if header.masked else fmt.PERSONAL_FULL),
        *((fmt.M_ROWS_PREFIX + sheet, row_counts[sheet]) for sheet in fmt.DATA_SHEETS),
        (fmt.M_CHECKSUM, digest),
        (fmt.M_NOTES, "；".join(notes) if notes else "无"),
    ]
    ws.append([text_cell(ws, "项目", font=bold)[0], text_cell(ws, "值", font=bold)[0]])
    for label, value in entries:
        value_cell = number_cell(ws, value) if isinstance(value, int) else text_cell(ws, value)[0]
        ws.append([text_cell(ws, label)[0], value_cell])


def _write_summary(ws: Any, header: BatchHeader, summary: MonthSummary,
                   categories: Mapping[str, Category], bold: Any) -> None:
    """Human-readable figures; values, never formulas."""
    _prepare_sheet(ws, (30, 12, 10))
    year, month = clock.parse_period(header.period)

    def line(*values: Any, strong: bool = False, percent_col: int | None = None) -> None:
        cells = []
        for index, value in enumerate(values):
            font = bold if strong else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                fmt_code = "0.0%" if index == percent_col else None
                cells.append(number_cell(ws, value, fmt_code, font=font))
            elif isinstance(value, date):
                cells.append(date_cell(ws, value, fmt.DATE_ONLY, font=font))
            else:
                cells.append(text_cell(ws, value, font=font)[0])
        ws.append(cells)

    def share(part: int, whole: int) -> float | str:
        return part / whole if whole else "—"

    total = summary.consultations
    line(f"{header.point_name}　{year}年{month}月　法律咨询汇总", strong=True)
    line("法律服务人次", summary.legal_service_visits, strong=True)
    line("其中：法律咨询（人次）", total)
    line()
    line("按纠纷类型", "人次", "占比", strong=True)
    for category in categories.values():
        if category.level == 1 and summary.by_category.get(category.code):
            count = summary.by_category[category.code]
            line(category.name_zh, count, share(count, total), percent_col=2)
    for code, count in sorted(summary.by_category.items()):
        if code not in categories:
            line(code, count, share(count, total), percent_col=2)
    line("合计", total, share(total, total), strong=True, percent_col=2)
    line()
    line("按处理方式", "人次", "占比", strong=True)
    for outcome in Outcome:
        count = summary.by_outcome.get(outcome, 0)
        line(outcome.label, count, share(count, total), percent_col=2)
    line()
    line("回访（件件有回复）", "件数", strong=True)
    line("需回访", summary.followups_required)
    line("已回访", summary.followups_done)
    line("逾期未回访", summary.followups_overdue)
    line("待回访（未到期）", summary.followups_pending)
    rate = summary.followup_rate
    line("回访率", rate if rate is not None else "—", percent_col=1)
    line()
    line("说明", strong=True)
    line(f"逾期按导出日 {summary.as_of.isoformat()} 计算；已删除的记录 {summary.deleted} 条不计入以上数字。")
    line("法律服务人次暂只含法律咨询，普法宣讲受众人数待后续版本加入。")
