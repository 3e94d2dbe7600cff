"""Shown words of coded values in the chosen language.

The Qt-free core keeps the court's Chinese labels on its enums (``Mode.PHONE.label == "电话"``)
and ledger fields; the GUI shows them through :func:`label` so the English translation applies.
Every such label is listed for the translators in ``gui/label_catalog.py``, which
``build_spec/translations.py`` generates from the core (a test keeps it in sync).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from liaison_app.domain.records import Category
from liaison_app.i18n import translate

#: Translation context of the core's labels.
LABEL_CONTEXT = "labels"


class _Labeled(Protocol):
    label: str


def label(item: _Labeled) -> str:
    """``item.label`` (a LabeledEnum member, a ledger FieldSpec…) translated in ``labels``."""
    return translate("labels", item.label)


def is_english() -> bool:
    """True when the English translation is in use (gui/appearance.py install_language)."""
    app = QCoreApplication.instance()
    return bool(app is not None and app.property("liaison_language") == "en")


def category_text(category: Category | None, code: str = "") -> str:
    """A dispute category's name in the chosen language: the dictionary's own English name
    (name_en, 民事案件案由规定 as translated in db/seed) or the Chinese name; ``code`` if unknown."""
    if category is None:
        return code
    return category.name_en if is_english() and category.name_en else category.name_zh


def label_text(text: str) -> str:
    """A core label given as text (e.g. a stored label) translated in ``labels``."""
    return translate("labels", text)
