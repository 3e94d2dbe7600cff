"""How values look in the UI: dates the Chinese way, follow-up states (Qt-free helpers)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from liaison_app.domain import clock
from liaison_app.domain.enums import FollowUpState
from liaison_app.domain.records import Consultation, ConsultationListRow
from liaison_app.gui.labels import label
from liaison_app.i18n import translate

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
    """``2026-11`` → ``2026年11月`` (translated)."""
    year, month = clock.parse_period(period)
    return translate("formatting", "{year}年{month}月").format(year=year, month=month)


def point_text(name: str, code: str) -> str:
    """A liaison point in a choice: ``宁安镇法官联系点（NA01）``."""
    return translate("formatting", "{name}（{code}）").format(name=name, code=code)


def breakable_path(path: object) -> str:
    """``path`` as text a word-wrapped label may break after ``/``, ``\\``, ``_``, ``-`` and
    ``.`` (a zero-width space there), so a long file name wraps instead of widening the page."""
    text = str(path)
    for mark in ("/", "\\", "_", "-", "."):
        text = text.replace(mark, mark + "\u200b")
    return text


def join_list(parts: Iterable[str]) -> str:
    """Names or labels in a row: ``张德昇、马建国``."""
    return translate("formatting", "、", "separator of listed names or labels").join(parts)


def join_clauses(parts: Iterable[str]) -> str:
    """Messages or titles in a row: ``日期不能为空；地点不能为空``."""
    return translate("formatting", "；", "separator of messages or titles").join(parts)


def overdue_days_text(days: int) -> str:
    """``（逾期9天）``, put after a due date."""
    return translate("formatting", "（逾期{days}天）").format(days=days)


def overdue_state_text(days: int) -> str:
    """``已逾期（9天）``: the overdue state with the days late."""
    return translate("formatting", "{state}（{days}天）").format(state=label(FollowUpState.OVERDUE), days=days)


def followup_text(record: Consultation | ConsultationListRow, today: date) -> str:
    """回访 column text: the state label, with the days late when overdue."""
    state = record.followup_state(today)
    if state is FollowUpState.OVERDUE and record.followup_due is not None:
        return overdue_state_text((today - record.followup_due).days)
    return label(state)


def due_text(record: Consultation | ConsultationListRow, today: date) -> str:
    """回访期限 column text: ``2026-11-20（逾期9天）`` or just the date."""
    if record.followup_due is None:
        return ""
    text = format_day(record.followup_due)
    if record.followup_state(today) is FollowUpState.OVERDUE:
        text += overdue_days_text((today - record.followup_due).days)
    return text
