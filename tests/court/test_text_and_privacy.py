"""Formula-looking text comes back from export → merge as the same text, and no sheet holds a
formula; a masked batch holds no full phone or ID number anywhere; visitor keys are HMACs."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from datetime import date, datetime, time

import pytest
from python_calamine import CalamineWorkbook

from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Outcome
from liaison_app.domain.identity import id_check_digit
from liaison_app.domain.people import Person, Role
from liaison_app.domain.pseudonym import key_fingerprint, visitor_key
from liaison_app.domain.records import Consultation
from liaison_app.domain.visits import Activity, VolunteerVisit
from liaison_app.errors import UserError

PERIOD = "2026-11"
ID_17 = "64052119580312003"
ID_NUMBER = ID_17 + id_check_digit(ID_17)
PHONE = "13995110001"
TRICKY = [
    '=HYPERLINK("http://x","点我")', "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+86 0955 中宁县法律援助中心",
    "-2+3", "\t=1+1", "\r=1+1", "第一段\r\n第二段", "_x000D_ 字面的转义", "#N/A", "第一行\x0b第二行",
]


@pytest.fixture
def tricky(core, point):
    """Consultations whose free text looks like formulas or escapes, a session and a visit too."""
    save = core.consultations.save
    for index, text in enumerate(TRICKY):
        record = Consultation(
            point_id=point.id, received_at=datetime(2026, 11, 2 + index, 9, 0, tzinfo=CHINA_TZ),
            visitor_name="马德福", category_code="PRO-HST", question=text, advice=text, outcome=Outcome.OTHER,
            receiver_name="马建国", phone=PHONE, id_status=IdStatus.GIVEN, id_number=ID_NUMBER,
            gender=Gender.MALE, age_band=AgeBand.SENIOR, followup_due=date(2026, 11, 20),
        )
        stamp = record.received_at
        # stored as an import would leave it (the form would clean control characters)
        core.consultations.repo.insert(record.with_changes(created_at=stamp, updated_at=stamp,
                                                           category_dict_version="ccr2020-lp-v1", followup_note=text))
    speaker, _ = core.people.save(Person(name="=李文斌", role=Role.VOLUNTEER, point_ids=frozenset({point.id})))
    core.sessions.save(EducationSession(point_id=point.id, held_on=date(2026, 11, 5), start_time=time(9, 0),
                                        end_time=time(10, 30), place="@村委会", form=SessionForm.LECTURE,
                                        topic="-民法典进农村", audience=40, speaker_ids=(speaker.id,)))
    core.visits.save(VolunteerVisit(person_id=speaker.id, point_id=point.id, visited_on=date(2026, 11, 6),
                                    arrival=time(9, 0), departure=time(11, 35), activities=frozenset({Activity.OTHER}),
                                    notes="+备注"))
    return save


def cells_of(path) -> list[str]:
    """Every cell of every sheet as text (python-calamine)."""
    workbook = CalamineWorkbook.from_path(str(path))
    return [str(v) for name in workbook.sheet_names
            for row in workbook.get_sheet_by_name(name).to_python() for v in row]


def test_formula_text_comes_back_as_the_same_text_and_no_sheet_holds_a_formula(core, point, tricky, tmp_path):
    path = ExportService(core).export_month(PERIOD, tmp_path / "out")[0]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(\w+:)?f[\s>/]", archive.read(name)), name
    with CourtService(tmp_path / "court.db") as court:
        report = court.merge([path])
        assert report.files[0].outcome is MergeOutcome.MERGED, report.files[0].explanation()
    conn = sqlite3.connect(tmp_path / "court.db")
    try:
        stored = [r for r in conn.execute("SELECT question, advice, followup_note FROM court_consultation "
                                          "ORDER BY received_at")]
        session = conn.execute("SELECT place, topic, speakers FROM court_session").fetchone()
        visit = conn.execute("SELECT volunteer, notes, minutes, hours FROM court_visit").fetchone()
    finally:
        conn.close()
    assert stored == [(t, t, t) for t in TRICKY]
    assert session == ("@村委会", "-民法典进农村", "=李文斌")
    assert visit == ("=李文斌", "+备注", 155, 2.6)


def test_masked_batch_holds_no_full_phone_or_id_number(core, point, tricky, tmp_path):
    ExportService(core).set_court_key("a-court-key-2026")
    path = ExportService(core).export_month(PERIOD, tmp_path / "out")[0]
    text = "\n".join(cells_of(path))
    assert PHONE not in text and ID_NUMBER not in text and ID_17 not in text
    assert "139****0001" in text and "马**" in text
    with zipfile.ZipFile(path) as archive:  # not hidden anywhere in the file either
        raw = b"".join(archive.read(n) for n in archive.namelist())
    assert PHONE.encode() not in raw and ID_17.encode() not in raw
    assert visitor_key("a-court-key-2026", ID_NUMBER, PHONE) in text

    full = ExportService(core).export_month(PERIOD, tmp_path / "full", full_personal_data=True)[0]
    full_text = "\n".join(cells_of(full))
    assert PHONE in full_text and ID_NUMBER in full_text and "完整" in full_text
    with CourtService(tmp_path / "court.db") as court:
        assert court.merge([full]).ok  # a full export is accepted as declared


def test_visitor_key_column_empty_without_a_court_key(core, point, tricky, tmp_path):
    path = ExportService(core).export_month(PERIOD, tmp_path / "out")[0]
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_name("法律咨询").to_python()
    column = rows[0].index("来访人标识")
    assert {r[column] for r in rows[1:]} == {""}
    manifest = dict((r[0], r[1]) for r in workbook.get_sheet_by_name("批次信息").to_python())
    assert manifest["来访人标识"] == "未设置法院密钥"
    summary = [str(v) for r in workbook.get_sheet_by_name("汇总").to_python() for v in r]
    assert any("未设置法院密钥" in v for v in summary)


def test_court_key_setting(core):
    service = ExportService(core)
    with pytest.raises(UserError, match="至少需要8个字符"):
        service.set_court_key("short")
    assert service.set_court_key("  ｃｏｕｒｔ－ｋｅｙ－２０２６ ") == key_fingerprint("court-key-2026")
    assert service.court_key() == "court-key-2026"
    assert core.settings.get("court_hmac_key") == "court-key-2026"
    assert service.set_court_key("") == "" and service.court_key() == ""
