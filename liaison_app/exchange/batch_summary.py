"""The month's figures shown on the 汇总 sheet of a batch (for people; not checksummed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.records import Category, Consultation


@dataclass
class MonthSummary:
    """Counts over the consultations of one point and month, deleted ones left out.

    ``legal_service_visits`` is the court's 法律服务人次 (GUIDE §1: consultation visitors plus
    education audience); education sessions are not in the batch yet, so it equals
    ``consultations`` for now. Follow-ups count records with a due date (回访期限), as the start
    page does; their states are as of ``as_of`` (the export day).
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

    @property
    def legal_service_visits(self) -> int:
        return self.consultations

    @property
    def followup_rate(self) -> float | None:
        """Share (0–1) of required follow-ups that are done; None when none is required."""
        return self.followups_done / self.followups_required if self.followups_required else None

    def add(self, record: Consultation, categories: Mapping[str, Category]) -> None:
        """Count one record (deleted records only increase :attr:`deleted`)."""
        if record.deleted:
            self.deleted += 1
            return
        self.consultations += 1
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
