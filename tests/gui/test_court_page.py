"""法院汇总 page: merging a folder of batches exported from a point database (immediate writer
pool), duplicates on re-merge, damaged files refused with their message, dry run and cancel,
drag-and-drop, the completeness grid and the workbooks."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from liaison_app.core.demo import fill_demo
from liaison_app.core.exports import ExportService
from liaison_app.domain.court import Submission
from liaison_app.gui.models.completeness_table_model import CellRole
from liaison_app.gui.models.merge_result_table_model import MergeResultTableModel
from liaison_app.gui.pages.court_page import TAB_MERGE, CourtPage, default_court_db_path
from liaison_app.gui.tasks import TaskRunner

from tests.conftest import FIXED_NOW

PERIODS = ("2026-10", "2026-11")


@pytest.fixture
def immediate_tasks(qapp):
    runner = TaskRunner(immediate=True)
    yield runner
    runner.shutdown()
    runner.deleteLater()


@pytest.fixture
def batches(core, tmp_path):
    """Two demo points × two months exported from the point database: four v1 workbooks."""
    summary = fill_demo(core, points=2, months=2, consultations=40, seed=4)
    service = ExportService(core)
    for period in PERIODS:
        service.export_batches(period, tmp_path / "batches")
    return tmp_path / "batches", summary.point_codes


@pytest.fixture
def court_db(tmp_path):
    return tmp_path / "court" / "court.db"


@pytest.fixture
def page(court_db, signals, immediate_tasks, show):
    return show(CourtPage(court_db, signals, immediate_tasks, now=lambda: FIXED_NOW))


def outcomes(page: CourtPage) -> dict[str, str]:
    model = page.merge_panel.model
    return {model.result_at(row).path.name: model.outcome_text(row) for row in range(model.rowCount())}


def merge(page: CourtPage, *inputs, dry_run: bool = False) -> None:
    panel = page.merge_panel
    panel.inputs.clear_paths()
    panel.add_inputs(list(inputs))
    panel.dry_run_box.setChecked(dry_run)
    panel.merge_button.click()
    assert panel.job is not None and panel.job.done


def test_merges_a_folder_then_skips_it_as_duplicates(page, batches, court_db, qtmodeltester):
    folder, codes = batches
    names = {f"{code}_{period}_v1.xlsx" for code in codes for period in PERIODS}
    assert not court_db.exists() and "首次汇总时新建" in page.db_label.text()

    merge(page, folder)
    assert outcomes(page) == {name: "已汇总" for name in names}
    assert court_db.is_file() and "首次汇总" not in page.db_label.text()
    model = page.merge_panel.model
    qtmodeltester.check(model, force_py=True)
    row = model.row_of_file(f"{codes[0]}_2026-11_v1.xlsx")
    assert model.index(row, MergeResultTableModel.COL_PERIOD).data() == "2026-11"
    assert model.index(row, MergeResultTableModel.COL_SEQ).data() == "v1"
    assert int(model.index(row, MergeResultTableModel.COL_COUNTS[0]).data()) > 0
    assert "汇总 4" in page.merge_panel.summary_label.text()

    merge(page, folder)
    assert outcomes(page) == {name: "重复，已跳过" for name in names}
    assert "重复跳过 4" in page.merge_panel.summary_label.text()
    assert "已于" in model.index(0, MergeResultTableModel.COL_NOTE).data()

    # The grid (read after the merge) shows every point's two months as received.
    grid = page.completeness_panel.model
    qtmodeltester.check(grid, force_py=True)
    assert grid.rowCount() == len(codes) + 1  # + 报送率
    columns = {grid.headerData(c, Qt.Orientation.Horizontal): c for c in range(grid.columnCount())}
    for row in range(len(codes)):
        november = grid.index(row, columns["2026-11"])
        assert november.data() == "v1 11-29"
        assert november.data(CellRole).state is Submission.RECEIVED
        october = grid.index(row, columns["2026-10"])  # first sent after 5 November: late
        assert october.data() == "迟报 v1 11-29"
        assert october.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffe0b2"
        assert grid.index(row, columns["2026-09"]).data() == "—"  # before the point's first month
    assert grid.index(len(codes), columns["2026-11"]).data() == f"{len(codes)}/{len(codes)}"


def test_damaged_files_are_refused_with_their_message(page, batches, tmp_path):
    folder, codes = batches
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = f"{codes[0]}_2026-11_v1.xlsx"
    shutil.copy(folder / good, inbox / good)
    (inbox / "空文件.xlsx").write_bytes(b"")
    (inbox / "台账.xlsx").write_text("序号,姓名,咨询事项\n1,张三,土地纠纷\n", encoding="gbk")

    merge(page, inbox)
    assert outcomes(page) == {good: "已汇总", "空文件.xlsx": "拒收", "台账.xlsx": "拒收"}
    panel = page.merge_panel
    model = panel.model
    assert "拒收 2" in panel.summary_label.text() and panel.summary_label.property("role") == "error"
    empty = model.row_of_file("空文件.xlsx")
    assert "文件是空的" in model.index(empty, MergeResultTableModel.COL_NOTE).data()
    assert "空文件.xlsx" in model.index(empty, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(empty, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    panel.table.selectRow(model.row_of_file("台账.xlsx"))
    assert "CSV" in panel.details.toPlainText() and "结果：拒收" in panel.details.toPlainText()

    # 保存结果表 writes the table as a workbook (read pool, immediate here).
    job = panel.save_report(tmp_path / "结果" / "汇总结果")
    assert job is not None and job.done
    assert (tmp_path / "结果" / "汇总结果.xlsx").is_file()
    assert "结果表已保存" in panel.saved_label.text()


def test_dry_run_writes_nothing_and_cancel_rolls_back(page, batches, court_db, immediate_tasks):
    folder, _codes = batches
    merge(page, folder, dry_run=True)
    assert set(outcomes(page).values()) == {"可汇总"}
    assert "试运行" in page.merge_panel.summary_label.text()
    assert not court_db.exists()

    immediate_tasks.sig_submitted.connect(lambda job: job.cancel())
    merge(page, folder)
    assert set(outcomes(page).values()) == {"已取消，未汇总"}
    assert "已取消" in page.merge_panel.summary_label.text()
    assert page.completeness_panel.model.rowCount() == 0  # nothing merged


def test_dropped_files_and_folders_become_inputs(page, batches, tmp_path):
    folder, _codes = batches
    note = tmp_path / "说明.txt"
    note.write_text("不是报送文件", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(note))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.tabs.setCurrentIndex(1)
    page.dropEvent(event)  # dropped on the page, not on the list
    assert event.isAccepted()
    assert page.tabs.currentIndex() == TAB_MERGE
    assert page.merge_panel.inputs.paths() == [folder]
    assert "已忽略：说明.txt" in page.merge_panel.summary_label.text()
    assert page.merge_panel.merge_button.isEnabled()

    file_mime = _mime(next(folder.glob("*.xlsx")))  # kept alive: the event does not own it
    file_event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, file_mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.merge_panel.inputs.dropEvent(file_event)
    assert len(page.merge_panel.inputs.paths()) == 2


def _mime(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_summary_workbook_and_another_court_database(page, batches, db_path, tmp_path, signals, immediate_tasks,
                                                     show):
    folder, _codes = batches
    merge(page, folder)
    panel = page.completeness_panel
    job = panel.write_summary(tmp_path / "汇总.xlsx")
    assert job is not None and job.done
    assert (tmp_path / "汇总.xlsx").is_file()
    assert "汇总工作簿已生成" in panel.message_label.text()

    # A point's database chosen by mistake is refused (and left alone).
    before = db_path.read_bytes()
    page.ask_court_db_path = lambda: str(db_path)
    page.choose_court_db()
    assert "不是法院汇总数据库" in panel.message_label.text()
    assert panel.model.rowCount() == 0
    assert db_path.read_bytes() == before

    # Without a path the page uses the user data folder (redirected to tmp_path by conftest).
    default_page = show(CourtPage(None, signals, immediate_tasks, now=lambda: FIXED_NOW))
    assert default_page.court_db_path == default_court_db_path()
    assert "尚未建立" in default_page.completeness_panel.message_label.text()
