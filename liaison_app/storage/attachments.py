"""SQL for attachment records (the files themselves live in the attachments folder)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Attachment:
    """A file copied into the data folder, owned by one record."""

    id: str
    owner_table: str
    owner_id: str
    kind: str            # 'photo' | 'sign_in' | 'other'
    stored_name: str
    original_name: str
    sha256: str
    size_bytes: int
    created_at: str
    deleted: bool = False


class AttachmentRepository:
    """The ``attachment`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def insert(self, item: Attachment) -> None:
        self.db.execute(
            "INSERT INTO attachment (id, owner_table, owner_id, kind, stored_name, original_name, sha256, "
            "size_bytes, created_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.id, item.owner_table, item.owner_id, item.kind, item.stored_name, item.original_name,
             item.sha256, item.size_bytes, item.created_at, int(item.deleted)),
        )

    def of(self, owner_table: str, owner_id: str, include_deleted: bool = False) -> list[Attachment]:
        """Attachments of one record in the order they were added."""
        sql = "SELECT * FROM attachment WHERE owner_table = ? AND owner_id = ?"
        if not include_deleted:
            sql += " AND deleted = 0"
        rows = self.db.query(sql + " ORDER BY created_at, id", [owner_table, owner_id])
        return [Attachment(**{**r, "deleted": bool(r["deleted"])}) for r in rows]

    def set_deleted(self, attachment_id: str, deleted: bool) -> None:
        self.db.execute("UPDATE attachment SET deleted = ? WHERE id = ?", (int(deleted), attachment_id))

    def by_hash(self, owner_table: str, owner_id: str, sha256: str) -> Attachment | None:
        """The live attachment of this record with this content, if any (avoids duplicates)."""
        for item in self.of(owner_table, owner_id):
            if item.sha256 == sha256:
                return item
        return None
