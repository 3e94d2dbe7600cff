"""The 普法宣讲 page: filters (month, point, form, search), paged list, new/edit/delete with undo."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.gui.dialogs.session_form import EducationSessionForm
from liaison_app.gui.formatting import join_list
from liaison_app.gui.labels import label
from liaison_app.gui.models.session_table_model import COL_DATE, COL_TOPIC, SessionTableModel, online_views_text
from liaison_app.gui.pages.record_list_page import RecordListPage
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.undo_commands import SoftDeleting
from liaison_app.gui.widgets.session_filter_bar import SessionFilterBar


class SessionListPage(RecordListPage):
    """Education sessions, newest first.

    Args:
        core: the open core.
        signals: mutations are broadcast here; the list refreshes for ``education_session``.
        undo_stack: deletes are pushed here.
    """

    TABLES = ("education_session",)

    def __init__(self, core: Core, signals: AppSignals, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(core, signals, undo_stack, parent)
        self.filter_bar = SessionFilterBar(clock.period_of(core.now()), self)
        self.filter_bar.set_points(core.points.all())
        self.model = SessionTableModel(core.sessions, point_names=self._point_names(),
                                       person_names=self._person_names(), parent=self)
        # Points, topics, places and names are shown as typed (Chinese) in every language.
        samples = ["2026-11-29", "09:30–11:00",
                   "宁安镇法官联系点",  # i18n-exempt: width sample of data shown as typed
                   label(SessionForm.CIRCUIT_TRIAL),
                   "婚姻家庭纠纷以案说法", "宁安村村委会会议室",  # i18n-exempt: width samples of data shown as typed
                   join_list(["张德昇", "马建国"]),  # i18n-exempt: width sample of names shown as typed
                   online_views_text(1280)]
        self._build(self.tr("普法宣讲"), self.tr("＋ 新建宣讲"), samples, stretch_column=COL_TOPIC,
                    sort_column=COL_DATE, search_edit=self.filter_bar.search_edit)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.filter_bar.search_edit.setFocus()
        self.filter_bar.search_edit.selectAll()

    def _make_form(self, record_id: str | None) -> EducationSessionForm:
        return EducationSessionForm(self._core, self._signals, record_id,
                                    default_point_id=self.filter_bar.filter().point_id, parent=self)

    def _delete_target(self, record: EducationSession) -> tuple[SoftDeleting, str]:
        return self._core.sessions, self.tr("{day} 的宣讲“{topic}”").format(
            day=record.held_on.isoformat(), topic=record.topic)

    def _refresh_names(self) -> None:
        self.filter_bar.set_points(self._core.points.all())
        self.model.set_names(point_names=self._point_names(), person_names=self._person_names())

    def _can_create(self) -> tuple[bool, str]:
        if self._core.points.is_empty():
            return False, self.tr("请先在首页设置联系点")
        return True, ""

    def _point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.points.all()}

    def _person_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.people.all()}
