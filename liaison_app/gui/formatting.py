"""How values look in the UI: dates the Chinese way, follow-up states (Qt-free helpers)."""

from __future__ import annotations

from datetime import date, datetime

from liaison_app.domain import clock
from liaison_app.domain.enums import FollowUpState
from liaison_app.domain.records import Consultation, ConsultationListRow
from liaison_app.i18n import translate

_CONTEXT = "formatting"

# Colour of everything that is late: 件件有回复 is the court's promise (GUIDE §1).
OVERDUE_COLOR = "#c62828"


def format_received(moment: datetime | None) -> str:
    """``2026-11-29 09:30`` (24-hour, China time); empty for None."""
    if moment is None:
        return ""
    return clock.from_iso(clock.to_iso(moment)).strftime("%Y-%m-%d %H:%M")


def format_day(day: date | None) -> str:
    """``2026-11-29``; empty for None."""
    return day.isoformat() if day else ""


def format_period_zh(period: str) -> str:
    """``2026-11`` → ``2026年11月``."""
    year, month = clock.parse_period(period)
    return translate(_CONTEXT, "{year}年{month}月").format(year=year, month=month)


def followup_text(record: Consultation | ConsultationListRow, today: date) -> str:
    """回访 column text: the state label, with the days late when overdue."""
    state = record.followup_state(today)
    if state is FollowUpState.OVERDUE and record.followup_due is not None:
        days = (today - record.followup_due).days
        return translate(_CONTEXT, "{state}（{days}天）").format(state=state.label, days=days)
    return state.label


def due_text(record: Consultation | ConsultationListRow, today: date) -> str:
    """回访期限 column text: ``2026-11-20（逾期9天）`` or just the date."""
    if record.followup_due is None:
        return ""
    text = format_day(record.followup_due)
    if record.followup_state(today) is FollowUpState.OVERDUE:
        text += translate(_CONTEXT, "（逾期{days}天）").format(days=(today - record.followup_due).days)
    return text
