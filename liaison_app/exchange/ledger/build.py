"""One ledger row (field → cell value) → a domain record plus what the user must know.

Decisions for fields old ledgers lack (docs/ledger-import.md, flagged on every row they touch):

* 答复意见 missing → ``（台账未记载）``; 咨询问题 missing → the 咨询事项/纠纷类型 words with
  ``（台账未记载具体问题）``, or ``（台账未记载咨询问题）``.
* 接待人 missing → the point's judge (``LiaisonPoint.judge_name``), or ``（台账未记载）``.
* 处理方式 missing → 其他. Follow-ups (件件有回复): a consultation not answered on the spot gets
  the app's deadline (visit + 7 days). A ledger that says the follow-up happened but not when
  → done on that deadline (flagged). A ledger silent on follow-up → left open, so it shows as
  overdue until someone records the reply (flagged).
* Time of day not recorded → 00:00; a session's times not recorded → 00:00–23:59.
* The original category words are kept in the question when they are not a dictionary name.

The record is not validated here; the core validates it (``ConsultationService.prepare`` etc.).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Mode, Outcome
from liaison_app.domain.identity import id_info
from liaison_app.domain.people import Person, Role
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.exchange.ledger.cells import CellResult, CellValue, is_blank, raw_text
from liaison_app.exchange.ledger.dates import DateContext, DateValue, parse_date, parse_time_range
from liaison_app.exchange.ledger.fields import NOTES, LedgerKind
from liaison_app.exchange.ledger.values import (
    IdValue,
    parse_count,
    parse_id_number,
    parse_line,
    parse_name,
    parse_phone,
    parse_text,
    parse_yes_no,
)
from liaison_app.exchange.ledger.words import (
    CategoryMatcher,
    parse_age,
    parse_availability,
    parse_gender,
    parse_groups,
    parse_mode,
    parse_outcome,
    parse_session_form,
)

NOT_RECORDED = "（台账未记载）"
NO_QUESTION = "（台账未记载咨询问题）"
FOLLOWUP_DAYS = 7  # the app's default deadline (core.consultations.DEFAULT_FOLLOWUP_DAYS)
JUDGE_PLACEHOLDER_ID = "ledger:point-judge"  # resolved to the point's judge at import time
UNKNOWN_DAY_START, UNKNOWN_DAY_END = time(0, 0), time(23, 59)


@dataclass(frozen=True)
class BuildContext:
    """What rows are built against: the point, dates, the dictionary, the people list."""

    point: LiaisonPoint
    dates: DateContext
    categories: CategoryMatcher
    people: Mapping[str, str] = field(default_factory=dict)  # active person name → id
    judge_id: str | None = None  # the point's judge as a person, if on the people list


@dataclass
class Built:
    """Result of building one row: per-field cell results (mapped fields only), the record (None
    if it cannot be built), row-level warnings/errors, and why the row is a duplicate (if so)."""

    mapped: frozenset[str]
    results: dict[str, CellResult] = field(default_factory=dict)
    record: object | None = None
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    duplicate: str = ""

    def put(self, key: str, result: CellResult) -> CellResult:
        """Keep ``result`` as the cell of ``key`` if that field is mapped; return it."""
        if key in self.mapped:
            self.results[key] = result
        else:  # e.g. a category found in the question text: the messages go on the row
            self.notes.extend(result.notes)
            self.warnings.extend(result.warnings)
            self.errors.extend(result.errors)
        return result

    def flag(self, key: str, message: str) -> None:
        """A warning on field ``key``: on its cell when mapped, else on the row."""
        if key in self.results:
            self.results[key] = self.results[key].with_warning(message)
        else:
            self.warnings.append(message)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(r.errors for r in self.results.values())


def _required(built: Built, key: str, result: CellResult, label: str) -> CellResult:
    if not result.errors and result.value in (None, ""):
        result = result.with_error(f"{label}为空")
    return built.put(key, result)


def _notes_text(values: Mapping[str, object], built: Built) -> str:
    """备注 columns (a tuple of cell values, several columns allowed) joined with line breaks."""
    cells = values.get(NOTES) or ()
    parsed = [parse_text(v) for v in cells]  # type: ignore[union-attr]
    text = "\n".join(p.value for p in parsed if p.value)
    if NOTES in built.mapped:
        raw = "\n".join(p.raw for p in parsed if p.raw)
        built.results[NOTES] = CellResult(raw, text, text[:60], tuple(n for p in parsed for n in p.notes))
    return text


def build_consultation(values: Mapping[str, CellValue], ctx: BuildContext) -> Built:
    """Fields of :data:`fields.FIELDS[CONSULTATIONS]` → :class:`Consultation` (not validated).

    ``values`` maps each mapped field key to its cell value; ``notes`` maps to a tuple.
    """
    b = Built(frozenset(values))
    day = _required(b, "received_date", parse_date(values.get("received_date"), ctx.dates), "接待日期")
    when: DateValue | None = day.value
    at = when.time if when else None
    if "received_time" in values:
        clock = b.put("received_time", parse_time_range(values["received_time"]))
        if clock.value and clock.value[0]:
            at = clock.value[0]
    name = _required(b, "visitor_name", parse_name(values.get("visitor_name")), "来访人姓名")
    ident = b.put("id_number", parse_id_number(values.get("id_number"), on=when.day if when else None))
    id_value: IdValue = ident.value or IdValue(IdStatus.NOT_ASKED)
    gender = b.put("gender", parse_gender(values.get("gender"))).value or Gender.UNKNOWN
    age = b.put("age", parse_age(values.get("age"))).value or AgeBand.UNKNOWN
    if id_value.status is IdStatus.GIVEN and when:
        info = id_info(id_value.number)
        if info is not None:
            if "gender" not in values or is_blank(values.get("gender")):
                gender = Gender.MALE if info.male else Gender.FEMALE
            if "age" not in values or is_blank(values.get("age")):
                age = AgeBand.for_age(info.age_on(when.day))
            b.put("id_number", ident.with_note("性别、年龄段由身份证号推算"))
    phone = b.put("phone", parse_phone(values.get("phone"))).value or ""
    village = b.put("village", parse_line(values.get("village"))).value or ""
    groups = b.put("special_groups", parse_groups(values.get("special_groups"))).value or frozenset()
    mode = b.put("mode", parse_mode(values.get("mode"))).value or Mode.ONSITE

    question_cell = b.put("question", parse_text(values.get("question")))
    category_raw = raw_text(values.get("category")).strip()
    category = b.put("category", ctx.categories.match(values.get("category"), fallback_text=question_cell.value or ""))
    question = question_cell.value or ""
    category_text = re.sub(r"\s+", " ", category_raw)
    if not question:
        question = f"{category_text}（台账未记载具体问题）" if category_text else NO_QUESTION
        b.flag("question", "咨询问题台账未记载，" + ("以“咨询事项/纠纷类型”原文代替" if category_text else f"记为“{NO_QUESTION}”"))
    elif category_text and category_text != ctx.categories.name(category.value):
        question += f"\n（台账记载纠纷类型：{category_text}）"
    notes = _notes_text(values, b)
    if notes:
        question += f"\n备注：{notes}"

    advice = b.put("advice", parse_text(values.get("advice"))).value or ""
    if not advice:
        advice = NOT_RECORDED
        b.flag("advice", f"答复意见台账未记载，记为“{NOT_RECORDED}”")
    receiver = b.put("receiver_name", parse_name(values.get("receiver_name"))).value or ""
    if not receiver:
        receiver = ctx.point.judge_name or NOT_RECORDED
        b.flag("receiver_name", f"接待人台账未记载，记为“{receiver}”" + ("（联系点法官）" if ctx.point.judge_name else ""))

    outcome_cell = b.put("outcome", parse_outcome(values.get("outcome")))
    outcome, target, pending = outcome_cell.value or (Outcome.OTHER, "", False)
    if outcome_cell.value is None:
        b.flag("outcome", "处理方式台账未记载，记为“其他”")
    target = b.put("referral_target", parse_line(values.get("referral_target"))).value or target
    if outcome.needs_referral_target and not target:
        target = NOT_RECORDED
        b.flag("referral_target", f"“{outcome.label}”须写明去向，台账未记载，记为“{NOT_RECORDED}”")
    paper_no = b.put("paper_form_no", parse_line(values.get("paper_form_no"))).value or ""

    received = datetime.combine(when.day, at or time(0, 0), CHINA_TZ) if when else None
    due, done, note = _followup(values, b, ctx, when.day if when else None, outcome.needs_follow_up or pending)
    if received is None or b.failed:
        return b
    b.record = Consultation(
        point_id=ctx.point.id, received_at=received, visitor_name=name.value, category_code=category.value,
        question=question, advice=advice, outcome=outcome, mode=mode, receiver_name=receiver, gender=gender,
        age_band=age, phone=phone, id_status=id_value.status, id_number=id_value.number, village=village,
        special_groups=groups, referral_target=target, followup_due=due, followup_done=done,
        followup_note=note, paper_form_no=paper_no,
    )
    return b


_NOT_DONE = ("未回访", "待回访", "否", "未", "无", "没有", "暂未", "尚未")


def _followup(values: Mapping[str, CellValue], b: Built, ctx: BuildContext, day: date | None,
              needed: bool) -> tuple[date | None, date | None, str]:
    """(due, done, note) of a consultation; see the module docstring for the rules."""
    future_ok = replace(ctx.dates, today=ctx.dates.today + timedelta(days=366))
    due = b.put("followup_due", parse_date(values.get("followup_due"), future_ok)).value
    done = b.put("followup_done", parse_date(values.get("followup_done"), ctx.dates)).value
    flag = b.put("followup_flag", parse_yes_no(values.get("followup_flag"))).value
    note = b.put("followup_note", parse_text(values.get("followup_note"))).value or ""
    said_done = flag is True or bool(note and not note.startswith(_NOT_DONE))
    if flag is False:
        said_done = False
    due_day = due.day if due else None
    if day is None:
        return None, None, note
    if done or said_done or needed or due_day:
        due_day = due_day or day + timedelta(days=FOLLOWUP_DAYS)
    if done:
        if not note:
            note = "（台账记载已回访，未记答复情况）"
        return due_day, done.day, note
    if said_done:
        done_day = max(day, min(due_day or day, ctx.dates.today))
        b.flag("followup_done", f"台账记载已回访，但未记回访日期，按回访期限记为{done_day.isoformat()}，请核对")
        return due_day, done_day, note or "（台账记载已回访，未记答复情况）"
    if due_day and needed:
        b.flag("followup_due", f"台账未记载回访情况：回访期限记为{due_day.isoformat()}，导入后显示为待回访/已逾期，请补记答复情况")
    return due_day, None, note


def _split_names(text: str) -> list[str]:
    return [n for n in (p.strip() for p in re.split(r"[、,，;；/\s]+|和|及", text)) if n]


def build_session(values: Mapping[str, CellValue], ctx: BuildContext) -> Built:
    """Fields of ``FIELDS[SESSIONS]`` → :class:`EducationSession` (not validated)."""
    b = Built(frozenset(values))
    day = _required(b, "held_on", parse_date(values.get("held_on"), ctx.dates), "宣讲日期")
    span = b.put("time_range", parse_time_range(values.get("time_range")))
    start, end = span.value or (None, None)
    if start is None:
        start, end = UNKNOWN_DAY_START, UNKNOWN_DAY_END
        b.flag("time_range", "起止时间台账未记载，记为00:00–23:59")
    elif end is None:
        end = UNKNOWN_DAY_END
        b.flag("time_range", "台账只记了开始时间，结束时间记为23:59")
    place = _required(b, "place", parse_line(values.get("place")), "宣讲地点").value
    topic = _required(b, "topic", parse_line(values.get("topic")), "宣讲主题").value
    form = b.put("form", parse_session_form(values.get("form"))).value or SessionForm.LECTURE
    audience = b.put("audience", parse_count(values.get("audience"), label="受众人数")).value
    views = b.put("views", parse_count(values.get("views"), label="观看人次")).value
    materials = b.put("materials", parse_count(values.get("materials"), label="发放资料份数")).value or 0
    cases_text = b.put("cases", parse_text(values.get("cases"))).value or ""
    notes = _notes_text(values, b)
    speaker_cell = b.put("speakers", parse_line(values.get("speakers")))
    names = _split_names(speaker_cell.value or "")
    speaker_ids = tuple(dict.fromkeys(ctx.people[n] for n in names if n in ctx.people))
    unknown = [n for n in names if n not in ctx.people]
    if unknown:
        notes = (notes + "\n" if notes else "") + f"台账记载宣讲人：{speaker_cell.value}"
        b.flag("speakers", f"宣讲人“{'、'.join(unknown)}”不在人员名单中，原文记入备注")
    if not speaker_ids:
        if not ctx.point.judge_name:
            b.errors.append("宣讲人不在人员名单中，联系点也没有负责法官，请先在人员名单中添加宣讲人")
        else:
            speaker_ids = (ctx.judge_id or JUDGE_PLACEHOLDER_ID,)
            if names:
                b.flag("speakers", f"宣讲人记为联系点法官“{ctx.point.judge_name}”")
            else:
                b.flag("speakers", f"宣讲人台账未记载，记为联系点法官“{ctx.point.judge_name}”")
    if day.value is None or b.failed:
        return b
    if form is not SessionForm.ONLINE and views is not None:
        notes = (notes + "\n" if notes else "") + f"台账记载观看人次：{views}"
        b.flag("views", "只有线上直播才记观看人次，此数记入备注")
        views = None
    b.record = EducationSession(
        point_id=ctx.point.id, held_on=day.value.day, start_time=start, end_time=end, place=place,
        form=form, topic=topic, audience=audience or 0, views=views, materials=materials,
        cases=tuple(c for c in re.split(r"[\n、；;]+", cases_text) if c.strip()), speaker_ids=speaker_ids,
        notes=notes,
    )
    return b


def build_volunteer(values: Mapping[str, CellValue], ctx: BuildContext) -> Built:
    """Fields of ``FIELDS[VOLUNTEERS]`` → :class:`Person` (role 志愿者, serving the point)."""
    b = Built(frozenset(values))
    name = _required(b, "name", parse_name(values.get("name")), "姓名").value
    phone = b.put("phone", parse_phone(values.get("phone"))).value or ""
    former = b.put("former_court", parse_line(values.get("former_court"))).value or ""
    post = b.put("post", parse_line(values.get("post"))).value or ""
    slots_cell = b.put("availability", parse_availability(values.get("availability")))
    cap = b.put("monthly_cap", parse_count(values.get("monthly_cap"), label="每月值班上限")).value
    notes = _notes_text(values, b)
    if slots_cell.warnings:
        notes = (notes + "\n" if notes else "") + f"可服务时间：{slots_cell.raw}"
    if name and name in ctx.people:
        b.duplicate = f"人员名单中已有“{name}”，未重复添加"
    if b.failed:
        return b
    b.record = Person(name=name, role=Role.VOLUNTEER, phone=phone, former_court=former, post=post,
                      point_ids=frozenset({ctx.point.id}), availability=slots_cell.value or frozenset(),
                      monthly_cap=cap, note=notes)
    return b


BUILDERS = {
    LedgerKind.CONSULTATIONS: build_consultation,
    LedgerKind.SESSIONS: build_session,
    LedgerKind.VOLUNTEERS: build_volunteer,
}
