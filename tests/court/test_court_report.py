"""The region-wide monthly work report from the court database: every figure and every per-point row
read back from the PDF equals the count in the points' own database; missing batches are named; an
empty month gives a valid report; the PDF renders; ``report --court-db`` on the command line."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from decimal import Decimal

import pytest

from liaison_app.cli_court import run_court_report
from liaison_app.core.court_report import (
    REGION_SCOPE,
    court_report_data,
    write_court_report,
)
from liaison_app.domain.enums import Outcome
from liaison_app.errors import UserError
from tests.court.conftest import PERIODS, copy_batch
from tests.helpers.pdf import font_report, pdf_text

TODAY = "2026-11-29"   # the court clock's day (conftest START + 1 h)


def source(core, period: str, point_id: str | None = None) -> dict[str, object]:
    """The month's figures straight from the point database (SQL here, independent of the code)."""
    q = core.db.execute
    where, params = ("deleted = 0 AND period = ?", [period])
    if point_id:
        where += " AND point_id = ?"
        params.append(point_id)
    consultations, required, done, overdue = q(
        "SELECT count(*), count(followup_due), count(CASE WHEN followup_due IS NOT NULL AND followup_done IS NOT NULL "
        "THEN 1 END), count(CASE WHEN followup_due < ? AND followup_done IS NULL THEN 1 END) "
        f"FROM consultation WHERE {where}", [TODAY, *params]).fetchone()
    sessions, audience, views = q(f"SELECT count(*), coalesce(sum(audience), 0), coalesce(sum(views), 0) "
                                  f"FROM education_session WHERE {where}", params).fetchone()
    visits = q(f"SELECT count(*) FROM volunteer_visit WHERE {where}", params).fetchone()[0]
    categories = q(
        "SELECT top.name_zh, count(*) FROM consultation c JOIN category cat ON cat.code = c.category_code "
        "JOIN category top ON top.code = coalesce(cat.parent_code, cat.code) "
        f"WHERE c.{where.replace(' AND ', ' AND c.')} GROUP BY top.code", params).fetchall()
    outcomes = q(f"SELECT outcome, count(*) FROM consultation WHERE {where} GROUP BY outcome", params).fetchall()
    hours = core.overview(period, point_id).visit_hours   # the point's own rule (per-visit rounded)
    return {"consultations": consultations, "required": required, "done": done, "overdue": overdue,
            "sessions": sessions, "audience": audience, "views": views, "visits": visits, "hours": hours,
            "categories": dict(categories), "outcomes": {Outcome(o).label: n for o, n in outcomes}}


def rate(done: int, required: int) -> str:
    return f"{done / required:.1%}" if required else "—"


@pytest.fixture
def merged(court, batches):
    assert court.merge([batches]).exit_status == 0
    return court


@pytest.mark.parametrize("period", PERIODS)
def test_every_number_in_the_court_report_equals_the_point_database(merged, point_core, tmp_path, period):
    out = tmp_path / f"court_{period}.pdf"
    assert write_court_report(merged, period, out).summary() == ""
    text = pdf_text(out)
    total = source(point_core, period)
    n, a = total["consultations"], total["audience"]
    assert n > 0 and a > 0
    assert f"{REGION_SCOPE}{int(period[:4])}年{int(period[5:])}月工作报告" in text
    assert f"法律服务{n + a}人次（法律咨询{n}人次+宣讲受众{a}人次）" in text
    for label, value in (("法律服务人次", n + a), ("法律咨询（人次）", n), ("普法宣讲（场）", total["sessions"]),
                         ("宣讲受众（人次）", a), ("线上观看（人次）", total["views"]),
                         ("志愿服务（次）", total["visits"]), ("志愿服务时长（小时）", total["hours"]),
                         ("应回访/已回访", f"{total['required']}/{total['done']}"),
                         ("回访完成率", rate(total["done"], total["required"])),
                         ("本月咨询逾期未回访（件）", total["overdue"])):
        assert f"{label}{value}" in text, label
    for name, count in total["categories"].items():
        assert f"{name}{count}{count / n:.1%}" in text, name
    for label, count in total["outcomes"].items():
        assert f"{label}{count}{count / n:.1%}" in text, label

    # one row per point: name, batch, 法律服务人次, 咨询, 宣讲场次, 受众, 志愿服务次数, 时长, 回访完成率
    late = period != "2026-11"   # exported on 2026-11-29: after the 5th for Sept./Oct., in time for Nov.
    for point in point_core.points.all():
        f = source(point_core, period, point.id)
        row = (f"{point.name}{'迟报' if late else ''}v1{f['consultations'] + f['audience']}{f['consultations']}"
               f"{f['sessions']}{f['audience']}{f['visits']}{f['hours']}{rate(f['done'], f['required'])}")
        assert row in text, point.name
    assert (f"合计3/3{n + a}{n}{total['sessions']}{a}{total['visits']}{total['hours']}"
            f"{rate(total['done'], total['required'])}") in text
    assert "各联系点均已报送" in text
    assert all(embedded for name, embedded in font_report(out) if "Helvetica" not in name)


def test_trend_and_lists_equal_the_point_database(merged, point_core):
    data = court_report_data(merged, "2026-11")
    assert [p for p, _, _ in data.trend][-3:] == list(PERIODS)
    for period, consultations, audience in data.trend:
        expected = source(point_core, period) if period in PERIODS else {"consultations": 0, "audience": 0}
        assert (consultations, audience) == (expected["consultations"], expected["audience"]), period
    sessions = point_core.db.execute("SELECT count(*) FROM education_session WHERE deleted = 0 AND period = ?",
                                     ["2026-11"]).fetchone()[0]
    assert len(data.session_items) == sessions and all(item.point for item in data.session_items)
    assert len(data.overdue) == data.overdue_count == source(point_core, "2026-11")["overdue"]
    assert all("*" in item.visitor or len(item.visitor) <= 1 for item in data.overdue)   # names masked


def test_missing_and_pending_batches_are_named(court, batches, point_core, tmp_path):
    points = point_core.points.all()
    absent = points[0]
    folder = tmp_path / "some"
    for period in PERIODS:
        for point in points:
            if period == "2026-09" or point.id != absent.id:
                copy_batch(batches, f"{point.code}_{period}_v1.xlsx", folder)
    assert court.merge([folder]).exit_status == 0

    out = tmp_path / "oct.pdf"
    write_court_report(court, "2026-10", out)          # deadline 2026-11-05 passed: 未报送
    text = pdf_text(out)
    assert f"逾期未报送1个：{absent.name}" in text
    assert f"{absent.name}未报送——" in text
    present = [p for p in points if p.id != absent.id]
    n = sum(source(point_core, "2026-10", p.id)["consultations"] for p in present)
    a = sum(source(point_core, "2026-10", p.id)["audience"] for p in present)
    assert f"合计2/3{n + a}{n}" in text
    assert f"法律服务{n + a}人次" in text                 # only what arrived is counted

    out = tmp_path / "nov.pdf"
    write_court_report(court, "2026-11", out)          # deadline 2026-12-05 not yet: 未到期
    text = pdf_text(out)
    assert f"尚未到截止日期、还未收到1个：{absent.name}" in text
    assert "应报送3个联系点，已收到2个" in text


def test_an_empty_month_gives_a_valid_report(merged, tmp_path):
    out = tmp_path / "empty.pdf"
    write_court_report(merged, "2026-06", out)
    text = pdf_text(out)
    for sentence in ("本月没有任何登记记录", "本月无法律咨询记录", "本月无普法宣讲记录", "无逾期未回访的咨询",
                     "汇总库中还没有任何联系点报送过这个月份"):
        assert sentence in text, sentence


def test_an_empty_court_database_gives_a_valid_report(court, tmp_path):
    out = tmp_path / "nothing.pdf"
    write_court_report(court, "2026-11", out)
    text = pdf_text(out)
    assert "法律服务0人次" in text and "汇总库中还没有任何联系点报送过" in text


def test_a_replaced_batch_is_not_counted_twice(merged, point_core, batches, tmp_path):
    """A re-export (v2) replaces v1: the report counts the month once, from v2."""
    from liaison_app.core.exports import ExportService

    point = point_core.points.all()[0]
    folder = tmp_path / "v2"
    ExportService(point_core).export_batches("2026-11", folder, point_code=point.code)
    assert merged.merge([folder]).exit_status == 0
    data = court_report_data(merged, "2026-11")
    row = next(r for r in data.by_point if r.name == point.name)
    assert row.batch == "v2" and row.consultations == source(point_core, "2026-11", point.id)["consultations"]
    assert data.consultations == source(point_core, "2026-11")["consultations"]
    assert data.visit_hours == sum((r.visit_hours for r in data.by_point), Decimal(0))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("period", ["2026-11", "2026-06"])
def test_court_report_renders_to_png(merged, tmp_path, period):
    pdf = tmp_path / f"{period}.pdf"
    write_court_report(merged, period, pdf)
    result = subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / period)],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    pngs = sorted(tmp_path.glob(f"{period}-*.png"))
    assert pngs and all(p.stat().st_size > 2000 for p in pngs)


def _args(court_db, out, month="2026-11", point=None) -> argparse.Namespace:
    return argparse.Namespace(command="report", court_db=str(court_db), month=month, out=str(out), point=point)


def test_run_court_report_writes_the_pdf_and_prints_its_path(merged, court_path, tmp_path, capsys):
    merged.close()
    out = tmp_path / "out" / "region.pdf"
    assert run_court_report(_args(court_path, out)) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "全辖区" in pdf_text(out)
    with pytest.raises(UserError, match="找不到汇总数据库"):
        run_court_report(_args(tmp_path / "missing.db", out))
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(UserError, match="--point"):
        run_court_report(_args(court_path, out, point="ZN-NA"))


def test_report_command_with_court_db_never_opens_a_point_database(merged, court_path, tmp_path, capsys):
    """Once cli.py passes ``report --court-db`` to run_court_report (see cli_court's docstring)."""
    from liaison_app import cli

    parser = cli.build_parser()
    try:
        args = parser.parse_args(["report", "--court-db", str(court_path), "--month", "2026-10",
                                  "--out", str(tmp_path / "r.pdf")])
    except SystemExit:
        pytest.skip("cli.py does not offer report --court-db yet")
    merged.close()
    point_db = tmp_path / "never" / "liaison.db"
    assert cli.run_command(args, point_db) == 0
    assert (tmp_path / "r.pdf").is_file() and not point_db.parent.exists()
    assert capsys.readouterr().out.strip() == str(tmp_path / "r.pdf")
