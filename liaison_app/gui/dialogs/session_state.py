"""The session form's contents as a JSON-ready dict (drafts, dirty check) and back. Qt-free.

Keys: ``id`` (the record's id — a new session keeps its id in a draft, so attachments added
before 暂存 stay with it), ``held_on`` ``"2026-11-20"``, ``start_time``/``end_time``
``"09:30"``, ``point_id``, ``place``, ``form`` (code), ``topic``, ``speaker_ids`` (in order),
``audience`` (int), ``views`` (int or None), ``materials`` (int), ``materials_note``,
``cases`` (the text as typed, one case per line), ``notes``, ``attachments`` (ids shown, in order).
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from liaison_app.domain.education import EducationSession, SessionForm

FormState = dict[str, Any]


def state_from_session(session: EducationSession, attachment_ids: list[str]) -> FormState:
    """The form contents that show ``session`` with these attachments."""
    return {
        "id": session.id,
        "held_on": session.held_on.isoformat(),
        "start_time": session.start_time.strftime("%H:%M"),
        "end_time": session.end_time.strftime("%H:%M"),
        "point_id": session.point_id,
        "place": session.place,
        "form": session.form.value,
        "topic": session.topic,
        "speaker_ids": list(session.speaker_ids),
        "audience": session.audience,
        "views": session.views,
        "materials": session.materials,
        "materials_note": session.materials_note,
        "cases": "\n".join(session.cases),
        "notes": session.notes,
        "attachments": list(attachment_ids),
    }


def session_from_state(state: FormState, *, base: EducationSession | None) -> EducationSession:
    """Build the session to save. ``views`` is kept only for 线上直播 (the field is disabled
    otherwise); ``cases`` splits into one title per non-blank line.

    Raises:
        ValueError/KeyError: the state is malformed (never for what the form produces).
    """
    form = SessionForm(state["form"])
    fields: dict[str, Any] = {
        "point_id": state["point_id"] or "",
        "held_on": date.fromisoformat(state["held_on"]),
        "start_time": time.fromisoformat(state["start_time"]),
        "end_time": time.fromisoformat(state["end_time"]),
        "place": state["place"],
        "form": form,
        "topic": state["topic"],
        "speaker_ids": tuple(state["speaker_ids"]),
        "audience": int(state["audience"]),
        "views": state["views"] if form is SessionForm.ONLINE else None,
        "materials": int(state["materials"]),
        "materials_note": state["materials_note"],
        "cases": tuple(line for line in state["cases"].splitlines() if line.strip()),
        "notes": state["notes"],
    }
    if base is not None:
        return base.with_changes(**fields)
    return EducationSession(id=state["id"], **fields)
