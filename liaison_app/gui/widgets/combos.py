"""Small helpers for combo boxes whose items carry ids as item data."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], *, first: tuple[str, object] | None = None,
                 keep: bool = True) -> bool:
    """Replace the items by ``(text, data)`` pairs (``first`` on top, e.g. ``("全部", None)``)
    without emitting signals, keeping the selected data when it is still offered.

    Returns:
        True when the selected data changed (the caller may then announce it).
    """
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        if first is not None:
            combo.addItem(first[0], first[1])
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if keep else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))
    finally:
        combo.blockSignals(False)
    return combo.currentData() != current


def select_data(combo: QComboBox, value: object) -> bool:
    """Select the item whose data is ``value``; False (selection unchanged) when absent."""
    index = combo.findData(value)
    if index < 0:
        return False
    combo.setCurrentIndex(index)
    return True
