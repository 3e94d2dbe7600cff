"""The person form's contents as a JSON-ready dict (drafts, dirty check) and back. Qt-free.

Keys: ``name``, ``role`` (code), ``phone``, ``former_court``, ``post``, ``point_ids`` (sorted),
``availability`` (sorted slot codes such as ``mon_am``), ``monthly_cap`` (int, or None for
不限), ``note``. Whether the person is active is not edited here (停用/启用 on the list).
"""

from __future__ import annotations

from typing import Any

from liaison_app.domain.people import Person, Role, WeeklySlot

FormState = dict[str, Any]


def state_from_person(person: Person) -> FormState:
    """The form contents that show ``person``."""
    return {
        "name": person.name,
        "role": person.role.value,
        "phone": person.phone,
        "former_court": person.former_court,
        "post": person.post,
        "point_ids": sorted(person.point_ids),
        "availability": [slot.code for slot in sorted(person.availability)],
        "monthly_cap": person.monthly_cap,
        "note": person.note,
    }


def person_from_state(state: FormState, *, record_id: str, base: Person | None) -> Person:
    """Build the person to save. A judge keeps no availability and no monthly cap (those
    widgets are hidden for judges).

    Raises:
        ValueError/KeyError: the state is malformed (never for what the form produces).
    """
    role = Role(state["role"])
    volunteer = role is Role.VOLUNTEER
    fields: dict[str, Any] = {
        "name": state["name"],
        "role": role,
        "phone": state["phone"],
        "former_court": state["former_court"],
        "post": state["post"],
        "point_ids": frozenset(state["point_ids"]),
        "availability": frozenset(WeeklySlot.parse(c) for c in state["availability"]) if volunteer else frozenset(),
        "monthly_cap": state["monthly_cap"] if volunteer else None,
        "note": state["note"],
    }
    if base is not None:
        return base.with_changes(**fields)
    return Person(id=record_id, **fields)
