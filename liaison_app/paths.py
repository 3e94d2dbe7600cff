"""The one place that knows where files live.

Source checkout vs. PyInstaller bundle vs. per-user data folder. Everything else asks here,
so tests can redirect the user folders and the frozen build finds its resources.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "liaison_app"
APP_AUTHOR = "liaison"
DB_ENV_VAR = "LIAISON_DB"
DB_FILE_NAME = "liaison.db"
SETTINGS_ENV_VAR = "LIAISON_SETTINGS"


def bundle_root() -> Path:
    """Root that holds `resources/` and `db/`: the PyInstaller folder or the repository."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. ``resource("fonts", "wqy-microhei.ttc")``."""
    return bundle_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    """Folder of the numbered schema migrations ``NNNN_name.sql``."""
    return bundle_root() / "db" / "migrations"


def seed_dir() -> Path:
    """Folder of the seed dictionaries (CSV) loaded into the database."""
    return bundle_root() / "db" / "seed"


def cjk_font_path() -> Path:
    """The CJK TrueType collection shipped for both Qt and reportlab (see GUIDE §5)."""
    return resource("fonts", "wqy-microhei.ttc")


def user_data_dir() -> Path:
    """Per-user data folder of the OS (platformdirs), e.g. ``~/.local/share/liaison_app``."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Database path: ``explicit`` (``--db``), else ``$LIAISON_DB``, else the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / DB_FILE_NAME


def attachments_dir(db_path: Path) -> Path:
    """Folder beside the database where copied attachments live."""
    return db_path.parent / (db_path.stem + "_files")


def user_config_dir() -> Path:
    """Per-user configuration folder of the OS (platformdirs), e.g. ``~/.config/liaison_app``."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def settings_path() -> Path:
    """The preferences file (QSettings, INI format): ``$LIAISON_SETTINGS``, else
    ``settings.ini`` in :func:`user_config_dir`. Preferences belong to the user on this
    machine, not to the database (which may be copied to another laptop)."""
    env = os.environ.get(SETTINGS_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return user_config_dir() / "settings.ini"


def user_guide_path() -> Path:
    """The Chinese user guide (Markdown with screenshots beside it), shown from 帮助 → 使用说明."""
    return bundle_root() / "docs" / "user-guide.md"
