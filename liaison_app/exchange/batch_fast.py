"""The court's check of a clean sheet, column by column (docs/performance.md, court merge).

A batch exported by the app and untouched is checked a column at a time with builtins over
whole columns — types, empty and whitespace-only values, allowed words, dates inside the month
(on a column's smallest and largest value), ids, the checks across a row's cells — instead of
several Python calls per cell (the court merges millions of cells), and yields the checksum's
canonical values in the same pass. It gives exactly what the row-by-row check of
:mod:`.batch_checks` gives when that check finds no problem; anything not clean — any value
that check would complain about, and a few it would accept — makes :func:`fast_rows` return
None, and the row-by-row check, which words the problems, takes the sheet. Property tests
(tests/perf_behaviour/test_fast_checks.py, test_fast_columns.py) spoil cells of a real batch
and compare both.
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_checks import (
    _PHONE_DIGITS_RE,
    MAX_YEAR,
    MIN_YEAR,
    Manifest,
    _check_record,
    _convert,
    _in_period,
    _is_empty,
    _Problems,
)


class _Irregular(Exception):
    """The sheet is not a clean export: check it row by row (:func:`_check_rows`) instead."""


_EMPTY = (None, "")


def fast_rows(spec: fmt.SheetSpec, rows: list[list[Any]], manifest: Manifest,
              category_codes: Collection[str] | None) -> tuple[list[tuple[Any, ...]], list[tuple[str, ...]]] | None:
    """The rows of a sheet (without its header) as the row-by-row check converts them (tuples
    in :func:`~.batch_checks.stored_keys` order), and their checksum values
    (:func:`~liaison_app.exchange.batch_format.canonical_value` of each cell as read) — or None
    as soon as anything is not what a clean export holds: an empty row, text beside the table,
    a value of another type, a missing required value, a wrong word, a date outside the month,
    a bad or repeated id, any problem of the checks across a row's cells.

    A clean sheet is checked column by column (builtins over whole columns instead of several
    Python calls per cell: the court merges millions of cells). It gives exactly what the
    row-by-row check gives when that check finds no problem; anything else goes back to it,
    which words the problems. docs/performance.md (court merge).
    """
    columns = spec.columns
    width = len(columns)
    if not rows:
        return [], []
    try:
        for raw in rows:
            if len(raw) > width and any(v not in _EMPTY for v in raw[width:]):
                raise _Irregular  # text beside the table (trim_row drops only None and "")
        cells = list(zip(*(raw[:width] if len(raw) >= width else [*raw, *[None] * (width - len(raw))]
                           for raw in rows)))
        stored_columns: list[Any] = []
        canonical_columns: list[Any] = []
        for column, values in zip(columns, cells):
            stored, canonical = _fast_column(column, values, manifest.period)
            stored_columns.append(stored)
            canonical_columns.append(canonical)
        ids = stored_columns[0]
        if len(set(ids)) != len(ids) or not all(map(fmt.UUID_RE.match, ids)):
            raise _Irregular  # ids are required, so an empty row fails here too
        by_key = {c.key: stored for c, stored in zip(columns, stored_columns)}
        if spec.name == fmt.SHEET_CONSULTATIONS:
            _fast_consultation_checks(by_key, manifest, category_codes)
        else:
            problems = _Problems("", 1)
            keys = [c.key for c in columns]
            for index, values in enumerate(zip(*stored_columns), start=2):
                _check_record(spec, dict(zip(keys, values)), index, manifest, problems, category_codes)
                if problems:
                    raise _Irregular
        deleted = [1 if state == fmt.STATE_DELETED else 0 for state in by_key.pop("state")]
        converted = list(zip(*by_key.values(), deleted))
    except _Irregular:
        return None
    return converted, list(zip(*canonical_columns))


def _fast_consultation_checks(by_key: dict[str, Any], manifest: Manifest,
                              category_codes: Collection[str] | None) -> None:
    """:func:`_check_record` of every row of a clean 法律咨询 sheet at once; raises _Irregular."""
    if manifest.masked and (any(by_key["id_number"]) or _PHONE_DIGITS_RE.search("\n".join(by_key["phone"]))):
        raise _Irregular  # "\n" is no digit: a run of 7 digits lies inside one phone
    keys = [key for key in by_key["visitor_key"] if key]
    if keys and (not manifest.visitor_keys or not all(map(fmt.HEX64_RE.match, keys))):
        raise _Irregular
    if category_codes is not None and not set(by_key["category_code"]).issubset(category_codes):
        raise _Irregular  # the code is required: never empty here


_ISO_SPACE = operator.methodcaller("isoformat", " ")
_TZINFO = operator.attrgetter("tzinfo")
_LOWEST, _HIGHEST = f"{MIN_YEAR:04d}", f"{MAX_YEAR + 1:04d}"


def _in_range(canonical: list[str], column: fmt.Column, period: str) -> bool:
    """Every (non-empty, ``YYYY-MM-DD…``) value's year in MIN_YEAR..MAX_YEAR and, for an
    ``in_period`` column, its month the batch's: checked on the smallest and largest value
    (a prefix shared by both is shared by every string sorted between them)."""
    low, high = min(canonical), max(canonical)
    if low < _LOWEST or high >= _HIGHEST:
        return False
    return not column.in_period or low[:7] == period == high[:7]


def _fast_datetimes(column: fmt.Column, values: tuple[Any, ...], period: str) -> tuple[Any, Any] | None:
    """A DATETIME column of naive whole-second datetimes (and dates: python-calamine hands back
    a datetime at exactly midnight as a date) — what an export holds — or None."""
    types = set(map(type, values))
    if types == {datetime}:
        moments: Any = values
        canonical = list(map(_ISO_SPACE, values))  # YYYY-MM-DD HH:MM:SS (canonical_value's form)
    elif types == {datetime, date}:
        moments = [value for value in values if type(value) is datetime]
        canonical = [value.isoformat(" ") if type(value) is datetime else value.isoformat() + " 00:00:00"
                     for value in values]
    else:
        return None
    if (set(map(len, canonical)) != {19} or list(map(_TZINFO, moments)).count(None) != len(moments)
            or not _in_range(canonical, column, period)):
        return None  # microseconds, an offset, a year out of range or outside the month: one by one
    return [f"{moment[:10]}T{moment[11:]}+08:00" for moment in canonical], canonical


def _fast_dates(column: fmt.Column, values: tuple[Any, ...], period: str) -> tuple[Any, Any] | None:
    """A DATE column of dates and (when not required) empty cells "" only, or None."""
    empty = values.count("")
    if list(map(type, values)).count(date) + empty != len(values) or (empty and column.required):
        return None
    canonical = [value.isoformat() if value else "" for value in values]
    filled = [day for day in canonical if day] if empty else canonical
    if filled and not _in_range(filled, column, period):
        return None
    return [day or None for day in canonical], canonical


def _fast_column(column: fmt.Column, values: tuple[Any, ...], period: str) -> tuple[Any, Any]:
    """(stored values, checksum values) of one column of a clean sheet; raises _Irregular."""
    kind = column.kind
    if kind is fmt.Kind.TEXT:
        types = set(map(type, values))
        if types == {str} and not any(map(str.isspace, values)):
            stored: Any = values  # the usual case: every value is text ("" when empty)
        elif types <= {str, type(None)}:
            stored = [v if v and not v.isspace() else "" for v in values]  # _is_empty → ""
        else:
            raise _Irregular
        if column.required and "" in stored:
            raise _Irregular
        if column.choices:
            words = set(stored)
            words.discard("")
            if column.multi:
                words = {w for text in words for w in text.split(fmt.LIST_SEPARATOR)}
            if not words <= set(column.choices):
                raise _Irregular
        if fmt.has_unreadable("".join(stored)):
            return stored, [fmt.canonical_text(v) for v in stored]
        return stored, stored  # canonical_text(v) is v for clean text ("" for empty)
    if kind is fmt.Kind.DATETIME:
        fast = _fast_datetimes(column, values, period)
        if fast is not None:
            return fast
    elif kind is fmt.Kind.DATE:
        fast = _fast_dates(column, values, period)
        if fast is not None:
            return fast
    stored_values: list[Any] = []
    canonical: list[str] = []
    for value in values:
        if value == "" and not column.required:  # an empty cell (the usual empty: a follow-up date)
            stored_values.append(None)
            canonical.append("")
            continue
        if _is_empty(value):
            if column.required:
                raise _Irregular
            stored_values.append(None)
            canonical.append(fmt.canonical_value(value, kind))
            continue
        if kind is fmt.Kind.DATETIME and type(value) is datetime and not value.microsecond \
                and value.tzinfo is None and MIN_YEAR <= value.year <= MAX_YEAR:
            moment = value.isoformat(" ")  # canonical_value of a whole-second datetime
            result = moment.replace(" ", "T") + "+08:00"
        elif kind is fmt.Kind.DATE and type(value) is date and MIN_YEAR <= value.year <= MAX_YEAR:
            moment = result = value.isoformat()
        else:
            result, error = _convert(column, value)
            if error:
                raise _Irregular
            moment = fmt.canonical_value(value, kind)
        if column.in_period and not _in_period(result, period):
            raise _Irregular
        stored_values.append(result)
        canonical.append(moment)
    return stored_values, canonical
