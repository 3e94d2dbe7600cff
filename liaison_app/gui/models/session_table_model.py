"""Table model of education sessions (普法宣讲), paged and sorted in SQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject

from liaison_app.core.sessions import SessionService
from liaison_app.domain.education import EducationSession, SessionFilter, SessionForm
from liaison_app.gui.formatting import join_clauses, join_list
from liaison_app.gui.labels import label
from liaison_app.gui.models.paged_table_model import PagedTableModel
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

COL_DATE = 0
COL_TIME = 1
COL_POINT = 2
COL_FORM = 3
COL_TOPIC = 4
COL_PLACE = 5
COL_SPEAKERS = 6
COL_AUDIENCE = 7

LIST_COLUMNS = (COL_DATE, COL_TIME, COL_POINT, COL_FORM, COL_TOPIC, COL_PLACE, COL_SPEAKERS, COL_AUDIENCE)


def online_views_text(views: int) -> str:
    """``线上观看1280人次``."""
    return translate("SessionTableModel", "线上观看{n}人次").format(n=views)


def audience_text(session: EducationSession) -> str:
    """``46人``; online sessions ``线上观看1280人次`` (plus people present, if any)."""
    present = translate("SessionTableModel", "{n}人").format(n=session.audience)
    if session.form is SessionForm.ONLINE:
        online = online_views_text(session.views or 0)
        return f"{present} + {online}" if session.audience else online
    return present


class SessionTableModel(PagedTableModel):
    """Sessions matching a :class:`SessionFilter`, newest first by default.

    Args:
        service: ``core.sessions``.
        point_names: liaison point id → name.
        person_names: person id → name (speakers).
        columns: column ids in display order.
        flt: the initial filter.
    """

    HEADERS = {
        COL_DATE: QT_TRANSLATE_NOOP("SessionTableModel", "日期"),
        COL_TIME: QT_TRANSLATE_NOOP("SessionTableModel", "时间"),
        COL_POINT: QT_TRANSLATE_NOOP("SessionTableModel", "联系点"),
        COL_FORM: QT_TRANSLATE_NOOP("SessionTableModel", "形式"),
        COL_TOPIC: QT_TRANSLATE_NOOP("SessionTableModel", "主题"),
        COL_PLACE: QT_TRANSLATE_NOOP("SessionTableModel", "地点"),
        COL_SPEAKERS: QT_TRANSLATE_NOOP("SessionTableModel", "宣讲人"),
        COL_AUDIENCE: QT_TRANSLATE_NOOP("SessionTableModel", "受众"),
    }
    # Column → key of storage.sessions.SORT_COLUMNS (speakers do not sort: several per row).
    SORT_KEYS = {
        COL_DATE: "held_on",
        COL_TIME: "held_on",
        COL_POINT: "point",
        COL_FORM: "form",
        COL_TOPIC: "topic",
        COL_PLACE: "place",
        COL_AUDIENCE: "audience",
    }

    def __init__(self, service: SessionService, *, point_names: Mapping[str, str] | None = None,
                 person_names: Mapping[str, str] | None = None, columns: Sequence[int] = LIST_COLUMNS,
                 flt: SessionFilter | None = None, parent: QObject | None = None):
        super().__init__(columns, flt or SessionFilter(), sort="held_on", descending=True, parent=parent)
        self._service = service
        self._point_names = dict(point_names or {})
        self._person_names = dict(person_names or {})
        self.refresh()

    def set_names(self, *, point_names: Mapping[str, str] | None = None,
                  person_names: Mapping[str, str] | None = None) -> None:
        """Update the names shown for points and speakers."""
        if point_names is not None:
            self._point_names = dict(point_names)
        if person_names is not None:
            self._person_names = dict(person_names)
        self.refresh_display()

    def speakers_text(self, session: EducationSession) -> str:
        """Speaker names in the order given, ``、``-separated."""
        return join_list(self._person_names.get(pid, "?") for pid in session.speaker_ids)


    def _fetch(self, flt: SessionFilter, sort: str, descending: bool, offset: int,
               limit: int) -> list[EducationSession]:
        return self._service.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def _count(self, flt: SessionFilter) -> int:
        return self._service.count(flt)

    def _display(self, record: EducationSession, column: int) -> str:
        if column == COL_DATE:
            return record.held_on.isoformat()
        if column == COL_TIME:
            return f"{record.start_time:%H:%M}–{record.end_time:%H:%M}"
        if column == COL_POINT:
            return self._point_names.get(record.point_id, "")
        if column == COL_FORM:
            return label(record.form)
        if column == COL_TOPIC:
            return record.topic
        if column == COL_PLACE:
            return record.place
        if column == COL_SPEAKERS:
            return self.speakers_text(record)
        if column == COL_AUDIENCE:
            return audience_text(record)
        return ""

    def _sort_value(self, record: EducationSession, column: int) -> Any:
        if column in (COL_DATE, COL_TIME):
            return f"{record.held_on.isoformat()} {record.start_time:%H:%M}"
        if column == COL_AUDIENCE:
            return record.audience
        return self._display(record, column)

    def _tooltip(self, record: EducationSession, column: int) -> str | None:
        if column in (COL_TOPIC, COL_PLACE, COL_SPEAKERS):
            return self._display(record, column)
        if column == COL_AUDIENCE and record.cases:
            return translate("SessionTableModel", "典型案例：{cases}").format(cases=join_clauses(record.cases))
        return None
