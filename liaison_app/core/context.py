"""Composition of the core services over one open database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from liaison_app.core.access import AccessControl
from liaison_app.core.accounts import AccountService
from liaison_app.core.attachments import AttachmentService
from liaison_app.core.audit import AuditService
from liaison_app.core.consultations import ConsultationService
from liaison_app.core.duty import DutyService
from liaison_app.core.figures import PeriodOverview, period_overview
from liaison_app.core.points import PointService
from liaison_app.core.sessions import SessionService
from liaison_app.core.settings import SettingsService
from liaison_app.core.visits import VisitService
from liaison_app import paths
from liaison_app.domain import clock
from liaison_app.domain.accounts import Actor
from liaison_app.storage.database import open_database
from liaison_app.storage.drafts import DraftRepository
from liaison_app.core.people import PeopleService
from liaison_app.storage.reference import CategoryRepository


class Core:
    """The services of one database. Build with :func:`open_core`; close when done.

    ``now`` is injectable so tests can pin the clock (a callable returning an aware datetime).

    ``actor`` is who is acting (checked by every service, written in the audit trail); it
    starts as the system actor with full rights (CLI, demo, tests, a database without
    accounts) and changes with ``core.accounts.login(...)`` or ``core.actor = …``.
    """

    def __init__(self, db: sqlite_utils.Database, path: Path | None, now: Callable[[], datetime] = clock.now):
        self.db = db
        self.path = path
        self.now = now
        self.access = AccessControl(db, now)
        access = self.access
        self.points = PointService(db, now, access)
        self.consultations = ConsultationService(db, now, access)
        self.drafts = DraftRepository(db)
        self.settings = SettingsService(db, access)
        self.people = PeopleService(db, now, access)
        self.categories = CategoryRepository(db)
        self.sessions = SessionService(db, now, access)
        self.visits = VisitService(db, now, access)
        self.duty = DutyService(db, now, self.visits, access)
        self.accounts = AccountService(db, now, access)
        self.audit = AuditService(db, now, access)
        folder = paths.attachments_dir(path) if path else paths.user_data_dir() / "scratch_files"
        self.attachments = AttachmentService(db, folder, now)

    @property
    def actor(self) -> Actor:
        """The acting user (see :class:`~liaison_app.domain.accounts.Actor`)."""
        return self.access.actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self.access.set_actor(actor)

    def overview(self, period: str | None = None, point_id: str | None = None) -> PeriodOverview:
        """Headline figures of ``period`` (default: this month), see :class:`PeriodOverview`."""
        return period_overview(self.db, period or clock.period_of(self.now()), point_id)

    def close(self) -> None:
        """Close the database (checkpoints the WAL when this is the last connection)."""
        self.db.close()

    def __enter__(self) -> "Core":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_core(path: Path | str, now: Callable[[], datetime] = clock.now, *, actor: Actor | None = None) -> Core:
    """Open (create and migrate if needed) the database at ``path`` and build the services.

    ``actor``: act as this user (e.g. a worker thread's core opened for the logged-in user);
    default the system actor.

    Raises:
        UserError: the file cannot be used (see :func:`liaison_app.storage.database.open_database`):
            DatabaseDamagedError (damaged, not SQLite, another program's), DatabaseTooNewError,
            DatabaseReadOnlyError, DiskFullError — the file is never overwritten.
    """
    db = open_database(path)
    core = Core(db, None if str(path) == ":memory:" else Path(path), now)
    if actor is not None:
        core.actor = actor
    return core
