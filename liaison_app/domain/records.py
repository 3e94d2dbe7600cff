"""Domain records: frozen dataclasses, nouns, no storage or GUI concerns.

Every stored record has a stable UUID (``id``), ``created_at``/``updated_at`` (aware datetimes,
+08:00) and a soft-delete mark, so that batches can carry updates and deletions (GUIDE §3).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from liaison_app.domain.enums import (
    AgeBand,
    FollowUpState,
    Gender,
    IdStatus,
    Mode,
    Outcome,
    SpecialGroup,
)


def new_id() -> str:
    """A new random UUID as a 36-character string."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class LiaisonPoint:
    """法官基层服务联系点. ``code`` is short and stable (used in batch file names)."""

    code: str
    name: str
    court: str
    township: str = ""
    village: str = ""
    judge_name: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Category:
    """One entry of the dispute-category dictionary (modelled on 民事案件案由规定, 2020 revision)."""

    code: str
    level: int
    parent_code: str | None
    name_zh: str
    name_en: str
    source_part: str
    dict_version: str

    @property
    def is_tag(self) -> bool:
        """TAG-* entries are cross-cutting flags, never a consultation's category."""
        return self.code == "TAG" or self.code.startswith("TAG-")


@dataclass(frozen=True)
class Consultation:
    """法律咨询 / 接待登记: one visitor's request on one occasion.

    ``received_at`` is an aware datetime (+08:00). ``phone`` and ``id_number`` are stored
    normalised (digits; ID with upper-case X). ``followup_due`` None means no follow-up is due.
    """

    point_id: str
    received_at: datetime
    visitor_name: str
    category_code: str
    question: str
    advice: str
    outcome: Outcome
    mode: Mode = Mode.ONSITE
    receiver_name: str = ""
    gender: Gender = Gender.UNKNOWN
    age_band: AgeBand = AgeBand.UNKNOWN
    phone: str = ""
    id_status: IdStatus = IdStatus.NOT_ASKED
    id_number: str = ""
    village: str = ""
    special_groups: frozenset[SpecialGroup] = frozenset()
    category_dict_version: str = ""
    referral_target: str = ""
    followup_due: date | None = None
    followup_done: date | None = None
    followup_note: str = ""
    paper_form_no: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False

    def followup_state(self, today: date) -> FollowUpState:
        """回访状态 on ``today``: done, overdue (due date passed), pending, or none due."""
        if self.followup_done is not None:
            return FollowUpState.DONE
        if self.followup_due is None:
            return FollowUpState.NONE
        if self.followup_due < today:
            return FollowUpState.OVERDUE
        return FollowUpState.PENDING

    def with_changes(self, **changes: object) -> "Consultation":
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ConsultationListRow:
    """One line of the consultation list: the columns a list shows, without the free text.

    A list of 100,000 rows holds these, not whole :class:`Consultation` records (whose question
    and advice run to hundreds of characters each); the form loads the full record by ``id``
    when a row is opened (docs/performance.md). ``visitor_name`` and ``phone`` are unmasked:
    the list masks them when it displays them.
    """

    id: str
    point_id: str
    received_at: datetime
    visitor_name: str
    phone: str
    village: str
    category_code: str
    outcome: Outcome
    followup_due: date | None
    followup_done: date | None

    def followup_state(self, today: date) -> FollowUpState:
        """回访状态 on ``today``, as :meth:`Consultation.followup_state`."""
        if self.followup_done is not None:
            return FollowUpState.DONE
        if self.followup_due is None:
            return FollowUpState.NONE
        if self.followup_due < today:
            return FollowUpState.OVERDUE
        return FollowUpState.PENDING


@dataclass(frozen=True)
class ListPage:
    """One page of a list fetched by keyset pagination.

    ``rows`` in list order; ``after`` is the opaque position of the last row (pass it back to
    get the next page: ``WHERE (sort key, id) > after``, never ``OFFSET``), None when the page
    is empty; ``has_more`` tells whether rows follow.
    """

    rows: list[ConsultationListRow]
    after: tuple[object, str] | None
    has_more: bool


@dataclass(frozen=True)
class ConsultationFilter:
    """What the consultation list shows. Empty/None fields do not filter.

    ``text`` searches visitor name, phone digits, village, question, advice, referral target,
    follow-up note and paper-form number (Chinese substrings).
    """

    period: str | None = None
    point_id: str | None = None
    category_code: str | None = None
    outcome: Outcome | None = None
    followup: FollowUpState | None = None
    text: str = ""
    include_deleted: bool = False


@dataclass(frozen=True)
class VisitorMatch:
    """An earlier consultation of (probably) the same person, and why it matched."""

    consultation_id: str
    received_at: datetime
    visitor_name: str
    village: str
    category_code: str
    outcome: Outcome
    reason: str  # Chinese: "同一电话" / "同一身份证号" / "同村姓名相近"


@dataclass(frozen=True)
class MonthFigures:
    """Counts for the start page: one period (optionally one point), follow-ups as of ``today``.

    ``consultations`` counts 人次 (each consultation is one visitor occasion). ``overdue_total``
    covers every period: an unanswered request never drops off the start page.
    """

    period: str
    consultations: int
    followups_required: int
    followups_done: int
    overdue_total: int
    pending_total: int

    @property
    def followup_rate(self) -> float | None:
        """Share (0–1) of this period's required follow-ups that are done; None if none required."""
        if self.followups_required == 0:
            return None
        return self.followups_done / self.followups_required
