"""SQL for the duty roster: patterns, shifts, the hand-entered calendar days, swap requests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, time
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.duty import (
    CalendarDayKind,
    CalendarOverride,
    DutyPattern,
    DutyShift,
    PatternKind,
    ShiftChange,
    ShiftSource,
    ShiftState,
    SwapRequest,
    SwapState,
)
from liaison_app.domain.people import HalfDay, availability_from_text, availability_to_text
from liaison_app.errors import NotFoundError


def _upsert(db: sqlite_utils.Database, table: str, row: dict[str, Any], key: str, keep: tuple[str, ...]) -> None:
    updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != key and k not in keep)
    db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {updates}",
        row,
    )


class DutyPatternRepository:
    """The ``duty_pattern`` table (one row per point)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, point_id: str) -> DutyPattern | None:
        """The stored pattern of the point, or None if it has none."""
        rows = list(self.db.query("SELECT * FROM duty_pattern WHERE point_id = ?", [point_id]))
        if not rows:
            return None
        r = rows[0]
        return DutyPattern(
            point_id=r["point_id"], kind=PatternKind(r["kind"]),
            weekly_slots=availability_from_text(r["weekly_slots"]),
            month_days=tuple(int(d) for d in r["month_days"].split(",") if d),
            market_start=date.fromisoformat(r["market_start"]) if r["market_start"] else None,
            market_every=r["market_every"],
            halves=frozenset(HalfDay(h) for h in r["halves"].split(",") if h),
            per_slot=r["per_slot"], max_consecutive_days=r["max_consecutive_days"],
            giveback_cutoff_days=r["giveback_cutoff_days"],
            am_start=time.fromisoformat(r["am_start"]), am_end=time.fromisoformat(r["am_end"]),
            pm_start=time.fromisoformat(r["pm_start"]), pm_end=time.fromisoformat(r["pm_end"]),
            duty_on_holidays=bool(r["duty_on_holidays"]), duty_on_weekends=bool(r["duty_on_weekends"]),
            duty_on_makeup_days=bool(r["duty_on_makeup_days"]), stored=True,
            created_at=clock.from_iso(r["created_at"]), updated_at=clock.from_iso(r["updated_at"]),
        )

    def save(self, p: DutyPattern) -> None:
        """Insert or replace the point's pattern (call inside a transaction)."""
        assert p.created_at and p.updated_at
        row = {
            "point_id": p.point_id, "kind": p.kind.value, "weekly_slots": availability_to_text(p.weekly_slots),
            "month_days": ",".join(str(d) for d in sorted(set(p.month_days))),
            "market_start": p.market_start.isoformat() if p.market_start else None,
            "market_every": p.market_every,
            "halves": ",".join(h.value for h in HalfDay if h in p.halves),
            "per_slot": p.per_slot, "max_consecutive_days": p.max_consecutive_days,
            "giveback_cutoff_days": p.giveback_cutoff_days,
            "am_start": p.am_start.strftime("%H:%M"), "am_end": p.am_end.strftime("%H:%M"),
            "pm_start": p.pm_start.strftime("%H:%M"), "pm_end": p.pm_end.strftime("%H:%M"),
            "duty_on_holidays": int(p.duty_on_holidays), "duty_on_weekends": int(p.duty_on_weekends),
            "duty_on_makeup_days": int(p.duty_on_makeup_days),
            "created_at": clock.to_iso(p.created_at), "updated_at": clock.to_iso(p.updated_at),
        }
        _upsert(self.db, "duty_pattern", row, "point_id", ("created_at",))


def _shift_from_row(r: dict[str, Any]) -> DutyShift:
    return DutyShift(
        id=r["id"], point_id=r["point_id"], day=date.fromisoformat(r["day"]), half=HalfDay(r["half"]),
        person_id=r["person_id"], state=ShiftState(r["state"]), source=ShiftSource(r["source"]),
        last_change=ShiftChange(r["last_change"]), changed_by=r["changed_by"],
        seen_by_judge=bool(r["seen_by_judge"]), note=r["note"],
        created_at=clock.from_iso(r["created_at"]), updated_at=clock.from_iso(r["updated_at"]),
        deleted=bool(r["deleted"]),
    )


_SHIFT_ORDER = "ORDER BY day, half, created_at, id"


class DutyShiftRepository:
    """The ``duty_shift`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, s: DutyShift) -> None:
        """Insert or update one shift (call inside a transaction). May raise
        ``sqlite3.IntegrityError`` when the person already holds that point's half-day."""
        assert s.created_at and s.updated_at
        row = {
            "id": s.id, "point_id": s.point_id, "day": s.day.isoformat(), "half": s.half.value,
            "period": clock.period_of(s.day), "person_id": s.person_id, "state": s.state.value,
            "source": s.source.value, "last_change": s.last_change.value, "changed_by": s.changed_by,
            "seen_by_judge": int(s.seen_by_judge), "note": s.note,
            "created_at": clock.to_iso(s.created_at), "updated_at": clock.to_iso(s.updated_at),
            "deleted": int(s.deleted),
        }
        _upsert(self.db, "duty_shift", row, "id", ("created_at",))

    def get(self, shift_id: str) -> DutyShift:
        """The shift (deleted ones too); raises NotFoundError."""
        rows = list(self.db.query("SELECT * FROM duty_shift WHERE id = ?", [shift_id]))
        if not rows:
            raise NotFoundError("这一班值班已不存在")
        return _shift_from_row(rows[0])

    def of_point(self, point_id: str, start: date, end: date, *, include_deleted: bool = False) -> list[DutyShift]:
        """The point's shifts with ``start <= day < end``, in time order."""
        sql = "SELECT * FROM duty_shift WHERE point_id = ? AND day >= ? AND day < ?"
        if not include_deleted:
            sql += " AND deleted = 0"
        return [_shift_from_row(r) for r in self.db.query(f"{sql} {_SHIFT_ORDER}",
                                                          [point_id, start.isoformat(), end.isoformat()])]

    def between(self, start: date, end: date, *, person_id: str | None = None) -> list[DutyShift]:
        """Shifts not deleted at every point with ``start <= day < end`` (optionally one person's)."""
        sql = "SELECT * FROM duty_shift WHERE deleted = 0 AND day >= ? AND day < ?"
        params: list[Any] = [start.isoformat(), end.isoformat()]
        if person_id:
            sql += " AND person_id = ?"
            params.append(person_id)
        return [_shift_from_row(r) for r in self.db.query(f"{sql} {_SHIFT_ORDER}", params)]

    def iter_period(self, point_id: str, period: str) -> Iterator[DutyShift]:
        """Every shift (deleted too) of a point and period, in time order (for batches)."""
        for row in self.db.query(f"SELECT * FROM duty_shift WHERE point_id = ? AND period = ? {_SHIFT_ORDER}",
                                 [point_id, period]):
            yield _shift_from_row(row)

    def unseen(self, point_id: str | None = None) -> list[DutyShift]:
        """Volunteers' changes the judge has not yet seen (given-back, deleted ones too)."""
        sql = "SELECT * FROM duty_shift WHERE seen_by_judge = 0"
        params: list[Any] = []
        if point_id:
            sql += " AND point_id = ?"
            params.append(point_id)
        return [_shift_from_row(r) for r in self.db.query(f"{sql} ORDER BY updated_at, id", params)]

    def mark_seen(self, shift_ids: Iterable[str]) -> list[str]:
        """Clear the 'not yet seen' flag; returns the ids that had it."""
        changed: list[str] = []
        for shift_id in shift_ids:
            if self.db.execute("UPDATE duty_shift SET seen_by_judge = 1 WHERE id = ? AND seen_by_judge = 0",
                               (shift_id,)).rowcount:
                changed.append(shift_id)
        return changed

    def person_names(self, person_ids: Iterable[str]) -> dict[str, str]:
        """Names of people by id, deleted ones too (a shift outlives its person's removal)."""
        ids = sorted(set(person_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r[0]: r[1] for r in self.db.execute(f"SELECT id, name FROM person WHERE id IN ({marks})", ids)}

    def visit_of(self, shift_id: str) -> str | None:
        """Id of the volunteer visit (not deleted) recorded for the shift, if any."""
        row = self.db.execute("SELECT id FROM volunteer_visit WHERE shift_id = ? AND deleted = 0 "
                              "ORDER BY created_at LIMIT 1", (shift_id,)).fetchone()
        return row[0] if row else None


class CalendarOverrideRepository:
    """The ``duty_calendar_day`` table (节假日表)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def all(self, year: int | None = None) -> list[CalendarOverride]:
        sql, params = "SELECT * FROM duty_calendar_day", []
        if year is not None:
            sql += " WHERE day >= ? AND day < ?"
            params = [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        return [
            CalendarOverride(date.fromisoformat(r["day"]), CalendarDayKind(r["kind"]), r["note"],
                             clock.from_iso(r["created_at"]), clock.from_iso(r["updated_at"]))
            for r in self.db.query(f"{sql} ORDER BY day", params)
        ]

    def save(self, o: CalendarOverride) -> None:
        assert o.created_at and o.updated_at
        row = {"day": o.day.isoformat(), "kind": o.kind.value, "note": o.note,
               "created_at": clock.to_iso(o.created_at), "updated_at": clock.to_iso(o.updated_at)}
        _upsert(self.db, "duty_calendar_day", row, "day", ("created_at",))

    def delete(self, day: date) -> bool:
        return bool(self.db.execute("DELETE FROM duty_calendar_day WHERE day = ?", (day.isoformat(),)).rowcount)


def _swap_from_row(r: dict[str, Any]) -> SwapRequest:
    return SwapRequest(
        id=r["id"], shift_id=r["shift_id"], from_person_id=r["from_person_id"], to_person_id=r["to_person_id"],
        their_shift_id=r["their_shift_id"], state=SwapState(r["state"]), note=r["note"],
        created_at=clock.from_iso(r["created_at"]),
        answered_at=clock.from_iso(r["answered_at"]) if r["answered_at"] else None,
    )


class SwapRequestRepository:
    """The ``duty_swap_request`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, s: SwapRequest) -> None:
        assert s.created_at
        row = {"id": s.id, "shift_id": s.shift_id, "from_person_id": s.from_person_id,
               "to_person_id": s.to_person_id, "their_shift_id": s.their_shift_id, "state": s.state.value,
               "note": s.note, "created_at": clock.to_iso(s.created_at),
               "answered_at": clock.to_iso(s.answered_at) if s.answered_at else None}
        _upsert(self.db, "duty_swap_request", row, "id", ("created_at",))

    def get(self, request_id: str) -> SwapRequest:
        rows = list(self.db.query("SELECT * FROM duty_swap_request WHERE id = ?", [request_id]))
        if not rows:
            raise NotFoundError("这条换班请求已不存在")
        return _swap_from_row(rows[0])

    def find(self, *, person_id: str | None = None, shift_id: str | None = None,
             pending_only: bool = True) -> list[SwapRequest]:
        """Requests made by or to ``person_id`` and/or about ``shift_id``, oldest first."""
        clauses: list[str] = []
        params: list[Any] = []
        if person_id:
            clauses.append("(from_person_id = ? OR to_person_id = ?)")
            params += [person_id, person_id]
        if shift_id:
            clauses.append("(shift_id = ? OR their_shift_id = ?)")
            params += [shift_id, shift_id]
        if pending_only:
            clauses.append("state = 'pending'")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return [_swap_from_row(r) for r in self.db.query(
            f"SELECT * FROM duty_swap_request{where} ORDER BY created_at, id", params)]
