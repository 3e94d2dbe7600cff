"""Use cases for PDF reports: the monthly work report and the registration form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from liaison_app.core.access import Permission
from liaison_app.core.figures import period_overview
from liaison_app.domain import clock
from liaison_app.domain.education import SessionForm
from liaison_app.domain.enums import Outcome
from liaison_app.domain.identity import mask_name
from liaison_app.reports.fonts import GlyphReport
from liaison_app.reports.monthly import MonthlyReportData, OverdueItem, SessionItem, write_monthly_report
from liaison_app.storage.statistics import StatisticsRepository

TREND_MONTHS = 12


def monthly_report_data(core, period: str, point_code: str | None = None) -> MonthlyReportData:  # type: ignore[no-untyped-def]
    """Collect every figure of the monthly report for one point (``point_code``) or all points.

    Raises:
        NotFoundError: unknown point code. ValueError: malformed period.
    """
    clock.parse_period(period)
    stats = StatisticsRepository(core.db)
    point = core.points.by_code(point_code) if point_code else None
    point_id = point.id if point else None
    points = core.points.all()
    if point:
        scope, court = point.name, point.court
    else:
        courts = sorted({p.court for p in points})
        scope = "全部联系点" if len(points) != 1 else points[0].name
        court = "、".join(courts) if courts else ""
    overview = period_overview(core.db, period, point_id)
    followups = core.consultations.repo.month_figures(period, point_id, core.now().date())
    by_outcome_codes = stats.by_outcome(period, point_id)
    today = core.now().date()
    period_end = clock.period_bounds(period)[1]
    overdue = [
        OverdueItem(
            received=r["received_at"][:10], visitor=mask_name(r["visitor_name"]), village=r["village"],
            category=r["category"], due=r["followup_due"],
            days_overdue=(today - date.fromisoformat(r["followup_due"])).days,
            receiver=r["receiver_name"],
        )
        for r in stats.overdue(today, point_id, received_before=period_end)
    ]
    periods = [clock.shift_period(period, -i) for i in range(TREND_MONTHS - 1, -1, -1)]
    return MonthlyReportData(
        scope=scope, court=court, period=period,
        generated_at=clock.format_datetime_zh(core.now()),
        consultations=overview.consultations, sessions=overview.sessions, audience=overview.audience,
        online_views=overview.online_views, visits=overview.visits, visit_hours=overview.visit_hours,
        followups_required=followups.followups_required, followups_done=followups.followups_done,
        by_category=[(name, n) for _, name, n in stats.by_top_category(period, point_id)],
        by_outcome=[(o.label, by_outcome_codes[o.value]) for o in Outcome if by_outcome_codes.get(o.value)],
        trend=[(p, c, a) for p, c, _, a in stats.trend(periods, point_id)],
        overdue=overdue,
        session_items=[
            SessionItem(r["held_on"], SessionForm(r["form"]).label, r["topic"], r["place"], r["audience"], r["views"])
            for r in stats.sessions_of(period, point_id)
        ],
    )


def write_monthly(core, period: str, out: Path, point_code: str | None = None) -> GlyphReport:  # type: ignore[no-untyped-def]
    """Write the monthly work report PDF; returns characters the font lacked."""
    return write_monthly_report(monthly_report_data(core, period, point_code), Path(out))


def registration_data(core, consultation_id: str, *, masked: bool = False):  # type: ignore[no-untyped-def]
    """Everything printed on the registration form of one consultation.

    ``masked`` prints name and phone masked and leaves the ID number out (for copies handed on).
    """
    from liaison_app.domain.enums import IdStatus
    from liaison_app.domain.identity import mask_phone
    from liaison_app.reports.registration import RegistrationData

    record = core.consultations.get(consultation_id)
    point = core.points.get(record.point_id)
    if record.id_status is IdStatus.GIVEN:
        id_text = "（已隐去）" if masked else record.id_number
    else:
        id_text = record.id_status.label
    return RegistrationData(
        point_name=point.name, court=point.court,
        serial=record.paper_form_no or record.id.split("-")[0].upper(),
        received=clock.format_datetime_zh(record.received_at), mode=record.mode.label,
        receiver=record.receiver_name,
        visitor=mask_name(record.visitor_name) if masked else record.visitor_name,
        gender=record.gender.label, age_band=record.age_band.label,
        phone=(mask_phone(record.phone) if masked else record.phone) or "未留",
        id_number=id_text, village=record.village,
        special_groups="、".join(g.label for g in sorted(record.special_groups, key=lambda g: list(type(g)).index(g))),
        category=core.consultations.category_name(record.category_code),
        question=record.question, advice=record.advice, outcome=record.outcome.label,
        referral=record.referral_target,
        followup_due=clock.format_date_zh(record.followup_due), followup_done=clock.format_date_zh(record.followup_done),
        followup_note=record.followup_note, printed_at=clock.format_datetime_zh(core.now()),
    )


def write_registration(core, consultation_id: str, out: Path, *, masked: bool = False) -> GlyphReport:  # type: ignore[no-untyped-def]
    """Write the 来访接待登记表 PDF of one consultation. A full (unmasked) form needs
    ``Permission.EXPORT_PERSONAL`` (PermissionDeniedError for volunteers) and is audited."""
    from liaison_app.reports.registration import write_registration_form

    if not masked:
        core.access.require(Permission.EXPORT_PERSONAL)
    glyphs = write_registration_form(registration_data(core, consultation_id, masked=masked), Path(out))
    if not masked:
        with core.db.atomic():
            core.access.log("export", "consultation", consultation_id, note=f"打印完整登记表 {Path(out).name}")
    return glyphs
