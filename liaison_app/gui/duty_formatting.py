"""How the duty roster words things in the UI (Qt-free helpers shared by the roster widgets).

Dates follow GUIDE §2 (``12月1日（周二）上午``); states and changes use the domain's labels.
"""

from __future__ import annotations

from datetime import date

from liaison_app.domain.duty import DutyShift, ShiftState, SwapRequest
from liaison_app.domain.people import WEEKDAY_LABELS, HalfDay
from liaison_app.domain.roster import DayInfo, DayKind, DaySource, Gap, Problem
from liaison_app.i18n import translate

_CONTEXT = "duty_formatting"


def day_label(day: date) -> str:
    """``12月1日（周二）``."""
    return translate(_CONTEXT, "{month}月{day}日（{weekday}）").format(
        month=day.month, day=day.day, weekday=WEEKDAY_LABELS[day.weekday()])


def slot_label(day: date, half: HalfDay) -> str:
    """``12月1日（周二）上午``."""
    return day_label(day) + half.label


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
        return translate(_CONTEXT, "休")
    if info.kind is DayKind.MAKEUP:
        return translate(_CONTEXT, "班")
    return ""


def day_description(info: DayInfo) -> str:
    """``2026年10月1日 周四，法定节假日（国庆节）`` with the source when it was entered by hand
    or assumed (uncovered year)."""
    text = translate(_CONTEXT, "{year}年{month}月{day}日 {weekday}，{kind}").format(
        year=info.day.year, month=info.day.month, day=info.day.day,
        weekday=WEEKDAY_LABELS[info.day.weekday()], kind=info.kind.label)
    if info.name:
        text += translate(_CONTEXT, "（{name}）").format(name=info.name)
    if info.source is not DaySource.LIBRARY:
        text += translate(_CONTEXT, "；依据：{source}").format(source=info.source.label)
    return text


def shift_name(shift: DutyShift, names: dict[str, str]) -> str:
    """The volunteer's name, ``?`` if unknown."""
    return names.get(shift.person_id, "?")


def shift_text(shift: DutyShift, names: dict[str, str]) -> str:
    """``张德昇（已确认）``."""
    return translate(_CONTEXT, "{name}（{state}）").format(name=shift_name(shift, names), state=shift.state.label)


def shift_line(shift: DutyShift, names: dict[str, str], *, with_name: bool = True) -> str:
    """``12月1日（周二）上午 张德昇（已确认）`` (without the name for a volunteer's own list)."""
    if with_name:
        return f"{slot_label(shift.day, shift.half)} {shift_text(shift, names)}"
    return translate(_CONTEXT, "{slot}（{state}）").format(slot=slot_label(shift.day, shift.half),
                                                         state=shift.state.label)


def gap_text(gap: Gap) -> str:
    """``12月5日（周六）上午 缺1人：均已达上限``."""
    return translate(_CONTEXT, "{slot} 缺{n}人：{reason}").format(
        slot=slot_label(gap.day, gap.half), n=gap.missing, reason=gap.message)


def missing_text(missing: int) -> str:
    """``缺`` for one open seat, ``缺2`` for two."""
    return translate(_CONTEXT, "缺") if missing == 1 else translate(_CONTEXT, "缺{n}").format(n=missing)


def problems_text(problems: tuple[Problem, ...] | list[Problem], separator: str = "；") -> str:
    """The problems' sentences joined."""
    return separator.join(p.message for p in problems)


def unseen_text(shift: DutyShift, names: dict[str, str]) -> str:
    """A volunteer's change the judge has not seen: ``张德昇 志愿者认领 12月1日（周二）上午``."""
    who = names.get(shift.changed_by or shift.person_id, "?")
    return translate(_CONTEXT, "{who} {change} {slot}").format(
        who=who, change=shift.last_change.label, slot=slot_label(shift.day, shift.half))


def state_hint(state: ShiftState) -> str:
    """What a state means for the seat (legend tooltips)."""
    hints = {
        ShiftState.PLANNED: translate(_CONTEXT, "已排班，志愿者尚未确认（虚线框）"),
        ShiftState.CONFIRMED: translate(_CONTEXT, "志愿者已确认会来"),
        ShiftState.LEAVE: translate(_CONTEXT, "请假：这一班空出，需要另找人"),
        ShiftState.DONE: translate(_CONTEXT, "已到岗服务，已生成志愿服务记录"),
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
            text = translate(_CONTEXT, "{who}想用 {what} 换您的 {back}").format(who=who, what=what, back=back)
        else:
            text = translate(_CONTEXT, "{who}请您代班 {what}").format(who=who, what=what)
    else:
        who = names.get(request.to_person_id, "?")
        if theirs is not None:
            text = translate(_CONTEXT, "您请{who}用 {back} 换您的 {what}").format(who=who, what=what, back=back)
        else:
            text = translate(_CONTEXT, "您请{who}代班 {what}").format(who=who, what=what)
    text += translate(_CONTEXT, "（{state}）").format(state=request.state.label)
    if request.note:
        text += translate(_CONTEXT, "：{note}").format(note=request.note)
    return text
