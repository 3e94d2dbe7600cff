"""Use cases for retired-judge volunteer visits (志愿服务记录) and their service hours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import sqlite_utils

from liaison_app.core.access import AccessControl
from liaison_app.core.settled import SettledGuard, field_changes
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.people import Role
from liaison_app.domain.records import Consultation, ConsultationFilter
from liaison_app.domain.visits import VisitFilter, VolunteerTotals, VolunteerVisit, normalise_visit, validate_visit
from liaison_app.errors import FieldError, NotFoundError, ValidationError
from liaison_app.i18n import translate
from liaison_app.storage.consultations import ConsultationRepository
from liaison_app.storage.history import HistoryEntry
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.visits import VisitRepository

TABLE = "volunteer_visit"


class VisitService:
    """Save, list and total volunteer visits."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.access = access or AccessControl(db, now)
        self.repo = VisitRepository(db)
        self.people = PersonRepository(db)
        self.settled = SettledGuard(db, now)

    def save(self, visit: VolunteerVisit, *, reason: str | None = None) -> tuple[VolunteerVisit, Changes]:
        """Validate and insert/update. Raises ValidationError (nothing stored).

        A change touching a month already exported needs ``reason`` (kept in the history; an
        unchanged save stores nothing), else SettledPeriodError — see
        :meth:`ConsultationService.save <liaison_app.core.consultations.ConsultationService.save>`.
        A volunteer may only save their own visits (PermissionDeniedError).
        """
        visit = normalise_visit(visit)
        errors = validate_visit(visit, today=self.now().date())
        if visit.person_id:
            try:
                person = self.people.get(visit.person_id)
                if person.role is not Role.VOLUNTEER:
                    errors.append(FieldError("person_id", translate(
                        "validation", "{name}不是志愿者").format(name=person.name)))
            except NotFoundError:
                errors.append(FieldError("person_id", translate("validation", "所选志愿者不在人员名单中")))
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        after = (visit.point_id, clock.period_of(visit.visited_on))
        with self.db.atomic():
            try:
                existing = self.repo.get(visit.id)
            except NotFoundError:
                existing = None
            if existing is None:
                self.access.require_visit(visit.person_id, "登记")  # i18n-exempt: glued into access.py's message
                visit = replace(visit, created_at=stamp, updated_at=stamp, deleted=False)
                self.repo.save(visit)
                self.access.log_change(TABLE, visit.id, None, visit, note=reason or "")
                if self.settled.settled(after):
                    self.settled.log(TABLE, visit.id, "insert", after, after,
                                     self.settled.require_reason([], reason, TABLE, visit.id))
                return visit, Changes.of(TABLE, visit.id)
            self.access.require_visit(existing.person_id, "修改")  # i18n-exempt: glued into access.py's message
            self.access.require_visit(visit.person_id, "修改")  # i18n-exempt: glued into access.py's message
            before = (existing.point_id, clock.period_of(existing.visited_on))
            settled = self.settled.settled(before, after)
            changes = field_changes(existing, visit) if settled else {}
            if settled and not changes:
                return existing, Changes.of(TABLE, visit.id)
            text = self.settled.require_reason(settled, reason, TABLE, visit.id)
            visit = replace(visit, created_at=existing.created_at, updated_at=stamp, deleted=existing.deleted)
            self.repo.save(visit)
            self.access.log_change(TABLE, visit.id, existing, visit, note=text)
            if settled:
                self.settled.log(TABLE, visit.id, "update", before, after, text, changes)
        return visit, Changes.of(TABLE, visit.id)

    def delete(self, visit_id: str, *, reason: str | None = None) -> Changes:
        """Soft-delete; an exported month needs ``reason`` (SettledPeriodError otherwise)."""
        self._set_deleted(visit_id, True, reason)
        return Changes.of(TABLE, visit_id)

    def restore(self, visit_id: str, *, reason: str | None = None) -> Changes:
        self._set_deleted(visit_id, False, reason)
        return Changes.of(TABLE, visit_id)

    def _set_deleted(self, visit_id: str, deleted: bool, reason: str | None) -> None:
        with self.db.atomic():
            visit = self.repo.get(visit_id)
            self.access.require_visit(visit.person_id, "删除" if deleted else "恢复")  # i18n-exempt: see access.py
            month = (visit.point_id, clock.period_of(visit.visited_on))
            self.settled.soft_delete(self.repo, self.access, TABLE, visit_id, month, visit.deleted, deleted, reason)

    def history(self, visit_id: str) -> list[HistoryEntry]:
        """Logged changes of the visit (months already exported), oldest first."""
        return self.settled.history_of(TABLE, visit_id)

    def repo_exists(self, record_id: str) -> bool:
        """True if a record with this id is stored (deleted ones too)."""
        try:
            self.repo.get(record_id)
        except NotFoundError:
            return False
        return True

    def get(self, visit_id: str) -> VolunteerVisit:
        return self.repo.get(visit_id)

    def page(self, flt: VisitFilter, *, sort: str = "visited_on", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[VolunteerVisit]:
        """A page of the visit list, sorted in SQL (keys: ``storage.visits.SORT_COLUMNS``)."""
        return self.repo.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def count(self, flt: VisitFilter) -> int:
        return self.repo.count(flt)

    def consultations_on_day(self, point_id: str, day: date) -> list[Consultation]:
        """Consultations received at ``point_id`` on ``day`` (China time), earliest first —
        what a visit of that day can be linked to. Reads the month's list in pages and keeps
        that day (a month at one point holds dozens of records, not thousands)."""
        repo = ConsultationRepository(self.db)
        flt = ConsultationFilter(period=clock.period_of(day), point_id=point_id)
        today = self.now().date()
        found: list[Consultation] = []
        offset, size = 0, 200
        while True:
            rows = repo.page(flt, today=today, sort="received_at", descending=False, offset=offset, limit=size)
            for record in rows:
                received = clock.from_iso(clock.to_iso(record.received_at)).date()
                if received == day:
                    found.append(record)
                elif received > day:
                    return found
            if len(rows) < size:
                return found
            offset += size

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
        raise ValueError(translate("validation", "结束日期不能早于开始日期"))
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
