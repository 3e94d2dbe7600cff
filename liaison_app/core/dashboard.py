"""The start page's charts (首页): the last twelve months and this month's dispute categories.

Qt-free; the same queries as the monthly work report (:mod:`liaison_app.core.reports`), so a
chart and the PDF of the same month and points show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from liaison_app.domain import clock
from liaison_app.storage.statistics import StatisticsRepository

TREND_MONTHS = 12


@dataclass(frozen=True)
class TrendMonth:
    """One month of the trend: 咨询人次, 宣讲场次 and 宣讲受众人次 (people present)."""

    period: str            # 2026-11
    consultations: int
    sessions: int
    audience: int

    @property
    def service_persons(self) -> int:
        """法律服务人次 of the month (consultations + audience, see core.figures)."""
        return self.consultations + self.audience


@dataclass(frozen=True)
class CategoryCount:
    """Consultations of one level-1 dispute category (its code filters the consultation list)."""

    code: str              # MAR
    name: str              # 婚姻家庭、继承纠纷
    count: int


@dataclass(frozen=True)
class Dashboard:
    """What the start page charts show for ``period`` (optionally one point).

    ``trend`` holds the ``TREND_MONTHS`` months ending with ``period``, oldest first, months
    without records as zeros; ``categories`` the level-1 categories of ``period``'s
    consultations, largest first, categories without consultations left out.
    """

    period: str
    trend: list[TrendMonth]
    categories: list[CategoryCount]

    @property
    def consultations(self) -> int:
        """Consultations of ``period`` (the sum of ``categories``)."""
        return sum(c.count for c in self.categories)


def trend_periods(period: str, months: int = TREND_MONTHS) -> list[str]:
    """The ``months`` months ending with ``period``, oldest first."""
    return [clock.shift_period(period, -i) for i in range(months - 1, -1, -1)]


def dashboard(core, period: str, point_id: str | None = None, months: int = TREND_MONTHS) -> Dashboard:  # type: ignore[no-untyped-def]
    """Collect the chart figures of ``period`` (``YYYY-MM``) over all points or one point.

    Deleted records are not counted (as everywhere). Raises ValueError for a malformed period.
    """
    clock.parse_period(period)
    stats = StatisticsRepository(core.db)
    trend = [TrendMonth(p, c, s, a) for p, c, s, a in stats.trend(trend_periods(period, months), point_id)]
    categories = [CategoryCount(code, name, n) for code, name, n in stats.by_top_category(period, point_id)]
    return Dashboard(period, trend, categories)
