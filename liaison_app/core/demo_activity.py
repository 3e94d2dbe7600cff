"""Demo legal-education sessions and volunteer visits (used by :mod:`liaison_app.core.demo`).

Sizes follow what village work looks like: a village meeting draws 20–80 people, a market-day
stall or a circuit hearing more, an online broadcast hundreds of views; a retired judge comes on
two or three half-days a month and stays about three hours.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.people import Role
from liaison_app.domain.records import ConsultationFilter, LiaisonPoint
from liaison_app.domain.visits import Activity, VolunteerVisit

if TYPE_CHECKING:
    from liaison_app.core.context import Core

TOPICS = (
    ("婚姻家庭纠纷以案说法", ("彩礼返还纠纷案", "离婚后子女抚养费纠纷案")),
    ("民法典进农村：宅基地与相邻关系", ("宅基地使用权纠纷案", "排除妨害纠纷案")),
    ("农民工讨薪维权指南", ("追索劳动报酬纠纷案", "提供劳务者受害责任纠纷案")),
    ("防范电信网络诈骗", ("冒充客服退款诈骗案",)),
    ("土地承包经营权流转法律知识", ("土地承包经营权合同纠纷案",)),
    ("赡养老人是法定义务", ("赡养纠纷案",)),
    ("民间借贷要留好证据", ("民间借贷纠纷案", "保证合同纠纷案")),
    ("道路交通安全与事故赔偿", ("机动车交通事故责任纠纷案",)),
    ("未成年人保护法进校园", ("校园欺凌侵权案",)),
)
FORM_WEIGHTS = ((SessionForm.LECTURE, 3), (SessionForm.CASE_STUDY, 4), (SessionForm.CIRCUIT_TRIAL, 1),
                (SessionForm.ONLINE, 1), (SessionForm.OUTREACH, 2), (SessionForm.MATERIALS, 1))
AUDIENCE = {
    SessionForm.LECTURE: (25, 80), SessionForm.CASE_STUDY: (20, 70), SessionForm.CIRCUIT_TRIAL: (40, 150),
    SessionForm.ONLINE: (0, 0), SessionForm.OUTREACH: (60, 300), SessionForm.MATERIALS: (30, 200),
}


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _weekdays(first: date, now: datetime) -> list[date]:
    days = []
    day = first
    while day <= now.date():
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def fill_sessions(core: "Core", point: LiaisonPoint, first: date, rng: random.Random,
                  per_month: int = 3) -> int:
    """Add about ``per_month`` sessions a month at ``point``; returns how many were stored."""
    speakers = [p.id for p in core.people.all(active_only=True, point_id=point.id)]
    if not speakers:
        return 0
    days = _weekdays(first, core.now() - timedelta(days=1))
    months = max(1, len({(d.year, d.month) for d in days}))
    stored = 0
    forms = [f for f, w in FORM_WEIGHTS for _ in range(w)]
    for held_on in sorted(rng.sample(days, min(len(days), per_month * months))):
        form = rng.choice(forms)
        topic, cases = rng.choice(TOPICS)
        low, high = AUDIENCE[form]
        start = time(rng.choice((9, 10, 14, 15)), rng.choice((0, 30)))
        session = EducationSession(
            id=_uuid(rng), point_id=point.id, held_on=held_on, start_time=start,
            end_time=time(start.hour + rng.choice((1, 2)), start.minute),
            place=rng.choice((f"{point.village or point.township}村委会会议室", f"{point.township}集市",
                              f"{point.township}中心小学", "线上直播间" if form is SessionForm.ONLINE else "田间地头")),
            form=form, topic=topic, audience=rng.randint(low, high),
            views=rng.randint(300, 3000) if form is SessionForm.ONLINE else None,
            materials=rng.choice((0, 50, 100, 200)), materials_note="《民法典》宣传册" if rng.random() < 0.5 else "",
            cases=cases if form in (SessionForm.CASE_STUDY, SessionForm.CIRCUIT_TRIAL) else (),
            speaker_ids=tuple(rng.sample(speakers, min(len(speakers), rng.choice((1, 1, 2))))),
        )
        if core.sessions.repo_exists(session.id):
            continue
        core.sessions.save(session)
        stored += 1
    return stored


def fill_visits(core: "Core", point: LiaisonPoint, first: date, rng: random.Random) -> int:
    """Add two or three visits a month for each volunteer of ``point``, linked to the
    consultations they received that day; returns how many were stored."""
    volunteers = core.people.all(role=Role.VOLUNTEER, active_only=True, point_id=point.id)
    days = _weekdays(first, core.now() - timedelta(days=1))
    stored = 0
    for person in volunteers:
        usable = [d for d in days if any(s.weekday == d.weekday() for s in person.availability)] or days
        months = max(1, len({(d.year, d.month) for d in usable}))
        for day in sorted(rng.sample(usable, min(len(usable), rng.randint(2, 3) * months))):
            morning = rng.random() < 0.6
            arrival = time(8, rng.choice((30, 45))) if morning else time(14, rng.choice((0, 30)))
            departure = time(arrival.hour + 3, rng.choice((0, 15, 30, 50)))
            received = [c.id for c in core.consultations.page(
                ConsultationFilter(point_id=point.id, period=f"{day:%Y-%m}"), limit=500)
                if c.received_at.date() == day and c.receiver_name == person.name]
            activities = {Activity.CONSULTATION} if received or rng.random() < 0.7 else {Activity.FOLLOW_UP}
            if rng.random() < 0.3:
                activities.add(Activity.MEDIATION)
            visit = VolunteerVisit(
                id=_uuid(rng), person_id=person.id, point_id=point.id, visited_on=day, arrival=arrival,
                departure=departure, activities=frozenset(activities), consultation_ids=frozenset(received),
                notes="",
            )
            if core.visits.repo_exists(visit.id):
                continue
            core.visits.save(visit)
            stored += 1
    return stored
