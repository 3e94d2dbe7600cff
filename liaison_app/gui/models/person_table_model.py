"""Table model of people (在职法官, 退休法官志愿者), sorted in SQL; phones masked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from liaison_app.core.people import PeopleService
from liaison_app.domain.identity import mask_phone
from liaison_app.domain.people import Person, PersonFilter
from liaison_app.gui.labels import label
from liaison_app.gui.models.paged_table_model import PagedTableModel
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

COL_NAME = 0
COL_ROLE = 1
COL_PHONE = 2
COL_FORMER = 3
COL_POINTS = 4
COL_ACTIVE = 5

LIST_COLUMNS = (COL_NAME, COL_ROLE, COL_PHONE, COL_FORMER, COL_POINTS, COL_ACTIVE)

INACTIVE_COLOR = "#8a94a3"


class PersonTableModel(PagedTableModel):
    """People matching a :class:`PersonFilter`, judges first, then by name. Deactivated
    people are drawn grey.

    Args:
        service: ``core.people``.
        point_names: liaison point id → name (the points a person serves).
        columns: column ids in display order.
        flt: the initial filter.
    """

    CONTEXT = "PersonTableModel"
    HEADERS = {
        COL_NAME: QT_TRANSLATE_NOOP("PersonTableModel", "姓名"),
        COL_ROLE: QT_TRANSLATE_NOOP("PersonTableModel", "身份"),
        COL_PHONE: QT_TRANSLATE_NOOP("PersonTableModel", "电话"),
        COL_FORMER: QT_TRANSLATE_NOOP("PersonTableModel", "原单位/职务"),
        COL_POINTS: QT_TRANSLATE_NOOP("PersonTableModel", "服务联系点"),
        COL_ACTIVE: QT_TRANSLATE_NOOP("PersonTableModel", "状态"),
    }
    # Column → key of storage.people.SORT_COLUMNS (points do not sort: several per row).
    SORT_KEYS = {
        COL_NAME: "name",
        COL_ROLE: "role",
        COL_PHONE: "phone",
        COL_FORMER: "former_court",
        COL_ACTIVE: "active",
    }

    def __init__(self, service: PeopleService, *, point_names: Mapping[str, str] | None = None,
                 columns: Sequence[int] = LIST_COLUMNS, flt: PersonFilter | None = None,
                 parent: QObject | None = None):
        super().__init__(columns, flt or PersonFilter(), sort="role", descending=False, parent=parent)
        self._service = service
        self._point_names = dict(point_names or {})
        self.refresh()

    def set_point_names(self, point_names: Mapping[str, str]) -> None:
        """Update the point names (after a point was added or renamed)."""
        self._point_names = dict(point_names)
        self.refresh_display()

    def _fetch(self, flt: PersonFilter, sort: str, descending: bool, offset: int, limit: int) -> list[Person]:
        return self._service.page(flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def _count(self, flt: PersonFilter) -> int:
        return self._service.count(flt)

    def _display(self, record: Person, column: int) -> str:
        if column == COL_NAME:
            return record.name
        if column == COL_ROLE:
            return label(record.role)
        if column == COL_PHONE:
            return mask_phone(record.phone)
        if column == COL_FORMER:
            return " ".join(filter(None, [record.former_court, record.post]))
        if column == COL_POINTS:
            names = sorted(self._point_names[p] for p in record.point_ids if p in self._point_names)
            return translate("PersonTableModel", "、").join(names)
        if column == COL_ACTIVE:
            return (translate("PersonTableModel", "在岗") if record.active
                    else translate("PersonTableModel", "已停用"))
        return ""

    def _sort_value(self, record: Person, column: int) -> Any:
        if column == COL_ROLE:
            return record.role.value
        if column == COL_PHONE:
            return record.phone
        if column == COL_ACTIVE:
            return int(record.active)
        return self._display(record, column)

    def _tooltip(self, record: Person, column: int) -> str | None:
        if column in (COL_FORMER, COL_POINTS):
            return self._display(record, column) or None
        if column == COL_NAME and record.note:
            return record.note
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[no-untyped-def]
        """As the base, plus grey text for deactivated people."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            record = self.record_at(index.row())
            return QColor(INACTIVE_COLOR) if record is not None and not record.active else None
        return super().data(index, role)
