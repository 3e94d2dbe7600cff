"""The audit trail: who, when, which record, which fields (old → new) for every kind of change;
written in the change's own transaction; append-only; no full personal data in it."""

from __future__ import annotations

import sqlite3
from dataclasses import make_dataclass
from datetime import date, time

import pytest
from openpyxl import load_workbook

from liaison_app.core.access import record_changes
from liaison_app.core.exports import ExportService
from liaison_app.core.maintenance import backup_to, restore_database
from liaison_app.core.reports import write_registration
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import IdStatus
from liaison_app.domain.people import HalfDay, Person, Role
from liaison_app.domain.records import LiaisonPoint
from liaison_app.storage.database import open_database

from tests.helpers.accounts import consultation, fast_hashing, make_cast, visit  # noqa: F401

ID_NUMBER = "11010519491231002X"
PHONE = "13995110001"


@pytest.fixture
def cast(core, point, fast_hashing):  # noqa: F811
    return make_cast(core, point)


def entries(core, record_id):
    return core.audit.of_record(record_id)


def all_audit_text(core) -> str:
    return "\n".join("|".join(str(v) for v in row) for row in core.db.conn.execute("SELECT * FROM audit_log"))


def test_consultation_create_update_delete_restore_are_audited_with_who_and_what(core, point, cast):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(consultation(point, "马建国", id_status=IdStatus.GIVEN, id_number=ID_NUMBER))
    core.consultations.save(record.with_changes(advice="先调解。", phone="13800001234", visitor_name="王秀瑛"))
    core.consultations.save(core.consultations.get(record.id))          # unchanged: nothing logged
    core.consultations.delete(record.id)
    core.consultations.restore(record.id)
    core.actor = cast.admin.actor()
    log = entries(core, record.id)
    assert [e.action for e in log] == ["create", "update", "delete", "restore"]
    assert {e.user_name for e in log} == {"马建国"} and {e.user_role for e in log} == {"judge"}
    assert all(e.at == "2026-11-29T10:00:00+08:00" and e.table_name == "consultation" for e in log)
    created, updated = log[0].changes, log[1].changes
    assert created["phone"] == [None, "139****0001"] and created["visitor_name"] == [None, "王**"]
    assert created["id_number"] == [None, "**************002X"]
    assert created["question"] == [None, "邻居盖房挡了出路怎么办？"]
    assert set(updated) == {"advice", "phone", "visitor_name"}
    assert updated["advice"] == ["先请村委会调解，不成可起诉排除妨害。", "先调解。"]
    assert updated["phone"] == ["139****0001", "138****1234"]
    assert updated["visitor_name"] == ["王**", "王**（已修改）"]     # masks alike, still marked changed
    assert log[2].changes == {"deleted": [False, True]} and log[3].changes == {"deleted": [True, False]}


def test_audit_log_holds_no_full_personal_data(core, point, cast):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(consultation(point, "马建国", id_status=IdStatus.GIVEN, id_number=ID_NUMBER))
    core.consultations.save(record.with_changes(phone="13800001234"))
    core.consultations.reveal_personal(record.id)
    text = all_audit_text(core)
    for secret in (PHONE, "13800001234", ID_NUMBER, "王秀英"):
        assert secret not in text


def test_reveal_is_audited_without_the_number(core, point, cast):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(consultation(point, "马建国"))
    assert core.consultations.reveal_personal(record.id, ("phone",)) == {"phone": PHONE}
    last = entries(core, record.id)[-1]
    assert (last.action, last.user_name, last.changes) == ("reveal", "马建国", {})
    assert "联系电话" in last.note and PHONE not in last.note


@pytest.mark.parametrize("kind", ["session", "visit", "person", "point", "shift", "setting", "account"])
def test_every_kind_of_record_change_is_audited(core, point, cast, kind):
    core.actor = cast.admin.actor()
    if kind == "session":
        stored, _ = core.sessions.save(EducationSession(
            point_id=point.id, held_on=date(2026, 11, 20), start_time=time(9), end_time=time(10), place="村委会",
            form=SessionForm.LECTURE, topic="以案说法", audience=20, speaker_ids=(cast.judge_person.id,)))
        core.sessions.save(stored.with_changes(audience=25))
        core.sessions.delete(stored.id)
        record_id, expected, field = stored.id, ["create", "update", "delete"], ("audience", [20, 25])
    elif kind == "visit":
        stored, _ = core.visits.save(visit(point, cast.vol_person))
        core.visits.save(stored.with_changes(notes="接待两人"))
        core.visits.delete(stored.id)
        record_id, expected, field = stored.id, ["create", "update", "delete"], ("notes", ["", "接待两人"])
    elif kind == "person":
        stored, _ = core.people.save(Person(name="钱多", role=Role.VOLUNTEER, phone="13951000009"))
        core.people.save(stored.with_changes(phone="13951000008"))
        core.people.remove(stored.id)
        core.people.restore(stored.id)
        record_id, expected = stored.id, ["create", "update", "delete", "restore"]
        field = ("phone", ["139****0009", "139****0008"])
    elif kind == "point":
        stored, _ = core.points.add(LiaisonPoint(code="LW-WTS", name="梧桐树村法官联系点", court="灵武市人民法院"))
        core.points.update(LiaisonPoint(**{**stored.__dict__, "village": "梧桐树村"}))
        record_id, expected, field = stored.id, ["create", "update"], ("village", ["", "梧桐树村"])
    elif kind == "shift":
        edit = core.duty.assign(point.id, date(2026, 12, 1), HalfDay.AM, cast.vol_person.id)
        core.duty.confirm(edit.shifts[0].id)
        core.duty.clear(edit.shifts[0].id)
        record_id, expected, field = edit.shifts[0].id, ["create", "update", "delete"], ("state", ["planned", "confirmed"])
    elif kind == "setting":
        core.settings.set_idle_lock_minutes(15)
        core.settings.set_idle_lock_minutes(20)
        record_id, expected, field = "idle_lock_minutes", ["update", "update"], ("idle_lock_minutes", ["15", "20"])
    else:
        record_id, expected = cast.vol.id, ["create", "update"]
        core.accounts.set_password(cast.vol.id, "brand-new-pass")
        field = ("password", ["已修改"])
    log = entries(core, record_id)
    assert [e.action for e in log] == expected
    assert all(e.user_name for e in log)
    name, values = field
    assert any(e.changes.get(name) == values for e in log), [e.changes for e in log]


def test_audit_entry_and_change_commit_together(core, point, cast, monkeypatch):
    core.actor = cast.judge.actor()

    def broken(entry):
        raise RuntimeError("audit write failed")

    monkeypatch.setattr(core.access.audit, "add", broken)
    with pytest.raises(RuntimeError):
        core.consultations.save(consultation(point, "马建国"))
    assert core.db.execute("SELECT count(*) FROM consultation").fetchone()[0] == 0


def test_audit_log_cannot_be_changed_or_deleted(core, point, cast):
    core.consultations.save(consultation(point, "马建国"))
    count = core.audit.count()
    for sql in ("UPDATE audit_log SET user_name = '别人'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            core.db.execute(sql)
    assert core.audit.count() == count
    assert not hasattr(core.audit, "delete") and not hasattr(core.access.audit, "update")


def test_exports_are_audited(core, point, cast, tmp_path):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(consultation(point, "马建国"))
    ExportService(core).export_batches("2026-11", tmp_path / "out", full_personal_data=True)
    write_registration(core, record.id, tmp_path / "full.pdf", masked=False)
    exports = [e for e in core.access.audit.iter_all() if e.action == "export"]
    assert [e.table_name for e in exports] == ["batch_export", "consultation"]
    assert "含完整个人信息" in exports[0].note and exports[1].record_id == record.id


def test_audit_export_workbook_is_readable_and_masked(core, point, cast, tmp_path):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(consultation(point, "马建国", advice="=HYPERLINK(\"x\")"))
    core.consultations.save(record.with_changes(phone="13800001234"))
    out = core.audit.export_xlsx(tmp_path / "审计.xlsx", record_id=record.id)
    sheet = load_workbook(out).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:5] == ["序号", "时间", "用户", "角色", "操作"]
    assert [r[4] for r in values[1:]] == ["新建", "修改"]
    assert values[2][7] == "联系电话：139****0001 → 138****1234"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert PHONE not in str(values)
    assert core.access.audit.of_record("audit_log", record.id)[-1].action == "export"


def test_restore_from_backup_is_audited_in_the_restored_database(core, point, cast, tmp_path):
    core.actor = cast.judge.actor()
    core.consultations.save(consultation(point, "马建国"))
    backup = backup_to(core.db.conn, core.path, tmp_path / "stick", tag="manual")
    path = core.path
    core.close()
    restore_database(path, backup, actor=cast.admin.actor())
    db = open_database(path)
    try:
        row = db.execute("SELECT action, user_name, note FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        db.close()
    assert row[0] == "restore_db" and row[1] == "王管理" and backup.name in row[2]
    core.db = open_database(path)   # the fixture closes it again


def test_long_texts_are_cut_in_the_audit_but_not_in_the_record():
    record = make_dataclass("Rec", [("question", str)])
    changes = record_changes("consultation", record("短"), record("长" * 2000))
    assert changes["question"][1].endswith("…（共2000字）") and len(changes["question"][1]) < 520
