"""Schema versions: numbered SQL files ``db/migrations/NNNN_name.sql`` and ``PRAGMA user_version``.

On open, every pending migration and the seed dictionaries are applied in ONE transaction:
either the database reaches the newest version or it stays exactly as it was. A database whose
``user_version`` is newer than the newest file is refused and never altered. A non-empty database
is backed up (SQLite online backup) before it is migrated.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from liaison_app import paths
from liaison_app.domain import clock
from liaison_app.errors import DatabaseTooNewError, UserError

_FILE_RE = re.compile(r"^(\d{4})_[\w-]+\.sql$")
CATEGORY_FILE = "consultation_categories.csv"


@dataclass(frozen=True)
class Migration:
    """One schema step: the version it leads to and its SQL text."""

    version: int
    name: str
    sql: str


def load_migrations(folder: Path | None = None) -> list[Migration]:
    """The migration files of ``folder`` in version order; versions must be 1, 2, 3… without gaps."""
    folder = folder or paths.migrations_dir()
    found: list[Migration] = []
    for file in sorted(folder.glob("*.sql")):
        match = _FILE_RE.match(file.name)
        if not match:
            continue
        found.append(Migration(int(match.group(1)), file.name, file.read_text(encoding="utf-8")))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbering broken at {migration.name} (expected {expected:04d})")
    return found


def latest_version() -> int:
    """The schema version this app writes."""
    return len(load_migrations())


def schema_version(db: sqlite_utils.Database) -> int:
    """``PRAGMA user_version`` of the open database."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def split_statements(sql: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()):
        raise RuntimeError(f"incomplete SQL statement at end of migration: {buffer[:80]!r}")
    return statements


def backup_before_migrating(db: sqlite_utils.Database, db_path: Path, from_version: int) -> Path | None:
    """Copy the database with SQLite's online backup API to ``<name>.v<N>.<time>.bak``."""
    if str(db_path) == ":memory:" or not db_path.exists():
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.v{from_version}.{stamp}.bak")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def refuse_if_too_new(db: sqlite_utils.Database, latest: int | None = None) -> None:
    """Raise DatabaseTooNewError when ``user_version`` is above what this app knows."""
    latest = latest_version() if latest is None else latest
    current = schema_version(db)
    if current > latest:
        raise DatabaseTooNewError(
            f"这个数据库由更新版本的联系点工作台创建（数据库版本 {current}，本软件只认识到 {latest}）。"
            "为保护数据，本软件不会修改它。请安装新版本，或选择其他数据库文件。"
        )


def migrate(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> int:
    """Bring ``db`` to the newest schema and sync the seed dictionaries; return the version.

    Raises:
        DatabaseTooNewError: ``user_version`` is above the newest migration (nothing changed).
        UserError: a migration failed; the transaction was rolled back.
    """
    migrations = migrations if migrations is not None else load_migrations()
    latest = len(migrations)
    refuse_if_too_new(db, latest)
    current = schema_version(db)
    pending = [m for m in migrations if m.version > current]
    if current > 0 and pending:
        db_file = db.execute("PRAGMA database_list").fetchone()[2]
        if db_file:
            backup_before_migrating(db, Path(db_file), current)
    try:
        with db.atomic():
            for migration in pending:
                for statement in split_statements(migration.sql):
                    db.execute(statement)
            if pending:
                db.execute(f"PRAGMA user_version = {latest}")
            sync_categories(db)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"数据库升级失败，已撤销，数据未改动：{exc}") from exc
    return latest


def read_category_seed(path: Path | None = None) -> list[dict[str, object]]:
    """Rows of the checked category dictionary CSV (see db/seed/README and shared/data)."""
    path = path or paths.seed_dir() / CATEGORY_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "code": row["code"],
            "level": int(row["level"]),
            "parent_code": row["parent_code"] or None,
            "name_zh": row["name_zh"],
            "name_en": row["name_en"],
            "source_part": row["source_part"],
            "dict_version": row["dict_version"],
            "sort_order": index,
        }
        for index, row in enumerate(rows)
    ]


def sync_categories(db: sqlite_utils.Database) -> None:
    """Insert or update dictionary entries from the seed file. Codes are never deleted, so old
    consultations stay interpretable; each consultation also stores the dict_version it used."""
    rows = read_category_seed()
    # Parents first so the parent_code foreign key is satisfied.
    rows.sort(key=lambda r: (r["level"], r["sort_order"]))
    db.conn.executemany(
        """
        INSERT INTO category (code, level, parent_code, name_zh, name_en, source_part, dict_version, sort_order)
        VALUES (:code, :level, :parent_code, :name_zh, :name_en, :source_part, :dict_version, :sort_order)
        ON CONFLICT (code) DO UPDATE SET
            level = excluded.level, parent_code = excluded.parent_code, name_zh = excluded.name_zh,
            name_en = excluded.name_en, source_part = excluded.source_part,
            dict_version = excluded.dict_version, sort_order = excluded.sort_order
        WHERE category.dict_version IS NOT excluded.dict_version OR category.name_zh IS NOT excluded.name_zh
            OR category.sort_order IS NOT excluded.sort_order
        """,
        rows,
    )
