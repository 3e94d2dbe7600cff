"""The roster's files: the A4 PDF (read back with a PDF text extractor), the per-volunteer .ics
files (parsed back with icalendar), and the ``roster`` command."""

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from pypdf import PdfReader

from liaison_app.app import main
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.duty import DutyPattern, PatternKind
from liaison_app.domain.people import HalfDay, WeeklySlot
from liaison_app.scheduling.calendar import library_covers
from tests.core.duty_helpers import add_second_point, add_volunteer, core_at
from tests.helpers.pdf import font_report, pdf_text

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEC = "2026-12"
NAMES = ("张德昇", "王秀英", "李建国", "赵玥")
LONG_NAME = "阿依古丽·买买提江·艾尔肯"


def test_pdf_has_one_landscape_page_per_point_and_the_filled_slots(core, point, tmp_path):
    other = add_second_point(core)
    people = [add_volunteer(core, n, point) for n in NAMES]
    long_one = add_volunteer(core, LONG_NAME, other, cap=5)
    core.duty.save_pattern(DutyPattern(other.id, kind=PatternKind.MARKET_DAYS, market_start=date(2026, 12, 1),
                                       market_every=5, per_slot=2))
    core.duty.generate_all(DEC)
    core.duty.mark_leave(core.duty.shifts(point.id, DEC)[3].id)
    out = tmp_path / "roster.pdf"
    assert core.duty.write_pdf(out, DEC).summary() == ""

    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (842, 595)             # A4 landscape, in points
    # reportlab's canvas declares Helvetica (its default, used by no text); the rest is the
    # embedded CJK subset.
    fonts = dict(font_report(out))
    assert {name for name, embedded in fonts.items() if not embedded} <= {"/Helvetica"}
    assert any("WenQuanYiMicroHei" in name for name in fonts)
    text = pdf_text(out)
    assert "宁安镇法官联系点2026年12月值班表" in text and "梧桐树村法官联系点2026年12月值班表" in text
    shifts = core.duty.shifts(point.id, DEC)
    filled = [s for s in shifts if s.state.fills_seat]
    assert f"本月已排{len(filled)}班，缺1班" in text
    for person in people:
        # Each name appears once per shift in the grid and once in the footer's spread.
        assert text.count(person.name) == sum(1 for s in shifts if s.person_id == person.id) + 1
    assert "(假)" in text and "缺" in text
    assert text.count(LONG_NAME) == 5 + 1                           # shrunk or wrapped, still whole
    assert long_one.id in {s.person_id for s in core.duty.shifts(other.id, DEC)}


def test_pdf_marks_holidays_and_make_up_days(db_path, point, tmp_path):
    september = core_at(db_path, datetime(2026, 9, 1, 9, 0, tzinfo=CHINA_TZ))
    try:
        add_volunteer(september, "张德昇", point)
        out = tmp_path / "october.pdf"
        september.duty.write_pdf(out, "2026-10", point_ids=[point.id])
        text = pdf_text(out)
        assert text.count("休国庆节") == 7
        assert "班国庆节调休上班" in text
        assert "打印时间：2026年9月1日09:00" in text
    finally:
        september.close()


def test_ics_files_parse_back_with_the_right_count_and_times(core, point, tmp_path):
    other = add_second_point(core)
    people = [add_volunteer(core, n, point) for n in NAMES[:3]]
    shared = add_volunteer(core, "赵玥", point, other)
    core.duty.save_pattern(DutyPattern(other.id, weekly_slots=frozenset({WeeklySlot(0, HalfDay.AM)}),
                                       am_start=time(8, 30), am_end=time(11, 30)))
    core.duty.generate_all(DEC)
    files = core.duty.write_ics(tmp_path / "ics", DEC)
    assert len(files) == 4 and all(f.suffix == ".ics" for f in files)
    by_name = {f.stem.split("_")[-1]: f for f in files}
    every = core.duty.shifts(point.id, DEC) + core.duty.shifts(other.id, DEC)
    for person in [*people, shared]:
        cal = Calendar.from_ical(by_name[person.name].read_bytes())
        events = cal.walk("VEVENT")
        mine = [s for s in every if s.person_id == person.id]
        assert len(events) == len(mine) > 0
        expected = {}
        for s in mine:
            start, end = core.duty.pattern(s.point_id).times(s.half)
            expected[f"{s.id}@liaison-app.duty"] = (datetime.combine(s.day, start, tzinfo=SHANGHAI),
                                                     datetime.combine(s.day, end, tzinfo=SHANGHAI), s)
        for event in events:
            start, end, shift = expected[str(event["UID"])]
            assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
            assert event.decoded("DTSTART").utcoffset() == timedelta(hours=8)
            place = "宁安镇 宁安镇法官联系点" if shift.point_id == point.id else "梧桐树乡梧桐树村 梧桐树村法官联系点"
            assert str(event["LOCATION"]) == place
            assert str(event["SUMMARY"]).startswith("值班：") and shift.half.label in str(event["SUMMARY"])
            (alarm,) = event.walk("VALARM")
            fires = start + alarm.decoded("TRIGGER")
            assert (fires.date(), fires.time()) == (shift.day - timedelta(days=1), time(20, 0))
    shared_points = Counter(s.point_id for s in every if s.person_id == shared.id)
    assert set(shared_points) == {point.id, other.id}


def test_roster_command_prints_table_and_spread_and_writes_files(core, point, db_path, tmp_path, capsys):
    for name in NAMES:
        add_volunteer(core, name, point)
    month = "2031-03"        # well ahead of the real clock the command uses
    pdf, ics = tmp_path / "r.pdf", tmp_path / "ics"
    rc = main(["--db", str(db_path), "roster", "--month", month, "--point", "zn-na", "--generate",
               "--pdf", str(pdf), "--ics", str(ics)])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert "宁安镇法官联系点（ZN-NA）2031年3月 值班表" in out
    assert "已自动排班：新排" in out and "分布：每人" in out and "最少" in out and "最多" in out
    assert "03-03   周一" in out
    assert pdf.exists() and len(list(ics.glob("*.ics"))) == 4
    assert f"已写入 PDF：{pdf}" in out
    if not library_covers(2031):      # the printed page states the fallback too
        assert "注意：2031年法定节假日数据尚未收录" in out
        assert "2031年法定节假日数据尚未收录" in pdf_text(pdf)

    rc = main(["--db", str(db_path), "roster", "--month", month])        # print only
    out, _ = capsys.readouterr()
    assert rc == 0 and "已自动排班" not in out and "合计：已排" in out

    rc = main(["--db", str(db_path), "roster", "--month", month, "--point", "NOPE"])
    _, err = capsys.readouterr()
    assert rc == 1 and err.startswith("错误：") and "NOPE" in err


def test_roster_command_without_points_says_so(tmp_path, capsys):
    rc = main(["--db", str(tmp_path / "empty.db"), "roster", "--month", "2026-12"])
    _, err = capsys.readouterr()
    assert rc == 1 and "还没有任何联系点" in err
