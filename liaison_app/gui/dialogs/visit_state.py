"""The visit form's contents as a JSON-ready dict (drafts, dirty check) and back. Qt-free.

Keys: ``person_id``, ``point_id``, ``visited_on`` ``"2026-11-23"``, ``arrival``/``departure``
``"08:45"``, ``activities`` (sorted codes), ``consultation_ids``/``session_ids`` (sorted),
``notes``.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from liaison_app.domain.visits import Activity, VolunteerVisit

FormState = dict[str, Any]


def state_from_visit(visit: VolunteerVisit) -> FormState:
    """The form contents that show ``visit``."""
    return {
        "person_id": visit.person_id,
        "point_id": visit.point_id,
        "visited_on": visit.visited_on.isoformat(),
        "arrival": visit.arrival.strftime("%H:%M"),
        "departure": visit.departure.strftime("%H:%M"),
        "activities": sorted(a.value for a in visit.activities),
        "consultation_ids": sorted(visit.consultation_ids),
        "session_ids": sorted(visit.session_ids),
        "notes": visit.notes,
    }


def visit_from_state(state: FormState, *, record_id: str, base: VolunteerVisit | None) -> VolunteerVisit:
    """Build the visit to save (the shift link of an edited visit is kept).

    Raises:
        ValueError/KeyError: the state is malformed (never for what the form produces).
    """
    fields: dict[str, Any] = {
        "person_id": state["person_id"] or "",
        "point_id": state["point_id"] or "",
        "visited_on": date.fromisoformat(state["visited_on"]),
        "arrival": time.fromisoformat(state["arrival"]),
        "departure": time.fromisoformat(state["departure"]),
        "activities": frozenset(Activity(code) for code in state["activities"]),
        "consultation_ids": frozenset(state["consultation_ids"]),
        "session_ids": frozenset(state["session_ids"]),
        "notes": state["notes"],
    }
    if base is not None:
        return base.with_changes(**fields)
    return VolunteerVisit(id=record_id, **fields)
