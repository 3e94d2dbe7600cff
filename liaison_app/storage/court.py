"""SQL of the court's merge database (法院汇总库): opening it, merged batches, merged rows, and
the queries behind the region-wide summary and the completeness grid.

The schema lives in ``db/court_migrations/NNNN_*.sql`` and is applied by the same runner as the
point database (:mod:`.migrations`), which also seeds the category dictionary. A court database
carries ``PRAGMA application_id`` 'LCRT', so a point database given by mistake is refused
untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from liaison_app import paths
from liaison_app.errors import UserError
from liaison_app.storage.database import apply_durability_pragmas, connect
from liaison_app.storage.migrations import Migration, load_migrations, migrate, refuse_if_too_new, schema_version

COURT_APPLICATION_ID = 1279480404  # b"LCRT"
# Tables of merged rows (one per data sheet of a batch); each has point_code, period, batch_id, id.
ROW_TABLES = ("court_consultation", "court_session", "court_visit", "court_shift")
STAGED = "staged"  # schema name of a worker's staged rows (CourtRepository.load_staged)


def court_migrations_dir() -> Path:
    """Folder of the court database's migrations (beside ``db/migrations``)."""
    return paths.bundle_root() / "db" / "court_migrations"


def court_migrations() -> list[Migration]:
    return load_migrations(court_migrations_dir())


def _refuse_foreign(db: sqlite_utils.Database, path: Path | str) -> None:
    """A non-empty database that is not a court database (e.g. a point's liaison.db) is refused."""
    if schema_version(db) == 0:
        return
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    if app_id != COURT_APPLICATION_ID:
        raise UserError(f"{path} 不是法院汇总数据库（它像是联系点的数据库）；请另选一个文件作为汇总库，本软件不会改动它")


def open_court_database(path: Path | str) -> sqlite_utils.Database:
    """Open (creating and migrating if needed) the court database at ``path``.

    Raises:
        DatabaseTooNewError: written by a newer app version (left unchanged).
        UserError: not a court database, unreadable, or a migration failed (rolled back).
    """
    migrations = court_migrations()
    db = connect(path)
    try:
        _refuse_foreign(db, path)
        refuse_if_too_new(db, len(migrations))
        apply_durability_pragmas(db)
        migrate(db, migrations)
    except BaseException:
        db.close()
        raise
    return db


def open_court_snapshot(path: Path | str) -> sqlite_utils.Database:
    """An in-memory copy of the court database at ``path`` (empty when the file does not exist),
    migrated, for a dry run: whatever is written to it never reaches the file.

    Raises:
        UserError: as :func:`open_court_database`.
    """
    migrations = court_migrations()
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    file_path = Path(path)
    if file_path.exists() and file_path.stat().st_size > 0:
        try:
            source = sqlite3.connect(f"file:{file_path.as_posix()}?mode=ro", uri=True)
            try:
                source.backup(memory)
            finally:
                source.close()
        except sqlite3.DatabaseError as exc:
            memory.close()
            raise UserError(f"无法打开汇总数据库 {path}：它不是数据库或已损坏（{exc}）") from exc
    db = sqlite_utils.Database(memory, execute_plugins=False)
    try:
        _refuse_foreign(db, path)
        refuse_if_too_new(db, len(migrations))
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, migrations)
    except BaseException:
        db.close()
        raise
    return db


@dataclass(frozen=True)
class MergedBatch:
    """A row of ``court_batch``."""

    batch_id: str
    point_code: str
    period: str
    seq: int
    point_name: str
    court: str
    file_name: str
    file_sha256: str
    data_checksum: str
    exported_at: str
    merged_at: str
    accepted_edited: bool
    masked: bool
    key_fingerprint: str
    app_version: str
    format_version: int
    consultations: int
    sessions: int
    visits: int
    shifts: int
    replaced_by: str | None = None
    replaced_at: str | None = None


_BATCH_COLUMNS = ("batch_id", "point_code", "period", "seq", "point_name", "court", "file_name", "file_sha256",
                  "data_checksum", "exported_at", "merged_at", "accepted_edited", "masked", "key_fingerprint",
                  "app_version", "format_version", "consultations", "sessions", "visits", "shifts",
                  "replaced_by", "replaced_at")


def _check_table(table: str) -> None:
    if table not in ROW_TABLES:
        raise ValueError(f"unknown court table {table!r}")


def _batch_from_row(row: Sequence[Any]) -> MergedBatch:
    values = dict(zip(_BATCH_COLUMNS, row))
    values["accepted_edited"] = bool(values["accepted_edited"])
    values["masked"] = bool(values["masked"])
    return MergedBatch(**values)


class CourtRepository:
    """Reads and writes the court database. Merges run inside :meth:`write_transaction`."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``: takes the write lock before reading the state a merge
        decides on (another merge cannot slip in between); any exception rolls back."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.execute("COMMIT")

    # -- batches --------------------------------------------------------------------------------
    def batch(self, batch_id: str) -> MergedBatch | None:
        row = self.db.execute(f"SELECT {', '.join(_BATCH_COLUMNS)} FROM court_batch WHERE batch_id = ?",
                              (batch_id,)).fetchone()
        return _batch_from_row(row) if row else None

    def batch_ids(self) -> set[str]:
        """Ids of every batch merged (current or replaced)."""
        return {row[0] for row in self.db.execute("SELECT batch_id FROM court_batch")}

    def current_batch(self, point_code: str, period: str) -> MergedBatch | None:
        """The batch whose rows the court holds for this point and month."""
        row = self.db.execute(
            f"SELECT {', '.join(_BATCH_COLUMNS)} FROM court_batch "
            "WHERE point_code = ? AND period = ? AND replaced_by IS NULL", (point_code, period),
        ).fetchone()
        return _batch_from_row(row) if row else None

    def batches(self, *, current_only: bool = False) -> list[MergedBatch]:
        """Merged batches by point, month and seq."""
        where = " WHERE replaced_by IS NULL" if current_only else ""
        rows = self.db.execute(f"SELECT {', '.join(_BATCH_COLUMNS)} FROM court_batch{where} "
                               "ORDER BY point_code, period, seq").fetchall()
        return [_batch_from_row(r) for r in rows]

    def insert_batch(self, batch: MergedBatch) -> None:
        values = [getattr(batch, c) for c in _BATCH_COLUMNS]
        values[_BATCH_COLUMNS.index("accepted_edited")] = int(batch.accepted_edited)
        values[_BATCH_COLUMNS.index("masked")] = int(batch.masked)
        self.db.conn.execute(
            f"INSERT INTO court_batch ({', '.join(_BATCH_COLUMNS)}) VALUES ({', '.join('?' * len(_BATCH_COLUMNS))})",
            values,
        )

    def mark_replaced(self, batch_id: str, by_batch_id: str, at: str) -> None:
        self.db.conn.execute("UPDATE court_batch SET replaced_by = ?, replaced_at = ? WHERE batch_id = ?",
                             (by_batch_id, at, batch_id))

    def upsert_point(self, code: str, name: str, court: str, period: str, at: str) -> None:
        """Remember a point (its latest name and court; its earliest month)."""
        self.db.conn.execute(
            "INSERT INTO court_point (code, name, court, first_period, first_seen_at, last_seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
            "court = excluded.court, first_period = min(first_period, excluded.first_period), "
            "last_seen_at = excluded.last_seen_at",
            (code, name, court, period, at, at),
        )

    # -- rows -----------------------------------------------------------------------------------
    def delete_rows(self, point_code: str, period: str) -> int:
        """Delete the merged rows of every kind for one point and month; returns how many."""
        deleted = 0
        for table in ROW_TABLES:
            cursor = self.db.conn.execute(f"DELETE FROM {table} WHERE point_code = ? AND period = ?",
                                          (point_code, period))
            deleted += cursor.rowcount
        return deleted

    def insert_rows(self, table: str, keys: Sequence[str], rows: Sequence[Sequence[Any]], point_code: str,
                    period: str, batch_id: str) -> int:
        """Insert rows of one data sheet into ``table`` (one of :data:`ROW_TABLES`) with one
        ``executemany``, inside the transaction: each row holds the values of ``keys`` (the
        table's column names) in that order; point code, period and batch id are put before them."""
        _check_table(table)
        names = ["point_code", "period", "batch_id", *keys]
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        head = (point_code, period, batch_id)
        self.db.conn.executemany(sql, [head + tuple(row) for row in rows])  # tuple(t) is t itself
        return len(rows)

    # -- rows staged by a worker process (exchange/batch_pool.py) ------------------------------------
    def load_staged(self, image: bytes) -> None:
        """Open ``image`` (an SQLite database image of staged rows) as the schema ``staged``, in
        memory. Outside a transaction: SQLite attaches and replaces a database only between
        transactions.

        The schema is detached and attached afresh for every image: replacing the content of
        an attached database keeps its schema cookie, so statements prepared against the last
        image (Python's statement cache) would not be re-prepared and would read the new image
        through the old one's table root pages. A detach expires them.
        """
        self.drop_staged()
        conn = self.db.conn
        conn.execute(f"ATTACH DATABASE ':memory:' AS {STAGED}")
        conn.deserialize(image, name=STAGED)

    def insert_staged(self, table: str, keys: Sequence[str], point_code: str, period: str, batch_id: str) -> None:
        """Insert the rows of ``staged.<table>`` (columns ``keys``, see :meth:`load_staged`) into
        ``table`` with one ``INSERT … SELECT``, inside the transaction — the rows and row order
        :meth:`insert_rows` gives for the same values."""
        _check_table(table)
        columns = ", ".join(keys)
        self.db.conn.execute(
            f"INSERT INTO {table} (point_code, period, batch_id, {columns}) "
            f"SELECT ?, ?, ?, {columns} FROM {STAGED}.{table} ORDER BY rowid", (point_code, period, batch_id))

    def drop_staged(self) -> None:
        """Detach the staged rows' schema, if attached (outside a transaction)."""
        conn = self.db.conn
        if any(row[1] == STAGED for row in conn.execute("PRAGMA database_list")):
            conn.execute(f"DETACH DATABASE {STAGED}")

    def ids_in_other_months(self, table: str, batch_id: str) -> int:
        """Records of this batch that the court also holds for another month of the same point
        (a date corrected across months: that other month needs a new batch)."""
        _check_table(table)
        row = self.db.execute(
            f"SELECT count(DISTINCT a.id) FROM {table} a JOIN {table} b "
            "ON b.id = a.id AND b.point_code = a.point_code AND b.period <> a.period "
            "WHERE a.batch_id = ? AND a.deleted = 0 AND b.deleted = 0", (batch_id,),
        ).fetchone()
        return int(row[0])

    def row_count(self, table: str, batch_id: str) -> int:
        _check_table(table)
        return int(self.db.execute(f"SELECT count(*) FROM {table} WHERE batch_id = ?", (batch_id,)).fetchone()[0])

    def category_codes(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT code FROM category")}

    def categories(self) -> list[tuple[str, int, str | None, str]]:
        """(code, level, parent code, Chinese name) in dictionary order."""
        return [tuple(r) for r in self.db.execute(  # type: ignore[misc]
            "SELECT code, level, parent_code, name_zh FROM category ORDER BY sort_order")]

    # -- summary queries ------------------------------------------------------------------------
    def points(self) -> list[tuple[str, str, str, str]]:
        """(code, name, court, first period) of every point seen, by court and code."""
        return [tuple(r) for r in self.db.execute(  # type: ignore[misc]
            "SELECT code, name, court, first_period FROM court_point ORDER BY court, code")]

    def periods(self) -> list[str]:
        """Every month with a merged batch, ascending."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT period FROM court_batch ORDER BY period")]

    def consultation_figures(self, start: str, end: str, today: str) -> list[tuple[Any, ...]]:
        """Per point and month: consultations, follow-ups required/done/overdue, distinct visitor
        keys, consultations without a key (deleted rows excluded)."""
        return self.db.execute(
            "SELECT point_code, period, count(*), count(followup_due), "
            "count(CASE WHEN followup_due IS NOT NULL AND followup_done IS NOT NULL THEN 1 END), "
            "count(CASE WHEN followup_due IS NOT NULL AND followup_done IS NULL AND followup_due < ? THEN 1 END), "
            "count(DISTINCT nullif(visitor_key, '')), count(CASE WHEN visitor_key = '' THEN 1 END) "
            "FROM court_consultation WHERE deleted = 0 AND period BETWEEN ? AND ? GROUP BY point_code, period",
            (today, start, end),
        ).fetchall()

    def consultations_by(self, column: str, start: str, end: str) -> list[tuple[str, str, str, int]]:
        """(point, month, value, count) for ``column`` ``outcome`` or ``category`` (level 1)."""
        expression = {"outcome": "c.outcome",
                      "category": "coalesce(cat.parent_code, cat.code, c.category_code)"}[column]
        return self.db.execute(
            f"SELECT c.point_code, c.period, {expression}, count(*) FROM court_consultation c "
            "LEFT JOIN category cat ON cat.code = c.category_code "
            "WHERE c.deleted = 0 AND c.period BETWEEN ? AND ? GROUP BY 1, 2, 3", (start, end),
        ).fetchall()

    def session_figures(self, start: str, end: str) -> list[tuple[Any, ...]]:
        """Per point and month: sessions, audience, online views."""
        return self.db.execute(
            "SELECT point_code, period, count(*), coalesce(sum(audience), 0), coalesce(sum(views), 0) "
            "FROM court_session WHERE deleted = 0 AND period BETWEEN ? AND ? GROUP BY point_code, period",
            (start, end),
        ).fetchall()

    def visit_figures(self, start: str, end: str) -> list[tuple[Any, ...]]:
        """Per point and month: visits and service time in tenths of an hour (rounded per visit)."""
        return self.db.execute(
            "SELECT point_code, period, count(*), coalesce(sum(CAST(round(hours * 10) AS INTEGER)), 0) "
            "FROM court_visit WHERE deleted = 0 AND period BETWEEN ? AND ? GROUP BY point_code, period",
            (start, end),
        ).fetchall()

    def shift_figures(self, start: str, end: str) -> list[tuple[str, str, str, int]]:
        """(point, month, shift state, count)."""
        return self.db.execute(
            "SELECT point_code, period, shift_state, count(*) FROM court_shift "
            "WHERE deleted = 0 AND period BETWEEN ? AND ? GROUP BY 1, 2, 3", (start, end),
        ).fetchall()

    def visitor_figures(self, start: str, end: str) -> list[tuple[str, str, int, int, int]]:
        """Per court and month: distinct visitor keys, keyed consultations, and visitors seen at
        two or more points (from the pseudonymous keys only)."""
        return self.db.execute(
            "SELECT p.court, c.period, count(DISTINCT c.visitor_key), count(*), "
            "(SELECT count(*) FROM (SELECT c2.visitor_key FROM court_consultation c2 "
            " JOIN court_point p2 ON p2.code = c2.point_code "
            " WHERE c2.deleted = 0 AND c2.visitor_key <> '' AND c2.period = c.period AND p2.court = p.court "
            " GROUP BY c2.visitor_key HAVING count(DISTINCT c2.point_code) > 1)) "
            "FROM court_consultation c JOIN court_point p ON p.code = c.point_code "
            "WHERE c.deleted = 0 AND c.visitor_key <> '' AND c.period BETWEEN ? AND ? GROUP BY p.court, c.period",
            (start, end),
        ).fetchall()

    def key_fingerprints(self) -> list[tuple[str, str]]:
        """(point code, key fingerprint) of the current batches, distinct."""
        return self.db.execute(
            "SELECT DISTINCT point_code, key_fingerprint FROM court_batch WHERE replaced_by IS NULL "
            "ORDER BY point_code").fetchall()

    def submissions(self) -> list[tuple[str, str, int, str, str, int, str]]:
        """Per point and month: first exported_at, current seq and its exported_at and merged_at,
        number of batches, and whether any current batch was accepted as edited."""
        return self.db.execute(
            "SELECT b.point_code, b.period, cur.seq, min(b.exported_at), cur.exported_at, count(*), cur.merged_at "
            "FROM court_batch b JOIN court_batch cur ON cur.point_code = b.point_code AND cur.period = b.period "
            "AND cur.replaced_by IS NULL GROUP BY b.point_code, b.period ORDER BY b.point_code, b.period"
        ).fetchall()

    # -- the region-wide monthly report -----------------------------------------------------------
    def sessions_of(self, period: str) -> list[dict[str, Any]]:
        """The month's merged education sessions with their point's name, in date order
        (deleted rows left out). Keys: point_code, point_name, held_on, start_time, form (label),
        topic, place, audience, views."""
        return list(self.db.query(
            "SELECT s.point_code, coalesce(p.name, s.point_code) AS point_name, s.held_on, s.start_time, s.form, "
            "s.topic, s.place, s.audience, s.views FROM court_session s "
            "LEFT JOIN court_point p ON p.code = s.point_code "
            "WHERE s.deleted = 0 AND s.period = ? ORDER BY s.held_on, s.start_time, p.court, s.point_code",
            (period,),
        ))

    def overdue_of(self, period: str, today: str, limit: int = 500) -> list[dict[str, Any]]:
        """The month's merged consultations whose follow-up was due before ``today`` and is not
        recorded as done in the point's latest batch, oldest due first (deleted rows left out).
        Keys: point_code, point_name, received_at, visitor_name, village, category_name,
        followup_due, receiver_name."""
        return list(self.db.query(
            "SELECT c.point_code, coalesce(p.name, c.point_code) AS point_name, c.received_at, c.visitor_name, "
            "c.village, c.category_name, c.followup_due, c.receiver_name FROM court_consultation c "
            "LEFT JOIN court_point p ON p.code = c.point_code "
            "WHERE c.deleted = 0 AND c.period = ? AND c.followup_due IS NOT NULL AND c.followup_done IS NULL "
            "AND c.followup_due < ? ORDER BY c.followup_due, c.received_at LIMIT ?",
            (period, today, limit),
        ))
