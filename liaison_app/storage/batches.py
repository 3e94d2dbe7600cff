"""SQL for the log of exported batch workbooks (sequence numbers per point and period)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils


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
