"""The court database: its own migrations (same runner), its application id, refusing a newer or a
foreign database untouched."""

from __future__ import annotations

import sqlite3

import pytest

from liaison_app.errors import DatabaseTooNewError
from liaison_app.storage.court import (
    COURT_APPLICATION_ID,
    ROW_TABLES,
    court_migrations,
    open_court_database,
    open_court_snapshot,
)

from tests.court.conftest import dump


def test_court_migrations_are_numbered_without_gaps():
    found = court_migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))


def test_creates_migrates_and_reopens(tmp_path):
    path = tmp_path / "court.db"
    db = open_court_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == COURT_APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(court_migrations())
    assert db.execute("SELECT count(*) FROM category WHERE code = 'PRO-HST'").fetchone()[0] == 1
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"court_point", "court_batch", *ROW_TABLES} <= tables
    db.close()
    before = dump(path)
    open_court_database(path).close()
    assert dump(path) == before


def test_refuses_a_newer_court_database_untouched(tmp_path):
    path = tmp_path / "court.db"
    open_court_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(court_migrations()) + 3}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError):
        open_court_database(path)
    with pytest.raises(DatabaseTooNewError):
        open_court_snapshot(path)
    assert path.read_bytes() == before


def test_snapshot_of_a_missing_file_creates_nothing(tmp_path):
    db = open_court_snapshot(tmp_path / "nope" / "court.db")
    assert db.execute("SELECT count(*) FROM court_batch").fetchone()[0] == 0
    db.close()
    assert not (tmp_path / "nope").exists()
