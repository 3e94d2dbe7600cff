"""报送 page: months and their states after demo data, export through the (immediate) writer
pool, a later edit marks the month again, the court key dialog."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from liaison_app.core import open_core
from liaison_app.core.demo import fill_demo
from liaison_app.core.exports import ExportService
from liaison_app.domain import pseudonym
from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.models.export_month_table_model import ExportMonthTableModel, ExportStatus
from liaison_app.gui.pages.export_page import ExportPage
from liaison_app.gui.tasks import TaskRunner

from tests.conftest import FIXED_NOW
from tests.gui.helpers import commit_text

PERIODS = ("2026-11", "2026-10", "2026-09")


@pytest.fixture
def immediate_tasks(qapp):
    runner = TaskRunner(immediate=True)
    yield runner
    runner.shutdown()
    runner.deleteLater()


@pytest.fixture
def demo(core):
    """Two demo points (宁安镇 ZN-NA, 梧桐树村) over three months, clock pinned to FIXED_NOW."""
    summary = fill_demo(core, points=2, months=3, consultations=60, seed=3)
    return summary.point_codes


class WorkerClock:
    """The clock of the export's worker core (a test moves it forward)."""

    def __init__(self):
        self.moment = FIXED_NOW

    def __call__(self):
        return self.moment


@pytest.fixture
def worker_clock():
    return WorkerClock()


@pytest.fixture
def page(demo, core, db_path, signals, immediate_tasks, show, worker_clock):
    """The page over ``core``; each export opens its own core on the same file (as in the app)."""
    return show(ExportPage(core, signals, immediate_tasks,
                           core_factory=lambda: open_core(db_path, now=worker_clock)))


def statuses(model: ExportMonthTableModel) -> dict[tuple[str, str], ExportStatus]:
    return {(s.point_code, s.period): model.status_at(row) for row, s in enumerate(model.states())}


def status_text(model: ExportMonthTableModel, code: str, period: str) -> str:
    return model.index(model.row_of(code, period), ExportMonthTableModel.COL_STATUS).data()


def export(page: ExportPage, folder, *, code: str | None, period: str, full: bool = False):
    """Select the month, open 导出…, choose the folder, click 导出 (runs at once)."""
    if code is not None:
        assert page.select(code, period)
    dialog = page.open_export_dialog(all_points=code is None)
    if code is None:
        dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(period))
    dialog.folder_edit.setText(str(folder))
    dialog.full_data_box.setChecked(full)
    dialog.export_button.click()
    assert dialog.job is not None and dialog.job.done
    return dialog


def test_lists_every_point_month_with_its_state(page, demo, qtmodeltester):
    model = page.model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(demo) * len(PERIODS)
    assert [s.period for s in model.states()][:: len(demo)] == list(PERIODS)  # newest first
    assert statuses(model) == {
        **{(code, "2026-11"): ExportStatus.RUNNING for code in demo},
        **{(code, p): ExportStatus.NEVER for code in demo for p in ("2026-10", "2026-09")},
    }
    code = demo[0]
    row = model.row_of(code, "2026-10")
    assert model.index(row, ExportMonthTableModel.COL_PERIOD).data() == "2026年10月"
    assert model.index(row, ExportMonthTableModel.COL_SEQ).data() == "—"
    assert model.index(row, ExportMonthTableModel.COL_STATUS).data() == "从未导出"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # needs a batch
    assert model.index(model.row_of(code, "2026-11"), 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "需要报送" in page.count_label.text() and "4" in page.count_label.text()
    assert "未设置" in page.key_label.text()

    page.pending_box.setChecked(True)
    assert {s.period for s in model.states()} == {"2026-10", "2026-09"}
    page.pending_box.setChecked(False)
    page.point_combo.setCurrentIndex(page.point_combo.findData(code))
    assert {s.point_code for s in model.states()} == {code}


def test_export_writes_the_files_and_the_month_is_up_to_date(page, demo, tmp_path, qtmodeltester):
    code, other = demo
    dialog = export(page, tmp_path / "out", code=code, period="2026-10")

    assert dialog.file_names() == [f"{code}_2026-10_v1.xlsx"]
    assert (tmp_path / "out" / f"{code}_2026-10_v1.xlsx").is_file()
    assert "已导出 1 个文件" in dialog.result_label.text()
    assert "自动备份" in dialog.note_label.text()  # the export backs up the point database
    assert dialog.folder_button.isVisibleTo(dialog) and not dialog.export_button.isVisibleTo(dialog)
    model = page.model
    assert status_text(model, code, "2026-10") == "已是最新"
    row = model.row_of(code, "2026-10")
    assert model.index(row, ExportMonthTableModel.COL_SEQ).data() == "v1"
    assert model.index(row, ExportMonthTableModel.COL_FILE).data() == f"{code}_2026-10_v1.xlsx"
    assert model.index(row, ExportMonthTableModel.COL_CHANGED).data() == "0"
    assert status_text(model, other, "2026-10") == "从未导出"  # only the chosen point
    qtmodeltester.check(model, force_py=True)
    dialog.close()

    # All points of September, with full personal data: the manifest says so.
    dialog = export(page, tmp_path / "out", code=None, period="2026-09", full=True)
    assert sorted(dialog.file_names()) == sorted(f"{c}_2026-09_v1.xlsx" for c in demo)
    assert "完整个人信息" in dialog.file_list.item(0).text()
    book = openpyxl.load_workbook(tmp_path / "out" / f"{code}_2026-09_v1.xlsx", read_only=True)
    manifest = {label: value for label, value in book["批次信息"].iter_rows(values_only=True)}
    book.close()
    assert manifest["个人信息"] == "完整"
    assert {status_text(model, c, "2026-09") for c in demo} == {"已是最新"}


def test_an_edit_after_the_export_asks_for_a_new_export(page, demo, db_path, signals, tmp_path, worker_clock):
    code = demo[0]
    export(page, tmp_path / "out", code=code, period="2026-10").close()
    assert status_text(page.model, code, "2026-10") == "已是最新"

    # An hour later someone corrects a consultation of the exported month (a reason is required).
    with open_core(db_path, now=lambda: FIXED_NOW + timedelta(hours=1)) as later:
        point = later.points.by_code(code)
        record = later.consultations.page(ConsultationFilter(period="2026-10", point_id=point.id), limit=1)[0]
        _saved, changes = later.consultations.save(dataclasses.replace(record, advice=record.advice + "（补充）"),
                                                   reason="补充答复意见")
    signals.sig_changes_applied.emit(changes)  # as the form does after saving

    model = page.model
    row = model.row_of(code, "2026-10")
    assert status_text(model, code, "2026-10") == "需要重新导出"
    assert model.index(row, ExportMonthTableModel.COL_CHANGED).data() == "1"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 条记录" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)

    # Exporting again (with a later clock) writes v2 and the month is up to date again.
    worker_clock.moment = FIXED_NOW + timedelta(hours=2)
    dialog = export(page, tmp_path / "out", code=code, period="2026-10")
    assert dialog.file_names() == [f"{code}_2026-10_v2.xlsx"]
    assert status_text(model, code, "2026-10") == "已是最新"


def test_a_cancelled_export_writes_nothing(page, demo, immediate_tasks, tmp_path):
    immediate_tasks.sig_submitted.connect(lambda job: job.cancel())
    dialog = export(page, tmp_path / "out", code=None, period="2026-10")
    assert dialog.file_names() == []
    assert "已取消" in dialog.result_label.text()
    assert not list((tmp_path / "out").glob("*.xlsx"))
    assert {status_text(page.model, c, "2026-10") for c in demo} == {"从未导出"}


def test_court_key_dialog_checks_twice_and_shows_the_fingerprint(page, core):
    dialog = page.open_key_dialog()
    assert "重复来访" in dialog.findChild(QLabel, "key_explanation").text()
    assert "尚未设置" in dialog.current_label.text()
    commit_text(dialog.key_edit, "中宁法院")
    assert not dialog.save_button.isEnabled() and "至少" in dialog.fingerprint_label.text()
    commit_text(dialog.key_edit, "密钥2026年")
    commit_text(dialog.repeat_edit, "中宁法院密钥2026")
    assert not dialog.save_button.isEnabled()
    assert dialog.problem() == "两次输入的密钥不一致"
    commit_text(dialog.repeat_edit, "年")
    fingerprint = pseudonym.key_fingerprint("中宁法院密钥2026年")
    assert dialog.save_button.isEnabled()
    assert fingerprint in dialog.fingerprint_label.text()

    dialog.save_button.click()
    assert ExportService(core).court_key() == "中宁法院密钥2026年"
    assert fingerprint in page.key_label.text()  # the page follows the broadcast
