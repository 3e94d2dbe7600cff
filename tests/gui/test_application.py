"""run_gui: smoke start, screenshots, a database that cannot be opened."""

from __future__ import annotations

import re
import time

from liaison_app.gui.application import run_gui


def test_smoke_prints_ready_then_loaded(qapp, db_path, capsys):
    assert run_gui(db_path, smoke=True, started_at=time.perf_counter()) == 0
    out = capsys.readouterr().out
    match = re.fullmatch(r"ready (\d+)\nloaded (\d+)\n", out)
    assert match, out
    assert int(match.group(1)) <= int(match.group(2))


def test_screenshots_of_every_page(qapp, db_path, tmp_path, capsys):
    folder = tmp_path / "shots"
    assert run_gui(db_path, screenshot_dir=folder) == 0
    names = {"start", "consultations", "sessions", "visits", "roster", "export", "court", "people",
             "consultation_form", "point_setup",
             "session_form", "visit_form", "person_form"}
    for name in names:
        png = folder / f"{name}.png"
        assert png.stat().st_size > 1000, png
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    printed = capsys.readouterr().out.split()
    assert {p.rsplit("/", 1)[-1][:-4] for p in printed} == names


def test_unusable_database_returns_2(qapp, tmp_path, capsys):
    bad = tmp_path / "not_a_db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert run_gui(bad, smoke=True) == 2
    assert "无法打开数据库文件" in capsys.readouterr().err


def test_screenshots_of_filled_pages_and_forms(qapp, core, point, tmp_path, capsys):
    from .helpers import make_session, make_visit, make_volunteer

    volunteer = make_volunteer(core, point)
    make_session(core, point, volunteer)
    make_visit(core, point, volunteer)
    folder = tmp_path / "filled"
    assert run_gui(core.path, screenshot_dir=folder) == 0
    for name in ("sessions", "visits", "people", "session_form", "visit_form", "person_form"):
        assert (folder / f"{name}.png").stat().st_size > 1000, name


def test_screenshot_into_a_file_path_says_so_without_a_traceback(db_path, tmp_path, capsys):
    from liaison_app.gui.application import run_gui

    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    assert run_gui(db_path, screenshot_dir=blocker / "shots") == 1
    assert str(blocker / "shots") in capsys.readouterr().err
