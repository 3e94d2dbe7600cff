"""SQL for legal-education sessions and their speakers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.education import EducationSession, SessionFilter, SessionForm
from liaison_app.domain.text import normalise_for_search
from liaison_app.errors import NotFoundError

SORT_COLUMNS: dict[str, str] = {
    "held_on": "s.held_on || s.start_time",
    "point": "p.name",
    "form": "s.form",
    "topic": "s.topic",
    "place": "s.place",
    "audience": "s.audience",
}


def _search_text(session: EducationSession, speaker_names: list[str]) -> str:
    parts = [session.topic, session.place, session.materials_note, session.notes, *session.cases, *speaker_names]
    return "\x1f".join(normalise_for_search(p) for p in parts if p)


class SessionRepository:
    """The ``education_session`` and ``session_speaker`` tables."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, session: EducationSession) -> None:
        """Insert or update the session and replace its speakers (call inside a transaction)."""
        assert session.created_at and session.updated_at
        names = [r[0] for r in self.db.execute(
            f"SELECT name FROM person WHERE id IN ({','.join('?' * len(session.speaker_ids))})",
            session.speaker_ids,
        )] if session.speaker_ids else []
        row = {
            "id": session.id, "point_id": session.point_id, "held_on": session.held_on.isoformat(),
            "start_time": session.start_time.strftime("%H:%M"), "end_time": session.end_time.strftime("%H:%M"),
            "period": clock.period_of(session.held_on), "place": session.place, "form": session.form.value,
            "topic": session.topic, "audience": session.audience, "views": session.views,
            "materials": session.materials, "materials_note": session.materials_note,
            "cases": "\n".join(session.cases), "notes": session.notes,
            "search_text": _search_text(session, names),
            "created_at": clock.to_iso(session.created_at), "updated_at": clock.to_iso(session.updated_at),
            "deleted": int(session.deleted),
        }
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k not in ("id", "created_at"))
        self.db.execute(
            f"INSERT INTO education_session ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            row,
        )
        self.db.execute("DELETE FROM session_speaker WHERE session_id = ?", (session.id,))
        self.db.conn.executemany(
            "INSERT INTO session_speaker (session_id, person_id, position) VALUES (?, ?, ?)",
            [(session.id, pid, i) for i, pid in enumerate(session.speaker_ids)],
        )

    def _from_row(self, row: dict[str, Any], speakers: tuple[str, ...]) -> EducationSession:
        return EducationSession(
            id=row["id"], point_id=row["point_id"], held_on=date.fromisoformat(row["held_on"]),
            start_time=time.fromisoformat(row["start_time"]), end_time=time.fromisoformat(row["end_time"]),
            place=row["place"], form=SessionForm(row["form"]), topic=row["topic"], audience=row["audience"],
            views=row["views"], materials=row["materials"], materials_note=row["materials_note"],
            cases=tuple(c for c in row["cases"].split("\n") if c), speaker_ids=speakers, notes=row["notes"],
            created_at=clock.from_iso(row["created_at"]), updated_at=clock.from_iso(row["updated_at"]),
            deleted=bool(row["deleted"]),
        )

    def _speakers(self, ids: list[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            marks = ",".join("?" * len(ids))
            for session_id, person_id in self.db.execute(
                f"SELECT session_id, person_id FROM session_speaker WHERE session_id IN ({marks}) "
                "ORDER BY session_id, position", ids,
            ):
                found[session_id].append(person_id)
        return {k: tuple(v) for k, v in found.items()}

    def _rows(self, sql: str, params: list[Any]) -> list[EducationSession]:
        rows = list(self.db.query(sql, params))
        speakers = self._speakers([r["id"] for r in rows])
        return [self._from_row(r, speakers[r["id"]]) for r in rows]

    def get(self, session_id: str) -> EducationSession:
        found = self._rows("SELECT * FROM education_session WHERE id = ?", [session_id])
        if not found:
            raise NotFoundError("这条宣讲记录已不存在")
        return found[0]

    def set_deleted(self, session_id: str, deleted: bool, updated_at: str) -> None:
        cursor = self.db.execute("UPDATE education_session SET deleted = ?, updated_at = ? WHERE id = ?",
                                 (int(deleted), updated_at, session_id))
        if cursor.rowcount != 1:
            raise NotFoundError("这条宣讲记录已不存在")

    def _where(self, flt: SessionFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = [] if flt.include_deleted else ["s.deleted = 0"]
        params: list[Any] = []
        if flt.period:
            clauses.append("s.period = ?")
            params.append(flt.period)
        if flt.point_id:
            clauses.append("s.point_id = ?")
            params.append(flt.point_id)
        if flt.form:
            clauses.append("s.form = ?")
            params.append(flt.form.value)
        needle = normalise_for_search(flt.text)
        if needle:
            clauses.append("instr(s.search_text, ?) > 0")
            params.append(needle)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def page(self, flt: SessionFilter, *, sort: str = "held_on", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[EducationSession]:
        """One page of matching sessions (sessions are few: a scan is fine)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        where, params = self._where(flt)
        direction = "DESC" if descending else "ASC"
        return self._rows(
            "SELECT s.* FROM education_session s JOIN liaison_point p ON p.id = s.point_id"
            f"{where} ORDER BY {SORT_COLUMNS[sort]} {direction}, s.id {direction} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def count(self, flt: SessionFilter) -> int:
        where, params = self._where(flt)
        return int(self.db.execute(f"SELECT count(*) FROM education_session s{where}", params).fetchone()[0])

    def totals(self, period: str, point_id: str | None) -> tuple[int, int, int]:
        """(sessions, audience, online views) of a period, deleted ones excluded."""
        sql = ("SELECT count(*), coalesce(sum(audience), 0), coalesce(sum(views), 0) FROM education_session "
               "WHERE deleted = 0 AND period = ?")
        params: list[Any] = [period]
        if point_id:
            sql += " AND point_id = ?"
            params.append(point_id)
        count, audience, views = self.db.execute(sql, params).fetchone()
        return int(count), int(audience), int(views)

    def iter_period(self, point_id: str, period: str) -> Iterator[EducationSession]:
        """Every session (deleted too) of a point and period, in date order (for batches)."""
        yield from self._rows(
            "SELECT * FROM education_session WHERE point_id = ? AND period = ? ORDER BY held_on, start_time, id",
            [point_id, period],
        )

    def on_day(self, point_id: str, day: date) -> list[EducationSession]:
        """Sessions of a point on one day (to link a volunteer visit to)."""
        return self._rows(
            "SELECT * FROM education_session WHERE point_id = ? AND held_on = ? AND deleted = 0 ORDER BY start_time",
            [point_id, day.isoformat()],
        )
