"""The volunteer-visit form (志愿服务记录): who, where, when, live service time, links, drafts."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QWidget

from liaison_app.core import Core
from liaison_app.domain.changes import Changes
from liaison_app.domain.identity import mask_name
from liaison_app.domain.people import Person
from liaison_app.domain.records import new_id
from liaison_app.domain.visits import Activity, VolunteerVisit, hours_of, service_minutes
from liaison_app.errors import NotFoundError
from liaison_app.gui.dialogs.record_form import RecordForm
from liaison_app.gui.dialogs.visit_state import FormState, state_from_visit, visit_from_state
from liaison_app.gui.formatting import format_received, point_text
from liaison_app.gui.labels import category_text, label
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.visit_form_view import VisitFormView
from liaison_app.gui.widgets.combos import select_data
from liaison_app.gui.window_size import fit_to_screen

DEFAULT_ARRIVAL = time(9, 0)
DEFAULT_DEPARTURE = time(12, 0)


class VisitForm(RecordForm):
    """Create or edit one volunteer visit.

    The service time (one decimal, as the certificate counts it) follows the arrival and
    departure times as they are typed; a departure not after the arrival is flagged under the
    times at once. The consultations and sessions of the chosen day and point are listed to
    be linked; linking one ticks the matching activity.

    Args:
        core: the open core.
        signals: where saved changes are broadcast.
        record_id: the visit to edit, None for a new one.
        default_point_id: point preselected for a new visit.
        default_person_id: volunteer preselected for a new visit.
    """

    FIELD_ORDER = ("person_id", "point_id", "visited_on", "departure", "activities", "consultation_ids",
                   "session_ids", "notes")

    def __init__(self, core: Core, signals: AppSignals, record_id: str | None = None, *,
                 default_point_id: str | None = None, default_person_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(core, signals, draft_key=f"visit:{record_id}" if record_id else "visit:new", parent=parent)
        self._base: VolunteerVisit | None = core.visits.get(record_id) if record_id else None
        self._record_id = record_id or new_id()
        self.view: VisitFormView = VisitFormView(self)
        self._install_view(self.view)
        self._volunteers: dict[str, Person] = {}
        self._fill_choices()
        self._connect()
        if self._base is not None:
            initial = state_from_visit(self._base)
        else:
            initial = self._new_state(default_point_id, default_person_id)
        self._start(initial)
        self.setWindowTitle(self.tr("编辑志愿服务记录") if self._base else self.tr("新建志愿服务记录"))
        fit_to_screen(self)  # the whole form if the screen has room, else scrolled up and down

    # -- public API --------------------------------------------------------------------------
    @property
    def record_id(self) -> str:
        """Id of the visit this form saves."""
        return self._record_id

    def state(self) -> FormState:
        """The form contents (see :mod:`.visit_state`)."""
        v = self.view
        return {
            "person_id": v.person_combo.currentData() or "",
            "point_id": v.point_combo.currentData() or "",
            "visited_on": v.date_edit.date().toPython().isoformat(),
            "arrival": v.arrival_edit.time().toString("HH:mm"),
            "departure": v.departure_edit.time().toString("HH:mm"),
            "activities": sorted(a.value for a, box in v.activity_boxes.items() if box.isChecked()),
            "consultation_ids": sorted(v.consultation_list.checked_ids()),
            "session_ids": sorted(v.session_list.checked_ids()),
            "notes": v.notes_edit.toPlainText(),
        }

    def apply_state(self, state: FormState) -> None:
        """Show ``state`` (links not found on that day and point are dropped)."""
        v = self.view
        self._ensure_volunteer(state.get("person_id") or "")
        select_data(v.person_combo, state.get("person_id"))
        _select_or_first(v.point_combo, state.get("point_id"))
        day = date.fromisoformat(state["visited_on"])
        v.date_edit.setDate(QDate(day.year, day.month, day.day))
        v.arrival_edit.setTime(_qtime(state["arrival"]))
        v.departure_edit.setTime(_qtime(state["departure"]))
        chosen = set(state.get("activities") or [])
        for activity, box in v.activity_boxes.items():
            box.setChecked(activity.value in chosen)
        self._refresh_links(state.get("consultation_ids") or [], state.get("session_ids") or [])
        v.notes_edit.setPlainText(state.get("notes", ""))
        self._update_hours()

    def hours_text(self) -> str:
        """What the live service-time label shows."""
        return self.view.hours_label.text()

    # -- RecordForm --------------------------------------------------------------------------
    def _store(self, state: FormState, reason: str | None) -> tuple[VolunteerVisit, Changes]:
        visit = visit_from_state(state, record_id=self._record_id, base=self._base)
        stored, changes = self._core.visits.save(visit, reason=reason)
        self._base = stored
        return stored, changes

    # -- set-up ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        for point in self._core.points.all():
            self.view.point_combo.addItem(point_text(point.name, point.code), point.id)
        for person in self._core.people.volunteers():
            self._add_volunteer(person)

    def _add_volunteer(self, person: Person) -> None:
        self._volunteers[person.id] = person
        text = person.name if person.active else self.tr("{name}（已停用）").format(name=person.name)
        self.view.person_combo.addItem(text, person.id)

    def _ensure_volunteer(self, person_id: str) -> None:
        """A deactivated volunteer of an edited visit is listed too."""
        if not person_id or person_id in self._volunteers:
            return
        try:
            self._add_volunteer(self._core.people.get(person_id))
        except NotFoundError:
            pass

    def _new_state(self, default_point_id: str | None, default_person_id: str | None) -> FormState:
        volunteers = list(self._volunteers.values())
        person = self._volunteers.get(default_person_id or "") or (volunteers[0] if volunteers else None)
        points = self._core.points.all()
        served = [p for p in points if person and p.id in person.point_ids]
        point = (next((p for p in points if p.id == default_point_id), None)
                 or (served[0] if served else (points[0] if points else None)))
        blank = VolunteerVisit(person_id=person.id if person else "", point_id=point.id if point else "",
                               visited_on=self._core.now().date(), arrival=DEFAULT_ARRIVAL,
                               departure=DEFAULT_DEPARTURE, id=self._record_id)
        return state_from_visit(blank)

    def _connect(self) -> None:
        v = self.view
        self._watch(v.person_combo.currentIndexChanged, v.point_combo.currentIndexChanged, v.date_edit.dateChanged,
                    v.arrival_edit.timeChanged, v.departure_edit.timeChanged, v.consultation_list.sig_changed,
                    v.session_list.sig_changed, v.notes_edit.textChanged,
                    *(box.toggled for box in v.activity_boxes.values()))
        v.arrival_edit.timeChanged.connect(self._update_hours)
        v.departure_edit.timeChanged.connect(self._update_hours)
        v.date_edit.dateChanged.connect(self._on_day_or_point_changed)
        v.point_combo.currentIndexChanged.connect(self._on_day_or_point_changed)
        v.person_combo.currentIndexChanged.connect(self._on_person_changed)
        v.consultation_list.sig_changed.connect(
            lambda: self._tick_if(v.consultation_list.checked_ids(), Activity.CONSULTATION))
        v.session_list.sig_changed.connect(lambda: self._tick_if(v.session_list.checked_ids(), Activity.EDUCATION))
        for field, signals in (
            ("person_id", (v.person_combo.currentIndexChanged,)),
            ("point_id", (v.point_combo.currentIndexChanged,)),
            ("visited_on", (v.date_edit.dateChanged,)),
            ("activities", tuple(box.toggled for box in v.activity_boxes.values())),
        ):
            self._clear_error_on(field, *signals)

    # -- reactions ---------------------------------------------------------------------------
    def _update_hours(self, *_args: object) -> None:
        v = self.view
        arrival, departure = v.arrival_edit.time().toPython(), v.departure_edit.time().toPython()
        try:
            minutes = service_minutes(arrival, departure)
        except ValueError as err:
            v.hours_label.setText(self.tr("服务时长：—"))
            v.rows["departure"].set_error(str(err))
            return
        v.hours_label.setText(self.tr("服务时长：{hours} 小时").format(hours=f"{hours_of(minutes):.1f}"))
        v.rows["departure"].set_error(None)

    def _on_day_or_point_changed(self, *_args: object) -> None:
        if not self._applying:
            v = self.view
            self._refresh_links(v.consultation_list.checked_ids(), v.session_list.checked_ids())

    def _on_person_changed(self, *_args: object) -> None:
        """A new visit follows the volunteer to a point they serve."""
        if self._applying or self._base is not None:
            return
        person = self._volunteers.get(self.view.person_combo.currentData() or "")
        current = self.view.point_combo.currentData()
        if person and person.point_ids and current not in person.point_ids:
            for row in range(self.view.point_combo.count()):
                if self.view.point_combo.itemData(row) in person.point_ids:
                    self.view.point_combo.setCurrentIndex(row)
                    break

    def _refresh_links(self, consultation_ids: list[str], session_ids: list[str]) -> None:
        v = self.view
        point_id = v.point_combo.currentData() or ""
        day = v.date_edit.date().toPython()
        consultations = self._core.visits.consultations_on_day(point_id, day) if point_id else []
        sessions = self._core.sessions.on_day(point_id, day) if point_id else []
        v.consultation_list.set_choices(
            ((c.id, "  ·  ".join(filter(None, [format_received(c.received_at)[11:], mask_name(c.visitor_name),
                                                 category_text(self._core.consultations.category(c.category_code), c.category_code),
                                                 label(c.outcome)])))
             for c in consultations), consultation_ids)
        v.session_list.set_choices(
            ((s.id, f"{s.start_time:%H:%M}–{s.end_time:%H:%M}  ·  {label(s.form)}  ·  {s.topic}") for s in sessions),
            session_ids)
        v.consultation_list.setVisible(bool(consultations))
        v.no_consultations.setVisible(not consultations)
        v.session_list.setVisible(bool(sessions))
        v.no_sessions.setVisible(not sessions)

    def _tick_if(self, linked: list[str], activity: Activity) -> None:
        if linked and not self._applying:
            self.view.activity_boxes[activity].setChecked(True)


def _select_or_first(combo, value: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value) if value else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))


def _qtime(text: str) -> QTime:
    value = time.fromisoformat(text)
    return QTime(value.hour, value.minute)
