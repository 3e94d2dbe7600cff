"""Use cases for liaison points."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.domain.changes import Changes
from liaison_app.domain.records import LiaisonPoint
from liaison_app.domain.text import clean_line, clean_name
from liaison_app.domain.validation import validate_point
from liaison_app.errors import ValidationError
from liaison_app.core.people import PeopleService
from liaison_app.storage.reference import PointRepository


class PointService:
    """Create, change and list liaison points."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.access = access or AccessControl(db, now)
        self.repo = PointRepository(db)
        self.people = PeopleService(db, now, self.access)

    def add(self, point: LiaisonPoint) -> tuple[LiaisonPoint, Changes]:
        """Validate and store a new point; its judge is added to the people list.

        Raises:
            ValidationError: a field is missing or malformed.
            UserError: the code is already used.
            PermissionDeniedError: the actor is not an admin.
        """
        self.access.require(Permission.MANAGE_POINTS)
        point = self._clean(point)
        errors = validate_point(point)
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        point = LiaisonPoint(**{**point.__dict__, "created_at": stamp, "updated_at": stamp})
        with self.db.atomic():
            self.repo.insert(point)
            self.access.log_change("liaison_point", point.id, None, point)
            if point.judge_name:
                self.people.ensure_judge(point.judge_name, point.id)
        return point, Changes.of("liaison_point", point.id)

    def update(self, point: LiaisonPoint) -> tuple[LiaisonPoint, Changes]:
        """Validate and store changes to an existing point (admins only: PermissionDeniedError)."""
        self.access.require(Permission.MANAGE_POINTS)
        point = self._clean(point)
        errors = validate_point(point)
        if errors:
            raise ValidationError(errors)
        point = LiaisonPoint(**{**point.__dict__, "updated_at": self.now()})
        with self.db.atomic():
            before = self.repo.get(point.id)
            self.repo.update(point)
            self.access.log_change("liaison_point", point.id, before, point)
        return point, Changes.of("liaison_point", point.id)

    def all(self) -> list[LiaisonPoint]:
        """Points in code order."""
        return self.repo.all()

    def get(self, point_id: str) -> LiaisonPoint:
        return self.repo.get(point_id)

    def by_code(self, code: str) -> LiaisonPoint:
        return self.repo.by_code(code)

    def is_empty(self) -> bool:
        """True on a first start: no point set up yet."""
        return self.repo.count() == 0

    @staticmethod
    def _clean(point: LiaisonPoint) -> LiaisonPoint:
        return LiaisonPoint(**{
            **point.__dict__,
            "code": clean_line(point.code).upper(),
            "name": clean_line(point.name),
            "court": clean_line(point.court),
            "township": clean_line(point.township),
            "village": clean_line(point.village),
            "judge_name": clean_name(point.judge_name),
        })
