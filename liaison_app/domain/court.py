"""What the court sees after merging: figures per point and month, and which batches arrived.

Pure data (no storage, no files): built by :mod:`liaison_app.core.court` from the court database,
written to a workbook by :mod:`liaison_app.exchange.court_workbooks`, shown by the GUI's court mode.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from liaison_app.domain import clock


@dataclass
class MonthFigures:
    """Figures of one point (or one court) and month, deleted rows left out.

    ``legal_service_visits`` is 法律服务人次 = consultations + education audience present (online
    views reported beside it, GUIDE §1). ``visitors`` counts distinct pseudonymous visitor keys
    (None when not meaningful, e.g. a sum over points whose distinct count is not known).
    """

    period: str
    point_code: str = ""
    point_name: str = ""
    court: str = ""
    seq: int | None = None
    consultations: int = 0
    by_outcome: Counter[str] = field(default_factory=Counter)     # outcome label → count
    by_category: Counter[str] = field(default_factory=Counter)    # level-1 category code → count
    followups_required: int = 0
    followups_done: int = 0
    followups_overdue: int = 0
    visitors: int | None = 0
    keyless: int = 0
    repeat_visits: int | None = None       # keyed consultations minus distinct visitors (court level)
    multi_point_visitors: int | None = None
    sessions: int = 0
    audience: int = 0
    views: int = 0
    visits: int = 0
    visit_tenths: int = 0
    shifts: Counter[str] = field(default_factory=Counter)         # shift state label → count

    @property
    def legal_service_visits(self) -> int:
        return self.consultations + self.audience

    @property
    def visit_hours(self) -> Decimal:
        return Decimal(self.visit_tenths) / 10

    @property
    def followup_rate(self) -> float | None:
        """Share of required follow-ups done (None when none was required)."""
        return self.followups_done / self.followups_required if self.followups_required else None

    def add(self, other: "MonthFigures") -> None:
        """Add another point's figures (distinct-visitor counts cannot be added: set them apart)."""
        self.consultations += other.consultations
        self.by_outcome.update(other.by_outcome)
        self.by_category.update(other.by_category)
        self.followups_required += other.followups_required
        self.followups_done += other.followups_done
        self.followups_overdue += other.followups_overdue
        self.keyless += other.keyless
        self.sessions += other.sessions
        self.audience += other.audience
        self.views += other.views
        self.visits += other.visits
        self.visit_tenths += other.visit_tenths
        self.shifts.update(other.shifts)


class Submission(str, Enum):
    """State of one point's batch for one month (报送情况)."""

    RECEIVED = "已报送"
    LATE = "迟报"
    MISSING = "未报送"
    PENDING = "未到期"          # no batch yet, the deadline has not passed
    NOT_EXPECTED = "—"          # before the point's first month


def due_date(period: str, due_day: int) -> date:
    """The deadline of a month's batch: day ``due_day`` of the following month."""
    year, month = clock.parse_period(clock.shift_period(period, 1))
    return date(year, month, min(due_day, 28))


@dataclass(frozen=True)
class CompletenessCell:
    """One point × month of the reporting grid.

    ``seq`` and ``exported_at`` are those of the current (highest) batch; ``first_exported_at``
    is when the month was first sent — lateness is judged on it (a later correction does not
    make a punctual month late).
    """

    point_code: str
    period: str
    state: Submission
    due: date
    seq: int | None = None
    first_exported_at: datetime | None = None
    exported_at: datetime | None = None
    batches: int = 0

    @property
    def received(self) -> bool:
        return self.state in (Submission.RECEIVED, Submission.LATE)

    def text(self) -> str:
        """``v2 12-03`` / ``迟报 v1 01-09`` / ``未报送`` / ``未到期`` / ``—``."""
        if not self.received:
            return self.state.value
        assert self.first_exported_at is not None
        shown = f"v{self.seq} {self.first_exported_at:%m-%d}"
        return f"迟报 {shown}" if self.state is Submission.LATE else shown


@dataclass(frozen=True)
class Completeness:
    """The grid of points × months (报送情况), like a reporting-rate table.

    ``points`` are ``(code, name, court)`` in court and code order; ``cells`` has every pair.
    """

    periods: list[str]
    points: list[tuple[str, str, str]]
    cells: dict[tuple[str, str], CompletenessCell]
    due_day: int

    def cell(self, point_code: str, period: str) -> CompletenessCell:
        return self.cells[(point_code, period)]

    def rate(self, period: str) -> tuple[int, int]:
        """(batches received, batches due) for a month — pending and not-expected cells excluded."""
        received = due = 0
        for code, _, _ in self.points:
            state = self.cells[(code, period)].state
            if state in (Submission.RECEIVED, Submission.LATE, Submission.MISSING):
                due += 1
                received += state is not Submission.MISSING
        return received, due
