"""Shared set-up for the duty roster tests: volunteers, a second point, a Core at another time."""

from __future__ import annotations

from datetime import datetime

from liaison_app.core import Core
from liaison_app.domain.people import HalfDay, Person, Role, WeeklySlot
from liaison_app.domain.records import LiaisonPoint
from liaison_app.storage.database import open_database

ALL_WEEK = frozenset(WeeklySlot(d, h) for d in range(7) for h in HalfDay)
WEEKDAYS = frozenset(WeeklySlot(d, h) for d in range(5) for h in HalfDay)


def add_volunteer(core, name, *points, availability=ALL_WEEK, cap=None) -> Person:
    person, _ = core.people.save(Person(name=name, role=Role.VOLUNTEER, point_ids=frozenset(p.id for p in points),
                                        availability=availability, monthly_cap=cap))
    return person


def add_second_point(core) -> LiaisonPoint:
    point, _ = core.points.add(LiaisonPoint(code="LW-WTS", name="梧桐树村法官联系点", court="灵武市人民法院",
                                            township="梧桐树乡", village="梧桐树村", judge_name="李文"))
    return point


def core_at(db_path, moment: datetime) -> Core:
    """Another Core on the same database file with the clock pinned to ``moment``."""
    return Core(open_database(db_path), db_path, now=lambda: moment)
