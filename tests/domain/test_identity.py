"""ID-card numbers (GB 11643-1999) and phone numbers: right and wrong values."""

from datetime import date

import pytest

from liaison_app.domain.identity import (
    check_id_number,
    check_phone,
    id_check_digit,
    id_info,
    mask_name,
    mask_phone,
    normalise_id_number,
    normalise_phone,
    upgrade_15_to_18,
)

ON = date(2026, 11, 29)


def test_check_digit_of_the_standards_example():
    # GB 11643-1999 Appendix example: 11010519491231002X.
    assert id_check_digit("11010519491231002") == "X"


@pytest.mark.parametrize(
    "number",
    ["11010519491231002X", "310101196504099916", "31010119900307997X", "340102199504299921"],
)
def test_valid_numbers_pass(number):
    assert check_id_number(number, on=ON) is None


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("310101196504099910", "校验位"),          # wrong check digit
        ("31010119650409991", "18位"),             # 17 digits
        ("3101011965040999165", "18位"),           # 19 digits
        ("340102199902319916", "出生日期不存在"),   # 1999-02-31
        ("340102209912319924", "出生日期不合理"),   # born in 2099
        ("3.10101E+17", "科学计数法"),             # float text from a spreadsheet
        ("31010119650409991A", "最后一位"),
        ("", "拒绝提供"),
    ],
)
def test_invalid_numbers_say_why(number, fragment):
    message = check_id_number(number, on=ON)
    assert message is not None and fragment in message


def test_old_15_digit_number_is_refused_with_its_18_digit_form():
    # Check digit by hand: weighted sum 324, 324 mod 11 = 5 → "7".
    assert upgrade_15_to_18("340102520714993") == "340102195207149937"
    assert check_id_number("340102195207149937", on=ON) is None
    message = check_id_number("340102520714993", on=ON)
    assert message is not None and "340102195207149937" in message


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("31010119900307997x", "31010119900307997X"),
        ("３１０１０１１９６５０４０９９９１６", "310101196504099916"),
        ("310101 19650409 9916", "310101196504099916"),
        ("'310101196504099916", "310101196504099916"),
        ("310101196504099916\xa0", "310101196504099916"),
    ],
)
def test_normalisation_of_typed_and_pasted_numbers(raw, normalised):
    assert normalise_id_number(raw) == normalised
    assert check_id_number(normalise_id_number(raw), on=ON) is None


def test_id_info_gives_birth_date_sex_and_age():
    info = id_info("11010519491231002X")
    assert info is not None
    assert info.birth_date == date(1949, 12, 31)
    assert info.male is False  # 17th digit 2 is even
    assert info.age_on(date(2026, 11, 29)) == 76
    assert info.age_on(date(2026, 12, 31)) == 77
    assert id_info("310101196504099910") is None


@pytest.mark.parametrize(
    ("raw", "normalised", "ok"),
    [
        ("13800001111", "13800001111", True),
        ("138 0000 1111", "13800001111", True),
        ("１３８－００００－１１１１", "13800001111", True),
        ("+86 138 0000 1111", "13800001111", True),
        ("0951-1234567", "09511234567", True),
        ("1380000111", "1380000111", False),    # 10 digits
        ("12800001111", "12800001111", False),  # no 12x mobile prefix
        ("1234567", "1234567", False),          # landline without area code
    ],
)
def test_phone_numbers(raw, normalised, ok):
    assert normalise_phone(raw) == normalised
    assert (check_phone(normalised) is None) is ok


def test_masks():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("09511234567") == "095****4567"
    assert mask_phone("") == ""
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("张") == "张"
