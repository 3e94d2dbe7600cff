"""Dialogs of the 报送 page: 导出报送文件 (runs the export in the writer pool) and 设置法院密钥."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core, open_core
from liaison_app.core.exports import ExportReport, ExportService
from liaison_app.domain import pseudonym
from liaison_app.domain.changes import Changes
from liaison_app.errors import UserError
from liaison_app.gui.dialogs.pdf_dialogs import default_folder
from liaison_app.gui.formatting import format_period_zh
from liaison_app.gui.progress import DelayedProgress
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import CoreFactory, Job, TaskRunner
from liaison_app.gui.widgets.field_row import FieldRow
from liaison_app.gui.widgets.wrapped_label import WrappedLabel
from liaison_app.gui.window_size import fit_to_screen, grow_to_fit
from liaison_app.i18n import translate

# The same folder in every language, so exports made before switching the language are found.
EXPORT_FOLDER_NAME = "联系点报送"  # i18n-exempt: a folder name on disk, not UI text


def worker_core_factory(core: Core, tasks: TaskRunner) -> tuple[CoreFactory, bool]:
    """(factory, owns_core) for jobs that need the point database in a worker thread: a new
    core on the same file with the same clock. An in-memory core can only be shared, which
    needs an immediate runner.

    Raises:
        ValueError: an in-memory core with a threaded runner.
    """
    if core.path is not None:
        db_path, now, actor = core.path, core.now, core.actor
        return (lambda: open_core(db_path, now=now, actor=actor)), True  # acts as the logged-in user
    if tasks.immediate:
        return (lambda: core), False
    raise ValueError("an in-memory core cannot be used from worker threads")


def set_role(label: QLabel, role: str) -> None:
    """Give ``label`` a style-sheet role (error / warning / muted) and repolish it."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def report_bug(exc: BaseException) -> None:
    """An unexpected exception goes to ``sys.excepthook`` (crash dialog; fails a test)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def failure_text(exc: BaseException) -> str | None:
    """The sentence for an expected failure (UserError, a file error); None for a bug."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return translate("export_dialogs", "无法读写文件：{error}").format(error=exc.strerror or exc)
    return None


class ExportBatchDialog(QDialog):
    """导出报送文件: month, point (or all), folder, 完整个人信息; then the export in the writer
    pool with a delayed progress dialog and 取消; the files written are listed inside.

    Args:
        core: the GUI thread's core (points list only).
        signals: ``Changes(batch_export)`` is broadcast after an export.
        tasks: the app's runner; core_factory/owns_core: see :func:`worker_core_factory`.
        periods: the months offered (``YYYY-MM``, newest first).
        period, point_code: preselected month and point (None: 全部联系点).
        folder: the folder proposed (default: ``文档/联系点报送``).

    Signals:
        sig_exported(object): the :class:`ExportReport` of a finished (or cancelled) export.
    """

    sig_exported = Signal(object)

    def __init__(self, core: Core, signals: AppSignals, tasks: TaskRunner, core_factory: CoreFactory,
                 owns_core: bool, periods: Sequence[str], *, period: str | None = None,
                 point_code: str | None = None, folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出报送文件"))
        self._signals = signals
        self._tasks = tasks
        self._core_factory = core_factory
        self._owns_core = owns_core
        self._job: Job | None = None
        self._close_when_done = False
        self.report: ExportReport | None = None

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("export_period")
        for item in periods:
            self.period_combo.addItem(format_period_zh(item), item)
        if period is not None:
            self.period_combo.setCurrentIndex(max(self.period_combo.findData(period), 0))
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("export_point")
        self.point_combo.addItem(self.tr("全部联系点（每个联系点一个文件）"), None)
        for point in core.points.all():
            self.point_combo.addItem(self.tr("{name}（{code}）").format(name=point.name, code=point.code), point.code)
        if point_code is not None:
            self.point_combo.setCurrentIndex(max(self.point_combo.findData(point_code), 0))

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("export_folder")
        self.folder_edit.setText(str(folder or default_folder() / EXPORT_FOLDER_NAME))
        self.browse_button = QPushButton(self.tr("浏览…"), self)
        self.browse_button.setAutoDefault(False)
        folder_box = QWidget(self)
        folder_layout = QHBoxLayout(folder_box)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(self.browse_button)
        self.folder_row = FieldRow(folder_box, "folder", self)
        folder_note = WrappedLabel(self.tr("文件名为“联系点编码_月份_v序号.xlsx”，\n"
                                           "序号自动加一，不会覆盖已有的文件。"), self)
        set_role(folder_note, "muted")

        self.full_data_box = QCheckBox(self.tr("导出完整个人信息（来访人姓名、电话、身份证号）"), self)
        self.full_data_box.setObjectName("full_personal_data")
        # Its lines also wrap where the dialog is narrower (大字模式, English); the dialog opens
        # as tall as the wrapped text needs (fit_to_screen).
        self.full_data_warning = WrappedLabel(self.tr(
            "默认隐去来访人姓名、电话，不导出身份证号。\n"
            "勾选后导出完整信息：文件的“批次信息”会注明“完整”，本机的导出记录也会留存。\n"
            "只有法院明确要求时才勾选，文件要妥善保管。"), self)
        self.full_data_warning.setObjectName("full_data_warning")
        set_role(self.full_data_warning, "muted")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("统计月份"), self.period_combo)
        form.addRow(self.tr("联系点"), self.point_combo)
        form.addRow(self.tr("保存到"), self.folder_row)
        form.addRow("", folder_note)
        form.addRow(self.tr("个人信息"), self.full_data_box)
        form.addRow("", self.full_data_warning)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("export_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.file_list = QListWidget(self)
        self.file_list.setObjectName("exported_files")
        self.file_list.hide()
        self.note_label = QLabel(self)
        self.note_label.setObjectName("export_note")
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()

        self.folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.folder_button.setObjectName("open_folder")
        self.folder_button.hide()
        self.export_button = QPushButton(self.tr("导出"), self)
        self.export_button.setObjectName("export")
        self.export_button.setProperty("role", "primary")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.folder_button, self.export_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.file_list, 1)
        layout.addWidget(self.note_label)
        layout.addStretch(0)
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.folder_button.clicked.connect(self.open_folder)
        self.full_data_box.toggled.connect(self._on_full_data_toggled)
        self.folder_edit.textChanged.connect(lambda _t: self.folder_row.set_error(None))
        self.export_button.setEnabled(self.period_combo.count() > 0)
        fit_to_screen(self, lines_wide=38)

    # -- API ---------------------------------------------------------------------------------
    @property
    def job(self) -> Job | None:
        """The export job started last (None before 导出)."""
        return self._job

    def folder(self) -> Path:
        """The chosen folder."""
        return Path(self.folder_edit.text().strip()).expanduser()

    def browse(self) -> None:
        """Choose the folder with the system's dialog (a USB stick, for instance)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择保存报送文件的文件夹"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def export(self) -> Job | None:
        """Start the export of the chosen month in the writer pool (it writes ``batch_export``).
        Returns the job (already done with an immediate runner), or None when the folder is
        missing."""
        if not self.folder_edit.text().strip():
            self.folder_row.set_error(self.tr("请选择保存报送文件的文件夹"))
            return None
        period = self.period_combo.currentData()
        if not period:
            return None
        point_code = self.point_combo.currentData()
        folder = self.folder()
        full = self.full_data_box.isChecked()
        self.export_button.setEnabled(False)
        self.result_label.hide()

        def work(ctx):  # type: ignore[no-untyped-def]  # in the worker thread
            return ExportService(ctx.core).export_batches(
                period, folder, point_code=point_code, full_personal_data=full,
                progress=ctx.progress, cancelled=ctx.cancelled)

        self._job = self._tasks.submit(work, writes=True, core_factory=self._core_factory,
                                       owns_core=self._owns_core, title=self.tr("导出报送文件"),
                                       on_finished=self._on_finished, on_failed=self._on_failed)
        DelayedProgress(self, self.tr("正在导出 {month} 的报送文件…").format(
            month=format_period_zh(period))).attach(self._job)
        return self._job

    def open_folder(self) -> None:
        """Open the folder of the files just written."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder())))

    def file_names(self) -> list[str]:
        """Names of the files listed as written."""
        return [self.file_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.file_list.count())]

    # -- results -----------------------------------------------------------------------------
    def _on_finished(self, report: ExportReport) -> None:
        self.report = report
        self.export_button.setEnabled(True)
        self.file_list.clear()
        for exported in report.files:
            counts = self.tr("，", "between the row counts of the sheets").join(
                self.tr("{sheet} {n}").format(sheet=sheet, n=n) for sheet, n in exported.row_counts.items())
            text = self.tr("{file}　{point}").format(file=exported.path.name, point=exported.point_name)
            if not exported.masked:
                text += self.tr("　【完整个人信息】")
            text += f"\n    {counts}"
            self.file_list.addItem(text)
            item = self.file_list.item(self.file_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, exported.path.name)
            item.setToolTip(str(exported.path))
        lines = [self.tr("已导出 {n} 个文件到 {folder}").format(n=len(report.files), folder=self.folder())]
        if report.cancelled:
            lines.append(self.tr("已取消：列出的文件完整可用，其余联系点没有导出。"))
        self.result_label.setText("\n".join(lines))
        set_role(self.result_label, "warning" if report.cancelled else "")
        notes = [self.tr("请把文件原样交给法院（U 盘或工作群）；在 Excel 中改动过的文件法院会拒收。")]
        if report.backup is not None:
            notes.append(self.tr("数据库已自动备份：{path}").format(path=report.backup))
        elif report.backup_error:
            notes.append(self.tr("自动备份失败：{error}（报送文件不受影响）").format(error=report.backup_error))
        for exported in report.files:
            notes += [self.tr("{file}：{note}").format(file=exported.path.name, note=note) for note in exported.notes]
        self.note_label.setText("\n".join(notes))
        set_role(self.note_label, "muted" if report.backup is not None or not report.backup_error else "error")
        for widget in (self.result_label, self.file_list, self.note_label, self.folder_button):
            widget.show()
        grow_to_fit(self)
        if report.files and not report.cancelled:  # done: a second click would only write v+1
            self.export_button.hide()
            self.close_button.setDefault(True)
        if report.files:
            self._signals.sig_changes_applied.emit(Changes(tables=frozenset({"batch_export"})))
            self._signals.sig_status_message.emit(self.tr("已导出 {n} 个报送文件").format(n=len(report.files)))
        self.sig_exported.emit(report)
        self._close_if_requested()

    def _on_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        message = failure_text(exc)
        if message is None:
            report_bug(exc)
            message = self.tr("导出时出现程序错误，已记录。")
        self.result_label.setText(self.tr("未能导出：{message}").format(message=message))
        set_role(self.result_label, "error")
        self.result_label.show()
        grow_to_fit(self)
        self._close_if_requested()

    def _on_full_data_toggled(self, checked: bool) -> None:
        set_role(self.full_data_warning, "error" if checked else "muted")

    # -- closing while the export runs -----------------------------------------------------------
    def reject(self) -> None:
        """关闭/Esc: cancel a running export first and close once it stopped."""
        if self._job is not None and not self._job.done:
            self._close_when_done = True
            self._job.cancel()
            self.close_button.setEnabled(False)
            return
        super().reject()

    def _close_if_requested(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            self.close_button.setEnabled(True)
            super().reject()


class CourtKeyDialog(QDialog):
    """设置法院密钥: the key typed twice, its fingerprint shown for comparison with the court's.

    The key is shown as typed (no password dots): a Chinese input method does not work in a
    password field, and the judge compares it with the court's notice.

    Signals:
        sig_saved(str): the fingerprint of the key just stored.
    """

    sig_saved = Signal(str)

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置法院密钥"))
        self._service = ExportService(core)
        self._signals = signals
        explain = QLabel(self.tr(
            "法院密钥让法院在看不到姓名和号码的情况下，统计同一位群众在各联系点的重复来访；"
            "请输入法院下发的密钥，各联系点必须一致。"), self)
        explain.setObjectName("key_explanation")
        explain.setWordWrap(True)
        current = self._service.court_key()
        self.current_label = QLabel(self)
        self.current_label.setObjectName("current_key")
        self.current_label.setText(
            self.tr("当前：已设置，指纹 {fp}").format(fp=pseudonym.key_fingerprint(current)) if current
            else self.tr("当前：尚未设置（报送文件中没有来访人标识）"))
        set_role(self.current_label, "muted")
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("court_key")
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("court_key_repeat")
        self.fingerprint_label = WrappedLabel("", self)
        self.fingerprint_label.setObjectName("fingerprint")
        self.repeat_row = FieldRow(self.repeat_edit, "court_key_repeat", self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("法院密钥"), self.key_edit)
        form.addRow(self.tr("再输入一次"), self.repeat_row)
        form.addRow(self.tr("密钥指纹"), self.fingerprint_label)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save_key")
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.current_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.key_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self._update()
        fit_to_screen(self, lines_wide=30)

    def problem(self) -> str | None:
        """Why the typed key cannot be saved yet (None: it can)."""
        first, second = (pseudonym.normalise_key(e.text()) for e in (self.key_edit, self.repeat_edit))
        problem = pseudonym.check_key(first)
        if problem:
            return problem
        if first != second:
            return self.tr("两次输入的密钥不一致")
        return None

    def save(self) -> bool:
        """Store the key; True on success (the dialog closes)."""
        problem = self.problem()
        if problem:
            self.repeat_row.set_error(problem)
            return False
        try:
            fingerprint = self._service.set_court_key(self.key_edit.text())
        except UserError as err:
            self.repeat_row.set_error(str(err))
            return False
        self._signals.sig_changes_applied.emit(Changes(tables=frozenset({"setting"})))
        self._signals.sig_status_message.emit(self.tr("法院密钥已保存，指纹 {fp}").format(fp=fingerprint))
        self.sig_saved.emit(fingerprint)
        self.accept()
        return True

    def _update(self, *_args: object) -> None:
        self.repeat_row.set_error(None)
        key = pseudonym.normalise_key(self.key_edit.text())
        problem = self.problem()
        if not key:
            self.fingerprint_label.setText(self.tr("输入密钥后显示"))
            set_role(self.fingerprint_label, "muted")
        elif problem:
            self.fingerprint_label.setText(problem)
            set_role(self.fingerprint_label, "muted")
        else:
            self.fingerprint_label.setText(self.tr("{fp}（请与法院通知中的指纹核对）").format(
                fp=pseudonym.key_fingerprint(key)))
            set_role(self.fingerprint_label, "")
        self.save_button.setEnabled(problem is None)
