"""SQL for form drafts: a half-filled form saved as JSON so an accidental close loses nothing."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from liaison_app.domain import clock


class DraftRepository:
    """The ``draft`` table: one JSON payload per form key."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, key: str, payload: dict[str, Any]) -> None:
        """Store (replace) the draft under ``key``; committed at once."""
        self.db.execute(
            "INSERT INTO draft (key, payload, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at",
            (key, json.dumps(payload, ensure_ascii=False), clock.to_iso(clock.now())),
        )

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft saved under ``key`` or None."""
        row = self.db.execute("SELECT payload FROM draft WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def delete(self, key: str) -> None:
        """Forget the draft (after the record was saved or the user discarded it)."""
        self.db.execute("DELETE FROM draft WHERE key = ?", (key,))

    def keys(self, prefix: str = "") -> list[str]:
        """Keys of saved drafts starting with ``prefix``."""
        rows = self.db.execute("SELECT key FROM draft WHERE key LIKE ? ORDER BY saved_at DESC", (prefix + "%",))
        return [r[0] for r in rows]
