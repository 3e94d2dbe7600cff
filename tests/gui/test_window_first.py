"""Start-up: window first, data next (docs/performance.md, start-up; issue #9).

The main window is shown before the core is imported and the database opened; the automatic
backup runs after the window, in a worker; every start-up dialog is parented to the shown
window; the GUI's own options never load the CLI's command modules. Behaviour only, no timings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from liaison_app.app import GuiOptions, gui_options
from liaison_app.errors import UserError
from liaison_app.gui import application, startup
from liaison_app.gui.dialogs.database_problem_dialog import WayOut
from liaison_app.gui.main_window import PAGE_START, MainWindow

from tests.helpers.accounts import fast_hashing, make_cast  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


# -- the command line ------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "expected"), [
    ([], GuiOptions()),
    (["--smoke"], GuiOptions(smoke=True)),
    (["--db", "a.db", "--smoke"], GuiOptions(db="a.db", smoke=True)),
    (["--db=a.db", "--screenshot", "shots"], GuiOptions(db="a.db", screenshot="shots")),
    (["--screenshot=shots", "--db", "a.db", "--db", "b.db"], GuiOptions(db="b.db", screenshot="shots")),
    (["--db", "points"], GuiOptions(db="points")),   # argparse too takes it as the path
])
def test_gui_options_are_read_without_the_full_parser(argv, expected):
    assert gui_options(argv) == expected


@pytest.mark.parametrize("argv", [
    ["points"], ["--db", "a.db", "points"], ["--help"], ["-h"], ["--version"], ["--smok"], ["--sm"],
    ["--db"], ["--db", "--smoke"], ["--screenshot"], ["--smoke=1"], ["--", "--smoke"], [""],
    ["--db", "a.db", "demo", "--points", "2"],
])
def test_everything_else_goes_to_the_full_parser(argv):
    assert gui_options(argv) is None


def _probe(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_SETTINGS": str(tmp_path / "settings.ini")}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env, check=False)


def test_smoke_shows_the_window_before_the_core_is_imported(tmp_path):
    # An audit hook prints each liaison_app import as it happens, between the app's own lines.
    code = f"""
        import sys
        def hook(event, args):
            if event == "import" and args[0] in ("liaison_app.core", "sqlite_utils", "liaison_app.cli",
                                                 "liaison_app.cli_roster", "liaison_app.gui.pages.start_page"):
                print("import", args[0], flush=True)
        sys.addaudithook(hook)
        from liaison_app.app import main
        sys.exit(main(["--db", r"{tmp_path / 'x.db'}", "--smoke"]))
    """
    result = _probe(code, tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line.split()[:2] for line in result.stdout.splitlines()]
    words = [" ".join(line) if line[0] == "import" else line[0] for line in lines]
    assert words.index("ready") < words.index("import liaison_app.core") < words.index("loaded")
    assert words.index("ready") < words.index("import sqlite_utils")
    assert words.index("import liaison_app.gui.pages.start_page") < words.index("loaded")
    assert words[-1] == "loaded"
    assert "import liaison_app.cli" not in words and "import liaison_app.cli_roster" not in words


def test_help_still_builds_the_full_parser(tmp_path):
    result = _probe("""
        import sys
        from liaison_app.app import main
        try:
            main(["--help"])
        except SystemExit as exc:
            print("exit", exc.code, "cli_roster" in " ".join(sys.modules))
    """, tmp_path)
    assert "exit 0 True" in result.stdout, result.stderr
    for word in ("roster", "import-ledger", "demo", "--smoke", "--screenshot", "--db"):
        assert word in result.stdout


# -- the shell before the data ------------------------------------------------------------------
def test_window_without_core_shows_the_loading_state(qtbot, core, point, signals):
    window = MainWindow(None, signals, db_path=core.path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["首页", "法律咨询", "普法宣讲", "志愿服务", "值班", "报送", "人员", "法院汇总"]
    assert not window.navigation.isEnabled()
    assert window.stack.currentWidget() is window.loading_label
    assert window.loading_label.text() == "正在打开数据库…"
    assert str(core.path) in window.db_label.text()
    assert window.core_actions and not any(a.isEnabled() for a in window.core_actions)
    assert window.stack.built(PAGE_START) is None     # no data shown, none read
    assert str(core.path) in window.about_text()     # 关于 works meanwhile

    window.attach_core(core)
    assert window.navigation.isEnabled() and all(a.isEnabled() for a in window.core_actions)
    assert window.stack.current_page() is window.start_page
    assert window.current_page_key() == PAGE_START and window.tasks is not None
    with pytest.raises(RuntimeError):
        window.attach_core(core)


def test_window_given_a_core_is_complete_at_once(qtbot, core, point, signals):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    assert window.navigation.isEnabled() and all(a.isEnabled() for a in window.core_actions)
    assert window.stack.built(PAGE_START) is window.start_page


# -- run_gui with a screen: the order of things ---------------------------------------------------
@pytest.fixture
def events(monkeypatch, qapp):
    """What happened, in order: the window exposed, the database opened, the backup, the loop."""
    happened: list[str] = []
    real_open = startup.open_for_gui

    def opening(*args, **kwargs):
        window = kwargs.get("parent")
        happened.append("open (window shown)" if window is not None and window.isVisible() else "open")
        return real_open(*args, **kwargs)

    from liaison_app.core import maintenance

    real_auto_backup = maintenance.auto_backup

    def backup(conn, db_path, **kwargs):
        happened.append("backup")
        return real_auto_backup(conn, db_path, **kwargs)

    monkeypatch.setattr(startup, "open_for_gui", opening)
    monkeypatch.setattr(maintenance, "auto_backup", backup)
    return happened


def test_backup_runs_after_the_window_is_shown(qtbot, core, point, events, monkeypatch):
    from liaison_app.core.maintenance import backups_dir

    def loop(app):
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        events.append("loop with data" if window.stack.built(PAGE_START) is not None else "loop")
        qtbot.waitUntil(lambda: "backup" in events)
        return 0

    monkeypatch.setattr(application, "_event_loop", loop)
    assert application.run_gui(core.path) == 0
    assert events[0] == "open (window shown)"
    assert set(events[1:]) == {"loop with data", "backup"}   # the backup in a worker, beside the loop
    assert [p.name for p in backups_dir(core.path).iterdir() if p.suffix == ".db"]


def test_a_failed_backup_is_said_over_the_window(qtbot, core, point, monkeypatch):
    from PySide6 import QtWidgets

    from liaison_app.core import maintenance

    warnings: list[tuple[object, str]] = []

    class Boxes:
        @staticmethod
        def warning(parent, title, text):
            warnings.append((parent, text))

    def full_disk(conn, db_path, **kwargs):
        raise UserError("磁盘已满")

    monkeypatch.setattr(maintenance, "auto_backup", full_disk)
    monkeypatch.setattr(QtWidgets, "QMessageBox", Boxes)
    monkeypatch.setattr(application, "_event_loop", lambda app: qtbot.waitUntil(lambda: bool(warnings)) or 0)
    assert application.run_gui(core.path) == 0
    parent, text = warnings[0]
    assert isinstance(parent, MainWindow) and text == "磁盘已满"


def test_damaged_database_gets_its_dialog_over_the_shown_window(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    asked: list[tuple[str, bool]] = []

    def way_out(path, error, parent=None):
        asked.append((str(error), isinstance(parent, MainWindow) and parent.isVisible()))
        return WayOut("quit")

    monkeypatch.setattr(startup, "ask_way_out", way_out)
    monkeypatch.setattr(application, "_event_loop", lambda app: pytest.fail("no event loop without data"))
    assert application.run_gui(bad) == 2
    assert len(asked) == 1 and asked[0][1] and "不是本软件的数据库" in asked[0][0]
    assert bad.read_bytes() == b"not a database" * 100


def test_first_start_dialogs_are_parented_to_the_window(qtbot, db_path, monkeypatch):
    from liaison_app.gui.dialogs.login_dialog import AdminSetupDialog
    from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog

    parents: dict[str, object] = {}

    def fake_exec(name):
        def run(dialog):
            parents[name] = dialog.parentWidget()
            return QDialog.DialogCode.Rejected
        return run

    monkeypatch.setattr(PointSetupDialog, "exec", fake_exec("point"))
    monkeypatch.setattr(AdminSetupDialog, "exec", fake_exec("admin"))
    shown: list[bool] = []
    monkeypatch.setattr(application, "_event_loop",
                        lambda app: shown.append(any(isinstance(w, MainWindow) and w.isVisible()
                                                     for w in app.topLevelWidgets())) or 0)
    assert application.run_gui(db_path) == 0
    assert isinstance(parents["point"], MainWindow) and parents["point"] is parents["admin"]
    assert shown == [True]


def test_quitting_at_the_login_leaves_no_data_shown(qtbot, core, point, fast_hashing, monkeypatch):  # noqa: F811
    from liaison_app.gui.dialogs.login_dialog import LoginDialog

    make_cast(core, point)
    seen: list[object] = []

    def refuse(dialog):
        window = dialog.parentWidget()
        seen.append(window.stack.built(PAGE_START) if isinstance(window, MainWindow) else "no window")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", refuse)
    monkeypatch.setattr(application, "_event_loop", lambda app: pytest.fail("no event loop after 退出"))
    assert application.run_gui(core.path) == 0
    assert seen == [None]   # the login over the window, before any page read the data
