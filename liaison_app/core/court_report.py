"""The region-wide monthly work report (全辖区月度工作报告) at the court, from the merged batches.

The same layout as a point's report (:mod:`liaison_app.reports.monthly`), filled from the court
database only (never a point's database): figures of the points' current batches of the month,
a table by point, which points' batches arrived (报送情况), the last twelve months, the month's
sessions and its overdue follow-ups with the point of each. Rules as in the summary workbook
(docs/court-merge.md): deleted rows are not counted, only the latest seq of a point and month.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

from liaison_app.core.court import DEFAULT_DUE_DAY, CourtService
from liaison_app.core.dashboard import trend_periods
from liaison_app.domain import clock
from liaison_app.domain.court import MonthFigures, Submission
from liaison_app.domain.enums import Outcome
from liaison_app.domain.identity import mask_name
from liaison_app.errors import UserError
from liaison_app.reports.fonts import GlyphReport
from liaison_app.reports.monthly import (
    MonthlyReportData,
    OverdueItem,
    PointRow,
    SessionItem,
    SubmissionSummary,
    write_monthly_report,
)
from liaison_app.storage.court import CourtRepository

REGION_SCOPE = "全辖区法官基层服务联系点"
OVERDUE_LIST_LIMIT = 500
REPORT_NOTES = [
    ("本报告由法院汇总库生成：只统计各联系点已报送并汇总的批次，每个联系点每月只计最新序号的批次；"
     "已删除的记录不计入。未报送的联系点在“各联系点情况”中显示为“未报送”或“未到期”，其数字不计入合计。"),
    "法律服务人次 = 法律咨询人次 + 普法宣讲现场受众人数；线上观看人次单列，不计入。",
    ("逾期未回访：本月的咨询中，回访期限早于报告生成日、而联系点最新批次中尚无回访日期的件数"
     "（联系点之后完成的回访，要等重新报送该月批次后才计入）。"),
    "汇总库只知道报送过批次的联系点；从未报送过任何批次的联系点不在上表中。",
]


def court_report_data(service: CourtService, period: str, *, due_day: int = DEFAULT_DUE_DAY) -> MonthlyReportData:
    """Collect the region-wide report of ``period`` (``YYYY-MM``) from the court database.

    Points are those the court database knows; a point is listed for a month not before its
    first batch. Overdue follow-ups are the month's consultations whose due date is before today
    and which the point's latest batch does not show as answered.

    Raises:
        UserError: malformed month, or the court database cannot be used.
    """
    try:
        clock.parse_period(period)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    repo = CourtRepository(service.db)
    now = service.now()
    today = now.date()
    periods = trend_periods(period)
    point_rows_all, _ = service.figures(periods[0], periods[-1])
    month_rows = {f.point_code: f for f in point_rows_all if f.period == period}
    total = MonthFigures(period)
    for figures in month_rows.values():
        total.add(figures)

    grid = service.completeness(period, period, due_day=due_day, today=today)
    names = {code: name for code, name, _ in grid.points}
    by_point: list[PointRow] = []
    states: dict[Submission, list[str]] = {state: [] for state in Submission}
    for code, name, _ in grid.points:
        cell = grid.cell(code, period)
        if cell.state is Submission.NOT_EXPECTED:
            continue
        states[cell.state].append(name)
        f = month_rows.get(code)
        if cell.received and f is not None:
            by_point.append(PointRow(
                name=name, batch=cell.text().rsplit(" ", 1)[0], received=True, consultations=f.consultations,
                sessions=f.sessions, audience=f.audience, visits=f.visits, visit_hours=f.visit_hours,
                followups_required=f.followups_required, followups_done=f.followups_done,
                overdue=f.followups_overdue))
        else:
            by_point.append(PointRow(name=name, batch=cell.state.value, received=False))
    due = clock.format_date_zh(grid.cell(grid.points[0][0], period).due) if grid.points else ""
    submissions = SubmissionSummary(due=due, on_time=states[Submission.RECEIVED], late=states[Submission.LATE],
                                    missing=states[Submission.MISSING], pending=states[Submission.PENDING])

    category_names = {code: name for code, _, _, name in repo.categories()}
    category_order = {code: i for i, (code, *_rest) in enumerate(repo.categories())}
    by_category = sorted(total.by_category.items(), key=lambda item: (-item[1], category_order.get(item[0], 10**6)))
    outcome_labels = [o.label for o in Outcome]
    by_outcome = [(label, total.by_outcome[label]) for label in outcome_labels if total.by_outcome[label]]
    by_outcome += [(label, n) for label, n in sorted(total.by_outcome.items()) if label not in outcome_labels and n]

    trend_totals: dict[str, Counter[str]] = {p: Counter() for p in periods}
    for f in point_rows_all:
        trend_totals[f.period].update(consultations=f.consultations, audience=f.audience)

    overdue_rows = repo.overdue_of(period, today.isoformat(), OVERDUE_LIST_LIMIT)
    overdue = [
        OverdueItem(
            received=r["received_at"][:10], visitor=mask_name(r["visitor_name"]), village=r["village"],
            category=r["category_name"], due=r["followup_due"],
            days_overdue=(today - date.fromisoformat(r["followup_due"])).days, receiver=r["receiver_name"],
            point=names.get(r["point_code"], r["point_name"]),
        )
        for r in overdue_rows
    ]
    sessions = [
        SessionItem(r["held_on"], r["form"], r["topic"], r["place"], int(r["audience"]), r["views"],
                    point=names.get(r["point_code"], r["point_name"]))
        for r in repo.sessions_of(period)
    ]
    courts = sorted({court for _, _, court in grid.points})
    return MonthlyReportData(
        scope=REGION_SCOPE, court="、".join(courts), period=period,
        generated_at=clock.format_datetime_zh(now),
        consultations=total.consultations, sessions=total.sessions, audience=total.audience,
        online_views=total.views, visits=total.visits, visit_hours=Decimal(total.visit_tenths) / 10,
        followups_required=total.followups_required, followups_done=total.followups_done,
        by_category=[(category_names.get(code, code), n) for code, n in by_category if n],
        by_outcome=by_outcome,
        trend=[(p, trend_totals[p]["consultations"], trend_totals[p]["audience"]) for p in periods],
        overdue=overdue, session_items=sessions,
        by_point=by_point, submissions=submissions,
        overdue_total=total.followups_overdue, overdue_label="本月咨询逾期未回访（件）",
        notes=REPORT_NOTES,
    )


def write_court_report(service: CourtService, period: str, out: Path, *,
                       due_day: int = DEFAULT_DUE_DAY) -> GlyphReport:
    """Write the region-wide monthly report PDF of ``period``; returns characters the font lacked.

    Raises:
        UserError: as :func:`court_report_data`.
    """
    return write_monthly_report(court_report_data(service, period, due_day=due_day), Path(out))
