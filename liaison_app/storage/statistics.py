"""SQL for report figures: consultations by category and outcome, monthly trends, overdue lists."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils


def _point_clause(point_id: str | None, alias: str = "") -> tuple[str, list[Any]]:
    column = f"{alias}.point_id" if alias else "point_id"
    return (f" AND {column} = ?", [point_id]) if point_id else ("", [])


class StatisticsRepository:
    """Read-only aggregate queries (deleted records are never counted)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def by_top_category(self, period: str, point_id: str | None) -> list[tuple[str, str, int]]:
        """(level-1 code, Chinese name, count) of a period, largest first, zero rows omitted."""
        extra, params = _point_clause(point_id, "c")
        rows = self.db.execute(
            "SELECT top.code, top.name_zh, count(*) AS n FROM consultation c "
            "JOIN category cat ON cat.code = c.category_code "
            "JOIN category top ON top.code = coalesce(cat.parent_code, cat.code) "
            f"WHERE c.deleted = 0 AND c.period = ?{extra} GROUP BY top.code ORDER BY n DESC, top.sort_order",
            [period, *params],
        ).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]

    def by_category(self, period: str, point_id: str | None) -> list[tuple[str, str, int]]:
        """(category code, Chinese name, count) at the level recorded, largest first."""
        extra, params = _point_clause(point_id, "c")
        rows = self.db.execute(
            "SELECT cat.code, cat.name_zh, count(*) AS n FROM consultation c "
            "JOIN category cat ON cat.code = c.category_code "
            f"WHERE c.deleted = 0 AND c.period = ?{extra} GROUP BY cat.code ORDER BY n DESC, cat.sort_order",
            [period, *params],
        ).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]

    def by_outcome(self, period: str, point_id: str | None) -> dict[str, int]:
        """Outcome code → count for a period."""
        extra, params = _point_clause(point_id)
        rows = self.db.execute(
            f"SELECT outcome, count(*) FROM consultation WHERE deleted = 0 AND period = ?{extra} GROUP BY outcome",
            [period, *params],
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def by_mode(self, period: str, point_id: str | None) -> dict[str, int]:
        """Reception mode code → count for a period."""
        extra, params = _point_clause(point_id)
        rows = self.db.execute(
            f"SELECT mode, count(*) FROM consultation WHERE deleted = 0 AND period = ?{extra} GROUP BY mode",
            [period, *params],
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def trend(self, periods: list[str], point_id: str | None) -> list[tuple[str, int, int, int]]:
        """(period, consultations, sessions, audience) for each period given, in that order."""
        if not periods:
            return []
        marks = ",".join("?" * len(periods))
        extra, params = _point_clause(point_id)
        consult = dict(self.db.execute(
            f"SELECT period, count(*) FROM consultation WHERE deleted = 0 AND period IN ({marks}){extra} GROUP BY period",
            [*periods, *params],
        ).fetchall())
        sessions = {r[0]: (int(r[1]), int(r[2])) for r in self.db.execute(
            "SELECT period, count(*), coalesce(sum(audience), 0) FROM education_session "
            f"WHERE deleted = 0 AND period IN ({marks}){extra} GROUP BY period",
            [*periods, *params],
        )}
        return [(p, int(consult.get(p, 0)), *sessions.get(p, (0, 0))) for p in periods]

    def overdue(self, as_of: date, point_id: str | None, *, received_before: date | None = None,
                limit: int = 200) -> list[dict[str, Any]]:
        """Unanswered follow-ups whose due date is before ``as_of`` (of consultations received
        before ``received_before``, if given), oldest due first."""
        extra, params = _point_clause(point_id, "c")
        if received_before:
            extra += " AND c.received_at < ?"
            params.append(received_before.isoformat())
        return list(self.db.query(
            "SELECT c.id, c.received_at, c.visitor_name, c.village, cat.name_zh AS category, c.outcome, "
            "c.followup_due, c.receiver_name FROM consultation c JOIN category cat ON cat.code = c.category_code "
            f"WHERE c.deleted = 0 AND c.followup_done IS NULL AND c.followup_due < ?{extra} "
            "ORDER BY c.followup_due, c.received_at LIMIT ?",
            [as_of.isoformat(), *params, limit],
        ))

    def sessions_of(self, period: str, point_id: str | None) -> list[dict[str, Any]]:
        """The period's sessions (date, time, form, topic, place, audience, views), in date order."""
        extra, params = _point_clause(point_id)
        return list(self.db.query(
            "SELECT held_on, start_time, form, topic, place, audience, views FROM education_session "
            f"WHERE deleted = 0 AND period = ?{extra} ORDER BY held_on, start_time",
            [period, *params],
        ))
