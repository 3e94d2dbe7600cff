"""SQL for people (judges, volunteers) and the liaison points they serve."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.people import Person, PersonFilter, Role, availability_from_text, availability_to_text
from liaison_app.errors import NotFoundError

# Sort keys of :meth:`PersonRepository.page` → SQL expression.
SORT_COLUMNS: dict[str, str] = {
    "name": "name",
    "role": "role",
    "phone": "phone",
    "former_court": "former_court",
    "post": "post",
    "active": "active",
}

_REFERENCING = (
    ("consultation", "receiver_id"),
    ("session_speaker", "person_id"),
    ("volunteer_visit", "person_id"),
)


class PersonRepository:
    """The ``person`` and ``person_point`` tables."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def _from_row(self, row: dict[str, Any], point_ids: frozenset[str]) -> Person:
        return Person(
            id=row["id"], name=row["name"], role=Role(row["role"]), phone=row["phone"],
            former_court=row["former_court"], post=row["post"], point_ids=point_ids,
            availability=availability_from_text(row["availability"]), monthly_cap=row["monthly_cap"],
            note=row["note"], active=bool(row["active"]),
            created_at=clock.from_iso(row["created_at"]), updated_at=clock.from_iso(row["updated_at"]),
        )

    def _points_of(self, ids: list[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {i: set() for i in ids}
        if not ids:
            return found
        marks = ",".join("?" * len(ids))
        for person_id, point_id in self.db.execute(
            f"SELECT person_id, point_id FROM person_point WHERE person_id IN ({marks})", ids
        ):
            found[person_id].add(point_id)
        return found

    def save(self, person: Person) -> None:
        """Insert or update ``person`` and replace its point links (call inside a transaction)."""
        assert person.created_at and person.updated_at
        row = {
            "id": person.id, "name": person.name, "role": person.role.value, "phone": person.phone,
            "former_court": person.former_court, "post": person.post,
            "availability": availability_to_text(person.availability), "monthly_cap": person.monthly_cap,
            "note": person.note, "active": int(person.active),
            "created_at": clock.to_iso(person.created_at), "updated_at": clock.to_iso(person.updated_at),
        }
        names = ", ".join(row)
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k not in ("id", "created_at"))
        self.db.execute(
            f"INSERT INTO person ({names}, deleted) VALUES ({', '.join(':' + k for k in row)}, 0) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            row,
        )
        self.db.execute("DELETE FROM person_point WHERE person_id = ?", (person.id,))
        self.db.conn.executemany(
            "INSERT INTO person_point (person_id, point_id) VALUES (?, ?)",
            [(person.id, p) for p in sorted(person.point_ids)],
        )

    def get(self, person_id: str) -> Person:
        """The person with this id; raises NotFoundError."""
        rows = list(self.db.query("SELECT * FROM person WHERE id = ? AND deleted = 0", [person_id]))
        if not rows:
            raise NotFoundError("该人员已不存在")
        return self._from_row(rows[0], frozenset(self._points_of([person_id])[person_id]))

    def all(self, *, role: Role | None = None, active_only: bool = False, point_id: str | None = None) -> list[Person]:
        """People ordered by role (judges first) then name."""
        clauses = ["deleted = 0"]
        params: list[Any] = []
        if role:
            clauses.append("role = ?")
            params.append(role.value)
        if active_only:
            clauses.append("active = 1")
        if point_id:
            clauses.append("id IN (SELECT person_id FROM person_point WHERE point_id = ?)")
            params.append(point_id)
        rows = list(self.db.query(
            f"SELECT * FROM person WHERE {' AND '.join(clauses)} ORDER BY role, name", params
        ))
        links = self._points_of([r["id"] for r in rows])
        return [self._from_row(r, frozenset(links[r["id"]])) for r in rows]

    def _where(self, flt: PersonFilter) -> tuple[str, list[Any]]:
        clauses = ["deleted = 0"]
        params: list[Any] = []
        if flt.role:
            clauses.append("role = ?")
            params.append(flt.role.value)
        if not flt.include_inactive:
            clauses.append("active = 1")
        return " WHERE " + " AND ".join(clauses), params

    def page(self, flt: PersonFilter, *, sort: str = "role", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[Person]:
        """One page of people matching ``flt``, sorted in SQL (ties by name)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        where, params = self._where(flt)
        direction = "DESC" if descending else "ASC"
        rows = list(self.db.query(
            f"SELECT * FROM person{where} ORDER BY {SORT_COLUMNS[sort]} {direction}, name, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ))
        links = self._points_of([r["id"] for r in rows])
        return [self._from_row(r, frozenset(links[r["id"]])) for r in rows]

    def count(self, flt: PersonFilter) -> int:
        """Number of people matching ``flt``."""
        where, params = self._where(flt)
        return int(self.db.execute(f"SELECT count(*) FROM person{where}", params).fetchone()[0])

    def active_names(self) -> list[tuple[str, str]]:
        """(name, role code) of active people, judges first (for completion lists)."""
        return [(p.name, p.role.value) for p in self.all(active_only=True)]

    def by_name(self, name: str) -> Person | None:
        """The active person with exactly this name, if exactly one exists."""
        rows = list(self.db.query("SELECT id FROM person WHERE name = ? AND deleted = 0 AND active = 1", [name]))
        return self.get(rows[0]["id"]) if len(rows) == 1 else None

    def has_records(self, person_id: str) -> bool:
        """True if any consultation, session or visit refers to the person."""
        for table, column in _REFERENCING:
            if self.db.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", (person_id,)).fetchone():
                return True
        return False

    def delete(self, person_id: str) -> None:
        """Soft-delete a person without records (callers check :meth:`has_records`)."""
        self.db.execute("UPDATE person SET deleted = 1, updated_at = ? WHERE id = ?",
                        (clock.to_iso(clock.now()), person_id))

    def undelete(self, person_id: str, updated_at: str) -> None:
        """Undo :meth:`delete`; raises NotFoundError when there is no such person."""
        cursor = self.db.execute("UPDATE person SET deleted = 0, updated_at = ? WHERE id = ?",
                                 (updated_at, person_id))
        if cursor.rowcount != 1:
            raise NotFoundError("该人员已不存在")
