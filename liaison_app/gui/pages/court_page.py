"""法院汇总 (court mode): merge the points' monthly workbooks, see which arrived, write the
region-wide summary. Works on the court database only, never on the point database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from liaison_app import paths
from liaison_app.core.court import MergeReport
from liaison_app.domain import clock
from liaison_app.gui.dialogs.export_dialogs import set_role
from liaison_app.gui.formatting import breakable_path
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import TaskRunner
from liaison_app.gui.widgets.court_completeness_panel import CourtCompletenessPanel
from liaison_app.gui.widgets.court_merge_panel import CourtMergePanel
from liaison_app.gui.widgets.drop_file_list import DropFileList
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together

COURT_DB_NAME = "court.db"
TAB_MERGE, TAB_COMPLETENESS = range(2)


def default_court_db_path() -> Path:
    """``<user data folder>/court.db``."""
    return paths.user_data_dir() / COURT_DB_NAME


class CourtPage(QWidget):
    """法院汇总: the court database in use (更换…), tab 汇总报送文件 (:class:`CourtMergePanel`)
    and tab 报送情况 (:class:`CourtCompletenessPanel`). Files dropped anywhere on the page go to
    the merge inputs. A real merge refreshes the grid.

    Args:
        court_db_path: the court database (None: ``paths.user_data_dir()/court.db``); created
            by the first real merge.
        signals: status messages; ``Changes(court_batch)`` after a merge.
        tasks: the app's :class:`TaskRunner` (merge in the writer pool, reads in the read pool).
        now: the court's clock (tests pin it).

    Signals:
        sig_court_db_changed(str): the user chose another court database (the app may
            remember it).
    """

    sig_court_db_changed = Signal(str)

    def __init__(self, court_db_path: Path | str | None, signals: AppSignals, tasks: TaskRunner,
                 parent: QWidget | None = None, *, now: Callable[[], datetime] = clock.now):
        super().__init__(parent)
        self.court_db_path = Path(court_db_path) if court_db_path else default_court_db_path()
        self._signals = signals
        title = QLabel(self.tr("法院汇总"), self)
        title.setProperty("role", "title")
        self.db_label = QLabel(self)
        self.db_label.setObjectName("court_db")
        self.db_label.setWordWrap(True)   # a long path wraps (the tooltip has it whole)
        set_role(self.db_label, "muted")
        self.db_button = QPushButton(self.tr("更换汇总数据库…"), self)
        self.db_button.setObjectName("choose_court_db")
        self.db_button.setToolTip(self.tr("选择另一个汇总数据库文件（已有的，或输入新文件名新建）。"
                                          "汇总数据库只在法院使用，不是联系点的数据库。"))
        # One row; when the page is narrow the path gets a row of its own and the button goes below.
        self.db_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = FlowLayout()
        top.addWidget(title)
        top.addWidget(self.db_label)   # takes the spare width of its line
        top.addWidget(keep_together(self, self.db_button, align_right=True))

        self.merge_panel = CourtMergePanel(self.court_db_path, signals, tasks, self, now=now)
        self.completeness_panel = CourtCompletenessPanel(self.court_db_path, signals, tasks, self, now=now)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.merge_panel, self.tr("汇总报送文件"))
        self.tabs.addTab(self.completeness_panel, self.tr("报送情况"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.setAcceptDrops(True)
        self.db_button.clicked.connect(self.choose_court_db)
        self.merge_panel.sig_merged.connect(self._on_merged)
        self._show_db_path()
        self.completeness_panel.refresh()

    # -- court database --------------------------------------------------------------------------
    def ask_court_db_path(self) -> str:
        """The system's dialog for an existing or new database file (tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("选择汇总数据库"), str(self.court_db_path), self.tr("汇总数据库 (*.db);;所有文件 (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return name

    def choose_court_db(self) -> None:
        """更换汇总数据库…"""
        chosen = self.ask_court_db_path()
        if chosen:
            self.set_court_db_path(Path(chosen))

    def set_court_db_path(self, path: Path) -> None:
        """Work on another court database from now on (a point's database is refused when used)."""
        self.court_db_path = Path(path)
        self.merge_panel.court_db_path = self.court_db_path
        self.completeness_panel.court_db_path = self.court_db_path
        self._show_db_path()
        self.completeness_panel.refresh()
        self.sig_court_db_changed.emit(str(self.court_db_path))

    def _show_db_path(self) -> None:
        state = "" if self.court_db_path.exists() else self.tr("（首次汇总时新建）")
        self.db_label.setText(self.tr("汇总数据库：{path}{state}").format(path=breakable_path(self.court_db_path),
                                                                       state=state))
        self.db_label.setToolTip(str(self.court_db_path))

    def _on_merged(self, report: MergeReport) -> None:
        self._show_db_path()
        if not report.dry_run:
            self.completeness_panel.refresh()

    # -- files dropped on the page -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if DropFileList.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = DropFileList.local_paths(event.mimeData())
        if not dropped:
            event.ignore()
            return
        event.acceptProposedAction()
        self.tabs.setCurrentIndex(TAB_MERGE)
        self.merge_panel.add_inputs(dropped)
