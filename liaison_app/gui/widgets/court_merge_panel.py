"""法院汇总 → 汇总报送文件: choose or drop the points' workbooks, merge them into the court
database in the writer pool, see what happened to each file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.court import CourtService, MergeOutcome, MergeReport
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.gui.dialogs.export_dialogs import failure_text, report_bug, set_role
from liaison_app.gui.dialogs.pdf_dialogs import default_folder
from liaison_app.gui.models.merge_result_table_model import MergeResultTableModel
from liaison_app.gui.progress import DelayedProgress
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import Job, TaskRunner
from liaison_app.gui.widgets.drop_file_list import DropFileList
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.record_table_view import RecordTableView

Now = Callable[[], datetime]


class CourtMergePanel(QWidget):
    """Inputs (files and folders, drag-and-drop), 试运行 / 接受手工修改, 开始汇总, the result
    table with a details pane, 保存结果表….

    Args:
        court_db_path: the court database (created by the first real merge).
        signals: a real merge broadcasts ``Changes(court_batch)`` and a status message.
        tasks: the merge runs in the writer pool, saving the result table in the read pool.
        now: the court's clock (merge stamps; tests pin it).

    Signals:
        sig_merged(object): a merge finished (:class:`MergeReport`, dry runs included).
    """

    sig_merged = Signal(object)

    def __init__(self, court_db_path: Path, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None,
                 *, now: Now = clock.now):
        super().__init__(parent)
        self.court_db_path = Path(court_db_path)
        self._signals = signals
        self._tasks = tasks
        self._now = now
        self.job: Job | None = None

        self.inputs = DropFileList((".xlsx",), self.tr("把联系点的报送文件（.xlsx）或整个文件夹拖到这里，"
                                                       "或用右边的按钮选择"), self)
        self.inputs.setObjectName("merge_inputs")
        self.inputs.setFixedHeight(self.fontMetrics().height() * 4 + 24)
        self.files_button = QPushButton(self.tr("选择文件…"), self)
        self.files_button.setObjectName("choose_files")
        self.folder_button = QPushButton(self.tr("选择文件夹…"), self)
        self.folder_button.setObjectName("choose_folder")
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.clear_button = QPushButton(self.tr("清空"), self)
        side = QVBoxLayout()
        side.addWidget(self.files_button)
        side.addWidget(self.folder_button)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addWidget(self.clear_button)
        side.addLayout(remove_row)
        side.addStretch(1)
        inputs_row = QHBoxLayout()
        inputs_row.addWidget(self.inputs, 1)
        inputs_row.addLayout(side)

        self.dry_run_box = QCheckBox(self.tr("试运行（只检查，不写入汇总库）"), self)
        self.dry_run_box.setObjectName("dry_run")
        self.accept_edited_box = QCheckBox(self.tr("接受手工修改过的文件"), self)
        self.accept_edited_box.setObjectName("accept_edited")
        self.accept_edited_box.setToolTip(self.tr(
            "报送文件导出后在 Excel 中被改动过，数据校验就对不上，默认拒收。\n"
            "只有确认改动是有意的（例如联系点按法院要求更正），"
            "才勾选此项接收；汇总表会注明这些批次。\n其他检查照常进行，有错的文件仍然拒收。"))
        accept_note = QLabel(self.tr("（导出后在 Excel 里改过的文件默认拒收；确认改动无误时才勾选）"), self)
        set_role(accept_note, "muted")
        self.merge_button = QPushButton(self.tr("开始汇总"), self)
        self.merge_button.setObjectName("start_merge")
        self.merge_button.setProperty("role", "primary")
        accept_note.setWordWrap(True)
        accept_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        options = FlowLayout(spacing=12)   # one row when it fits, two in 大字模式 or English
        options.addWidget(self.dry_run_box)
        options.addWidget(self.accept_edited_box)
        options.addWidget(accept_note)   # takes the spare width of its line
        options.addWidget(keep_together(self, self.merge_button, align_right=True))

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("merge_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("保存结果表…"), self)
        self.save_button.setObjectName("save_report")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_report")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.saved_label, "muted")
        self.saved_label.hide()
        self.saved_report_path: Path | None = None
        summary_text = QVBoxLayout()
        summary_text.addWidget(self.summary_label)
        summary_text.addWidget(self.saved_label)
        summary_row = QHBoxLayout()
        summary_row.addLayout(summary_text, 1)
        summary_row.addWidget(self.save_button)

        self.model = MergeResultTableModel(self)
        self.table = RecordTableView(self.model, MergeResultTableModel.samples(),
                                     stretch_column=MergeResultTableModel.COL_NOTE, parent=self)
        self.table.setSortingEnabled(False)
        metrics = self.table.fontMetrics()
        for column in (MergeResultTableModel.COL_PERIOD, MergeResultTableModel.COL_SEQ,
                       *MergeResultTableModel.COL_COUNTS):  # numbers: as wide as the title, no more
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, metrics.horizontalAdvance(title) + 22)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("merge_details")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("选中一行，这里显示该文件的全部问题（工作表、行号、列名）和说明。"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(inputs_row)
        layout.addLayout(options)
        layout.addLayout(summary_row)
        layout.addWidget(splitter, 1)

        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.inputs.remove_selected)
        self.clear_button.clicked.connect(self.inputs.clear_paths)
        self.merge_button.clicked.connect(self.merge)
        self.save_button.clicked.connect(lambda: self.save_report())
        self.inputs.sig_changed.connect(self._update_buttons)
        self.inputs.sig_ignored.connect(self._on_ignored)
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self._update_buttons()

    # -- inputs ------------------------------------------------------------------------------
    def add_inputs(self, paths: Sequence[Path | str]) -> list[Path]:
        """Add files/folders to merge; returns those ignored (not .xlsx)."""
        return self.inputs.add_paths(paths)

    def ask_open_files(self) -> list[str]:
        """The system's file dialog (tests replace this method)."""
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择报送文件"), str(default_folder()), self.tr("报送文件 (*.xlsx);;所有文件 (*)"))
        return names

    def ask_folder(self) -> str:
        """The system's folder dialog (tests replace this method)."""
        return QFileDialog.getExistingDirectory(self, self.tr("选择存放报送文件的文件夹"), str(default_folder()))

    def ask_save_path(self, title: str, suggested: Path) -> str:
        """Where to save a workbook (tests replace this method)."""
        name, _filter = QFileDialog.getSaveFileName(self, title, str(suggested), self.tr("Excel 工作簿 (*.xlsx)"))
        return name

    def choose_files(self) -> None:
        """选择文件…"""
        self.add_inputs(self.ask_open_files())

    def choose_folder(self) -> None:
        """选择文件夹… (searched with its subfolders)."""
        folder = self.ask_folder()
        if folder:
            self.add_inputs([folder])

    # -- merge -------------------------------------------------------------------------------
    def merge(self) -> Job | None:
        """开始汇总: run :meth:`CourtService.merge` on the listed inputs in the writer pool with a
        delayed progress dialog (取消 rolls back the file being merged). Returns the job (done
        already with an immediate runner), or None without inputs."""
        inputs = self.inputs.paths()
        if not inputs:
            self._set_summary(self.tr("请先选择或拖入报送文件。"), "error")
            return None
        db_path, now = self.court_db_path, self._now
        dry_run, accept_edited = self.dry_run_box.isChecked(), self.accept_edited_box.isChecked()

        def work(ctx):  # type: ignore[no-untyped-def]  # in the worker thread: its own connection
            with CourtService(db_path, now=now) as service:
                return service.merge(inputs, dry_run=dry_run, accept_edited=accept_edited,
                                     progress=ctx.progress, cancelled=ctx.cancelled)

        self.merge_button.setEnabled(False)
        self._set_summary(self.tr("正在汇总…"), "muted")
        self.job = self._tasks.submit(work, writes=True, title=self.tr("汇总报送文件"),
                                      on_finished=self._on_merged, on_failed=self._on_failed)
        DelayedProgress(self, self.tr("正在检查并汇总 {n} 项报送文件…").format(n=len(inputs))).attach(self.job)
        return self.job

    def _on_merged(self, report: MergeReport) -> None:
        self.model.set_report(report)
        self.saved_label.hide()
        self._update_buttons()
        lines = report.lines()
        summary = [lines[-2] if report.cancelled else lines[-1]]
        if report.dry_run:
            summary.insert(0, self.tr("试运行：只检查，没有写入汇总库。"))
        if report.cancelled:
            summary.append(lines[-1])
        self._set_summary("\n".join(summary), "" if report.ok else "error")
        problem_rows = [row for row in range(self.model.rowCount()) if not report.files[row].outcome.ok]
        if self.model.rowCount():
            row = problem_rows[0] if problem_rows else 0
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        if not report.dry_run and any(f.outcome in (MergeOutcome.MERGED, MergeOutcome.REPLACED)
                                       for f in report.files):
            self._signals.sig_changes_applied.emit(Changes(tables=frozenset({"court_batch"})))
        self._signals.sig_status_message.emit(summary[-1])
        self.sig_merged.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        message = failure_text(exc)
        if message is None:
            report_bug(exc)
            message = self.tr("汇总时出现程序错误，已记录。")
        self._set_summary(self.tr("未能汇总：{message}").format(message=message), "error")

    # -- result table ------------------------------------------------------------------------
    def save_report(self, path: Path | None = None) -> Job | None:
        """保存结果表…: the result table as a workbook (``write_merge_report``, read pool)."""
        report = self.model.report
        if report is None:
            return None
        if path is None:
            suggested = default_folder() / self.tr("汇总结果_{time}.xlsx").format(time=f"{self._now():%Y%m%d_%H%M}")
            chosen = self.ask_save_path(self.tr("保存汇总结果表"), suggested)
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db_path, now = self.court_db_path, self._now

        def work(_ctx):  # type: ignore[no-untyped-def]  # writes the file only, no database
            return CourtService(db_path, now=now).write_merge_report(report, path)

        return self._tasks.submit(work, title=self.tr("保存结果表"), on_finished=self._on_saved,
                                  on_failed=self._on_save_failed)

    def _on_saved(self, path: Path) -> None:
        self.saved_report_path = path
        set_role(self.saved_label, "muted")
        self.saved_label.setText(self.tr("结果表已保存：{path}").format(path=path))
        self.saved_label.show()
        self._signals.sig_status_message.emit(self.saved_label.text())

    def _on_save_failed(self, exc: BaseException) -> None:
        message = failure_text(exc)
        if message is None:
            report_bug(exc)
            message = self.tr("程序错误，已记录。")
        self.saved_label.setText(self.tr("结果表未能保存：{message}").format(message=message))
        set_role(self.saved_label, "error")
        self.saved_label.show()

    def _show_details(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        result = self.model.result_at(rows[0].row()) if rows else None
        if result is None:
            self.details.clear()
            return
        head = self.tr("{path}\n结果：{outcome}").format(path=result.path,
                                                        outcome=self.model.outcome_text(rows[0].row()))
        if result.point_code:
            head += self.tr("　{name}（{code}）{period} v{seq}").format(
                name=result.point_name, code=result.point_code, period=result.period, seq=result.seq)
        explanation = result.explanation() or self.tr("没有问题。")
        self.details.setPlainText(f"{head}\n\n{explanation}")

    # -- state -------------------------------------------------------------------------------
    def _on_ignored(self, names: list[str]) -> None:
        self._set_summary(self.tr("只接收 .xlsx 文件和文件夹，已忽略：{names}").format(
            names=self.tr("、", "between file names").join(names)), "error")

    def _set_summary(self, text: str, role: str) -> None:
        self.summary_label.setText(text)
        set_role(self.summary_label, role)

    def _update_buttons(self) -> None:
        running = self.job is not None and not self.job.done
        has_inputs = bool(self.inputs.count())
        self.merge_button.setEnabled(has_inputs and not running)
        self.remove_button.setEnabled(has_inputs)
        self.clear_button.setEnabled(has_inputs)
        self.save_button.setEnabled(self.model.report is not None)
