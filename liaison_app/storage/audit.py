"""SQL for ``audit_log``: append-only (triggers refuse UPDATE and DELETE, see migration 0006)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from liaison_app.domain.audit import AuditEntry

__all__ = ["AuditEntry", "AuditRepository"]


def _from_row(r: dict[str, Any]) -> AuditEntry:
    return AuditEntry(r["at"], r["user_id"], r["user_name"], r["user_role"], r["action"], r["table_name"],
                      r["record_id"], json.loads(r["changes"]), r["note"], r["id"])


class AuditRepository:
    """Adds and reads audit entries; there is deliberately no update or delete."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def add(self, entry: AuditEntry) -> None:
        """Append (inside the caller's transaction, so the entry and the change commit together)."""
        self.db.execute(
            "INSERT INTO audit_log (at, user_id, user_name, user_role, action, table_name, record_id, changes, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.at, entry.user_id, entry.user_name, entry.user_role, entry.action, entry.table_name,
             entry.record_id, json.dumps(entry.changes, ensure_ascii=False, sort_keys=True), entry.note),
        )

    def of_record(self, table_name: str | None, record_id: str) -> list[AuditEntry]:
        """Entries of one record (any table when ``table_name`` is None), oldest first."""
        if table_name is None:
            rows = self.db.query("SELECT * FROM audit_log WHERE record_id = ? ORDER BY id", [record_id])
        else:
            rows = self.db.query("SELECT * FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY id",
                                 [table_name, record_id])
        return [_from_row(r) for r in rows]

    def iter_all(self, *, since: str | None = None, until: str | None = None, batch: int = 500) -> Iterator[AuditEntry]:
        """Every entry (optionally with ``since <= at < until``), oldest first, read in batches."""
        last = 0
        while True:
            where, params = ["id > ?"], [last]
            if since:
                where.append("at >= ?")
                params.append(since)
            if until:
                where.append("at < ?")
                params.append(until)
            rows = list(self.db.query(
                f"SELECT * FROM audit_log WHERE {' AND '.join(where)} ORDER BY id LIMIT {int(batch)}", params))
            if not rows:
                return
            for row in rows:
                yield _from_row(row)
            last = rows[-1]["id"]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
