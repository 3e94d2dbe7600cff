"""People, education sessions, volunteer visits, attachments and the service-hours certificate."""

from datetime import date, time
from decimal import Decimal

import pytest

from liaison_app.core.visits import write_service_certificate
from liaison_app.domain.education import EducationSession, SessionFilter, SessionForm
from liaison_app.domain.people import HalfDay, Person, Role, WeeklySlot
from liaison_app.domain.visits import Activity, VolunteerVisit, hours_of, service_minutes
from liaison_app.errors import UserError, ValidationError
from tests.helpers.pdf import font_report, pdf_text


@pytest.fixture
def volunteer(core, point):
    person, _ = core.people.save(Person(
        name="张德昇", role=Role.VOLUNTEER, phone="139 5100 0001", former_court="中宁县人民法院", post="审判员",
        point_ids=frozenset({point.id}),
        availability=frozenset({WeeklySlot(0, HalfDay.AM), WeeklySlot(3, HalfDay.PM)}), monthly_cap=6,
    ))
    return person


def visit(point, volunteer, **changes):
    base = VolunteerVisit(person_id=volunteer.id, point_id=point.id, visited_on=date(2026, 11, 23),
                          arrival=time(8, 45), departure=time(12, 20),
                          activities=frozenset({Activity.CONSULTATION}))
    return base.with_changes(**changes)


def session(point, speaker, **changes):
    base = EducationSession(point_id=point.id, held_on=date(2026, 11, 20), start_time=time(9, 30),
                            end_time=time(11, 0), place="宁安村村委会会议室", form=SessionForm.CASE_STUDY,
                            topic="婚姻家庭纠纷以案说法", audience=46,
                            cases=("彩礼返还纠纷案", " ", "赡养纠纷案"), speaker_ids=(speaker.id,))
    return base.with_changes(**changes)


def test_person_round_trip_and_point_judge_created(core, point, volunteer):
    assert core.people.get(volunteer.id) == volunteer
    assert volunteer.phone == "13951000001"
    assert volunteer.available(date(2026, 11, 23), HalfDay.AM)       # a Monday morning
    assert not volunteer.available(date(2026, 11, 23), HalfDay.PM)
    judges = core.people.all(role=Role.JUDGE)
    assert [(j.name, j.point_ids) for j in judges] == [("马建国", frozenset({point.id}))]
    assert [p.name for p in core.people.volunteers(point.id)] == ["张德昇"]


def test_person_with_records_is_deactivated_not_deleted(core, point, volunteer):
    core.visits.save(visit(point, volunteer))
    with pytest.raises(UserError, match="只能停用"):
        core.people.remove(volunteer.id)
    core.people.set_active(volunteer.id, False)
    assert core.people.volunteers() == []
    assert core.people.get(volunteer.id).active is False
    spare, _ = core.people.save(Person(name="临时志愿者", role=Role.VOLUNTEER))
    core.people.remove(spare.id)
    assert [p.name for p in core.people.all()] == ["马建国", "张德昇"]


def test_session_round_trip_search_and_delete_undo(core, point, volunteer):
    saved, _ = core.sessions.save(session(point, volunteer))
    loaded = core.sessions.get(saved.id)
    assert loaded == saved
    assert loaded.cases == ("彩礼返还纠纷案", "赡养纠纷案")
    assert core.sessions.count(SessionFilter(text="彩礼")) == 1
    assert core.sessions.count(SessionFilter(text="张德昇")) == 1    # speakers are searchable
    assert core.sessions.count(SessionFilter(period="2026-11", form=SessionForm.CASE_STUDY)) == 1
    core.sessions.delete(saved.id)
    assert core.sessions.count(SessionFilter()) == 0
    core.sessions.restore(saved.id)
    assert core.sessions.count(SessionFilter()) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_time": time(9, 0)}, "end_time"),
        ({"audience": 0}, "audience"),
        ({"topic": ""}, "topic"),
        ({"speaker_ids": ()}, "speaker_ids"),
        ({"views": 300}, "views"),                      # views only for online sessions
        ({"held_on": date(2026, 12, 1)}, "held_on"),    # after today (2026-11-29)
    ],
)
def test_session_rules(core, point, volunteer, changes, field):
    with pytest.raises(ValidationError) as info:
        core.sessions.save(session(point, volunteer, **changes))
    assert field in info.value.by_field()


def test_online_session_counts_views(core, point, volunteer):
    saved, _ = core.sessions.save(session(point, volunteer, form=SessionForm.ONLINE, audience=0, views=1280))
    assert core.sessions.get(saved.id).views == 1280


def test_service_hours_across_noon_and_rounding():
    assert service_minutes(time(10, 30), time(14, 15)) == 225
    assert hours_of(225) == Decimal("3.8")
    assert hours_of(95) == Decimal("1.6")      # 1.583… rounds half up to one decimal
    assert hours_of(93) == Decimal("1.6")      # 1.55 → 1.6
    assert hours_of(92) == Decimal("1.5")
    with pytest.raises(ValueError, match="晚于到达时间"):
        service_minutes(time(14, 0), time(9, 0))


def test_visit_rejected_when_departure_before_arrival(core, point, volunteer):
    with pytest.raises(ValidationError) as info:
        core.visits.save(visit(point, volunteer, arrival=time(14, 0), departure=time(9, 0)))
    assert "departure" in info.value.by_field()


def test_visit_needs_a_volunteer_not_a_judge(core, point):
    judge = core.people.all(role=Role.JUDGE)[0]
    with pytest.raises(ValidationError) as info:
        core.visits.save(VolunteerVisit(person_id=judge.id, point_id=point.id, visited_on=date(2026, 11, 2),
                                        arrival=time(9), departure=time(11),
                                        activities=frozenset({Activity.OTHER})))
    assert "不是志愿者" in info.value.by_field()["person_id"]


def test_visit_round_trip_with_links_and_totals(core, point, volunteer):
    spoken, _ = core.sessions.save(session(point, volunteer))
    first, _ = core.visits.save(visit(point, volunteer, visited_on=date(2026, 11, 20),
                                      activities=frozenset({Activity.EDUCATION}), session_ids=frozenset({spoken.id})))
    core.visits.save(visit(point, volunteer, arrival=time(10, 30), departure=time(14, 15)))
    core.visits.save(visit(point, volunteer, visited_on=date(2025, 12, 31)))  # outside the range
    assert core.visits.get(first.id).session_ids == {spoken.id}
    totals = core.visits.person_totals(volunteer.id, date(2026, 11, 1), date(2026, 11, 30))
    assert (totals.visits, totals.minutes) == (2, 215 + 225)
    assert totals.hours == Decimal("3.6") + Decimal("3.8")
    year = core.visits.person_totals(volunteer.id, date(2025, 1, 1), date(2025, 12, 31))
    assert (year.visits, year.hours) == (1, Decimal("3.6"))


def test_attachment_is_copied_and_survives_the_original(core, point, volunteer, tmp_path):
    saved, _ = core.sessions.save(session(point, volunteer))
    usb = tmp_path / "usb"
    usb.mkdir()
    photo = usb / "现场照片.jpg"
    payload = b"\xff\xd8\xff" + bytes(range(256)) * 40
    photo.write_bytes(payload)
    item = core.attachments.add("education_session", saved.id, photo)
    again = core.attachments.add("education_session", saved.id, photo)
    assert again.id == item.id                                 # same content stored once
    photo.unlink()
    stored = core.attachments.path(item)
    assert stored.read_bytes() == payload
    assert stored.parent == core.path.parent / "liaison_files"
    assert item.kind == "photo" and item.original_name == "现场照片.jpg"
    assert [a.id for a in core.attachments.of("education_session", saved.id)] == [item.id]
    with pytest.raises(UserError, match="找不到"):
        core.attachments.add("education_session", saved.id, photo)


def test_headline_figure_is_the_sum_of_its_parts(core, point, volunteer):
    from tests.core.test_consultations import consult

    core.consultations.save(consult(point))
    core.consultations.save(consult(point, visitor_name="李建军", phone="13700000002"))
    core.sessions.save(session(point, volunteer))
    core.sessions.save(session(point, volunteer, form=SessionForm.ONLINE, audience=0, views=500))
    core.visits.save(visit(point, volunteer))
    figures = core.overview("2026-11")
    assert (figures.consultations, figures.sessions, figures.audience, figures.online_views) == (2, 2, 46, 500)
    assert figures.service_persons == 2 + 46
    assert figures.service_persons_formula == "咨询 2 人次 + 宣讲受众 46 人次 = 48 人次"
    assert (figures.visits, figures.visit_hours) == (1, Decimal("3.6"))


def test_service_certificate_pdf_reads_back(core, point, volunteer, tmp_path):
    for day in (2, 5, 9):
        core.visits.save(visit(point, volunteer, visited_on=date(2026, 11, day)))
    core.visits.save(visit(point, volunteer, visited_on=date(2026, 11, 12), arrival=time(14, 0), departure=time(15, 35)))
    out = tmp_path / "证明.pdf"
    report = write_service_certificate(core, volunteer.id, date(2026, 11, 1), date(2026, 11, 30), out)
    assert report.summary() == ""   # 昇 is in the font
    text = pdf_text(out)
    assert "志愿服务时长证明" in text
    assert "张德昇" in text
    assert "参加志愿服务共4次" in text
    assert "累计志愿服务时长12.4小时" in text   # 3 × 3.6 + 1.6
    assert "中宁县人民法院（盖章）" in text
    fonts = font_report(out)
    # reportlab declares Helvetica on every page (its canvas default, no text uses it); every
    # other font must be the embedded CJK subset.
    assert any("WenQuanYiMicroHei" in name and embedded for name, embedded in fonts), fonts
    assert all(embedded for name, embedded in fonts if "Helvetica" not in name), fonts
    assert not any("STSong" in name for name, _ in fonts)
