"""Volunteers plan for themselves: take an open slot, give one back before the cut-off, ask a
named colleague to swap. Part of :class:`liaison_app.core.duty.DutyService` (``core.duty``).

A volunteer is identified by the ``person_id`` they picked (or signed in as, once accounts exist).
Unlike the judge, a volunteer's request is refused — nothing stored — when it has any problem
other than falling outside their usual availability (they know when they are free). Changes they
make are flagged ``seen_by_judge = False`` so the judge's calendar highlights them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from liaison_app.core.access import Permission
from liaison_app.domain.changes import Changes
from liaison_app.domain.duty import DutyShift, ShiftChange, ShiftSource, ShiftState, SwapRequest, SwapState
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import DutyEdit, Gap, Problem, ProblemCode, SwapResult
from liaison_app.domain.text import clean_text
from liaison_app.errors import NotFoundError
from liaison_app.i18n import translate

if TYPE_CHECKING:  # the mixin is only ever part of DutyService
    from liaison_app.core.duty import DutyService
    from liaison_app.core.duty_context import RosterContext

_SHIFTS = "duty_shift"
_SWAPS = "duty_swap_request"
# What a volunteer may do anyway: they know their own time; an exchange keeps seat counts.
_VOLUNTEER_MAY_IGNORE = {ProblemCode.UNAVAILABLE}
_SWAP_MAY_IGNORE = {ProblemCode.UNAVAILABLE, ProblemCode.SLOT_FULL, ProblemCode.DAY_OFF}


def _refusing(problems: list[Problem], ignore: set[ProblemCode]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.code not in ignore)


class VolunteerDutyMixin:
    """Self-service methods of DutyService."""

    def open_slots(self: "DutyService", point_id: str, period: str, person_id: str | None = None) -> list[Gap]:
        """Open seats of the point's month from today on; with ``person_id``, only those this
        volunteer could take (see :meth:`take`)."""
        today = self.now().date()
        gaps = [g for g in self.roster(point_id, period).gaps if g.day >= today]
        if person_id is None or not gaps:
            return gaps
        ctx = self._context_for(gaps[0].day)
        return [g for g in gaps if not self._take_problems(point_id, g.day, g.half, person_id, ctx)]

    def _take_problems(self: "DutyService", point_id: str, day: date, half: HalfDay, person_id: str,
                       ctx: RosterContext | None = None) -> tuple[Problem, ...]:
        if day < self.now().date():
            return (Problem(ProblemCode.PAST, translate("duty", "日期已过，不能认领")),)
        problems = self._assess(ctx or self._context_for(day), person_id, point_id, day, half)
        return _refusing(problems, _VOLUNTEER_MAY_IGNORE)

    def take(self: "DutyService", point_id: str, day: date, half: HalfDay, person_id: str) -> DutyEdit:
        """A volunteer takes an open seat; stored as 已确认, source 志愿者自选, highlighted for
        the judge. Refused (nothing stored) if the seat is not open or any rule is broken.
        Raises PermissionDeniedError when a volunteer takes a seat for someone else."""
        self.access.require_self_or(Permission.EDIT_ROSTER, person_id, "替他人认领值班")  # i18n-exempt: key of access.refuse()
        self.points.get(point_id)
        with self.db.atomic():
            problems = self._take_problems(point_id, day, half, person_id)
            if problems:
                return DutyEdit(False, problems)
            stamp = self.now()
            shift = DutyShift(point_id, day, half, person_id, state=ShiftState.CONFIRMED,
                              source=ShiftSource.VOLUNTEER, last_change=ShiftChange.TAKEN, changed_by=person_id,
                              seen_by_judge=False, created_at=stamp, updated_at=stamp)
            self.shift_repo.save(shift)
        return DutyEdit(True, (), (shift,), Changes.of(_SHIFTS, shift.id))

    def giveback_deadline(self: "DutyService", shift_id: str) -> date:
        """The last day a volunteer may give the shift back: its date minus the point's
        ``giveback_cutoff_days``."""
        shift = self.shift_repo.get(shift_id)
        return shift.day - timedelta(days=self.pattern(shift.point_id).giveback_cutoff_days)

    def give_back(self: "DutyService", shift_id: str, person_id: str) -> DutyEdit:
        """A volunteer gives their shift back, no later than the cut-off (e.g. 2 days before).
        The seat becomes open; the row is soft-deleted and highlighted for the judge."""
        self.access.require_self_or(Permission.EDIT_ROSTER, person_id, "替他人退回值班")  # i18n-exempt: key of access.refuse()
        with self.db.atomic():
            shift = self._live(shift_id)
            deadline = self.giveback_deadline(shift_id)
            today = self.now().date()
            if shift.person_id != person_id:
                return DutyEdit(False, (Problem(ProblemCode.WRONG_PERSON, translate("duty", "这不是您的值班，不能退回")),))
            if shift.state not in (ShiftState.PLANNED, ShiftState.CONFIRMED):
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "这一班{state}，不能退回").format(
                    state=translate("labels", shift.state.label))),))
            if today > deadline:
                days = self.pattern(shift.point_id).giveback_cutoff_days
                return DutyEdit(False, (Problem(
                    ProblemCode.CUTOFF,
                    translate("duty", "最晚应在值班日前{days}天（{year}年{month}月{day}日）退回，已过期限；请联系法官或找同事换班").format(
                        days=days, year=deadline.year, month=deadline.month, day=deadline.day)),))
            shift = self._save(shift, deleted=True, source=ShiftSource.VOLUNTEER, last_change=ShiftChange.GIVEN_BACK,
                               changed_by=person_id, seen_by_judge=False)
            self._cancel_swaps_of(shift.id)
        return DutyEdit(True, (), (shift,), Changes(frozenset({_SHIFTS, _SWAPS}), frozenset({shift.id})))

    def _swap_problems(self: "DutyService", shift: DutyShift, colleague_id: str,
                       theirs: DutyShift | None) -> tuple[Problem, ...]:
        today = self.now().date()
        found: list[Problem] = []
        for own in (shift, theirs):
            if own is None:
                continue
            if own.state not in (ShiftState.PLANNED, ShiftState.CONFIRMED):
                found.append(Problem(ProblemCode.LOCKED,
                                     translate("duty", "{month}月{day}日这一班{state}，不能换班").format(
                                         month=own.day.month, day=own.day.day,
                                         state=translate("labels", own.state.label))))
            if own.day < today:
                found.append(Problem(ProblemCode.PAST, translate("duty", "日期已过，不能换班")))
        if found:
            return tuple(found)
        ctx = self._context_for(shift.day, *([theirs.day] if theirs else []))
        if theirs is not None and (theirs.point_id, theirs.day, theirs.half) == (shift.point_id, shift.day, shift.half):
            return (Problem(ProblemCode.SAME_SLOT, translate("duty", "两人在同一班，无需换班")),)
        exclude = [shift.id] + ([theirs.id] if theirs else [])
        found += self._assess(ctx, colleague_id, shift.point_id, shift.day, shift.half, exclude)
        if theirs is not None:
            found += self._assess(ctx, shift.person_id, theirs.point_id, theirs.day, theirs.half, exclude)
        return _refusing(found, _SWAP_MAY_IGNORE)

    def request_swap(self: "DutyService", shift_id: str, person_id: str, colleague_id: str,
                     their_shift_id: str | None = None, note: str = "") -> SwapResult:
        """Ask ``colleague_id`` to take ``shift_id`` over, or (with ``their_shift_id``) to
        exchange it for one of theirs. Refused with reasons if the colleague (or the asker, for
        an exchange) could not take the other's half-day."""
        self.access.require_self_or(Permission.EDIT_ROSTER, person_id, "替他人申请换班")  # i18n-exempt: key of access.refuse()
        shift = self._live(shift_id)
        if shift.person_id != person_id:
            return SwapResult(None, (Problem(ProblemCode.WRONG_PERSON, translate("duty", "这不是您的值班")),))
        if colleague_id == person_id:
            return SwapResult(None, (Problem(ProblemCode.SAME_SLOT, translate("duty", "请选择另一位同事")),))
        theirs = self._live(their_shift_id) if their_shift_id else None
        if theirs is not None and theirs.person_id != colleague_id:
            return SwapResult(None, (Problem(ProblemCode.WRONG_PERSON, translate("duty", "所选的班不是这位同事的")),))
        problems = self._swap_problems(shift, colleague_id, theirs)
        if problems:
            return SwapResult(None, problems)
        for pending in self.swaps.find(shift_id=shift.id):
            if pending.to_person_id == colleague_id and pending.their_shift_id == their_shift_id:
                return SwapResult(pending)
        request = SwapRequest(shift.id, person_id, colleague_id, their_shift_id, note=clean_text(note)[:200],
                              created_at=self.now())
        with self.db.atomic():
            self.swaps.save(request)
        return SwapResult(request, (), Changes.of(_SWAPS, request.id))

    def swap_requests(self: "DutyService", person_id: str | None = None, *,
                      pending_only: bool = True) -> list[SwapRequest]:
        """Requests made by or to ``person_id`` (all people if None), oldest first."""
        return self.swaps.find(person_id=person_id, pending_only=pending_only)

    def answer_swap(self: "DutyService", request_id: str, person_id: str, accept: bool) -> DutyEdit:
        """The asked colleague agrees or declines. On agreement the shifts change hands (both
        已确认, highlighted for the judge) — unless a rule is broken by now (then nothing is
        stored and the request stays pending)."""
        self.access.require_self_or(Permission.EDIT_ROSTER, person_id, "替他人答复换班请求")  # i18n-exempt: key of access.refuse()
        with self.db.atomic():
            request = self.swaps.get(request_id)
            if request.to_person_id != person_id:
                return DutyEdit(False, (Problem(ProblemCode.WRONG_PERSON, translate("duty", "这条换班请求不是发给您的")),))
            if request.state is not SwapState.PENDING:
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "这条换班请求{state}").format(
                    state=translate("labels", request.state.label))),))
            stamp = self.now()
            if not accept:
                self.swaps.save(replace(request, state=SwapState.DECLINED, answered_at=stamp))
                return DutyEdit(True, (), (), Changes.of(_SWAPS, request.id))
            shift = self._live(request.shift_id)
            theirs = self._live(request.their_shift_id) if request.their_shift_id else None
            problems = self._swap_problems(shift, person_id, theirs)
            if shift.person_id != request.from_person_id or (theirs and theirs.person_id != person_id):
                problems += (Problem(ProblemCode.WRONG_PERSON, translate("duty", "值班已有变动，这条请求已失效")),)
            if problems:
                return DutyEdit(False, problems)
            common = dict(state=ShiftState.CONFIRMED, source=ShiftSource.VOLUNTEER,
                          last_change=ShiftChange.SWAP_ACCEPTED, changed_by=person_id, seen_by_judge=False)
            changed = [self._save(shift, person_id=person_id, **common)]
            if theirs is not None:
                changed.append(self._save(theirs, person_id=request.from_person_id, **common))
            self._cancel_swaps_of(*(s.id for s in changed))
            self.swaps.save(replace(request, state=SwapState.ACCEPTED, answered_at=stamp))
        return DutyEdit(True, (), tuple(changed),
                        Changes(frozenset({_SHIFTS, _SWAPS}), frozenset({request.id, *(s.id for s in changed)})))

    def cancel_swap(self: "DutyService", request_id: str, person_id: str) -> Changes:
        """The asker withdraws a pending request (no-op if it is no longer pending)."""
        self.access.require_self_or(Permission.EDIT_ROSTER, person_id, "替他人撤回换班请求")  # i18n-exempt: key of access.refuse()
        request = self.swaps.get(request_id)
        if request.from_person_id != person_id:
            raise NotFoundError(translate("duty", "只能撤回自己发出的换班请求"))
        if request.state is SwapState.PENDING:
            self.swaps.save(replace(request, state=SwapState.CANCELLED, answered_at=self.now()))
        return Changes.of(_SWAPS, request.id)
