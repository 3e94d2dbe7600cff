"""Damaged or unexpected databases (issue: reliability). Each case gives a clear Chinese
UserError subclass from ``open_core`` (or from the first statement that meets the damage), never
a raw sqlite3 error, and never changes the file.

How the hard cases are simulated (the tests run as root in CI, where chmod stops nothing):

* read-only file or folder: ``sqlite3.connect`` is wrapped to open ``file:…?mode=ro`` — SQLite
  then refuses every write exactly as for a write-protected file (SQLITE_READONLY) or an
  unwritable folder (SQLITE_CANTOPEN); ``PRAGMA query_only`` does the same on a live core; the
  lock file's ``os.open`` is made to fail with EACCES. A real chmod test runs when not root.
* full disk: ``PRAGMA max_page_count`` caps the file, so SQLite reports SQLITE_FULL exactly as
  on a full disk.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from pathlib import Path

import pytest

from liaison_app.core import open_core
from liaison_app.core.maintenance import ensure_healthy, lock_database
from liaison_app.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    DiskFullError,
    UserError,
)
from liaison_app.storage import database as database_module
from liaison_app.storage.lock import DatabaseInUseError
from liaison_app.storage.migrations import latest_version

from tests.core.test_consultations import consult

HAN = re.compile("[\u4e00-\u9fff]")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_chinese(err: BaseException) -> None:
    text = str(err)
    assert HAN.search(text), text
    assert "Traceback" not in text


def filled_database(path: Path, point_factory, consultations: int = 60) -> Path:
    """A closed database with a point and ``consultations`` records (several pages)."""
    with open_core(path) as core:
        point = point_factory(core)
        for i in range(consultations):
            core.consultations.save(consult(point, visitor_name=f"王{i:03d}", question="邻居盖房挡了出路。" * 40))
    return path


def add_point(core):
    from liaison_app.domain.records import LiaisonPoint

    return core.points.add(LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院"))[0]


# -- not a database, another program's database, too new ---------------------------------------
def test_a_file_that_is_not_sqlite(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes("这是一个文本文件，不是数据库。\n".encode() * 200)
    before = digest(bad)
    with pytest.raises(DatabaseDamagedError) as info:
        open_core(bad)
    assert info.value.not_sqlite and "不是本软件的数据库或已损坏" in str(info.value)
    assert_chinese(info.value)
    assert digest(bad) == before


def test_another_programs_sqlite_database_is_not_migrated_into(tmp_path):
    other = tmp_path / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contact VALUES ('张三', '13800001111')")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(DatabaseDamagedError, match="别的软件的数据库") as info:
        open_core(other)
    assert info.value.not_sqlite
    assert digest(other) == before


def test_a_database_from_a_newer_version_is_left_byte_for_byte(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 3}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseTooNewError, match="更新版本") as info:
        open_core(db_path)
    assert_chinese(info.value)
    assert digest(db_path) == before


def test_an_empty_file_is_a_new_database(tmp_path):
    empty = tmp_path / "new.db"
    empty.touch()
    with open_core(empty) as core:
        assert core.points.is_empty()


# -- damaged files ------------------------------------------------------------------------------
def test_a_damaged_page_is_reported_not_raised_as_sqlite_error(tmp_path):
    path = filled_database(tmp_path / "liaison.db", add_point)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'consultation'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:          # scribble over the consultation table's root page
        handle.seek((root - 1) * page_size)
        handle.write(os.urandom(page_size))
    before = digest(path)
    with pytest.raises(DatabaseDamagedError) as info:
        core = open_core(path)
        try:
            ensure_healthy(core.db, path)       # the GUI's start-up check
        finally:
            core.close()
    assert "已损坏" in str(info.value) and "从备份恢复" in str(info.value)
    assert digest(path) == before
    # Reading the damaged table through the core also gives the Chinese error, not sqlite3's.
    core = open_core(path)
    try:
        from liaison_app.domain.records import ConsultationFilter

        with pytest.raises(DatabaseDamagedError):
            core.consultations.page(ConsultationFilter(), limit=50)
    finally:
        core.close()


def test_a_truncated_file(tmp_path):
    path = filled_database(tmp_path / "liaison.db", add_point)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(DatabaseDamagedError) as info:
        core = open_core(path)
        try:
            ensure_healthy(core.db, path)
        finally:
            core.close()
    assert_chinese(info.value)
    assert digest(path) == before


def test_a_garbage_header(tmp_path):
    path = filled_database(tmp_path / "liaison.db", add_point, consultations=3)
    with open(path, "r+b") as handle:
        handle.write(os.urandom(100))
    before = digest(path)
    with pytest.raises(DatabaseDamagedError) as info:
        open_core(path)
    assert_chinese(info.value)
    assert digest(path) == before


# -- read-only file or folder ------------------------------------------------------------------
@pytest.fixture
def read_only_sqlite(monkeypatch):
    """Every sqlite3.connect opens read-only, as SQLite does on a write-protected medium."""
    original = sqlite3.connect

    def connect(database, *args, **kwargs):
        kwargs.pop("uri", None)
        return original(f"file:{Path(database).resolve()}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(database_module.sqlite3, "connect", connect)


def test_read_only_existing_database(db_path, read_only_sqlite):
    before = digest(db_path)
    with pytest.raises(DatabaseReadOnlyError, match="只读") as info:
        open_core(db_path)
    assert_chinese(info.value)
    assert digest(db_path) == before


def test_read_only_folder_for_a_new_database(tmp_path, read_only_sqlite):
    with pytest.raises(DatabaseReadOnlyError) as info:
        open_core(tmp_path / "new.db")
    assert_chinese(info.value)
    assert not (tmp_path / "new.db").exists()


def test_database_turning_read_only_while_open_stores_nothing(core, point):
    core.db.execute("PRAGMA query_only = 1")
    with pytest.raises(DatabaseReadOnlyError) as info:
        core.consultations.save(consult(point))
    assert_chinese(info.value)
    core.db.execute("PRAGMA query_only = 0")
    assert core.db.execute("SELECT count(*) FROM consultation").fetchone()[0] == 0
    assert core.db.execute("SELECT count(*) FROM audit_log WHERE table_name = 'consultation'").fetchone()[0] == 0


def test_lock_file_in_a_read_only_folder(db_path, monkeypatch):
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(DatabaseReadOnlyError, match="锁文件") as info:
        lock_database(db_path)
    assert_chinese(info.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores chmod")
def test_real_read_only_folder(tmp_path, db_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "liaison.db"
    target.write_bytes(db_path.read_bytes())
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError):
            lock = lock_database(target)
            lock.release()
            open_core(target).close()
    finally:
        folder.chmod(0o755)


# -- full disk ---------------------------------------------------------------------------------
def test_full_disk_while_saving_leaves_no_half_record(core, point):
    page_count = core.db.execute("PRAGMA page_count").fetchone()[0]
    core.db.execute(f"PRAGMA max_page_count = {page_count}")
    counts = {t: core.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("consultation", "audit_log", "record_history")}
    with pytest.raises(DiskFullError, match="磁盘空间已满") as info:
        core.consultations.save(consult(point, question="很长的咨询内容。" * 3000))
    assert "没有留下半条记录" in str(info.value)
    assert {t: core.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    assert core.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert list(core.db.query("SELECT id FROM consultation WHERE search_text LIKE '%很长%'")) == []
    core.db.execute("PRAGMA max_page_count = 1073741823")   # space freed: the same save works
    core.consultations.save(consult(point, question="很长的咨询内容。" * 3000))


def test_full_disk_while_creating_the_database(tmp_path, monkeypatch):
    original = database_module.apply_durability_pragmas

    def tiny_disk(db):
        original(db)
        db.execute("PRAGMA max_page_count = 3")

    monkeypatch.setattr(database_module, "apply_durability_pragmas", tiny_disk)
    path = tmp_path / "new.db"
    with pytest.raises(DiskFullError) as info:
        open_core(path)
    assert_chinese(info.value)
    monkeypatch.setattr(database_module, "apply_durability_pragmas", original)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0            # not half-migrated
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()
    with open_core(path) as core:                                             # room again: fine
        assert core.points.is_empty()


# -- a second copy -----------------------------------------------------------------------------
def test_a_second_copy_is_told_the_database_is_in_use(db_path):
    first = lock_database(db_path)
    try:
        with pytest.raises(DatabaseInUseError, match="另一个联系点工作台窗口") as info:
            lock_database(db_path)
        assert_chinese(info.value)
    finally:
        first.release()
    lock_database(db_path).release()   # free again once the first copy closed


# -- the way out: restore over a damaged file --------------------------------------------------
def test_restore_replaces_a_damaged_file_and_keeps_its_bytes_aside(tmp_path):
    from liaison_app.core.maintenance import backup_to, backups_dir, restore_database

    path = filled_database(tmp_path / "liaison.db", add_point, consultations=2)
    with open_core(path) as core:
        backup = backup_to(core.db.conn, path, tmp_path / "stick", tag="manual")
    with open(path, "r+b") as handle:
        handle.write(os.urandom(100))
    damaged = path.read_bytes()
    aside = restore_database(path, backup)
    assert aside.parent == backups_dir(path) and aside.read_bytes() == damaged
    with open_core(path) as core:
        ensure_healthy(core.db, path)
        assert core.db.execute("SELECT count(*) FROM consultation").fetchone()[0] == 2
        assert core.db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0] == "restore_db"
