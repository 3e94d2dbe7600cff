"""Asking why a record of a month already exported to the court (已报送) is changed."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from liaison_app.i18n import translate


def ask_reason(parent: QWidget, message: str) -> str | None:
    """Show the core's message and ask for the reason (kept in the record's history).

    Returns:
        The reason typed (stripped), or None when cancelled or left blank.
    """
    text, accepted = QInputDialog.getMultiLineText(
        parent, translate("ReasonPrompt", "需要填写修改原因"),
        translate("ReasonPrompt", "{message}\n\n原因：").format(message=message))
    text = text.strip()
    return text if accepted and text else None
