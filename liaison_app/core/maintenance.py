"""Backups, restore and health checks of the live database (issue: reliability)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import sqlite_utils

from liaison_app.core.access import AccessControl
from liaison_app.domain import clock
from liaison_app.domain.accounts import SYSTEM_ACTOR, Actor
from liaison_app.errors import DatabaseDamagedError, UserError
from liaison_app.i18n import translate
from liaison_app.storage.backup import (
    BackupInfo,
    CheckResult,
    backup_file,
    backup_name,
    check_database,
    describe_backup,
    prune_backups,
)
from liaison_app.storage.database import open_database, quick_check
from liaison_app.storage.lock import DatabaseLock
from liaison_app.storage.migrations import latest_version


def backups_dir(db_path: Path) -> Path:
    """Automatic backups live beside the database, in ``backups/``."""
    return db_path.parent / "backups"


def backup_to(conn: sqlite3.Connection, db_path: Path, folder: Path, *, tag: str = "") -> Path:
    """Write a consistent copy of the open database into ``folder`` and return its path.

    Raises:
        UserError: the folder cannot be written (full stick, read-only, missing).
    """
    target = folder / backup_name(db_path, clock.now(), tag)
    try:
        return backup_file(conn, target)
    except (OSError, sqlite3.DatabaseError) as exc:
        raise UserError(translate("messages", "备份到 {folder} 失败：{error}").format(folder=folder, error=exc)) from exc


def auto_backup(conn: sqlite3.Connection, db_path: Path, *, daily: int = 7, weekly: int = 4) -> Path:
    """Backup into :func:`backups_dir` and keep 7 daily + 4 weekly automatic backups."""
    folder = backups_dir(db_path)
    path = backup_to(conn, db_path, folder)
    prune_backups(folder, db_path.stem, clock.now(), daily=daily, weekly=weekly)
    return path


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Readable backups in ``folder``, newest first (unreadable files are skipped).

    With ``stem`` (the database file's name without ``.db``), only that database's backups:
    ``<stem>-YYYYMMDD-HHMMSS[-tag].db`` as :func:`backup_name` writes them. Several databases
    kept in one folder share its ``backups/``; offering another database's backup as the way out
    of a damaged one would put the wrong point's records in its place.
    """
    own = re.compile(rf"^{re.escape(stem)}-\d{{8}}-\d{{6}}(-[a-z-]+)?\.db$") if stem is not None else None
    found = []
    for path in folder.glob("*.db"):
        if own is not None and not own.match(path.name):
            continue
        try:
            found.append(describe_backup(path))
        except UserError:
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def restore_database(db_path: Path, backup: Path, *, actor: Actor | None = None) -> Path:
    """Replace the database at ``db_path`` with the content of ``backup``.

    The current file is first copied aside into :func:`backups_dir` (tag ``before-restore``);
    the copy is returned. No other connection may be open on ``db_path`` (the GUI closes its
    own first). The restored database is migrated to the current schema, and a ``restore_db``
    audit entry by ``actor`` (default: the system actor) names the backup and the copy — the
    audit entries written after the backup was taken live on in that copy.

    Callers with a logged-in user check ``Permission.RESTORE_DB`` first (admins only); the
    start-up way out of a damaged database has no user to check (see docs/accounts-audit.md).

    Raises:
        UserError: the backup is unreadable, from a newer app version, or the copy failed.
    """
    info = describe_backup(backup)
    if info.schema_version > latest_version():
        raise UserError(translate("messages", "备份 {name} 来自更新版本的软件（数据库版本 {version}），不能恢复").format(
            name=backup.name, version=info.schema_version))
    if db_path.exists() and not _readable(db_path):
        # Damaged, or not a database at all: keep its bytes aside, then replace it whole.
        aside: Path | None = _replace_damaged(db_path, backup)
    else:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            live = sqlite3.connect(str(db_path))
            try:
                aside = backup_to(live, db_path, backups_dir(db_path), tag="before-restore") if db_path.exists() else None
                source.backup(live)
            finally:
                live.close()
        except sqlite3.DatabaseError as exc:
            raise UserError(translate("messages", "恢复失败，当前数据库未改动：{error}").format(error=exc)) from exc
        finally:
            source.close()
    restored = open_database(db_path)
    try:
        access = AccessControl(restored, clock.now)
        access.set_actor(actor or SYSTEM_ACTOR)
        with restored.atomic():
            access.log("restore_db", "database", "", note=f"从备份 {backup.name} 恢复；恢复前的数据库另存为 "  # i18n-exempt: audit note (stored)
                       f"{aside.name if aside is not None else '（无）'}")  # i18n-exempt: audit note (stored)
    finally:
        restored.close()
    return aside if aside is not None else db_path


def _readable(db_path: Path) -> bool:
    """True if ``db_path`` is an SQLite database whose pages pass ``PRAGMA quick_check``."""
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _replace_damaged(db_path: Path, backup: Path) -> Path:
    """Copy the damaged file (and its -wal/-shm, which belong to it) byte for byte into
    :func:`backups_dir` with tag ``before-restore``, then put a consistent copy of ``backup``
    in its place (written beside, renamed over). Returns the copy of the damaged file.

    Raises:
        UserError: a copy could not be written (nothing replaced).
    """
    folder = backups_dir(db_path)
    aside = folder / backup_name(db_path, clock.now(), "before-restore")
    temp = db_path.with_name(db_path.name + ".restoring")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, aside)
        for suffix in ("-wal", "-shm"):
            companion = Path(str(db_path) + suffix)
            if companion.exists():
                shutil.copyfile(companion, Path(str(aside) + suffix))
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            backup_file(source, temp)
        finally:
            source.close()
        for suffix in ("-wal", "-shm"):  # a stale WAL of the damaged file must not meet the new one
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(temp, db_path)
    except (OSError, sqlite3.DatabaseError) as exc:
        temp.unlink(missing_ok=True)
        raise UserError(translate("messages", "恢复失败，当前数据库未改动：{error}").format(error=exc)) from exc
    return aside


def lock_database(db_path: Path) -> DatabaseLock:
    """Take the single-instance lock of ``db_path`` (release it on close).

    Raises:
        DatabaseInUseError: another copy of the app holds it.
    """
    lock = DatabaseLock(Path(db_path))
    lock.acquire()
    return lock


def check(conn: sqlite3.Connection) -> CheckResult:
    """Integrity, foreign keys and schema version of an open database."""
    return check_database(conn, latest_version())


def ensure_healthy(db: sqlite_utils.Database, db_path: Path | None = None) -> None:
    """``PRAGMA quick_check`` of the open database (reads every page: about 0.4 s per 50 MB).
    The GUI runs it at start, before the automatic backup, so a damaged file is reported with
    a way out instead of failing later — and never rotates the good backups away.

    Raises:
        DatabaseDamagedError: with the first problem SQLite found; nothing was written.
    """
    problems = quick_check(db)
    if problems:
        if db_path:
            message = translate("messages", "数据库 {path} 已损坏（{problem}）。文件没有被改动；请从备份恢复，或选择其他数据库文件。")
        else:
            message = translate("messages", "数据库已损坏（{problem}）。文件没有被改动；请从备份恢复，或选择其他数据库文件。")
        raise DatabaseDamagedError(message.format(path=db_path, problem=problems[0]))
