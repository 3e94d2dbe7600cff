"""Core queries behind the GUI lists: visits and people paged and sorted in SQL, the day's
consultations and sessions a visit links to, undoing the removal of a person."""

from datetime import date, datetime, time

import pytest

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import Outcome
from liaison_app.domain.people import Person, PersonFilter, Role
from liaison_app.domain.records import Consultation
from liaison_app.domain.visits import Activity, VisitFilter, VolunteerVisit
from liaison_app.errors import NotFoundError


@pytest.fixture
def volunteers(core, point):
    return [core.people.save(Person(name=name, role=Role.VOLUNTEER, point_ids=frozenset({point.id})))[0]
            for name in ("张德昇", "马秀兰")]


def add_visit(core, point, person, day, arrival=time(9), departure=time(11)):
    return core.visits.save(VolunteerVisit(person_id=person.id, point_id=point.id, visited_on=day, arrival=arrival,
                                           departure=departure, activities=frozenset({Activity.OTHER})))[0]


def test_visit_page_filters_and_sorts_in_sql(core, point, volunteers):
    zhang, ma = volunteers
    add_visit(core, point, zhang, date(2026, 11, 2), departure=time(12))
    add_visit(core, point, ma, date(2026, 11, 3))
    add_visit(core, point, zhang, date(2026, 10, 30))
    deleted = add_visit(core, point, ma, date(2026, 11, 4))
    core.visits.delete(deleted.id)
    assert core.visits.count(VisitFilter()) == 3
    assert [v.visited_on.day for v in core.visits.page(VisitFilter())] == [3, 2, 30]
    assert core.visits.count(VisitFilter(period="2026-11")) == 2
    assert [v.person_id for v in core.visits.page(VisitFilter(person_id=ma.id))] == [ma.id]
    by_minutes = core.visits.page(VisitFilter(), sort="minutes", descending=True)
    assert by_minutes[0].minutes == 180
    assert [v.visited_on.day for v in core.visits.page(VisitFilter(), offset=1, limit=1)] == [2]
    with pytest.raises(ValueError):
        core.visits.page(VisitFilter(), sort="notes; DROP TABLE person")


def test_people_page_judges_first_and_restore(core, point, volunteers):
    zhang, _ = volunteers
    names = [p.name for p in core.people.page(PersonFilter())]
    assert names[0] == "马建国"                      # the point's judge
    core.people.set_active(zhang.id, False)
    assert core.people.count(PersonFilter(include_inactive=False)) == 2
    assert [p.name for p in core.people.page(PersonFilter(role=Role.VOLUNTEER), sort="name")] == ["张德昇", "马秀兰"]
    spare, _ = core.people.save(Person(name="临时志愿者", role=Role.VOLUNTEER))
    assert not core.people.has_records(spare.id)
    core.people.remove(spare.id)
    with pytest.raises(NotFoundError):
        core.people.get(spare.id)
    core.people.restore(spare.id)
    assert core.people.get(spare.id).name == "临时志愿者"


def test_what_a_visit_can_link_to_on_one_day(core, point, volunteers):
    def consult(hour, day=23):
        return core.consultations.save(Consultation(
            point_id=point.id, received_at=datetime(2026, 11, day, hour, tzinfo=CHINA_TZ), visitor_name="王秀英",
            category_code="MAR-ELD", question="赡养", advice="调解", receiver_name="马建国",
            outcome=Outcome.ANSWERED))[0]

    late, early = consult(16), consult(9)
    consult(10, day=22)
    consult(23, day=24)
    assert [c.id for c in core.visits.consultations_on_day(point.id, date(2026, 11, 23))] == [early.id, late.id]
    assert core.visits.consultations_on_day(point.id, date(2026, 11, 25)) == []
    session, _ = core.sessions.save(EducationSession(
        point_id=point.id, held_on=date(2026, 11, 23), start_time=time(14), end_time=time(15), place="村委会",
        form=SessionForm.LECTURE, topic="讲座", audience=20, speaker_ids=(volunteers[0].id,)))
    assert [s.id for s in core.sessions.on_day(point.id, date(2026, 11, 23))] == [session.id]
