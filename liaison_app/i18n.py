"""Translation hooks usable from Qt-free code; the GUI installs Qt's translator at start-up."""

from __future__ import annotations

from collections.abc import Callable

_Translate = Callable[[str, str, "str | None", int], str]
_impl: _Translate | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name scanned by lupdate)
    """Mark ``text`` for extraction; translate it later with ``translate(context, text)``."""
    return text


def install(func: _Translate | None) -> None:
    """Route :func:`translate` to ``func`` (``QCoreApplication.translate``); None resets."""
    global _impl
    _impl = func


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Return ``text`` translated in ``context``; the source text until :func:`install` is called."""
    if _impl is None:
        return text.replace("%n", str(n)) if n >= 0 else text
    return _impl(context, text, disambiguation, n)
