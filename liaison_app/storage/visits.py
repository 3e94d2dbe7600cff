"""SQL for volunteer visits and their links to consultations and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.visits import Activity, VisitFilter, VolunteerTotals, VolunteerVisit
from liaison_app.errors import NotFoundError

# Sort keys of :meth:`VisitRepository.page` → SQL expression (v = visit, pe = person, p = point).
SORT_COLUMNS: dict[str, str] = {
    "visited_on": "v.visited_on || v.arrival",
    "person": "pe.name",
    "point": "p.name",
    "arrival": "v.arrival",
    "minutes": "v.minutes",
}


# SQL twin of domain.visits.tenths_of_hour (integer division rounds half up after +30).
_TENTHS = "(minutes * 10 + 30) / 60"


class VisitRepository:
    """The ``volunteer_visit``, ``visit_consultation`` and ``visit_session`` tables."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, visit: VolunteerVisit) -> None:
        """Insert or update the visit and replace its links (call inside a transaction)."""
        assert visit.created_at and visit.updated_at
        row = {
            "id": visit.id, "person_id": visit.person_id, "point_id": visit.point_id,
            "visited_on": visit.visited_on.isoformat(), "arrival": visit.arrival.strftime("%H:%M"),
            "departure": visit.departure.strftime("%H:%M"), "period": clock.period_of(visit.visited_on),
            "minutes": visit.minutes, "activities": ",".join(sorted(a.value for a in visit.activities)),
            "notes": visit.notes, "shift_id": visit.shift_id,
            "created_at": clock.to_iso(visit.created_at), "updated_at": clock.to_iso(visit.updated_at),
            "deleted": int(visit.deleted),
        }
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k not in ("id", "created_at"))
        self.db.execute(
            f"INSERT INTO volunteer_visit ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            row,
        )
        self.db.execute("DELETE FROM visit_consultation WHERE visit_id = ?", (visit.id,))
        self.db.execute("DELETE FROM visit_session WHERE visit_id = ?", (visit.id,))
        self.db.conn.executemany("INSERT INTO visit_consultation VALUES (?, ?)",
                                 [(visit.id, c) for c in sorted(visit.consultation_ids)])
        self.db.conn.executemany("INSERT INTO visit_session VALUES (?, ?)",
                                 [(visit.id, s) for s in sorted(visit.session_ids)])

    def _links(self, table: str, column: str, ids: list[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {i: set() for i in ids}
        if ids:
            marks = ",".join("?" * len(ids))
            for visit_id, other in self.db.execute(
                f"SELECT visit_id, {column} FROM {table} WHERE visit_id IN ({marks})", ids
            ):
                found[visit_id].add(other)
        return found

    def _rows(self, sql: str, params: list[Any]) -> list[VolunteerVisit]:
        rows = list(self.db.query(sql, params))
        ids = [r["id"] for r in rows]
        consultations = self._links("visit_consultation", "consultation_id", ids)
        sessions = self._links("visit_session", "session_id", ids)
        return [
            VolunteerVisit(
                id=r["id"], person_id=r["person_id"], point_id=r["point_id"],
                visited_on=date.fromisoformat(r["visited_on"]), arrival=time.fromisoformat(r["arrival"]),
                departure=time.fromisoformat(r["departure"]),
                activities=frozenset(Activity(a) for a in r["activities"].split(",") if a),
                consultation_ids=frozenset(consultations[r["id"]]), session_ids=frozenset(sessions[r["id"]]),
                notes=r["notes"], shift_id=r["shift_id"], created_at=clock.from_iso(r["created_at"]),
                updated_at=clock.from_iso(r["updated_at"]), deleted=bool(r["deleted"]),
            )
            for r in rows
        ]

    def get(self, visit_id: str) -> VolunteerVisit:
        found = self._rows("SELECT * FROM volunteer_visit WHERE id = ?", [visit_id])
        if not found:
            raise NotFoundError("这条志愿服务记录已不存在")
        return found[0]

    def set_deleted(self, visit_id: str, deleted: bool, updated_at: str) -> None:
        cursor = self.db.execute("UPDATE volunteer_visit SET deleted = ?, updated_at = ? WHERE id = ?",
                                 (int(deleted), updated_at, visit_id))
        if cursor.rowcount != 1:
            raise NotFoundError("这条志愿服务记录已不存在")

    def between(self, *, start: date, end: date, person_id: str | None = None, point_id: str | None = None,
                include_deleted: bool = False) -> list[VolunteerVisit]:
        """Visits with ``start <= visited_on <= end`` (inclusive), oldest first."""
        clauses = ["visited_on BETWEEN ? AND ?"]
        params: list[Any] = [start.isoformat(), end.isoformat()]
        if not include_deleted:
            clauses.append("deleted = 0")
        if person_id:
            clauses.append("person_id = ?")
            params.append(person_id)
        if point_id:
            clauses.append("point_id = ?")
            params.append(point_id)
        return self._rows(
            f"SELECT * FROM volunteer_visit WHERE {' AND '.join(clauses)} ORDER BY visited_on, arrival, id", params
        )

    def _where(self, flt: VisitFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = [] if flt.include_deleted else ["v.deleted = 0"]
        params: list[Any] = []
        for column, value in (("v.period", flt.period), ("v.point_id", flt.point_id),
                              ("v.person_id", flt.person_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def page(self, flt: VisitFilter, *, sort: str = "visited_on", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[VolunteerVisit]:
        """One page of matching visits, sorted in SQL (``sort`` is a key of SORT_COLUMNS)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        where, params = self._where(flt)
        direction = "DESC" if descending else "ASC"
        return self._rows(
            "SELECT v.* FROM volunteer_visit v JOIN person pe ON pe.id = v.person_id "
            f"JOIN liaison_point p ON p.id = v.point_id{where} "
            f"ORDER BY {SORT_COLUMNS[sort]} {direction}, v.id {direction} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def count(self, flt: VisitFilter) -> int:
        """Number of visits matching ``flt``."""
        where, params = self._where(flt)
        return int(self.db.execute(f"SELECT count(*) FROM volunteer_visit v{where}", params).fetchone()[0])

    def totals(self, *, start: date, end: date, point_id: str | None = None) -> list[VolunteerTotals]:
        """Per volunteer: visits and minutes in ``[start, end]`` (inclusive)."""
        sql = (f"SELECT person_id, count(*), sum(minutes), sum({_TENTHS}) FROM volunteer_visit "
               "WHERE deleted = 0 AND visited_on BETWEEN ? AND ?")
        params: list[Any] = [start.isoformat(), end.isoformat()]
        if point_id:
            sql += " AND point_id = ?"
            params.append(point_id)
        sql += " GROUP BY person_id"
        return [VolunteerTotals(p, int(n), int(m), int(t)) for p, n, m, t in self.db.execute(sql, params)]

    def period_totals(self, period: str, point_id: str | None) -> tuple[int, int, int]:
        """(visits, minutes, tenths of an hour) of a period."""
        sql = (f"SELECT count(*), coalesce(sum(minutes), 0), coalesce(sum({_TENTHS}), 0) FROM volunteer_visit "
               "WHERE deleted = 0 AND period = ?")
        params: list[Any] = [period]
        if point_id:
            sql += " AND point_id = ?"
            params.append(point_id)
        visits, minutes, tenths = self.db.execute(sql, params).fetchone()
        return int(visits), int(minutes), int(tenths)

    def iter_period(self, point_id: str, period: str) -> Iterator[VolunteerVisit]:
        """Every visit (deleted too) of a point and period, in date order (for batches)."""
        yield from self._rows(
            "SELECT * FROM volunteer_visit WHERE point_id = ? AND period = ? ORDER BY visited_on, arrival, id",
            [point_id, period],
        )
