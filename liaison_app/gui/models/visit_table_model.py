"""Table model of volunteer visits (志愿服务记录), paged and sorted in SQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from liaison_app.core.visits import VisitService
from liaison_app.domain.visits import Activity, VisitFilter, VolunteerVisit
from liaison_app.gui.formatting import join_list
from liaison_app.gui.labels import label
from liaison_app.gui.models.paged_table_model import PagedTableModel
from liaison_app.i18n import QT_TRANSLATE_NOOP

COL_DATE = 0
COL_VOLUNTEER = 1
COL_POINT = 2
COL_TIMES = 3
COL_HOURS = 4
COL_ACTIVITIES = 5

LIST_COLUMNS = (COL_DATE, COL_VOLUNTEER, COL_POINT, COL_TIMES, COL_HOURS, COL_ACTIVITIES)


def activities_text(visit: VolunteerVisit) -> str:
    """Activity labels in their fixed order, ``、``-separated."""
    return join_list(label(a) for a in Activity if a in visit.activities)


class VisitTableModel(PagedTableModel):
    """Visits matching a :class:`VisitFilter`, newest first by default. Hours show one decimal
    (each visit rounded once, as the certificate counts them).

    Args:
        service: ``core.visits``.
        point_names: liaison point id → name.
        person_names: person id → name.
        columns: column ids in display order.
        flt: the initial filter.
    """

    HEADERS = {
        COL_DATE: QT_TRANSLATE_NOOP("VisitTableModel", "服务日期"),
        COL_VOLUNTEER: QT_TRANSLATE_NOOP("VisitTableModel", "志愿者"),
        COL_POINT: QT_TRANSLATE_NOOP("VisitTableModel", "联系点"),
        COL_TIMES: QT_TRANSLATE_NOOP("VisitTableModel", "到达–离开"),
        COL_HOURS: QT_TRANSLATE_NOOP("VisitTableModel", "时长（小时）"),
        COL_ACTIVITIES: QT_TRANSLATE_NOOP("VisitTableModel", "服务内容"),
    }
    # Column → key of storage.visits.SORT_COLUMNS.
    SORT_KEYS = {
        COL_DATE: "visited_on",
        COL_VOLUNTEER: "person",
        COL_POINT: "point",
        COL_TIMES: "arrival",
        COL_HOURS: "minutes",
    }

    def __init__(self, service: VisitService, *, point_names: Mapping[str, str] | None = None,
                 person_names: Mapping[str, str] | None = None, columns: Sequence[int] = LIST_COLUMNS,
                 flt: VisitFilter | None = None, parent: QObject | None = None):
        super().__init__(columns, flt or VisitFilter(), sort="visited_on", descending=True, parent=parent)
        self._service = service
        self._point_names = dict(point_names or {})
        self._person_names = dict(person_names or {})
        self.refresh()

    def set_names(self, *, point_names: Mapping[str, str] | None = None,
                  person_names: Mapping[str, str] | None = None) -> None:
        """Update the names shown for points and volunteers."""
        if point_names is not None:
            self._point_names = dict(point_names)
        if person_names is not None:
            self._person_names = dict(person_names)
        self.refresh_display()


    def _fetch(self, flt: VisitFilter, sort: str, descending: bool, offset: int, limit: int) -> list[VolunteerVisit]:
        return self._service.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def _count(self, flt: VisitFilter) -> int:
        return self._service.count(flt)

    def _display(self, record: VolunteerVisit, column: int) -> str:
        if column == COL_DATE:
            return record.visited_on.isoformat()
        if column == COL_VOLUNTEER:
            return self._person_names.get(record.person_id, "")
        if column == COL_POINT:
            return self._point_names.get(record.point_id, "")
        if column == COL_TIMES:
            return f"{record.arrival:%H:%M}–{record.departure:%H:%M}"
        if column == COL_HOURS:
            return f"{record.hours:.1f}"
        if column == COL_ACTIVITIES:
            return activities_text(record)
        return ""

    def _sort_value(self, record: VolunteerVisit, column: int) -> Any:
        if column == COL_DATE:
            return f"{record.visited_on.isoformat()} {record.arrival:%H:%M}"
        if column == COL_HOURS:
            return record.minutes
        return self._display(record, column)

    def _alignment(self, column: int) -> Qt.AlignmentFlag | None:
        if column == COL_HOURS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _tooltip(self, record: VolunteerVisit, column: int) -> str | None:
        if column == COL_ACTIVITIES and record.notes:
            return record.notes
        return None
