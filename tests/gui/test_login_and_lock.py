"""Login, the first admin account, the idle lock, masked numbers revealed on demand (audited),
the per-record history window, and the way out of a database that cannot be opened."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from liaison_app.core.maintenance import backup_to, backups_dir
from liaison_app.domain.accounts import SYSTEM_ACTOR, AccountRole
from liaison_app.domain.enums import IdStatus
from liaison_app.domain.records import ConsultationFilter
from liaison_app.errors import DatabaseDamagedError
from liaison_app.gui import startup
from liaison_app.gui.dialogs.audit_dialog import AuditDialog
from liaison_app.gui.dialogs.database_problem_dialog import DatabaseProblemDialog, WayOut
from liaison_app.gui.dialogs.login_dialog import AdminSetupDialog, LoginDialog
from liaison_app.gui.idle_lock import IdleLock
from liaison_app.storage.database import open_database
from liaison_app.storage.lock import DatabaseInUseError

from tests.gui.helpers import make_consultation
from tests.helpers.accounts import PASSWORDS, fast_hashing, make_cast  # noqa: F401

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def cast(core, point, fast_hashing):  # noqa: F811
    return make_cast(core, point)


# -- login and first admin -----------------------------------------------------------------------
def test_login_dialog_refuses_a_wrong_password_then_logs_in(qtbot, core, cast):
    dialog = LoginDialog(core)
    qtbot.addWidget(dialog)
    dialog.login_edit.setText("judge")
    dialog.password_edit.setText("wrong")
    assert not dialog.submit()
    assert dialog.error_label.isVisibleTo(dialog) and "登录名或密码不对" in dialog.error_label.text()
    assert dialog.password_edit.text() == "" and core.actor == SYSTEM_ACTOR
    dialog.password_edit.setText(PASSWORDS["judge"])
    assert dialog.submit() and dialog.result() == QDialog.DialogCode.Accepted
    assert core.actor.role is AccountRole.JUDGE and core.actor.name == "马建国"


def test_admin_setup_creates_the_first_admin_and_logs_in(qtbot, core, point, fast_hashing):  # noqa: F811
    dialog = AdminSetupDialog(core, suggested_name="马建国")
    qtbot.addWidget(dialog)
    assert dialog.edits["display_name"].text() == "马建国"
    dialog.edits["login"].setText("majianguo")
    dialog.edits["password"].setText("secret-123")
    dialog.edits["password_again"].setText("secret-12")
    assert not dialog.save()
    assert "不一致" in dialog.rows["password_again"].error()
    dialog.edits["password_again"].setText("secret-123")
    assert dialog.save()
    assert core.accounts.has_accounts() and core.actor.role is AccountRole.ADMIN


def test_later_keeps_the_app_without_accounts(qtbot, core, point):
    dialog = AdminSetupDialog(core)
    qtbot.addWidget(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not core.accounts.has_accounts() and core.actor == SYSTEM_ACTOR
    assert startup.sign_in(core, offer_admin_setup=False)   # nothing asked without accounts


def test_sign_in_asks_for_the_login_when_accounts_exist(qtbot, core, cast, monkeypatch):
    def fake_exec(dialog):
        dialog.login_edit.setText("vol")
        dialog.password_edit.setText(PASSWORDS["vol"])
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    assert startup.sign_in(core, offer_admin_setup=False)
    assert core.actor.role is AccountRole.VOLUNTEER
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not startup.sign_in(core, offer_admin_setup=False)   # 退出程序 at the login


# -- idle lock -----------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot):
    widget = QWidget()
    widget.setWindowTitle("主窗口")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_idle_time_locks_hides_the_windows_and_the_password_unlocks(qtbot, core, cast, window):
    core.accounts.login("judge", PASSWORDS["judge"])
    lock = IdleLock(core, 60)
    with qtbot.waitSignal(lock.sig_locked, timeout=3000):
        pass
    assert lock.locked and not window.isVisible()
    dialog = lock.dialog
    assert isinstance(dialog, LoginDialog) and dialog.login_edit.text() == "judge"
    dialog.password_edit.setText("wrong")
    assert not dialog.submit() and lock.locked and not window.isVisible()
    dialog.password_edit.setText(PASSWORDS["judge"])
    with qtbot.waitSignal(lock.sig_unlocked, timeout=3000):
        dialog.submit()
    assert not lock.locked and window.isVisible()
    actions = [e.action for e in core.access.audit.iter_all()][-3:]
    assert actions == ["login", "login_failed", "unlock"]
    lock.stop()


def test_input_restarts_the_countdown(qtbot, core, cast, window):
    core.accounts.login("judge", PASSWORDS["judge"])
    lock = IdleLock(core, 60_000)
    qtbot.wait(300)
    assert lock.remaining_ms() < 59_800
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert lock.remaining_ms() > 59_800
    qtbot.mouseMove(window)
    assert not lock.locked
    lock.set_timeout(0)
    assert lock.remaining_ms() == -1   # 0 = never lock
    lock.stop()


def test_another_person_may_log_in_on_a_locked_window(qtbot, core, cast, window):
    core.accounts.login("vol", PASSWORDS["vol"])
    lock = IdleLock(core, 0)
    lock.lock()
    dialog = lock.dialog
    dialog.login_edit.setText("judge")
    dialog.password_edit.setText(PASSWORDS["judge"])
    with qtbot.waitSignal(lock.sig_unlocked, timeout=3000):
        dialog.submit()
    assert core.actor.role is AccountRole.JUDGE and window.isVisible()
    lock.stop()


def test_quit_on_the_lock_dialog_asks_the_app_to_close(qtbot, core, cast, window):
    core.accounts.login("judge", PASSWORDS["judge"])
    lock = IdleLock(core, 0)
    lock.lock()
    with qtbot.waitSignal(lock.sig_quit_requested, timeout=3000):
        lock.dialog.reject()
    assert not window.isVisible()
    lock.stop()


# -- masked numbers, reveal, history -------------------------------------------------------------
@pytest.fixture
def stored(core, point, cast):
    core.actor = cast.judge.actor()
    record, _ = core.consultations.save(make_consultation(core, point, phone="13995110001",
                                                          id_status=IdStatus.GIVEN, id_number=ID_NUMBER))
    return record


def test_form_shows_numbers_masked_and_reveals_them_with_an_audit_entry(open_form, core, stored):
    form = open_form(stored.id)
    v = form.view
    assert v.phone_edit.text() == "139****0001" and v.phone_edit.isReadOnly()
    assert v.id_number_edit.text() == "**************002X"
    assert v.phone_reveal_button.isVisible() and v.id_reveal_button.isVisible()
    assert v.id_hint.text() == ""                                  # no birth date next to a masked number
    assert form.state()["phone"] == "13995110001" and not form.is_dirty()
    assert form.reveal("phone")
    assert v.phone_edit.text() == "13995110001" and not v.phone_edit.isReadOnly()
    assert not v.phone_reveal_button.isVisible() and v.id_reveal_button.isVisible()
    last = core.audit.of_record(stored.id)[-1]
    assert (last.action, last.user_name) == ("reveal", "马建国") and "联系电话" in last.note
    assert "13995110001" not in repr(last)


def test_saving_without_revealing_keeps_the_numbers(open_form, core, stored):
    form = open_form(stored.id)
    form.view.advice_edit.setPlainText("补充：可申请法律援助。")
    assert form.save()
    again = core.consultations.get(stored.id)
    assert (again.phone, again.id_number) == ("13995110001", ID_NUMBER)
    assert all(e.action != "reveal" for e in core.audit.of_record(stored.id))


def test_volunteer_cannot_reveal_someone_elses_numbers_nor_see_the_history(open_form, core, cast, stored):
    core.actor = cast.vol.actor()
    form = open_form(stored.id)
    assert not form.reveal("phone")
    assert form.view.phone_edit.text() == "139****0001"
    assert "无权" in form.view.general_error.text()
    assert not form.view.history_button.isVisible()


def test_a_volunteers_new_form_names_them_as_receiver(open_form, core, cast):
    core.actor = cast.vol.actor()
    form = open_form()
    assert form.view.receiver_combo.currentText() == "李志远"


def test_history_window_lists_the_records_audit_entries(open_form, core, stored, qtbot, qtmodeltester, tmp_path):
    core.consultations.save(core.consultations.get(stored.id).with_changes(advice="改过的意见"))
    form = open_form(stored.id)
    assert form.view.history_button.isVisible()
    dialog = form.show_history()   # a child of the form: closed with it
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 3).data() == "新建" and dialog.model.index(1, 3).data() == "修改"
    assert "解答意见" in dialog.model.index(1, 4).data()
    assert not dialog.model.flags(dialog.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    dialog.choose_export_path = lambda: tmp_path / "history.xlsx"
    assert dialog.export() == tmp_path / "history.xlsx" and (tmp_path / "history.xlsx").is_file()


def test_history_window_for_a_volunteer_shows_the_refusal(qtbot, core, cast, stored):
    core.actor = cast.vol.actor()
    dialog = AuditDialog(core, "consultation", stored.id)
    qtbot.addWidget(dialog)
    assert "无权" in dialog.message.text() and dialog.model.rowCount() == 0


# -- the way out of a database that cannot be opened --------------------------------------------
class _Boxes:
    """Stands in for QMessageBox in gui.startup (no modal box in a test)."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def information(cls, *args, **kwargs):
        cls.shown.append(args[2])

    critical = information


def damage(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.write(os.urandom(100))


def test_problem_dialog_lists_backups_with_date_and_counts(qtbot, core, point, db_path):
    core.consultations.save(make_consultation(core, point))
    backup_to(core.db.conn, db_path, backups_dir(db_path))
    dialog = DatabaseProblemDialog(db_path, DatabaseDamagedError("数据库已损坏"))
    qtbot.addWidget(dialog)
    assert dialog.backup_list.count() == 1
    text = dialog.backup_list.item(0).text()
    assert "年" in text and "法律咨询 1" in text and "联系点 1" in text
    assert dialog.restore_button.isEnabled()
    in_use = DatabaseProblemDialog(db_path, DatabaseInUseError("已被另一个窗口打开"))
    qtbot.addWidget(in_use)
    assert not in_use.restore_button.isVisibleTo(in_use) and in_use.other_button.isEnabled()


def test_damaged_database_restored_from_a_backup_at_start(qtbot, core, point, db_path, monkeypatch):
    core.consultations.save(make_consultation(core, point))
    backup = backup_to(core.db.conn, db_path, backups_dir(db_path))
    core.close()
    damage(db_path)
    asked: list[str] = []

    def choose(path, error):
        asked.append(str(error))
        return WayOut("restore", backup) if len(asked) == 1 else WayOut("quit")

    monkeypatch.setattr(startup, "ask_way_out", choose)
    monkeypatch.setattr(startup, "QMessageBox", _Boxes)
    opened = startup.open_for_gui(db_path, headless=False)
    assert opened is not None
    new_core, lock, path = opened
    try:
        assert path == db_path and len(asked) == 1 and "损坏" in asked[0]
        assert new_core.consultations.count(ConsultationFilter()) == 1
        assert any(b.name.endswith("-before-restore.db") for b in backups_dir(db_path).iterdir())
    finally:
        new_core.close()
        lock.release()
    core.db = open_database(db_path)   # the fixture closes it again


def test_another_file_can_be_chosen_or_the_app_quit(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    other = tmp_path / "other.db"
    answers = iter([WayOut("other", other)])
    monkeypatch.setattr(startup, "ask_way_out", lambda path, error: next(answers))
    opened = startup.open_for_gui(bad, headless=False)
    assert opened is not None and opened[2] == other
    opened[0].close()
    opened[1].release()
    assert bad.read_bytes() == b"not a database" * 100          # never overwritten
    monkeypatch.setattr(startup, "ask_way_out", lambda path, error: WayOut("quit"))
    assert startup.open_for_gui(bad, headless=False) is None


def test_second_window_is_told_and_offered_another_file(qtbot, db_path, monkeypatch):
    first = startup.lock_database(db_path)
    errors: list[BaseException] = []
    monkeypatch.setattr(startup, "ask_way_out", lambda path, error: errors.append(error) or WayOut("quit"))
    try:
        assert startup.open_for_gui(db_path, headless=False) is None
    finally:
        first.release()
    assert isinstance(errors[0], DatabaseInUseError) and "另一个联系点工作台窗口" in str(errors[0])


def test_headless_start_prints_the_message(qtbot, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    shutil.copy(__file__, bad)
    assert startup.open_for_gui(bad, headless=True) is None
    assert "不是本软件的数据库或已损坏" in capsys.readouterr().err
