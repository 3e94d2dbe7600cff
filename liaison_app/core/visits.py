"""Use cases for retired-judge volunteer visits (志愿服务记录) and their service hours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.people import Role
from liaison_app.domain.visits import VolunteerTotals, VolunteerVisit, normalise_visit, validate_visit
from liaison_app.errors import FieldError, NotFoundError, ValidationError
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.visits import VisitRepository

TABLE = "volunteer_visit"


class VisitService:
    """Save, list and total volunteer visits."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime]):
        self.db = db
        self.now = now
        self.repo = VisitRepository(db)
        self.people = PersonRepository(db)

    def save(self, visit: VolunteerVisit) -> tuple[VolunteerVisit, Changes]:
        """Validate and insert/update. Raises ValidationError (nothing stored)."""
        visit = normalise_visit(visit)
        errors = validate_visit(visit, today=self.now().date())
        if visit.person_id:
            try:
                person = self.people.get(visit.person_id)
                if person.role is not Role.VOLUNTEER:
                    errors.append(FieldError("person_id", f"{person.name}不是志愿者"))
            except NotFoundError:
                errors.append(FieldError("person_id", "所选志愿者不在人员名单中"))
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        with self.db.atomic():
            try:
                existing = self.repo.get(visit.id)
                visit = replace(visit, created_at=existing.created_at, updated_at=stamp, deleted=existing.deleted)
            except NotFoundError:
                visit = replace(visit, created_at=stamp, updated_at=stamp, deleted=False)
            self.repo.save(visit)
        return visit, Changes.of(TABLE, visit.id)

    def delete(self, visit_id: str) -> Changes:
        self.repo.set_deleted(visit_id, True, clock.to_iso(self.now()))
        return Changes.of(TABLE, visit_id)

    def restore(self, visit_id: str) -> Changes:
        self.repo.set_deleted(visit_id, False, clock.to_iso(self.now()))
        return Changes.of(TABLE, visit_id)

    def repo_exists(self, record_id: str) -> bool:
        """True if a record with this id is stored (deleted ones too)."""
        try:
            self.repo.get(record_id)
        except NotFoundError:
            return False
        return True

    def get(self, visit_id: str) -> VolunteerVisit:
        return self.repo.get(visit_id)

    def between(self, start: date, end: date, *, person_id: str | None = None,
                point_id: str | None = None) -> list[VolunteerVisit]:
        """Visits from ``start`` to ``end`` inclusive, oldest first."""
        return self.repo.between(start=start, end=end, person_id=person_id, point_id=point_id)

    def totals(self, start: date, end: date, *, point_id: str | None = None) -> list[VolunteerTotals]:
        """Per volunteer: visit count and minutes from ``start`` to ``end`` inclusive."""
        return self.repo.totals(start=start, end=end, point_id=point_id)

    def person_totals(self, person_id: str, start: date, end: date) -> VolunteerTotals:
        """One volunteer's totals (zero when they have no visits in the range)."""
        for item in self.totals(start, end):
            if item.person_id == person_id:
                return item
        return VolunteerTotals(person_id, 0, 0, 0)


def write_service_certificate(core, person_id: str, start: date, end: date, out, *, issuer: str = ""):  # type: ignore[no-untyped-def]
    """Write a 志愿服务时长证明 PDF for one volunteer and ``[start, end]`` to ``out``.

    ``issuer`` defaults to the court of the first point the volunteer served. Returns the
    GlyphReport of characters the font lacked.

    Raises:
        NotFoundError: no such person. ValueError: ``end`` before ``start``.
    """
    from pathlib import Path

    from liaison_app.reports.certificate import CertificateData, write_certificate

    if end < start:
        raise ValueError("结束日期不能早于开始日期")
    person = core.people.get(person_id)
    visits = core.visits.between(start, end, person_id=person_id)
    points = {p.id: p for p in core.points.all()}
    if not issuer:
        served = [points[i] for i in sorted(person.point_ids) if i in points]
        issuer = served[0].court if served else (next(iter(points.values())).court if points else "")
    today = core.now().date()
    serial = f"ZYFW-{today:%Y%m%d}-{person.id[:8].upper()}"
    data = CertificateData(person.name, person.former_court, person.post, start, end, issuer, today, visits,
                           {k: v.name for k, v in points.items()}, serial)
    return write_certificate(data, Path(out))
