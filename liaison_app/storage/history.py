"""SQL for ``record_history``: changes to records of months already exported (with reasons)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass(frozen=True)
class HistoryEntry:
    """One logged change. ``changes`` maps a field name to ``[old, new]`` (personal fields only
    say that they changed). Timestamps are ISO 8601 text with +08:00."""

    table_name: str
    record_id: str
    point_id: str
    period: str
    new_point_id: str
    new_period: str
    action: str
    reason: str
    changes: dict[str, Any]
    changed_at: str


class RecordHistoryRepository:
    """The ``record_history`` table (call writes inside the record's own transaction)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def add(self, entry: HistoryEntry) -> None:
        self.db.execute(
            "INSERT INTO record_history (table_name, record_id, point_id, period, new_point_id, new_period, "
            "action, reason, changes, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.table_name, entry.record_id, entry.point_id, entry.period, entry.new_point_id,
             entry.new_period, entry.action, entry.reason,
             json.dumps(entry.changes, ensure_ascii=False, sort_keys=True), entry.changed_at),
        )

    def of_record(self, table_name: str, record_id: str) -> list[HistoryEntry]:
        """The record's logged changes, oldest first."""
        rows = self.db.query(
            "SELECT * FROM record_history WHERE table_name = ? AND record_id = ? ORDER BY changed_at, id",
            [table_name, record_id],
        )
        return [
            HistoryEntry(r["table_name"], r["record_id"], r["point_id"], r["period"], r["new_point_id"],
                         r["new_period"], r["action"], r["reason"], json.loads(r["changes"]), r["changed_at"])
            for r in rows
        ]
