"""Export → merge → summary over several points and months equals the source; merging again changes
nothing; a re-export with a correction and a deletion replaces the old rows; seq order rules."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from liaison_app.core.court import MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.domain.enums import Outcome
from liaison_app.domain.pseudonym import visitor_key
from liaison_app.domain.records import ConsultationFilter
from liaison_app.errors import SettledPeriodError

from tests.court.conftest import COURT_KEY, PERIODS, copy_batch, dump

TABLES = {"consultation": "court_consultation", "education_session": "court_session",
          "volunteer_visit": "court_visit", "duty_shift": "court_shift"}


def source_figures(core, point_id: str, period: str) -> dict[str, object]:
    """Counts straight from the point database (independent of the export code)."""
    q = core.db.execute
    figures: dict[str, object] = {}
    for table in TABLES:
        total, deleted = q(f"SELECT count(*), coalesce(sum(deleted), 0) FROM {table} "
                           "WHERE point_id = ? AND period = ?", (point_id, period)).fetchone()
        figures[f"{table}.rows"] = total
        figures[f"{table}.deleted"] = deleted
    figures["audience"], figures["views"] = q(
        "SELECT coalesce(sum(audience), 0), coalesce(sum(views), 0) FROM education_session "
        "WHERE deleted = 0 AND point_id = ? AND period = ?", (point_id, period)).fetchone()
    figures["visit_minutes"] = q("SELECT coalesce(sum(minutes), 0) FROM volunteer_visit WHERE deleted = 0 "
                                 "AND point_id = ? AND period = ?", (point_id, period)).fetchone()[0]
    figures["outcomes"] = Counter({Outcome(o).label: n for o, n in q(
        "SELECT outcome, count(*) FROM consultation WHERE deleted = 0 AND point_id = ? AND period = ? GROUP BY 1",
        (point_id, period))})
    return figures


def court_figures(court_db: Path, code: str, period: str) -> dict[str, object]:
    conn = sqlite3.connect(court_db)
    try:
        figures: dict[str, object] = {}
        for table, court_table in TABLES.items():
            total, deleted = conn.execute(f"SELECT count(*), coalesce(sum(deleted), 0) FROM {court_table} "
                                          "WHERE point_code = ? AND period = ?", (code, period)).fetchone()
            figures[f"{table}.rows"] = total
            figures[f"{table}.deleted"] = deleted
        figures["audience"], figures["views"] = conn.execute(
            "SELECT coalesce(sum(audience), 0), coalesce(sum(views), 0) FROM court_session "
            "WHERE deleted = 0 AND point_code = ? AND period = ?", (code, period)).fetchone()
        figures["visit_minutes"] = conn.execute(
            "SELECT coalesce(sum(minutes), 0) FROM court_visit WHERE deleted = 0 AND point_code = ? AND period = ?",
            (code, period)).fetchone()[0]
        figures["outcomes"] = Counter(dict(conn.execute(
            "SELECT outcome, count(*) FROM court_consultation WHERE deleted = 0 AND point_code = ? AND period = ? "
            "GROUP BY 1", (code, period)).fetchall()))
        return figures
    finally:
        conn.close()


def test_round_trip_equals_the_source(point_core, batches, court, court_path, tmp_path):
    report = court.merge([batches])
    assert report.exit_status == 0
    assert [r.outcome for r in report.files] == [MergeOutcome.MERGED] * 9
    points = point_core.points.all()
    for point in points:
        for period in PERIODS:
            assert court_figures(court_path, point.code, period) == source_figures(point_core, point.id, period), \
                (point.code, period)
    assert sum(point_core.db.execute("SELECT count(*) FROM duty_shift").fetchone()) == 27  # the roster travelled

    # The summary workbook (by point × month) holds the source's figures.
    summary = court.write_summary(tmp_path / "region.xlsx", "2026-09", "2026-11")
    workbook = openpyxl.load_workbook(summary, read_only=True)
    rows = list(workbook["按联系点"].iter_rows(values_only=True))
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    seen = 0
    for row in rows[1:]:
        point = point_core.points.by_code(row[col["联系点编码"]])
        overview = point_core.overview(row[col["统计月份"]], point.id)
        assert row[col["法律咨询人次"]] == overview.consultations
        assert row[col["普法宣讲场次"]] == overview.sessions
        assert row[col["受众人数"]] == overview.audience
        assert row[col["线上观看人次"]] == overview.online_views
        assert row[col["志愿服务人次"]] == overview.visits
        assert row[col["志愿服务时长（小时）"]] == pytest.approx(float(overview.visit_hours))
        assert row[col["法律服务人次"]] == overview.service_persons
        assert row[col["批次序号"]] == 1
        seen += 1
    assert seen == len(points) * len(PERIODS)
    grid = {r[1]: r[3:] for r in workbook["报送情况"].iter_rows(min_row=2, values_only=True) if len(r) > 3 and r[1]}
    assert set(grid) == {p.code for p in points}
    assert all(cell.startswith(("v1", "迟报 v1")) for cells in grid.values() for cell in cells)
    workbook.close()


def test_visitor_keys_reach_the_court_and_count_people(point_core, batches, court, court_path):
    court.merge([batches])
    point = point_core.points.all()[0]
    record = point_core.consultations.page(ConsultationFilter(period="2026-10", point_id=point.id), limit=1)[0]
    conn = sqlite3.connect(court_path)
    stored = conn.execute("SELECT visitor_key FROM court_consultation WHERE id = ?", (record.id,)).fetchone()[0]
    keys = conn.execute("SELECT count(*) FROM court_consultation WHERE visitor_key <> ''").fetchone()[0]
    conn.close()
    assert stored == visitor_key(COURT_KEY, record.id_number, record.phone) and len(stored) == 64
    assert keys > 0
    by_point, by_court = court.figures("2026-09", "2026-11")
    assert all(f.visitors is not None and f.visitors <= f.consultations for f in by_point)
    assert all(f.repeat_visits is not None and f.repeat_visits >= 0 for f in by_court)


def test_merging_again_changes_nothing(batches, court, court_path):
    first = court.merge([batches])
    assert first.ok
    before = dump(court_path)
    again = court.merge([batches, batches / "ZN-NA_2026-10_v1.xlsx"])  # the same file twice is merged once
    assert [r.outcome for r in again.files] == [MergeOutcome.DUPLICATE] * 9
    assert again.exit_status == 0
    assert all("汇总过，跳过" in r.message for r in again.files)
    assert dump(court_path) == before


def test_re_export_with_correction_and_deletion_replaces_old_rows(point_core, batches, court, court_path, tmp_path):
    assert court.merge([batches]).ok
    point = point_core.points.by_code("ZN-NA")
    records = point_core.consultations.page(ConsultationFilter(period="2026-10", point_id=point.id), limit=500)
    corrected, removed = records[0], records[1]
    service = point_core.consultations
    new_outcome = Outcome.LITIGATION if corrected.outcome is not Outcome.LITIGATION else Outcome.MEDIATION
    with pytest.raises(SettledPeriodError) as raised:  # the month was exported: a reason is required
        service.save(corrected.with_changes(outcome=new_outcome, referral_target="中宁县人民法院立案庭",
                                            followup_due=corrected.followup_due or corrected.received_at.date()))
    assert raised.value.period == "2026-10"
    service.save(corrected.with_changes(outcome=new_outcome, referral_target="中宁县人民法院立案庭",
                                        followup_due=corrected.followup_due or corrected.received_at.date()),
                 reason="处理方式登记错误，经核对更正")
    service.delete(removed.id, reason="重复登记")

    exports = ExportService(point_core)
    state = next(s for s in exports.months_needing_export("ZN-NA") if s.period == "2026-10")
    assert state.changed_since == 2 and state.needs_export and state.last_seq == 1
    v2 = exports.export_batches("2026-10", tmp_path / "again", point_code="ZN-NA").files[0]
    assert v2.path.name == "ZN-NA_2026-10_v2.xlsx"
    assert next(s for s in exports.months_needing_export("ZN-NA") if s.period == "2026-10").changed_since == 0

    report = court.merge([v2.path])
    assert [r.outcome for r in report.files] == [MergeOutcome.REPLACED]
    assert report.files[0].replaced_seq == 1 and "替换了 v1" in report.files[0].message
    assert court_figures(court_path, "ZN-NA", "2026-10") == source_figures(point_core, point.id, "2026-10")
    conn = sqlite3.connect(court_path)
    try:
        outcome, = conn.execute("SELECT outcome FROM court_consultation WHERE id = ?", (corrected.id,)).fetchone()
        deleted, = conn.execute("SELECT deleted FROM court_consultation WHERE id = ?", (removed.id,)).fetchone()
        batches_logged = conn.execute("SELECT seq, replaced_by IS NOT NULL FROM court_batch "
                                      "WHERE point_code = 'ZN-NA' AND period = '2026-10' ORDER BY seq").fetchall()
        stale = conn.execute("SELECT count(*) FROM court_consultation c JOIN court_batch b ON b.batch_id = c.batch_id "
                             "WHERE b.replaced_by IS NOT NULL").fetchone()[0]
    finally:
        conn.close()
    assert outcome == new_outcome.label and deleted == 1
    assert batches_logged == [(1, 1), (2, 0)]
    assert stale == 0
    assert court.completeness().cell("ZN-NA", "2026-10").seq == 2

    # The v1 file again: already merged (same batch id) → duplicate, nothing changes.
    before = dump(court_path)
    again = court.merge([batches / "ZN-NA_2026-10_v1.xlsx"])
    assert again.files[0].outcome is MergeOutcome.DUPLICATE and dump(court_path) == before


def test_older_seq_after_newer_is_refused(point_core, batches, court, court_path, tmp_path):
    v2 = ExportService(point_core).export_batches("2026-11", tmp_path / "v2", point_code="LW-WTS").files[0].path
    assert court.merge([v2]).ok
    before = dump(court_path)
    report = court.merge([batches / "LW-WTS_2026-11_v1.xlsx"])
    result = report.files[0]
    assert result.outcome is MergeOutcome.REJECTED and report.exit_status == 1
    assert "已汇总了更新的批次 v2" in result.message and "v1" in result.message
    assert dump(court_path) == before


def test_folder_with_both_seqs_merges_in_seq_order(point_core, batches, court, tmp_path):
    folder = tmp_path / "both"
    copy_batch(batches, "JF-LT_2026-11_v1.xlsx", folder)
    ExportService(point_core).export_batches("2026-11", folder, point_code="JF-LT")  # writes v2 beside v1
    report = court.merge([folder])
    assert [(r.path.name, r.outcome) for r in report.files] == [
        ("JF-LT_2026-11_v1.xlsx", MergeOutcome.MERGED), ("JF-LT_2026-11_v2.xlsx", MergeOutcome.REPLACED)]
    assert report.ok


def test_progress_and_completeness(point_core, batches, court, tmp_path):
    calls: list[tuple[int, int]] = []
    court.merge([batches / "ZN-NA_2026-09_v1.xlsx", batches / "ZN-NA_2026-11_v1.xlsx",
                 batches / "LW-WTS_2026-09_v1.xlsx"], progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    from datetime import date

    grid = court.completeness("2026-09", "2026-11", today=date(2026, 12, 20))
    assert grid.cell("ZN-NA", "2026-09").text().startswith("迟报 v1")    # first sent 11-29, due 10-05
    assert grid.cell("ZN-NA", "2026-10").state.value == "未报送"
    assert grid.cell("ZN-NA", "2026-11").text() == "v1 11-29"            # due 12-05
    assert grid.cell("LW-WTS", "2026-10").state.value == "未报送"
    assert grid.rate("2026-10") == (0, 2)
    assert grid.rate("2026-11") == (1, 2)
    early = court.completeness("2026-09", "2026-12", today=date(2026, 12, 3))
    assert early.cell("LW-WTS", "2026-11").state.value == "未到期"
