"""Start-up steps of the GUI around the database: open it (with a way out when it cannot be
used), sign in (first admin, login), and the account menu with the idle lock.

Kept out of application.py so that file stays the QApplication set-up; run_gui calls
:func:`open_for_gui`, :func:`sign_in` and :func:`install_account_features`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QWidget

from liaison_app.core import Core, open_core
from liaison_app.core.access import Permission
from liaison_app.core.maintenance import ensure_healthy, lock_database, restore_database
from liaison_app.errors import UserError
from liaison_app.gui.dialogs.database_problem_dialog import DatabaseProblemDialog, WayOut
from liaison_app.gui.dialogs.login_dialog import AdminSetupDialog, LoginDialog
from liaison_app.gui.idle_lock import IdleLock
from liaison_app.i18n import translate
from liaison_app.storage.lock import DatabaseLock


def ask_way_out(db_path: Path, error: UserError) -> WayOut:
    """Show :class:`DatabaseProblemDialog` modally and return the choice (tests replace this)."""
    dialog = DatabaseProblemDialog(db_path, error)
    dialog.exec()
    choice = dialog.choice
    shiboken6.delete(dialog)
    return choice


def open_for_gui(db_path: Path, *, headless: bool) -> tuple[Core, DatabaseLock | None, Path] | None:
    """Lock, open and (with a screen) check the database; on failure offer the way out and try
    again with the backup restored or the other file chosen.

    Headless runs (``--smoke``, ``--screenshot``) print the error and give up; they take no
    lock and skip the full-page check (as they skip the backup).

    Returns:
        ``(core, lock, path)`` — ``path`` may differ from ``db_path`` when another file was
        chosen — or None when the user chose 退出 (or headless failed).
    """
    path = Path(db_path)
    while True:
        lock: DatabaseLock | None = None
        core: Core | None = None
        try:
            if not headless:
                lock = lock_database(path)   # a second window on the same file is told so
            core = open_core(path)
            if not headless:
                ensure_healthy(core.db, path)
            return core, lock, path
        except UserError as err:
            if core is not None:
                core.close()
            if lock is not None:
                lock.release()
            if headless:
                print(str(err), file=sys.stderr)
                return None
            choice = ask_way_out(path, err)
        if choice.kind == "other" and choice.path is not None:
            path = choice.path
        elif choice.kind == "restore" and choice.path is not None:
            _restore(path, choice.path)
        else:
            return None


def _restore(db_path: Path, backup: Path) -> None:
    lock: DatabaseLock | None = None
    try:
        lock = lock_database(db_path)
        aside = restore_database(db_path, backup)
    except UserError as err:
        QMessageBox.critical(None, translate("startup", "恢复失败"), str(err))
        return
    finally:
        if lock is not None:
            lock.release()
    QMessageBox.information(None, translate("startup", "已从备份恢复"),
                            translate("startup", "已用 {backup} 恢复数据库。恢复前的文件另存为 {aside}。").format(
                                backup=backup.name, aside=aside))


def sign_in(core: Core, *, offer_admin_setup: bool) -> bool:
    """Before the main window: the first admin account (first start, 稍后设置 allowed), or the
    login when accounts exist. Returns False when the user quit at the login."""
    if offer_admin_setup and not core.accounts.has_accounts():
        suggested = next((p.judge_name for p in core.points.all() if p.judge_name), "")
        setup = AdminSetupDialog(core, suggested_name=suggested)
        setup.exec()
        shiboken6.delete(setup)
        return True
    if not core.accounts.has_accounts():
        return True
    login = LoginDialog(core)
    accepted = login.exec() == LoginDialog.DialogCode.Accepted
    shiboken6.delete(login)
    return accepted


def install_account_features(window: QMainWindow, core: Core) -> IdleLock | None:
    """The 账户 menu (锁定, 自动锁定时间…, 导出审计记录…) and, when someone is logged in, the
    idle lock with ``core.settings.idle_lock_minutes()``. Returns the lock (None without
    accounts: there is nobody to unlock for)."""
    menu = window.menuBar().addMenu(translate("startup", "账户(&A)"))
    idle: IdleLock | None = None
    if not core.actor.is_system:
        idle = IdleLock(core, core.settings.idle_lock_minutes() * 60_000, window)
        idle.sig_quit_requested.connect(window.close)
        lock_action = QAction(translate("startup", "锁定"), window)
        lock_action.setObjectName("lock_action")
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(idle.lock)
        menu.addAction(lock_action)
    minutes_action = QAction(translate("startup", "自动锁定时间…"), window)
    minutes_action.setEnabled(core.access.can(Permission.MANAGE_SETTINGS))
    minutes_action.triggered.connect(lambda: _ask_idle_minutes(window, core, idle))
    audit_action = QAction(translate("startup", "导出审计记录…"), window)
    audit_action.setEnabled(core.access.can(Permission.VIEW_AUDIT))
    audit_action.triggered.connect(lambda: _export_audit(window, core))
    menu.addAction(minutes_action)
    menu.addAction(audit_action)
    user = core.actor
    window.statusBar().showMessage(translate("startup", "当前用户：{name}（{role}）").format(name=user.name, role=user.role.label)
                                   if not user.is_system else translate("startup", "未设置账户：不需要登录"), 8000)
    return idle


def _ask_idle_minutes(parent: QWidget, core: Core, idle: IdleLock | None) -> None:
    minutes, ok = QInputDialog.getInt(parent, translate("startup", "自动锁定时间"), translate("startup", "无人操作多少分钟后锁定窗口（0 = 不锁定）："),
                                      core.settings.idle_lock_minutes(), 0, 240)
    if not ok:
        return
    try:
        core.settings.set_idle_lock_minutes(minutes)
    except UserError as err:
        QMessageBox.warning(parent, translate("startup", "无法保存"), str(err))
        return
    if idle is not None:
        idle.set_timeout(minutes * 60_000)


def _export_audit(parent: QWidget, core: Core) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, translate("startup", "导出审计记录"),
                                          translate("startup", "审计记录.xlsx"),
                                          translate("startup", "Excel 工作簿 (*.xlsx)"))
    if not name:
        return
    try:
        path = core.audit.export_xlsx(Path(name))
    except UserError as err:
        QMessageBox.warning(parent, translate("startup", "导出失败"), str(err))
        return
    QMessageBox.information(parent, translate("startup", "已导出"), str(path))
