"""How the duty roster words things in the UI (Qt-free helpers shared by the roster widgets).

Dates follow GUIDE §2 (``12月1日（周二）上午``); states and changes use the domain's labels.
"""

from __future__ import annotations

from datetime import date

from liaison_app.domain.duty import DutyShift, ShiftState, SwapRequest
from liaison_app.domain.people import WEEKDAY_LABELS, HalfDay, WeeklySlot
from liaison_app.domain.roster import DayInfo, DayKind, DaySource, Gap, Problem
from liaison_app.gui.labels import label
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

# The core's weekday names (``WEEKDAY_LABELS``, not a LabeledEnum), marked for the translators.
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("duty_formatting", "周一"),
    QT_TRANSLATE_NOOP("duty_formatting", "周二"),
    QT_TRANSLATE_NOOP("duty_formatting", "周三"),
    QT_TRANSLATE_NOOP("duty_formatting", "周四"),
    QT_TRANSLATE_NOOP("duty_formatting", "周五"),
    QT_TRANSLATE_NOOP("duty_formatting", "周六"),
    QT_TRANSLATE_NOOP("duty_formatting", "周日"),
)
assert _WEEKDAYS == WEEKDAY_LABELS


def weekday_label(weekday: int) -> str:
    """``周二`` for 1 (Monday is 0), translated."""
    return translate("duty_formatting", WEEKDAY_LABELS[weekday])


def weekly_slot_label(slot: WeeklySlot) -> str:
    """``周二上午``: a half-day of the week (a volunteer's availability), translated."""
    return translate("duty_formatting", "{weekday}{half}").format(weekday=weekday_label(slot.weekday),
                                                                  half=label(slot.half))


def leave_suffix() -> str:
    """``(假)``: written after the name of a volunteer on leave (calendar chips, start page)."""
    return translate("duty_formatting", "(假)")


def day_label(day: date) -> str:
    """``12月1日（周二）``."""
    return translate("duty_formatting", "{month}月{day}日（{weekday}）").format(
        month=day.month, day=day.day, weekday=weekday_label(day.weekday()))


def slot_label(day: date, half: HalfDay) -> str:
    """``12月1日（周二）上午``."""
    return translate("duty_formatting", "{day}{half}").format(day=day_label(day), half=label(half))


def slot_key(day: date, half: HalfDay) -> str:
    """``2026-12-01|am``: a half-day as plain text (item data that survives QVariant)."""
    return f"{day.isoformat()}|{half.value}"


def parse_slot_key(key: object) -> tuple[date, HalfDay] | None:
    """Inverse of :func:`slot_key`; None for anything else."""
    if not isinstance(key, str) or "|" not in key:
        return None
    day, half = key.split("|", 1)
    return date.fromisoformat(day), HalfDay(half)


def day_mark(info: DayInfo) -> str:
    """The mark printed beside a date: ``休`` for a holiday, ``班`` for a 调休 working day."""
    if info.kind is DayKind.HOLIDAY:
        return translate("duty_formatting", "休")
    if info.kind is DayKind.MAKEUP:
        return translate("duty_formatting", "班")
    return ""


def day_description(info: DayInfo) -> str:
    """``2026年10月1日 周四，法定节假日（国庆节）`` with the source when it was entered by hand
    or assumed (uncovered year)."""
    text = translate("duty_formatting", "{year}年{month}月{day}日 {weekday}，{kind}").format(
        year=info.day.year, month=info.day.month, day=info.day.day,
        weekday=weekday_label(info.day.weekday()), kind=label(info.kind))
    if info.name:
        text += translate("duty_formatting", "（{name}）").format(name=info.name)
    if info.source is not DaySource.LIBRARY:
        text += translate("duty_formatting", "；依据：{source}").format(source=label(info.source))
    return text


def shift_name(shift: DutyShift, names: dict[str, str]) -> str:
    """The volunteer's name, ``?`` if unknown."""
    return names.get(shift.person_id, "?")


def shift_text(shift: DutyShift, names: dict[str, str]) -> str:
    """``张德昇（已确认）``."""
    return translate("duty_formatting", "{name}（{state}）").format(name=shift_name(shift, names),
                                                                   state=label(shift.state))


def shift_line(shift: DutyShift, names: dict[str, str], *, with_name: bool = True) -> str:
    """``12月1日（周二）上午 张德昇（已确认）`` (without the name for a volunteer's own list)."""
    if with_name:
        return f"{slot_label(shift.day, shift.half)} {shift_text(shift, names)}"
    return translate("duty_formatting", "{slot}（{state}）").format(slot=slot_label(shift.day, shift.half),
                                                                  state=label(shift.state))


def gap_text(gap: Gap) -> str:
    """``12月5日（周六）上午 缺1人：均已达上限``."""
    return translate("duty_formatting", "{slot} 缺{n}人：{reason}").format(
        slot=slot_label(gap.day, gap.half), n=gap.missing, reason=gap.message)


def open_seat_text(gap: Gap) -> str:
    """``12月5日（周六）上午 缺1人`` (an open seat without the reason)."""
    return translate("duty_formatting", "{slot} 缺{n}人").format(slot=slot_label(gap.day, gap.half), n=gap.missing)


def missing_text(missing: int) -> str:
    """``缺`` for one open seat, ``缺2`` for two."""
    return translate("duty_formatting", "缺") if missing == 1 else translate("duty_formatting", "缺{n}").format(n=missing)


def problems_text(problems: tuple[Problem, ...] | list[Problem], separator: str | None = None) -> str:
    """The problems' sentences joined (by ``；`` unless ``separator`` is given)."""
    if separator is None:
        separator = translate("duty_formatting", "；")
    return separator.join(p.message for p in problems)


def unseen_text(shift: DutyShift, names: dict[str, str]) -> str:
    """A volunteer's change the judge has not seen: ``张德昇 志愿者认领 12月1日（周二）上午``."""
    who = names.get(shift.changed_by or shift.person_id, "?")
    return translate("duty_formatting", "{who} {change} {slot}").format(
        who=who, change=label(shift.last_change), slot=slot_label(shift.day, shift.half))


def state_hint(state: ShiftState) -> str:
    """What a state means for the seat (legend tooltips)."""
    hints = {
        ShiftState.PLANNED: translate("duty_formatting", "已排班，志愿者尚未确认（虚线框）"),
        ShiftState.CONFIRMED: translate("duty_formatting", "志愿者已确认会来"),
        ShiftState.LEAVE: translate("duty_formatting", "请假：这一班空出，需要另找人"),
        ShiftState.DONE: translate("duty_formatting", "已到岗服务，已生成志愿服务记录"),
    }
    return hints[state]


def swap_request_text(request: SwapRequest, shifts: dict[str, DutyShift], names: dict[str, str],
                      person_id: str) -> str:
    """One swap request as seen by ``person_id`` (the asker or the asked colleague)."""
    mine = shifts.get(request.shift_id)
    theirs = shifts.get(request.their_shift_id) if request.their_shift_id else None
    what = slot_label(mine.day, mine.half) if mine else "?"
    back = slot_label(theirs.day, theirs.half) if theirs else ""
    if request.to_person_id == person_id:
        who = names.get(request.from_person_id, "?")
        if theirs is not None:
            text = translate("duty_formatting", "{who}想用 {what} 换您的 {back}").format(who=who, what=what, back=back)
        else:
            text = translate("duty_formatting", "{who}请您代班 {what}").format(who=who, what=what)
    else:
        who = names.get(request.to_person_id, "?")
        if theirs is not None:
            text = translate("duty_formatting", "您请{who}用 {back} 换您的 {what}").format(who=who, what=what, back=back)
        else:
            text = translate("duty_formatting", "您请{who}代班 {what}").format(who=who, what=what)
    text += translate("duty_formatting", "（{state}）").format(state=label(request.state))
    if request.note:
        text += translate("duty_formatting", "：{note}").format(note=request.note)
    return text
