"""The user's preferences on this machine (language, 大字模式), stored with QSettings.

The file is ``paths.settings_path()`` in INI format (UTF-8), so it is the same on Windows and
Linux and easy to inspect: ``[ui] language=zh_CN text_scale=1.3``. Unknown or damaged values
fall back to the defaults; they never keep the app from starting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from liaison_app import paths

LANGUAGE_CHINESE = "zh_CN"
LANGUAGE_ENGLISH = "en"
#: Language code → its name in that language (shown as such in the settings dialog).
LANGUAGES: dict[str, str] = {LANGUAGE_CHINESE: "简体中文", LANGUAGE_ENGLISH: "English"}  # i18n-exempt: own names
MIN_TEXT_SCALE = 1.0
MAX_TEXT_SCALE = 1.6
#: The steps offered in the settings dialog (大字模式).
TEXT_SCALE_STEPS = (1.0, 1.15, 1.3, 1.45, 1.6)

_LANGUAGE_KEY = "ui/language"
_SCALE_KEY = "ui/text_scale"


@dataclass(frozen=True)
class Preferences:
    """What the user chose.

    Attributes:
        language: ``"zh_CN"`` (default, the court's words) or ``"en"``.
        text_scale: factor on every font and control size, 1.0–1.6 (大字模式).
    """

    language: str = LANGUAGE_CHINESE
    text_scale: float = MIN_TEXT_SCALE

    def normalised(self) -> "Preferences":
        """The same with an unknown language replaced by Chinese and the scale clamped."""
        language = self.language if self.language in LANGUAGES else LANGUAGE_CHINESE
        scale = min(MAX_TEXT_SCALE, max(MIN_TEXT_SCALE, round(float(self.text_scale), 2)))
        return Preferences(language=language, text_scale=scale)


def settings() -> QSettings:
    """The QSettings object of the preferences file (INI, UTF-8)."""
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


def load_preferences() -> Preferences:
    """The stored preferences, defaults for anything missing or unreadable."""
    store = settings()
    language = str(store.value(_LANGUAGE_KEY, LANGUAGE_CHINESE))
    try:
        scale = float(store.value(_SCALE_KEY, MIN_TEXT_SCALE))
    except (TypeError, ValueError):
        scale = MIN_TEXT_SCALE
    return Preferences(language=language, text_scale=scale).normalised()


class SettingsNotSaved(OSError):
    """The preferences file could not be written (read-only folder, a file where the folder
    should be, full disk); ``path`` is the file."""

    def __init__(self, path: object, reason: object):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def save_preferences(preferences: Preferences) -> Preferences:
    """Store ``preferences`` (normalised, written to disk at once); returns what was stored.

    Raises:
        SettingsNotSaved: the file could not be written; nothing else went wrong (the caller
            may still apply the preferences to this session).
    """
    stored = preferences.normalised()
    path = paths.settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsNotSaved(path, exc.strerror or exc) from exc
    store = settings()
    store.setValue(_LANGUAGE_KEY, stored.language)
    store.setValue(_SCALE_KEY, stored.text_scale)
    store.sync()
    if store.status() != QSettings.Status.NoError:
        raise SettingsNotSaved(path, store.status().name)
    return stored
