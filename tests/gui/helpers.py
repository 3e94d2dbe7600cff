"""Helpers for GUI tests: Chinese text entry and ready-made records."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from liaison_app.core import Core
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import Outcome
from liaison_app.domain.people import HalfDay, Person, Role, WeeklySlot
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.domain.visits import Activity, VolunteerVisit


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


def make_volunteer(core: Core, point: LiaisonPoint, name: str = "张德昇", **changes: Any) -> Person:
    """A stored retired-judge volunteer serving ``point`` (Monday morning, Thursday afternoon)."""
    fields: dict[str, Any] = {
        "name": name, "role": Role.VOLUNTEER, "phone": "13951000001", "former_court": "中宁县人民法院",
        "post": "审判员", "point_ids": frozenset({point.id}),
        "availability": frozenset({WeeklySlot(0, HalfDay.AM), WeeklySlot(3, HalfDay.PM)}), "monthly_cap": 6,
    }
    fields.update(changes)
    return core.people.save(Person(**fields))[0]


def make_session(core: Core, point: LiaisonPoint, speaker: Person, **changes: Any) -> EducationSession:
    """A stored case-study session on 2026-11-20 (pinned clock: nine days ago)."""
    fields: dict[str, Any] = {
        "point_id": point.id, "held_on": date(2026, 11, 20), "start_time": time(9, 30), "end_time": time(11, 0),
        "place": "宁安村村委会会议室", "form": SessionForm.CASE_STUDY, "topic": "婚姻家庭纠纷以案说法",
        "audience": 46, "cases": ("彩礼返还纠纷案",), "speaker_ids": (speaker.id,),
    }
    fields.update(changes)
    return core.sessions.save(EducationSession(**fields))[0]


def make_visit(core: Core, point: LiaisonPoint, volunteer: Person, **changes: Any) -> VolunteerVisit:
    """A stored visit on Monday 2026-11-23, 08:45–12:20 (3.6 hours), consultations received."""
    fields: dict[str, Any] = {
        "person_id": volunteer.id, "point_id": point.id, "visited_on": date(2026, 11, 23),
        "arrival": time(8, 45), "departure": time(12, 20), "activities": frozenset({Activity.CONSULTATION}),
    }
    fields.update(changes)
    return core.visits.save(VolunteerVisit(**fields))[0]
