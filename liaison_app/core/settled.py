"""Settled months (已报送月份): once a point's month was exported to the court, changing,
deleting or restoring one of its records needs a reason, which is kept in ``record_history``
with the record id, the time and what changed; the month then shows as needing a new batch
(:meth:`liaison_app.core.exports.ExportService.months_needing_export`).

Used by the consultation, session and visit services inside their own transactions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.errors import SettledPeriodError
from liaison_app.storage.batches import BatchExportRepository
from liaison_app.storage.history import HistoryEntry, RecordHistoryRepository

# Fields never compared (bookkeeping) and fields whose values are not copied into the history
# (personal information: the history only says that they changed).
_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "deleted", "category_dict_version"})
PERSONAL_FIELDS = frozenset({"visitor_name", "phone", "id_number"})
CHANGED_MARK = "已修改"
MAX_REASON = 500

Month = tuple[str, str]  # (point_id, period)


def _plain(value: Any) -> Any:
    """A JSON-friendly form of a field value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return clock.to_iso(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def field_changes(before: Any, after: Any) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every dataclass field that differs (bookkeeping fields left
    out; personal fields as ``["已修改"]`` without their values)."""
    found: dict[str, list[Any]] = {}
    for item in dataclasses.fields(before):
        name = item.name
        if name in _BOOKKEEPING:
            continue
        old, new = getattr(before, name), getattr(after, name)
        if _plain(old) == _plain(new):
            continue
        found[name] = [CHANGED_MARK] if name in PERSONAL_FIELDS else [_plain(old), _plain(new)]
    return found


class SettledGuard:
    """Checks reasons and logs history for changes that touch exported months."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime]):
        self.now = now
        self.batches = BatchExportRepository(db)
        self.history = RecordHistoryRepository(db)

    def settled(self, *months: Month) -> list[Month]:
        """Those of ``months`` (point, period) that have been exported, without repeats."""
        found: list[Month] = []
        for month in months:
            if month not in found and self.batches.is_exported(*month):
                found.append(month)
        return found

    @staticmethod
    def require_reason(settled: list[Month], reason: str | None, table: str, record_id: str) -> str:
        """The cleaned reason; raises :class:`SettledPeriodError` when ``settled`` is not empty
        and the reason is missing or blank. Returns "" when nothing is settled."""
        text = " ".join((reason or "").split())[:MAX_REASON]
        if settled and not text:
            point_id, period = settled[0]
            raise SettledPeriodError(period, point_id=point_id, table=table, record_id=record_id)
        return text

    def log(self, table: str, record_id: str, action: str, before: Month, after: Month, reason: str,
            changes: dict[str, list[Any]] | None = None) -> None:
        """Write one history entry (inside the caller's transaction)."""
        self.history.add(HistoryEntry(
            table_name=table, record_id=record_id, point_id=before[0], period=before[1],
            new_point_id=after[0], new_period=after[1], action=action, reason=reason,
            changes=changes or {}, changed_at=clock.to_iso(self.now()),
        ))

    def soft_delete(self, repo: Any, access: Any, table: str, record_id: str, month: Month,
                    was_deleted: bool, deleted: bool, reason: str | None) -> None:
        """Set or clear ``record_id``'s delete mark through ``repo.set_deleted`` and write the audit
        entry (``access.log``) and, for an exported month, the history entry with its reason.
        Call inside the caller's transaction. Raises SettledPeriodError when a reason is needed."""
        settled = self.settled(month)
        text = self.require_reason(settled, reason, table, record_id)
        repo.set_deleted(record_id, deleted, clock.to_iso(self.now()))
        action = "delete" if deleted else "restore"
        change = {"deleted": [was_deleted, deleted]}
        access.log(action, table, record_id, change, text)
        if settled:
            self.log(table, record_id, action, month, month, text, change)

    def history_of(self, table: str, record_id: str) -> list[HistoryEntry]:
        """A record's logged changes, oldest first (for a history panel)."""
        return self.history.of_record(table, record_id)
