"""The ledger-import wizard driven like a user (immediate task mode), its preview model, and the
TaskRunner / delayed progress in real threads."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWizard

from liaison_app.core import open_core
from liaison_app.domain.records import ConsultationFilter
from liaison_app.exchange.ledger.fields import LedgerKind
from liaison_app.exchange.ledger.preview import RowStatus
from liaison_app.gui.dialogs.ledger_import_wizard import LedgerImportWizard
from liaison_app.gui.models.ledger_preview_table_model import COL_STATUS, RowRole
from liaison_app.gui.progress import DelayedProgress
from liaison_app.gui.tasks import Job, TaskRunner

from tests.conftest import FIXED_NOW
from tests.helpers.ledgers import write_xlsx

TITLE = "2024年宁安镇法官联系点法律咨询登记台账"
HEAD_TOP = ["序号", "接待日期", "来访人信息", None, None, "纠纷类型", "咨询问题", "答复意见", "处理结果"]
HEAD_LOW = [None, None, "姓名", "联系电话", "身份证号", None, None, None, None]
MERGES = ["A1:I1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3", "H2:H3", "I2:I3"]
QUESTION_COLUMN = 6  # G 咨询问题
DATE_COLUMN = 1  # B 接待日期


def ledger(path):
    """A month's ledger as a village keeps it: a title row, a merged two-level header, an ID
    number Excel turned into a float, full-width digits, an impossible date, a footer row."""
    rows = [
        [TITLE], HEAD_TOP, HEAD_LOW,
        [1, datetime(2024, 3, 5), "王秀英", "13995110001", "31010119900307997X", "离婚",
         "丈夫长期在外打工不回家，想离婚", "告知可先申请调解", "引导调解"],
        [2, "2024.3.8", "李 建 国", "１３９９５１１０００２", 1.10101199003072e17, "借钱不还",
         "借给邻居两万元，对方不还", "建议收集转账记录后起诉", "建议起诉"],
        [3, "2024-02-30", "吴有才", "13700000007", "", "离婚", "想了解离婚程序", "告知程序", "当场解答"],
        [4, "3月12日", "张桂兰", "0951-5012345", "拒绝提供", "赡养", "三个儿子都不赡养老人", "告知子女有赡养义务", "当场解答"],
        [None, "合计：4人次"],
    ]
    return write_xlsx(path, {"3月": rows}, merges={"3月": MERGES})


@pytest.fixture
def immediate_tasks(qapp):
    runner = TaskRunner(immediate=True)
    yield runner
    runner.shutdown()
    runner.deleteLater()


@pytest.fixture
def ledger_file(tmp_path):
    return ledger(tmp_path / "2024年3月咨询台账.xlsx")


@pytest.fixture
def wizard_for(qtbot, core, point, signals, immediate_tasks, db_path):
    """Factory: a shown wizard with ``path`` opened (each job opens its own core on db_path)."""

    def _open(path):
        wizard = LedgerImportWizard(core, signals, immediate_tasks, path=path,
                                    core_factory=lambda: open_core(db_path, now=lambda: FIXED_NOW))
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return _open


def count(core) -> int:
    return core.consultations.count(ConsultationFilter())


def dump(core) -> dict[str, list[tuple]]:
    """Every row of every real table (``iterdump`` cannot read virtual search tables)."""
    tables = core.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    return {name: core.db.execute(f'SELECT * FROM "{name}"').fetchall()
            for name, sql in tables if not (sql or "").upper().startswith("CREATE VIRTUAL")}


def row_of(model, name: str) -> int:
    for row in range(model.rowCount()):
        record_row = model.index(row, 0).data(RowRole)
        if any(c.field == "visitor_name" and name in (c.raw, c.shown) for c in record_row.cells):
            return row
    raise AssertionError(name)


def to_preview(wizard):
    """From page 1 or 2 on to the preview (each 下一步 only when the page allows it)."""
    while wizard.currentId() < 2:
        assert wizard.currentPage().isComplete()
        wizard.next()
    assert wizard.currentId() == 2 and wizard.preview_page.isComplete()
    return wizard.preview_page.model


def test_mapping_page_shows_the_proposal_and_a_changed_combo_changes_the_preview(wizard_for, ledger_file):
    wizard = wizard_for(ledger_file)
    page = wizard.file_page
    assert page.kind_buttons[LedgerKind.CONSULTATIONS].isChecked() and "按表头判断" in page.kind_hint.text()
    assert page.sheet_list.count() == 1 and "表头在第3行，5 行数据" in page.sheet_list.item(0).text()
    assert page.isComplete()
    wizard.next()
    tab = wizard.mapping_page.sheet_tabs["3月"]
    proposed = wizard.context.draft.plan("3月").mapping
    assert tab.mapping() == proposed and proposed[DATE_COLUMN] == "received_date"
    assert tab.combo(2).currentText() == "来访人姓名 ＊" and "第3行" in tab.info_label.text()
    assert "接待人（联系点法官）" in tab.defaults_label.text()

    # A required field left without a column stops the wizard, and says so.
    tab.combo(DATE_COLUMN).setCurrentIndex(tab.combo(DATE_COLUMN).findData(None))
    assert not wizard.mapping_page.isComplete() and "接待日期" in tab.problem_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    tab.combo(DATE_COLUMN).setCurrentIndex(tab.combo(DATE_COLUMN).findData("received_date"))
    assert wizard.mapping_page.isComplete()

    model = to_preview(wizard)
    wang = model.index(row_of(model, "王秀英"), 0).data(RowRole)
    assert model.column_of("question") > 0 and wang.record.question.startswith("丈夫长期在外打工不回家")
    wizard.back()
    tab.combo(QUESTION_COLUMN).setCurrentIndex(tab.combo(QUESTION_COLUMN).findData(None))  # 不导入
    assert wizard.context.draft.plan("3月").mapping_source == "user"
    wizard.next()
    model = wizard.preview_page.model
    wang = model.index(row_of(model, "王秀英"), 0).data(RowRole)
    assert model.column_of("question") == -1
    assert "丈夫" not in wang.record.question and "台账未记载" in wang.record.question


def test_preview_marks_bad_rows_with_the_reasons_in_tooltips(wizard_for, ledger_file, qtmodeltester):
    wizard = wizard_for(ledger_file)
    model = to_preview(wizard)
    qtmodeltester.check(model)
    qtmodeltester.check(wizard.preview_page.proxy)
    assert model.rowCount() == 5  # 4 visitors + the 合计 row; the blank rows are only counted
    assert "可导入 0，有提示 3，不能导入 1，重复 0，非数据行 1" in wizard.preview_page.counts_label.text()

    wu = row_of(model, "吴有才")
    status = model.index(wu, COL_STATUS)
    assert status.data(Qt.ItemDataRole.DisplayRole) == "不能导入" and not status.data(Qt.ItemDataRole.DecorationRole).isNull()
    bad_date = model.index(wu, model.column_of("received_date"))
    assert bad_date.data(Qt.ItemDataRole.DisplayRole) == "2024-02-30"  # the ledger's text when nothing is stored
    assert "错误：日期“2024-02-30”不存在（2024年2月没有30日）" in bad_date.data(Qt.ItemDataRole.ToolTipRole)
    assert bad_date.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f9d3cf"
    assert "接待日期：日期“2024-02-30”不存在" in status.data(Qt.ItemDataRole.ToolTipRole)

    li = row_of(model, "李建国")
    assert model.index(li, COL_STATUS).data() == "有提示"
    id_cell = model.index(li, model.column_of("id_number"))
    assert id_cell.data() == "未导入（号码已损坏）"
    assert "提示：身份证号“1.10101199003072E+17”已损坏" in id_cell.data(Qt.ItemDataRole.ToolTipRole)
    phone = model.index(li, model.column_of("phone")).data(Qt.ItemDataRole.ToolTipRole)
    assert "原文：１３９９５１１０００２ → 导入为：13995110002" in phone and "全角数字已转为半角" in phone
    date_tip = model.index(li, model.column_of("received_date")).data(Qt.ItemDataRole.ToolTipRole)
    assert "原文：2024.3.8 → 导入为：2024-03-08" in date_tip
    category = model.index(li, model.column_of("category")).data(Qt.ItemDataRole.ToolTipRole)
    assert "“借钱不还”对应字典类型“民间借贷纠纷”" in category
    zhang = row_of(model, "张桂兰")
    assert "年份取自表头" in model.index(zhang, model.column_of("received_date")).data(Qt.ItemDataRole.ToolTipRole)

    wizard.preview_page.problems_only_box.setChecked(True)
    assert wizard.preview_page.proxy.rowCount() == 5  # none is 可导入 without a note: all shown
    statuses = {wizard.preview_page.proxy.index(r, 0).data(RowRole).status
                for r in range(wizard.preview_page.proxy.rowCount())}
    assert RowStatus.READY not in statuses


def test_import_stores_the_good_rows_reports_the_rejected_and_reimport_adds_nothing(
        wizard_for, ledger_file, core, signals, qtbot):
    wizard = wizard_for(ledger_file)
    to_preview(wizard)
    wizard.next()
    run = wizard.run_page
    assert not run.isComplete() and run.start_button.text() == "开始导入"
    with qtbot.waitSignal(signals.sig_changes_applied) as applied:
        run.start_button.click()
    assert applied.args[0].touches("consultation") and applied.args[0].touches("ledger_import")
    assert count(core) == 3
    result = wizard.context.result
    assert (result.rows_read, result.imported, result.rejected, result.skipped) == (5, 3, 1, 1)
    assert "已导入 3 行" in run.summary_label.text() and "未导入 1 行" in run.summary_label.text()
    assert "未导入的原因：接待日期 1 行" in run.summary_label.text()
    assert "工作表“3月”第6行（序号3）：接待日期：日期“2024-02-30”不存在" in run.details.toPlainText()
    assert result.report_path is not None and result.report_path.exists() and run.open_report_button.isVisibleTo(run)
    assert run.isComplete() and wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not run.start_button.isEnabled()  # once is enough; a second run would only skip
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.accept()

    again = wizard_for(ledger_file)
    model = to_preview(again)
    assert again.context.preview.count(RowStatus.DUPLICATE) == 3
    assert model.index(row_of(model, "王秀英"), COL_STATUS).data() == "重复，跳过"
    again.next()
    again.run_page.start_import()
    assert count(core) == 3
    assert (again.context.result.imported, again.context.result.duplicates) == (0, 3)
    assert "重复跳过 3 行" in again.run_page.summary_label.text()


def test_dry_run_writes_nothing(wizard_for, ledger_file, core):
    before = dump(core)
    wizard = wizard_for(ledger_file)
    wizard.next()
    wizard.mapping_page.remember_box.setChecked(False)  # 记住此表格式 would write the mapping
    to_preview(wizard)
    wizard.next()
    wizard.run_page.dry_run_box.setChecked(True)
    assert wizard.run_page.start_button.text() == "开始试运行"
    wizard.run_page.start_button.click()
    result = wizard.context.result
    assert result.dry_run and result.imported == 3 and result.report_path is None
    assert wizard.run_page.summary_label.text().startswith("试运行，未写入数据库。读取 5 行：可导入 3 行")
    assert not wizard.run_page.isComplete()  # 完成 only after a real import
    assert dump(core) == before


def test_cancel_during_the_import_leaves_the_database_unchanged(wizard_for, ledger_file, core, immediate_tasks):
    wizard = wizard_for(ledger_file)
    to_preview(wizard)
    wizard.next()
    before = dump(core)
    seen = []

    def cancel_after_two(job):
        if job.title == "导入台账":
            job.signals.sig_progress.connect(lambda done, total: (seen.append(done), done >= 2 and job.cancel()))

    immediate_tasks.sig_submitted.connect(cancel_after_two)
    wizard.run_page.start_import()
    assert seen == [1, 2]  # the core stopped at the next row
    result = wizard.context.result
    assert result.cancelled and result.imported == 0
    assert wizard.run_page.summary_label.text().startswith("已取消：没有导入任何数据")
    assert not wizard.run_page.isComplete() and wizard.run_page.start_button.isEnabled()
    assert dump(core) == before and count(core) == 0


def test_task_runner_runs_jobs_in_a_pool_thread_with_their_own_core(qtbot, db_path, point):
    runner = TaskRunner()
    gui_thread = threading.current_thread()
    seen: dict[str, object] = {}

    def work(ctx):
        seen["thread"] = threading.current_thread()
        seen["core"] = ctx.core
        for done in range(1, 4):
            ctx.progress(done, 3)
        return [p.code for p in ctx.core.points.all()]

    job = Job(work, core_factory=lambda: open_core(db_path), title="读点", progress_interval=0)
    progress_threads = []
    job.signals.sig_progress.connect(lambda done, total: progress_threads.append((threading.current_thread(), done)))
    with qtbot.waitSignal(job.signals.sig_finished, timeout=5000) as finished:
        runner.start(job)
    assert finished.args == [["ZN-NA"]] and job.done
    assert seen["thread"] is not gui_thread
    qtbot.waitUntil(lambda: len(progress_threads) == 3)
    assert {t for t, _d in progress_threads} == {gui_thread}  # callbacks arrive in the GUI thread
    with pytest.raises(Exception, match="closed"):
        seen["core"].db.execute("select 1")  # the worker's own connection was closed

    started = threading.Event()

    def wait_for_cancel(ctx):
        started.set()
        while not ctx.cancelled():
            started.wait(0.01)
        return "stopped"

    job = Job(wait_for_cancel)
    with qtbot.waitSignal(job.signals.sig_finished, timeout=5000) as stopped:
        runner.start(job, writes=True)
        assert started.wait(5)
        progress = DelayedProgress(None, "正在等待…", cursor_delay_ms=1, dialog_delay_ms=1)  # type: ignore[arg-type]
        progress.attach(job)
        qtbot.waitUntil(lambda: progress.dialog is not None and progress.dialog.isVisible())
        assert QApplication.overrideCursor() is not None
        cancel_button = progress.dialog.findChild(QPushButton)
        assert cancel_button.text() == "取消"
        cancel_button.click()
    assert stopped.args == ["stopped"] and job.cancelled
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None and not progress.active)

    failing = Job(lambda ctx: 1 / 0)
    with qtbot.waitSignal(failing.signals.sig_failed, timeout=5000) as failed:
        runner.start(failing)
    assert isinstance(failed.args[0], ZeroDivisionError)
    assert runner.shutdown(5000) and not runner.active_jobs
    runner.deleteLater()


def test_model_is_empty_before_a_preview(qtmodeltester, qapp):
    from liaison_app.gui.models.ledger_preview_table_model import LedgerPreviewTableModel

    model = LedgerPreviewTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.columnCount() == 2 and not model.index(0, 0, QModelIndex()).isValid()
