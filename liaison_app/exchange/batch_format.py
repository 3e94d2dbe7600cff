"""The monthly batch workbook, format ``liaison-batch`` version 1: sheets, columns, checksum.

The written description for people is ``docs/batch-format.md``; this module is the definition the
code uses, so the writer (and later the court's merge) cannot drift apart. Header words are part
of the file format (a data contract with the court), so they are not run through translation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import SpecialGroup
from liaison_app.domain.identity import mask_name, mask_phone
from liaison_app.domain.records import Consultation
from liaison_app.exchange.xlsx_cells import unescape_text

FORMAT_NAME = "liaison-batch"
FORMAT_VERSION = 1

SHEET_MANIFEST = "批次信息"
SHEET_CONSULTATIONS = "法律咨询"
SHEET_SUMMARY = "汇总"
# Sheets whose rows are records (counted in the manifest and covered by the checksum), in order.
DATA_SHEETS = (SHEET_CONSULTATIONS,)

STATE_ACTIVE = "有效"
STATE_DELETED = "已删除"
PERSONAL_MASKED = "已脱敏"
PERSONAL_FULL = "完整"


class Kind(str, Enum):
    """How a column's values are stored in the sheet."""

    TEXT = "text"          # string cell (number format "@"); empty = no value
    DATETIME = "datetime"  # Excel date serial with a time, China local time (+08:00), to the second
    DATE = "date"          # Excel date serial, no time


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: header word, kind, Excel width (characters), number format."""

    header: str
    kind: Kind
    width: float
    number_format: str = "@"


DATETIME_MINUTES = "yyyy-mm-dd hh:mm"
DATETIME_SECONDS = "yyyy-mm-dd hh:mm:ss"
DATE_ONLY = "yyyy-mm-dd"

CONSULTATION_COLUMNS: tuple[Column, ...] = (
    Column("记录编号", Kind.TEXT, 38),
    Column("接待时间", Kind.DATETIME, 17, DATETIME_MINUTES),
    Column("接待方式", Kind.TEXT, 9),
    Column("接待人", Kind.TEXT, 10),
    Column("来访人", Kind.TEXT, 10),
    Column("性别", Kind.TEXT, 7),
    Column("年龄段", Kind.TEXT, 12),
    Column("联系电话", Kind.TEXT, 14),
    Column("身份证号", Kind.TEXT, 21),
    Column("证件情况", Kind.TEXT, 10),
    Column("村/社区", Kind.TEXT, 14),
    Column("特殊群体", Kind.TEXT, 16),
    Column("纠纷类型编码", Kind.TEXT, 13),
    Column("纠纷类型", Kind.TEXT, 22),
    Column("分类版本", Kind.TEXT, 14),
    Column("咨询事项", Kind.TEXT, 50),
    Column("答复意见", Kind.TEXT, 60),
    Column("处理方式", Kind.TEXT, 11),
    Column("转介去向", Kind.TEXT, 22),
    Column("回访期限", Kind.DATE, 12, DATE_ONLY),
    Column("回访日期", Kind.DATE, 12, DATE_ONLY),
    Column("答复情况", Kind.TEXT, 40),
    Column("纸质登记表编号", Kind.TEXT, 20),
    Column("更新时间", Kind.DATETIME, 20, DATETIME_SECONDS),
    Column("状态", Kind.TEXT, 8),
)

SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {SHEET_CONSULTATIONS: CONSULTATION_COLUMNS}

# Manifest labels (column 项目), in the order they are written.
M_FORMAT_NAME = "格式名称"
M_FORMAT_VERSION = "格式版本"
M_BATCH_ID = "批次编号"
M_POINT_CODE = "联系点编码"
M_POINT_NAME = "联系点名称"
M_COURT = "所属法院"
M_PERIOD = "统计月份"
M_SEQ = "序号"
M_EXPORTED_AT = "导出时间"
M_APP_VERSION = "软件版本"
M_PERSONAL = "个人信息"
M_ROWS_PREFIX = "各表行数："  # followed by the data sheet's name, one row per data sheet
M_CHECKSUM = "数据校验"
M_NOTES = "导出说明"


def local_naive(moment: datetime) -> datetime:
    """``moment`` in China time without tzinfo, to the second (Excel cannot store an offset)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TZ).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def special_groups_text(groups: Iterable[SpecialGroup]) -> str:
    """Labels joined with 、 in the dictionary's order (老年人、妇女)."""
    chosen = set(groups)
    return "、".join(g.label for g in SpecialGroup if g in chosen)


def consultation_row(record: Consultation, category_name: str, *, masked: bool) -> tuple[Any, ...]:
    """Values of one row of the 法律咨询 sheet, in :data:`CONSULTATION_COLUMNS` order.

    Text columns give ``str`` ("" when empty), date columns ``date``/None, datetime columns a
    naive China-time ``datetime``. With ``masked`` the visitor's name and phone are masked
    (张*, 138****1234) and the ID number is left out (个人信息保护法: minimum necessary).
    """
    assert record.updated_at is not None
    return (
        record.id,
        local_naive(record.received_at),
        record.mode.label,
        record.receiver_name,
        mask_name(record.visitor_name) if masked else record.visitor_name,
        record.gender.label,
        record.age_band.label,
        mask_phone(record.phone) if masked else record.phone,
        "" if masked else record.id_number,
        record.id_status.label,
        record.village,
        special_groups_text(record.special_groups),
        record.category_code,
        category_name,
        record.category_dict_version,
        record.question,
        record.advice,
        record.outcome.label,
        record.referral_target,
        record.followup_due,
        record.followup_done,
        record.followup_note,
        record.paper_form_no,
        local_naive(record.updated_at),
        STATE_DELETED if record.deleted else STATE_ACTIVE,
    )


# -- checksum -----------------------------------------------------------------------------------

def canonical_value(value: Any, kind: Kind) -> str:
    """The checksum form of one cell value as read back from the sheet (or as written).

    TEXT: the text after OOXML unescaping (numbers, should a program have typed one in, as
    ``str``); DATETIME: ``YYYY-MM-DD HH:MM:SS`` rounded to the second; DATE: ``YYYY-MM-DD``
    (a reader gets a datetime at midnight — the time part is dropped); empty/None: ``""``.
    """
    if value is None or value == "":
        return ""
    if kind is Kind.DATETIME and isinstance(value, datetime):
        return (value + timedelta(microseconds=500_000)).strftime("%Y-%m-%d %H:%M:%S")
    if kind is Kind.DATE and isinstance(value, (date, datetime)):
        day = value.date() if isinstance(value, datetime) else value
        return day.isoformat()
    if isinstance(value, str):
        return unescape_text(value)
    return str(value)


def _json_line(values: Sequence[str]) -> bytes:
    return (json.dumps(list(values), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Checksum:
    """Incremental SHA-256 over the data sheets (see docs/batch-format.md, “数据校验”).

    For each data sheet in :data:`DATA_SHEETS` order, one JSON line ``[sheet, header…]`` and then
    one JSON line ``[sheet, value…]`` per data row, values in :func:`canonical_value` form;
    JSON without spaces, non-ASCII unescaped, each line ending in LF, UTF-8.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def add_header(self, sheet: str, columns: Sequence[Column]) -> None:
        self._hash.update(_json_line([sheet, *(c.header for c in columns)]))

    def add_row(self, sheet: str, columns: Sequence[Column], values: Sequence[Any]) -> None:
        self._hash.update(_json_line([sheet, *(canonical_value(v, c.kind) for c, v in zip(columns, values))]))

    def hexdigest(self) -> str:
        """64 lower-case hex digits."""
        return self._hash.hexdigest()


def sheet_checksum(sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]]) -> str:
    """Checksum of whole data sheets given as ``(name, rows)`` (rows without the header, in the
    sheet's order, values as read back). Used to verify a workbook; raises KeyError for an
    unknown sheet name. Non-empty cells beyond the defined columns are hashed too, so a value
    typed next to the data makes the checksum fail."""
    digest = Checksum()
    for name, rows in sheets:
        columns = SHEET_COLUMNS[name]
        digest.add_header(name, columns)
        for row in rows:
            values = list(row)
            extra = values[len(columns):]
            while extra and (extra[-1] is None or extra[-1] == ""):
                extra.pop()  # trailing empty cells beyond the defined columns do not count
            values = values[: len(columns)] + [None] * (len(columns) - len(values))
            extra_columns = [Column("", Kind.TEXT, 0)] * len(extra)
            digest.add_row(name, [*columns, *extra_columns], [*values, *extra])
    return digest.hexdigest()
