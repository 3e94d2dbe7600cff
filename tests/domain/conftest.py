"""Fixtures of the core-message translation tests: a fake translator, or none."""

from __future__ import annotations

import pytest

from liaison_app import i18n


@pytest.fixture
def english():
    """A fake translator ("EN:" + source) in place of Qt's; the calls it saw as (context, text)."""
    seen: list[tuple[str, str]] = []

    def fake(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        seen.append((context, text))
        return "EN:" + text

    previous = i18n._impl  # a GUI test may have installed Qt's translate: put it back afterwards
    i18n.install(fake)
    try:
        yield seen
    finally:
        i18n.install(previous)


@pytest.fixture
def chinese():
    """No translator: the source (Chinese) text."""
    previous = i18n._impl
    i18n.install(None)
    try:
        yield
    finally:
        i18n.install(previous)
