"""Finding the header row of a hand-made ledger and proposing a column → field mapping.

A ledger may have title rows above the header (``2024年宁安镇法官联系点法律咨询登记台账``),
merged header cells, and a two-level header (``来访人信息`` over ``姓名 | 电话 | 身份证号``).
We look at the first :data:`SCAN_ROWS` rows; merged ranges are filled (every cell of a merged
range reads as its top-left cell); each row alone, and each row with the row above it as a
parent, is scored by how many distinct fields its cells name (:mod:`.fields` synonyms). The
best wins; rows below it are data.

The mapping is remembered per *shape*: the kind plus the normalised header texts in order
(:func:`shape_key`). The next file with the same shape gets the mapping the user chose.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from liaison_app.exchange.ledger.cells import raw_text
from liaison_app.exchange.ledger.dates import YearHint, find_year
from liaison_app.exchange.ledger.fields import FIELDS, NOTES, SEQ, SYNONYMS, LedgerKind, field_label
from liaison_app.exchange.ledger.reader import SheetGrid

SCAN_ROWS = 30
_STRIP_RE = re.compile(r"[\s*＊※:：·•\u200b\ufeff]")
_BRACKETS_RE = re.compile(r"\(.*?\)|\[.*?\]|【.*?】")


def normalise_header(text: object) -> str:
    """Header text for matching: NFKC (full-width → half-width, （）→ ()), no white space,
    no ``*``/``：`` marks, lower case. ``'联系电话（手机）'`` → ``'联系电话(手机)'``."""
    folded = unicodedata.normalize("NFKC", raw_text(text))  # type: ignore[arg-type]
    return _STRIP_RE.sub("", folded).lower()


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class ColumnHeader:
    """One column's header. ``text`` is what the user sees (``来访人信息/姓名`` for a two-level
    header); ``key`` is its normalised form, used for matching and remembering."""

    index: int
    letter: str
    text: str
    key: str
    parent_key: str = ""


@dataclass(frozen=True)
class HeaderGuess:
    """Where the header is. ``first_row``..``last_row`` are 0-based grid rows (Excel row =
    index + 1); data starts at ``last_row + 1``. ``matched`` counts recognised fields."""

    first_row: int
    last_row: int
    columns: tuple[ColumnHeader, ...]
    matched: int
    kind: LedgerKind

    @property
    def data_start(self) -> int:
        return self.last_row + 1

    def header_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


def field_scores(key: str, kind: LedgerKind) -> dict[str, int]:
    """How well the normalised header ``key`` names each field of ``kind`` (0 = not at all).

    Exact synonym 100 + weight; exact once brackets are removed 90 + weight; a synonym of
    two or more characters inside a short header 50 + 3 × weight + its length."""
    scores: dict[str, int] = {}
    if not key:
        return scores
    stripped = _BRACKETS_RE.sub("", key)
    for field_key, synonyms in SYNONYMS[kind].items():
        best = 0
        for word, weight in synonyms.items():
            word_key = normalise_header(word)
            if key == word_key:
                best = max(best, 100 + weight)
            elif stripped and stripped == word_key:
                best = max(best, 90 + weight)
            elif len(word_key) >= 2 and len(key) <= 16 and word_key in key:
                best = max(best, 50 + 3 * weight + len(word_key))
        if best:
            scores[field_key] = best
    return scores


def propose_mapping(columns: Sequence[ColumnHeader], kind: LedgerKind) -> dict[int, str | None]:
    """Column index → field key (None = not imported), assigned greedily by score so each field
    takes its best column; only 备注 (notes) may take several columns."""
    candidates: list[tuple[int, int, str]] = []
    for column in columns:
        scores = field_scores(column.key, kind)
        candidates += [(score, column.index, f) for f, score in scores.items()]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    mapping: dict[int, str | None] = {c.index: None for c in columns}
    used: set[str] = set()
    for _score, index, field_key in candidates:
        if mapping[index] is not None or (field_key in used and field_key != NOTES):
            continue
        mapping[index] = field_key
        used.add(field_key)
    return mapping


def _filled_row(grid: SheetGrid, row: int) -> list[str]:
    """Header texts of ``row`` with merged ranges filled from their top-left cell."""
    texts = [raw_text(v).strip() for v in (grid.rows[row] if row < len(grid.rows) else [])]
    texts += [""] * (grid.width - len(texts))
    for r0, c0, r1, c1 in grid.merged:
        if r0 <= row <= r1:
            value = raw_text(grid.cell(r0, c0)).strip()
            for col in range(c0, min(c1, grid.width - 1) + 1):
                texts[col] = value
    return texts


def _is_title(texts: Sequence[str]) -> bool:
    return len({t for t in texts if t}) <= 1


def _score(columns: Sequence[ColumnHeader], kind: LedgerKind) -> int:
    mapping = propose_mapping(columns, kind)
    required = {f.key for f in FIELDS[kind] if f.required}
    fields = {f for f in mapping.values() if f and f not in (SEQ, NOTES)}
    return len(fields) + len(fields & required)


def _columns(child: Sequence[str], parent: Sequence[str] | None) -> tuple[ColumnHeader, ...]:
    columns = []
    for index, text in enumerate(child):
        above = parent[index] if parent else ""
        shown = text or above
        if text and above and above != text:
            shown = f"{above}/{text}"
        columns.append(ColumnHeader(index, column_letter(index), shown, normalise_header(text or above),
                                    normalise_header(above) if text and above != text else ""))
    return tuple(columns)


def _spans(grid: SheetGrid, upper: int, lower: int) -> bool:
    return any(r0 <= upper and r1 >= lower for r0, _c0, r1, _c1 in grid.merged)


def find_header(grid: SheetGrid, kind: LedgerKind) -> HeaderGuess | None:
    """The most likely header of ``grid`` for ``kind``, or None when no row names at least two
    fields including a required one (a cover sheet, a summary sheet, an empty sheet).

    A row and the row above it are read as one two-level header only when they look like one:
    a merged cell spans both, or the lower row is blank where the upper has a header; and the
    lower row names at least two fields by itself. Ties go to the earliest, simplest header.
    """
    best: HeaderGuess | None = None
    best_score = 0
    limit = min(SCAN_ROWS, len(grid.rows))
    previous: list[str] | None = None
    for row in range(limit):
        texts = _filled_row(grid, row)
        if _is_title(texts):
            previous = None
            continue
        single = _columns(texts, None)
        single_score = _score(single, kind)
        options = [(row, single, single_score)]
        if previous is not None and single_score >= 2 and (
            _spans(grid, row - 1, row) or any(not t and p for t, p in zip(texts, previous))
        ):
            pair = _columns(texts, previous)
            options.append((row - 1, pair, _score(pair, kind)))
        for first, columns, score in options:
            if score > best_score:
                best_score = score
                matched = sum(1 for f in propose_mapping(columns, kind).values() if f)
                best = HeaderGuess(first, row, columns, matched, kind)
        previous = texts
    if best is None or best_score < 3:
        return None
    required = {f.key for f in FIELDS[kind] if f.required}
    if not set(propose_mapping(best.columns, kind).values()) & required:
        return None
    return best


def guess_kind(grids: Sequence[SheetGrid]) -> LedgerKind:
    """The kind whose header matches best over all sheets; consultations on a tie."""
    totals = {kind: 0 for kind in LedgerKind}
    for grid in grids:
        for kind in LedgerKind:
            guess = find_header(grid, kind)
            if guess is not None:
                totals[kind] += _score(guess.columns, kind)
    return max(LedgerKind, key=lambda k: (totals[k], k is LedgerKind.CONSULTATIONS))


def shape_key(kind: LedgerKind, columns: Sequence[ColumnHeader]) -> str:
    """Stable key of a ledger's shape: kind and the normalised header texts in order."""
    text = kind.value + "\x1f" + "\x1f".join(c.key for c in columns)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def mapping_problems(kind: LedgerKind, mapping: Mapping[int, str | None]) -> list[str]:
    """What stops a sheet with this mapping from being imported (Chinese): a required field not
    mapped, a field mapped from two columns (except 备注), an unknown field key."""
    known = {f.key for f in FIELDS[kind]}
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, key in sorted(mapping.items()):
        if key is None:
            continue
        if key not in known:
            problems.append(f"第{column_letter(index)}列：未知的字段“{key}”")
        elif key in seen and key != NOTES:
            problems.append(f"“{field_label(kind, key)}”同时对应了第{column_letter(seen[key])}列和第{column_letter(index)}列，只能选一列")
        else:
            seen[key] = index
    for spec in FIELDS[kind]:
        if spec.required and spec.key not in seen:
            problems.append(f"必须指定哪一列是“{spec.label}”")
    return problems


def year_hint(grid: SheetGrid, header: HeaderGuess | None, file_name: str) -> YearHint | None:
    """The year stated above the header (title rows), else in the sheet name, else in the file
    name — used for dates written without a year (``3月5日``)."""
    last = header.first_row if header else 0
    for row in range(last):
        for value in grid.rows[row]:
            text = raw_text(value).strip()
            year = find_year(text) if text else None
            if year:
                return YearHint(year, f"表头“{text[:30]}”")
    year = find_year(grid.name)
    if year:
        return YearHint(year, f"工作表名“{grid.name}”")
    year = find_year(file_name)
    if year:
        return YearHint(year, f"文件名“{file_name}”")
    return None
