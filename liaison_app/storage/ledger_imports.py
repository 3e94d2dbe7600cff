"""SQL for ledger imports: the import log, row fingerprints and remembered column mappings
(tables of db/migrations/0004_ledger_import.sql)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class ImportLogEntry:
    """One import run as logged. Counts are rows of the ledger."""

    id: str
    point_id: str
    kind: str
    file_name: str
    file_sha256: str
    file_format: str
    imported_at: str
    rows_read: int
    imported: int
    duplicates: int
    rejected: int
    with_warnings: int
    report_file: str = ""


@dataclass(frozen=True)
class ImportedRow:
    """A ledger row that became a record."""

    fingerprint: str
    record_table: str
    record_id: str
    sheet: str
    row_number: int


class LedgerImportRepository:
    """The ``ledger_import``, ``ledger_row`` and ``ledger_mapping`` tables. Writes belong inside
    the caller's ``db.atomic()`` (one transaction per import)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def known(self, fingerprints: Iterable[str]) -> dict[str, ImportedRow]:
        """Those of ``fingerprints`` already imported, with where they went."""
        wanted = list(dict.fromkeys(fingerprints))
        found: dict[str, ImportedRow] = {}
        for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                "SELECT fingerprint, record_table, record_id, sheet, row_number FROM ledger_row "
                f"WHERE fingerprint IN ({marks})", chunk,
            ):
                found[row[0]] = ImportedRow(*row)
        return found

    def log(self, entry: ImportLogEntry, rows: Sequence[ImportedRow]) -> None:
        """Record one import run and the rows it stored."""
        self.db.execute(
            "INSERT INTO ledger_import (id, point_id, kind, file_name, file_sha256, file_format, imported_at, "
            "rows_read, imported, duplicates, rejected, with_warnings, report_file) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.id, entry.point_id, entry.kind, entry.file_name, entry.file_sha256, entry.file_format,
             entry.imported_at, entry.rows_read, entry.imported, entry.duplicates, entry.rejected,
             entry.with_warnings, entry.report_file),
        )
        self.db.conn.executemany(
            "INSERT INTO ledger_row (fingerprint, import_id, record_table, record_id, sheet, row_number) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r.fingerprint, entry.id, r.record_table, r.record_id, r.sheet, r.row_number) for r in rows],
        )

    def set_report_file(self, import_id: str, report_file: str) -> None:
        self.db.execute("UPDATE ledger_import SET report_file = ? WHERE id = ?", (report_file, import_id))

    def history(self, point_id: str | None = None, limit: int = 100) -> list[ImportLogEntry]:
        """Import runs, newest first (of one point if given)."""
        sql = ("SELECT id, point_id, kind, file_name, file_sha256, file_format, imported_at, rows_read, imported, "
               "duplicates, rejected, with_warnings, report_file FROM ledger_import")
        params: list[object] = []
        if point_id:
            sql += " WHERE point_id = ?"
            params.append(point_id)
        sql += " ORDER BY imported_at DESC, id LIMIT ?"
        params.append(limit)
        return [ImportLogEntry(*row) for row in self.db.execute(sql, params)]

    def mapping(self, shape_key: str) -> tuple[list[str], list[str | None]] | None:
        """The remembered ``(headers, fields)`` of a ledger shape, or None."""
        row = self.db.execute("SELECT headers, fields FROM ledger_mapping WHERE shape_key = ?", (shape_key,)).fetchone()
        if row is None:
            return None
        return json.loads(row[0]), json.loads(row[1])

    def save_mapping(self, shape_key: str, kind: str, headers: Sequence[str], fields: Sequence[str | None],
                     updated_at: str) -> None:
        """Remember (or replace) the mapping chosen for a shape."""
        self.db.execute(
            "INSERT INTO ledger_mapping (shape_key, kind, headers, fields, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (shape_key) DO UPDATE SET headers = excluded.headers, fields = excluded.fields, "
            "updated_at = excluded.updated_at",
            (shape_key, kind, json.dumps(list(headers), ensure_ascii=False),
             json.dumps(list(fields), ensure_ascii=False), updated_at),
        )
