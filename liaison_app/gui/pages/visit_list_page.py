"""The 志愿服务 page: filters (month, point, volunteer), the visit list with new/edit/delete
and undo, per-volunteer totals and the service-hours certificate."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.people import Role
from liaison_app.domain.visits import Activity, VolunteerVisit
from liaison_app.gui.dialogs.pdf_dialogs import CertificateDialog
from liaison_app.gui.dialogs.visit_form import VisitForm
from liaison_app.gui.formatting import join_list
from liaison_app.gui.labels import label
from liaison_app.gui.models.visit_table_model import COL_ACTIVITIES, COL_DATE, COL_HOURS, VisitTableModel
from liaison_app.gui.pages.record_list_page import RecordListPage
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.undo_commands import SoftDeleting
from liaison_app.gui.widgets.visit_filter_bar import VisitFilterBar
from liaison_app.gui.widgets.volunteer_totals_panel import VolunteerTotalsPanel
from liaison_app.i18n import translate


class VisitListPage(RecordListPage):
    """Volunteer visits, newest first, with the totals panel beside them.

    Args:
        core: the open core.
        signals: mutations are broadcast here; the list refreshes for ``volunteer_visit``.
        undo_stack: deletes are pushed here.
    """

    TABLES = ("volunteer_visit",)

    def __init__(self, core: Core, signals: AppSignals, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(core, signals, undo_stack, parent)
        period = clock.period_of(core.now())
        self.filter_bar = VisitFilterBar(period, self)
        self.filter_bar.set_points(core.points.all())
        self.filter_bar.set_volunteers(core.people.all(role=Role.VOLUNTEER))
        self.model = VisitTableModel(core.visits, point_names=self._point_names(),
                                     person_names=self._person_names(), parent=self)
        self.totals_panel = VolunteerTotalsPanel(core.visits, core.people, period, self)
        self._dialogs: list[CertificateDialog] = []
        # Names and points are shown as typed (Chinese) in every language; the hours column is
        # as wide as its title.
        samples = ["2026-11-29",
                   "欧阳明珠", "宁安镇法官联系点",  # i18n-exempt: width samples of data shown as typed
                   "08:45–12:20", translate("VisitTableModel", VisitTableModel.HEADERS[COL_HOURS]),
                   join_list([label(Activity.CONSULTATION), label(Activity.MEDIATION)])]
        self._build(self.tr("志愿服务"), self.tr("＋ 新建服务记录"), samples, stretch_column=COL_ACTIVITIES,
                    sort_column=COL_DATE, side=self.totals_panel)
        self.totals_panel.sig_certificate_requested.connect(self.open_certificate)

    def open_certificate(self, person_id: str | None = None) -> CertificateDialog:
        """打印服务时长证明 for ``person_id`` (default: the volunteer filtered or selected)."""
        person_id = person_id or self.filter_bar.filter().person_id
        if person_id is None and self.selected_record() is not None:
            person_id = self.selected_record().person_id
        dialog = CertificateDialog(self._core, person_id, self)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.open()
        return dialog

    def _make_form(self, record_id: str | None) -> VisitForm:
        flt = self.filter_bar.filter()
        return VisitForm(self._core, self._signals, record_id, default_point_id=flt.point_id,
                         default_person_id=flt.person_id, parent=self)

    def _delete_target(self, record: VolunteerVisit) -> tuple[SoftDeleting, str]:
        name = self._person_names().get(record.person_id, "")
        text = self.tr("{name} {day} 的服务记录").format(name=name, day=record.visited_on.isoformat())
        return self._core.visits, text

    def _refresh_names(self) -> None:
        self.filter_bar.set_points(self._core.points.all())
        self.filter_bar.set_volunteers(self._core.people.all(role=Role.VOLUNTEER))
        self.model.set_names(point_names=self._point_names(), person_names=self._person_names())

    def _on_changes(self, changes: Changes) -> None:
        super()._on_changes(changes)
        if changes.touches("volunteer_visit") or changes.touches("person"):
            self.totals_panel.refresh()

    def _can_create(self) -> tuple[bool, str]:
        if self._core.points.is_empty():
            return False, self.tr("请先在首页设置联系点")
        if not self._core.people.volunteers():
            return False, self.tr("请先在“人员”页添加志愿者")
        return True, ""

    def _forget_dialog(self, dialog: CertificateDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def _point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.points.all()}

    def _person_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.people.all()}
