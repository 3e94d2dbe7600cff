"""The 人员 page: judges and volunteers, new/edit, 停用/启用, and 删除 for people without records."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from liaison_app.core import Core
from liaison_app.core.people import PeopleService
from liaison_app.domain.changes import Changes
from liaison_app.domain.people import Person, Role
from liaison_app.errors import UserError
from liaison_app.gui.dialogs.person_form import PersonForm
from liaison_app.gui.models.person_table_model import COL_FORMER, COL_ROLE, PersonTableModel
from liaison_app.gui.pages.record_list_page import RecordListPage
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.undo_commands import SoftDeleting
from liaison_app.gui.widgets.person_filter_bar import PersonFilterBar


class _PersonRemoval:
    """``remove``/``restore`` of people under the names the undo command calls."""

    def __init__(self, people: PeopleService):
        self._people = people

    def delete(self, person_id: str) -> Changes:
        return self._people.remove(person_id)

    def restore(self, person_id: str) -> Changes:
        return self._people.restore(person_id)


class PersonListPage(RecordListPage):
    """People, judges first. A person who has consultations, sessions or visits cannot be
    deleted (the records name them): 删除 then offers 停用 instead.

    Args:
        core: the open core.
        signals: mutations are broadcast here; the list refreshes for ``person``.
        undo_stack: deletes are pushed here.
    """

    TABLES = ("person",)
    NAME_TABLES = ("liaison_point",)

    def __init__(self, core: Core, signals: AppSignals, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(core, signals, undo_stack, parent)
        self.filter_bar = PersonFilterBar(self)
        self.model = PersonTableModel(core.people, point_names=self._point_names(), parent=self)
        self.toggle_button = QPushButton(self.tr("停用"), self)
        self.toggle_button.setObjectName("toggle_active")
        # Column width samples: names, courts and points are data (not translated); role and
        # state are UI words.
        samples = ["欧阳明珠", self.tr("退休法官志愿者"), "138****1234",  # i18n-exempt: width sample (a name)
                   "中宁县人民法院 退休法官",  # i18n-exempt: width sample (a court and post, data)
                   "宁安镇法官联系点、梧桐树村法官联系点",  # i18n-exempt: width sample (point names, data)
                   self.tr("已停用")]
        # Judges first (the storage orders ties by name): the 身份 column carries the indicator.
        self._build(self.tr("人员"), self.tr("＋ 新建人员"), samples, stretch_column=COL_FORMER,
                    sort_column=COL_ROLE, extra_buttons=(self.toggle_button,))
        self.toggle_button.clicked.connect(self.toggle_selected)

    def toggle_selected(self) -> bool:
        """停用 an active person, 启用 a deactivated one. True if something changed."""
        person = self.selected_record()
        if person is None:
            return False
        self._set_active(person, not person.active)
        return True

    def delete_selected(self) -> bool:
        """Delete a person without records (undoable); for one with records show why not and
        offer to deactivate. True if the person was deleted or deactivated."""
        person: Person | None = self.selected_record()
        if person is None:
            return False
        try:
            if self._core.people.has_records(person.id):
                # Same check and words as core.people.remove, before anything is pushed.
                self._core.people.remove(person.id)
        except UserError as err:
            if person.active and self.ask_deactivate_instead(person, str(err)):
                self._set_active(person, False)
                return True
            self._signals.sig_status_message.emit(str(err))
            return False
        return super().delete_selected()

    def ask_deactivate_instead(self, person: Person, message: str) -> bool:
        """Say why ``person`` cannot be deleted and ask whether to deactivate them (tests
        replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("不能删除"),
            self.tr("{message}。\n\n要停用“{name}”吗？停用后不再出现在值班和登记的选择中，已有记录保留。").format(
                message=message.rstrip("。"), name=person.name),  # i18n-exempt: the core's message's full stop
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _set_active(self, person: Person, active: bool) -> None:
        try:
            changes = self._core.people.set_active(person.id, active)
        except UserError as err:
            self._signals.sig_status_message.emit(str(err))
            return
        self._signals.sig_changes_applied.emit(changes)
        text = self.tr("已启用：{name}") if active else self.tr("已停用：{name}")
        self._signals.sig_status_message.emit(text.format(name=person.name))

    def _make_form(self, record_id: str | None) -> PersonForm:
        role = self.filter_bar.filter().role or Role.VOLUNTEER
        return PersonForm(self._core, self._signals, record_id, default_role=role, parent=self)

    def _delete_target(self, record: Person) -> tuple[SoftDeleting, str]:
        return _PersonRemoval(self._core.people), self.tr("人员“{name}”").format(name=record.name)

    def _refresh_names(self) -> None:
        self.model.set_point_names(self._point_names())

    def _update_buttons(self, *_args: object) -> None:
        super()._update_buttons()
        person = self.selected_record()
        self.toggle_button.setEnabled(person is not None)
        self.toggle_button.setText(self.tr("启用") if person is not None and not person.active else self.tr("停用"))

    def _point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.points.all()}
