"""Schema migrations: from empty, re-open, refuse newer, roll back a failed step, pragmas."""

import sqlite3
from pathlib import Path

import pytest

from liaison_app.errors import DatabaseTooNewError, UserError
from liaison_app.storage.database import connect, open_database
from liaison_app.storage.migrations import Migration, latest_version, load_migrations, migrate, schema_version


def test_migrates_an_empty_file_to_the_latest_version(tmp_path):
    db = open_database(tmp_path / "new.db")
    assert schema_version(db) == latest_version() >= 1
    tables = set(db.table_names())
    assert {"liaison_point", "consultation", "category", "draft", "batch_export", "setting"} <= tables
    assert db.execute("SELECT count(*) FROM category").fetchone()[0] == 58
    db.close()


def test_reopen_changes_nothing(tmp_path):
    path = tmp_path / "x.db"
    db = open_database(path)
    db.execute("INSERT INTO setting (key, value) VALUES ('k', 'v')")
    db.close()
    db = open_database(path)
    assert schema_version(db) == latest_version()
    assert db.execute("SELECT value FROM setting WHERE key = 'k'").fetchone()[0] == "v"
    assert db.execute("SELECT count(*) FROM category").fetchone()[0] == 58
    db.close()
    assert list(tmp_path.glob("*.bak")) == []  # nothing migrated, nothing backed up


def test_pragmas_for_durability(tmp_path):
    db = open_database(tmp_path / "x.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()


def test_a_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE future (x)")
    raw.execute(f"PRAGMA user_version = {latest_version() + 5}")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_failing_migration_rolls_back_everything(tmp_path):
    db = connect(tmp_path / "x.db")
    good = Migration(1, "0001_a.sql", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "0002_b.sql", "CREATE TABLE b (y INTEGER);\nINSERT INTO nowhere VALUES (1);")
    with pytest.raises(UserError, match="已撤销"):
        migrate(db, [good, bad])
    assert schema_version(db) == 0
    assert db.table_names() == []
    db.close()


def test_migrating_an_old_database_backs_it_up_first(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    first = load_migrations()[:1]
    migrate(db, first)
    db.execute("INSERT INTO setting (key, value) VALUES ('kept', 'yes')")
    extra = Migration(len(first) + 1, "9999_extra.sql", "CREATE TABLE extra (x TEXT);")
    migrate(db, [*first, extra])
    assert schema_version(db) == 2
    backups = list(tmp_path.glob("old.db.v1.*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT value FROM setting WHERE key = 'kept'").fetchone()[0] == "yes"
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()
    db.close()


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(UserError, match="不是本软件的数据库或已损坏"):
        open_database(path)
    assert path.read_text(encoding="utf-8").startswith("这不是数据库")


def test_migration_files_are_numbered_without_gaps():
    found = load_migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert all(Path(m.name).suffix == ".sql" for m in found)
