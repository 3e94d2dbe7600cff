"""Checks of personal identifiers: resident ID-card numbers and phone numbers.

ID numbers follow GB 11643-1999 《公民身份号码》: 6-digit address code, 8-digit birth date
(YYYYMMDD), 3-digit sequence (odd = male, even = female) and a check digit computed with
ISO 7064:1983 MOD 11-2 (weights 2^(17-i) mod 11; remainder → ``10X98765432``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from liaison_app.domain.text import clean_line, digits_only, to_halfwidth
from liaison_app.i18n import translate

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^0\d{9,11}$")


def id_check_digit(first17: str) -> str:
    """Check character (``0``-``9`` or ``X``) for the first 17 digits, per GB 11643-1999."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(translate("validation", "需要17位数字"))
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK_CHARS[total % 11]


def upgrade_15_to_18(old: str) -> str:
    """First-generation 15-digit number → 18 digits: century ``19`` inserted before the 2-digit
    birth year and the GB 11643-1999 check digit appended (first-generation cards were issued
    only to people born in the 1900s)."""
    if len(old) != 15 or not old.isdigit():
        raise ValueError(translate("validation", "需要15位数字"))
    first17 = old[:6] + "19" + old[6:]
    return first17 + id_check_digit(first17)


def normalise_id_number(raw: str | None) -> str:
    """Half-width, upper-case ``X``, spaces and a leading apostrophe removed. No validation."""
    text = to_halfwidth(clean_line(raw)).replace(" ", "").lstrip("'").upper()
    return text


@dataclass(frozen=True)
class IdInfo:
    """What a valid ID number says: birth date and sex (True = male)."""

    birth_date: date
    male: bool

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day``."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def check_id_number(number: str, *, on: date | None = None) -> str | None:
    """Return None if ``number`` (already normalised) is a valid 18-digit ID number, else a
    message saying what is wrong (Chinese, translated in the GUI). ``on`` is the date the birth
    date must not be after."""
    on = on or date.today()
    if not number:
        return translate("validation", "请填写身份证号，或选择“拒绝提供”")
    if len(number) == 15 and number.isdigit():
        return translate("validation", "这是15位旧身份证号（已停止使用），对应的18位号码应为 {number}，请核对后填写").format(
            number=upgrade_15_to_18(number))
    if re.fullmatch(r"\d+(\.\d+)?E\+\d+", number):
        return translate("validation", "身份证号被表格软件转成了科学计数法，后几位已丢失，请核对原件重新填写")
    if len(number) != 18:
        return translate("validation", "身份证号应为18位，现在是{length}位").format(length=len(number))
    if not _ID_RE.match(number):
        return translate("validation", "身份证号前17位应为数字，最后一位为数字或X")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return translate("validation", "身份证号中的出生日期不存在")
    if birth > on or birth.year < 1900:
        return translate("validation", "身份证号中的出生日期不合理")
    if id_check_digit(number[:17]) != number[17]:
        return translate("validation", "身份证号校验位不对，请核对（GB 11643-1999）")
    return None


def id_info(number: str) -> IdInfo | None:
    """Birth date and sex of a valid ID number; None when it is not valid."""
    if check_id_number(number, on=date.max) is not None:
        return None
    birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    return IdInfo(birth_date=birth, male=int(number[16]) % 2 == 1)


def normalise_phone(raw: str | None) -> str:
    """Digits only (full-width folded); a leading ``+86``/``0086`` country code is dropped."""
    digits = digits_only(raw)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    elif len(digits) == 15 and digits.startswith("0086"):
        digits = digits[4:]
    return digits


def check_phone(number: str) -> str | None:
    """None if ``number`` (normalised) is a mainland mobile (11 digits, 1[3-9]…) or a landline with
    area code (0 + 9–11 digits); else a message (Chinese, translated in the GUI)."""
    if _MOBILE_RE.match(number) or _LANDLINE_RE.match(number):
        return None
    if number.startswith("1"):
        return translate("validation", "手机号应为11位（以13–19开头），现在是{length}位").format(length=len(number))
    return translate("validation", "电话号码格式不对：手机号11位，座机请带区号，如 0951-1234567")


def mask_phone(number: str | None) -> str:
    """``13812341234`` → ``138****1234``; short numbers keep only their last 4 digits visible."""
    if not number:
        return ""
    if len(number) >= 11:
        return number[:3] + "*" * (len(number) - 7) + number[-4:]
    if len(number) > 4:
        return "*" * (len(number) - 4) + number[-4:]
    return "*" * len(number)


def mask_name(name: str | None) -> str:
    """``张三丰`` → ``张**``; ``张三`` → ``张*``. Personal-information minimisation for lists and exports."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name


def mask_id_number(number: str | None) -> str:
    """``110101199003071234`` → ``**************1234``: only the last 4 characters stay visible
    (the audit log says a number changed without holding it)."""
    if not number:
        return ""
    return "*" * max(0, len(number) - 4) + number[-4:] if len(number) > 4 else "*" * len(number)
