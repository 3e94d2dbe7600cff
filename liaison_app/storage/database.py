"""Opening the SQLite file: pragmas for durability, schema migrations, seed dictionaries."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from liaison_app.errors import DatabaseDamagedError, DatabaseReadOnlyError, DiskFullError, UserError
from liaison_app.storage.search_index import register_functions

# A writer waits this long for another connection's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000


# Primary SQLite result codes (https://www.sqlite.org/rescode.html) the app words for the user.
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def translate_sqlite_error(exc: BaseException, where: str = "") -> UserError | None:
    """The Chinese :class:`UserError` for an SQLite failure the user can act on, or None.

    Full disk → :class:`DiskFullError`; read-only file or folder → :class:`DatabaseReadOnlyError`;
    damaged file → :class:`DatabaseDamagedError`; I/O error → :class:`UserError`. ``where`` is
    the database path for the message. Other errors (bugs, constraint violations) give None.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.Error) or code is None:
        return None
    primary = code & 0xFF
    name = f"数据库 {where} " if where else "数据库"
    if primary == SQLITE_FULL:
        return DiskFullError(f"磁盘空间已满，{name}无法写入。刚才的操作已整体撤销，没有留下半条记录。"
                             "请删除一些不需要的文件（或换一个有空间的磁盘）后再试。")
    if primary in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return DatabaseReadOnlyError(f"{name}或它所在的文件夹是只读的（U盘写保护、光盘或没有写入权限），"
                                     "无法保存。请把数据库复制到本机磁盘上可写的文件夹，或选择其他数据库文件。")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamagedError(f"{name}已损坏（{exc}）。请从备份恢复，或选择其他数据库文件。",
                                    not_sqlite=primary == SQLITE_NOTADB)
    if primary == SQLITE_IOERR:
        return UserError(f"读写{name}时出错（磁盘故障或U盘被拔出？）。刚才的操作已撤销。请检查磁盘后重试。")
    return None


class LiaisonDatabase(sqlite_utils.Database):
    """``sqlite_utils.Database`` whose statements and transactions turn a full disk, a read-only
    file, a damaged file or an I/O error into the Chinese errors of :func:`translate_sqlite_error`
    (a transaction is rolled back first, so no half record remains)."""

    path_text: str = ""

    def _translated(self, exc: sqlite3.Error) -> BaseException:
        return translate_sqlite_error(exc, self.path_text) or exc

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            mapped = self._translated(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    def query(self, sql: str, params: Any = None) -> Generator[dict, None, None]:
        try:
            rows = super().query(sql, params)
        except sqlite3.Error as exc:
            mapped = self._translated(exc)
            if mapped is exc:
                raise
            raise mapped from exc
        return self._guarded(rows)

    def _guarded(self, rows: Iterator[dict]) -> Generator[dict, None, None]:
        try:
            yield from rows
        except sqlite3.Error as exc:
            mapped = self._translated(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    @contextlib.contextmanager
    def atomic(self) -> Generator[sqlite_utils.Database, None, None]:
        try:
            with super().atomic() as db:
                yield db
        except sqlite3.Error as exc:  # e.g. SQLITE_FULL at COMMIT (the WAL could not grow)
            mapped = self._translated(exc)
            if mapped is exc:
                raise
            raise mapped from exc


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
    except sqlite3.Error as exc:  # the folder cannot be read or the file not created
        raise DatabaseReadOnlyError(f"无法打开或创建数据库文件 {path_text}：没有权限或文件夹只读（{exc}）。"
                                    "请选择其他位置的数据库文件。") from exc
    register_functions(conn)  # search_bigrams(): the bigram index's triggers call it
    db = LiaisonDatabase(conn, execute_plugins=False)
    db.path_text = path_text
    try:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.execute("PRAGMA user_version").fetchone()  # fails here if the file is not SQLite
    except sqlite3.DatabaseError as exc:
        conn.close()
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (SQLITE_CANTOPEN, SQLITE_READONLY):
            raise translate_sqlite_error(exc, path_text) from exc  # type: ignore[misc]
        raise DatabaseDamagedError(
            f"无法打开数据库文件 {path_text}：它不是本软件的数据库或已损坏（{exc}）。"
            "文件没有被改动；请从备份恢复，或选择其他数据库文件。",
            not_sqlite=code == SQLITE_NOTADB) from exc
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
        refuse_if_foreign(db)
        apply_durability_pragmas(db)
        migrate(db)
    except UserError as exc:
        db.close()
        cause = exc.__cause__
        mapped = translate_sqlite_error(cause, db.path_text) if cause is not None else None
        if mapped is not None and type(exc) is UserError:  # e.g. "upgrade failed" because the disk is full
            raise mapped from cause
        raise
    except sqlite3.Error as exc:
        db.close()
        mapped = translate_sqlite_error(exc, str(path))
        if mapped is None:
            raise
        raise mapped from exc
    except BaseException:
        db.close()
        raise
    return db


def refuse_if_foreign(db: sqlite_utils.Database) -> None:
    """Refuse an SQLite file of another program (tables, but ``user_version`` 0 and no
    ``liaison_point`` table): migrating would write this app's tables into it.

    Raises:
        DatabaseDamagedError: (``not_sqlite`` True) with a Chinese message; the file is untouched.
        DatabaseDamagedError: the schema cannot be read (damaged file).
    """
    try:
        version = int(db.conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(
            f"数据库文件 {db.path_text} 已损坏，无法读取其结构（{exc}）。文件没有被改动；"
            "请从备份恢复，或选择其他数据库文件。") from exc
    if version == 0 and tables and "liaison_point" not in tables:
        raise DatabaseDamagedError(
            f"文件 {db.path_text} 是别的软件的数据库，不是联系点工作台的数据库。为避免改坏它，本软件不会打开它；"
            "请选择其他数据库文件。", not_sqlite=True)


def quick_check(db: sqlite_utils.Database) -> list[str]:
    """``PRAGMA quick_check`` (every page read; about 0.4 s per 50 MB): an empty list when the
    file is healthy, else up to 10 problems as SQLite words them. A file too damaged to check
    gives its error as the one problem."""
    try:
        rows = [r[0] for r in db.conn.execute("PRAGMA quick_check(10)").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows
