"""One copy of the app per database file: an OS file lock beside it (released if the process dies)."""

from __future__ import annotations

from pathlib import Path

import filelock

from liaison_app.errors import DatabaseReadOnlyError, UserError


class DatabaseInUseError(UserError):
    """Another copy of the app has this database open."""


class DatabaseLock:
    """Hold ``<db>.lock`` while the database is open. Uses the ``filelock`` package (fcntl on
    Linux/macOS, msvcrt on Windows), so a crashed process never leaves a stale lock."""

    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._lock = filelock.FileLock(str(self.path), timeout=0)

    def acquire(self) -> None:
        """Take the lock or raise DatabaseInUseError with a Chinese message."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except filelock.Timeout as exc:
            raise DatabaseInUseError(
                f"数据库 {self.path.with_suffix('')} 已被另一个联系点工作台窗口打开。"
                "请切换到那个窗口，或先关闭它再打开。"
            ) from exc
        except OSError as exc:  # read-only folder, no permission: say so instead of a traceback
            raise DatabaseReadOnlyError(
                f"无法在 {self.path.parent} 中建立锁文件（{exc.strerror or exc}）：文件夹只读或没有写入权限。"
                "请把数据库复制到本机磁盘上可写的文件夹，或选择其他数据库文件。"
            ) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
