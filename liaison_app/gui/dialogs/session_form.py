"""The education-session form (普法宣讲登记): entry, editing, attachments, drafts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QWidget

from liaison_app.core import Core
from liaison_app.domain.changes import Changes
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.records import new_id
from liaison_app.errors import NotFoundError, UserError
from liaison_app.gui.dialogs.record_form import RecordForm
from liaison_app.gui.dialogs.session_state import FormState, session_from_state, state_from_session
from liaison_app.gui.formatting import join_clauses, join_list, point_text
from liaison_app.gui.labels import label
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.session_form_view import VIEWS_UNSET, SessionFormView
from liaison_app.gui.widgets.combos import select_data
from liaison_app.gui.window_size import fit_to_screen
from liaison_app.i18n import translate
from liaison_app.storage.attachments import Attachment

OWNER_TABLE = "education_session"
DEFAULT_START = time(9, 0)
DEFAULT_END = time(10, 30)


def person_choice_text(name: str, role_label: str, active: bool) -> str:
    """``张德昇 · 退休法官志愿者`` (``（已停用）`` appended for deactivated people);
    ``role_label`` as shown (translated)."""
    text = f"{name} · {role_label}"
    return text if active else translate("EducationSessionForm", "{text}（已停用）").format(text=text)


class EducationSessionForm(RecordForm):
    """Create or edit one education session.

    Attachments are copied into the data folder as soon as they are added (the original may be
    on a phone or a USB stick that is gone by the time the form is saved); taking one off the
    list is applied when the form is saved. Closing without saving removes what this form added
    (a draft kept with 暂存并关闭 keeps them, under the record id stored in the draft).

    Args:
        core: the open core.
        signals: where saved changes are broadcast.
        record_id: the session to edit, None for a new one.
        default_point_id: point preselected for a new session.
    """

    FIELD_ORDER = ("held_on", "end_time", "point_id", "form", "place", "topic", "speaker_ids", "audience",
                   "views", "materials", "materials_note", "cases", "notes", "attachments")

    def __init__(self, core: Core, signals: AppSignals, record_id: str | None = None, *,
                 default_point_id: str | None = None, parent: QWidget | None = None):
        super().__init__(core, signals, draft_key=f"session:{record_id}" if record_id else "session:new",
                         parent=parent)
        self._base: EducationSession | None = core.sessions.get(record_id) if record_id else None
        self._record_id = record_id or new_id()
        self._attachments: list[Attachment] = []
        self._speaker_names: dict[str, str] = {}
        self.view: SessionFormView = SessionFormView(self)
        self._install_view(self.view)
        self._fill_choices()
        self._connect()
        if self._base is not None:
            initial = state_from_session(self._base, [a.id for a in core.attachments.of(OWNER_TABLE, self._record_id)])
        else:
            initial = self._new_state(default_point_id)
        self._start(initial)
        self.setWindowTitle(self.tr("编辑普法宣讲") if self._base else self.tr("新建普法宣讲"))
        fit_to_screen(self)  # the whole form if the screen has room, else scrolled up and down

    # -- public API --------------------------------------------------------------------------
    @property
    def record_id(self) -> str:
        """Id of the session this form saves."""
        return self._record_id

    def state(self) -> FormState:
        """The form contents (see :mod:`.session_state`)."""
        v = self.view
        views = v.views_spin.value()
        return {
            "id": self._record_id,
            "held_on": v.date_edit.date().toPython().isoformat(),
            "start_time": v.start_edit.time().toString("HH:mm"),
            "end_time": v.end_edit.time().toString("HH:mm"),
            "point_id": v.point_combo.currentData() or "",
            "place": v.place_edit.text(),
            "form": v.form_combo.currentData(),
            "topic": v.topic_edit.text(),
            "speaker_ids": v.speaker_list.checked_ids(),
            "audience": v.audience_spin.value(),
            "views": None if views == VIEWS_UNSET else views,
            "materials": v.materials_spin.value(),
            "materials_note": v.materials_note_edit.text(),
            "cases": v.cases_edit.toPlainText(),
            "notes": v.notes_edit.toPlainText(),
            "attachments": [a.id for a in self._attachments],
        }

    def apply_state(self, state: FormState) -> None:
        """Show ``state``; a new form adopts the record id of a restored draft."""
        v = self.view
        if self._base is None and state.get("id"):
            self._record_id = state["id"]
        day = date.fromisoformat(state["held_on"])
        v.date_edit.setDate(QDate(day.year, day.month, day.day))
        v.start_edit.setTime(_qtime(state["start_time"]))
        v.end_edit.setTime(_qtime(state["end_time"]))
        self._select_point(state.get("point_id") or "")
        select_data(v.form_combo, state.get("form"))
        v.place_edit.setText(state.get("place", ""))
        v.topic_edit.setText(state.get("topic", ""))
        self._ensure_speakers(state.get("speaker_ids") or [])
        v.speaker_list.set_checked(state.get("speaker_ids") or [])
        v.audience_spin.setValue(int(state.get("audience") or 0))
        views = state.get("views")
        v.views_spin.setValue(VIEWS_UNSET if views is None else int(views))
        v.materials_spin.setValue(int(state.get("materials") or 0))
        v.materials_note_edit.setText(state.get("materials_note", ""))
        v.cases_edit.setPlainText(state.get("cases", ""))
        v.notes_edit.setPlainText(state.get("notes", ""))
        live = {a.id: a for a in self._core.attachments.of(OWNER_TABLE, self._record_id)}
        self._attachments = [live[i] for i in state.get("attachments") or [] if i in live]
        self._show_attachments()
        self._update_views_enabled()
        self._update_speaker_summary()

    def add_files(self, paths: Iterable[Path | str]) -> list[Attachment]:
        """Copy files into the data folder and list them on this session (the 添加 button
        calls this with the files picked). A file that cannot be added gets a message under
        附件; the others are still added.

        Returns:
            The attachments added (an identical file already attached is not repeated).
        """
        added: list[Attachment] = []
        problems: list[str] = []
        for path in paths:
            try:
                item = self._core.attachments.add(OWNER_TABLE, self._record_id, Path(path))
            except UserError as err:
                problems.append(str(err))
                continue
            if all(a.id != item.id for a in self._attachments):
                self._attachments.append(item)
                added.append(item)
        self._show_attachments()
        self.view.rows["attachments"].set_error(join_clauses(problems) or None)
        if added:
            self._on_edited()
        return added

    def remove_attachment(self, attachment_id: str) -> None:
        """Take an attachment off the list (applied to the record when the form is saved)."""
        self._attachments = [a for a in self._attachments if a.id != attachment_id]
        self._show_attachments()
        self._on_edited()

    def attachment_path(self, item: Attachment) -> Path:
        """Where the copy of ``item`` lives."""
        return self._core.attachments.path(item)

    # -- RecordForm --------------------------------------------------------------------------
    def _store(self, state: FormState, reason: str | None) -> tuple[EducationSession, Changes]:
        session = session_from_state(state, base=self._base)
        stored, changes = self._core.sessions.save(session, reason=reason)
        kept = set(state["attachments"])
        for item in self._core.attachments.of(OWNER_TABLE, stored.id):
            if item.id not in kept:
                changes |= self._core.attachments.remove(item)
        if kept:
            changes |= Changes(frozenset({"attachment"}), frozenset(kept))
        self._base = stored
        return stored, changes

    def _on_closed_unsaved(self) -> None:
        keep = set(self._baseline.get("attachments") or [])
        for item in self._core.attachments.of(OWNER_TABLE, self._record_id):
            if item.id not in keep:
                self._core.attachments.remove(item)

    def _on_draft_dropped(self, state: FormState) -> None:
        draft_id = state.get("id")
        if not draft_id or draft_id == self._record_id:
            return
        try:
            self._core.sessions.get(draft_id)
        except NotFoundError:  # the draft was of a session never saved: its files go too
            for item in self._core.attachments.of(OWNER_TABLE, draft_id):
                self._core.attachments.remove(item)

    # -- set-up ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        for point in self._core.points.all():
            self.view.point_combo.addItem(point_text(point.name, point.code), point.id)
        people = self._core.people.all(active_only=True)
        self._speaker_names.update((p.id, p.name) for p in people)
        self.view.speaker_list.set_choices(
            (p.id, person_choice_text(p.name, label(p.role), p.active)) for p in people)

    def _ensure_speakers(self, ids: Sequence[str]) -> None:
        """List deactivated speakers of the record too (their names must still show)."""
        listed = set(self.view.speaker_list.ids())
        missing = [i for i in ids if i not in listed]
        if not missing:
            return
        checked = self.view.speaker_list.checked_ids()
        choices = self.view.speaker_list.choices()
        for person_id in missing:
            try:
                person = self._core.people.get(person_id)
            except NotFoundError:
                continue
            self._speaker_names[person.id] = person.name
            choices.append((person.id, person_choice_text(person.name, label(person.role), person.active)))
        self.view.speaker_list.set_choices(choices, checked)

    def _new_state(self, default_point_id: str | None) -> FormState:
        points = self._core.points.all()
        point = next((p for p in points if p.id == default_point_id), points[0] if points else None)
        blank = EducationSession(point_id=point.id if point else "", held_on=self._core.now().date(),
                                 start_time=DEFAULT_START, end_time=DEFAULT_END, place="",
                                 form=SessionForm.LECTURE, topic="", audience=0, id=self._record_id)
        return state_from_session(blank, [])

    def _connect(self) -> None:
        v = self.view
        self._watch(v.date_edit.dateChanged, v.start_edit.timeChanged, v.end_edit.timeChanged,
                    v.point_combo.currentIndexChanged, v.form_combo.currentIndexChanged, v.place_edit.textChanged,
                    v.topic_edit.textChanged, v.speaker_list.sig_changed, v.audience_spin.valueChanged,
                    v.views_spin.valueChanged, v.materials_spin.valueChanged, v.materials_note_edit.textChanged,
                    v.cases_edit.textChanged, v.notes_edit.textChanged)
        v.form_combo.currentIndexChanged.connect(self._update_views_enabled)
        v.speaker_list.sig_changed.connect(self._update_speaker_summary)
        for field, signals in (
            ("held_on", (v.date_edit.dateChanged,)),
            ("end_time", (v.start_edit.timeChanged, v.end_edit.timeChanged)),
            ("point_id", (v.point_combo.currentIndexChanged,)), ("place", (v.place_edit.textChanged,)),
            ("topic", (v.topic_edit.textChanged,)), ("speaker_ids", (v.speaker_list.sig_changed,)),
            ("audience", (v.audience_spin.valueChanged, v.form_combo.currentIndexChanged)),
            ("views", (v.views_spin.valueChanged, v.form_combo.currentIndexChanged)),
            ("materials", (v.materials_spin.valueChanged,)),
        ):
            self._clear_error_on(field, *signals)
        v.attachments.sig_add_requested.connect(self.add_files)
        v.attachments.sig_remove_requested.connect(self.remove_attachment)

    # -- helpers -----------------------------------------------------------------------------
    def _update_views_enabled(self, *_args: object) -> None:
        online = self.view.form_combo.currentData() == SessionForm.ONLINE.value
        self.view.views_spin.setEnabled(online)
        self.view.views_hint.setVisible(not online)

    def _update_speaker_summary(self) -> None:
        """Who is chosen, in order, under the list (the list may hide them below its fold)."""
        chosen = [self._speaker_names.get(i, "?") for i in self.view.speaker_list.checked_ids()]
        if chosen:
            text = self.tr("已选（按顺序，第一位为主讲人）：{names}").format(names=join_list(chosen))
        else:
            text = self.tr("可选多位；按勾选的先后排列，第一位为主讲人。")
        self.view.speaker_summary.setText(text)

    def _show_attachments(self) -> None:
        self.view.attachments.set_items([(a, self._core.attachments.path(a)) for a in self._attachments])

    def _select_point(self, point_id: str) -> None:
        combo = self.view.point_combo
        index = combo.findData(point_id) if point_id else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))


def _qtime(text: str) -> QTime:
    value = time.fromisoformat(text)
    return QTime(value.hour, value.minute)
