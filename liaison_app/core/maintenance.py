"""Backups, restore and health checks of the live database (issue: reliability)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from liaison_app.domain import clock
from liaison_app.errors import UserError
from liaison_app.storage.backup import (
    BackupInfo,
    CheckResult,
    backup_file,
    backup_name,
    check_database,
    describe_backup,
    prune_backups,
)
from liaison_app.storage.database import open_database
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
        raise UserError(f"备份到 {folder} 失败：{exc}") from exc


def auto_backup(conn: sqlite3.Connection, db_path: Path, *, daily: int = 7, weekly: int = 4) -> Path:
    """Backup into :func:`backups_dir` and keep 7 daily + 4 weekly automatic backups."""
    folder = backups_dir(db_path)
    path = backup_to(conn, db_path, folder)
    prune_backups(folder, db_path.stem, clock.now(), daily=daily, weekly=weekly)
    return path


def list_backups(folder: Path) -> list[BackupInfo]:
    """Readable backups in ``folder``, newest first (unreadable files are skipped)."""
    found = []
    for path in folder.glob("*.db"):
        try:
            found.append(describe_backup(path))
        except UserError:
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def restore_database(db_path: Path, backup: Path) -> Path:
    """Replace the database at ``db_path`` with the content of ``backup``.

    The current file is first copied aside into :func:`backups_dir` (tag ``before-restore``);
    the copy is returned. No other connection may be open on ``db_path`` (the GUI closes its
    own first). The restored database is migrated to the current schema.

    Raises:
        UserError: the backup is unreadable, from a newer app version, or the copy failed.
    """
    info = describe_backup(backup)
    if info.schema_version > latest_version():
        raise UserError(f"备份 {backup.name} 来自更新版本的软件（数据库版本 {info.schema_version}），不能恢复")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        live = sqlite3.connect(str(db_path))
        try:
            aside = backup_to(live, db_path, backups_dir(db_path), tag="before-restore") if db_path.exists() else None
            source.backup(live)
        finally:
            live.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"恢复失败，当前数据库未改动：{exc}") from exc
    finally:
        source.close()
    open_database(db_path).close()
    return aside if aside is not None else db_path


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
