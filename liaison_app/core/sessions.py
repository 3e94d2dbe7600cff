"""Use cases for legal-education sessions (普法宣讲)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.education import EducationSession, SessionFilter, normalise_session, validate_session
from liaison_app.errors import FieldError, NotFoundError, ValidationError
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.sessions import SessionRepository

TABLE = "education_session"


class SessionService:
    """Save, list and delete/undo education sessions."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime]):
        self.db = db
        self.now = now
        self.repo = SessionRepository(db)
        self.people = PersonRepository(db)

    def save(self, session: EducationSession) -> tuple[EducationSession, Changes]:
        """Validate and insert/update. Raises ValidationError (nothing stored)."""
        session = normalise_session(session)
        errors = validate_session(session, today=self.now().date())
        known = {p.id for p in self.people.all()}
        unknown = [s for s in session.speaker_ids if s not in known]
        if unknown and "speaker_ids" not in {e.field for e in errors}:
            errors.append(FieldError("speaker_ids", "所选宣讲人不在人员名单中"))
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        with self.db.atomic():
            try:
                existing = self.repo.get(session.id)
                session = replace(session, created_at=existing.created_at, updated_at=stamp,
                                  deleted=existing.deleted)
            except NotFoundError:
                session = replace(session, created_at=stamp, updated_at=stamp, deleted=False)
            self.repo.save(session)
        return session, Changes.of(TABLE, session.id)

    def delete(self, session_id: str) -> Changes:
        """Soft-delete; undo with :meth:`restore`."""
        self.repo.set_deleted(session_id, True, clock.to_iso(self.now()))
        return Changes.of(TABLE, session_id)

    def restore(self, session_id: str) -> Changes:
        self.repo.set_deleted(session_id, False, clock.to_iso(self.now()))
        return Changes.of(TABLE, session_id)

    def repo_exists(self, record_id: str) -> bool:
        """True if a record with this id is stored (deleted ones too)."""
        try:
            self.repo.get(record_id)
        except NotFoundError:
            return False
        return True

    def get(self, session_id: str) -> EducationSession:
        return self.repo.get(session_id)

    def page(self, flt: SessionFilter, *, sort: str = "held_on", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[EducationSession]:
        return self.repo.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def count(self, flt: SessionFilter) -> int:
        return self.repo.count(flt)
