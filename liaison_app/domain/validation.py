"""Validation of records. Each rule yields a Chinese message tied to one field, so the form can
show it next to that field. Rules and their sources are listed in docs/records.md.

Messages go through :func:`liaison_app.i18n.translate` (context ``validation``), so the GUI shows
them in the chosen language; the CLI and the tests get the Chinese source text."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta

from liaison_app.domain.enums import AgeBand, Gender, IdStatus
from liaison_app.domain.identity import (
    check_id_number,
    check_phone,
    id_info,
    normalise_id_number,
    normalise_phone,
)
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.domain.text import clean_line, clean_name, clean_text
from liaison_app.errors import FieldError
from liaison_app.i18n import translate

# An Excel cell holds at most 32,767 characters; free text must survive the monthly batch.
MAX_TEXT_CHARS = 32_767
MAX_LINE_CHARS = 100
EARLIEST_DATE = date(2000, 1, 1)
# Clock skew tolerated between the laptop and the moment the form is saved.
FUTURE_SLACK = timedelta(minutes=10)


def normalise_consultation(record: Consultation) -> Consultation:
    """Cleaned copy: names and one-line fields trimmed, phone to digits, ID half-width with
    upper-case X, free text with LF line ends. Applied before validation and storage."""
    id_number = normalise_id_number(record.id_number)
    if record.id_status is not IdStatus.GIVEN:
        id_number = ""
    return record.with_changes(
        visitor_name=clean_name(record.visitor_name),
        receiver_name=clean_name(record.receiver_name),
        phone=normalise_phone(record.phone),
        id_number=id_number,
        village=clean_line(record.village),
        question=clean_text(record.question),
        advice=clean_text(record.advice),
        referral_target=clean_line(record.referral_target),
        followup_note=clean_text(record.followup_note),
        paper_form_no=clean_line(record.paper_form_no).upper(),
    )


def validate_consultation(
    record: Consultation,
    *,
    now: datetime,
    category_codes: Collection[str],
) -> list[FieldError]:
    """All problems of a (normalised) consultation, at most one per field.

    Args:
        record: the consultation, after :func:`normalise_consultation`.
        now: the current aware time; received time may not be later (10 minutes' slack).
        category_codes: the selectable dispute-category codes of the dictionary.
    """
    errors: dict[str, str] = {}

    def fail(field_name: str, message: str) -> None:
        errors.setdefault(field_name, message)

    received_day = record.received_at.date()
    if record.received_at > now + FUTURE_SLACK:
        fail("received_at", translate("validation", "接待时间不能晚于现在"))
    elif received_day < EARLIEST_DATE:
        fail("received_at", translate("validation", "接待日期早于2000年，请核对"))

    if not record.point_id:
        fail("point_id", translate("validation", "请选择联系点"))
    if not record.receiver_name:
        fail("receiver_name", translate("validation", "请填写接待人（法官或志愿者）"))

    if not record.visitor_name:
        fail("visitor_name", translate("validation", "请填写来访人姓名（不愿透露可填“匿名”）"))
    elif len(record.visitor_name) > MAX_LINE_CHARS:
        fail("visitor_name", translate("validation", "姓名过长（最多{max}字）").format(max=MAX_LINE_CHARS))

    if record.phone:
        problem = check_phone(record.phone)
        if problem:
            fail("phone", problem)

    if record.id_status is IdStatus.GIVEN:
        problem = check_id_number(record.id_number, on=received_day)
        if problem:
            fail("id_number", problem)
        else:
            info = id_info(record.id_number)
            assert info is not None
            expected_band = AgeBand.for_age(info.age_on(received_day))
            if record.age_band not in (AgeBand.UNKNOWN, expected_band):
                fail("age_band", translate("validation", "年龄段与身份证号不符：按出生日期应为“{band}”").format(
                    band=translate("labels", expected_band.label)))
            expected_gender = Gender.MALE if info.male else Gender.FEMALE
            if record.gender not in (Gender.UNKNOWN, expected_gender):
                fail("gender", translate("validation", "性别与身份证号不符：按第17位应为“{gender}”").format(
                    gender=translate("labels", expected_gender.label)))

    if record.category_code not in category_codes:
        fail("category_code", translate("validation", "请选择纠纷类型"))

    if not record.question:
        fail("question", translate("validation", "请填写咨询事项"))
    elif len(record.question) > MAX_TEXT_CHARS:
        fail("question", translate("validation", "咨询事项过长（最多{max}字，现在{length}字）").format(
            max=MAX_TEXT_CHARS, length=len(record.question)))
    if not record.advice:
        fail("advice", translate("validation", "请填写答复意见"))
    elif len(record.advice) > MAX_TEXT_CHARS:
        fail("advice", translate("validation", "答复意见过长（最多{max}字，现在{length}字）").format(
            max=MAX_TEXT_CHARS, length=len(record.advice)))
    if len(record.followup_note) > MAX_TEXT_CHARS:
        fail("followup_note", translate("validation", "答复情况过长（最多{max}字）").format(max=MAX_TEXT_CHARS))

    if record.outcome.needs_referral_target and not record.referral_target:
        fail("referral_target", translate("validation", "“{outcome}”须写明转往何处").format(
            outcome=translate("labels", record.outcome.label)))
    if record.outcome.needs_follow_up and record.followup_due is None:
        fail("followup_due", translate("validation", "未当场解决的咨询须定回访期限（件件有回复）"))
    if record.followup_due is not None and record.followup_due < received_day:
        fail("followup_due", translate("validation", "回访期限不能早于接待日期"))
    if record.followup_done is not None:
        if record.followup_done < received_day:
            fail("followup_done", translate("validation", "回访日期不能早于接待日期"))
        elif record.followup_done > now.date():
            fail("followup_done", translate("validation", "回访日期不能晚于今天"))
        elif not record.followup_note:
            fail("followup_note", translate("validation", "已回访的，请填写答复情况"))
    if len(record.paper_form_no) > 40:
        fail("paper_form_no", translate("validation", "纸质登记表编号过长（最多40个字符）"))
    return [FieldError(k, v) for k, v in errors.items()]


def validate_point(point: LiaisonPoint) -> list[FieldError]:
    """Problems of a liaison point: code (letters, digits, ``-``/``_``, ≤ 20), name and court required."""
    errors: list[FieldError] = []
    code = point.code
    if not code:
        errors.append(FieldError("code", translate("validation", "请填写联系点编码")))
    elif len(code) > 20 or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in code):
        errors.append(FieldError("code", translate(
            "validation", "编码只能用字母、数字、- 和 _，最多20个字符（用于报送文件名）")))
    if not point.name:
        errors.append(FieldError("name", translate("validation", "请填写联系点名称")))
    if not point.court:
        errors.append(FieldError("court", translate("validation", "请填写所属法院")))
    return errors
