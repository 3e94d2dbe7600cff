"""Opening the SQLite file: pragmas for durability, schema migrations, seed dictionaries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from liaison_app.errors import UserError

# A writer waits this long for another connection's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if absent) the database file with the app's pragmas, without migrating.

    WAL journal, ``synchronous=FULL`` (a record reported saved survives a power cut),
    ``foreign_keys=ON``, a busy timeout. ``":memory:"`` is accepted for throw-away databases.

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
        if path_text != ":memory:":
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                # Some file systems (network shares) refuse WAL; keep working, but durably.
                db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise UserError(f"无法打开数据库文件 {path_text}：它不是本软件的数据库或已损坏（{exc}）") from exc
    return db


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open the database and bring it to the current schema (see :mod:`.migrations`).

    Raises:
        DatabaseTooNewError: written by a newer app version (left unchanged).
        UserError: not a database, unreadable, or a migration failed (rolled back).
    """
    from liaison_app.storage.migrations import migrate  # local: migrations imports connect()

    db = connect(path)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db
