"""Accounts and roles, enforced in the core (not only by hidden buttons): 管理员, 法官, 志愿者.

Every refusal is a PermissionDeniedError (a UserError with a Chinese sentence) and stores
nothing; the system actor (no accounts: CLI, demo, the other tests) keeps full rights.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
from datetime import date, time

import pytest

from liaison_app import cli_accounts
from liaison_app.core import passwords
from liaison_app.core.exports import ExportService
from liaison_app.core.reports import write_registration
from liaison_app.domain.accounts import SYSTEM_ACTOR, AccountRole
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.people import HalfDay, Person, Role
from liaison_app.domain.records import ConsultationFilter, LiaisonPoint
from liaison_app.errors import PermissionDeniedError, UserError, ValidationError

from tests.helpers.accounts import PASSWORDS, consultation, fast_hashing, make_cast, visit  # noqa: F401


@pytest.fixture
def cast(core, point, fast_hashing):  # noqa: F811
    return make_cast(core, point)


def rows(core, table: str) -> int:
    return core.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- passwords ---------------------------------------------------------------------------------
def test_password_hash_is_salted_slow_scrypt_with_its_parameters():
    encoded = passwords.hash_password("correct horse")
    assert encoded.startswith("scrypt$n=32768,r=8,p=1$")
    assert "correct horse" not in encoded
    assert passwords.hash_password("correct horse") != encoded          # a fresh salt each time
    assert passwords.verify_password("correct horse", encoded)
    assert not passwords.verify_password("correct hors", encoded)
    assert not passwords.verify_password("x", "not a hash")
    assert not passwords.verify_password("x", "scrypt$n=3,r=8,p=1$AAAA$AAAA")   # n not a power of two
    assert not passwords.needs_rehash(encoded)


def test_weaker_hash_is_upgraded_at_login(core, point, monkeypatch):
    monkeypatch.setattr(passwords, "DEFAULT_N", 2**8)
    core.accounts.create("admin", "王管理", "admin", "admin-pass-1")
    monkeypatch.setattr(passwords, "DEFAULT_N", 2**9)
    core.accounts.login("admin", "admin-pass-1")
    assert core.accounts.repo.by_login("admin").password_hash.startswith("scrypt$n=512,")


# -- accounts ----------------------------------------------------------------------------------
def test_no_accounts_means_the_system_actor_with_full_rights(core, point):
    assert not core.accounts.has_accounts()
    assert core.actor == SYSTEM_ACTOR
    core.points.add(LiaisonPoint(code="LW-WTS", name="梧桐树村法官联系点", court="灵武市人民法院"))


def test_first_account_must_be_an_admin(core, fast_hashing):  # noqa: F811
    with pytest.raises(ValidationError) as info:
        core.accounts.create("judge", "马建国", AccountRole.JUDGE, "judge-pass-1")
    assert "管理员" in info.value.by_field()["role"]
    core.accounts.create("admin", "王管理", AccountRole.ADMIN, "admin-pass-1")
    assert core.accounts.has_accounts()


@pytest.mark.parametrize("login, name, password, field", [
    ("a", "王管理", "admin-pass-1", "login"),
    ("admin root", "王管理", "admin-pass-1", "login"),
    ("admin", "", "admin-pass-1", "display_name"),
    ("admin", "王管理", "12345", "password"),
])
def test_bad_account_fields(core, fast_hashing, login, name, password, field):  # noqa: F811
    with pytest.raises(ValidationError) as info:
        core.accounts.create(login, name, "admin", password)
    assert field in info.value.by_field()
    assert rows(core, "user_account") == 0


def test_login_names_are_unique_ignoring_case(core, cast):
    with pytest.raises(UserError, match="已被使用"):
        core.accounts.create("ADMIN", "另一人", "judge", "another-pass")


def test_login_switches_the_actor_and_wrong_passwords_are_refused(core, cast):
    with pytest.raises(UserError, match="登录名或密码不对"):
        core.accounts.login("judge", "wrong-password")
    with pytest.raises(UserError, match="登录名或密码不对"):
        core.accounts.login("nobody", "wrong-password")
    assert core.actor == SYSTEM_ACTOR
    actor = core.accounts.login("JUDGE", PASSWORDS["judge"])
    assert actor.role is AccountRole.JUDGE and core.actor == actor
    assert core.accounts.unlock(PASSWORDS["judge"])
    assert not core.accounts.unlock("wrong")
    actions = [r[0] for r in core.db.execute("SELECT action FROM audit_log WHERE action LIKE 'log%' "
                                             "OR action = 'unlock' ORDER BY id")]
    assert actions == ["login_failed", "login_failed", "login", "unlock", "login_failed"]


def test_deactivated_account_cannot_log_in_and_last_admin_stays(core, cast):
    core.accounts.update(cast.vol2.with_changes(active=False))
    with pytest.raises(UserError, match="登录名或密码不对"):
        core.accounts.login("vol2", PASSWORDS["vol2"])
    with pytest.raises(UserError, match="至少要保留一个"):
        core.accounts.update(cast.admin.with_changes(role=AccountRole.JUDGE))


def test_only_admins_manage_accounts_and_passwords(core, cast):
    core.accounts.login("judge", PASSWORDS["judge"])
    with pytest.raises(PermissionDeniedError):
        core.accounts.create("vol3", "钱多", "volunteer", "vol3-pass-1")
    with pytest.raises(PermissionDeniedError):
        core.accounts.set_password(cast.vol.id, "new-pass-123")
    with pytest.raises(ValidationError):
        core.accounts.set_password(cast.judge.id, "new-pass-123", old_password="wrong")
    core.accounts.set_password(cast.judge.id, "new-pass-123", old_password=PASSWORDS["judge"])
    core.accounts.login("judge", "new-pass-123")
    stored = core.accounts.repo.by_login("judge").password_hash
    assert "new-pass-123" not in stored and stored.startswith("scrypt$")


# -- roles enforced in the core ----------------------------------------------------------------
def test_volunteer_records_consultations_they_received_only(core, point, cast):
    core.actor = cast.vol.actor()
    own, _ = core.consultations.save(consultation(point, "李志远"))
    with pytest.raises(PermissionDeniedError, match="志愿者"):
        core.consultations.save(consultation(point, "马建国"))
    core.actor = cast.judge.actor()
    others, _ = core.consultations.save(consultation(point, "马建国", visitor_name="张三"))
    core.actor = cast.vol.actor()
    before = rows(core, "audit_log")
    with pytest.raises(PermissionDeniedError):
        core.consultations.save(others.with_changes(advice="改成别的"))
    with pytest.raises(PermissionDeniedError):
        core.consultations.delete(others.id)
    with pytest.raises(PermissionDeniedError):   # nor hand their own record to someone else
        core.consultations.save(own.with_changes(receiver_name="马建国"))
    assert core.consultations.get(others.id) == others and rows(core, "audit_log") == before
    core.consultations.save(own.with_changes(advice="补充：可申请法律援助。"))
    core.consultations.delete(own.id)
    assert core.consultations.count(ConsultationFilter()) == 1


def test_volunteer_may_reveal_numbers_only_of_their_own_consultations(core, point, cast):
    core.actor = cast.judge.actor()
    others, _ = core.consultations.save(consultation(point, "马建国"))
    assert core.consultations.reveal_personal(others.id)["phone"] == "13995110001"
    core.actor = cast.vol.actor()
    with pytest.raises(PermissionDeniedError):
        core.consultations.reveal_personal(others.id)
    own, _ = core.consultations.save(consultation(point, "李志远"))
    assert core.consultations.reveal_personal(own.id, ("phone",)) == {"phone": "13995110001"}


def test_volunteer_records_their_own_visits_only(core, point, cast):
    core.actor = cast.vol.actor()
    own, _ = core.visits.save(visit(point, cast.vol_person))
    with pytest.raises(PermissionDeniedError):
        core.visits.save(visit(point, cast.vol2_person))
    core.actor = cast.judge.actor()
    theirs, _ = core.visits.save(visit(point, cast.vol2_person))
    core.actor = cast.vol.actor()
    with pytest.raises(PermissionDeniedError):
        core.visits.delete(theirs.id)
    with pytest.raises(PermissionDeniedError):
        core.visits.save(own.with_changes(person_id=cast.vol2_person.id))
    core.visits.delete(own.id)
    assert core.visits.get(theirs.id).deleted is False


def test_volunteer_may_not_touch_sessions_people_points_or_settings(core, point, cast):
    core.actor = cast.vol.actor()
    session = EducationSession(point_id=point.id, held_on=date(2026, 11, 20), start_time=time(9),
                               end_time=time(10), place="村委会", form=SessionForm.LECTURE,
                               topic="以案说法", audience=20, speaker_ids=(cast.vol_person.id,))
    before = {t: rows(core, t) for t in ("education_session", "person", "liaison_point", "setting", "audit_log")}
    for attempt in (
        lambda: core.sessions.save(session),
        lambda: core.people.save(Person(name="新人", role=Role.VOLUNTEER)),
        lambda: core.people.set_active(cast.vol2_person.id, False),
        lambda: core.points.add(LiaisonPoint(code="LW-WTS", name="梧桐树村法官联系点", court="灵武市人民法院")),
        lambda: core.settings.set_idle_lock_minutes(30),
        lambda: ExportService(core).set_court_key("a-long-enough-court-key-2026"),
        lambda: core.audit.of_record("anything"),
    ):
        with pytest.raises(PermissionDeniedError) as info:
            attempt()
        assert "无权" in str(info.value)
    assert {t: rows(core, t) for t in before} == before


def test_judge_works_on_all_records_but_only_admins_manage(core, point, cast):
    core.actor = cast.vol.actor()
    volunteers, _ = core.consultations.save(consultation(point, "李志远"))
    core.actor = cast.judge.actor()
    core.consultations.save(volunteers.with_changes(advice="法官补充意见。"))
    core.consultations.delete(volunteers.id)
    for attempt in (
        lambda: core.people.save(Person(name="新人", role=Role.VOLUNTEER)),
        lambda: core.points.update(LiaisonPoint(**{**point.__dict__, "name": "新名字"})),
        lambda: core.settings.set("idle_lock_minutes", "5"),
    ):
        with pytest.raises(PermissionDeniedError):
            attempt()
    core.actor = cast.admin.actor()
    core.people.save(Person(name="新人", role=Role.VOLUNTEER))
    core.settings.set_idle_lock_minutes(5)
    assert core.settings.idle_lock_minutes() == 5


def test_volunteer_exports_only_masked_data(core, point, cast, tmp_path):
    core.actor = cast.vol.actor()
    own, _ = core.consultations.save(consultation(point, "李志远"))
    exports = ExportService(core)
    with pytest.raises(PermissionDeniedError):
        exports.export_batches("2026-11", tmp_path / "full", full_personal_data=True)
    assert not any((tmp_path / "full").glob("*.xlsx")) if (tmp_path / "full").exists() else True
    report = exports.export_batches("2026-11", tmp_path / "masked")
    assert report.files and report.files[0].masked
    with pytest.raises(PermissionDeniedError):
        write_registration(core, own.id, tmp_path / "full.pdf", masked=False)
    assert not (tmp_path / "full.pdf").exists()
    write_registration(core, own.id, tmp_path / "masked.pdf", masked=True)


def test_volunteer_roster_self_service_only_for_themselves(core, point, cast):
    core.actor = cast.vol.actor()
    with pytest.raises(PermissionDeniedError):
        core.duty.assign(point.id, date(2026, 12, 1), HalfDay.AM, cast.vol_person.id)
    with pytest.raises(PermissionDeniedError):
        core.duty.take(point.id, date(2026, 12, 1), HalfDay.AM, cast.vol2_person.id)
    with pytest.raises(PermissionDeniedError):
        core.duty.generate(point.id, "2026-12")
    edit = core.duty.take(point.id, date(2026, 12, 1), HalfDay.AM, cast.vol_person.id)
    assert edit.applied, edit.problems
    core.actor = cast.vol2.actor()
    with pytest.raises(PermissionDeniedError):
        core.duty.give_back(edit.shifts[0].id, cast.vol_person.id)
    with pytest.raises(PermissionDeniedError):
        core.duty.mark_leave(edit.shifts[0].id)
    core.actor = cast.vol.actor()
    assert core.duty.give_back(edit.shifts[0].id, cast.vol_person.id).applied


def test_permission_refusal_leaves_the_database_unchanged(core, point, cast):
    core.actor = cast.vol.actor()
    snapshot = list(core.db.conn.execute("SELECT * FROM consultation"))
    with pytest.raises(PermissionDeniedError):
        core.consultations.save(consultation(point, "马建国"))
    assert list(core.db.conn.execute("SELECT * FROM consultation")) == snapshot


# -- CLI -----------------------------------------------------------------------------------------
def _cli(core, argv, monkeypatch, stdin=""):
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    cli_accounts.add_parsers(commands)
    args = parser.parse_args(argv)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli_accounts.COMMANDS[args.command](core, args)


def test_cli_creates_accounts_non_interactively_and_exports_the_audit(core, point, monkeypatch, capsys,
                                                                      tmp_path, fast_hashing):  # noqa: F811
    assert _cli(core, ["user-add", "--login", "admin", "--name", "王管理", "--role", "admin", "--password-stdin"],
                monkeypatch, "admin-pass-1\n") == 0
    assert _cli(core, ["user-add", "--login", "vol", "--name", "李志远", "--role", "volunteer",
                       "--password-stdin"], monkeypatch, "vol-pass-1\n") == 0
    assert _cli(core, ["users"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "已新建账户 admin（王管理，管理员）" in out and "vol\t李志远\t志愿者\t在用" in out
    assert "vol-pass-1" not in out
    core.accounts.login("vol", "vol-pass-1")
    core.actor = SYSTEM_ACTOR
    target = tmp_path / "audit.xlsx"
    assert _cli(core, ["audit", "--out", str(target)], monkeypatch) == 0
    assert target.is_file()
    with pytest.raises(UserError, match="--password-stdin"):
        _cli(core, ["user-add", "--login", "x2", "--name", "某", "--role", "judge"], monkeypatch)


def test_stored_password_hashes_never_hold_the_password(core, cast):
    for login, password in PASSWORDS.items():
        stored = core.db.execute("SELECT password_hash FROM user_account WHERE login = ?", (login,)).fetchone()[0]
        assert password not in stored
    with pytest.raises(sqlite3.IntegrityError):
        core.db.conn.execute("INSERT INTO user_account (id, login, display_name, role, password_hash, created_at, "
                             "updated_at) VALUES ('x', 'a', 'b', 'root', 'h', 't', 't')")
