"""Fixtures for the court merge: a point database with several points and months (demo data plus
hand-made sessions, visits and duty shifts), its exported batches, and a court database."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from liaison_app.core import Core
from liaison_app.core.court import CourtService
from liaison_app.core.demo import fill_demo
from liaison_app.core.exports import ExportService
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.duty import DutyShift, ShiftState
from liaison_app.domain.people import HalfDay, Role
from liaison_app.storage.database import open_database
from liaison_app.storage.duty import DutyShiftRepository

START = datetime(2026, 11, 29, 10, 0, 0, tzinfo=CHINA_TZ)
PERIODS = ("2026-09", "2026-10", "2026-11")
COURT_KEY = "中宁-court-key-2026"
FIXTURES = Path(__file__).parent / "fixtures"
from tests.helpers.cases import CASES  # noqa: E402


class Ticking:
    """A clock that moves one second per call, so "changed after the export" is well defined."""

    def __init__(self, start: datetime = START):
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


def dump(path: Path) -> list[str] | None:
    """Every statement that recreates the database (None when there is no file)."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def add_shifts(core: Core) -> None:
    """A few duty shifts per point in each period (one deleted), written as the roster would."""
    repo = DutyShiftRepository(core.db)
    stamp = START - timedelta(days=1)
    with core.db.atomic():
        for point in core.points.all():
            volunteers = [p for p in core.people.all() if p.role is Role.VOLUNTEER and point.id in p.point_ids]
            if not volunteers:
                continue
            for period in PERIODS:
                year, month = map(int, period.split("-"))
                for index, (day, half, state) in enumerate(((3, HalfDay.AM, ShiftState.DONE),
                                                            (4, HalfDay.PM, ShiftState.LEAVE),
                                                            (5, HalfDay.AM, ShiftState.CONFIRMED))):
                    repo.save(DutyShift(point_id=point.id, day=date(year, month, day), half=half,
                                        person_id=volunteers[index % len(volunteers)].id, state=state,
                                        created_at=stamp, updated_at=stamp, deleted=index == 2))


@pytest.fixture(scope="session")
def shared_point(tmp_path_factory, migrated_template) -> tuple[Path, Path]:
    """Built once per session: a point laptop's database (3 points × 3 months of demo records,
    duty shifts, a court key) and its nine exported batches. Tests copy, never change, them."""
    folder = tmp_path_factory.mktemp("shared_point")
    path = folder / "liaison.db"
    shutil.copy(migrated_template, path)
    core = Core(open_database(path), path, now=Ticking())
    try:
        fill_demo(core, points=3, months=3, consultations=150, seed=7)
        add_shifts(core)
        service = ExportService(core)
        service.set_court_key(COURT_KEY)
        for period in PERIODS:
            service.export_batches(period, folder / "batches")
    finally:
        core.close()
    return path, folder / "batches"


@pytest.fixture
def clock() -> Ticking:
    """Starts an hour after the shared export, so later edits count as changes."""
    return Ticking(START + timedelta(hours=1))


@pytest.fixture
def point_core(shared_point, tmp_path, clock):
    """A private copy of the shared point database (its batches already exported and logged)."""
    path = tmp_path / "point" / "liaison.db"
    path.parent.mkdir()
    shutil.copy(shared_point[0], path)
    core = Core(open_database(path), path, now=clock)
    yield core
    core.close()


@pytest.fixture
def batches(shared_point) -> Path:
    """The three months exported (9 files, v1) — shared: copy a file before changing it."""
    return shared_point[1]


@pytest.fixture
def court_path(tmp_path) -> Path:
    return tmp_path / "court" / "court.db"


@pytest.fixture
def court(court_path, clock):
    service = CourtService(court_path, now=clock)
    yield service
    service.close()


def copy_batch(batches: Path, name: str, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(batches / name, target / name))
