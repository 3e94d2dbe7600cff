"""The consultation form (接待登记): entry, editing, validation next to fields, drafts, and
earlier visits of the same person."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCompleter, QDialog, QMessageBox, QVBoxLayout, QWidget

from liaison_app.core import Core
from liaison_app.core.access import Permission
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Outcome
from liaison_app.domain.accounts import AccountRole
from liaison_app.domain.identity import check_id_number, id_info, mask_id_number, mask_phone, normalise_id_number
from liaison_app.domain.records import Consultation, new_id
from liaison_app.errors import UserError, ValidationError
from liaison_app.gui.dialogs.consultation_state import (
    FormState,
    draft_payload,
    record_from_state,
    state_from_draft,
    state_from_record,
)
from liaison_app.gui.dialogs.audit_dialog import AuditDialog
from liaison_app.gui.dialogs.pdf_dialogs import RegistrationPrintDialog
from liaison_app.gui.formatting import join_clauses, point_text
from liaison_app.gui.labels import category_text, label
from liaison_app.gui.menus import install_comfort_shortcuts
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.consultation_form_view import ConsultationFormView
from liaison_app.gui.window_size import fit_to_screen

# Field order for "focus the first bad field" (top to bottom as laid out).
FIELD_ORDER = (
    "received_at", "point_id", "mode", "receiver_name", "paper_form_no", "visitor_name", "phone",
    "gender", "age_band", "id_status", "id_number", "village", "special_groups", "category_code",
    "question", "advice", "outcome", "referral_target", "followup_due", "followup_done", "followup_note",
)


class CloseChoice(Enum):
    """Answer to "save the changes?" when a dirty form is closed."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ConsultationForm(QDialog):
    """Create, edit or view one consultation.

    Saving goes through ``core.consultations.save``; a :class:`ValidationError` puts each
    message under its field and focuses the first bad one, and the form stays as typed.
    While typing, the contents are saved as a draft every ``AUTOSAVE_MS`` (key
    ``consultation:new`` or ``consultation:<id>``); an existing draft is offered in a banner.

    Args:
        core: the open core.
        signals: where saved changes are broadcast.
        record_id: the consultation to edit/view, None for a new one.
        read_only: show without editing (used for earlier visits).
        default_point_id: liaison point preselected for a new record.

    Signals:
        sig_saved(Consultation): the record as stored, after a successful save.
    """

    sig_saved = Signal(object)

    AUTOSAVE_MS = 3000
    SIMILAR_DELAY_MS = 300

    def __init__(self, core: Core, signals: AppSignals, record_id: str | None = None, *,
                 read_only: bool = False, default_point_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self._service = core.consultations
        self._base: Consultation | None = self._service.get(record_id) if record_id else None
        self._record_id = record_id or new_id()
        self.draft_key = f"consultation:{record_id}" if record_id else "consultation:new"
        self._read_only = read_only
        self._applying = False
        self._due_auto = False
        self._close_allowed = False
        self._pending_draft: FormState | None = None
        self._viewers: list[ConsultationForm] = []
        # Stored phone / ID number shown masked until 显示完整号码 (field → full value).
        self._hidden: dict[str, str] = {}

        self.view = ConsultationFormView(core.categories.all(), self._service.selectable_category_codes(),
                                         lambda code: category_text(self._service.category(code), code), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._village_model = QStringListModel(self)
        completer = QCompleter(self._village_model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view.village_edit.setCompleter(completer)
        self._fill_choices()

        self._autosave_timer = QTimer(self, singleShot=True, interval=self.AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.save_draft)
        self._similar_timer = QTimer(self, singleShot=True, interval=self.SIMILAR_DELAY_MS)
        self._similar_timer.timeout.connect(self.refresh_similar)

        self.apply_state(state_from_record(self._base) if self._base else self._new_state(default_point_id))
        self._mask_personal()
        self._baseline = self.state()
        self._connect_signals()
        self._set_tab_order()
        self._set_title()
        self._update_print_button()
        if read_only:
            self._make_read_only()
        else:
            self._offer_draft()
        self.refresh_similar()
        fit_to_screen(self)  # the whole form if the screen has room, else scrolled up and down

    # -- public API --------------------------------------------------------------------------
    @property
    def record_id(self) -> str:
        """Id of the record this form saves (a fresh UUID for a new one)."""
        return self._record_id

    def state(self) -> FormState:
        """The form contents (see :mod:`.consultation_state`)."""
        v = self.view
        moment = v.received_edit.dateTime()
        day, time = moment.date(), moment.time()
        id_status = self._id_status()
        due, done = v.due_edit.value(), v.done_edit.value()
        return {
            "received_at": f"{day.year():04d}-{day.month():02d}-{day.day():02d}T{time.hour():02d}:{time.minute():02d}",
            "point_id": v.point_combo.currentData() or "",
            "mode": v.mode_combo.currentData(),
            "receiver_name": v.receiver_combo.currentText(),
            "paper_form_no": v.paper_form_edit.text(),
            "visitor_name": v.visitor_edit.text(),
            "gender": v.gender_combo.currentData(),
            "age_band": v.age_combo.currentData(),
            "phone": self._phone_text(),
            "id_status": id_status.value,
            # A number typed and then "拒绝提供" chosen is not kept anywhere (minimum necessary).
            "id_number": self._id_text() if id_status is IdStatus.GIVEN else "",
            "village": v.village_edit.text(),
            "special_groups": sorted(g.value for g, box in v.group_boxes.items() if box.isChecked()),
            "category_code": v.category_picker.code(),
            "question": v.question_edit.toPlainText(),
            "advice": v.advice_edit.toPlainText(),
            "outcome": v.outcome_combo.currentData(),
            "referral_target": v.referral_edit.text(),
            "followup_due": due.isoformat() if due else None,
            "followup_done": done.isoformat() if done else None,
            "followup_note": v.note_edit.toPlainText(),
        }

    def apply_state(self, state: FormState) -> None:
        """Show ``state`` in the widgets (unknown codes fall back to the first choice)."""
        v = self.view
        self._applying = True
        try:
            moment = datetime.fromisoformat(state["received_at"])
            v.received_edit.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day),
                                                  QTime(moment.hour, moment.minute)))
            self._select_point(state.get("point_id") or "")
            _select_data(v.mode_combo, state.get("mode"))
            v.receiver_combo.setCurrentText(state.get("receiver_name", ""))
            v.paper_form_edit.setText(state.get("paper_form_no", ""))
            v.visitor_edit.setText(state.get("visitor_name", ""))
            _select_data(v.gender_combo, state.get("gender"))
            _select_data(v.age_combo, state.get("age_band"))
            v.phone_edit.setText(state.get("phone", ""))
            status = _enum_or(IdStatus, state.get("id_status"), IdStatus.NOT_ASKED)
            v.id_status_buttons[status].setChecked(True)
            v.id_number_edit.setText(state.get("id_number", ""))
            v.village_edit.setText(state.get("village", ""))
            groups = set(state.get("special_groups") or [])
            for special, box in v.group_boxes.items():
                box.setChecked(special.value in groups)
            v.category_picker.set_code(state.get("category_code", ""))
            v.question_edit.setPlainText(state.get("question", ""))
            v.advice_edit.setPlainText(state.get("advice", ""))
            _select_data(v.outcome_combo, state.get("outcome"))
            v.referral_edit.setText(state.get("referral_target", ""))
            v.due_edit.set_value(_day(state.get("followup_due")))
            v.done_edit.set_value(_day(state.get("followup_done")))
            v.note_edit.setPlainText(state.get("followup_note", ""))
        finally:
            self._applying = False
        self._due_auto = False
        self._remask(state)
        v.due_edit.set_fallback(self._service.default_followup_due(self._received_day()))
        v.done_edit.set_fallback(self._core.now().date())
        self._update_enabled()
        self._update_id_hint()

    def is_dirty(self) -> bool:
        """True when the contents differ from what was loaded or last saved."""
        return not self._read_only and self.state() != self._baseline

    def field_errors(self) -> dict[str, str]:
        """Messages currently shown next to fields, by field name."""
        return {field: row.error() for field, row in self.view.rows.items() if row.error()}

    def show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        """Put each message under its field (others in the line by the buttons) and focus the
        first bad field."""
        unplaced = [msg for field, msg in by_field.items() if field not in self.view.rows]
        for field, row in self.view.rows.items():
            row.set_error(by_field.get(field))
        general_text = join_clauses(filter(None, [general, *unplaced]))
        if by_field and not general_text:
            general_text = self.tr("有 {n} 处需要改正，见红字。").format(n=len(by_field))
        self.view.general_error.setText(general_text)
        self.view.general_error.setVisible(bool(general_text))
        self._update_id_hint()
        for field in FIELD_ORDER:
            if field in by_field and field in self.view.rows:
                self.view.scroll.ensureWidgetVisible(self.view.rows[field])
                self.view.editors[field].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def save(self) -> bool:
        """Validate and store the record; on success delete the draft and close.

        Returns:
            True when saved. On failure the messages are shown and the form stays as typed.
        """
        if self._read_only:
            return False
        state = self.state()
        try:
            record = record_from_state(state, record_id=self._record_id, base=self._base)
            stored, changes = self._service.save(record)
        except ValidationError as err:
            self.show_errors(err.by_field())
            self.save_draft()
            return False
        except UserError as err:
            self.show_errors({}, str(err))
            self.save_draft()
            return False
        if self._pending_draft is None:
            self._core.drafts.delete(self.draft_key)
        self._base = stored
        self._baseline = state
        self.show_errors({})
        self._signals.sig_changes_applied.emit(changes)
        self.sig_saved.emit(stored)
        self._close_allowed = True
        self.accept()
        return True

    def save_draft(self, *, force: bool = False) -> bool:
        """Store the contents as a draft if they changed. While an older draft is still
        offered in the banner it is not overwritten unless ``force`` (暂存并关闭).

        Returns:
            True if a draft was written.
        """
        self._autosave_timer.stop()
        if self._read_only or not self.is_dirty() or (self._pending_draft is not None and not force):
            return False
        try:
            self._core.drafts.save(self.draft_key, draft_payload(self.state(), self._core.now()))
        except Exception as exc:  # noqa: BLE001 — a failed background save must not lose the form
            self.view.general_error.setText(self.tr("草稿未能暂存：{error}").format(error=exc))
            self.view.general_error.show()
            return False
        self._pending_draft = None
        self.view.banner.hide()
        return True

    def keep_draft_and_close(self) -> None:
        """暂存并关闭: keep the contents as a draft and close without asking."""
        self.save_draft(force=True)
        self._close_allowed = True
        self.reject()

    def ask_unsaved_changes(self) -> CloseChoice:
        """Ask 保存/放弃/取消 for a dirty form (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("尚未保存"), self.tr("这条登记改动过但还没有保存。要保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return CloseChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return CloseChoice.DISCARD
        return CloseChoice.CANCEL

    def reject(self) -> None:
        """Esc, the window's close button and 关闭: ask first when there are unsaved changes."""
        if self._close_allowed or not self.is_dirty():
            super().reject()
            return
        choice = self.ask_unsaved_changes()
        if choice is CloseChoice.SAVE:
            self.save()
        elif choice is CloseChoice.DISCARD:
            if self._pending_draft is None:
                self._core.drafts.delete(self.draft_key)
            self._close_allowed = True
            super().reject()

    def done(self, result: int) -> None:
        """Stop the timers and close the read-only views opened from here."""
        self._autosave_timer.stop()
        self._similar_timer.stop()
        for viewer in self._viewers:
            viewer.close()
        super().done(result)

    def refresh_similar(self) -> None:
        """Look up earlier visits of the person being entered (重复来访)."""
        self._similar_timer.stop()
        v = self.view
        id_number = self._id_text() if self._id_status() is IdStatus.GIVEN else ""
        matches = self._service.similar_visitors(
            name=v.visitor_edit.text(), phone=self._phone_text(), id_number=id_number,
            village=v.village_edit.text(), exclude_id=self._record_id,
        )
        v.similar_panel.set_matches(matches)

    def print_registration(self) -> RegistrationPrintDialog | None:
        """打印登记表 of the stored record (None for a record not saved yet)."""
        if self._base is None:
            return None
        dialog = RegistrationPrintDialog(self._core, self._base.id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def reveal(self, field: str) -> bool:
        """显示完整号码 of ``phone`` or ``id_number``: asks the core (which checks the role and
        writes a ``reveal`` audit entry), then shows the number and lets it be edited.

        Returns:
            True when shown; False when refused (the message is shown by the buttons).
        """
        if field not in self._hidden or self._base is None:
            return False
        try:
            full = self._service.reveal_personal(self._base.id, (field,))[field]
        except UserError as err:
            self.show_errors({}, str(err))
            return False
        self._hidden.pop(field)
        edit, button = self._personal_widgets()[field]
        self._applying = True
        try:
            edit.setText(full)
        finally:
            self._applying = False
        edit.setReadOnly(self._read_only)
        button.hide()
        self._update_id_hint()
        return True

    def show_history(self) -> AuditDialog | None:
        """历史记录…: the stored record's audit entries in a read-only window."""
        if self._base is None:
            return None
        dialog = AuditDialog(self._core, "consultation", self._base.id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_earlier_visit(self, consultation_id: str) -> "ConsultationForm":
        """Show an earlier consultation read-only in its own window."""
        viewer = ConsultationForm(self._core, self._signals, consultation_id, read_only=True, parent=self)
        viewer.setModal(False)
        self._viewers.append(viewer)
        viewer.finished.connect(lambda _result, w=viewer: self._forget_viewer(w))
        viewer.show()
        return viewer

    # -- set-up ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        v = self.view
        for point in self._core.points.all():
            v.point_combo.addItem(point_text(point.name, point.code), point.id)
        names: list[str] = []
        for name in [*self._service.receiver_names(), *(n for n, _role in self._core.people.active_names())]:
            if name and name not in names:
                names.append(name)
        v.receiver_combo.addItems(names)
        self._village_model.setStringList(self._service.villages())

    def _new_state(self, default_point_id: str | None) -> FormState:
        now = self._core.now()
        points = self._core.points.all()
        point = next((p for p in points if p.id == default_point_id), points[0] if points else None)
        receivers = [self.view.receiver_combo.itemText(i) for i in range(self.view.receiver_combo.count())]
        receiver = receivers[0] if receivers else (point.judge_name if point else "")
        if self._core.actor.role is AccountRole.VOLUNTEER:  # a volunteer registers what they received
            receiver = self._core.access.own_name
        blank = Consultation(point_id=point.id if point else "", received_at=now, visitor_name="",
                             category_code="", question="", advice="", outcome=Outcome.ANSWERED,
                             receiver_name=receiver)
        return state_from_record(blank)

    def _connect_signals(self) -> None:
        v = self.view
        edited = self._on_edited
        v.received_edit.dateTimeChanged.connect(self._on_received_changed)
        v.point_combo.currentIndexChanged.connect(edited)
        for combo in (v.mode_combo, v.gender_combo, v.age_combo):
            combo.currentIndexChanged.connect(edited)
        v.receiver_combo.currentTextChanged.connect(edited)
        v.outcome_combo.currentIndexChanged.connect(self._on_outcome_changed)
        for line in (v.paper_form_edit, v.referral_edit):
            line.textChanged.connect(edited)
        for line in (v.visitor_edit, v.phone_edit, v.village_edit):
            line.textChanged.connect(self._on_person_edited)
        v.id_number_edit.textChanged.connect(self._on_id_number_edited)
        v.id_status_group.buttonToggled.connect(self._on_id_status_toggled)
        for box in v.group_boxes.values():
            box.toggled.connect(edited)
        v.category_picker.sig_changed.connect(edited)
        for text in (v.question_edit, v.advice_edit, v.note_edit):
            text.textChanged.connect(edited)
        v.due_edit.sig_changed.connect(self._on_due_edited)
        v.done_edit.sig_changed.connect(edited)
        # A message under a field goes away as soon as that field is edited.
        for field, signal in (
            ("received_at", v.received_edit.dateTimeChanged), ("point_id", v.point_combo.currentIndexChanged),
            ("receiver_name", v.receiver_combo.currentTextChanged), ("paper_form_no", v.paper_form_edit.textChanged),
            ("visitor_name", v.visitor_edit.textChanged), ("phone", v.phone_edit.textChanged),
            ("gender", v.gender_combo.currentIndexChanged), ("age_band", v.age_combo.currentIndexChanged),
            ("id_number", v.id_number_edit.textChanged), ("id_number", v.id_status_group.buttonToggled),
            ("village", v.village_edit.textChanged), ("category_code", v.category_picker.sig_changed),
            ("question", v.question_edit.textChanged), ("advice", v.advice_edit.textChanged),
            ("referral_target", v.referral_edit.textChanged), ("referral_target", v.outcome_combo.currentIndexChanged),
            ("followup_due", v.due_edit.sig_changed), ("followup_due", v.outcome_combo.currentIndexChanged),
            ("followup_done", v.done_edit.sig_changed), ("followup_note", v.note_edit.textChanged),
        ):
            signal.connect(lambda *_args, name=field: self._clear_error(name))
        v.banner.sig_restore.connect(self._restore_draft)
        v.banner.sig_discard.connect(self._discard_draft)
        v.similar_panel.sig_open_requested.connect(self.open_earlier_visit)
        v.save_button.clicked.connect(self.save)
        v.draft_button.clicked.connect(self.keep_draft_and_close)
        v.close_button.clicked.connect(self.reject)
        v.print_button.clicked.connect(self.print_registration)
        v.history_button.clicked.connect(self.show_history)
        v.phone_reveal_button.clicked.connect(lambda: self.reveal("phone"))
        v.id_reveal_button.clicked.connect(lambda: self.reveal("id_number"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        install_comfort_shortcuts(self)   # Ctrl++ / Ctrl+- / Ctrl+0 and F1 while the form is open

    def _set_tab_order(self) -> None:
        chain = self.view.tab_chain()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _update_print_button(self) -> None:
        self.view.print_button.setVisible(self._base is not None)
        self.view.history_button.setVisible(self._base is not None and self._core.access.can(Permission.VIEW_AUDIT))

    def _personal_widgets(self) -> dict[str, tuple]:  # type: ignore[type-arg]
        v = self.view
        return {"phone": (v.phone_edit, v.phone_reveal_button), "id_number": (v.id_number_edit, v.id_reveal_button)}

    def _mask_personal(self) -> None:
        """Show the stored phone and ID number masked (138****1234) with 显示完整号码 buttons."""
        if self._base is None:
            return
        masks = {"phone": mask_phone, "id_number": mask_id_number}
        for field, (edit, button) in self._personal_widgets().items():
            value = getattr(self._base, field)
            if not value:
                continue
            self._hidden[field] = value
            self._applying = True
            try:
                edit.setText(masks[field](value))
            finally:
                self._applying = False
            edit.setReadOnly(True)
            button.show()
        self._update_id_hint()

    def _remask(self, state: FormState) -> None:
        """After ``apply_state``: keep a hidden number masked if the state holds the same value;
        a different value (a restored draft the user typed) is shown as typed."""
        masks = {"phone": mask_phone, "id_number": mask_id_number}
        for field in list(self._hidden):
            edit, button = self._personal_widgets()[field]
            if state.get(field, "") == self._hidden[field]:
                self._applying = True
                try:
                    edit.setText(masks[field](self._hidden[field]))
                finally:
                    self._applying = False
            else:
                self._hidden.pop(field)
                edit.setReadOnly(self._read_only)
                button.hide()

    def _phone_text(self) -> str:
        return self._hidden.get("phone", self.view.phone_edit.text())

    def _id_text(self) -> str:
        return self._hidden.get("id_number", self.view.id_number_edit.text())

    def _set_title(self) -> None:
        if self._base is None:
            self.setWindowTitle(self.tr("新建法律咨询登记"))
        elif self._read_only:
            self.setWindowTitle(self.tr("查看法律咨询登记（只读）"))
        else:
            self.setWindowTitle(self.tr("编辑法律咨询登记"))

    def _make_read_only(self) -> None:
        v = self.view
        for line in (v.paper_form_edit, v.visitor_edit, v.phone_edit, v.id_number_edit,
                     v.village_edit, v.referral_edit):
            line.setReadOnly(True)
        for text in (v.question_edit, v.advice_edit, v.note_edit):
            text.setReadOnly(True)
        v.received_edit.setReadOnly(True)
        for widget in (v.point_combo, v.mode_combo, v.receiver_combo, v.gender_combo, v.age_combo,
                       v.outcome_combo, *v.id_status_buttons.values(), *v.group_boxes.values()):
            widget.setEnabled(False)
        v.category_picker.set_read_only(True)
        v.due_edit.set_read_only(True)
        v.done_edit.set_read_only(True)
        v.save_button.hide()
        v.draft_button.hide()

    def _offer_draft(self) -> None:
        parsed = state_from_draft(self._core.drafts.load(self.draft_key))
        if parsed is None:
            return
        state, saved_text = parsed
        if state == self._baseline:
            self._core.drafts.delete(self.draft_key)
            return
        self._pending_draft = state
        self.view.banner.offer(saved_text)

    # -- reactions ---------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._applying:
            return
        self._update_enabled()
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def _on_person_edited(self, *_args: object) -> None:
        self._on_edited()
        if not self._applying:
            self._similar_timer.start()

    def _on_received_changed(self, *_args: object) -> None:
        received = self._received_day()
        self.view.due_edit.set_fallback(self._service.default_followup_due(received))
        if self._due_auto and not self._applying:
            self._set_due(self._service.default_followup_due(received))
        self._update_id_hint()
        self._on_edited()

    def _on_outcome_changed(self, *_args: object) -> None:
        if not self._applying:
            outcome = self._outcome()
            if outcome.needs_follow_up and self.view.due_edit.value() is None:
                self._set_due(self._service.default_followup_due(self._received_day()))
            elif not outcome.needs_follow_up and self._due_auto:
                self._set_due(None)
        self._on_edited()

    def _on_due_edited(self) -> None:
        if not self._applying:
            self._due_auto = False
        self._on_edited()

    def _set_due(self, day: date | None) -> None:
        self._applying = True
        try:
            self.view.due_edit.set_value(day)
        finally:
            self._applying = False
        self._due_auto = day is not None

    def _on_id_status_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._update_id_hint()
            self._on_person_edited()

    def _on_id_number_edited(self, *_args: object) -> None:
        if not self._applying and "id_number" not in self._hidden:
            info = id_info(normalise_id_number(self.view.id_number_edit.text()))
            if info is not None:
                _select_data(self.view.gender_combo, (Gender.MALE if info.male else Gender.FEMALE).value)
                band = AgeBand.for_age(info.age_on(self._received_day()))
                _select_data(self.view.age_combo, band.value)
        self._update_id_hint()
        self._on_person_edited()

    def _restore_draft(self) -> None:
        state, self._pending_draft = self._pending_draft, None
        if state is not None:
            self.apply_state(state)
            self.refresh_similar()
            self._autosave_timer.start()

    def _discard_draft(self) -> None:
        self._pending_draft = None
        self._core.drafts.delete(self.draft_key)
        if self.is_dirty():
            self._autosave_timer.start()

    def _forget_viewer(self, viewer: "ConsultationForm") -> None:
        if viewer in self._viewers:
            self._viewers.remove(viewer)
        viewer.deleteLater()

    # -- helpers -----------------------------------------------------------------------------
    def _clear_error(self, field: str) -> None:
        if not self._applying:
            self.view.rows[field].set_error(None)
            self._update_id_hint()

    def _update_enabled(self) -> None:
        v = self.view
        if self._read_only:
            return
        given = self._id_status() is IdStatus.GIVEN
        v.id_number_edit.setEnabled(given)
        v.referral_edit.setEnabled(self._outcome().needs_referral_target)

    def _update_id_hint(self) -> None:
        v = self.view
        text = normalise_id_number(self._id_text())
        hint, bad = "", False
        if self.view.rows["id_number"].error():
            pass  # the message from saving is shown right under the field already
        elif "id_number" in self._hidden:
            pass  # birth date and sex would give the masked number away
        elif self._id_status() is IdStatus.GIVEN and len(text) >= 18:
            problem = check_id_number(text, on=self._received_day())
            info = id_info(text)
            if problem:
                hint, bad = problem, True
            elif info is not None:
                hint = self.tr("出生于{day}，{sex}").format(
                    day=QDate(info.birth_date.year, info.birth_date.month, info.birth_date.day).toString(
                        self.tr("yyyy年M月d日", "Qt date format")),
                    sex=label(Gender.MALE if info.male else Gender.FEMALE))
        v.id_hint.setText(hint)
        v.id_hint.setProperty("role", "error" if bad else "muted")
        v.id_hint.style().unpolish(v.id_hint)
        v.id_hint.style().polish(v.id_hint)

    def _select_point(self, point_id: str) -> None:
        combo = self.view.point_combo
        index = combo.findData(point_id) if point_id else -1
        if index < 0 and point_id:
            try:
                point = self._core.points.get(point_id)
            except UserError:
                pass
            else:
                combo.addItem(point_text(point.name, point.code), point.id)
                index = combo.count() - 1
        combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))

    def _id_status(self) -> IdStatus:
        for status, button in self.view.id_status_buttons.items():
            if button.isChecked():
                return status
        return IdStatus.NOT_ASKED

    def _outcome(self) -> Outcome:
        return _enum_or(Outcome, self.view.outcome_combo.currentData(), Outcome.ANSWERED)

    def _received_day(self) -> date:
        return self.view.received_edit.date().toPython()


def _select_data(combo, value: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _enum_or(enum_type, value, default):  # type: ignore[no-untyped-def]
    try:
        return enum_type(value)
    except ValueError:
        return default


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


