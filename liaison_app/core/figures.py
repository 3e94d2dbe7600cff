"""The period's headline figures, as the court reports them upwards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.records import ConsultationFilter
from liaison_app.storage.consultations import ConsultationRepository
from liaison_app.storage.sessions import SessionRepository
from liaison_app.storage.visits import VisitRepository


@dataclass(frozen=True)
class PeriodOverview:
    """Figures of one period (optionally one point).

    ``service_persons`` is 法律服务人次 = consultation visitors + education audience (people
    present). Online views are reported beside it, not inside it: a view is not a person served
    in the court's sense (GUIDE §1: "法律咨询答疑、普法案例宣讲等法律服务 N 余人次").
    """

    period: str
    consultations: int
    sessions: int
    audience: int
    online_views: int
    visits: int
    visit_minutes: int
    visit_tenths: int

    @property
    def service_persons(self) -> int:
        return self.consultations + self.audience

    @property
    def visit_hours(self) -> Decimal:
        """Sum of the visits' rounded hours (one decimal)."""
        return Decimal(self.visit_tenths) / 10

    @property
    def service_persons_formula(self) -> str:
        """How the headline is computed, for showing beside it."""
        return f"咨询 {self.consultations} 人次 + 宣讲受众 {self.audience} 人次 = {self.service_persons} 人次"


def period_overview(db: sqlite_utils.Database, period: str, point_id: str | None = None) -> PeriodOverview:
    """Headline figures for ``period`` (``YYYY-MM``), deleted records excluded."""
    consultations = ConsultationRepository(db).count(
        ConsultationFilter(period=period, point_id=point_id), today=clock.today()
    )
    sessions, audience, views = SessionRepository(db).totals(period, point_id)
    visits, minutes, tenths = VisitRepository(db).period_totals(period, point_id)
    return PeriodOverview(period, consultations, sessions, audience, views, visits, minutes, tenths)
