"""Per-volunteer visits and service hours for one month and its year (志愿服务统计)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from liaison_app.core.people import PeopleService
from liaison_app.core.visits import VisitService
from liaison_app.domain import clock
from liaison_app.domain.people import Role
from liaison_app.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

COL_NAME = 0
COL_MONTH_VISITS = 1
COL_MONTH_HOURS = 2
COL_YEAR_VISITS = 3
COL_YEAR_HOURS = 4

_HEADERS = (
    QT_TRANSLATE_NOOP("VolunteerTotalsTableModel", "志愿者"),
    QT_TRANSLATE_NOOP("VolunteerTotalsTableModel", "当月次数"),
    QT_TRANSLATE_NOOP("VolunteerTotalsTableModel", "当月小时"),
    QT_TRANSLATE_NOOP("VolunteerTotalsTableModel", "全年次数"),
    QT_TRANSLATE_NOOP("VolunteerTotalsTableModel", "全年小时"),
)

PersonIdRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the person id of a row."""


@dataclass(frozen=True)
class VolunteerRow:
    """One volunteer's figures."""

    person_id: str
    name: str
    month_visits: int
    month_hours: Decimal
    year_visits: int
    year_hours: Decimal


class VolunteerTotalsTableModel(QAbstractTableModel):
    """Every active volunteer, plus deactivated ones with visits that year, by name.

    The totals come from SQL (``VisitService.totals``: visits, and the sum of each visit's
    rounded hours); a few dozen rows, so the model holds them all and does not sort.

    Args:
        visits: ``core.visits``.
        people: ``core.people``.
        period: the month ``YYYY-MM``; the year is its calendar year.
    """

    def __init__(self, visits: VisitService, people: PeopleService, period: str, parent: QObject | None = None):
        super().__init__(parent)
        self._visits = visits
        self._people = people
        self._period = period
        self._rows: list[VolunteerRow] = []
        self.refresh()

    @property
    def period(self) -> str:
        """The month shown."""
        return self._period

    def set_period(self, period: str) -> None:
        """Show ``period`` and its year."""
        self._period = period
        self.refresh()

    def refresh(self) -> None:
        """Re-read the totals."""
        start, next_month = clock.period_bounds(self._period)
        month = {t.person_id: t for t in self._visits.totals(start, next_month - timedelta(days=1))}
        year = {t.person_id: t for t in self._visits.totals(date(start.year, 1, 1), date(start.year, 12, 31))}
        rows = []
        for person in self._people.all(role=Role.VOLUNTEER):
            if not person.active and person.id not in year:
                continue
            m, y = month.get(person.id), year.get(person.id)
            rows.append(VolunteerRow(person.id, person.name, m.visits if m else 0, m.hours if m else Decimal(0),
                                     y.visits if y else 0, y.hours if y else Decimal(0)))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> VolunteerRow | None:
        """The figures in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: str) -> int:
        """Row of ``person_id`` or -1."""
        return next((i for i, r in enumerate(self._rows) if r.person_id == person_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        """One row per volunteer (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Five columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Translated column titles."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("VolunteerTotalsTableModel", _HEADERS[section]) \
                if 0 <= section < len(_HEADERS) else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Counts as integers, hours with one decimal, numbers right-aligned."""
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(_HEADERS):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.name, str(row.month_visits), f"{row.month_hours:.1f}", str(row.year_visits),
                      f"{row.year_hours:.1f}")
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PersonIdRole:
            return row.person_id
        return None
