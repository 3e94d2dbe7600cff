"""Monthly work report and registration form: numbers equal the database, text wraps, renders."""

import shutil
import subprocess
from datetime import date, time, timedelta

import pytest

from liaison_app.core.reports import monthly_report_data, write_monthly, write_registration
from liaison_app.domain.education import EducationSession, SessionForm
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.people import Person, Role
from liaison_app.domain.records import ConsultationFilter
from tests.conftest import FIXED_NOW
from tests.core.test_consultations import consult
from tests.helpers.pdf import font_report, pdf_text


@pytest.fixture
def month_of_work(core, point):
    speaker, _ = core.people.save(Person(name="张德昇", role=Role.VOLUNTEER, point_ids=frozenset({point.id})))
    plan = [("MAR-DIV", Outcome.ANSWERED)] * 5 + [("PRO-HST", Outcome.MEDIATION)] * 3 + \
           [("CON-LOA", Outcome.LITIGATION)] * 2 + [("LAB-WAG", Outcome.LEGAL_AID)]
    for index, (code, outcome) in enumerate(plan):
        received = FIXED_NOW - timedelta(days=index + 1)
        due = received.date() + timedelta(days=7) if outcome.needs_follow_up else None
        done = due if due and index % 2 == 0 and due <= FIXED_NOW.date() else None
        core.consultations.save(consult(
            point, category_code=code, outcome=outcome, received_at=received, followup_due=due,
            followup_done=done, followup_note="已回访" if done else "",
            referral_target="中宁县法律援助中心" if outcome.needs_referral_target else "",
        ))
    core.consultations.save(consult(point, received_at=FIXED_NOW - timedelta(days=40)))  # October
    for day, audience in ((3, 45), (17, 62)):
        core.sessions.save(EducationSession(
            point_id=point.id, held_on=date(2026, 11, day), start_time=time(9), end_time=time(11),
            place="宁安村村委会会议室", form=SessionForm.CASE_STUDY, topic=f"以案说法第{day}期 & <彩礼>",
            audience=audience, speaker_ids=(speaker.id,)))
    return point


def test_every_number_in_the_monthly_report_equals_the_database(core, month_of_work, tmp_path):
    out = tmp_path / "report.pdf"
    write_monthly(core, "2026-11", out, point_code=month_of_work.code)
    text = pdf_text(out)
    count = core.consultations.count(ConsultationFilter(period="2026-11", point_id=month_of_work.id))
    assert count == 11
    assert f"法律服务{count + 45 + 62}人次" in text            # 11 + 107 = 118
    assert f"法律咨询{count}人次+宣讲受众107人次" in text
    assert "普法宣讲（场）2" in text and "宣讲受众（人次）107" in text
    for label, expected in (("婚姻家庭、继承纠纷", 5), ("物权纠纷", 3), ("合同、准合同纠纷", 2), ("劳动争议、人事争议", 1)):
        assert f"{label}{expected}{expected / count:.1%}" in text, label
    for label, expected in (("当场解答", 5), ("引导调解", 3), ("引导诉讼", 2), ("转法律援助", 1)):
        assert f"{label}{expected}{expected / count:.1%}" in text, label
    data = monthly_report_data(core, "2026-11", month_of_work.code)
    assert f"应回访/已回访{data.followups_required}/{data.followups_done}" in text
    assert data.followups_required == 6
    assert "以案说法第3期&<彩礼>" in text                    # markup characters print literally
    assert data.trend[-2] == ("2026-10", 1, 0) and data.trend[-1] == ("2026-11", 11, 107)
    assert all(embedded for name, embedded in font_report(out) if "Helvetica" not in name)


def test_overdue_list_is_in_the_report(core, month_of_work, tmp_path):
    data = monthly_report_data(core, "2026-11", month_of_work.code)
    overdue = core.consultations.count(ConsultationFilter(followup=FollowUpState.OVERDUE))
    assert len(data.overdue) == overdue > 0
    out = tmp_path / "r.pdf"
    write_monthly(core, "2026-11", out)
    assert f"逾期未回访（件）{overdue}" in pdf_text(out)


def test_an_empty_month_gives_a_valid_report(core, point, tmp_path):
    out = tmp_path / "empty.pdf"
    write_monthly(core, "2025-01", out, point_code=point.code)
    text = pdf_text(out)
    assert "本月没有任何登记记录" in text and "本月无法律咨询记录" in text and "本月无普法宣讲记录" in text


def test_long_advice_wraps_and_continues_across_pages(core, point, tmp_path):
    advice = ("根据《中华人民共和国民法典》第一千零四十二条，禁止借婚姻索取财物。" * 60)[:2000] + "【结束】"
    saved, _ = core.consultations.save(consult(point, advice=advice, visitor_name="欧阳玥"))
    out = tmp_path / "form.pdf"
    report = write_registration(core, saved.id, out)
    assert report.summary() == ""
    text = pdf_text(out)
    assert "来访接待登记表" in text and "欧阳玥" in text and "【结束】" in text
    assert text.count("第一千零四十二条") == advice.count("第一千零四十二条")   # nothing cut off


def test_masked_registration_form_hides_personal_details(core, point, tmp_path):
    saved, _ = core.consultations.save(consult(point))
    out = tmp_path / "masked.pdf"
    write_registration(core, saved.id, out, masked=True)
    text = pdf_text(out)
    assert "王**" in text and "139****0001" in text and "13995110001" not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_reports_render_to_png(core, month_of_work, tmp_path):
    saved = core.consultations.page(ConsultationFilter(), limit=1)[0]
    for name, writer in (("report", lambda p: write_monthly(core, "2026-11", p)),
                         ("form", lambda p: write_registration(core, saved.id, p))):
        pdf = tmp_path / f"{name}.pdf"
        writer(pdf)
        result = subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / name)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        pngs = sorted(tmp_path.glob(f"{name}-*.png"))
        assert pngs and all(p.stat().st_size > 2000 for p in pngs)
