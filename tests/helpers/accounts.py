"""Accounts for tests: an admin, the point's judge and two volunteers linked to people.

Hashing uses scrypt with n=2^8 here (``fast_hashing``) so a test creates accounts in
milliseconds; the production parameters are checked in tests/core/test_accounts.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest

from liaison_app.core import passwords
from liaison_app.domain.accounts import AccountRole, UserAccount
from liaison_app.domain.enums import Outcome
from liaison_app.domain.people import HalfDay, Person, Role, WeeklySlot
from liaison_app.domain.records import Consultation
from liaison_app.domain.visits import Activity, VolunteerVisit

from tests.conftest import FIXED_NOW

ALL_WEEK = frozenset(WeeklySlot(d, h) for d in range(7) for h in HalfDay)
PASSWORDS = {"admin": "admin-pass-1", "judge": "judge-pass-1", "vol": "vol-pass-1", "vol2": "vol2-pass-1"}


@pytest.fixture
def fast_hashing(monkeypatch):
    """Cheap scrypt parameters for the test (the format and verification stay the same)."""
    monkeypatch.setattr(passwords, "DEFAULT_N", 2**8)


@dataclass(frozen=True)
class Cast:
    admin: UserAccount
    judge: UserAccount
    vol: UserAccount
    vol2: UserAccount
    judge_person: Person
    vol_person: Person
    vol2_person: Person


def make_cast(core, point) -> Cast:
    """Create the four accounts (as the system actor) and return them with their people."""
    judge_person = core.people.ensure_judge(point.judge_name or "马建国", point.id)
    vol_person, _ = core.people.save(Person(name="李志远", role=Role.VOLUNTEER, point_ids=frozenset({point.id}),
                                            availability=ALL_WEEK))
    vol2_person, _ = core.people.save(Person(name="赵德明", role=Role.VOLUNTEER, point_ids=frozenset({point.id}),
                                             availability=ALL_WEEK))
    admin, _ = core.accounts.create("admin", "王管理", AccountRole.ADMIN, PASSWORDS["admin"])
    judge, _ = core.accounts.create("judge", judge_person.name, AccountRole.JUDGE, PASSWORDS["judge"],
                                    person_id=judge_person.id)
    vol, _ = core.accounts.create("vol", "李志远", AccountRole.VOLUNTEER, PASSWORDS["vol"], person_id=vol_person.id)
    vol2, _ = core.accounts.create("vol2", "赵德明", AccountRole.VOLUNTEER, PASSWORDS["vol2"],
                                   person_id=vol2_person.id)
    return Cast(admin, judge, vol, vol2, judge_person, vol_person, vol2_person)


def consultation(point, receiver: str, **changes) -> Consultation:
    base = Consultation(
        point_id=point.id, received_at=FIXED_NOW - timedelta(days=1), visitor_name="王秀英",
        category_code="PRO-HST", question="邻居盖房挡了出路怎么办？", advice="先请村委会调解，不成可起诉排除妨害。",
        outcome=Outcome.ANSWERED, receiver_name=receiver, village="宁安村", phone="13995110001",
    )
    return base.with_changes(**changes)


def visit(point, person: Person, **changes) -> VolunteerVisit:
    base = VolunteerVisit(person_id=person.id, point_id=point.id, visited_on=date(2026, 11, 23),
                          arrival=time(8, 45), departure=time(12, 20), activities=frozenset({Activity.CONSULTATION}))
    return base.with_changes(**changes)
