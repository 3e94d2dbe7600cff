"""Use cases for legal-education sessions (普法宣讲)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.core.settled import SettledGuard, field_changes
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.education import EducationSession, SessionFilter, normalise_session, validate_session
from liaison_app.errors import FieldError, NotFoundError, ValidationError
from liaison_app.i18n import translate
from liaison_app.storage.history import HistoryEntry
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.sessions import SessionRepository

TABLE = "education_session"


class SessionService:
    """Save, list and delete/undo education sessions."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.access = access or AccessControl(db, now)
        self.repo = SessionRepository(db)
        self.people = PersonRepository(db)
        self.settled = SettledGuard(db, now)

    def save(self, session: EducationSession, *, reason: str | None = None) -> tuple[EducationSession, Changes]:
        """Validate and insert/update. Raises ValidationError (nothing stored).

        A change touching a month already exported needs ``reason`` (kept in the history; an
        unchanged save stores nothing), else SettledPeriodError — see
        :meth:`ConsultationService.save <liaison_app.core.consultations.ConsultationService.save>`.
        Volunteers may not (PermissionDeniedError).
        """
        self.access.require(Permission.EDIT_SESSIONS)
        session = normalise_session(session)
        errors = validate_session(session, today=self.now().date())
        known = {p.id for p in self.people.all()}
        unknown = [s for s in session.speaker_ids if s not in known]
        if unknown and "speaker_ids" not in {e.field for e in errors}:
            errors.append(FieldError("speaker_ids", translate("validation", "所选宣讲人不在人员名单中")))
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        after = (session.point_id, clock.period_of(session.held_on))
        with self.db.atomic():
            try:
                existing = self.repo.get(session.id)
            except NotFoundError:
                existing = None
            if existing is None:
                session = replace(session, created_at=stamp, updated_at=stamp, deleted=False)
                self.repo.save(session)
                self.access.log_change(TABLE, session.id, None, session, note=reason or "")
                if self.settled.settled(after):
                    self.settled.log(TABLE, session.id, "insert", after, after,
                                     self.settled.require_reason([], reason, TABLE, session.id))
                return session, Changes.of(TABLE, session.id)
            before = (existing.point_id, clock.period_of(existing.held_on))
            settled = self.settled.settled(before, after)
            changes = field_changes(existing, session) if settled else {}
            if settled and not changes:
                return existing, Changes.of(TABLE, session.id)
            text = self.settled.require_reason(settled, reason, TABLE, session.id)
            session = replace(session, created_at=existing.created_at, updated_at=stamp, deleted=existing.deleted)
            self.repo.save(session)
            self.access.log_change(TABLE, session.id, existing, session, note=text)
            if settled:
                self.settled.log(TABLE, session.id, "update", before, after, text, changes)
        return session, Changes.of(TABLE, session.id)

    def delete(self, session_id: str, *, reason: str | None = None) -> Changes:
        """Soft-delete; undo with :meth:`restore`. An exported month needs ``reason``
        (SettledPeriodError otherwise)."""
        self._set_deleted(session_id, True, reason)
        return Changes.of(TABLE, session_id)

    def restore(self, session_id: str, *, reason: str | None = None) -> Changes:
        self._set_deleted(session_id, False, reason)
        return Changes.of(TABLE, session_id)

    def _set_deleted(self, session_id: str, deleted: bool, reason: str | None) -> None:
        self.access.require(Permission.EDIT_SESSIONS)
        with self.db.atomic():
            session = self.repo.get(session_id)
            month = (session.point_id, clock.period_of(session.held_on))
            self.settled.soft_delete(self.repo, self.access, TABLE, session_id, month, session.deleted, deleted, reason)

    def history(self, session_id: str) -> list[HistoryEntry]:
        """Logged changes of the session (months already exported), oldest first."""
        return self.settled.history_of(TABLE, session_id)

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

    def on_day(self, point_id: str, day: date) -> list[EducationSession]:
        """Sessions of a point on one day, by start time (a volunteer visit links to them)."""
        return self.repo.on_day(point_id, day)
