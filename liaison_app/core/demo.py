"""Demo data: invented consultations at real Ningxia liaison points, for trying the app out.

Decisions (also in docs/demo-data.md):

* Deterministic: everything — record UUIDs included — comes from ``random.Random(seed)``, so the
  same seed on the same starting database with the same clock gives the same data.
* Re-running is safe: points are reused by code (a point ``ZN-NA`` that exists keeps its name and
  judge and receives the new records); volunteers are reused by name; a generated record whose id
  already exists is skipped — so running twice with the same seed adds nothing the second time,
  and a different seed adds a new set.
* Every record goes through :meth:`ConsultationService.prepare` (normalisation + validation),
  then all are inserted in ONE transaction (all or nothing).
"""

from __future__ import annotations

import random
import uuid
from itertools import accumulate
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from liaison_app.core.demo_activity import fill_sessions, fill_visits
from liaison_app.core.demo_data import (
    ADVICE_CLOSINGS, CATEGORY_WEIGHTS, CROPS, DEPARTMENTS, FOLLOWUP_NOTES, GIVEN_NAMES,
    OUTCOME_WEIGHTS, PLACES, RELATIVES, SURNAMES, TEMPLATES, WORKPLACES, DemoPlace,
)
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome, SpecialGroup
from liaison_app.domain.identity import id_check_digit
from liaison_app.domain.people import HalfDay, Person, Role, WeeklySlot
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.errors import NotFoundError, UserError

if TYPE_CHECKING:
    from liaison_app.core.context import Core

Progress = Callable[[int, int], None]
CONSULTATIONS_PER_POINT_MONTH = 40
MAX_MONTHS = 60
INSERT_CHUNK = 1000
# Office hours at a township liaison point (Ningxia works 08:30–12:00 and 14:30–18:00).
HOURS = ((time(8, 30), time(12, 0)), (time(14, 30), time(18, 0)))
WEEKEND_WEIGHT = 0.12  # market days and home visits happen, but rarely
_SURNAME_LIST = [s for s, _ in SURNAMES]
_SURNAME_CUM = list(accumulate(w for _, w in SURNAMES))
OUTCOME_ORDER = (Outcome.ANSWERED, Outcome.MEDIATION, Outcome.LITIGATION, Outcome.LEGAL_AID,
                 Outcome.DEPARTMENT, Outcome.OTHER)


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`fill_demo` did.

    Attributes:
        points: points that received demo records.
        consultations: consultations inserted.
        months: months covered (ending with the current month).
        points_created: points newly created (the rest existed already and were reused).
        skipped: generated records not inserted because their id already existed.
        first_period / last_period: ``YYYY-MM`` range covered.
        point_codes: codes of the points used.
        changes: what changed, for the GUI to broadcast.
    """

    points: int
    consultations: int
    months: int
    points_created: int = 0
    skipped: int = 0
    first_period: str = ""
    last_period: str = ""
    point_codes: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
    sessions: int = 0
    visits: int = 0


def fill_demo(core: Core, *, points: int = 3, months: int = 6, consultations: int | None = None,
              seed: int = 1, progress: Progress | None = None) -> DemoSummary:
    """Add invented consultations for ``points`` liaison points over the last ``months`` months.

    Args:
        core: the open core; its clock (``core.now``) fixes the current month — no record is
            later than now.
        points: 1–12 points, taken in order from the catalogue (宁安镇, 梧桐树村, 良田镇, …).
        months: 1–60 months ending with the current one (the current month only up to now).
        consultations: total number to generate; default 40 per point and month.
        seed: random seed; the same seed gives the same records.
        progress: ``progress(done, total)`` over the generated records.

    Returns:
        A :class:`DemoSummary`.

    Raises:
        UserError: an argument is out of range.
        ValidationError: a generated record failed validation (a bug; nothing is stored).
    """
    if not 1 <= points <= len(PLACES):
        raise UserError(f"演示联系点数量应在1到{len(PLACES)}之间")
    if not 1 <= months <= MAX_MONTHS:
        raise UserError(f"演示月数应在1到{MAX_MONTHS}之间")
    total = CONSULTATIONS_PER_POINT_MONTH * points * months if consultations is None else consultations
    if total < 0:
        raise UserError("演示咨询数量不能为负数")

    rng = random.Random(seed)
    now = core.now()
    last_period = clock.period_of(now)
    first_period = clock.shift_period(last_period, -(months - 1))
    days = _candidate_days(clock.period_bounds(first_period)[0], now)
    service = core.consultations
    selectable = service.selectable_category_codes()
    categories = [(c, w) for c, w in CATEGORY_WEIGHTS.items() if c in selectable and c in TEMPLATES]
    if not categories:
        raise UserError("纠纷类型字典中没有演示数据可用的类型")

    inserted = skipped = created = done = 0
    used_codes: list[str] = []
    with core.db.atomic():
        for index, place in enumerate(PLACES[:points]):
            point, is_new = _ensure_point(core, place, rng)
            created += is_new
            used_codes.append(point.code)
            receivers = _ensure_volunteers(core, place, point, rng)
            count = total // points + (1 if index < total % points else 0)
            maker = _RecordMaker(rng, place, point, receivers, categories, days, now,
                                 service.repo.paper_form_numbers(point.id))
            records = maker.make(count)
            existing = service.repo.existing_ids(r.id for r in records)
            batch: list[Consultation] = []
            for record in records:
                done += 1
                if record.id in existing:
                    skipped += 1
                    continue
                batch.append(service.prepare(record))
                if len(batch) >= INSERT_CHUNK:
                    inserted += service.repo.insert_many(batch)
                    batch = []
                    if progress:
                        progress(done, total)
            inserted += service.repo.insert_many(batch)
            if progress:
                progress(done, total)
        sessions = visits = 0
        first_day = clock.period_bounds(first_period)[0]
        for code in used_codes:
            point = core.points.by_code(code)
            sessions += fill_sessions(core, point, first_day, rng)
            visits += fill_visits(core, point, first_day, rng)
    tables = frozenset({"consultation", "liaison_point", "person", "education_session", "volunteer_visit"})
    return DemoSummary(points, inserted, months, created, skipped, first_period, last_period,
                       tuple(used_codes), Changes(tables=tables), sessions, visits)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng`` (deterministic for a seed)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ensure_point(core: Core, place: DemoPlace, rng: random.Random) -> tuple[LiaisonPoint, bool]:
    point_id, judge_id = _uuid(rng), _uuid(rng)  # drawn even when reused: same sequence either way
    try:
        return core.points.by_code(place.code), False
    except NotFoundError:
        pass
    if place.judge not in {p.name for p in core.people.all()}:
        # Created here with a seeded id; PointService.add then links the judge to the point.
        core.people.save(Person(id=judge_id, name=place.judge, role=Role.JUDGE, former_court="",
                                post="联系点法官（演示）"))
    point, _ = core.points.add(LiaisonPoint(
        code=place.code, name=place.name, court=place.court, township=place.township,
        village=place.village, judge_name=place.judge, id=point_id,
    ))
    return point, True


def _ensure_volunteers(core: Core, place: DemoPlace, point: LiaisonPoint,
                       rng: random.Random) -> list[tuple[str, frozenset[int]]]:
    """The point's receivers: (name, weekdays on duty); the judge (every day) comes first."""
    index = PLACES.index(place)
    receivers: list[tuple[str, frozenset[int]]] = [(point.judge_name or place.judge, frozenset(range(7)))]
    known = {p.name for p in core.people.all(role=Role.VOLUNTEER)}
    for offset, name in enumerate(place.volunteers):
        person_id = _uuid(rng)
        weekdays = frozenset({(index + offset) % 4, (index + offset) % 4 + 1})  # two weekdays, Mon–Fri
        if name not in known:
            core.people.save(Person(
                id=person_id, name=name, role=Role.VOLUNTEER, former_court=place.court,
                post="退休法官（演示）", point_ids=frozenset({point.id}),
                availability=frozenset(WeeklySlot(d, h) for d in weekdays for h in HalfDay),
                monthly_cap=8,
            ))
        receivers.append((name, weekdays))
    return receivers


def _candidate_days(first: date, now: datetime) -> list[tuple[date, float]]:
    """Days from ``first`` to today with a weight: working days 1, rest days small.

    Uses ``chinese_calendar`` (holidays and 调休 make-up days) where it has data; weekends only
    otherwise (it raises NotImplementedError past the last year the State Council announced).
    """
    import chinese_calendar  # deferred: only the demo needs it here

    today = now.date()
    days: list[tuple[date, float]] = []
    day = first
    while day <= today:
        try:
            workday = chinese_calendar.is_workday(day)
        except NotImplementedError:
            workday = day.weekday() < 5
        if day < today or now.time() > HOURS[0][0]:
            days.append((day, 1.0 if workday else WEEKEND_WEIGHT))
        day += timedelta(days=1)
    if not days:  # the very first minutes of a month's first day before opening time
        days.append((today, 1.0))
    return days


class _RecordMaker:
    """Draws consultations for one point; all randomness from the shared ``rng``."""

    def __init__(self, rng: random.Random, place: DemoPlace, point: LiaisonPoint,
                 receivers: list[tuple[str, frozenset[int]]], categories: list[tuple[str, float]],
                 days: list[tuple[date, float]], now: datetime, paper_numbers_taken: set[str]):
        self.rng, self.place, self.point, self.receivers, self.now = rng, place, point, receivers, now
        self.category_codes = [c for c, _ in categories]
        self.category_cum = list(accumulate(w for _, w in categories))
        self.days = [d for d, _ in days]
        self.day_cum = list(accumulate(w for _, w in days))
        self.paper_taken = paper_numbers_taken
        self.paper_counters: dict[int, int] = {}
        self.visitors: list[dict] = []
        self.villages = place.villages

    def make(self, count: int) -> list[Consultation]:
        moments = sorted(self._moment() for _ in range(count))
        return [self._record(moment) for moment in moments]

    # -- when ---------------------------------------------------------------------------
    def _moment(self) -> datetime:
        day = self.rng.choices(self.days, cum_weights=self.day_cum)[0]
        start, end = self.rng.choice(HOURS)
        low = datetime.combine(day, start, clock.CHINA_TZ)
        high = datetime.combine(day, end, clock.CHINA_TZ)
        if day == self.now.date():
            high = min(high, self.now)
            if high <= low:  # a half-day that has not come yet: anything so far today
                opening = datetime.combine(day, HOURS[0][0], clock.CHINA_TZ)
                low = opening if self.now > opening else datetime.combine(day, time(0), clock.CHINA_TZ)
                high = self.now
        minutes = max(0, int((high - low).total_seconds() // 60))
        return (low + timedelta(minutes=self.rng.randint(0, minutes))).replace(second=0)

    # -- who ----------------------------------------------------------------------------
    def _visitor(self, received: date, who: _Who) -> dict:
        """A visitor who fits ``who``: 5 % an earlier visitor again (重复来访), else a new one."""
        rng = self.rng
        if self.visitors and rng.random() < 0.05:
            again = rng.choice(self.visitors)
            if who.fits(again["male"], _age_on(again["birth"], received)):
                return again
        male = who.male if who.male is not None else rng.random() < 0.5
        age = rng.choices((rng.randint(18, 35), rng.randint(36, 59), rng.randint(60, 86)), (22, 45, 33))[0]
        if not who.low <= age <= who.high:
            age = rng.randint(who.low, who.high)
        birth = received - timedelta(days=age * 365 + rng.randint(0, 364))
        while _age_on(birth, received) > age:  # leap days: stay in the chosen year of age
            birth += timedelta(days=1)
        generation = "old" if birth.year < 1966 else "mid" if birth.year < 1990 else "young"
        surname = rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM)[0]
        name = surname + rng.choice(GIVEN_NAMES[(generation, male)])
        phone = ""
        if rng.random() < 0.88:
            if rng.random() < 0.95:
                phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
            else:
                phone = self.place.phone_area + str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(6))
        own = self.place.village
        village = own if own and rng.random() < 0.5 else rng.choice(self.villages)
        order = rng.randrange(1, 500) * 2 + (1 if male else 0)  # odd = male (GB 11643-1999)
        first17 = f"{self.place.id_area_code}{birth:%Y%m%d}{order:03d}"
        visitor = {"name": name, "male": male, "birth": birth, "phone": phone, "village": village,
                   "id_number": first17 + id_check_digit(first17), "id_roll": rng.random()}
        self.visitors.append(visitor)
        return visitor

    def _receiver(self, moment: datetime, mode: Mode) -> str:
        on_duty = [name for name, days in self.receivers[1:] if moment.weekday() in days]
        if on_duty and mode is not Mode.PHONE and self.rng.random() < 0.75:
            return self.rng.choice(on_duty)
        return self.receivers[0][0]

    # -- what ---------------------------------------------------------------------------
    def _record(self, moment: datetime) -> Consultation:
        rng = self.rng
        today = self.now.date()
        code = rng.choices(self.category_codes, cum_weights=self.category_cum)[0]
        question, advice, *rest = rng.choice(TEMPLATES[code])
        who = _Who.parse(rest[0] if rest else "")
        visitor = self._visitor(moment.date(), who)
        years = _age_on(visitor["birth"], moment.date())
        band = AgeBand.for_age(years)
        mode = rng.choices((Mode.ONSITE, Mode.PHONE, Mode.ONLINE, Mode.HOME_VISIT),
                           (70, 18, 5 if years >= 60 else 9, 10 if years >= 60 else 3))[0]
        outcome = rng.choices(OUTCOME_ORDER, _lookup(OUTCOME_WEIGHTS, code))[0]
        target = self._referral_target(code, outcome)
        values = self._fill_values(years)
        closing = rng.choice(ADVICE_CLOSINGS[outcome.value]).format(target=target)

        id_roll = visitor["id_roll"]
        given_share = 0.45 if mode in (Mode.ONSITE, Mode.HOME_VISIT) else 0.1
        id_status = (IdStatus.GIVEN if id_roll < given_share
                     else IdStatus.DECLINED if id_roll > 0.85 else IdStatus.NOT_ASKED)
        if id_status is not IdStatus.GIVEN and mode is Mode.PHONE and not rest and rng.random() < 0.08:
            band = AgeBand.UNKNOWN  # a caller who did not say
        groups = self._groups(code, visitor["male"], years, band)

        due = done = None
        note = ""
        if outcome.needs_follow_up or rng.random() < 0.1:
            due = moment.date() + timedelta(days=rng.choice((5, 7, 7, 7, 10, 15)))
            done, note = self._follow_up(moment.date(), due, today, outcome, target)

        created = min(self.now, moment + timedelta(minutes=rng.randint(5, 40)))
        paper = ""
        if mode in (Mode.ONSITE, Mode.HOME_VISIT) and rng.random() < 0.45:
            paper = self._paper_number(moment.year)
            created = min(self.now, moment + timedelta(days=rng.randint(0, 3), hours=rng.randint(1, 5)))
        deleted = rng.random() < 0.01  # entered twice by mistake, removed soon after
        if deleted:
            done, note = None, ""
        updated = created
        if done is not None:
            updated = max(created, min(self.now, datetime.combine(done, time(rng.randint(9, 17), rng.randint(0, 59)),
                                                                 clock.CHINA_TZ)))
        elif deleted:
            updated = min(self.now, created + timedelta(minutes=rng.randint(2, 30)))
        return Consultation(
            id=_uuid(rng), point_id=self.point.id, received_at=moment, mode=mode,
            receiver_name=self._receiver(moment, mode), visitor_name=visitor["name"],
            gender=Gender.MALE if visitor["male"] else Gender.FEMALE, age_band=band,
            phone=visitor["phone"], id_status=id_status,
            id_number=visitor["id_number"] if id_status is IdStatus.GIVEN else "",
            village=visitor["village"], special_groups=groups, category_code=code,
            question=question.format(**values), advice=(advice + closing).format(**values),
            outcome=outcome, referral_target=target, followup_due=due, followup_done=done,
            followup_note=note, paper_form_no=paper, created_at=created, updated_at=updated,
            deleted=deleted,
        )

    def _fill_values(self, age: int) -> dict[str, object]:
        rng = self.rng
        return {
            "age": age,
            "money_small": f"{rng.randint(4, 19) * 500}元", "money_mid": f"{rng.randint(1, 20)}万元",
            "months": rng.randint(2, 8), "years": rng.randint(2, 15), "mu": rng.randint(2, 30),
            "crop": rng.choice(CROPS), "workplace": rng.choice(WORKPLACES),
            "relative": rng.choice(RELATIVES), "kid_age": rng.randint(1, 14),
            "children": rng.randint(2, 5), "days": rng.randint(12, 60),
        }

    def _referral_target(self, code: str, outcome: Outcome) -> str:
        place = self.place
        if outcome is Outcome.MEDIATION:
            return self.rng.choice((f"{place.township}人民调解委员会", "村人民调解委员会"))
        if outcome is Outcome.LITIGATION:
            return place.court
        if outcome is Outcome.LEGAL_AID:
            return f"{place.county}法律援助中心"
        if outcome is Outcome.DEPARTMENT:
            return _lookup(DEPARTMENTS, code).format(county=place.county, township=place.township)
        return ""

    def _groups(self, code: str, male: bool, years: int, band: AgeBand) -> frozenset[SpecialGroup]:
        rng = self.rng
        groups: set[SpecialGroup] = set()
        if years >= 60 and band is not AgeBand.UNKNOWN:
            groups.add(SpecialGroup.ELDERLY)
        if not male and (code.startswith("MAR") or code == "PRO-COL" or rng.random() < 0.2):
            groups.add(SpecialGroup.WOMEN)
        if male and years < 60 and code in ("LAB-WAG", "LAB-INJ", "LAB-REL", "CON-LSV", "TOR-LSV") \
                and rng.random() < 0.7:
            groups.add(SpecialGroup.MIGRANT_WORKERS)
        if code in ("CON-SAL", "CON-LEA", "CON-PLB") and rng.random() < 0.25:
            groups.add(SpecialGroup.SME_OWNERS)
        if rng.random() < 0.03:
            groups.add(SpecialGroup.DISABLED)
        if male and years >= 22 and rng.random() < 0.02:
            groups.add(SpecialGroup.VETERANS)
        return frozenset(groups)

    def _follow_up(self, received: date, due: date, today: date, outcome: Outcome,
                   target: str) -> tuple[date | None, str]:
        rng = self.rng
        if received >= today:
            return None, ""
        if due < today:
            overdue_days = (today - due).days
            chance = 0.97 if overdue_days > 30 else 0.85 if overdue_days > 7 else 0.6
        else:
            chance = 0.35
        if rng.random() >= chance:
            return None, ""
        latest = min(due + timedelta(days=5), today)
        done = received + timedelta(days=rng.randint(1, max(1, (latest - received).days)))
        note = rng.choice(FOLLOWUP_NOTES[outcome.value]).format(target=target or "相关部门")
        return min(done, today), note

    def _paper_number(self, year: int) -> str:
        while True:
            number = self.paper_counters.get(year, 0) + 1
            self.paper_counters[year] = number
            text = f"{self.place.short}咨〔{year}〕{number:03d}号"
            if text not in self.paper_taken:
                return text


def _age_on(birth: date, day: date) -> int:
    """Whole years of age on ``day`` (as the ID-number check counts them)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class _Who:
    """The visitor a question fits (see ``TEMPLATES`` in demo_data): sex and an age range."""

    male: bool | None = None
    low: int = 18
    high: int = 86

    @classmethod
    def parse(cls, spec: str) -> "_Who":
        """``""`` (anyone), ``"女"``/``"男"``, ``"60+"``, ``"18-64"``."""
        if spec in ("女", "男"):
            return cls(male=spec == "男")
        if spec.endswith("+"):
            return cls(low=int(spec[:-1]))
        if "-" in spec:
            low, high = spec.split("-")
            return cls(low=int(low), high=int(high))
        return cls()

    def fits(self, male: bool, age: int) -> bool:
        return (self.male is None or self.male == male) and self.low <= age <= self.high


def _lookup(table: dict[str, object], code: str):  # type: ignore[no-untyped-def]
    """Entry for ``code``, else for its level-1 prefix, else the default under ``""``."""
    if code in table:
        return table[code]
    return table.get(code.split("-")[0], table[""])
