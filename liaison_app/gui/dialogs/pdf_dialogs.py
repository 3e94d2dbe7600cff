"""Dialogs that write a PDF: 月度工作报告, 来访接待登记表, 志愿服务时长证明.

Each asks its options and a file path (with 浏览…), writes the file through the core when
生成 is pressed and then shows, inside the dialog, where the file is and any characters the
font lacked (``GlyphReport.summary()``), with 打开文件 / 打开所在文件夹.

Given the app's :class:`~liaison_app.gui.tasks.TaskRunner`, a dialog whose PDF takes long (the
monthly report: a second or two) writes it in a worker with its own core, so the window stays
responsive (docs/performance.md); without one it writes in place (tests, quick forms).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core, open_core
from liaison_app.core.reports import write_monthly, write_registration
from liaison_app.core.visits import write_service_certificate
from liaison_app.domain import clock
from liaison_app.domain.people import Role
from liaison_app.errors import UserError
from liaison_app.gui.views.record_form_view import date_edit
from liaison_app.gui.widgets.field_row import FieldRow
from liaison_app.gui.progress import DelayedProgress
from liaison_app.gui.tasks import TaskRunner
from liaison_app.gui.widgets.month_combo import MonthCombo
from liaison_app.gui.window_size import fit_to_screen
from liaison_app.reports.fonts import GlyphReport

# Writes a PDF with the given core (the dialog's, or a worker's own) to the given path.
PdfWork = Callable[[Core, Path], GlyphReport]


def default_folder() -> Path:
    """The user's documents folder when it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


def _tab_stops(widget: QWidget) -> list[QWidget]:
    """``widget`` if Tab stops at it, else the widgets inside it that Tab stops at, in the
    window's focus order."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    window = widget.window()
    stops = []
    current = window.nextInFocusChain()
    while current is not window:
        if (widget.isAncestorOf(current) and current.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(current.parentWidget(), (QComboBox, QAbstractSpinBox))):  # their line edit
            stops.append(current)
        current = current.nextInFocusChain()
    return stops


def safe_file_name(text: str) -> str:
    """``text`` without characters Windows refuses in file names."""
    return "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip() or "output"


class PdfDialog(QDialog):
    """Options (``options`` form layout, filled by subclasses, which then call
    :meth:`_options_done`), output path, 生成.

    Signals:
        sig_written(str): path of the PDF just written.

    Args:
        title: the window title.
        parent: the parent widget.
        tasks: the app's task runner: a subclass that offers :meth:`_work` then writes in a
            worker (生成 returns at once; the result shows when the worker is done).
    """

    sig_written = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None, *, tasks: TaskRunner | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._tasks = tasks
        self.output_path: Path | None = None
        self.glyph_summary = ""
        self.options = QFormLayout()
        self.options.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("pdf_path")
        self.browse_button = QPushButton(self.tr("浏览…"), self)
        path_box = QWidget(self)
        path_layout = QHBoxLayout(path_box)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(self.browse_button)
        self.path_row = FieldRow(path_box, "path", self)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("pdf_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.generate_button = QPushButton(self.tr("生成"), self)
        self.generate_button.setObjectName("generate")
        self.generate_button.setProperty("role", "primary")
        self.generate_button.setDefault(True)
        self.open_button = QPushButton(self.tr("打开文件"), self)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        for button in (self.open_button, self.folder_button):
            button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button, self.generate_button, self.close_button):
            buttons.addWidget(button)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.options)
        self._layout.addWidget(QLabel(self.tr("保存到"), self))
        self._layout.addWidget(self.path_row)
        self._layout.addWidget(self.result_label)
        self._layout.addStretch(1)
        self._layout.addLayout(buttons)
        self.browse_button.clicked.connect(self.browse)
        self.generate_button.clicked.connect(self.generate)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_output)
        self.folder_button.clicked.connect(self.open_folder)
        self.path_edit.textChanged.connect(lambda _t: self.path_row.set_error(None))

    def _options_done(self) -> None:
        """The options are in: Tab goes top to bottom (the options, 保存到, the buttons; the
        widgets made here come first otherwise), the first option has the focus, and the dialog
        takes the size its contents need."""
        chain: list[QWidget] = []
        for row in range(self.options.rowCount()):
            item = self.options.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                chain += _tab_stops(item.widget())
        chain += [self.path_edit, self.browse_button, self.open_button, self.folder_button,
                  self.generate_button, self.close_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        chain[0].setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, lines_wide=32)

    # -- to implement ------------------------------------------------------------------------
    def suggested_name(self) -> str:
        """File name proposed for the current options."""
        raise NotImplementedError

    def _write(self, path: Path) -> GlyphReport:
        """Write the PDF; may raise UserError/ValueError/OSError (shown to the user)."""
        raise NotImplementedError

    def _work(self) -> PdfWork | None:
        """The write as a function of (core, path), its options read now (in the GUI thread),
        for a worker; None (the default) writes in place with :meth:`_write`."""
        return None

    # -- API ---------------------------------------------------------------------------------
    def propose_path(self) -> None:
        """Put the suggested name in the folder of the current path (or the documents folder)."""
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else default_folder()
        self.path_edit.setText(str(folder / self.suggested_name()))

    def browse(self) -> None:
        """Choose where to save with the system's file dialog."""
        name, _filter = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path_edit.text(),
                                                    self.tr("PDF 文件 (*.pdf)"))
        if name:
            self.path_edit.setText(name)

    def generate(self) -> bool:
        """Write the PDF to the chosen path; True on success (the result is shown below)."""
        text = self.path_edit.text().strip()
        if not text:
            self.path_row.set_error(self.tr("请选择保存位置"))
            return False
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not path.parent.is_dir():
            self.path_row.set_error(self.tr("文件夹“{folder}”不存在").format(folder=path.parent))
            return False
        work = self._work() if self._tasks is not None else None
        core: Core | None = getattr(self, "_core", None)
        if work is not None and core is not None and core.path is not None:
            return self._generate_in_worker(work, core, path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._write(path)
        except (UserError, ValueError, OSError) as err:
            return self._failed(err)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self._written(path, report)

    def _generate_in_worker(self, work: PdfWork, core: Core, path: Path) -> bool:
        """Start the write in the read pool with a core of its own; True (it started)."""
        assert self._tasks is not None and core.path is not None
        db_path, now, actor = core.path, core.now, core.actor
        self.generate_button.setEnabled(False)

        def done(report: object) -> None:
            self.generate_button.setEnabled(True)
            self._written(path, report)  # type: ignore[arg-type]

        def failed(error: BaseException) -> None:
            self.generate_button.setEnabled(True)
            if not isinstance(error, (UserError, ValueError, OSError)):
                sys.excepthook(type(error), error, error.__traceback__)  # a bug must not vanish
                return
            self._failed(error)

        job = self._tasks.submit(lambda ctx: work(ctx.core, path),
                                 core_factory=lambda: open_core(db_path, now, actor=actor),
                                 title=self.windowTitle(), on_finished=done, on_failed=failed)
        DelayedProgress(self, self.tr("正在生成…"), cancellable=False).attach(job)
        return True

    def _failed(self, err: BaseException) -> bool:
        if isinstance(err, OSError):
            self._show_failure(self.tr("无法写入文件：{error}").format(error=err.strerror or err))
        else:
            self._show_failure(str(err))
        return False

    def _written(self, path: Path, report: GlyphReport) -> bool:
        self.output_path = path
        self.glyph_summary = report.summary()
        lines = [self.tr("已生成：{path}").format(path=path)]
        if self.glyph_summary:
            lines.append(self.glyph_summary)
        self.result_label.setText("\n".join(lines))
        self.result_label.setProperty("role", "warning" if self.glyph_summary else "")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.show()
        self.open_button.show()
        self.folder_button.show()
        self.sig_written.emit(str(path))
        return True

    def open_output(self) -> None:
        """Open the written PDF with the system's viewer."""
        if self.output_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output_path)))

    def open_folder(self) -> None:
        """Open the folder holding the written PDF."""
        if self.output_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output_path.parent)))

    def _show_failure(self, message: str) -> None:
        self.output_path = None
        self.result_label.setText(self.tr("未能生成：{message}").format(message=message))
        self.result_label.setProperty("role", "error")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.show()
        self.open_button.hide()
        self.folder_button.hide()


class MonthlyReportDialog(PdfDialog):
    """报表 → 生成月度工作报告…: month and point (or all points), then ``write_monthly``."""

    def __init__(self, core: Core, parent: QWidget | None = None, *, tasks: TaskRunner | None = None):
        super().__init__(self.tr("生成月度工作报告"), parent, tasks=tasks)
        self._core = core
        self.month_combo = MonthCombo(clock.period_of(core.now()), allow_all=False, parent=self)
        self.month_combo.setObjectName("report_month")
        self.point_combo = QComboBox(self)
        self.point_combo.setObjectName("report_point")
        self.point_combo.addItem(self.tr("全部联系点"), None)
        for point in core.points.all():
            self.point_combo.addItem(self.tr("{name}（{code}）").format(name=point.name, code=point.code), point.code)
        self.options.addRow(self.tr("统计月份"), self.month_combo)
        self.options.addRow(self.tr("联系点"), self.point_combo)
        self.month_combo.sig_period_changed.connect(lambda _p: self.propose_path())
        self.point_combo.currentIndexChanged.connect(lambda _i: self.propose_path())
        self.propose_path()
        self._options_done()

    def suggested_name(self) -> str:
        """``月度工作报告_ZN-NA_2026-11.pdf`` (``全部`` for all points)."""
        code = self.point_combo.currentData() or self.tr("全部")
        return safe_file_name(self.tr("月度工作报告_{code}_{month}.pdf").format(code=code, month=self.month_combo.period()))

    def _write(self, path: Path) -> GlyphReport:
        work = self._work()
        return work(self._core, path)

    def _work(self) -> PdfWork:
        period = self.month_combo.period()
        assert period is not None
        point_code = self.point_combo.currentData()
        return lambda core, path: write_monthly(core, period, path, point_code)


class RegistrationPrintDialog(PdfDialog):
    """打印登记表: the 来访接待登记表 of one consultation, masked (default) or in full."""

    def __init__(self, core: Core, consultation_id: str, parent: QWidget | None = None):
        super().__init__(self.tr("打印来访接待登记表"), parent)
        self._core = core
        self._record = core.consultations.get(consultation_id)
        self.masked_button = QRadioButton(self.tr("隐去姓名、电话和身份证号（对外提供、转交他人）"), self)
        self.masked_button.setObjectName("masked")
        self.full_button = QRadioButton(self.tr("完整信息（留档）"), self)
        self.full_button.setObjectName("full")
        self._group = QButtonGroup(self)
        self._group.addButton(self.masked_button)
        self._group.addButton(self.full_button)
        self.masked_button.setChecked(True)  # minimum necessary unless the user asks (GUIDE §3)
        choice = QWidget(self)
        choice_layout = QVBoxLayout(choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.masked_button)
        choice_layout.addWidget(self.full_button)
        note = QLabel(self.tr("打印的是已保存的内容。"), self)
        note.setProperty("role", "muted")
        self.options.addRow(self.tr("个人信息"), choice)
        self.options.addRow("", note)
        self._group.buttonToggled.connect(lambda *_a: self.propose_path())
        self.propose_path()
        self._options_done()

    @property
    def masked(self) -> bool:
        """True when names, phones and the ID number are masked."""
        return self.masked_button.isChecked()

    def suggested_name(self) -> str:
        """``来访接待登记表_20261128_0930.pdf`` (no personal data in the name)."""
        moment = clock.from_iso(clock.to_iso(self._record.received_at))
        suffix = self.tr("_隐去个人信息") if self.masked else ""
        return safe_file_name(self.tr("来访接待登记表_{time}{suffix}.pdf").format(time=f"{moment:%Y%m%d_%H%M}",
                                                                                 suffix=suffix))

    def _write(self, path: Path) -> GlyphReport:
        return write_registration(self._core, self._record.id, path, masked=self.masked)


class CertificateDialog(PdfDialog):
    """打印服务时长证明: one volunteer and a date range (default: this year up to today)."""

    def __init__(self, core: Core, person_id: str | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("打印志愿服务时长证明"), parent)
        self._core = core
        today = core.now().date()
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("certificate_person")
        self._person_names: dict[str, str] = {}
        for person in core.people.all(role=Role.VOLUNTEER):
            text = person.name if person.active else self.tr("{name}（已停用）").format(name=person.name)
            self.person_combo.addItem(text, person.id)
            self._person_names[person.id] = person.name
        index = self.person_combo.findData(person_id) if person_id else -1
        self.person_combo.setCurrentIndex(max(index, 0))
        self.start_edit: QDateEdit = date_edit(self)
        self.start_edit.setObjectName("certificate_start")
        self.start_edit.setDate(QDate(today.year, 1, 1))
        self.end_edit: QDateEdit = date_edit(self)
        self.end_edit.setObjectName("certificate_end")
        self.end_edit.setDate(QDate(today.year, today.month, today.day))
        dates = QWidget(self)
        dates_layout = QHBoxLayout(dates)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.start_edit)
        dates_layout.addWidget(QLabel(self.tr("至"), dates))
        dates_layout.addWidget(self.end_edit)
        dates_layout.addStretch(1)
        self.dates_row = FieldRow(dates, "dates", self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("certificate_summary")
        self.summary_label.setProperty("role", "muted")
        self.options.addRow(self.tr("志愿者"), self.person_combo)
        self.options.addRow(self.tr("服务期间"), self.dates_row)
        self.options.addRow("", self.summary_label)
        for signal in (self.person_combo.currentIndexChanged, self.start_edit.dateChanged, self.end_edit.dateChanged):
            signal.connect(self._on_options_changed)
        self._on_options_changed()
        self.generate_button.setEnabled(self.person_combo.count() > 0)
        self._options_done()

    def period(self) -> tuple[date, date]:
        """The chosen date range (inclusive)."""
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def suggested_name(self) -> str:
        """``志愿服务时长证明_张德昇_20260101-20261129.pdf``."""
        start, end = self.period()
        name = self._person_names.get(self.person_combo.currentData(), "")
        return safe_file_name(self.tr("志愿服务时长证明_{name}_{start}-{end}.pdf").format(
            name=name, start=f"{start:%Y%m%d}", end=f"{end:%Y%m%d}"))

    def _on_options_changed(self, *_args: object) -> None:
        start, end = self.period()
        person_id = self.person_combo.currentData()
        if end < start:
            self.dates_row.set_error(self.tr("结束日期不能早于开始日期"))
            self.summary_label.setText("")
        else:
            self.dates_row.set_error(None)
            if person_id:
                totals = self._core.visits.person_totals(person_id, start, end)
                self.summary_label.setText(self.tr("这段时间服务 {n} 次，共 {hours} 小时").format(
                    n=totals.visits, hours=f"{totals.hours:.1f}"))
        self.propose_path()

    def _write(self, path: Path) -> GlyphReport:
        person_id = self.person_combo.currentData()
        if not person_id:
            raise UserError(self.tr("还没有志愿者"))
        start, end = self.period()
        return write_service_certificate(self._core, person_id, start, end, path)
