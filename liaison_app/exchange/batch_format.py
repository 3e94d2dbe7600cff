"""The monthly batch workbook, format ``liaison-batch`` version 2: sheets, columns, checks, checksum.

The written description for people is ``docs/batch-format.md``; this module is the definition the
code uses, so the writer (:mod:`.batch_writer`) and the court's reader (:mod:`.batch_reader`,
:mod:`.batch_checks`) cannot drift apart. Header words are part of the file format (a data
contract with the court), so they are not run through translation.

Each data column carries, besides its header, kind, width and number format, what the court's
merge checks (required, allowed words, date inside the month, smallest number) and the column
name (``key``) it is stored under in the court database.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from json.encoder import encode_basestring as _encode_json_string
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.identity import mask_name, mask_phone
from liaison_app.domain.people import HalfDay
from liaison_app.domain.records import Consultation
from liaison_app.domain.visits import Activity, VolunteerVisit, tenths_of_hour

if TYPE_CHECKING:
    from liaison_app.domain.duty import DutyShift

FORMAT_NAME = "liaison-batch"
FORMAT_VERSION = 2

SHEET_MANIFEST = "批次信息"
SHEET_CONSULTATIONS = "法律咨询"
SHEET_SESSIONS = "普法宣讲"
SHEET_VISITS = "志愿服务记录"
SHEET_SHIFTS = "值班表"
SHEET_SUMMARY = "汇总"
# Sheets whose rows are records (counted in the manifest, checked and checksummed), in order.
DATA_SHEETS = (SHEET_CONSULTATIONS, SHEET_SESSIONS, SHEET_VISITS, SHEET_SHIFTS)

STATE_ACTIVE = "有效"
STATE_DELETED = "已删除"
STATES = (STATE_ACTIVE, STATE_DELETED)
PERSONAL_MASKED = "已脱敏"
PERSONAL_FULL = "完整"
VISITOR_KEY_SET = "已生成"
VISITOR_KEY_MISSING = "未设置法院密钥"
LIST_SEPARATOR = "、"


class Kind(str, Enum):
    """How a column's values are stored in the sheet."""

    TEXT = "text"          # string cell (number format "@"); empty = no value
    DATETIME = "datetime"  # Excel date serial with a time, China local time (+08:00), to the second
    DATE = "date"          # Excel date serial, no time
    TIME = "time"          # Excel time (fraction of a day), to the minute
    INTEGER = "integer"    # whole number
    DECIMAL = "decimal"    # number with one decimal (service hours)


@dataclass(frozen=True)
class Column:
    """One column of a data sheet.

    Attributes:
        header: the header word in row 1 (exact).
        kind: how values are stored.
        width: Excel column width (characters).
        number_format: Excel number format of the cells.
        key: name of the value in a read row and of the court database column.
        required: an empty cell is an error.
        choices: allowed words (empty = any text).
        multi: several of ``choices`` joined with 、.
        in_period: the date must lie in the batch's month.
        minimum: smallest allowed number (INTEGER/DECIMAL).
    """

    header: str
    kind: Kind
    width: float
    number_format: str = "@"
    key: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    multi: bool = False
    in_period: bool = False
    minimum: int | None = None


@dataclass(frozen=True)
class SheetSpec:
    """A data sheet: its name, columns and the court table its rows are merged into."""

    name: str
    columns: tuple[Column, ...]
    table: str

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


DATETIME_MINUTES = "yyyy-mm-dd hh:mm"
DATETIME_SECONDS = "yyyy-mm-dd hh:mm:ss"
DATE_ONLY = "yyyy-mm-dd"
TIME_ONLY = "hh:mm"
INTEGER_FORMAT = "0"
DECIMAL_FORMAT = "0.0"


def _labels(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(member.label for member in enum)


def _id() -> Column:
    return Column("记录编号", Kind.TEXT, 38, key="id", required=True)


def _updated() -> Column:
    return Column("更新时间", Kind.DATETIME, 20, DATETIME_SECONDS, key="updated_at", required=True)


def _state() -> Column:
    return Column("状态", Kind.TEXT, 8, key="state", required=True, choices=STATES)


CONSULTATION_COLUMNS: tuple[Column, ...] = (
    _id(),
    Column("接待时间", Kind.DATETIME, 17, DATETIME_MINUTES, key="received_at", required=True, in_period=True),
    Column("接待方式", Kind.TEXT, 9, key="mode", required=True, choices=_labels(Mode)),
    Column("接待人", Kind.TEXT, 10, key="receiver_name"),
    Column("来访人", Kind.TEXT, 10, key="visitor_name"),
    Column("性别", Kind.TEXT, 7, key="gender", required=True, choices=_labels(Gender)),
    Column("年龄段", Kind.TEXT, 12, key="age_band", required=True, choices=_labels(AgeBand)),
    Column("联系电话", Kind.TEXT, 14, key="phone"),
    Column("身份证号", Kind.TEXT, 21, key="id_number"),
    Column("证件情况", Kind.TEXT, 10, key="id_status", required=True, choices=_labels(IdStatus)),
    Column("来访人标识", Kind.TEXT, 20, key="visitor_key"),
    Column("村/社区", Kind.TEXT, 14, key="village"),
    Column("特殊群体", Kind.TEXT, 16, key="special_groups", choices=_labels(SpecialGroup), multi=True),
    Column("纠纷类型编码", Kind.TEXT, 13, key="category_code", required=True),
    Column("纠纷类型", Kind.TEXT, 22, key="category_name"),
    Column("分类版本", Kind.TEXT, 14, key="dict_version"),
    Column("咨询事项", Kind.TEXT, 50, key="question"),
    Column("答复意见", Kind.TEXT, 60, key="advice"),
    Column("处理方式", Kind.TEXT, 11, key="outcome", required=True, choices=_labels(Outcome)),
    Column("转介去向", Kind.TEXT, 22, key="referral_target"),
    Column("回访期限", Kind.DATE, 12, DATE_ONLY, key="followup_due"),
    Column("回访日期", Kind.DATE, 12, DATE_ONLY, key="followup_done"),
    Column("答复情况", Kind.TEXT, 40, key="followup_note"),
    Column("纸质登记表编号", Kind.TEXT, 20, key="paper_form_no"),
    _updated(),
    _state(),
)

SESSION_COLUMNS: tuple[Column, ...] = (
    _id(),
    Column("宣讲日期", Kind.DATE, 12, DATE_ONLY, key="held_on", required=True, in_period=True),
    Column("开始时间", Kind.TIME, 9, TIME_ONLY, key="start_time", required=True),
    Column("结束时间", Kind.TIME, 9, TIME_ONLY, key="end_time", required=True),
    Column("宣讲形式", Kind.TEXT, 16, key="form", required=True, choices=_labels(SessionForm)),
    Column("宣讲地点", Kind.TEXT, 24, key="place"),
    Column("宣讲主题", Kind.TEXT, 36, key="topic"),
    Column("宣讲人", Kind.TEXT, 18, key="speakers"),
    Column("受众人数", Kind.INTEGER, 9, INTEGER_FORMAT, key="audience", required=True, minimum=0),
    Column("观看人次", Kind.INTEGER, 9, INTEGER_FORMAT, key="views", minimum=0),
    Column("发放资料份数", Kind.INTEGER, 12, INTEGER_FORMAT, key="materials", required=True, minimum=0),
    Column("资料说明", Kind.TEXT, 20, key="materials_note"),
    Column("典型案例", Kind.TEXT, 30, key="cases"),
    Column("备注", Kind.TEXT, 30, key="notes"),
    _updated(),
    _state(),
)

VISIT_COLUMNS: tuple[Column, ...] = (
    _id(),
    Column("服务日期", Kind.DATE, 12, DATE_ONLY, key="visited_on", required=True, in_period=True),
    Column("到达时间", Kind.TIME, 9, TIME_ONLY, key="arrival", required=True),
    Column("离开时间", Kind.TIME, 9, TIME_ONLY, key="departure", required=True),
    Column("志愿者", Kind.TEXT, 10, key="volunteer", required=True),
    Column("服务分钟", Kind.INTEGER, 9, INTEGER_FORMAT, key="minutes", required=True, minimum=1),
    Column("服务时长（小时）", Kind.DECIMAL, 14, DECIMAL_FORMAT, key="hours", required=True, minimum=0),
    Column("服务内容", Kind.TEXT, 24, key="activities", choices=_labels(Activity), multi=True),
    Column("接待咨询条数", Kind.INTEGER, 12, INTEGER_FORMAT, key="consultations", required=True, minimum=0),
    Column("参加宣讲场数", Kind.INTEGER, 12, INTEGER_FORMAT, key="sessions", required=True, minimum=0),
    Column("备注", Kind.TEXT, 30, key="notes"),
    _updated(),
    _state(),
)

SHIFT_COLUMNS: tuple[Column, ...] = (
    _id(),
    Column("日期", Kind.DATE, 12, DATE_ONLY, key="day", required=True, in_period=True),
    Column("时段", Kind.TEXT, 7, key="half", required=True, choices=_labels(HalfDay)),
    Column("志愿者", Kind.TEXT, 10, key="volunteer", required=True),
    Column("值班状态", Kind.TEXT, 10, key="shift_state", required=True, choices=_labels(ShiftState)),
    _updated(),
    _state(),
)

SHEET_SPECS: tuple[SheetSpec, ...] = (
    SheetSpec(SHEET_CONSULTATIONS, CONSULTATION_COLUMNS, "court_consultation"),
    SheetSpec(SHEET_SESSIONS, SESSION_COLUMNS, "court_session"),
    SheetSpec(SHEET_VISITS, VISIT_COLUMNS, "court_visit"),
    SheetSpec(SHEET_SHIFTS, SHIFT_COLUMNS, "court_shift"),
)
SPEC_BY_NAME: dict[str, SheetSpec] = {spec.name: spec for spec in SHEET_SPECS}
SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {spec.name: spec.columns for spec in SHEET_SPECS}

# Manifest labels (column 项目), in the order they are written.
M_HEADER = ("项目", "值")
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
M_VISITOR_KEY = "来访人标识"
M_KEY_FINGERPRINT = "法院密钥指纹"
M_ROWS_PREFIX = "各表行数："  # followed by the data sheet's name, one row per data sheet
M_CHECKSUM = "数据校验"
M_NOTES = "导出说明"

POINT_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")


def local_naive(moment: datetime) -> datetime:
    """``moment`` in China time without tzinfo, to the second (Excel cannot store an offset)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TZ).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def labels_text(members: Iterable[Any], order: Iterable[Any]) -> str:
    """Labels of ``members`` joined with 、 in the enum's order (老年人、妇女)."""
    chosen = set(members)
    return LIST_SEPARATOR.join(m.label for m in order if m in chosen)


def special_groups_text(groups: Iterable[SpecialGroup]) -> str:
    """Labels joined with 、 in the dictionary's order (老年人、妇女)."""
    return labels_text(groups, SpecialGroup)


def _state_of(deleted: bool) -> str:
    return STATE_DELETED if deleted else STATE_ACTIVE


def consultation_row(record: Consultation, category_name: str, *, masked: bool,
                     visitor_key: str = "") -> tuple[Any, ...]:
    """Values of one row of the 法律咨询 sheet, in :data:`CONSULTATION_COLUMNS` order.

    Text columns give ``str`` ("" when empty), date columns ``date``/None, datetime columns a
    naive China-time ``datetime``. With ``masked`` the visitor's name and phone are masked
    (张*, 138****1234) and the ID number is left out (个人信息保护法: minimum necessary).
    ``visitor_key`` is the pseudonymous key (:mod:`liaison_app.domain.pseudonym`) or "".
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
        visitor_key,
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
        _state_of(record.deleted),
    )


def session_row(session: EducationSession, speaker_names: Sequence[str]) -> tuple[Any, ...]:
    """Values of one row of the 普法宣讲 sheet (speakers by name, in the order given)."""
    assert session.updated_at is not None
    return (
        session.id,
        session.held_on,
        session.start_time.replace(second=0, microsecond=0),
        session.end_time.replace(second=0, microsecond=0),
        session.form.label,
        session.place,
        session.topic,
        LIST_SEPARATOR.join(speaker_names),
        session.audience,
        session.views,
        session.materials,
        session.materials_note,
        "\n".join(session.cases),
        session.notes,
        local_naive(session.updated_at),
        _state_of(session.deleted),
    )


def visit_row(visit: VolunteerVisit, volunteer_name: str) -> tuple[Any, ...]:
    """Values of one row of the 志愿服务记录 sheet (hours rounded per visit, one decimal)."""
    assert visit.updated_at is not None
    minutes = visit.minutes
    return (
        visit.id,
        visit.visited_on,
        visit.arrival.replace(second=0, microsecond=0),
        visit.departure.replace(second=0, microsecond=0),
        volunteer_name,
        minutes,
        tenths_of_hour(minutes) / 10,
        labels_text(visit.activities, Activity),
        len(visit.consultation_ids),
        len(visit.session_ids),
        visit.notes,
        local_naive(visit.updated_at),
        _state_of(visit.deleted),
    )


def shift_row(shift: DutyShift, volunteer_name: str) -> tuple[Any, ...]:
    """Values of one row of the 值班表 sheet."""
    assert shift.updated_at is not None
    return (
        shift.id,
        shift.day,
        shift.half.label,
        volunteer_name,
        shift.state.label,
        local_naive(shift.updated_at),
        _state_of(shift.deleted),
    )


# -- checksum -----------------------------------------------------------------------------------

# Characters a reader cannot hand back as themselves (python-calamine keeps their OOXML escape):
# lone surrogates and the non-characters U+FFFE/U+FFFF. The canonical form writes them escaped.
_UNREADABLE_RE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def has_unreadable(text: str) -> bool:
    """True if ``text`` holds a character :func:`canonical_text` writes escaped."""
    try:
        text.encode("utf-8")  # fails on a lone surrogate; several times faster than the pattern
    except UnicodeEncodeError:
        return True
    return "\ufffe" in text or "\uffff" in text


def canonical_text(text: str) -> str:
    """The checksum form of a logical text: whitespace-only text counts as empty (it is written
    as an empty cell), lone surrogates and U+FFFE/U+FFFF as ``_xHHHH_`` (upper-case hex)."""
    if not text or text.isspace():
        return ""
    if _UNREADABLE_RE.search(text) is None:
        return text
    return _UNREADABLE_RE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def canonical_number(value: int | float) -> str:
    """``3`` and ``3.0`` → ``"3"``; ``1.6`` → ``"1.6"`` (shortest repr of the float)."""
    number = float(value)
    if math.isfinite(number) and number.is_integer() and abs(number) < 2 ** 53:
        return str(int(number))
    return repr(number)


def _seconds_of_day(moment: time) -> int:
    return round(moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6)


def canonical_value(value: Any, kind: Kind | None = None) -> str:
    """The checksum form of one cell value as read back from the sheet (or as written).

    Text: the logical text (OOXML escapes already undone, as python-calamine returns it; an
    openpyxl reader must call ``unescape_text`` first), see :func:`canonical_text`. DATETIME:
    ``YYYY-MM-DD HH:MM:SS`` rounded to the second (python-calamine hands back a datetime at exactly
    midnight as a ``date``: it counts as 00:00:00); DATE: ``YYYY-MM-DD`` (a reader may get a
    datetime at midnight — the time part is dropped); TIME: ``HH:MM:SS`` rounded to the second;
    numbers: :func:`canonical_number`; empty/None: ``""``. A value of an unexpected type (a
    number typed into a text column) gives its ``str``, so the checksum fails rather than the
    reader guessing.
    """
    kind_of_value = type(value)
    if kind_of_value is str:  # most cells: checked first (a checksum reads every cell)
        return canonical_text(value)
    if value is None or value == "":
        return ""
    if kind_of_value is datetime and value.tzinfo is None and not value.microsecond and kind is not Kind.DATE:
        return value.isoformat(" ")  # YYYY-MM-DD HH:MM:SS, as below
    if isinstance(value, str):
        return canonical_text(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return canonical_number(value)
    if kind is Kind.DATE and isinstance(value, (date, datetime)):
        day = value.date() if isinstance(value, datetime) else value
        return day.isoformat()
    if kind is Kind.DATETIME and isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat() + " 00:00:00"  # python-calamine returns a midnight datetime as a date
    if isinstance(value, datetime):
        if value.microsecond:
            value += timedelta(microseconds=500_000)
        return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
                f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        seconds = _seconds_of_day(value)
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return str(value)


_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json_line(values: Sequence[str]) -> bytes:
    # Exactly json.dumps(list(values), ensure_ascii=False, separators=(",", ":")) for strings,
    # without building an encoder per line (the checksum writes one line per row).
    return ("[" + ",".join(map(_encode_json_string, values)) + "]\n").encode("utf-8")


class Checksum:
    """Incremental SHA-256 over the data sheets and the manifest (docs/batch-format.md, 数据校验).

    For each data sheet in :data:`DATA_SHEETS` order, one JSON line ``[sheet, header…]`` and then
    one JSON line ``[sheet, value…]`` per data row; then one line per manifest row (its header
    row ``项目, 值`` included, the 数据校验 row itself left out), ``[批次信息, label, value]``.
    Values in :func:`canonical_value` form; JSON without spaces, non-ASCII unescaped, each line
    ending in LF, UTF-8.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def add_header(self, sheet: str, columns: Sequence[Column]) -> None:
        self._hash.update(_json_line([sheet, *(c.header for c in columns)]))

    def add_row(self, sheet: str, columns: Sequence[Column], values: Sequence[Any]) -> None:
        self._hash.update(_json_line([sheet, *(canonical_value(v, c.kind) for c, v in zip(columns, values))]))

    def add_canonical_row(self, sheet: str, canonical: Sequence[str]) -> None:
        """A data row whose values are already in :func:`canonical_value` form."""
        self._hash.update(_json_line([sheet, *canonical]))

    def add_canonical_rows(self, sheet: str, rows: Sequence[Sequence[str]]) -> None:
        """:meth:`add_canonical_row` for each of ``rows`` (the same bytes), a sheet at a time.

        JSON escapes only ``"``, ``\\`` and control characters; when neither the sheet name nor
        any value holds one (all of them joined are printable — which rules out control
        characters — and hold neither character) and no row is empty, each line is the values
        joined with ``","``. Otherwise the JSON encoder (C) writes the whole sheet in one call
        and the text is cut into lines.
        """
        if not rows:
            return
        values = sheet + "".join(itertools.chain.from_iterable(rows))
        if values.isprintable() and '"' not in values and "\\" not in values and all(rows):
            head = f'["{sheet}","'
            text = "".join([head + '","'.join(row) + '"]\n' for row in rows])
        else:
            encoded = _JSON_ENCODER.encode([[sheet, *row] for row in rows])
            # "[[…],[…]]" → one line per row. Every row starts with the sheet name and ends with
            # a string, so rows meet at '"],["', which no encoded string holds (its " are escaped).
            text = encoded[1:-1].replace('"],["', '"]\n["') + "\n"
        self._hash.update(text.encode("utf-8"))

    def add_values(self, sheet: str, values: Sequence[Any]) -> None:
        """A line of values without column kinds (manifest rows, cells beyond the columns)."""
        self._hash.update(_json_line([sheet, *(canonical_value(v) for v in values)]))

    def hexdigest(self) -> str:
        """64 lower-case hex digits."""
        return self._hash.hexdigest()


def trim_row(values: Sequence[Any], width: int) -> list[Any]:
    """``values`` padded with None to ``width``; non-empty cells beyond ``width`` are kept
    (trailing empty ones dropped), so a value typed beside the data still counts."""
    row = list(values)
    extra = row[width:]
    while extra and (extra[-1] is None or extra[-1] == ""):
        extra.pop()
    return row[:width] + [None] * (width - len(row[:width])) + extra


def checksum_of_canonical(data: Sequence[tuple[str, Sequence[Sequence[str]]]],
                          manifest_rows: Sequence[Sequence[Any]]) -> str:
    """:func:`workbook_checksum` for data sheets whose rows are already in canonical form (one
    string per column, no cells beyond the columns)."""
    digest = Checksum()
    for name, rows in data:
        digest.add_header(name, SHEET_COLUMNS[name])
        digest.add_canonical_rows(name, rows)
    _add_manifest(digest, manifest_rows)
    return digest.hexdigest()


def _add_manifest(digest: Checksum, manifest_rows: Sequence[Sequence[Any]]) -> None:
    for row in manifest_rows:
        values = trim_row(row, 2)
        if values and values[0] == M_CHECKSUM:
            continue
        digest.add_values(SHEET_MANIFEST, values)


def workbook_checksum(data: Sequence[tuple[str, Sequence[Sequence[Any]]]],
                      manifest_rows: Sequence[Sequence[Any]]) -> str:
    """Checksum of a batch as read back: ``data`` is ``(sheet name, rows without the header)``
    for every data sheet in :data:`DATA_SHEETS` order, values as read (logical text);
    ``manifest_rows`` the manifest's rows including its header row, in sheet order (the
    数据校验 row is skipped here). Raises KeyError for an unknown sheet name."""
    digest = Checksum()
    for name, rows in data:
        columns = SHEET_COLUMNS[name]
        digest.add_header(name, columns)
        extra_column = Column("", Kind.TEXT, 0)
        for row in rows:
            values = trim_row(row, len(columns))
            digest.add_row(name, [*columns, *([extra_column] * (len(values) - len(columns)))], values)
    for row in manifest_rows:
        values = trim_row(row, 2)
        if values and values[0] == M_CHECKSUM:
            continue
        digest.add_values(SHEET_MANIFEST, values)
    return digest.hexdigest()
