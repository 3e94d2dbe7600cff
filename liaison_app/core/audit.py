"""Reading and exporting the audit trail (审计记录). Entries are written by the services through
:class:`~liaison_app.core.access.AccessControl`; nothing here changes or removes one (the
table's triggers refuse it anyway)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.errors import UserError
from liaison_app.storage.audit import AuditEntry


class AuditService:
    """``core.audit``: a record's history and the export (judges and admins)."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl):
        self.db = db
        self.now = now
        self.access = access

    def of_record(self, record_id: str, table: str | None = None) -> list[AuditEntry]:
        """The record's entries, oldest first (``table`` None: any table with that id).

        Raises:
            PermissionDeniedError: volunteers may not view the audit trail.
        """
        self.access.require(Permission.VIEW_AUDIT)
        return self.access.audit.of_record(table, record_id)

    def count(self) -> int:
        return self.access.audit.count()

    def export_xlsx(self, out: Path | str, *, record_id: str | None = None) -> Path:
        """Write the whole trail (or one record's) to ``out`` as xlsx and return the path. The
        file is written beside and renamed into place; the export itself is audited.

        Raises:
            PermissionDeniedError: the role may not view the audit trail.
            UserError: the file cannot be written.
        """
        from liaison_app.exchange.audit_workbook import write_audit_workbook

        self.access.require(Permission.VIEW_AUDIT)
        out = Path(out)
        entries = (self.access.audit.of_record(None, record_id) if record_id
                   else self.access.audit.iter_all())
        title = f"审计记录（记录 {record_id[:8]}）" if record_id else "审计记录"
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent)
            os.close(handle)
            try:
                rows = write_audit_workbook(Path(temp_name), entries, title=title, generated_at=self.now())
                os.replace(temp_name, out)
            finally:
                Path(temp_name).unlink(missing_ok=True)
        except OSError as exc:
            raise UserError(f"无法写入 {out}：{exc.strerror or exc}（磁盘已满、只读或被拔出？）") from exc
        with self.db.atomic():
            self.access.log("export", "audit_log", record_id or "", note=f"{out.name}，{rows} 条")
        return out
