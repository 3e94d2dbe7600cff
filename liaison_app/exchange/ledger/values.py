"""Text, names, phone numbers, ID-card numbers and counts from ledger cells.

Rules: the same normalisation as the forms (``domain.text``, ``domain.identity``), and for what
the forms never see — numbers that Excel or WPS mangled — GUIDE §5 and shared/cases/C22:

* An 18-digit ID number that was ever a number cell has lost its last digits (Excel keeps 15
  significant digits): it is **damaged**, flagged and never stored, whatever its check digit.
  So is the text ``3.10101E+17`` copied from a CSV. Nothing is guessed back.
* A check-digit, length or birth-date failure (GB 11643-1999) is flagged and not stored.
* 15-digit first-generation numbers are upgraded to 18 digits by the rule of GB 11643-1999
  (``domain.identity.upgrade_15_to_18``), with a warning so the user can check.
* ``拒绝提供`` and the like → 拒绝提供 (declined); ``无``/``未提供``/``/`` → 未登记 (not asked), noted.
* A phone stored as a number keeps its digits unless a landline lost its leading 0 (flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from liaison_app.domain.enums import IdStatus
from liaison_app.domain.identity import (
    check_id_number,
    check_phone,
    normalise_id_number,
    normalise_phone,
    upgrade_15_to_18,
)
from liaison_app.domain.text import clean_line, clean_name, clean_text, to_halfwidth
from liaison_app.exchange.ledger.cells import CellResult, CellValue, as_number, is_blank, raw_text

# Words written instead of an ID number. Refusals become 拒绝提供; the rest 未登记.
DECLINED_WORDS = ("拒绝", "不愿", "不提供", "拒不提供", "拒提供", "不肯")
NOT_GIVEN_WORDS = frozenset({"无", "没有", "未提供", "不详", "未知", "空", "暂无", "未带", "未登记", "无证件",
                             "未带证件", "/", "\\", "-", "--", "—", "——", "0", "略", "不清楚"})
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?E\+?\d+$")
_QUOTES = "'‘’`´\"“”"
_SPLIT_NUMBERS = re.compile(r"[/,，;；、|]|或|和|及")


@dataclass(frozen=True)
class IdValue:
    """What is stored for the visitor's ID: status and the number (only when status is GIVEN)."""

    status: IdStatus
    number: str = ""


def parse_line(value: CellValue) -> CellResult:
    """A one-line field (village, place, referral target): odd spaces and invisible
    characters removed, full-width Latin/digits kept as typed except in numbers."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, "")
    text = clean_line(raw)
    notes = ("去掉了多余的空格或不可见字符",) if text != raw else ()
    return CellResult(raw, text, text, notes)


def parse_name(value: CellValue) -> CellResult:
    """A personal name: :func:`domain.text.clean_name` (zero-width chars, NBSP, U+3000 and
    spaces between Han characters removed: ``孙\u3000八`` → ``孙八``)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, "")
    name = clean_name(raw)
    notes = ("去掉了姓名中的空格或不可见字符",) if name != raw else ()
    return CellResult(raw, name, name, notes)


def parse_text(value: CellValue) -> CellResult:
    """Free text (question, advice, notes): line ends unified, control characters and
    zero-width characters removed, layout kept (:func:`domain.text.clean_text`)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, "")
    text = clean_text(raw)
    notes = ("去掉了控制字符或首尾空白",) if text != raw.replace("\r\n", "\n").strip() else ()
    shown = text if len(text) <= 60 else text[:57] + "…"
    return CellResult(raw, text, shown, notes)


def parse_phone(value: CellValue) -> CellResult:
    """A phone cell → normalised digits (``domain.identity.normalise_phone``).

    Warnings (phone not stored): a number that is not a mobile or a landline with area code;
    a number cell that looks like a landline without its leading 0. Several numbers in one
    cell: the first valid one is stored, with a warning.
    """
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, "")
    number = as_number(value)
    if number is not None:
        if not float(number).is_integer():
            return CellResult(raw, "", warnings=(f"电话“{raw}”被存成了带小数的数字，未导入电话",))
        digits = str(int(number))
        if check_phone(digits) is None:
            return CellResult(raw, digits, digits, ("电话原为数字单元格，已转为文本",))
        if check_phone("0" + digits) is None:
            return CellResult(raw, "", warnings=(
                f"电话“{raw}”被存成了数字，座机号开头的0可能已丢失，未导入电话，请核对",))
        return CellResult(raw, "", warnings=(f"电话“{raw}”格式不对，未导入电话",))
    text = to_halfwidth(clean_line(raw))
    notes = []
    if text != clean_line(raw):
        notes.append("全角数字已转为半角")
    whole = normalise_phone(text)
    if check_phone(whole) is None:
        if whole != text:
            notes.append("去掉了空格、横线或国家代码")
        return CellResult(raw, whole, whole, tuple(notes))
    parts = [normalise_phone(p) for p in _SPLIT_NUMBERS.split(text) if normalise_phone(p)]
    valid = [p for p in parts if check_phone(p) is None]
    if len(parts) > 1 and valid:
        return CellResult(raw, valid[0], valid[0], tuple(notes), warnings=(
            f"一格里有{len(parts)}个电话，只导入了第一个有效号码 {valid[0]}，原文见报告",))
    problem = check_phone(whole) or "电话格式不对"
    return CellResult(raw, "", warnings=(f"电话“{raw}”有误，未导入电话：{problem}",))


def parse_id_number(value: CellValue, *, on: date | None) -> CellResult:
    """An ID-card cell → :class:`IdValue`. ``on`` is the visit date (a birth date after it is
    impossible); None when the visit date is unknown (today is used by the check)."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "")
    number = as_number(value)
    if number is not None:
        return _id_from_number(number, raw, on)
    text = clean_line(raw)
    if any(word in text for word in DECLINED_WORDS):
        return CellResult(raw, IdValue(IdStatus.DECLINED), "拒绝提供", (f"原文“{text}”，记为“拒绝提供”",))
    if text in NOT_GIVEN_WORDS:
        return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未登记", (f"原文“{text}”，记为“未登记”",))
    return _id_from_text(raw, on)


def _damaged(raw: str, why: str) -> CellResult:
    return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未导入（号码已损坏）", warnings=(
        f"身份证号“{raw}”已损坏：{why}，后几位无法恢复，未导入身份证号（请核对原件后在软件中补录）",))


def _id_from_number(number: float, raw: str, on: date | None) -> CellResult:
    if not float(number).is_integer():
        return _damaged(raw, "被表格软件存成了小数")
    digits = str(int(number))
    if len(digits) >= 16:
        return _damaged(raw, "被Excel存成了数字，只保留了15位有效数字")
    if len(digits) == 15:
        result = _id_from_text(digits, on)
        return result.with_note("号码原为数字单元格")
    return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未导入", warnings=(
        f"“{raw}”不是身份证号（位数不对），未导入身份证号",))


def _id_from_text(raw: str, on: date | None) -> CellResult:
    notes: list[str] = []
    text = clean_line(raw)
    if to_halfwidth(text) != text:
        notes.append("全角字符已转为半角")
    stripped = to_halfwidth(text).strip(_QUOTES + " ")
    if stripped != to_halfwidth(text).strip():
        notes.append("去掉了引号或撇号")
    if _SPLIT_NUMBERS.search(stripped) and len(re.findall(r"\d{15,}", stripped.replace(" ", ""))) > 1:
        return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未导入", tuple(notes), warnings=(
            f"一格里有两个身份证号“{raw}”，无法确定是哪一个，未导入身份证号",))
    number = normalise_id_number(stripped).strip(_QUOTES)
    if " " in stripped.strip():
        notes.append("去掉了号码中的空格")
    if number.endswith("X") and stripped.endswith("x"):
        notes.append("末位小写x已改为大写X")
    if _SCIENTIFIC.match(number):
        return _damaged(raw, "是科学计数法（从被Excel转成数字的表格复制而来）")
    if len(number) == 15 and number.isdigit():
        upgraded = upgrade_15_to_18(number)
        problem = check_id_number(upgraded, on=on)
        if problem:
            return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未导入", tuple(notes), warnings=(
                f"15位旧身份证号“{raw}”有误：{problem}，未导入身份证号",))
        return CellResult(raw, IdValue(IdStatus.GIVEN, upgraded), upgraded, tuple(notes), warnings=(
            f"15位旧身份证号已按GB 11643-1999升级为18位 {upgraded}，请核对",))
    problem = check_id_number(number, on=on)
    if problem:
        if len(number) == 18 and number.endswith("000"):
            problem += "（末三位是000，多半是Excel把号码当数字处理后丢了末几位）"
        return CellResult(raw, IdValue(IdStatus.NOT_ASKED), "未导入", tuple(notes), warnings=(
            f"身份证号“{clean_line(raw)}”有误：{problem}；未导入身份证号",))
    if number.endswith("000"):
        return CellResult(raw, IdValue(IdStatus.GIVEN, number), number, tuple(notes), warnings=(
            "身份证号末三位是000：校验位虽然正确，但若这一列曾被Excel当作数字处理，号码可能已损坏，请核对原件",))
    return CellResult(raw, IdValue(IdStatus.GIVEN, number), number, tuple(notes))


_COUNT_RE = re.compile(r"(\d+)")


def parse_count(value: CellValue, *, label: str) -> CellResult:
    """A head count or number of copies: ``120``, ``约120人``, ``120余人``, ``１２０`` → 120.

    A fraction or a negative number is an error; text around the number is noted.
    """
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw)
    number = as_number(value)
    if number is not None:
        if not float(number).is_integer() or number < 0:
            return CellResult(raw, errors=(f"{label}“{raw}”应为非负整数",))
        return CellResult(raw, int(number), str(int(number)))
    text = to_halfwidth(clean_line(raw)).replace(",", "").replace("，", "")
    found = _COUNT_RE.findall(text)
    if len(found) != 1:
        return CellResult(raw, errors=(f"{label}“{raw}”不是一个数字",))
    count = int(found[0])
    notes = (f"从“{raw}”中取数字{count}",) if text != found[0] else ()
    return CellResult(raw, count, str(count), notes)


YES_WORDS = ("是", "已", "有", "√", "✓", "y", "Y", "yes", "1")
NO_WORDS = ("否", "未", "没有", "无", "×", "n", "N", "no", "0", "待")


def parse_yes_no(value: CellValue) -> CellResult:
    """是/否 columns (是否回访): True, False, or None when blank; unreadable text → warning."""
    raw = raw_text(value)
    if is_blank(value):
        return CellResult(raw)
    text = clean_line(raw)
    if text.startswith(NO_WORDS):
        return CellResult(raw, False, "否")
    if text.startswith(YES_WORDS):
        return CellResult(raw, True, "是")
    return CellResult(raw, None, "", warnings=(f"“{raw}”看不出是“是”还是“否”，未使用",))
