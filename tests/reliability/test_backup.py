"""Backups (online API), retention, restore with the current file kept aside, checks, the lock."""

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from liaison_app.core.maintenance import auto_backup, backup_to, backups_dir, check, list_backups, restore_database
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.errors import UserError
from liaison_app.storage.backup import backup_name, prune_backups
from liaison_app.storage.database import open_database
from liaison_app.storage.lock import DatabaseLock
from tests.core.test_consultations import consult


def test_backup_captures_uncheckpointed_wal_pages(core, point, tmp_path):
    core.consultations.save(consult(point))  # lives in the -wal file until a checkpoint
    path = backup_to(core.db.conn, core.path, tmp_path / "usb", tag="manual")
    assert path.name.endswith("-manual.db")
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM consultation").fetchone()[0] == 1
    copy.close()
    [info] = list_backups(tmp_path / "usb")
    assert info.counts["consultation"] == 1 and info.counts["liaison_point"] == 1


def test_restore_keeps_the_current_file_aside(core, point, tmp_path):
    core.consultations.save(consult(point))
    backup = backup_to(core.db.conn, core.path, tmp_path / "usb")
    core.consultations.save(consult(point, visitor_name="后来录入"))
    core.close()
    aside = restore_database(core.path, backup)
    assert aside.parent == backups_dir(core.path) and "before-restore" in aside.name
    restored = open_database(core.path)
    assert restored.execute("SELECT count(*) FROM consultation").fetchone()[0] == 1
    restored.close()
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT count(*) FROM consultation").fetchone()[0] == 2
    kept.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(core, point, tmp_path):
    core.consultations.save(consult(point))
    core.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(UserError):
        restore_database(core.path, bad)
    db = open_database(core.path)
    assert db.execute("SELECT count(*) FROM consultation").fetchone()[0] == 1
    db.close()


def test_retention_keeps_seven_daily_and_four_weekly(tmp_path):
    now = datetime(2026, 11, 29, 12, 0, tzinfo=CHINA_TZ)
    db_path = tmp_path / "liaison.db"
    for days_ago in range(40):
        for hour in (9, 17):
            when = now - timedelta(days=days_ago, hours=12 - hour + 3)
            (tmp_path / backup_name(db_path, when)).write_bytes(b"x")
    (tmp_path / backup_name(db_path, now - timedelta(days=90), "manual")).write_bytes(b"x")
    prune_backups(tmp_path, "liaison", now)
    left = sorted(p.name for p in tmp_path.glob("*.db"))
    assert any("manual" in n for n in left)                      # tagged backups are never pruned
    automatic = [n for n in left if "manual" not in n]
    days = {n.split("-")[1] for n in automatic}
    assert len(automatic) == len(days)                           # one per day at most
    assert 7 <= len(automatic) <= 11                             # 7 daily + up to 4 older weekly


def test_auto_backup_writes_into_backups_folder(core, point):
    path = auto_backup(core.db.conn, core.path)
    assert path.parent == backups_dir(core.path) and path.exists()


def test_check_reports_healthy_and_broken_foreign_keys(core, point):
    assert check(core.db.conn).ok
    core.db.execute("PRAGMA foreign_keys = OFF")
    core.db.execute("UPDATE consultation SET point_id = 'x'")  # no rows: still ok
    core.consultations.save(consult(point))
    core.db.execute("UPDATE consultation SET point_id = 'nowhere'")
    result = check(core.db.conn)
    assert not result.ok and any("外键" in p for p in result.problems)


def test_cli_check_exit_status(tmp_path, db_path):
    ok = subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(db_path), "check"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "正常" in ok.stdout
    broken = tmp_path / "broken.db"
    broken.write_bytes(db_path.read_bytes()[:8192] + b"\xde\xad" * 5000)
    bad = subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(broken), "check"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr and bad.stderr.strip()


def test_second_copy_is_told_the_database_is_in_use(tmp_path):
    db_path = tmp_path / "liaison.db"
    first = DatabaseLock(db_path)
    first.acquire()
    script = ("import sys; from liaison_app.storage.lock import DatabaseLock, DatabaseInUseError\n"
              f"try:\n    DatabaseLock(r'{db_path}').acquire()\nexcept DatabaseInUseError as e:\n"
              "    print(e); sys.exit(7)\n")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert other.returncode == 7 and "已被另一个" in other.stdout
    first.release()
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert again.returncode == 0


def test_backups_of_another_database_in_the_same_folder_are_not_offered(tmp_path):
    """Two databases in one folder share backups/: the way out of a damaged p2.db must not offer
    p1.db's backup (restoring it would put p1's records in p2's place). Regression test."""
    from liaison_app.core import open_core
    from liaison_app.domain.records import LiaisonPoint

    p1, p2 = tmp_path / "p1.db", tmp_path / "p2.db"
    for path in (p1, p2):
        core = open_core(path)
        core.points.add(LiaisonPoint(code=path.stem.upper(), name=f"{path.stem}联系点", court="某法院",
                                     township="某镇", village="", judge_name="某法官"))
        auto_backup(core.db.conn, path)
        backup_to(core.db.conn, path, backups_dir(path), tag="before-restore")
        core.close()
    p1_extra = tmp_path / "p1-x.db"   # a third database whose name starts like p1's
    core = open_core(p1_extra)
    auto_backup(core.db.conn, p1_extra)
    core.close()
    folder = backups_dir(p1)
    assert len(list_backups(folder)) == 5
    names = sorted(info.path.name for info in list_backups(folder, p1.stem))
    assert len(names) == 2 and all(name.startswith("p1-2") for name in names)
    assert any(name.endswith("-before-restore.db") for name in names)
    assert all(info.path.name.startswith("p2-") for info in list_backups(folder, p2.stem))
