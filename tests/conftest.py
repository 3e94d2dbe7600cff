"""Shared fixtures: headless Qt, isolated user folders, a fresh migrated database per test."""

from __future__ import annotations

import os
import shutil
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports PySide6

import pytest

from liaison_app import paths
from liaison_app.core import Core
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.records import LiaisonPoint
from liaison_app.storage.database import open_database

# A fixed "now" for tests that need a stable clock: Sunday 2026-11-29 10:00 in Beijing.
FIXED_NOW = datetime(2026, 11, 29, 10, 0, 0, tzinfo=CHINA_TZ)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory):
    """The fully migrated empty database, built once per session."""
    path = tmp_path_factory.mktemp("template") / "liaison.db"
    db = open_database(path)
    db.close()  # last connection closed → WAL checkpointed, a plain copy is safe
    return path


@pytest.fixture
def db_path(migrated_template, tmp_path):
    """Path of a fresh migrated database file for this test."""
    path = tmp_path / "liaison.db"
    shutil.copy(migrated_template, path)
    return path


@pytest.fixture
def db(db_path):
    """An open fresh migrated database (sqlite_utils.Database)."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def core(db_path):
    """Core services over a fresh database with the clock pinned to FIXED_NOW."""
    c = Core(open_database(db_path), db_path, now=lambda: FIXED_NOW)
    yield c
    c.close()


@pytest.fixture
def point(core) -> LiaisonPoint:
    """One liaison point (宁安镇, 中宁县人民法院)."""
    stored, _ = core.points.add(
        LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院",
                     township="宁安镇", village="", judge_name="马建国")
    )
    return stored


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Never touch the real user data folder or LIAISON_DB."""
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "userdata")
    monkeypatch.delenv(paths.DB_ENV_VAR, raising=False)
    monkeypatch.setattr(paths, "user_config_dir", lambda: tmp_path / "userconfig")
    monkeypatch.setenv(paths.SETTINGS_ENV_VAR, str(tmp_path / "userconfig" / "settings.ini"))
