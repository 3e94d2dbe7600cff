"""Use cases for people: judges and retired-judge volunteers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.identity import normalise_phone
from liaison_app.domain.people import Person, PersonFilter, Role, validate_person
from liaison_app.domain.text import clean_line, clean_name, clean_text
from liaison_app.errors import NotFoundError, UserError, ValidationError
from liaison_app.i18n import translate
from liaison_app.storage.people import PersonRepository

TABLE = "person"


class PeopleService:
    """Roster of people. A person who has records is deactivated, never deleted."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.access = access or AccessControl(db, now)
        self.repo = PersonRepository(db)

    def save(self, person: Person) -> tuple[Person, Changes]:
        """Validate and insert/update. Raises ValidationError; PermissionDeniedError unless the
        actor is an admin (管理员 manages the people list)."""
        self.access.require(Permission.MANAGE_PEOPLE)
        return self._store(person)

    def _store(self, person: Person) -> tuple[Person, Changes]:
        """Save without the role check (a point's judge added along with the point or a ledger)."""
        person = person.with_changes(
            name=clean_name(person.name), phone=normalise_phone(person.phone),
            former_court=clean_line(person.former_court), post=clean_line(person.post),
            note=clean_text(person.note),
        )
        errors = validate_person(person)
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        with self.db.atomic():
            try:
                before: Person | None = self.repo.get(person.id)
            except NotFoundError:
                before = None
            created = before.created_at if before is not None else stamp
            person = replace(person, created_at=created, updated_at=stamp)
            self.repo.save(person)
            self.access.log_change(TABLE, person.id, before, person)
        return person, Changes.of(TABLE, person.id)

    def ensure_judge(self, name: str, point_id: str) -> Person:
        """The active judge called ``name`` (created if absent), linked to ``point_id``."""
        existing = self.repo.by_name(name)
        if existing is None:
            return self._store(Person(name=name, role=Role.JUDGE, point_ids=frozenset({point_id})))[0]
        if point_id not in existing.point_ids:
            return self._store(existing.with_changes(point_ids=existing.point_ids | {point_id}))[0]
        return existing

    def get(self, person_id: str) -> Person:
        return self.repo.get(person_id)

    def all(self, *, role: Role | None = None, active_only: bool = False, point_id: str | None = None) -> list[Person]:
        return self.repo.all(role=role, active_only=active_only, point_id=point_id)

    def page(self, flt: PersonFilter, *, sort: str = "role", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[Person]:
        """A page of the people list, sorted in SQL (keys: ``storage.people.SORT_COLUMNS``)."""
        return self.repo.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def count(self, flt: PersonFilter) -> int:
        return self.repo.count(flt)

    def volunteers(self, point_id: str | None = None) -> list[Person]:
        """Active volunteers (serving ``point_id`` if given)."""
        return self.repo.all(role=Role.VOLUNTEER, active_only=True, point_id=point_id)

    def active_names(self) -> list[tuple[str, str]]:
        """(name, role code) of active people, judges first."""
        return self.repo.active_names()

    def set_active(self, person_id: str, active: bool) -> Changes:
        """Deactivate (or reactivate) a person; their records stay."""
        person = self.repo.get(person_id)
        self.save(person.with_changes(active=active))
        return Changes.of(TABLE, person_id)

    def has_records(self, person_id: str) -> bool:
        """True if a consultation, session or visit refers to the person (then: deactivate)."""
        return self.repo.has_records(person_id)

    def remove(self, person_id: str) -> Changes:
        """Delete a person who has no records. Raises UserError if they have any."""
        self.access.require(Permission.MANAGE_PEOPLE)
        if self.repo.has_records(person_id):
            raise UserError(translate("validation", "此人已有接待、宣讲或服务记录，不能删除，只能停用"))
        with self.db.atomic():
            self.repo.delete(person_id)
            self.access.log("delete", TABLE, person_id, {"deleted": [False, True]})
        return Changes.of(TABLE, person_id)

    def restore(self, person_id: str) -> Changes:
        """Undo :meth:`remove`. Raises NotFoundError when the id is unknown."""
        self.access.require(Permission.MANAGE_PEOPLE)
        with self.db.atomic():
            self.repo.undelete(person_id, clock.to_iso(self.now()))
            self.access.log("restore", TABLE, person_id, {"deleted": [True, False]})
        return Changes.of(TABLE, person_id)
