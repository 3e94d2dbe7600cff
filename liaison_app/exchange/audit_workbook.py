"""The audit trail (审计记录) as an xlsx workbook: one row per entry, Chinese headers, frozen
first row, real date-times, every text a literal string cell (formula-safe, see xlsx_cells)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from liaison_app.domain import clock
from liaison_app.domain.accounts import AccountRole
from liaison_app.domain.audit import ACTION_LABELS, TABLE_LABELS, AuditEntry, describe_changes
from liaison_app.exchange.xlsx_cells import date_cell, number_cell, text_cell

HEADERS = ("序号", "时间", "用户", "角色", "操作", "记录类型", "记录编号", "改动（原值 → 新值）", "备注")
WIDTHS = (8, 18, 12, 8, 14, 12, 38, 80, 30)


def _role_label(code: str) -> str:
    try:
        return AccountRole(code).label
    except ValueError:
        return code


def write_audit_workbook(path: Path, entries: Iterable[AuditEntry], *, title: str = "审计记录",
                         generated_at: datetime | None = None) -> int:
    """Write ``entries`` to ``path`` (overwritten; the caller makes it atomic) and return the
    number of rows. Personal values in the entries are already masked.

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.append([text_cell(ws, h, font=bold)[0] for h in HEADERS])
    count = 0
    for entry in entries:
        at = clock.from_iso(entry.at)
        ws.append([
            number_cell(ws, entry.id),
            date_cell(ws, at.astimezone(clock.CHINA_TZ).replace(tzinfo=None), "yyyy-mm-dd hh:mm:ss"),
            text_cell(ws, entry.user_name)[0],
            text_cell(ws, _role_label(entry.user_role))[0],
            text_cell(ws, ACTION_LABELS.get(entry.action, entry.action))[0],
            text_cell(ws, TABLE_LABELS.get(entry.table_name, entry.table_name))[0],
            text_cell(ws, entry.record_id, number_format="@")[0],
            text_cell(ws, describe_changes(entry.changes))[0],
            text_cell(ws, entry.note)[0],
        ])
        count += 1
    info = workbook.create_sheet("说明")
    stamp = generated_at or clock.now()
    for line in (
        f"{title}，导出于 {clock.format_datetime_zh(stamp)}，共 {count} 条。",
        "审计记录只能追加，不能在软件中修改或删除。",
        "个人信息（来访人姓名、电话、身份证号）在审计记录中只以脱敏形式出现，如 张*、138****1234。",
    ):
        info.append([text_cell(info, line)[0]])
    workbook.save(str(path))
    return count
