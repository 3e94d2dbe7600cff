"""Start-up steps of the GUI around the database: open it (with a way out when it cannot be
used), sign in (first admin, login), the automatic backup, and the account menu with the idle
lock.

Kept out of application.py so that file stays the QApplication set-up; run_gui imports this
module once the main window is shown (it imports the core) and calls :func:`open_for_gui`,
:func:`sign_in`, :func:`start_auto_backup` and :func:`install_account_features`, with the
main window as the parent of their dialogs.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QWidget

from liaison_app.core import Core, open_core
from liaison_app.core.access import Permission
from liaison_app.core.maintenance import ensure_healthy, lock_database, restore_database
from liaison_app.errors import UserError
from liaison_app.gui.dialogs.database_problem_dialog import DatabaseProblemDialog, WayOut
from liaison_app.gui.dialogs.login_dialog import AdminSetupDialog, LoginDialog
from liaison_app.gui.idle_lock import IdleLock
from liaison_app.gui.labels import label
from liaison_app.gui.tasks import Job, TaskRunner
from liaison_app.i18n import translate
from liaison_app.storage.lock import DatabaseLock

_T = TypeVar("_T")


def ask_way_out(db_path: Path, error: UserError, parent: QWidget | None = None) -> WayOut:
    """Show :class:`DatabaseProblemDialog` modally and return the choice (tests replace this)."""
    dialog = DatabaseProblemDialog(db_path, error, parent)
    dialog.exec()
    choice = dialog.choice
    shiboken6.delete(dialog)
    return choice


def open_for_gui(db_path: Path, *, headless: bool,
                 parent: QWidget | None = None) -> tuple[Core, DatabaseLock | None, Path] | None:
    """Lock, open and (with a screen) check the database; on failure offer the way out (over
    ``parent``, the main window) and try again with the backup restored or the other file
    chosen.

    Headless runs (``--smoke``, ``--screenshot``) print the error and give up; they take no
    lock and skip the full-page check (as they skip the backup). The full-page check reads the
    whole file (about 0.8 s for 300 MB): it runs in a thread while the window keeps painting.

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
                run_beside_the_window(lambda db=core.db, checked=path: ensure_healthy(db, checked))
            return core, lock, path
        except UserError as err:
            if core is not None:
                core.close()
            if lock is not None:
                lock.release()
            if headless:
                print(str(err), file=sys.stderr)
                return None
            # (tests replace ask_way_out by two-argument functions and pass no parent)
            choice = ask_way_out(path, err) if parent is None else ask_way_out(path, err, parent)
        if choice.kind == "other" and choice.path is not None:
            path = choice.path
        elif choice.kind == "restore" and choice.path is not None:
            _restore(path, choice.path, parent)
        else:
            return None


def run_beside_the_window(work: Callable[[], _T]) -> _T:
    """``work()`` in a thread of its own while the GUI thread keeps painting (user input waits:
    nothing may start meanwhile); its result, or its exception raised here. For SQLite work
    that releases the GIL (the full-page check), on a connection nobody else uses meanwhile."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 — re-raised in the GUI thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="liaison-start-check", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: thread.is_alive() or loop.quit())
    timer.start()
    if thread.is_alive():
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def start_auto_backup(tasks: TaskRunner, db_path: Path,
                      on_failed: Callable[[BaseException], None] | None = None) -> Job:
    """The automatic backup at start (``backups/`` beside the database, 7 daily + 4 weekly), in
    a worker with its own connection: the window is usable meanwhile. ``on_failed`` gets a
    :class:`UserError` (full disk…) in the GUI thread; run_gui's clean-up waits for the job."""
    from liaison_app.core import maintenance
    from liaison_app.storage.database import connect

    def work(_context: object) -> Path:
        db = connect(db_path)   # its own connection: SQLite connections belong to one thread
        try:
            return maintenance.auto_backup(db.conn, db_path)
        finally:
            db.close()

    return tasks.submit(work, on_failed=on_failed)


def _restore(db_path: Path, backup: Path, parent: QWidget | None = None) -> None:
    lock: DatabaseLock | None = None
    try:
        lock = lock_database(db_path)
        aside = restore_database(db_path, backup)
    except UserError as err:
        QMessageBox.critical(parent, translate("startup", "恢复失败"), str(err))
        return
    finally:
        if lock is not None:
            lock.release()
    QMessageBox.information(parent, translate("startup", "已从备份恢复"),
                            translate("startup", "已用 {backup} 恢复数据库。恢复前的文件另存为 {aside}。").format(
                                backup=backup.name, aside=aside))


def sign_in(core: Core, *, offer_admin_setup: bool, parent: QWidget | None = None) -> bool:
    """Before the data is shown (over ``parent``, the main window still without data): the
    first admin account (first start, 稍后设置 allowed), or the login when accounts exist.
    Returns False when the user quit at the login."""
    if offer_admin_setup and not core.accounts.has_accounts():
        suggested = next((p.judge_name for p in core.points.all() if p.judge_name), "")
        setup = AdminSetupDialog(core, parent, suggested_name=suggested)
        setup.exec()
        shiboken6.delete(setup)
        return True
    if not core.accounts.has_accounts():
        return True
    login = LoginDialog(core, parent)
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
    window.statusBar().showMessage(translate("startup", "当前用户：{name}（{role}）").format(name=user.name, role=label(user.role))
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
