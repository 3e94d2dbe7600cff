"""Format v2 pieces without a database: pseudonymous visitor keys, problem messages, and the
checksum surviving any text (property test: write with openpyxl, read with python-calamine)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import Outcome
from liaison_app.domain.pseudonym import key_fingerprint, visitor_key
from liaison_app.domain.records import Category, Consultation
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_checks import check_batch
from liaison_app.exchange.batch_reader import Problem, describe_content, read_workbook
from liaison_app.exchange.batch_writer import BatchHeader, BatchRecords, write_batch

CATEGORIES = {"PRO": Category("PRO", 1, None, "物权纠纷", "", "", "v1"),
              "PRO-HST": Category("PRO-HST", 2, "PRO", "宅基地纠纷", "", "", "v1")}


def test_visitor_key_is_an_hmac_of_the_id_number_else_the_phone():
    key = "court-key-2026"
    by_id = visitor_key(key, "640521195803120031", "13995110001")
    assert len(by_id) == 64 and by_id == visitor_key(key, " 640521195803120031 ", "")  # phone ignored
    assert by_id == visitor_key(key, "６４０５２１１９５８０３１２００３１", "")          # full-width digits
    by_phone = visitor_key(key, "", "139 9511 0001")
    assert by_phone == visitor_key(key, "拒绝提供", "+86 13995110001") != by_id
    assert visitor_key(key, "", "1234") == ""                                      # nothing to key on
    assert visitor_key("", "640521195803120031", "13995110001") == ""              # no court key
    assert visitor_key("another-key-2026", "", "13995110001") != by_phone
    assert len(key_fingerprint(key)) == 8 and key_fingerprint(key) != key_fingerprint("another-key-2026")
    assert key_fingerprint("") == ""


def test_problem_text_names_file_sheet_row_and_column():
    assert Problem("ZN-NA_2026-11_v1.xlsx", "日期 2026-10-31 不在统计月份 2026-11 内", "法律咨询", 7, "接待时间").text() == \
        "「ZN-NA_2026-11_v1.xlsx」工作表“法律咨询”第7行“接待时间”：日期 2026-10-31 不在统计月份 2026-11 内"
    assert Problem("a.xlsx", "缺少这个工作表", "值班表").text() == "「a.xlsx」工作表“值班表”：缺少这个工作表"
    assert Problem("a.xlsx", "文件是空的").text() == "「a.xlsx」：文件是空的"


def test_content_is_recognised_by_its_bytes():
    assert describe_content(b"PK\x03\x04rest") is None
    assert "空的" in describe_content(b"")
    assert "CSV" in describe_content("姓名,电话\n王秀英,139\n".encode("gbk"))
    assert "CSV" in describe_content("姓名,电话\n王秀英,139\n".encode("utf-8"))
    assert "旧版Excel" in describe_content(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert "无法识别" in describe_content(bytes(range(256)) * 4)


def _write(path: Path, text: str) -> None:
    stamp = datetime(2026, 11, 3, 9, 0, tzinfo=CHINA_TZ)
    record = Consultation(point_id="p", received_at=stamp, visitor_name="王", category_code="PRO-HST",
                          question=text, advice=text[::-1], outcome=Outcome.ANSWERED, followup_note=text,
                          followup_due=date(2026, 11, 10), created_at=stamp, updated_at=stamp,
                          category_dict_version="v1")
    header = BatchHeader(str(uuid.uuid4()), "ZN-NA", "宁安镇法官联系点", "中宁县人民法院", "2026-11", 1, stamp, "t")
    write_batch(path, header, BatchRecords(consultations=[record]), CATEGORIES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(st.characters(), st.sampled_from(
    ["\ud800", "\udfff", "\ufffe", "\uffff", "\r", "\x0b", "\x00", "_x0041_", "_x000D_", "_x005F_", " ", "=",
     "\t"])), max_size=30).map("".join))
def test_any_text_survives_with_a_valid_checksum(tmp_path, text):
    path = tmp_path / "ZN-NA_2026-11_v1.xlsx"
    _write(path, text)
    checked = check_batch(read_workbook(path, (fmt.SHEET_MANIFEST, *fmt.DATA_SHEETS)), category_codes={"PRO-HST"})
    assert checked.checksum_ok
    row = checked.rows[fmt.SHEET_CONSULTATIONS][0]
    # what comes back is the text itself (in its canonical form: characters no reader can return
    # as themselves — lone surrogates, U+FFFE/U+FFFF — stay escaped; blank text is empty)
    assert fmt.canonical_text(row["question"]) == fmt.canonical_text(text)
    assert row["question"] == fmt.canonical_text(text)


def test_a_record_at_midnight_round_trips(tmp_path):
    """python-calamine hands back a datetime at exactly 00:00 as a date: still a valid batch."""
    stamp = datetime(2026, 11, 3, 0, 0, tzinfo=CHINA_TZ)
    record = Consultation(point_id="p", received_at=stamp, visitor_name="王", category_code="PRO-HST",
                          question="夜间电话咨询", advice="次日回电", outcome=Outcome.ANSWERED, created_at=stamp,
                          updated_at=stamp, category_dict_version="v1")
    header = BatchHeader(str(uuid.uuid4()), "ZN-NA", "宁安镇法官联系点", "中宁县人民法院", "2026-11", 1, stamp, "t")
    path = tmp_path / "ZN-NA_2026-11_v1.xlsx"
    write_batch(path, header, BatchRecords(consultations=[record]), CATEGORIES)
    checked = check_batch(read_workbook(path, (fmt.SHEET_MANIFEST, *fmt.DATA_SHEETS)))
    assert checked.checksum_ok
    row = checked.rows[fmt.SHEET_CONSULTATIONS][0]
    assert row["received_at"] == row["updated_at"] == "2026-11-03T00:00:00+08:00"
