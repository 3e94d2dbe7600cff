"""The month's figures shown on the 汇总 sheet of a batch (for people; not checksummed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from liaison_app.domain.education import EducationSession
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.records import Category, Consultation
from liaison_app.domain.visits import VolunteerVisit, tenths_of_hour

if TYPE_CHECKING:
    from liaison_app.domain.duty import DutyShift


@dataclass
class MonthSummary:
    """Counts over the records of one point and month, deleted ones left out.

    ``legal_service_visits`` is the court's 法律服务人次 (GUIDE §1, docs/records.md: consultation
    visitors plus education audience present; online views are reported beside it, not in it).
    Follow-ups count records with a due date (回访期限), as the start page does; their states
    are as of ``as_of`` (the export day). ``visitor_keys`` holds the distinct pseudonymous keys
    (empty when no court key is set).
    """

    as_of: date
    consultations: int = 0
    deleted: int = 0
    by_category: Counter[str] = field(default_factory=Counter)   # level-1 category code → count
    by_outcome: Counter[Outcome] = field(default_factory=Counter)
    followups_required: int = 0
    followups_done: int = 0
    followups_overdue: int = 0
    followups_pending: int = 0
    visitor_keys: set[str] = field(default_factory=set)
    keyless_consultations: int = 0   # consultations without a visitor key (no ID, no phone)
    sessions: int = 0
    audience: int = 0
    views: int = 0
    visits: int = 0
    visit_tenths: int = 0
    shifts: Counter[str] = field(default_factory=Counter)      # state label → count

    @property
    def legal_service_visits(self) -> int:
        return self.consultations + self.audience

    @property
    def followup_rate(self) -> float | None:
        """Share (0–1) of required follow-ups that are done; None when none is required."""
        return self.followups_done / self.followups_required if self.followups_required else None

    def add(self, record: Consultation, categories: Mapping[str, Category], visitor_key: str = "") -> None:
        """Count one consultation (deleted records only increase :attr:`deleted`)."""
        if record.deleted:
            self.deleted += 1
            return
        self.consultations += 1
        if visitor_key:
            self.visitor_keys.add(visitor_key)
        else:
            self.keyless_consultations += 1
        category = categories.get(record.category_code)
        top = (category.parent_code or category.code) if category else record.category_code
        self.by_category[top] += 1
        self.by_outcome[record.outcome] += 1
        if record.followup_due is None:
            return  # same rule as the start page (ConsultationRepository.month_figures)
        self.followups_required += 1
        state = record.followup_state(self.as_of)
        if state is FollowUpState.DONE:
            self.followups_done += 1
        elif state is FollowUpState.OVERDUE:
            self.followups_overdue += 1
        elif state is FollowUpState.PENDING:
            self.followups_pending += 1

    def add_session(self, session: EducationSession) -> None:
        if session.deleted:
            self.deleted += 1
            return
        self.sessions += 1
        self.audience += session.audience
        self.views += session.views or 0

    def add_visit(self, visit: VolunteerVisit) -> None:
        if visit.deleted:
            self.deleted += 1
            return
        self.visits += 1
        self.visit_tenths += tenths_of_hour(visit.minutes)

    def add_shift(self, shift: DutyShift) -> None:
        if shift.deleted:
            self.deleted += 1
            return
        self.shifts[shift.state.label] += 1
