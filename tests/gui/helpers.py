"""Helpers for GUI tests: Chinese text entry and ready-made records."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from liaison_app.core import Core
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation, LiaisonPoint


def commit_text(widget: QWidget, text: str) -> None:
    """Enter ``text`` as a Chinese input method commits it.

    ``qtbot.keyClicks`` with any non-ASCII character aborts the test process (GUIDE §5);
    a ``QInputMethodEvent`` with a commit string is what a real IME sends. An editable combo
    receives the text in its line edit.
    """
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    target.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def make_consultation(core: Core, point: LiaisonPoint, **changes: Any) -> Consultation:
    """A valid consultation received yesterday (pinned clock), settled on the spot."""
    fields: dict[str, Any] = {
        "point_id": point.id,
        "received_at": core.now() - timedelta(days=1),
        "visitor_name": "王秀英",
        "category_code": "MAR-ELD",
        "question": "儿子不履行赡养义务，想了解如何起诉",
        "advice": "可先申请村调委会调解，调解不成可向法院起诉",
        "outcome": Outcome.ANSWERED,
        "receiver_name": "马建国",
        "village": "宁安村",
    }
    fields.update(changes)
    return Consultation(**fields)


def insert_consultations(core: Core, point: LiaisonPoint, count: int) -> list[Consultation]:
    """Store ``count`` consultations one minute apart (one transaction, through the core)."""
    stored: list[Consultation] = []
    start = core.now() - timedelta(days=30)
    with core.db.atomic():
        for i in range(count):
            record = make_consultation(core, point, received_at=start + timedelta(minutes=i),
                                       visitor_name=f"张{'伟芳军'[i % 3]}", phone=f"1380000{i:04d}",
                                       question=f"第{i}号咨询：土地承包合同纠纷")
            stored.append(core.consultations.save(record)[0])
    return stored
