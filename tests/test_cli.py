"""The command line as users and scripts call it: exit codes, messages, no tracebacks."""

import os
import subprocess
import sys

import pytest

from tests.helpers.pdf import pdf_text


def run(*args, env=None, timeout=120):
    merged = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "liaison_app", *args], capture_output=True, text=True,
                          timeout=timeout, env=merged)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "export", "--smoke", "--screenshot", "backup", "restore", "check", "report"):
        assert command in result.stdout


def test_no_screen_is_said_plainly_with_the_headless_ways(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(tmp_path / "x.db")],
                            capture_output=True, text=True, timeout=60, env=env)
    if not sys.platform.startswith("linux"):
        pytest.skip("the check applies to Linux without a display")
    assert result.returncode == 3
    assert "未找到可用的显示屏幕" in result.stderr and "--smoke" in result.stderr and "--screenshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_from_environment_variable(tmp_path):
    path = tmp_path / "from_env.db"
    result = run("point-add", "--code", "ZN-NA", "--name", "宁安镇法官联系点", "--court", "中宁县人民法院",
                 env={"LIAISON_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()
    listed = run("--db", str(path), "points")
    assert "ZN-NA\t宁安镇法官联系点\t中宁县人民法院" in listed.stdout


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["point-add", "--code", "宁安", "--name", "x", "--court", "y"], 1, "编码只能用字母"),
        (["export", "--month", "2026-13", "--out", "o"], 2, "格式不对"),
        (["report", "--month", "2026-11", "--point", "NOPE", "--out", "r.pdf"], 1, "没有编码为“NOPE”的联系点"),
        (["restore", "missing.db"], 1, "找不到备份文件"),
    ],
)
def test_user_mistakes_exit_non_zero_without_traceback(tmp_path, args, code, fragment):
    result = run("--db", str(tmp_path / "x.db"), *args)
    assert result.returncode == code
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_a_newer_database_is_refused_by_every_command(tmp_path):
    import sqlite3

    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run("--db", str(path), "points")
    assert result.returncode == 1 and "更新版本" in result.stderr


def test_report_command_writes_a_pdf(tmp_path):
    db = str(tmp_path / "x.db")
    assert run("--db", db, "point-add", "--code", "ZN-NA", "--name", "宁安镇法官联系点", "--court", "中宁县人民法院").returncode == 0
    out = tmp_path / "报告.pdf"
    result = run("--db", db, "report", "--month", "2026-11", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert "宁安镇法官联系点2026年11月工作报告" in pdf_text(out)


@pytest.mark.parametrize("argv", [["--db", "", "points"], ["--db=", "--smoke"], ["--db", "  "]])
def test_an_empty_db_path_is_refused_not_replaced_by_the_default(argv, capsys, tmp_path):
    """Regression: ``--db ""`` (a script with an unset variable) opened the per-user database."""
    from liaison_app import paths
    from liaison_app.app import main

    assert main(argv) == 2
    assert "--db" in capsys.readouterr().err
    assert not (paths.user_data_dir() / paths.DB_FILE_NAME).exists()
