"""``merge`` and ``court-summary`` on the command line (liaison_app.cli_court): printed summary,
exit status, --dry-run, --accept-edited, --report; and the parser wiring cli.py will use."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from liaison_app.cli_court import COURT_COMMANDS, add_parsers, main

from tests.court.conftest import dump

ROOT = Path(__file__).resolve().parents[2]


def test_parsers_can_be_added_to_the_apps_subcommands():
    parser = argparse.ArgumentParser(prog="liaison-app")
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["merge", "a.xlsx", "dir", "--court-db", "c.db", "--report", "r.xlsx", "--dry-run",
                              "--accept-edited"])
    assert (args.command, args.inputs, args.court_db, args.report, args.dry_run, args.accept_edited) == (
        "merge", ["a.xlsx", "dir"], "c.db", "r.xlsx", True, True)
    args = parser.parse_args(["court-summary", "--court-db", "c.db", "--out", "s.xlsx", "--from", "2026-09",
                              "--to", "2026-11"])
    assert (args.start, args.end, args.out) == ("2026-09", "2026-11", "s.xlsx")
    assert set(COURT_COMMANDS) == {"merge", "court-summary"}


def test_merge_prints_every_file_and_exits_0(batches, tmp_path, capsys):
    court_db = tmp_path / "court.db"
    assert main(["merge", str(batches), "--court-db", str(court_db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len([line for line in out if line.startswith("[已汇总] ")]) == 9
    assert "[已汇总] ZN-NA_2026-10_v1.xlsx  ZN-NA 2026-10 v1  法律咨询 " in "\n".join(out)
    assert out[-1].startswith("合计 9 个文件：汇总 9；数据 ")

    assert main(["merge", str(batches), "--court-db", str(court_db)]) == 0  # duplicates: still 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("合计 9 个文件：重复跳过 9；数据 0 行")


def test_merge_with_a_refused_file_exits_1_and_reports(batches, tmp_path, capsys):
    court_db = tmp_path / "court.db"
    bad = tmp_path / "LW-WTS_2026-11_v1.xlsx"
    bad.write_bytes(b"\x00" * 10)
    report = tmp_path / "result.xlsx"
    code = main(["merge", str(batches / "ZN-NA_2026-11_v1.xlsx"), str(bad), "--court-db", str(court_db),
                 "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 1
    assert "[拒收] LW-WTS_2026-11_v1.xlsx" in out and "不是Excel工作簿" in out
    assert "合计 2 个文件：汇总 1，拒收 1" in out
    rows = list(openpyxl.load_workbook(report, read_only=True)["汇总结果"].iter_rows(values_only=True))
    assert rows[0][:5] == ("文件", "结果", "联系点", "统计月份", "序号")
    by_name = {r[0]: r for r in rows[1:] if r and r[0]}
    assert by_name["ZN-NA_2026-11_v1.xlsx"][1] == "已汇总" and by_name["ZN-NA_2026-11_v1.xlsx"][5] > 0
    assert by_name["LW-WTS_2026-11_v1.xlsx"][1] == "拒收" and "不是Excel工作簿" in by_name["LW-WTS_2026-11_v1.xlsx"][9]


def test_dry_run_on_the_command_line_writes_nothing(batches, tmp_path, capsys):
    court_db = tmp_path / "court" / "court.db"
    assert main(["merge", str(batches), "--court-db", str(court_db), "--dry-run"]) == 0
    assert "试运行" in capsys.readouterr().out
    assert not court_db.exists()


def test_accept_edited_on_the_command_line(batches, tmp_path, capsys):
    court_db = tmp_path / "court.db"
    edited = Path(shutil.copy(batches / "JF-LT_2026-10_v1.xlsx", tmp_path / "JF-LT_2026-10_v1.xlsx"))
    workbook = openpyxl.load_workbook(edited)
    workbook["普法宣讲"]["G2"] = "改过的主题"
    workbook.save(edited)
    assert main(["merge", str(edited), "--court-db", str(court_db)]) == 1
    assert "数据校验不符" in capsys.readouterr().out
    before = dump(court_db)
    assert main(["merge", str(edited), "--court-db", str(court_db), "--accept-edited"]) == 0
    assert "接收修改过的工作簿" in capsys.readouterr().out
    assert dump(court_db) != before
    import sqlite3

    conn = sqlite3.connect(court_db)
    assert conn.execute("SELECT accepted_edited FROM court_batch").fetchall() == [(1,)]
    assert conn.execute("SELECT topic FROM court_session WHERE topic = '改过的主题'").fetchone() is not None
    conn.close()


def test_court_summary_command(batches, tmp_path, capsys):
    court_db = tmp_path / "court.db"
    assert main(["merge", str(batches), "--court-db", str(court_db)]) == 0
    capsys.readouterr()
    out = tmp_path / "summary" / "全辖区汇总.xlsx"
    assert main(["court-summary", "--court-db", str(court_db), "--out", str(out), "--from", "2026-10",
                 "--to", "2026-11"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook.sheetnames == ["说明", "按联系点", "按法院", "纠纷类型", "报送情况"]
    months = {r[4] for r in workbook["按联系点"].iter_rows(min_row=2, values_only=True) if r and r[4]}
    assert months == {"2026-10", "2026-11"}
    workbook.close()


def test_court_summary_needs_an_existing_database(tmp_path, capsys):
    assert main(["court-summary", "--court-db", str(tmp_path / "none.db"), "--out", str(tmp_path / "s.xlsx")]) == 1
    assert "找不到汇总数据库" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_standalone_module_runs(batches, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "liaison_app.cli_court", "merge", str(batches / "ZN-NA_2026-09_v1.xlsx"),
         "--court-db", str(tmp_path / "court.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "[已汇总] ZN-NA_2026-09_v1.xlsx" in result.stdout
    assert "PySide6" not in result.stderr
