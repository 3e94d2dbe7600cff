"""The consultation form's contents as a JSON-ready dict (drafts, dirty check) and back.

Qt-free on purpose: the form reads its widgets into this shape, drafts store it, and a record
is built from it. Keys are the attribute names of
:class:`liaison_app.domain.records.Consultation`, values are strings, lists or None:

``received_at`` ``"2026-11-29T09:30"`` (China wall-clock time, minutes), ``followup_due`` /
``followup_done`` ``"2026-12-06"`` or None, enum fields their code, ``special_groups`` a
sorted list of codes, everything else the text as typed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from liaison_app.domain import clock
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.records import Consultation

# Bumped when the shape changes; older drafts are then ignored rather than misread.
DRAFT_VERSION = 1

FormState = dict[str, Any]


def state_from_record(record: Consultation) -> FormState:
    """The form contents that show ``record``."""
    received = clock.from_iso(clock.to_iso(record.received_at))
    return {
        "received_at": received.strftime("%Y-%m-%dT%H:%M"),
        "point_id": record.point_id,
        "mode": record.mode.value,
        "receiver_name": record.receiver_name,
        "paper_form_no": record.paper_form_no,
        "visitor_name": record.visitor_name,
        "gender": record.gender.value,
        "age_band": record.age_band.value,
        "phone": record.phone,
        "id_status": record.id_status.value,
        "id_number": record.id_number,
        "village": record.village,
        "special_groups": sorted(g.value for g in record.special_groups),
        "category_code": record.category_code,
        "question": record.question,
        "advice": record.advice,
        "outcome": record.outcome.value,
        "referral_target": record.referral_target,
        "followup_due": record.followup_due.isoformat() if record.followup_due else None,
        "followup_done": record.followup_done.isoformat() if record.followup_done else None,
        "followup_note": record.followup_note,
    }


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def record_from_state(state: FormState, *, record_id: str, base: Consultation | None) -> Consultation:
    """Build the record to save from form contents.

    Args:
        state: what :func:`state_from_record` or the form produced.
        record_id: id of the record (new or edited).
        base: the stored record being edited (keeps its timestamps and delete mark), or None.

    Raises:
        ValueError/KeyError: the state is malformed (never for what the form produces).
    """
    outcome = Outcome(state["outcome"])
    received = datetime.fromisoformat(state["received_at"]).replace(tzinfo=clock.CHINA_TZ)
    fields: dict[str, Any] = {
        "point_id": state["point_id"] or "",
        "received_at": received,
        "mode": Mode(state["mode"]),
        "receiver_name": state["receiver_name"],
        "paper_form_no": state["paper_form_no"],
        "visitor_name": state["visitor_name"],
        "gender": Gender(state["gender"]),
        "age_band": AgeBand(state["age_band"]),
        "phone": state["phone"],
        "id_status": IdStatus(state["id_status"]),
        "id_number": state["id_number"],
        "village": state["village"],
        "special_groups": frozenset(SpecialGroup(code) for code in state["special_groups"]),
        "category_code": state["category_code"],
        "question": state["question"],
        "advice": state["advice"],
        "outcome": outcome,
        # A target typed for a referral and left behind when the outcome changed is not kept.
        "referral_target": state["referral_target"] if outcome.needs_referral_target else "",
        "followup_due": _day(state["followup_due"]),
        "followup_done": _day(state["followup_done"]),
        "followup_note": state["followup_note"],
    }
    if base is not None:
        return base.with_changes(**fields)
    return Consultation(id=record_id, **fields)


def draft_payload(state: FormState, saved_at: datetime) -> dict[str, Any]:
    """What ``core.drafts.save`` stores for a form."""
    return {"version": DRAFT_VERSION, "saved_at": clock.to_iso(saved_at), "state": state}


def state_from_draft(payload: dict[str, Any] | None) -> tuple[FormState, str] | None:
    """(state, saved-at text ``2026-11-29 09:30``) of a stored draft; None if absent or of
    another version."""
    if not payload or payload.get("version") != DRAFT_VERSION or not isinstance(payload.get("state"), dict):
        return None
    saved = payload.get("saved_at") or ""
    try:
        saved_text = clock.from_iso(saved).strftime("%Y-%m-%d %H:%M") if saved else ""
    except ValueError:
        saved_text = ""
    return payload["state"], saved_text
