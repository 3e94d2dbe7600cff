"""Backups with SQLite's online backup API (a plain file copy can miss pages still in the WAL),
restore, integrity checks, and the lock that keeps a second copy of the app off the same file."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from liaison_app.domain import clock
from liaison_app.errors import UserError

BACKUP_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<tag>-[a-z]+)?\.db$")
COUNTED_TABLES = ("liaison_point", "consultation", "education_session", "volunteer_visit", "person")


def backup_file(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``source`` to ``target`` consistently, even while it is in use.

    Written to ``target.part`` first and renamed, so an interrupted backup never looks complete.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".part")
    temp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(temp))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dest.close()
    temp.replace(target)
    return target


def backup_name(db_path: Path, when: datetime, tag: str = "") -> str:
    """``liaison-20261129-093000[-tag].db``."""
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S}{'-' + tag if tag else ''}.db"


@dataclass(frozen=True)
class BackupInfo:
    """A backup file with its time (from the name) and record counts (from its content)."""

    path: Path
    taken_at: datetime
    schema_version: int
    counts: dict[str, int]


def describe_backup(path: Path) -> BackupInfo:
    """Read a backup read-only: schema version and record counts (not deleted).

    Raises:
        UserError: not a readable SQLite database.
    """
    match = BACKUP_RE.match(path.name)
    taken = (datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S").replace(tzinfo=clock.CHINA_TZ)
             if match else datetime.fromtimestamp(path.stat().st_mtime, clock.CHINA_TZ))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {
                t: int(conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0])
                for t in COUNTED_TABLES if t in tables
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"备份文件 {path.name} 无法读取：它不是数据库或已损坏（{exc}）") from exc
    return BackupInfo(path, taken, version, counts)


def prune_backups(folder: Path, stem: str, now: datetime, *, daily: int = 7, weekly: int = 4) -> list[Path]:
    """Delete automatic backups beyond the newest one per day for ``daily`` days and the newest
    one per ISO week for ``weekly`` weeks. Tagged backups (manual, before-restore) are kept.
    Returns the deleted paths."""
    dated: list[tuple[datetime, Path]] = []
    for path in folder.glob(f"{stem}-*.db"):
        match = BACKUP_RE.match(path.name)
        if match and match.group("stem") == stem and not match.group("tag"):
            stamp = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S").replace(tzinfo=clock.CHINA_TZ)
            dated.append((stamp, path))
    dated.sort(reverse=True)
    keep: set[Path] = set()
    days_seen: set[object] = set()
    weeks_seen: set[object] = set()
    for stamp, path in dated:
        day = stamp.date()
        if day not in days_seen and len(days_seen) < daily and now - stamp < timedelta(days=daily + 1):
            days_seen.add(day)
            keep.add(path)
        week = day.isocalendar()[:2]
        if week not in weeks_seen and len(weeks_seen) < weekly:
            weeks_seen.add(week)
            keep.add(path)
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class CheckResult:
    """Outcome of :func:`check_database`: ``problems`` empty means healthy."""

    schema_version: int
    latest_version: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(conn: sqlite3.Connection, latest_version: int) -> CheckResult:
    """``PRAGMA integrity_check``, ``foreign_key_check`` and the schema version."""
    problems: list[str] = []
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems += [f"完整性检查：{r}" for r in rows[:20]]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    if version != latest_version:
        problems.append(f"数据库版本 {version} 与软件版本 {latest_version} 不一致")
    return CheckResult(version, latest_version, problems)
