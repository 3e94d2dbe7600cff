"""SQL for the log of exported batch workbooks (sequence numbers per point and period)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

# The record tables a batch carries, each with a ``point_id``, ``period``, ``updated_at``.
BATCH_TABLES = ("consultation", "education_session", "volunteer_visit", "duty_shift")


@dataclass(frozen=True)
class ExportedBatch:
    """One batch workbook that was written."""

    batch_id: str
    point_id: str
    period: str
    seq: int
    exported_at: str
    file_name: str
    row_counts: dict[str, int]
    checksum: str
    masked: bool


class BatchExportRepository:
    """The ``batch_export`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def next_seq(self, point_id: str, period: str) -> int:
        """1 for a first export of the month, then one more than the last."""
        row = self.db.execute(
            "SELECT max(seq) FROM batch_export WHERE point_id = ? AND period = ?", (point_id, period)
        ).fetchone()
        return int(row[0] or 0) + 1

    def record(self, batch: ExportedBatch) -> None:
        """Remember a written batch."""
        self.db.execute(
            "INSERT INTO batch_export (id, point_id, period, seq, exported_at, file_name, row_counts, checksum, masked) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (batch.batch_id, batch.point_id, batch.period, batch.seq, batch.exported_at, batch.file_name,
             json.dumps(batch.row_counts, ensure_ascii=False), batch.checksum, int(batch.masked)),
        )

    def last(self, point_id: str, period: str) -> ExportedBatch | None:
        """The most recent export of this point and period."""
        rows = list(self.db.query(
            "SELECT * FROM batch_export WHERE point_id = ? AND period = ? ORDER BY seq DESC LIMIT 1",
            [point_id, period],
        ))
        if not rows:
            return None
        r = rows[0]
        return ExportedBatch(r["id"], r["point_id"], r["period"], r["seq"], r["exported_at"], r["file_name"],
                             json.loads(r["row_counts"]), r["checksum"], bool(r["masked"]))

    def person_names(self) -> dict[str, str]:
        """Every person's name by id, deleted people included (old records still name them)."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, name FROM person")}

    def is_exported(self, point_id: str, period: str) -> bool:
        """True once any batch of this point and month was written (the month is settled)."""
        row = self.db.execute(
            "SELECT 1 FROM batch_export WHERE point_id = ? AND period = ? LIMIT 1", (point_id, period)
        ).fetchone()
        return row is not None

    def export_states(self) -> list[MonthExportRow]:
        """Per point and month with records or an export: last seq and time, records changed
        since that export, and the number of records (deleted ones included).

        "Changed since" counts distinct records of the month whose ``updated_at`` is after the
        last export, plus records logged in ``record_history`` after it as moved into or out of
        that month (a corrected date, a late entry). Points that are deleted are left out.
        """
        record_union = " UNION ALL ".join(
            f"SELECT point_id, period, id, updated_at FROM {table}" for table in BATCH_TABLES
        )
        changed_union = " UNION ".join(
            [f"SELECT '{table}' AS t, r.id, r.point_id, r.period FROM {table} r JOIN last_export e "
             "ON e.point_id = r.point_id AND e.period = r.period WHERE r.updated_at > e.exported_at"
             for table in BATCH_TABLES]
            + ["SELECT h.table_name, h.record_id, h.point_id, h.period FROM record_history h JOIN last_export e "
               "ON e.point_id = h.point_id AND e.period = h.period WHERE h.changed_at > e.exported_at",
               "SELECT h.table_name, h.record_id, h.new_point_id, h.new_period FROM record_history h "
               "JOIN last_export e ON e.point_id = h.new_point_id AND e.period = h.new_period "
               "WHERE h.changed_at > e.exported_at"]
        )
        sql = f"""
            WITH last_export AS (
                SELECT b.point_id, b.period, b.seq, b.exported_at, b.file_name FROM batch_export b
                WHERE b.seq = (SELECT max(seq) FROM batch_export x WHERE x.point_id = b.point_id AND x.period = b.period)
            ),
            records AS (
                SELECT point_id, period, count(*) AS n FROM ({record_union}) GROUP BY point_id, period
            ),
            changed AS (
                SELECT point_id, period, count(*) AS n FROM ({changed_union}) GROUP BY point_id, period
            ),
            months AS (
                SELECT point_id, period FROM records UNION SELECT point_id, period FROM last_export
            )
            SELECT m.point_id, m.period, coalesce(r.n, 0), e.seq, e.exported_at, e.file_name, coalesce(c.n, 0)
            FROM months m
            JOIN liaison_point p ON p.id = m.point_id AND p.deleted = 0
            LEFT JOIN records r ON r.point_id = m.point_id AND r.period = m.period
            LEFT JOIN last_export e ON e.point_id = m.point_id AND e.period = m.period
            LEFT JOIN changed c ON c.point_id = m.point_id AND c.period = m.period
            ORDER BY m.period, p.code
        """
        return [MonthExportRow(*row) for row in self.db.execute(sql).fetchall()]


@dataclass(frozen=True)
class MonthExportRow:
    """A raw row of :meth:`BatchExportRepository.export_states` (None when never exported)."""

    point_id: str
    period: str
    records: int
    last_seq: int | None
    last_exported_at: str | None
    last_file_name: str | None
    changed_since: int
