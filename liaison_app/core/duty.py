"""Use cases of the duty roster (值班表): patterns, holidays, the month view, generating, the
judge's edits, done → volunteer visit, the start-page list and the files (PDF, iCalendar).

Volunteers' own actions (take an open slot, give one back, swap) are in
:mod:`liaison_app.core.duty_volunteer`; both are reached as ``core.duty``.

Every edit returns a :class:`~liaison_app.domain.roster.DutyEdit` with the problems (clash,
over cap, too many days in a row…) as data, at once. The judge's edits are stored even when
doubtful — the judge decides — and stay flagged in :meth:`DutyService.roster`; the generator and
volunteers never make a doubtful booking. Rules: docs/duty-roster.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.core.duty_context import (
    HALVES,
    RosterContext,
    booking_of,
    gaps_of,
    load_context,
    slot_views,
    spread_of,
)
from liaison_app.core.duty_volunteer import VolunteerDutyMixin
from liaison_app.core.visits import VisitService
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.duty import (
    CalendarDayKind,
    CalendarOverride,
    DutyPattern,
    DutyShift,
    ShiftChange,
    ShiftSource,
    ShiftState,
    SwapRequest,
    SwapState,
    validate_pattern,
)
from liaison_app.domain.people import HalfDay
from liaison_app.domain.roster import (
    Candidate,
    DayInfo,
    DutyDay,
    DutyEdit,
    Gap,
    GapReason,
    GenerateReport,
    Problem,
    ProblemCode,
    RosterView,
)
from liaison_app.domain.text import clean_text
from liaison_app.domain.visits import Activity, VolunteerVisit
from liaison_app.errors import NotFoundError, UserError, ValidationError
from liaison_app.i18n import translate
from liaison_app.reports.fonts import GlyphReport
from liaison_app.scheduling.pattern import duty_slots, halves_on
from liaison_app.scheduling.planner import PlanRequest, plan
from liaison_app.scheduling.rules import check
from liaison_app.storage.duty import (
    CalendarOverrideRepository,
    DutyPatternRepository,
    DutyShiftRepository,
    SwapRequestRepository,
)
from liaison_app.storage.people import PersonRepository
from liaison_app.storage.reference import PointRepository

SHIFTS = "duty_shift"
PATTERNS = "duty_pattern"
CALENDAR = "duty_calendar_day"
SWAPS = "duty_swap_request"


class _AuditedShifts(DutyShiftRepository):
    """Shift storage that writes an audit entry for every stored change (create, update,
    delete = cleared/given back, restore), in the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database, access: AccessControl):
        super().__init__(db)
        self.access = access

    def save(self, s: DutyShift) -> None:
        try:
            before: DutyShift | None = self.get(s.id)
        except NotFoundError:
            before = None
        super().save(s)
        action = "create" if before is None else (
            "delete" if s.deleted and not before.deleted else "restore" if before.deleted and not s.deleted
            else "update")
        self.access.log_change(SHIFTS, s.id, before, s, action=action)


class _AuditedSwaps(SwapRequestRepository):
    """Swap-request storage with an audit entry per stored change."""

    def __init__(self, db: sqlite_utils.Database, access: AccessControl):
        super().__init__(db)
        self.access = access

    def save(self, s: SwapRequest) -> None:  # type: ignore[override]
        try:
            before: SwapRequest | None = self.get(s.id)
        except NotFoundError:
            before = None
        super().save(s)
        self.access.log_change(SWAPS, s.id, before, s)


class DutyService(VolunteerDutyMixin):
    """The roster of every point. Dates are China dates; half-days are :class:`HalfDay`.

    Args:
        db: the open database. now: the clock (aware datetimes). visits: where done shifts
            become volunteer visits. access: the acting user (default: the system actor).

    The judge's edits need :attr:`Permission.EDIT_ROSTER` (法官, 管理员); a volunteer may act
    only on their own shifts (take, give back, swap, confirm, leave, done) — else
    PermissionDeniedError, nothing stored. Every stored change is audited.
    """

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], visits: VisitService,
                 access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.visits = visits
        self.access = access or visits.access
        self.patterns = DutyPatternRepository(db)
        self.shift_repo = _AuditedShifts(db, self.access)
        self.overrides = CalendarOverrideRepository(db)
        self.swaps = _AuditedSwaps(db, self.access)
        self.points = PointRepository(db)
        self.people = PersonRepository(db)

    # -- settings: pattern and the hand-entered calendar -------------------------------------
    def pattern(self, point_id: str) -> DutyPattern:
        """The point's pattern; the built-in default (``stored`` False) if none was saved."""
        return self.patterns.get(point_id) or DutyPattern(point_id=point_id)

    def save_pattern(self, pattern: DutyPattern) -> tuple[DutyPattern, Changes]:
        """Validate and store. Raises ValidationError; NotFoundError for an unknown point."""
        self.access.require(Permission.EDIT_ROSTER)
        errors = validate_pattern(pattern)
        if errors:
            raise ValidationError(errors)
        self.points.get(pattern.point_id)
        stamp = self.now()
        with self.db.atomic():
            old = self.patterns.get(pattern.point_id)
            pattern = pattern.with_changes(stored=True, updated_at=stamp,
                                           created_at=old.created_at if old else stamp)
            self.patterns.save(pattern)
            self.access.log_change(PATTERNS, pattern.point_id, old, pattern)
        return pattern, Changes.of(PATTERNS, pattern.point_id)

    def calendar_days(self, year: int | None = None) -> list[CalendarOverride]:
        """The hand-entered days (节假日表), all or of one year, by date."""
        return self.overrides.all(year)

    def set_calendar_day(self, day: date, kind: CalendarDayKind, note: str = "") -> Changes:
        """Enter (or change) a day off or a working day; it wins over chinese-calendar."""
        self.access.require(Permission.EDIT_ROSTER)
        stamp = self.now()
        with self.db.atomic():
            old = {o.day: o for o in self.overrides.all(day.year)}.get(day)
            new = CalendarOverride(day, kind, clean_text(note)[:50], old.created_at if old else stamp, stamp)
            self.overrides.save(new)
            self.access.log_change(CALENDAR, day.isoformat(), old, new)
        return Changes.of(CALENDAR, day.isoformat())

    def remove_calendar_day(self, day: date) -> Changes:
        """Drop a hand-entered day (the library's or the weekend rule applies again)."""
        self.access.require(Permission.EDIT_ROSTER)
        with self.db.atomic():
            if self.overrides.delete(day):
                self.access.log("delete", CALENDAR, day.isoformat())
        return Changes.of(CALENDAR, day.isoformat())

    def day_info(self, day: date) -> DayInfo:
        """The kind of ``day`` (hand-entered table → chinese-calendar → weekends)."""
        return load_context(self.db, day, day + timedelta(days=1)).calendar.day(day)

    def calendar_warnings(self, period: str) -> list[str]:
        """Warnings for a month whose year chinese-calendar does not cover (empty otherwise)."""
        start, end = clock.period_bounds(period)
        return load_context(self.db, start, end).calendar.warnings(start, end)

    # -- reading ------------------------------------------------------------------------------
    def shift(self, shift_id: str) -> DutyShift:
        """One shift (deleted ones too). Raises NotFoundError."""
        return self.shift_repo.get(shift_id)

    def shifts(self, point_id: str, period: str) -> list[DutyShift]:
        """The point's shifts of the month (not deleted, leave included), in time order."""
        start, end = clock.period_bounds(period)
        return self.shift_repo.of_point(point_id, start, end)

    def iter_period(self, point_id: str, period: str) -> Iterator[DutyShift]:
        """Every shift of a point and month, deleted ones too, in time order — for the batch."""
        return self.shift_repo.iter_period(point_id, period)

    def _warnings(self, ctx: RosterContext, pattern: DutyPattern) -> list[str]:
        found = ctx.calendar.warnings(ctx.start, ctx.end)
        if not pattern.stored:
            found.append(translate("duty", "本联系点尚未设置值班规则，暂按默认：{pattern}。").format(
                pattern=pattern.describe()))
        return found

    def roster(self, point_id: str, period: str) -> RosterView:
        """The month of one point for the calendar view and the PDF (see RosterView)."""
        start, end = clock.period_bounds(period)
        point = self.points.get(point_id)
        pattern = self.pattern(point_id)
        ctx = load_context(self.db, start, end)
        ledger = ctx.ledger()
        views = slot_views(ctx, pattern, point_id, start, end, ledger)
        gaps = gaps_of(ctx, views.values(), point_id, pattern, ledger, self.now().date())
        unseen = sum(1 for s in self.shift_repo.unseen(point_id) if start <= s.day < end)
        return RosterView(point, period, pattern, tuple(ctx.calendar.days(start, end)), views, ctx.names,
                          spread_of(ctx, point_id, start, end), tuple(gaps),
                          tuple(self._warnings(ctx, pattern)), unseen,
                          tuple(ctx.calendar.warnings(start, end)))

    def duty_days(self, *, point_id: str | None = None, days: int = 2) -> list[DutyDay]:
        """Today's and tomorrow's duty (``days`` days from today) per point, with open seats,
        for the start page. Half-days without seats or shifts are left out."""
        today = self.now().date()
        end = today + timedelta(days=days)
        ctx = load_context(self.db, today, end)
        ledger = ctx.ledger()
        points = [self.points.get(point_id)] if point_id else list(ctx.points.values())
        found: list[DutyDay] = []
        for day in (today + timedelta(n) for n in range(days)):
            for point in points:
                views = slot_views(ctx, self.pattern(point.id), point.id, day, day + timedelta(1), ledger)
                shown = tuple(views[(day, h)] for h in HALVES if views[(day, h)].seats or views[(day, h)].shifts)
                found.append(DutyDay(point, ctx.calendar.day(day), shown, ctx.names))
        return found

    # -- generating ---------------------------------------------------------------------------
    def generate(self, point_id: str, period: str) -> GenerateReport:
        """Fill the point's month from today on, keeping every shift that is confirmed, done,
        on leave, hand-made or the volunteer's own, and every shift before today. Generated,
        only-planned shifts from today on are replaced (kept if the new plan is the same).
        A person the judge cleared, or who gave the half-day back, is not put back there."""
        self.access.require(Permission.EDIT_ROSTER)
        start, end = clock.period_bounds(period)
        self.points.get(point_id)
        pattern = self.pattern(point_id)
        today = self.now().date()
        stamp = self.now()
        with self.db.atomic():
            ctx = load_context(self.db, start, end)
            stale = [s for s in ctx.at_point(point_id, start, end) if s.replaceable and s.day >= today]
            stale_ids = {s.id for s in stale}
            ledger = ctx.ledger(stale_ids)
            blocked = {(s.person_id, s.day, s.half)
                       for s in self.shift_repo.of_point(point_id, start, end, include_deleted=True)
                       if s.deleted and s.last_change in (ShiftChange.CLEARED, ShiftChange.GIVEN_BACK)}
            slots = duty_slots(pattern, start, end, ctx.calendar)
            request = PlanRequest(
                point_id, start.year, start.month, [s for s in slots if s.day >= today], ctx.pool(point_id),
                [b for b in (booking_of(s) for s in ctx.shifts if s.state.fills_seat) if b.shift_id not in stale_ids],
                frozenset(ledger.leave | blocked), pattern.max_consecutive_days, ctx.point_names)
            result = plan(request)
            by_key = {(s.day, s.half, s.person_id): s for s in stale}
            new_shifts = [DutyShift(point_id, a.day, a.half, a.person_id, created_at=stamp, updated_at=stamp)
                          for a in result.assignments if by_key.pop((a.day, a.half, a.person_id), None) is None]
            for old in by_key.values():
                self.shift_repo.save(old.with_changes(deleted=True, updated_at=stamp))
            # New rows only after the old ones are gone (one seat each per person, see 0003).
            for shift in new_shifts:
                self.shift_repo.save(shift)
        after = load_context(self.db, start, end)
        past_gaps = []
        if any(s.day < today for s in slots):
            past = slot_views(after, pattern, point_id, start, min(today, end), after.ledger())
            past_gaps = [Gap(v.day, v.half, v.missing, GapReason.PAST) for v in past.values() if v.missing]
        warnings = self._warnings(after, pattern)
        if start < today:
            last = min(today, end) - timedelta(days=1)
            warnings.append(translate("duty", "{month}月{day}日及以前的日期已过，不再自动排班。").format(
                month=last.month, day=last.day))
        kept = len(ctx.at_point(point_id, start, end)) - len(by_key)
        return GenerateReport(
            point_id, period, len(new_shifts), kept, len(by_key), tuple(past_gaps) + result.gaps,
            spread_of(after, point_id, start, end), tuple(warnings),
            Changes(frozenset({SHIFTS}), frozenset(s.id for s in new_shifts) | {s.id for s in by_key.values()}))

    def generate_all(self, period: str) -> list[GenerateReport]:
        """Generate every point's month, in code order (each sees the earlier ones' bookings)."""
        return [self.generate(p.id, period) for p in self.points.all()]

    # -- the judge's edits ---------------------------------------------------------------------
    def _context_for(self, day: date, *more: date) -> RosterContext:
        """Context over the whole months of ``day`` (and of ``more`` days)."""
        start = clock.period_bounds(clock.period_of(min((day, *more))))[0]
        end = clock.period_bounds(clock.period_of(max((day, *more))))[1]
        return load_context(self.db, start, end)

    def _assess(self, ctx: RosterContext, person_id: str, point_id: str, day: date, half: HalfDay,
                exclude: Iterable[str] = ()) -> list[Problem]:
        """Rule problems plus seat problems (not a duty half-day; already full)."""
        pattern = self.pattern(point_id)
        ledger = ctx.ledger(exclude)
        found = check(ctx.person(person_id), point_id, day, half, ledger,
                      max_consecutive_days=pattern.max_consecutive_days)
        seats = pattern.per_slot if half in halves_on(pattern, ctx.calendar.day(day)) else 0
        filled = len(ledger.seat_holders(point_id, day, half))
        if seats == 0:
            info = ctx.calendar.day(day)
            half_label = translate("labels", half.label)
            if info.kind.is_day_off:
                message = translate("duty", "{day_name}，按本联系点的值班规则{month}月{day}日{half}不值班").format(
                    day_name=info.name or translate("labels", info.kind.label), month=day.month, day=day.day,
                    half=half_label)
            else:
                message = translate("duty", "按本联系点的值班规则{month}月{day}日{half}不值班").format(
                    month=day.month, day=day.day, half=half_label)
            found.append(Problem(ProblemCode.DAY_OFF, message))
        elif filled >= seats:
            found.append(Problem(ProblemCode.SLOT_FULL, translate("duty", "该班已有{filled}人（每班{seats}人）").format(
                filled=filled, seats=seats)))
        return found

    def _save(self, shift: DutyShift, **changes: object) -> DutyShift:
        updated = shift.with_changes(updated_at=self.now(), **changes)
        try:
            self.shift_repo.save(updated)
        except sqlite3.IntegrityError as exc:
            raise UserError(translate("duty", "此人已在该班，不能重复安排")) from exc
        return updated

    def _live(self, shift_id: str) -> DutyShift:
        shift = self.shift_repo.get(shift_id)
        if shift.deleted:
            raise UserError(translate("duty", "这一班值班已被取消"))
        return shift

    def check_assign(self, point_id: str, day: date, half: HalfDay, person_id: str) -> tuple[Problem, ...]:
        """What :meth:`assign` would report, without storing anything (for drag-over hints)."""
        return tuple(self._assess(self._context_for(day), person_id, point_id, day, half))

    def candidates(self, point_id: str, day: date, half: HalfDay) -> list[Candidate]:
        """The point's volunteers for a half-day, best first: no blocking problem, fewest
        problems, fewest slots at the point that month, then by name (for the assign menu)."""
        ctx = self._context_for(day)
        ledger = ctx.ledger()
        found = []
        for v in ctx.pool(point_id):
            problems = tuple(self._assess(ctx, v.id, point_id, day, half))
            count = ledger.point_month_count(v.id, point_id, day.year, day.month)
            found.append(Candidate(v.id, v.name, count, problems))
        return sorted(found, key=lambda c: (c.blocked, len(c.problems), c.slots_this_month, c.name, c.person_id))

    def assign(self, point_id: str, day: date, half: HalfDay, person_id: str, note: str = "") -> DutyEdit:
        """The judge puts ``person_id`` on a half-day. Stored with any problems reported,
        except when the person already holds that half-day (nothing stored)."""
        self.access.require(Permission.EDIT_ROSTER)
        self.points.get(point_id)
        with self.db.atomic():
            problems = self._assess(self._context_for(day), person_id, point_id, day, half)
            if any(p.code is ProblemCode.SAME_SLOT for p in problems):
                return DutyEdit(False, tuple(problems))
            stamp = self.now()
            shift = DutyShift(point_id, day, half, person_id, source=ShiftSource.MANUAL,
                              last_change=ShiftChange.ASSIGNED, note=clean_text(note), created_at=stamp,
                              updated_at=stamp)
            self.shift_repo.save(shift)
        return DutyEdit(True, tuple(problems), (shift,), Changes.of(SHIFTS, shift.id))

    def reassign(self, shift_id: str, person_id: str) -> DutyEdit:
        """Give a shift to another volunteer (back to 计划)."""
        self.access.require(Permission.EDIT_ROSTER)
        with self.db.atomic():
            shift = self._live(shift_id)
            if shift.state is ShiftState.DONE:
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "已完成的值班不能改派")),))
            if shift.person_id == person_id:
                return DutyEdit(False, (Problem(ProblemCode.SAME_SLOT, translate("duty", "已是此人的值班")),))
            problems = [p for p in self._assess(self._context_for(shift.day), person_id, shift.point_id, shift.day,
                                                shift.half, exclude=[shift.id]) if p.code is not ProblemCode.SLOT_FULL]
            if any(p.code is ProblemCode.SAME_SLOT for p in problems):
                return DutyEdit(False, tuple(problems))
            shift = self._save(shift, person_id=person_id, state=ShiftState.PLANNED, source=ShiftSource.MANUAL,
                               last_change=ShiftChange.REASSIGNED, changed_by=None, seen_by_judge=True)
        return DutyEdit(True, tuple(problems), (shift,), Changes.of(SHIFTS, shift.id))

    def clear(self, shift_id: str) -> DutyEdit:
        """Take the volunteer off the shift (the seat becomes open; generating the month again
        will not put the same person back there)."""
        self.access.require(Permission.EDIT_ROSTER)
        with self.db.atomic():
            shift = self._live(shift_id)
            if shift.state is ShiftState.DONE:
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "已完成的值班已生成服务记录，不能取消")),))
            shift = self._save(shift, deleted=True, source=ShiftSource.MANUAL, last_change=ShiftChange.CLEARED,
                               changed_by=None, seen_by_judge=True)
            self._cancel_swaps_of(shift.id)
        return DutyEdit(True, (), (shift,), Changes(frozenset({SHIFTS, SWAPS}), frozenset({shift.id})))

    def swap(self, shift_a: str, shift_b: str) -> DutyEdit:
        """Exchange the volunteers of two shifts (both back to 计划). Not stored when a person
        would end up twice on one half-day or a shift is done."""
        self.access.require(Permission.EDIT_ROSTER)
        with self.db.atomic():
            a, b = self._live(shift_a), self._live(shift_b)
            if ShiftState.DONE in (a.state, b.state):
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "已完成的值班不能对调")),))
            if a.person_id == b.person_id or (a.point_id, a.day, a.half) == (b.point_id, b.day, b.half):
                return DutyEdit(False, (Problem(ProblemCode.SAME_SLOT, translate("duty", "两班是同一人或同一时段，对调没有意义")),))
            ctx = self._context_for(a.day, b.day)
            problems = [p for p in self._assess(ctx, b.person_id, a.point_id, a.day, a.half, [a.id, b.id])
                        if p.code is not ProblemCode.SLOT_FULL]
            problems += [p for p in self._assess(ctx, a.person_id, b.point_id, b.day, b.half, [a.id, b.id])
                         if p.code is not ProblemCode.SLOT_FULL]
            if any(p.code is ProblemCode.SAME_SLOT for p in problems):
                return DutyEdit(False, tuple(problems))
            common = dict(state=ShiftState.PLANNED, source=ShiftSource.MANUAL, last_change=ShiftChange.SWAPPED,
                          changed_by=None, seen_by_judge=True)
            a2 = self._save(a, person_id=b.person_id, **common)
            b2 = self._save(b, person_id=a.person_id, **common)
            self._cancel_swaps_of(a.id, b.id)
        return DutyEdit(True, tuple(problems), (a2, b2), Changes(frozenset({SHIFTS, SWAPS}), frozenset({a.id, b.id})))

    def _set_state(self, shift_id: str, state: ShiftState, change: ShiftChange, note: str | None = None) -> DutyEdit:
        with self.db.atomic():
            shift = self._live(shift_id)
            self.access.require_self_or(Permission.EDIT_ROSTER, shift.person_id, "修改他人的值班")  # i18n-exempt: key of access.refuse()
            if shift.state is ShiftState.DONE:
                return DutyEdit(False, (Problem(ProblemCode.LOCKED, translate("duty", "这一班已完成")),))
            extra = {"note": clean_text(note)} if note is not None else {}
            problems: tuple[Problem, ...] = ()
            if shift.state is ShiftState.LEAVE and state.fills_seat:
                problems = tuple(p for p in self._assess(self._context_for(shift.day), shift.person_id, shift.point_id,
                                                         shift.day, shift.half, [shift.id]))
                if any(p.code is ProblemCode.SAME_SLOT for p in problems):
                    return DutyEdit(False, problems)
            shift = self._save(shift, state=state, last_change=change, changed_by=None, seen_by_judge=True, **extra)
            if state is ShiftState.LEAVE:
                self._cancel_swaps_of(shift.id)
        return DutyEdit(True, problems, (shift,), Changes(frozenset({SHIFTS, SWAPS}), frozenset({shift.id})))

    def confirm(self, shift_id: str) -> DutyEdit:
        """The volunteer has confirmed they will come (已确认)."""
        return self._set_state(shift_id, ShiftState.CONFIRMED, ShiftChange.CONFIRMED)

    def mark_leave(self, shift_id: str, note: str = "") -> DutyEdit:
        """The volunteer is on leave (请假): the row stays, its seat becomes open."""
        return self._set_state(shift_id, ShiftState.LEAVE, ShiftChange.LEAVE, note)

    def cancel_leave(self, shift_id: str) -> DutyEdit:
        """Undo a leave (back to 计划); problems if the seat was filled meanwhile."""
        return self._set_state(shift_id, ShiftState.PLANNED, ShiftChange.ASSIGNED)

    def mark_done(self, shift_id: str, *, arrival: time | None = None, departure: time | None = None,
                  activities: Iterable[Activity] = (Activity.CONSULTATION,), notes: str = "",
                  consultation_ids: Iterable[str] = (),
                  session_ids: Iterable[str] = ()) -> tuple[VolunteerVisit, Changes]:
        """The shift was served: record a volunteer visit (``shift_id`` linked; times default to
        the pattern's half-day) and set the shift to 已完成, in one transaction. A shift already
        done returns its visit.

        Raises:
            UserError: the shift is on leave or was cancelled.
            ValidationError: the visit is invalid (e.g. the day is still in the future).
        """
        with self.db.atomic():
            shift = self._live(shift_id)
            self.access.require_self_or(Permission.EDIT_ROSTER, shift.person_id, "替他人记录值班完成")  # i18n-exempt: key of access.refuse()
            if shift.state is ShiftState.DONE:
                existing = self.shift_repo.visit_of(shift.id)
                if existing:
                    return self.visits.get(existing), Changes()
            if shift.state is ShiftState.LEAVE:
                raise UserError(translate("duty", "这一班已请假，不能记为完成；请先撤销请假"))
            start, end = self.pattern(shift.point_id).times(shift.half)
            visit, changes = self.visits.save(VolunteerVisit(
                person_id=shift.person_id, point_id=shift.point_id, visited_on=shift.day,
                arrival=arrival or start, departure=departure or end, activities=frozenset(activities),
                consultation_ids=frozenset(consultation_ids), session_ids=frozenset(session_ids),
                notes=notes, shift_id=shift.id))
            self._save(shift, state=ShiftState.DONE, last_change=ShiftChange.DONE, seen_by_judge=True)
        return visit, changes | Changes.of(SHIFTS, shift.id)

    # -- what volunteers changed ----------------------------------------------------------------
    def unseen_changes(self, point_id: str | None = None) -> list[DutyShift]:
        """Shifts volunteers changed (taken, given back, swapped) that the judge has not marked
        seen, oldest first; given-back ones are deleted rows."""
        return self.shift_repo.unseen(point_id)

    def mark_seen(self, shift_ids: Iterable[str] | None = None, *, point_id: str | None = None) -> Changes:
        """Clear the highlight of ``shift_ids`` (default: every unseen change of ``point_id``)."""
        self.access.require(Permission.EDIT_ROSTER)
        ids = list(shift_ids) if shift_ids is not None else [s.id for s in self.shift_repo.unseen(point_id)]
        with self.db.atomic():
            changed = self.shift_repo.mark_seen(ids)
        return Changes(frozenset({SHIFTS}), frozenset(changed))

    def _cancel_swaps_of(self, *shift_ids: str) -> None:
        stamp = self.now()
        for shift_id in shift_ids:
            for request in self.swaps.find(shift_id=shift_id):
                self.swaps.save(replace(request, state=SwapState.CANCELLED, answered_at=stamp))

    # -- files -----------------------------------------------------------------------------------
    def write_pdf(self, out: Path | str, period: str, *, point_ids: Iterable[str] | None = None) -> GlyphReport:
        """One A4 landscape page per point (default: every point) to ``out``; returns the
        characters the font lacked (printed as 〓). Raises OSError if the file cannot be written."""
        from liaison_app.core.duty_outputs import write_roster_pdf

        return write_roster_pdf(self, Path(out), period, point_ids)

    def write_ics(self, out_dir: Path | str, period: str, *, point_ids: Iterable[str] | None = None,
                  person_ids: Iterable[str] | None = None) -> list[Path]:
        """One .ics file per volunteer with shifts in the month in ``out_dir`` (created if
        needed), named ``值班_<YYYY-MM>_<name>.ics``; returns the paths. Raises OSError."""
        from liaison_app.core.duty_outputs import write_roster_ics

        return write_roster_ics(self, Path(out_dir), period, point_ids, person_ids)
