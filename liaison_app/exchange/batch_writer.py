"""Write one batch workbook (format ``liaison-batch`` v2, see :mod:`.batch_format`).

openpyxl write-only mode: rows stream to disk, so a month of any size uses little memory.
Every sheet of a write-only workbook has its own stream, so the data sheets are written first
(computing the checksum and the figures as they go) and the manifest — the first sheet — is
filled afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liaison_app import cooperative
from liaison_app.domain import clock
from liaison_app.domain.education import EducationSession
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Category, Consultation
from liaison_app.domain.visits import VolunteerVisit
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_summary import MonthSummary
from liaison_app.exchange.xlsx_cells import RowCells, date_cell, number_cell, text_cell

if TYPE_CHECKING:
    from liaison_app.domain.duty import DutyShift


@dataclass(frozen=True)
class BatchHeader:
    """What the manifest says besides counts and checksum.

    ``exported_at`` is an aware datetime (written as ISO 8601 with +08:00); ``masked`` False
    means visitor names, phones and ID numbers are exported in full. ``key_fingerprint`` is
    the court key's fingerprint ("" when no court key is set: no visitor keys in the batch).
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
    key_fingerprint: str = ""


@dataclass
class BatchRecords:
    """The records of one point and month, each kind in sheet order, deleted ones included.

    ``person_names`` maps person ids to names (speakers, volunteers); ``visitor_key`` gives a
    consultation's pseudonymous key (None: no court key set, the column stays empty).
    """

    consultations: Iterable[Consultation] = ()
    sessions: Iterable[EducationSession] = ()
    visits: Iterable[VolunteerVisit] = ()
    shifts: Iterable[DutyShift] = ()
    person_names: Mapping[str, str] = field(default_factory=dict)
    visitor_key: Callable[[Consultation], str] | None = None


@dataclass(frozen=True)
class WrittenBatch:
    """Result of :func:`write_batch`: rows per data sheet, the checksum, notes and the figures."""

    row_counts: dict[str, int]
    checksum: str
    notes: tuple[str, ...]
    summary: MonthSummary


def write_batch(path: Path, header: BatchHeader, records: BatchRecords,
                categories: Mapping[str, Category]) -> WrittenBatch:
    """Write the workbook to ``path`` (overwritten). The caller makes the write atomic.

    Args:
        path: target file (``.xlsx``).
        header: manifest values.
        records: the point's records of ``header.period``.
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
    sheets = {name: workbook.create_sheet(name) for name in fmt.DATA_SHEETS}
    summary_ws = workbook.create_sheet(fmt.SHEET_SUMMARY)

    writer = _SheetWriter(fmt.Checksum(), bold)
    summary = MonthSummary(as_of=header.exported_at.astimezone(clock.CHINA_TZ).date())
    names = records.person_names

    def consultation_rows() -> Iterable[tuple[Any, ...]]:
        for record in records.consultations:
            category = categories.get(record.category_code)
            key = records.visitor_key(record) if records.visitor_key else ""
            summary.add(record, categories, key)
            yield fmt.consultation_row(record, category.name_zh if category else "", masked=header.masked,
                                       visitor_key=key)

    def session_rows() -> Iterable[tuple[Any, ...]]:
        for session in records.sessions:
            summary.add_session(session)
            yield fmt.session_row(session, [names.get(p, "") for p in session.speaker_ids])

    def visit_rows() -> Iterable[tuple[Any, ...]]:
        for visit in records.visits:
            summary.add_visit(visit)
            yield fmt.visit_row(visit, names.get(visit.person_id, ""))

    def shift_rows() -> Iterable[tuple[Any, ...]]:
        for shift in records.shifts:
            summary.add_shift(shift)
            yield fmt.shift_row(shift, names.get(shift.person_id, ""))

    producers = {fmt.SHEET_CONSULTATIONS: consultation_rows, fmt.SHEET_SESSIONS: session_rows,
                 fmt.SHEET_VISITS: visit_rows, fmt.SHEET_SHIFTS: shift_rows}
    row_counts = {spec.name: writer.data_sheet(sheets[spec.name], spec, producers[spec.name]())
                  for spec in fmt.SHEET_SPECS}
    digest = writer.manifest(manifest_ws, header, row_counts)
    _write_summary(summary_ws, header, summary, categories, bold)
    workbook.save(path)
    return WrittenBatch(row_counts, digest, tuple(writer.notes), summary)


def _prepare_sheet(ws: Any, widths: Iterable[float]) -> None:
    """Frozen header row and column widths: write-only sheets need them before the first row."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


class _SheetWriter:
    """Writes data sheets and the manifest cell by cell, feeding the checksum with the logical
    values a reader will get back."""

    def __init__(self, checksum: fmt.Checksum, bold: Any):
        self.checksum = checksum
        self.bold = bold
        self.notes: list[str] = []

    def data_sheet(self, ws: Any, spec: fmt.SheetSpec, rows: Iterable[tuple[Any, ...]]) -> int:
        from openpyxl.utils import get_column_letter

        columns = spec.columns
        _prepare_sheet(ws, (c.width for c in columns))
        cells = RowCells(ws)
        cells.format_columns([c.number_format for c in columns])  # empty cells keep the format
        ws.append([text_cell(ws, c.header, font=self.bold)[0] for c in columns])
        self.checksum.add_header(spec.name, columns)
        text, numeric = fmt.Kind.TEXT, (fmt.Kind.INTEGER, fmt.Kind.DECIMAL)
        plan = [(index, column, column.kind is text, column.kind in numeric, column.number_format)
                for index, column in enumerate(columns)]
        canonical_text, canonical_value = fmt.canonical_text, fmt.canonical_value
        count = 0
        for values in rows:
            row: list[Any] = []
            canonical: list[str] = []  # what a reader gets back, in checksum form
            for (index, column, is_text, is_number, number_format), value in zip(plan, values):
                if is_text:
                    cell, value, truncated = cells.text(
                        index, value if isinstance(value, str) and value.strip() else "", number_format)
                    if truncated:
                        self.notes.append(f"记录 {values[0]} 的“{column.header}”超出单元格上限，已截断")
                    canonical.append(canonical_text(value) if value else "")
                elif is_number:
                    value = float(value) if isinstance(value, Decimal) else value
                    cell = cells.number(index, value, number_format)
                    canonical.append(canonical_value(value, column.kind))
                else:
                    cell = cells.date(index, value, number_format)
                    canonical.append(canonical_value(value, column.kind))
                row.append(cell)
            ws.append(row)
            self.checksum.add_canonical_row(spec.name, canonical)
            count += 1
            if count % cooperative.EVERY == 0:
                cooperative.pause()  # a GUI thread waiting for the GIL gets it (cooperative.py)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
        return count

    def manifest(self, ws: Any, header: BatchHeader, row_counts: Mapping[str, int]) -> str:
        """Write the manifest (its rows join the checksum) and return the checksum."""
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
            (fmt.M_VISITOR_KEY, fmt.VISITOR_KEY_SET if header.key_fingerprint else fmt.VISITOR_KEY_MISSING),
            (fmt.M_KEY_FINGERPRINT, header.key_fingerprint or "无"),
            *((fmt.M_ROWS_PREFIX + sheet, row_counts[sheet]) for sheet in fmt.DATA_SHEETS),
            (fmt.M_NOTES, "；".join(self.notes) if self.notes else "无"),
        ]
        self.checksum.add_values(fmt.SHEET_MANIFEST, fmt.M_HEADER)
        for label, value in entries:
            self.checksum.add_values(fmt.SHEET_MANIFEST, (label, value))
        digest = self.checksum.hexdigest()
        entries.insert(len(entries) - 1, (fmt.M_CHECKSUM, digest))

        _prepare_sheet(ws, (18, 72))
        ws.append([text_cell(ws, word, font=self.bold)[0] for word in fmt.M_HEADER])
        for label, value in entries:
            value_cell = number_cell(ws, value) if isinstance(value, int) else text_cell(ws, value)[0]
            ws.append([text_cell(ws, label)[0], value_cell])
        return digest


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
    line(f"{header.point_name}　{year}年{month}月　工作汇总", strong=True)
    line("法律服务人次", summary.legal_service_visits, strong=True)
    line("其中：法律咨询（人次）", total)
    line("其中：普法宣讲受众（人次）", summary.audience)
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
    line("来访人（去重）", "人数", strong=True)
    if header.key_fingerprint:
        line("不同来访人", len(summary.visitor_keys))
        line("无身份证号和电话、无法去重的咨询", summary.keyless_consultations)
    else:
        line("未设置法院密钥：本批次没有来访人标识，法院无法跨联系点统计来访人数和重复来访。")
    line()
    line("普法宣讲", "数量", strong=True)
    line("宣讲场次", summary.sessions)
    line("受众人数", summary.audience)
    line("线上观看人次（不计入法律服务人次）", summary.views)
    line()
    line("志愿服务", "数量", strong=True)
    line("志愿服务人次", summary.visits)
    line("服务时长（小时）", float(Decimal(summary.visit_tenths) / 10))
    line()
    line("值班", "班次", strong=True)
    for state, count in summary.shifts.items():
        line(state, count)
    if not summary.shifts:
        line("本月无值班记录", 0)
    line()
    line("说明", strong=True)
    line(f"逾期按导出日 {summary.as_of.isoformat()} 计算；已删除的记录 {summary.deleted} 条不计入以上数字。")
    line("法律服务人次 = 法律咨询人次 + 普法宣讲现场受众人数；线上观看人次单列，不计入。")
