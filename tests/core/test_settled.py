"""Exported months are settled: a change, deletion or restore of one of their records needs a
reason (kept in the history with what changed) and marks the month for a new batch; the export
screen's list says which months need a (new) batch."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from liaison_app.core import Core
from liaison_app.core.exports import ExportService
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import Outcome
from liaison_app.domain.people import Person, Role
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.domain.visits import Activity, VolunteerVisit
from liaison_app.errors import SettledPeriodError
from liaison_app.storage.database import open_database


class Ticking:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 29, 10, 0, tzinfo=CHINA_TZ)

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


@pytest.fixture
def live(db_path):
    """Core with a clock that moves (so "changed after the export" is meaningful) and one point
    created in September, with an October consultation."""
    clock = Ticking()
    core = Core(open_database(db_path), db_path, now=clock)
    clock.moment = datetime(2026, 9, 1, 9, 0, tzinfo=CHINA_TZ)
    point, _ = core.points.add(LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院"))
    clock.moment = datetime(2026, 11, 29, 10, 0, tzinfo=CHINA_TZ)
    record, _ = core.consultations.save(october(point.id))
    yield core, point, record
    core.close()


def october(point_id: str, day: int = 12, **changes) -> Consultation:
    return Consultation(point_id=point_id, received_at=datetime(2026, 10, day, 9, 30, tzinfo=CHINA_TZ),
                        visitor_name="王秀英", category_code="PRO-HST", question="宅基地被占", advice="先调解",
                        outcome=Outcome.ANSWERED, receiver_name="马建国", phone="13995110001").with_changes(**changes)


def export(core: Core, period: str = "2026-10", tmp=None) -> None:
    ExportService(core).export_batches(period, tmp or core.path.parent / "out")


def state(core: Core, period: str):
    return next(s for s in ExportService(core).months_needing_export() if s.period == period)


def test_unexported_month_needs_no_reason(live):
    core, point, record = live
    core.consultations.save(record.with_changes(advice="改过的意见"))
    core.consultations.delete(record.id)
    assert core.consultations.history(record.id) == []


def test_change_after_export_needs_a_reason_and_is_kept_in_history(live):
    core, point, record = live
    export(core)
    assert state(core, "2026-10").changed_since == 0
    changed = record.with_changes(advice="更正后的答复意见", phone="13995110002")
    with pytest.raises(SettledPeriodError) as raised:
        core.consultations.save(changed)
    assert raised.value.period == "2026-10" and raised.value.record_id == record.id
    assert raised.value.point_id == point.id and raised.value.table == "consultation"
    assert "2026年10月的数据已报送法院" in str(raised.value)
    with pytest.raises(SettledPeriodError):
        core.consultations.save(changed, reason="   ")
    assert core.consultations.get(record.id).advice == "先调解"  # nothing stored

    core.consultations.save(changed, reason=" 答复意见  录入有误 ")
    entry, = core.consultations.history(record.id)
    assert entry.action == "update" and entry.reason == "答复意见 录入有误"
    assert entry.changes == {"advice": ["先调解", "更正后的答复意见"], "phone": ["已修改"]}  # no phone digits kept
    assert entry.period == entry.new_period == "2026-10"
    assert state(core, "2026-10").changed_since == 1 and state(core, "2026-10").needs_export


def test_unchanged_save_in_a_settled_month_stores_nothing(live):
    core, point, record = live
    export(core)
    stored, _ = core.consultations.save(record)
    assert stored.updated_at == record.updated_at
    assert core.consultations.history(record.id) == [] and state(core, "2026-10").changed_since == 0


def test_delete_and_restore_need_reasons(live):
    core, point, record = live
    export(core)
    with pytest.raises(SettledPeriodError):
        core.consultations.delete(record.id)
    core.consultations.delete(record.id, reason="重复登记")
    with pytest.raises(SettledPeriodError):
        core.consultations.restore(record.id)
    core.consultations.restore(record.id, reason="误删")
    actions = [(e.action, e.reason, e.changes) for e in core.consultations.history(record.id)]
    assert actions == [("delete", "重复登记", {"deleted": [False, True]}),
                       ("restore", "误删", {"deleted": [True, False]})]


def test_late_entry_marks_the_month_without_a_reason(live):
    core, point, record = live
    export(core)
    late, _ = core.consultations.save(october(point.id, day=20, visitor_name="张三"))
    entry, = core.consultations.history(late.id)
    assert entry.action == "insert" and entry.reason == ""
    month = state(core, "2026-10")
    assert month.changed_since == 1 and month.needs_export and month.last_seq == 1


def test_moving_a_record_out_of_an_exported_month_marks_that_month(live):
    core, point, record = live
    export(core)
    moved = record.with_changes(received_at=datetime(2026, 11, 3, 9, 30, tzinfo=CHINA_TZ))
    with pytest.raises(SettledPeriodError) as raised:
        core.consultations.save(moved)
    assert raised.value.period == "2026-10"
    core.consultations.save(moved, reason="接待日期录错了")
    entry, = core.consultations.history(record.id)
    assert (entry.period, entry.new_period) == ("2026-10", "2026-11")
    assert state(core, "2026-10").changed_since == 1  # the record left October: October needs a batch


def test_sessions_and_visits_are_settled_too(live):
    core, point, record = live
    person, _ = core.people.save(Person(name="李文斌", role=Role.VOLUNTEER, point_ids=frozenset({point.id})))
    session, _ = core.sessions.save(EducationSession(
        point_id=point.id, held_on=date(2026, 10, 8), start_time=time(9, 0), end_time=time(10, 0), place="村委会",
        form=SessionForm.LECTURE, topic="民法典", audience=30, speaker_ids=(person.id,)))
    visit, _ = core.visits.save(VolunteerVisit(person_id=person.id, point_id=point.id, visited_on=date(2026, 10, 9),
                                               arrival=time(9, 0), departure=time(11, 0),
                                               activities=frozenset({Activity.CONSULTATION})))
    export(core)
    with pytest.raises(SettledPeriodError):
        core.sessions.save(session.with_changes(audience=35))
    core.sessions.save(session.with_changes(audience=35), reason="签到表复核")
    with pytest.raises(SettledPeriodError):
        core.visits.delete(visit.id)
    core.visits.delete(visit.id, reason="志愿者当天未到")
    assert [e.changes for e in core.sessions.history(session.id)] == [{"audience": [30, 35]}]
    assert [e.action for e in core.visits.history(visit.id)] == ["delete"]
    assert state(core, "2026-10").changed_since == 2


def test_months_needing_export_lists_every_month_of_a_point(live, tmp_path):
    core, point, record = live
    states = ExportService(core).months_needing_export()
    assert [s.period for s in states] == ["2026-11", "2026-10", "2026-09"]  # from the point's creation
    current, october_state, september = states
    assert current.current_month and not current.needs_export and current.status_text == "本月未结束"
    assert october_state.records == 1 and october_state.needs_export and october_state.last_seq is None
    assert september.records == 0 and september.needs_export and september.status_text == "未导出"
    export(core, "2026-10", tmp_path / "a")
    export(core, "2026-10", tmp_path / "b")
    october_state = state(core, "2026-10")
    assert october_state.last_seq == 2 and october_state.last_file_name == "ZN-NA_2026-10_v2.xlsx"
    assert not october_state.needs_export and october_state.status_text == "已导出，之后无变动"
    assert october_state.last_exported_at is not None and october_state.last_exported_at.tzinfo is not None
