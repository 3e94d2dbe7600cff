"""A merge is all or nothing per file: killed (SIGKILL) inside a file's transaction, cancelled, or
run as a dry run, the court database keeps exactly what it had."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.errors import UserError
from liaison_app.storage.database import open_database

from tests.court.conftest import dump

ROOT = Path(__file__).resolve().parents[2]
ROW_TABLES = ("court_consultation", "court_session", "court_visit", "court_shift")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL needs POSIX")


def consistent(court_path: Path) -> int:
    """Assert the database is whole: integrity ok, every current batch holds exactly its rows, no
    row without its batch. Returns the number of current batches (0 before it was even created)."""
    if not court_path.exists():
        return 0
    conn = sqlite3.connect(f"file:{court_path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return 0  # killed while the new database was being set up: nothing there yet
        current = conn.execute("SELECT batch_id, consultations, sessions, visits, shifts FROM court_batch "
                               "WHERE replaced_by IS NULL").fetchall()
        for batch_id, *declared in current:
            held = [conn.execute(f"SELECT count(*) FROM {t} WHERE batch_id = ?", (batch_id,)).fetchone()[0]
                    for t in ROW_TABLES]
            assert held == declared, batch_id
        for table in ROW_TABLES:
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE batch_id NOT IN "
                                   "(SELECT batch_id FROM court_batch WHERE replaced_by IS NULL)").fetchone()[0]
            assert orphans == 0, table
        return len(current)
    finally:
        conn.close()


def start_child(court_path: Path, mode: str, files: list[Path]) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.court.merge_child", str(court_path), mode, *map(str, files)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline().strip()
    if first != "ready":
        child.kill()
        raise AssertionError(f"child did not start: {first!r} {child.stderr.read() if child.stderr else ''}")
    return child


def test_killed_inside_a_files_transaction_leaves_nothing(batches, court, court_path):
    assert court.merge([batches / "ZN-NA_2026-09_v1.xlsx"]).ok
    court.close()
    before = dump(court_path)
    child = start_child(court_path, "hold", [batches / "ZN-NA_2026-10_v1.xlsx"])
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    os.kill(child.pid, signal.SIGKILL)  # "inside": rows of the first sheet written, not committed
    child.wait()
    assert line == "inside", (line, child.stderr.read() if child.stderr else "")
    assert child.returncode == -signal.SIGKILL
    assert dump(court_path) == before
    assert consistent(court_path) == 1
    with CourtService(court_path) as again:  # and the file merges cleanly afterwards
        assert again.merge([batches / "ZN-NA_2026-10_v1.xlsx"]).files[0].outcome is MergeOutcome.MERGED
    assert consistent(court_path) == 2


def test_killed_at_random_moments_never_half_merges(batches, court_path):
    rng = random.Random(20261129)
    files = sorted(batches.glob("*.xlsx"))
    merged_before = 0
    for _ in range(3):
        child = start_child(court_path, "run", files)
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        merged = consistent(court_path)
        assert merged >= merged_before
        merged_before = merged
    with CourtService(court_path) as court:
        report = court.merge([batches])
    assert report.ok
    assert consistent(court_path) == 9


def test_cancel_inside_the_transaction_rolls_the_file_back(batches, court, court_path):
    assert court.merge([batches / "ZN-NA_2026-09_v1.xlsx"]).ok
    before = dump(court_path)
    polls: list[bool] = []

    def cancelled() -> bool:
        inside = court.db.conn.in_transaction
        polls.append(inside)
        return inside and polls.count(True) == 2  # after the second sheet's rows are written

    report = court.merge([batches / "ZN-NA_2026-10_v1.xlsx", batches / "ZN-NA_2026-11_v1.xlsx"],
                         cancelled=cancelled)
    assert [r.outcome for r in report.files] == [MergeOutcome.CANCELLED, MergeOutcome.CANCELLED]
    assert report.cancelled and report.exit_status == 1
    assert "已回滚" in report.files[0].message
    assert dump(court_path) == before
    assert not court.db.conn.in_transaction


def test_cancel_between_files_keeps_finished_files(batches, court, court_path):
    calls = iter([False, True])
    report = court.merge([batches / "ZN-NA_2026-09_v1.xlsx", batches / "ZN-NA_2026-10_v1.xlsx"],
                         cancelled=lambda: court.db.conn.in_transaction is False and next(calls))
    assert [r.outcome for r in report.files] == [MergeOutcome.MERGED, MergeOutcome.CANCELLED]
    assert consistent(court_path) == 1


def test_dry_run_writes_nothing(batches, court_path, clock):
    with CourtService(court_path, now=clock) as court:
        report = court.merge([batches], dry_run=True)
    assert report.dry_run and report.ok
    assert [r.outcome for r in report.files] == [MergeOutcome.MERGED] * 9
    assert not court_path.exists() and not court_path.parent.exists()  # not even created
    assert report.lines()[0] == "试运行：只检查，不写入汇总库。"
    assert "[可汇总]" in report.lines()[1]

    with CourtService(court_path, now=clock) as court:
        assert court.merge([batches / "ZN-NA_2026-09_v1.xlsx"]).ok
    before = dump(court_path)
    mtime = court_path.stat().st_mtime_ns
    with CourtService(court_path, now=clock) as court:
        report = court.merge([batches, batches / "ZN-NA_2026-09_v1.xlsx"], dry_run=True)
    outcomes = {r.path.name: r.outcome for r in report.files}
    assert outcomes["ZN-NA_2026-09_v1.xlsx"] is MergeOutcome.DUPLICATE
    assert list(outcomes.values()).count(MergeOutcome.MERGED) == 8
    assert dump(court_path) == before and court_path.stat().st_mtime_ns == mtime


def test_dry_run_reports_refusals_like_a_real_run(batches, court_path, tmp_path):
    bad = tmp_path / "empty.xlsx"
    bad.write_bytes(b"")
    with CourtService(court_path) as court:
        report = court.merge([bad, batches / "LW-WTS_2026-10_v1.xlsx"], dry_run=True)
    assert report.exit_status == 1
    assert {r.outcome for r in report.files} == {MergeOutcome.REJECTED, MergeOutcome.MERGED}
    assert "[将拒收] empty.xlsx" in "\n".join(report.lines())


def test_a_point_database_is_not_taken_for_a_court_database(batches, tmp_path):
    point_db = tmp_path / "liaison.db"
    open_database(point_db).close()
    before = dump(point_db)
    with CourtService(point_db) as court:
        with pytest.raises(UserError, match="不是法院汇总数据库"):
            court.merge([batches / "ZN-NA_2026-09_v1.xlsx"])
        with pytest.raises(UserError, match="不是法院汇总数据库"):
            court.merge([batches / "ZN-NA_2026-09_v1.xlsx"], dry_run=True)
    assert dump(point_db) == before


def test_nothing_to_merge(court, tmp_path):
    (tmp_path / "empty_folder").mkdir()
    with pytest.raises(UserError, match="没有找到报送文件"):
        court.merge([tmp_path / "empty_folder"])
