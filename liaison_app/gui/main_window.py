"""The main window: a shell that composes the pages, the menus and the status bar.

Shown before the database is open (window first, data next: docs/performance.md), so this
module imports neither the core nor any page; :meth:`MainWindow.attach_core` brings the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from liaison_app.gui import menus
from liaison_app.gui import page_factories as new
from liaison_app.gui.page_stack import LazyPage, PageFactory, PageStack
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.widgets.navigation_list import NavigationList

if TYPE_CHECKING:  # the core, the pages and the dialogs are imported when first used (start-up time)
    from PySide6.QtGui import QCloseEvent

    from liaison_app.core import Core
    from liaison_app.domain.education import SessionFilter
    from liaison_app.domain.records import ConsultationFilter
    from liaison_app.domain.visits import VisitFilter
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm
    from liaison_app.gui.dialogs.pdf_dialogs import MonthlyReportDialog
    from liaison_app.gui.pages.session_list_page import SessionListPage
    from liaison_app.gui.pages.visit_list_page import VisitListPage
    from liaison_app.gui.tasks import TaskRunner

PAGE_START = "start"
PAGE_CONSULTATIONS = "consultations"
PAGE_SESSIONS = "sessions"
PAGE_VISITS = "visits"
PAGE_PEOPLE = "people"
PAGE_ROSTER = "roster"
PAGE_EXPORT = "export"
PAGE_COURT = "court"

# Qt.ItemDataRole.UserRole, Qt.AlignmentFlag.AlignCenter: PySide builds ``Qt`` in ~20 ms, after the window.
_USER_ROLE, _ALIGN_CENTER = 0x0100, 0x0084


class MainWindow(QMainWindow):
    """Navigation list on the left, pages in a stack on the right.

    Pages are registered with :meth:`add_page` under a key (``before=`` inserts). Every page is
    built the first time it is shown or asked for (``window.roster_page``): see
    gui/page_stack.py; the start page when the core is attached.

    Args:
        core: the open core (the window does not close it), or None to show the window before
            the database is open: then the pages wait, the menus that need the data are
            disabled, and :meth:`attach_core` brings the data.
        signals: the app's broadcast signals.
        tasks: the app's task runner for long work (one is created when not given).
        db_path: the database shown in the status bar while ``core`` is None.
    """

    start_page = LazyPage(PAGE_START)

    def __init__(self, core: Core | None, signals: AppSignals, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None, db_path: Path | None = None):
        super().__init__(parent)
        self._core: Core | None = None
        self._db_path = db_path
        self._signals = signals
        self.tasks = tasks
        self._page_keys: list[str] = []
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("联系点工作台"))

        self.navigation = NavigationList(self)   # as wide as its longest title
        self.navigation.setObjectName("navigation")
        self.stack = PageStack(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.loading_label = QLabel(self.tr("正在打开数据库…"), self)
        self.loading_label.setObjectName("loading_notice")
        self.loading_label.setProperty("alignment", _ALIGN_CENTER)
        self.add_page(PAGE_START, self.tr("首页"), self._build_start_page, placeholder=self.loading_label)
        for key, title, factory in ((PAGE_CONSULTATIONS, self.tr("法律咨询"), new.consultation_page),
                                    (PAGE_SESSIONS, self.tr("普法宣讲"), new.session_page),
                                    (PAGE_VISITS, self.tr("志愿服务"), new.visit_page),
                                    (PAGE_ROSTER, self.tr("值班"), new.roster_page),
                                    (PAGE_EXPORT, self.tr("报送"), new.export_page),
                                    (PAGE_PEOPLE, self.tr("人员"), new.person_page),
                                    (PAGE_COURT, self.tr("法院汇总"), new.court_page)):
            self.add_page(key, title, lambda factory=factory: factory(*self._page_args()))
        self.navigation.setCurrentRow(0)
        self.navigation.setEnabled(False)   # until the data is there

        self._build_menus()
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._show_db_path()
        signals.sig_status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.resize(1366, 768)
        if core is not None:
            self.attach_core(core)

    def attach_core(self, core: Core, *, tasks: TaskRunner | None = None) -> None:
        """Bring the data: build and show the start page, enable the navigation and the menus
        that need the database. Called once, when the core is open (and the user signed in)."""
        if self._core is not None:
            raise RuntimeError("the main window already has its core")
        self._core = core
        if tasks is not None or self.tasks is None:
            from liaison_app.gui.tasks import TaskRunner

            self.tasks = tasks if tasks is not None else TaskRunner(self)
        self._show_db_path()
        self.navigation.currentRowChanged.connect(self.stack.show_index)
        self.stack.show_index(self.navigation.currentRow())   # builds the start page
        self.navigation.setEnabled(True)
        self.navigation.decorate(self._page_keys, self)   # page icons, Ctrl+1…8 (after the first paint)
        menus.enable_core_actions(self, True)

    def _page_args(self) -> tuple:  # type: ignore[type-arg]
        return self._core, self._signals, self.undo_stack, self.tasks, self

    def _build_start_page(self) -> QWidget:
        from liaison_app.gui.pages.start_page import StartPage

        page = StartPage(self._core, self._signals, self)
        page.sig_filter_requested.connect(self.show_consultations)
        page.sig_sessions_requested.connect(self.show_sessions)
        page.sig_visits_requested.connect(self.show_visits)
        page.sig_open_requested.connect(lambda record_id: self.consultation_page.open_form(record_id))
        page.sig_new_requested.connect(self.new_consultation)
        page.sig_setup_point_requested.connect(self.setup_point)
        page.duty_today.sig_roster_requested.connect(self._show_roster)
        return page

    def _database(self) -> Path | None:
        return self._core.path if self._core is not None else self._db_path

    def _show_db_path(self) -> None:
        db_text = str(self._database()) if self._database() else self.tr("（内存数据库）")
        self.db_label.setText(self.tr("数据库：{path}").format(path=db_text))

    def _show_roster(self, point_id: str, period: str) -> None:
        self.roster_page.show_month(point_id, period)
        self.show_page(PAGE_ROSTER)

    # -- composition -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, page: QWidget | PageFactory, *, before: str | None = None,
                 placeholder: QWidget | None = None) -> None:
        """Add a navigation entry ``title`` showing ``page`` (at the end, or before ``before``);
        ``page`` may be a factory, called when the page is first shown or asked for
        (``placeholder`` stands in until then)."""
        position = self._page_keys.index(before) if before in self._page_keys else len(self._page_keys)
        item = QListWidgetItem(title)
        item.setData(_USER_ROLE, key)
        self.navigation.insertItem(position, item)
        self.stack.insert_page(position, key, page, placeholder=placeholder)
        self._page_keys.insert(position, key)

    def show_page(self, key: str) -> None:
        """Switch to the page registered under ``key``."""
        self.navigation.setCurrentRow(self._page_keys.index(key))

    consultation_page = LazyPage(PAGE_CONSULTATIONS)
    session_page = LazyPage(PAGE_SESSIONS)
    visit_page = LazyPage(PAGE_VISITS)
    person_page = LazyPage(PAGE_PEOPLE)
    roster_page = LazyPage(PAGE_ROSTER)
    export_page = LazyPage(PAGE_EXPORT)
    court_page = LazyPage(PAGE_COURT)

    def current_page_key(self) -> str:
        """Key of the page shown."""
        return self._page_keys[self.stack.currentIndex()]

    def _build_menus(self) -> None:
        menus.build_menus(self)

    # -- actions -----------------------------------------------------------------------------
    def show_consultations(self, flt: ConsultationFilter | None = None) -> None:
        """Switch to the consultation list, optionally with a filter."""
        if flt is not None:
            self.consultation_page.apply_filter(flt)
        self.show_page(PAGE_CONSULTATIONS)

    def show_sessions(self, flt: SessionFilter | None = None) -> None:
        """Switch to the session list, optionally with a filter."""
        if flt is not None:
            self.session_page.apply_filter(flt)
        self.show_page(PAGE_SESSIONS)

    def show_visits(self, flt: VisitFilter | None = None) -> None:
        """Switch to the visit list, optionally with a filter."""
        if flt is not None:
            self.visit_page.apply_filter(flt)
        self.show_page(PAGE_VISITS)

    def _open_ledger_import(self) -> None:
        from liaison_app.gui.dialogs.ledger_import_wizard import open_ledger_import

        open_ledger_import(self, self._core, self._signals, self.tasks)

    def monthly_report(self) -> MonthlyReportDialog:
        """报表 → 生成月度工作报告…: pick month and point, write the PDF (window-modal)."""
        from liaison_app.gui.dialogs.pdf_dialogs import MonthlyReportDialog

        dialog = MonthlyReportDialog(self._core, self, tasks=self.tasks)  # written in a worker
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _print_registration(self) -> None:
        self.show_page(PAGE_CONSULTATIONS)
        self.consultation_page.print_selected()

    def _open_new(self, key: str, page: SessionListPage | VisitListPage) -> None:
        self.show_page(key)
        if page.new_button.isEnabled():
            page.open_form(None)
        else:
            self.statusBar().showMessage(page.new_button.toolTip(), 5000)

    def new_consultation(self) -> ConsultationForm | None:
        """Open an empty form (asking for a liaison point first if there is none)."""
        if self._core.points.is_empty() and not self.setup_point():
            return None
        return self.consultation_page.open_form(None)

    def search(self) -> None:
        """Go to the list and put the cursor in the search box."""
        self.show_page(PAGE_CONSULTATIONS)
        self.consultation_page.focus_search()

    def setup_point(self) -> bool:
        """Run the 新建联系点 dialog; True when a point was stored."""
        from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog

        dialog = PointSetupDialog(self._core, self._signals, self)
        accepted = dialog.exec() == PointSetupDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def about(self) -> QDialog:
        """帮助 → 关于: version, data and settings locations (window-modal)."""
        return menus.open_about(self, self._database())

    def about_text(self) -> str:
        """Text of the 关于 box."""
        return menus.about_text(self, self._database())

    def open_user_guide(self) -> QDialog:
        """帮助 → 使用说明 (F1): the Chinese user guide in a window of its own."""
        return menus.open_user_guide(self)

    def open_settings(self) -> QDialog:
        """文件 → 设置… (Ctrl+,): language and 大字模式."""
        return menus.open_settings(self)

    def change_text_size(self, step: int) -> float:
        """One 大字模式 step larger (+1), smaller (−1) or back to 1.0 (0), stored at once;
        returns the new scale."""
        return menus.change_text_size(self, step)

    def _undo(self) -> None:
        self.undo_stack.undo()
        if self.stack.built(PAGE_CONSULTATIONS) is not None:
            self.consultation_page.undo_bar.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Open forms close first (each may ask about unsaved changes)."""
        pages = [self.stack.built(key) for key in (PAGE_CONSULTATIONS, PAGE_SESSIONS, PAGE_VISITS, PAGE_PEOPLE)]
        for form in [form for page in pages if page is not None for form in page.open_forms()]:  # type: ignore[attr-defined]
            form.close()
            if form.isVisible():
                event.ignore()
                return
        super().closeEvent(event)
