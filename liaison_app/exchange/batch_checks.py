"""Check a batch workbook as read (:mod:`.batch_reader`) against format ``liaison-batch`` v2 and
turn its rows into plain values for the court database.

Every check names the file, sheet, Excel row and column header (:class:`Problem`). A file with
any problem is refused whole (:class:`BatchFileError`); nothing here touches a database.
What is checked, in order: the manifest (format name and version first — a v1 file is refused
by its version, before anything else), every data sheet present with its exact header row, every
row (types, dates inside the month, allowed words, UUIDs, no duplicate ids, masked data really
masked, figures consistent), the row counts, formulas (none allowed), and the checksum.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from liaison_app.domain import clock
from liaison_app.domain.visits import service_minutes, tenths_of_hour
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_reader import BatchFileError, Problem, RawBatch

MAX_PROBLEMS = 30
_PHONE_DIGITS_RE = re.compile(r"\d{7,}")
_CELL_RE = re.compile(r"^([A-Z]+)(\d+)$")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Manifest:
    """The 批次信息 sheet, checked. ``exported_at`` is ISO 8601 text with its offset."""

    format_version: int
    batch_id: str
    point_code: str
    point_name: str
    court: str
    period: str
    seq: int
    exported_at: str
    app_version: str
    masked: bool
    visitor_keys: bool
    key_fingerprint: str
    row_counts: dict[str, int]
    checksum: str
    notes: str


def stored_keys(spec: fmt.SheetSpec) -> tuple[str, ...]:
    """The court columns a data sheet's rows are stored under, in order: every column's
    :attr:`~liaison_app.exchange.batch_format.Column.key` but 状态 (``state``), then ``deleted``."""
    return _STORED_KEYS[spec.name]


_STORED_KEYS = {spec.name: (*(c.key for c in spec.columns if c.key != "state"), "deleted") for spec in fmt.SHEET_SPECS}


@dataclass(frozen=True)
class CheckedBatch:
    """A batch that passed every check: its manifest and each data sheet's rows as tuples of
    stored values in :func:`stored_keys` order (the 状态 column becomes ``deleted`` 0/1), ready for
    an ``executemany``. ``checksum_ok`` is False only when the file was accepted as edited.

    ``staged``: set by a worker process (:mod:`.batch_pool`), the rows as an SQLite database
    image (one table per data sheet, named as its court table) instead of ``values`` (then
    empty), so they cross the process boundary as one block of bytes and the court inserts them
    with one ``INSERT … SELECT`` per table.
    """

    file_name: str
    sha256: str
    manifest: Manifest
    values: dict[str, list[tuple[Any, ...]]]
    checksum_ok: bool
    computed_checksum: str
    warnings: tuple[str, ...] = ()
    staged: bytes | None = None

    @property
    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Each data sheet's rows as dicts keyed by :func:`stored_keys` (built on each call)."""
        return {name: [dict(zip(_STORED_KEYS[name], row)) for row in rows] for name, rows in self.values.items()}

    def row_counts(self) -> dict[str, int]:
        """Rows per data sheet (those of the manifest: a batch whose sheets hold other counts
        is refused)."""
        return {name: self.manifest.row_counts[name] for name in fmt.DATA_SHEETS}


class _Problems:
    """Collects problems up to a limit, then only counts them."""

    def __init__(self, file_name: str, limit: int):
        self.file = file_name
        self.limit = limit
        self.found: list[Problem] = []
        self.more = 0

    def add(self, message: str, sheet: str = "", row: int | None = None, column: str = "") -> None:
        if len(self.found) < self.limit:
            self.found.append(Problem(self.file, message, sheet, row, column))
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            problems = list(self.found)
            if self.more:
                problems.append(Problem(self.file, f"另有 {self.more} 处问题未列出"))
            raise BatchFileError(problems)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _describe(value: Any) -> str:
    """How a clerk would see a wrongly typed value."""
    if isinstance(value, bool):
        return f"逻辑值 {value}"
    if isinstance(value, (int, float)):
        return f"数字 {fmt.canonical_number(value)}"
    if isinstance(value, datetime):
        return f"日期时间 {value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, time):
        return f"时间 {value:%H:%M}"
    text = str(value)
    return f"文本“{text[:30]}{'…' if len(text) > 30 else ''}”"


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


# -- manifest ------------------------------------------------------------------------------------

def _manifest_items(rows: list[list[Any]], problems: _Problems) -> dict[str, tuple[Any, int]]:
    """Label → (value, Excel row)."""
    sheet = fmt.SHEET_MANIFEST
    if not rows or tuple(_text(v) for v in fmt.trim_row(rows[0], 2)[:2]) != fmt.M_HEADER:
        problems.add("第一行应为表头“项目 | 值”（这不是报送工作簿的批次信息）", sheet, 1)
    items: dict[str, tuple[Any, int]] = {}
    for index, row in enumerate(rows[1:], start=2):
        values = fmt.trim_row(row, 2)
        label = _text(values[0])
        if not label:
            continue
        if label in items:
            problems.add(f"项目“{label}”出现了两次（另见第{items[label][1]}行）", sheet, index, label)
            continue
        items[label] = (values[1], index)
    return items


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _manifest_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _check_format(items: dict[str, tuple[Any, int]], problems: _Problems) -> None:
    """Format name and version; a wrong one ends the check at once (nothing else is comparable)."""
    sheet = fmt.SHEET_MANIFEST
    name, name_row = items.get(fmt.M_FORMAT_NAME, (None, None))
    if _text(name) != fmt.FORMAT_NAME:
        shown = _text(name) or "（缺）"
        problems.add(f"不是报送工作簿：格式名称是“{shown}”，应为“{fmt.FORMAT_NAME}”", sheet, name_row,
                     fmt.M_FORMAT_NAME)
        problems.raise_if_any()
    version_value, version_row = items.get(fmt.M_FORMAT_VERSION, (None, None))
    version = _manifest_int(version_value)
    if version == fmt.FORMAT_VERSION:
        return
    if version is None:
        problems.add(f"格式版本“{version_value}”不是数字", sheet, version_row, fmt.M_FORMAT_VERSION)
    elif version < fmt.FORMAT_VERSION:
        problems.add(
            f"这是第{version}版格式（{fmt.FORMAT_NAME} v{version}）的报送文件，本软件只接收第{fmt.FORMAT_VERSION}版："
            "请联系点升级联系点工作台后重新导出这个月份", sheet, version_row, fmt.M_FORMAT_VERSION)
    else:
        problems.add(
            f"这是更新的第{version}版格式（{fmt.FORMAT_NAME} v{version}），本软件只认识到第{fmt.FORMAT_VERSION}版："
            "请先升级法院端的联系点工作台", sheet, version_row, fmt.M_FORMAT_VERSION)
    problems.raise_if_any()


def _parse_manifest(items: dict[str, tuple[Any, int]], problems: _Problems) -> Manifest | None:
    sheet = fmt.SHEET_MANIFEST

    def get(label: str) -> tuple[Any, int | None]:
        if label not in items:
            problems.add(f"缺少项目“{label}”", sheet, None, label)
            return None, None
        return items[label]

    def text(label: str, pattern: re.Pattern[str] | None = None, what: str = "", required: bool = True) -> str:
        value, row = get(label)
        if row is None:
            return ""
        if value is not None and value != "" and not isinstance(value, str):
            problems.add(f"应为文本，却是{_describe(value)}", sheet, row, label)
            return ""
        result = (value or "").strip()
        if required and not result:
            problems.add("不能为空", sheet, row, label)
        elif pattern is not None and result and not pattern.match(result):
            problems.add(f"“{result}”不是有效的{what}", sheet, row, label)
        return result

    def number(label: str) -> int:
        value, row = get(label)
        if row is None:
            return 0
        result = _manifest_int(value)
        if result is None or result < 0:
            problems.add(f"应为非负整数，却是{_describe(value)}", sheet, row, label)
            return 0
        return result

    batch_id = text(fmt.M_BATCH_ID, fmt.UUID_RE, "批次编号（UUID）")
    point_code = text(fmt.M_POINT_CODE, fmt.POINT_CODE_RE, "联系点编码")
    point_name = text(fmt.M_POINT_NAME)
    court = text(fmt.M_COURT)
    period = text(fmt.M_PERIOD)
    if period:
        try:
            clock.parse_period(period)
        except ValueError as exc:
            problems.add(str(exc), sheet, items[fmt.M_PERIOD][1], fmt.M_PERIOD)
    seq = number(fmt.M_SEQ)
    if fmt.M_SEQ in items and seq < 1:
        problems.add("序号应从1开始", sheet, items[fmt.M_SEQ][1], fmt.M_SEQ)
    exported_at = text(fmt.M_EXPORTED_AT)
    if exported_at:
        try:
            moment = datetime.fromisoformat(exported_at)
            if moment.tzinfo is None:
                raise ValueError
        except ValueError:
            problems.add(f"“{exported_at}”不是带时区的ISO 8601时间（如 2026-11-29T10:00:00+08:00）", sheet,
                         items[fmt.M_EXPORTED_AT][1], fmt.M_EXPORTED_AT)
    app_version = text(fmt.M_APP_VERSION, required=False)
    personal = text(fmt.M_PERSONAL)
    if personal and personal not in (fmt.PERSONAL_MASKED, fmt.PERSONAL_FULL):
        problems.add(f"应为“{fmt.PERSONAL_MASKED}”或“{fmt.PERSONAL_FULL}”", sheet, items[fmt.M_PERSONAL][1], fmt.M_PERSONAL)
    key_state = text(fmt.M_VISITOR_KEY)
    if key_state and key_state not in (fmt.VISITOR_KEY_SET, fmt.VISITOR_KEY_MISSING):
        problems.add(f"应为“{fmt.VISITOR_KEY_SET}”或“{fmt.VISITOR_KEY_MISSING}”", sheet,
                     items[fmt.M_VISITOR_KEY][1], fmt.M_VISITOR_KEY)
    fingerprint = text(fmt.M_KEY_FINGERPRINT)
    if fingerprint == "无":
        fingerprint = ""
    row_counts = {name: number(fmt.M_ROWS_PREFIX + name) for name in fmt.DATA_SHEETS}
    checksum = text(fmt.M_CHECKSUM, fmt.HEX64_RE, "校验值（64位十六进制）")
    notes = text(fmt.M_NOTES, required=False)
    if problems:
        return None
    return Manifest(fmt.FORMAT_VERSION, batch_id, point_code, point_name, court, period, seq, exported_at,
                    app_version, personal == fmt.PERSONAL_MASKED, key_state == fmt.VISITOR_KEY_SET, fingerprint,
                    row_counts, checksum, notes)


# -- cells -----------------------------------------------------------------------------------------

def _convert(column: fmt.Column, value: Any) -> tuple[Any, str | None]:
    """The stored form of one non-empty cell value, or an error message."""
    kind = column.kind
    if kind is fmt.Kind.TEXT:
        if not isinstance(value, str):
            return None, f"应为文本，却是{_describe(value)}（单元格被改成了数字或日期？）"
        if column.choices:
            words = value.split(fmt.LIST_SEPARATOR) if column.multi else [value]
            wrong = [w for w in words if w not in column.choices]
            if wrong:
                return None, f"“{wrong[0]}”不是可选的取值（{'、'.join(column.choices)}）"
        return value, None
    if kind is fmt.Kind.DATETIME:
        if isinstance(value, date) and not isinstance(value, datetime):
            value = datetime.combine(value, time(0))  # python-calamine gives midnight as a date
        if not isinstance(value, datetime):
            return None, f"应为日期时间（Excel日期），却是{_describe(value)}"
        moment = fmt.canonical_value(value, kind)  # rounded to the second
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            return None, f"日期 {moment[:10]} 不合理"
        return moment.replace(" ", "T") + "+08:00", None
    if kind is fmt.Kind.DATE:
        if isinstance(value, datetime):
            if value.time() != time(0):
                return None, f"应为日期（不含时间），却是{_describe(value)}"
            value = value.date()
        if not isinstance(value, date):
            return None, f"应为日期（Excel日期），却是{_describe(value)}"
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            return None, f"日期 {value.isoformat()} 不合理"
        return value.isoformat(), None
    if kind is fmt.Kind.TIME:
        if not isinstance(value, time):
            return None, f"应为时间（如 09:30），却是{_describe(value)}"
        return fmt.canonical_value(value, kind)[:5], None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, f"应为数字，却是{_describe(value)}"
    if kind is fmt.Kind.INTEGER:
        if not float(value).is_integer():
            return None, f"应为整数，却是{_describe(value)}"
        value = int(value)
    if column.minimum is not None and value < column.minimum:
        return None, f"不能小于 {column.minimum}（现在是 {fmt.canonical_number(value)}）"
    return value, None


def _in_period(stored: str, period: str) -> bool:
    return stored[:7] == period


def _check_rows(spec: fmt.SheetSpec, rows: list[list[Any]], manifest: Manifest, problems: _Problems,
                category_codes: Collection[str] | None) -> list[dict[str, Any]]:
    """Check the data rows (``rows`` without the header) and return them converted."""
    columns = spec.columns
    width = len(columns)
    seen: dict[str, int] = {}
    converted: list[dict[str, Any]] = []
    for index, raw in enumerate(rows, start=2):
        values = fmt.trim_row(raw, width)
        if all(_is_empty(v) for v in values):
            problems.add("空行：数据行之间不应有空行（可能被手工修改过）", spec.name, index)
            continue
        for extra_index in range(width, len(values)):
            if not _is_empty(values[extra_index]):
                problems.add(f"表格右侧第{_column_letter(extra_index)}列多出了内容 {_describe(values[extra_index])}",
                             spec.name, index)
                break
        record: dict[str, Any] = {}
        for column, value in zip(columns, values):
            if _is_empty(value):
                if column.required:
                    problems.add("不能为空", spec.name, index, column.header)
                record[column.key] = "" if column.kind is fmt.Kind.TEXT else None
                continue
            stored, error = _convert(column, value)
            if error:
                problems.add(error, spec.name, index, column.header)
            elif column.in_period and not _in_period(stored, manifest.period):
                problems.add(f"日期 {stored[:10]} 不在统计月份 {manifest.period} 内", spec.name, index, column.header)
            record[column.key] = stored
        record_id = record.get("id") or ""
        if record_id:
            if not fmt.UUID_RE.match(record_id):
                problems.add(f"“{record_id}”不是有效的记录编号（UUID）", spec.name, index, "记录编号")
            elif record_id in seen:
                problems.add(f"记录编号与第{seen[record_id]}行重复（同一条记录出现了两次）", spec.name, index, "记录编号")
            else:
                seen[record_id] = index
        _check_record(spec, record, index, manifest, problems, category_codes)
        record["deleted"] = 1 if record.pop("state", "") == fmt.STATE_DELETED else 0
        converted.append(record)
    return converted


def _check_record(spec: fmt.SheetSpec, record: dict[str, Any], row: int, manifest: Manifest,
                  problems: _Problems, category_codes: Collection[str] | None) -> None:
    """Checks across the cells of one row."""
    sheet = spec.name
    if sheet == fmt.SHEET_CONSULTATIONS:
        if manifest.masked and record.get("id_number"):
            problems.add("批次信息写明个人信息“已脱敏”，这里却有身份证号", sheet, row, "身份证号")
        if manifest.masked and _PHONE_DIGITS_RE.search(record.get("phone") or ""):
            problems.add("批次信息写明个人信息“已脱敏”，这里却是完整的电话号码", sheet, row, "联系电话")
        key = record.get("visitor_key") or ""
        if key and not manifest.visitor_keys:
            problems.add("批次信息写明未设置法院密钥，这里却有来访人标识", sheet, row, "来访人标识")
        elif key and not fmt.HEX64_RE.match(key):
            problems.add("来访人标识应为64位十六进制数", sheet, row, "来访人标识")
        code = record.get("category_code") or ""
        if code and category_codes is not None and code not in category_codes:
            problems.add(f"纠纷类型编码“{code}”不在本软件的分类表中（联系点的软件比法院新？请升级法院端）",
                         sheet, row, "纠纷类型编码")
    elif sheet == fmt.SHEET_SESSIONS:
        start, end = record.get("start_time"), record.get("end_time")
        if start and end and end <= start:
            problems.add("结束时间应晚于开始时间", sheet, row, "结束时间")
    elif sheet == fmt.SHEET_VISITS:
        arrival, departure, minutes = record.get("arrival"), record.get("departure"), record.get("minutes")
        if arrival and departure and isinstance(minutes, int):
            try:
                expected = service_minutes(time.fromisoformat(arrival), time.fromisoformat(departure))
            except ValueError:
                problems.add("离开时间应晚于到达时间", sheet, row, "离开时间")
                return
            if minutes != expected:
                problems.add(f"服务分钟 {minutes} 与到达、离开时间不符（应为 {expected}）", sheet, row, "服务分钟")
            hours = record.get("hours")
            if isinstance(hours, (int, float)) and round(hours * 10) != tenths_of_hour(minutes):
                problems.add(f"服务时长 {hours} 小时与服务分钟 {minutes} 不符", sheet, row, "服务时长（小时）")


# -- the fast path for a clean sheet (batch_fast.py) ---------------------------------------------

def _fast_rows(spec: fmt.SheetSpec, rows: list[list[Any]], manifest: Manifest,
               category_codes: Collection[str] | None) -> tuple[list[tuple[Any, ...]], list[tuple[str, ...]]] | None:
    """:func:`~liaison_app.exchange.batch_fast.fast_rows`: a clean sheet checked column by
    column (None: check it row by row)."""
    from liaison_app.exchange.batch_fast import fast_rows  # it builds on this module

    return fast_rows(spec, rows, manifest, category_codes)


def _check_header(spec: fmt.SheetSpec, rows: list[list[Any]], problems: _Problems) -> bool:
    header = fmt.trim_row(rows[0] if rows else [], len(spec.columns))
    ok = True
    for index, expected in enumerate(spec.headers):
        actual = header[index]
        if actual != expected:
            shown = _text(actual) if isinstance(actual, str) else ("（空）" if actual is None or actual == "" else _describe(actual))
            problems.add(f"第{_column_letter(index)}列表头应为“{expected}”，实际是“{shown}”", spec.name, 1, expected)
            ok = False
    for index in range(len(spec.columns), len(header)):
        if not _is_empty(header[index]):
            problems.add(f"多出了一列“{header[index]}”（第{_column_letter(index)}列）", spec.name, 1)
            ok = False
    return ok


def peek_batch_id(raw: RawBatch) -> str | None:
    """The batch id of a workbook of this format, from its manifest alone (no other check), or
    None when the manifest does not give one — a quick look to skip duplicates without reading
    the data sheets."""
    rows = raw.sheets.get(fmt.SHEET_MANIFEST)
    if not rows:
        return None
    problems = _Problems(raw.file_name, MAX_PROBLEMS)
    items = _manifest_items(rows, problems)
    name = _text(items.get(fmt.M_FORMAT_NAME, (None, 0))[0])
    version = _manifest_int(items.get(fmt.M_FORMAT_VERSION, (None, 0))[0])
    batch_id = _text(items.get(fmt.M_BATCH_ID, (None, 0))[0])
    if name != fmt.FORMAT_NAME or version != fmt.FORMAT_VERSION or not fmt.UUID_RE.match(batch_id):
        return None
    return batch_id


def check_batch(raw: RawBatch, *, category_codes: Collection[str] | None = None, accept_edited: bool = False,
                max_problems: int = MAX_PROBLEMS) -> CheckedBatch:
    """Check a workbook read by :func:`~liaison_app.exchange.batch_reader.read_workbook`.

    Args:
        raw: the cells (sheets 批次信息 and the data sheets).
        category_codes: known 纠纷类型 codes (None: not checked).
        accept_edited: accept a checksum mismatch (the file was edited after export); it is
            then reported in ``warnings`` and ``checksum_ok`` is False. Everything else is
            still checked.
        max_problems: problems listed at most (the rest are counted).

    Returns:
        The checked batch.

    Raises:
        BatchFileError: every problem found (up to ``max_problems``), each naming file, sheet,
            Excel row and column.
    """
    problems = _Problems(raw.file_name, max_problems)
    if fmt.SHEET_MANIFEST not in raw.sheets:
        problems.add(f"缺少工作表“{fmt.SHEET_MANIFEST}”（不是报送工作簿，或被改动过）")
        problems.raise_if_any()
    manifest_rows = raw.sheets[fmt.SHEET_MANIFEST]
    items = _manifest_items(manifest_rows, problems)
    _check_format(items, problems)
    manifest = _parse_manifest(items, problems)
    problems.raise_if_any()
    assert manifest is not None

    for sheet, cells in raw.formula_cells.items():
        for ref in cells:
            match = _CELL_RE.match(ref)
            row = int(match.group(2)) if match else None
            column = ""
            spec = fmt.SPEC_BY_NAME.get(sheet)
            if match and spec is not None and _column_index(match.group(1)) < len(spec.columns):
                column = spec.columns[_column_index(match.group(1))].header
            problems.add(f"单元格 {ref} 含有公式；报送工作簿只含数值，不应有公式（可能被手工修改过）", sheet, row, column)

    converted: dict[str, list[tuple[Any, ...]]] = {}
    canonical: dict[str, list[tuple[str, ...]]] = {}  # checksum values of the sheets taken by the fast path
    for spec in fmt.SHEET_SPECS:
        if spec.name not in raw.sheets:
            problems.add("缺少这个工作表（被删除或改了名字？）", spec.name)
            continue
        rows = raw.sheets[spec.name]
        if not _check_header(spec, rows, problems):
            continue
        data = rows[1:]
        fast = None if problems else _fast_rows(spec, data, manifest, category_codes)
        if fast is None:
            records = _check_rows(spec, data, manifest, problems, category_codes)
            converted[spec.name] = list(map(operator.itemgetter(*_STORED_KEYS[spec.name]), records))
        else:
            converted[spec.name], canonical[spec.name] = fast
        expected = manifest.row_counts[spec.name]
        if len(data) != expected:
            problems.add(f"批次信息写明有 {expected} 行数据，工作表中却有 {len(data)} 行（缺行或多行）", spec.name)
    problems.raise_if_any()

    if len(canonical) == len(fmt.SHEET_SPECS):
        computed = fmt.checksum_of_canonical([(spec.name, canonical[spec.name]) for spec in fmt.SHEET_SPECS],
                                             manifest_rows)
    else:
        computed = fmt.workbook_checksum([(spec.name, raw.sheets[spec.name][1:]) for spec in fmt.SHEET_SPECS],
                                         manifest_rows)
    warnings: list[str] = []
    checksum_ok = computed == manifest.checksum
    if not checksum_ok:
        if not accept_edited:
            problems.add("数据校验不符：工作簿在导出后被修改过（或文件受损）。请让联系点重新导出；"
                         "如确认要接收修改后的内容，可选择“接收修改过的工作簿”（--accept-edited），接收会被记录",
                         fmt.SHEET_MANIFEST, items[fmt.M_CHECKSUM][1], fmt.M_CHECKSUM)
            problems.raise_if_any()
        warnings.append("数据校验不符（导出后被修改过），已按“接收修改过的工作簿”接收并记录")
    return CheckedBatch(raw.file_name, raw.sha256, manifest, converted, checksum_ok, computed, tuple(warnings))
