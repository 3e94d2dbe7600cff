"""Apply the preferences to the running QApplication: translations, fonts, stylesheet.

Language: the source strings are the court's Chinese words, so Chinese needs only Qt's own
``qtbase_zh_CN`` (standard buttons, context menus); English loads ``liaison_en.qm`` compiled
from ``resources/translations/liaison_en.ts`` (build_spec/translations.py). 大字模式 multiplies the
application font and every ``pt``/``px`` size of the stylesheet by the scale (1.0–1.6); hairline
borders (≤ 2 px) stay as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from liaison_app import i18n, paths
from liaison_app.gui.preferences import LANGUAGE_ENGLISH, Preferences

#: The application font size at 1.0× (points).
BASE_POINT_SIZE = 11
_TRANSLATORS = "liaison_translators"
_SIZE = re.compile(r"(?<![\w.#-])(\d+(?:\.\d+)?)(pt|px)\b")


def install_language(app: QApplication, language: str) -> bool:
    """Replace the installed translators with those of ``language``; True when all loaded.

    ``"zh_CN"``: Qt's ``qtbase_zh_CN`` and a Chinese default locale. ``"en"``: the app's
    ``liaison_en.qm`` and an English locale (dates keep the app's own ISO/Chinese formats).
    Widgets built before the call keep their texts: the settings dialog asks for a restart.
    """
    for translator in app.findChildren(QTranslator, _TRANSLATORS):
        app.removeTranslator(translator)
        translator.deleteLater()
    if language == LANGUAGE_ENGLISH:
        wanted = [("liaison_en", str(paths.resource("translations")))]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.China))
    else:
        wanted = [("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    loaded = True
    for name, folder in wanted:
        translator = QTranslator(app)  # parented: lives as long as the app
        translator.setObjectName(_TRANSLATORS)
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            loaded = False
            translator.deleteLater()
    i18n.install(QCoreApplication.translate)
    app.setProperty("liaison_language", language)
    return loaded


def scaled_stylesheet(text: str, scale: float) -> str:
    """``text`` with every ``pt``/``px`` size above 2 multiplied by ``scale`` (rounded)."""
    def scaled(match: re.Match[str]) -> str:
        value = float(match.group(1))
        if value <= 2:
            return match.group(0)
        return f"{round(value * scale)}{match.group(2)}"

    return _SIZE.sub(scaled, text)


# Latin fonts tried before the CJK font in English (the CJK font draws ’ “ ” full-width);
# Qt falls back to the next family for each character a font lacks.
LATIN_FAMILIES = ("Segoe UI", "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial")


def apply_text_scale(app: QApplication, scale: float, family: str | list[str] | None = None) -> None:
    """Set the application font to ``BASE_POINT_SIZE × scale`` points (in ``family`` — one
    family or a fallback list — when given) and reload the stylesheet scaled alike. Applies to
    open windows at once."""
    font = QFont(app.font())
    if isinstance(family, list):
        font.setFamilies(family)
    elif family:
        font = QFont(family)
    font.setPointSizeF(round(BASE_POINT_SIZE * scale * 2) / 2)
    app.setFont(font)
    app.setProperty("liaison_text_scale", scale)
    style_file = paths.resource("styles", "app.qss")
    if style_file.is_file():
        app.setStyleSheet(scaled_stylesheet(style_file.read_text(encoding="utf-8"), scale))


def text_scale(app: QApplication | None = None) -> float:
    """The scale applied to ``app`` (1.0 before :func:`apply_text_scale`)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    value = app.property("liaison_text_scale") if app is not None else None
    return float(value) if value else 1.0


def apply_preferences(app: QApplication, preferences: Preferences, family: str | None = None) -> None:
    """Language and text scale of ``preferences`` on ``app``."""
    install_language(app, preferences.language)
    if family and preferences.language == LANGUAGE_ENGLISH:
        families = [name for name in LATIN_FAMILIES if QFontDatabase.hasFamily(name)] + [family]
        apply_text_scale(app, preferences.text_scale, families)
    else:
        apply_text_scale(app, preferences.text_scale, family)
