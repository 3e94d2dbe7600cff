"""The person form (人员): a judge or a volunteer, the points they serve, a volunteer's
availability and monthly cap."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from liaison_app.core import Core
from liaison_app.domain.changes import Changes
from liaison_app.domain.people import Person, Role, WeeklySlot
from liaison_app.domain.records import new_id
from liaison_app.gui.dialogs.person_state import FormState, person_from_state, state_from_person
from liaison_app.gui.dialogs.record_form import RecordForm
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.person_form_view import CAP_UNLIMITED, PersonFormView
from liaison_app.gui.widgets.combos import select_data
from liaison_app.gui.window_size import fit_to_screen


class PersonForm(RecordForm):
    """Create or edit one person. The 志愿者值班 group shows only for volunteers.

    Args:
        core: the open core.
        signals: where saved changes are broadcast.
        record_id: the person to edit, None for a new one.
        default_role: role of a new person.
    """

    FIELD_ORDER = ("name", "role", "phone", "former_court", "post", "point_ids", "availability", "monthly_cap",
                   "note")

    def __init__(self, core: Core, signals: AppSignals, record_id: str | None = None, *,
                 default_role: Role = Role.VOLUNTEER, parent: QWidget | None = None):
        super().__init__(core, signals, draft_key=f"person:{record_id}" if record_id else "person:new", parent=parent)
        self._base: Person | None = core.people.get(record_id) if record_id else None
        self._record_id = record_id or new_id()
        self.view: PersonFormView = PersonFormView(self)
        self._install_view(self.view)
        self.view.point_list.set_choices((p.id, self.tr("{name}（{court}）").format(name=p.name, court=p.court))
                                         for p in core.points.all())
        self._connect()
        if self._base is not None:
            initial = state_from_person(self._base)
        else:
            points = core.points.all()
            blank = Person(name="", role=default_role, id=self._record_id,
                           point_ids=frozenset({points[0].id}) if len(points) == 1 else frozenset())
            initial = state_from_person(blank)
        self._start(initial)
        self.setWindowTitle(self.tr("编辑人员") if self._base else self.tr("新建人员"))
        fit_to_screen(self)  # the whole form if the screen has room, else scrolled up and down

    @property
    def record_id(self) -> str:
        """Id of the person this form saves."""
        return self._record_id

    def state(self) -> FormState:
        """The form contents (see :mod:`.person_state`)."""
        v = self.view
        cap = v.cap_spin.value()
        return {
            "name": v.name_edit.text(),
            "role": v.role_combo.currentData(),
            "phone": v.phone_edit.text(),
            "former_court": v.former_court_edit.text(),
            "post": v.post_edit.text(),
            "point_ids": sorted(v.point_list.checked_ids()),
            "availability": [slot.code for slot in sorted(v.availability_grid.slots())],
            "monthly_cap": None if cap == CAP_UNLIMITED else cap,
            "note": v.note_edit.toPlainText(),
        }

    def apply_state(self, state: FormState) -> None:
        """Show ``state``."""
        v = self.view
        v.name_edit.setText(state.get("name", ""))
        select_data(v.role_combo, state.get("role"))
        v.phone_edit.setText(state.get("phone", ""))
        v.former_court_edit.setText(state.get("former_court", ""))
        v.post_edit.setText(state.get("post", ""))
        v.point_list.set_checked(state.get("point_ids") or [])
        v.availability_grid.set_slots(WeeklySlot.parse(c) for c in state.get("availability") or [])
        cap = state.get("monthly_cap")
        v.cap_spin.setValue(CAP_UNLIMITED if cap is None else int(cap))
        v.note_edit.setPlainText(state.get("note", ""))
        self._update_role()

    def _store(self, state: FormState, reason: str | None) -> tuple[Person, Changes]:
        person = person_from_state(state, record_id=self._record_id, base=self._base)
        stored, changes = self._core.people.save(person)
        self._base = stored
        return stored, changes

    def _connect(self) -> None:
        v = self.view
        self._watch(v.name_edit.textChanged, v.role_combo.currentIndexChanged, v.phone_edit.textChanged,
                    v.former_court_edit.textChanged, v.post_edit.textChanged, v.point_list.sig_changed,
                    v.availability_grid.sig_changed, v.cap_spin.valueChanged, v.note_edit.textChanged)
        v.role_combo.currentIndexChanged.connect(self._update_role)
        for field, signal in (("name", v.name_edit.textChanged), ("phone", v.phone_edit.textChanged),
                              ("monthly_cap", v.cap_spin.valueChanged)):
            self._clear_error_on(field, signal)

    def _update_role(self, *_args: object) -> None:
        volunteer = self.view.role_combo.currentData() == Role.VOLUNTEER.value
        self.view.volunteer_group.setVisible(volunteer)
        self.view.labels["former_court"].setText(self.tr("原单位") if volunteer else self.tr("单位"))
