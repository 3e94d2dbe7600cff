"""SQL for consultations: mapping rows ⇄ records, paging, filters, search, visitor matching."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.enums import AgeBand, FollowUpState, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.records import (
    Consultation,
    ConsultationFilter,
    ConsultationListRow,
    ListPage,
    MonthFigures,
)
from liaison_app.domain.text import normalise_for_search
from liaison_app.errors import NotFoundError, UserError
from liaison_app.storage.search_index import TRIGRAM_MIN_CHARS, bigram_match, trigram_match

# Sortable columns: key → SQL expression. Anything else is refused (no SQL from callers).
SORT_COLUMNS: dict[str, str] = {
    "received_at": "c.received_at",
    "point": "p.name",
    "mode": "c.mode",
    "visitor_name": "c.visitor_name",
    "village": "c.village",
    "category": "cat.sort_order",
    "outcome": "c.outcome",
    "receiver_name": "c.receiver_name",
    "followup_due": "coalesce(c.followup_done, c.followup_due, '9999')",
    "phone": "c.phone",
    "paper_form_no": "c.paper_form_no",
}


@dataclass(frozen=True)
class _ListSort:
    """How :meth:`ConsultationRepository.list_page` orders rows by one sort key.

    ``keys`` are the SQL expressions ordered by (before ``c.id``, which breaks ties); ``source``
    the FROM clause. A *grouped* sort orders by a value of another table (point name, dictionary
    order): ``source`` then walks that table in order (``CROSS JOIN`` fixes the loop order so
    the ORDER BY is read off the indexes, no sort step) and ``group`` is the consultation
    column equal within one group; its last key is that column.
    """

    keys: tuple[str, ...]
    source: str = "consultation c"
    group: str | None = None


# Every key is indexed over live rows by migration 0007 (``consultation_list_*``): the first
# page and each next page are one index range, whatever the table size.
LIST_SORTS: dict[str, _ListSort] = {
    "received_at": _ListSort(("c.received_at",)),
    "visitor_name": _ListSort(("c.visitor_name",)),
    "phone": _ListSort(("c.phone",)),
    "village": _ListSort(("c.village",)),
    "outcome": _ListSort(("c.outcome",)),
    "followup_due": _ListSort(("coalesce(c.followup_done, c.followup_due, '9999')",)),
    "point": _ListSort(("g.name", "g.rowid", "c.point_id"),
                       "liaison_point g CROSS JOIN consultation c ON c.point_id = g.id", "c.point_id"),
    "category": _ListSort(("g.sort_order", "g.rowid", "c.category_code"),
                          "category g CROSS JOIN consultation c ON c.category_code = g.code", "c.category_code"),
    # Not list columns (no index): correct, but each page sorts the matching rows.
    "mode": _ListSort(("c.mode",)),
    "receiver_name": _ListSort(("c.receiver_name",)),
    "paper_form_no": _ListSort(("coalesce(c.paper_form_no, '')",)),
}
assert set(LIST_SORTS) == set(SORT_COLUMNS)
# A search matching more rows than this pages through the sort key's index (see list_page).
DRIVE_BY_TEXT_MAX = 1000


def search_text_of(record: Consultation) -> str:
    """The normalised text the search runs over (names, phone digits, places, free text)."""
    parts = (
        record.visitor_name,
        record.phone,
        record.village,
        record.receiver_name,
        record.question,
        record.advice,
        record.referral_target,
        record.followup_note,
        record.paper_form_no,
    )
    return "\x1f".join(normalise_for_search(p) for p in parts if p)


def to_row(record: Consultation) -> dict[str, Any]:
    """Column values of ``record`` (timestamps must already be set)."""
    assert record.created_at is not None and record.updated_at is not None
    return {
        "id": record.id,
        "point_id": record.point_id,
        "received_at": clock.to_iso(record.received_at),
        "period": clock.period_of(record.received_at),
        "mode": record.mode.value,
        "receiver_name": record.receiver_name,
        "visitor_name": record.visitor_name,
        "gender": record.gender.value,
        "age_band": record.age_band.value,
        "phone": record.phone,
        "id_status": record.id_status.value,
        "id_number": record.id_number,
        "village": record.village,
        "special_groups": ",".join(sorted(g.value for g in record.special_groups)),
        "category_code": record.category_code,
        "category_dict_version": record.category_dict_version,
        "question": record.question,
        "advice": record.advice,
        "outcome": record.outcome.value,
        "referral_target": record.referral_target,
        "followup_due": record.followup_due.isoformat() if record.followup_due else None,
        "followup_done": record.followup_done.isoformat() if record.followup_done else None,
        "followup_note": record.followup_note,
        "paper_form_no": record.paper_form_no or None,
        "search_text": search_text_of(record),
        "created_at": clock.to_iso(record.created_at),
        "updated_at": clock.to_iso(record.updated_at),
        "deleted": int(record.deleted),
    }


def from_row(row: sqlite3.Row | dict[str, Any]) -> Consultation:
    """The record stored in ``row`` (a mapping of column → value)."""
    groups = row["special_groups"]
    return Consultation(
        id=row["id"],
        point_id=row["point_id"],
        received_at=clock.from_iso(row["received_at"]),
        mode=Mode(row["mode"]),
        receiver_name=row["receiver_name"],
        visitor_name=row["visitor_name"],
        gender=Gender(row["gender"]),
        age_band=AgeBand(row["age_band"]),
        phone=row["phone"],
        id_status=IdStatus(row["id_status"]),
        id_number=row["id_number"],
        village=row["village"],
        special_groups=frozenset(SpecialGroup(g) for g in groups.split(",") if g),
        category_code=row["category_code"],
        category_dict_version=row["category_dict_version"],
        question=row["question"],
        advice=row["advice"],
        outcome=Outcome(row["outcome"]),
        referral_target=row["referral_target"],
        followup_due=date.fromisoformat(row["followup_due"]) if row["followup_due"] else None,
        followup_done=date.fromisoformat(row["followup_done"]) if row["followup_done"] else None,
        followup_note=row["followup_note"],
        paper_form_no=row["paper_form_no"] or "",
        created_at=clock.from_iso(row["created_at"]),
        updated_at=clock.from_iso(row["updated_at"]),
        deleted=bool(row["deleted"]),
    )


_COLUMNS = (
    "id, point_id, received_at, mode, receiver_name, visitor_name, gender, age_band, phone, "
    "id_status, id_number, village, special_groups, category_code, category_dict_version, question, "
    "advice, outcome, referral_target, followup_due, followup_done, followup_note, paper_form_no, "
    "created_at, updated_at, deleted"
)
_COLUMN_NAMES = tuple(c.strip() for c in _COLUMNS.split(","))
_SELECT = ", ".join(f"c.{c}" for c in _COLUMN_NAMES)
# The light projection of the list (ConsultationListRow): no free text.
_LIST_SELECT = ("c.id, c.point_id, c.received_at, c.visitor_name, c.phone, c.village, c.category_code, "
                "c.outcome, c.followup_due, c.followup_done")
_LIST_WIDTH = 10


def list_row(row: Sequence[Any]) -> ConsultationListRow:
    """The list row of the first ten values of ``row`` (:data:`_LIST_SELECT` order)."""
    return ConsultationListRow(
        row[0], row[1], clock.from_iso(row[2]), row[3], row[4], row[5], row[6], Outcome(row[7]),
        date.fromisoformat(row[8]) if row[8] else None, date.fromisoformat(row[9]) if row[9] else None,
    )


class ConsultationRepository:
    """Reads and writes the ``consultation`` table. Callers wrap multi-step work in ``db.atomic()``."""

    table = "consultation"

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._text_matches_memo: tuple[tuple[str, int, int], int] | None = None

    # -- writes ---------------------------------------------------------------------------
    def insert(self, record: Consultation) -> None:
        """Insert a new row. Raises UserError when the paper-form number is already used."""
        row = to_row(record)
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        try:
            self.db.execute(f"INSERT INTO consultation ({names}) VALUES ({marks})", row)
        except sqlite3.IntegrityError as exc:
            raise self._integrity_error(exc, record) from exc

    def update(self, record: Consultation) -> None:
        """Overwrite the row with ``record.id``. Raises NotFoundError / UserError."""
        row = to_row(record)
        row.pop("created_at")
        sets = ", ".join(f"{k} = :{k}" for k in row if k != "id")
        try:
            cursor = self.db.execute(f"UPDATE consultation SET {sets} WHERE id = :id", row)
        except sqlite3.IntegrityError as exc:
            raise self._integrity_error(exc, record) from exc
        if cursor.rowcount != 1:
            raise NotFoundError("这条咨询记录已不存在")

    def set_deleted(self, record_id: str, deleted: bool, updated_at: str) -> None:
        """Set or clear the soft-delete mark."""
        cursor = self.db.execute(
            "UPDATE consultation SET deleted = ?, updated_at = ? WHERE id = ?",
            (int(deleted), updated_at, record_id),
        )
        if cursor.rowcount != 1:
            raise NotFoundError("这条咨询记录已不存在")

    @staticmethod
    def _integrity_error(exc: sqlite3.IntegrityError, record: Consultation) -> UserError:
        if "paper_form_no" in str(exc):
            return UserError(f"纸质登记表编号“{record.paper_form_no}”在本联系点已录入过，不能重复录入")
        return UserError(f"保存失败：数据不完整（{exc}）")

    # -- reads ----------------------------------------------------------------------------
    def get(self, record_id: str) -> Consultation:
        """The record with this id (deleted ones too). Raises NotFoundError."""
        row = self.db.execute(f"SELECT {_SELECT} FROM consultation c WHERE c.id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError("这条咨询记录已不存在")
        return from_row(self._as_dict(row))

    def _as_dict(self, row: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(_COLUMN_NAMES, row))

    def _where(self, flt: ConsultationFilter, today: date, *, text_drives: bool = True) -> tuple[str, list[Any]]:
        """`` WHERE …`` and its parameters for ``flt``.

        "Not deleted" is true of nearly every row: ``likely()`` tells the planner so, and it
        picks a selective index (a filter's, or the sort key's ``consultation_list_*``, which
        are partial on ``deleted = 0``). ``text_drives`` False writes the search term so that it
        cannot pick the rows (``+c.rowid``): the query then walks the sort key's index and only
        tests each row against the full-text matches.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if not flt.include_deleted:
            clauses.append("likely(c.deleted = 0)")
        if flt.period:
            clauses.append("c.period = ?")
            params.append(flt.period)
        if flt.point_id:
            clauses.append("c.point_id = ?")
            params.append(flt.point_id)
        if flt.category_code:
            clauses.append("(c.category_code = ? OR c.category_code IN (SELECT code FROM category WHERE parent_code = ?))")
            params += [flt.category_code, flt.category_code]
        if flt.outcome:
            clauses.append("c.outcome = ?")
            params.append(flt.outcome.value)
        if flt.followup:
            sql, extra = _followup_clause(flt.followup, today)
            clauses.append(sql)
            params += extra
        needle = normalise_for_search(flt.text)
        if needle:
            # Both indexes find every row whose search_text contains the needle and no other
            # (storage/search_index.py); neither needs a scan of the table.
            table, match = _text_index(needle)
            rowid = "c.rowid" if text_drives else "+c.rowid"
            clauses.append(f"{rowid} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def page(
        self,
        flt: ConsultationFilter,
        *,
        today: date,
        sort: str = "received_at",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[Consultation]:
        """One page of matching records in the given order (ties broken by id)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        where, params = self._where(flt, today)
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {_SELECT} FROM consultation c "
            "JOIN liaison_point p ON p.id = c.point_id "
            "JOIN category cat ON cat.code = c.category_code"
            f"{where} ORDER BY {SORT_COLUMNS[sort]} {direction}, c.id {direction} LIMIT ? OFFSET ?"
        )
        rows = self.db.execute(sql, [*params, limit, offset]).fetchall()
        return [from_row(self._as_dict(r)) for r in rows]

    def list_page(
        self,
        flt: ConsultationFilter,
        *,
        today: date,
        sort: str = "received_at",
        descending: bool = True,
        after: object = None,
        limit: int = 200,
    ) -> ListPage:
        """One page of the list: light rows (:class:`ConsultationListRow`) in the given order,
        ties broken by id, starting after the position ``after`` of the previous page's
        :attr:`ListPage.after` (None: the first page).

        Keyset pagination (``WHERE (key, id) > (?, ?)``), never ``OFFSET``: with the indexes of
        migration 0007 every page costs the same, the last of 100,000 rows as the first.
        """
        spec = LIST_SORTS.get(sort)
        if spec is None:
            raise ValueError(f"unknown sort column {sort!r}")
        # Few search matches: fetch them through the full-text index and sort them. Many: walk
        # the sort key's index and keep the matching rows, which stops after one page instead
        # of fetching thousands of rows only to sort them.
        needle = normalise_for_search(flt.text)
        text_drives = not needle or self.text_matches(needle) <= DRIVE_BY_TEXT_MAX
        where, params = self._where(flt, today, text_drives=text_drives)
        clauses = [where[len(" WHERE "):]] if where else []
        op, direction = ("<", "DESC") if descending else (">", "ASC")
        order = ", ".join(f"{key} {direction}" for key in (*spec.keys, "c.id"))
        table = "consultation c"
        if flt.followup in (FollowUpState.OVERDUE, FollowUpState.PENDING):
            # Open follow-ups are few (hundreds, not 100,000): read them through their own
            # index and sort them, rather than walking the whole sort index to find them.
            table = "consultation c INDEXED BY consultation_open_followup"
        select = f"SELECT {_LIST_SELECT}, {', '.join(spec.keys)} FROM {spec.source.replace('consultation c', table)}"
        found: list[tuple[Any, ...]] = []
        if after is None:
            sql = f"{select}{_and(clauses)} ORDER BY {order} LIMIT ?"
            found = self.db.execute(sql, [*params, limit + 1]).fetchall()
        elif spec.group is None:
            keys, last_id = after  # type: ignore[misc]
            marks = ", ".join("?" * (len(keys) + 1))
            key_sql = ", ".join((*spec.keys, "c.id"))
            sql = f"{select}{_and([*clauses, f'({key_sql}) {op} ({marks})'])} ORDER BY {order} LIMIT ?"
            found = self.db.execute(sql, [*params, *keys, last_id, limit + 1]).fetchall()
        else:
            keys, last_id = after  # type: ignore[misc]
            # The rest of the cursor's group (one index range on (group column, id)) ...
            sql = (f"SELECT {_LIST_SELECT} FROM {table}"
                   f"{_and([*clauses, f'{spec.group} = ?', f'c.id {op} ?'])} ORDER BY c.id {direction} LIMIT ?")
            found = [(*r, *keys) for r in self.db.execute(sql, [*params, keys[-1], last_id, limit + 1])]
            if len(found) <= limit:  # ... then the groups after it, in order.
                outer = ", ".join(spec.keys[:-1])
                marks = ", ".join("?" * (len(spec.keys) - 1))
                sql = (f"{select}{_and([*clauses, f'({outer}) {op} ({marks})'])} ORDER BY {order} LIMIT ?")
                found += self.db.execute(sql, [*params, *keys[:-1], limit + 1 - len(found)]).fetchall()
        rows = [list_row(r) for r in found[:limit]]
        last = found[min(len(found), limit) - 1] if found else None
        position = (tuple(last[_LIST_WIDTH:]), last[0]) if last is not None else after
        return ListPage(rows, position, len(found) > limit)

    def text_matches(self, needle: str) -> int:
        """Rows whose search text contains the normalised ``needle`` (deleted ones too), counted
        in the full-text index alone (about a millisecond; a common single character that most
        rows contain takes longer). The last answer is kept until the database changes: typing
        asks for it twice per keystroke (the page's plan, the count)."""
        state = (needle, self.db.conn.total_changes, self.db.execute("PRAGMA data_version").fetchone()[0])
        if self._text_matches_memo is not None and self._text_matches_memo[0] == state:
            return self._text_matches_memo[1]
        table, match = _text_index(needle)
        found = int(self.db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[0])
        self._text_matches_memo = (state, found)
        return found

    def count(self, flt: ConsultationFilter, *, today: date) -> int:
        """Number of records matching ``flt``."""
        needle = normalise_for_search(flt.text)
        if needle and flt == ConsultationFilter(text=flt.text, include_deleted=flt.include_deleted):
            # Search alone: the full-text index counts the matches without reading a table row;
            # subtract the few deleted ones (consultation_deleted_rows lists only those).
            found = self.text_matches(needle)
            if flt.include_deleted or not found:
                return found
            table, match = _text_index(needle)
            deleted = self.db.execute(
                "SELECT count(*) FROM consultation c INDEXED BY consultation_deleted_rows WHERE c.deleted = 1 "
                f"AND c.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", (match,)).fetchone()[0]
            return found - int(deleted)
        where, params = self._where(flt, today)
        return int(self.db.execute(f"SELECT count(*) FROM consultation c{where}", params).fetchone()[0])

    def iter_period(self, point_id: str, period: str, *, include_deleted: bool = True) -> Iterator[Consultation]:
        """All records of one point and period in received order (for batch export)."""
        sql = (
            f"SELECT {_SELECT} FROM consultation c WHERE c.point_id = ? AND c.period = ?"
            + ("" if include_deleted else " AND c.deleted = 0")
            + " ORDER BY c.received_at, c.id"
        )
        for row in self.db.execute(sql, (point_id, period)):
            yield from_row(self._as_dict(row))

    def candidates_same_person(
        self, *, phone: str, id_number: str, village: str, exclude_id: str | None, limit: int = 50
    ) -> list[tuple[Consultation, str]]:
        """Earlier records with the same phone, the same ID number, or in the same village (for
        name comparison by the caller), newest first, each with the key that matched."""
        found: list[tuple[Consultation, str]] = []
        for key, column, value in (("id", "id_number", id_number), ("phone", "phone", phone), ("village", "village", village)):
            if not value:
                continue
            rows = self.db.execute(
                f"SELECT {_SELECT} FROM consultation c WHERE c.deleted = 0 AND c.{column} = ? "
                "AND c.id IS NOT ? ORDER BY c.received_at DESC LIMIT ?",
                (value, exclude_id, limit),
            ).fetchall()
            found += [(from_row(self._as_dict(r)), key) for r in rows]
        return found

    def month_figures(self, period: str, point_id: str | None, today: date) -> MonthFigures:
        """Start-page counts for ``period`` (and a point, if given) as of ``today``."""
        point_sql = " AND point_id = ?" if point_id else ""
        point_params: list[Any] = [point_id] if point_id else []
        total, required, done = self.db.execute(
            "SELECT count(*), count(followup_due), count(followup_due IS NOT NULL AND followup_done IS NOT NULL OR NULL) "
            f"FROM consultation WHERE deleted = 0 AND period = ?{point_sql}",
            [period, *point_params],
        ).fetchone()
        overdue, pending = self.db.execute(
            "SELECT count(followup_due < ? OR NULL), count(followup_due >= ? OR NULL) FROM consultation "
            f"WHERE deleted = 0 AND followup_done IS NULL AND followup_due IS NOT NULL{point_sql}",
            [today.isoformat(), today.isoformat(), *point_params],
        ).fetchone()
        return MonthFigures(period, total, required, done, overdue, pending)

    def ids_starting_with(self, prefix: str, limit: int = 2) -> list[str]:
        """Ids beginning with ``prefix`` (at most ``limit``)."""
        rows = self.db.execute("SELECT id FROM consultation WHERE id >= ? AND id < ? LIMIT ?",
                               (prefix, prefix + "\uffff", limit)).fetchall()
        return [r[0] for r in rows]

    def paper_form_taken(self, point_id: str, paper_form_no: str, exclude_id: str | None) -> bool:
        """True if another record of this point already uses this paper-form number."""
        row = self.db.execute(
            "SELECT 1 FROM consultation WHERE point_id = ? AND paper_form_no = ? AND id IS NOT ?",
            (point_id, paper_form_no, exclude_id),
        ).fetchone()
        return row is not None

    def receiver_names(self, limit: int = 50) -> list[str]:
        """Receivers used before, most frequent first (for the form's completion list)."""
        rows = self.db.execute(
            "SELECT receiver_name FROM consultation WHERE deleted = 0 GROUP BY receiver_name "
            "ORDER BY count(*) DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [r[0] for r in rows]

    def villages(self, point_id: str | None = None, limit: int = 200) -> list[str]:
        """Villages seen before (for completion), most frequent first."""
        sql = "SELECT village FROM consultation WHERE deleted = 0 AND village <> ''"
        params: list[Any] = []
        if point_id:
            sql += " AND point_id = ?"
            params.append(point_id)
        sql += " GROUP BY village ORDER BY count(*) DESC LIMIT ?"
        return [r[0] for r in self.db.execute(sql, [*params, limit]).fetchall()]

    def changed_since(self, point_id: str, period: str, since_iso: str) -> int:
        """Records of one point and period updated after ``since_iso``."""
        row = self.db.execute(
            "SELECT count(*) FROM consultation WHERE point_id = ? AND period = ? AND updated_at > ?",
            (point_id, period, since_iso),
        ).fetchone()
        return int(row[0])

    # -- bulk -----------------------------------------------------------------------------
    def insert_many(self, records: Iterable[Consultation]) -> int:
        """Insert already validated records with ``executemany``; returns how many.

        Call inside ``db.atomic()``: one transaction for the lot is what makes thousands of rows
        take well under a second (GUIDE §5). Timestamps must be set on every record.

        Raises:
            UserError: a paper-form number or an id is already used (the caller's transaction
                is then rolled back by ``atomic()``).
        """
        rows = [to_row(r) for r in records]
        if not rows:
            return 0
        names = ", ".join(rows[0])
        marks = ", ".join(f":{k}" for k in rows[0])
        try:
            self.db.conn.executemany(f"INSERT INTO consultation ({names}) VALUES ({marks})", rows)
        except sqlite3.IntegrityError as exc:
            if "paper_form_no" in str(exc):
                raise UserError(f"纸质登记表编号重复，未保存（{exc}）") from exc
            raise UserError(f"保存失败：记录重复或数据不完整（{exc}）") from exc
        return len(rows)

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` already stored (deleted ones too)."""
        wanted = list(ids)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM consultation WHERE id IN ({marks})", chunk))
        return found

    def paper_form_numbers(self, point_id: str) -> set[str]:
        """Paper-form numbers already used at a point (deleted records keep theirs reserved)."""
        rows = self.db.execute(
            "SELECT paper_form_no FROM consultation WHERE point_id = ? AND paper_form_no IS NOT NULL", (point_id,)
        )
        return {r[0] for r in rows}


def _text_index(needle: str) -> tuple[str, str]:
    """(full-text table, MATCH expression) for a normalised, non-empty needle."""
    if len(needle) >= TRIGRAM_MIN_CHARS:
        return "consultation_fts", trigram_match(needle)
    return "consultation_bigram", bigram_match(needle)


def _and(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _followup_clause(state: FollowUpState, today: date) -> tuple[str, list[Any]]:
    day = today.isoformat()
    if state is FollowUpState.DONE:
        return "c.followup_done IS NOT NULL", []
    if state is FollowUpState.NONE:
        return "(c.followup_done IS NULL AND c.followup_due IS NULL)", []
    if state is FollowUpState.OVERDUE:
        return "(c.followup_done IS NULL AND c.followup_due < ?)", [day]
    return "(c.followup_done IS NULL AND c.followup_due >= ?)", [day]
