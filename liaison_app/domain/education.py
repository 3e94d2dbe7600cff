"""Legal-education sessions (普法宣讲, 以案说法)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.records import new_id
from liaison_app.domain.text import clean_line, clean_text
from liaison_app.errors import FieldError
from liaison_app.i18n import translate

MAX_AUDIENCE = 100_000  # a village meeting has dozens, a market day a few hundred; online more


class SessionForm(LabeledEnum):
    """宣讲形式 (GUIDE §2)."""

    LECTURE = ("lecture", "法治讲座")
    CASE_STUDY = ("case_study", "以案说法")
    CIRCUIT_TRIAL = ("circuit_trial", "巡回审判/庭审观摩")
    ONLINE = ("online", "线上直播")
    OUTREACH = ("outreach", "入户/赶集宣传")
    MATERIALS = ("materials", "发放资料")


@dataclass(frozen=True)
class EducationSession:
    """One session. ``audience`` counts people present (受众人数); ``views`` counts online views
    (观看人次, online sessions only). ``cases`` holds short titles of the typical cases presented.
    ``speaker_ids`` are person ids in the order given."""

    point_id: str
    held_on: date
    start_time: time
    end_time: time
    place: str
    form: SessionForm
    topic: str
    audience: int
    views: int | None = None
    materials: int = 0
    materials_note: str = ""
    cases: tuple[str, ...] = ()
    speaker_ids: tuple[str, ...] = ()
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False

    def with_changes(self, **changes: object) -> "EducationSession":
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SessionFilter:
    """What the session list shows; empty fields do not filter."""

    period: str | None = None
    point_id: str | None = None
    form: SessionForm | None = None
    text: str = ""
    include_deleted: bool = False


def normalise_session(session: EducationSession) -> EducationSession:
    """Trimmed one-line fields, clean free text, blank case titles dropped."""
    return session.with_changes(
        place=clean_line(session.place),
        topic=clean_line(session.topic),
        materials_note=clean_line(session.materials_note),
        notes=clean_text(session.notes),
        cases=tuple(t for t in (clean_line(c) for c in session.cases) if t),
        speaker_ids=tuple(dict.fromkeys(session.speaker_ids)),
    )


def validate_session(session: EducationSession, *, today: date) -> list[FieldError]:
    """Problems of a (normalised) session, at most one per field."""
    errors: dict[str, str] = {}
    if session.held_on > today:
        errors["held_on"] = translate("validation", "宣讲日期不能晚于今天（计划中的活动请在活动后登记）")
    elif session.held_on < date(2000, 1, 1):
        errors["held_on"] = translate("validation", "宣讲日期早于2000年，请核对")
    if session.end_time <= session.start_time:
        errors["end_time"] = translate("validation", "结束时间应晚于开始时间")
    if not session.place:
        errors["place"] = translate("validation", "请填写宣讲地点")
    if not session.topic:
        errors["topic"] = translate("validation", "请填写宣讲主题")
    elif len(session.topic) > 200:
        errors["topic"] = translate("validation", "主题过长（最多200字）")
    if not 0 <= session.audience <= MAX_AUDIENCE:
        errors["audience"] = translate("validation", "受众人数应在0到{max}之间").format(max=MAX_AUDIENCE)
    elif session.audience == 0 and session.form is not SessionForm.ONLINE:
        errors["audience"] = translate("validation", "请填写受众人数（现场活动至少1人）")
    if session.views is not None:
        if session.form is not SessionForm.ONLINE:
            errors["views"] = translate("validation", "只有线上直播才填写观看人次")
        elif session.views < 0:
            errors["views"] = translate("validation", "观看人次不能为负数")
    elif session.form is SessionForm.ONLINE and session.audience == 0:
        errors["views"] = translate("validation", "线上直播请填写观看人次")
    if session.materials < 0:
        errors["materials"] = translate("validation", "发放资料份数不能为负数")
    if not session.speaker_ids:
        errors["speaker_ids"] = translate("validation", "请至少选择一位宣讲人")
    return [FieldError(k, v) for k, v in errors.items()]
