"""Opening the SQLite file: pragmas for durability, schema migrations, seed dictionaries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from liaison_app.errors import UserError

# A writer waits this long for another connection's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if absent) the database file with a busy timeout; no migration, no
    journal change. ``":memory:"`` is accepted for throw-away databases.

    Raises:
        UserError: the file cannot be opened or is not an SQLite database.
    """
    path_text = str(path)
    if path_text != ":memory:":
        file_path = Path(path_text)
        try:
            file_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法创建数据库所在的文件夹 {file_path.parent}：{exc.strerror}") from exc
    try:
        conn = sqlite3.connect(path_text, check_same_thread=False)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA user_version").fetchone()  # fails here if the file is not SQLite
    except sqlite3.DatabaseError as exc:
        raise UserError(f"无法打开数据库文件 {path_text}：它不是本软件的数据库或已损坏（{exc}）") from exc
    return db


def apply_durability_pragmas(db: sqlite_utils.Database) -> None:
    """WAL journal, ``synchronous=FULL`` (a record reported saved survives a power cut) and
    ``foreign_keys=ON``. Changes the file header, so call it only once the file is accepted."""
    try:
        if db.execute("PRAGMA database_list").fetchone()[2]:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                # Some file systems (network shares) refuse WAL; keep working, durably.
                db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise UserError(f"无法使用数据库文件：{exc}") from exc


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open the database and bring it to the current schema (see :mod:`.migrations`).

    Raises:
        DatabaseTooNewError: written by a newer app version (left byte-for-byte unchanged).
        UserError: not a database, unreadable, or a migration failed (rolled back).
    """
    from liaison_app.storage.migrations import migrate, refuse_if_too_new  # migrations imports us

    db = connect(path)
    try:
        refuse_if_too_new(db)
        apply_durability_pragmas(db)
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db
