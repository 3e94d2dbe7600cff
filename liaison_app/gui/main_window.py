"""The main window: a shell that composes the pages, the menus and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.visits import VisitFilter
from liaison_app.gui import menus
from liaison_app.gui import page_factories as new
from liaison_app.gui.page_stack import LazyPage, PageFactory, PageStack
from liaison_app.gui.pages.start_page import StartPage
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import TaskRunner

if TYPE_CHECKING:  # the dialogs are imported when first used (start-up time)
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm
    from liaison_app.gui.dialogs.pdf_dialogs import MonthlyReportDialog
    from liaison_app.gui.pages.session_list_page import SessionListPage
    from liaison_app.gui.pages.visit_list_page import VisitListPage

PAGE_START = "start"
PAGE_CONSULTATIONS = "consultations"
PAGE_SESSIONS = "sessions"
PAGE_VISITS = "visits"
PAGE_PEOPLE = "people"
PAGE_ROSTER = "roster"
PAGE_EXPORT = "export"
PAGE_COURT = "court"


class MainWindow(QMainWindow):
    """Navigation list on the left, pages in a stack on the right.

    Pages are registered with :meth:`add_page` under a key (``before=`` inserts). Every page but
    the start page is built the first time it is shown or asked for (``window.roster_page``):
    see gui/page_stack.py.

    Args:
        core: the open core (the window does not close it).
        signals: the app's broadcast signals.
        tasks: the app's task runner for long work (one is created when not given).
    """

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self._page_keys: list[str] = []
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("联系点工作台"))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.stack = PageStack(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.start_page = StartPage(core, signals, self)
        self.add_page(PAGE_START, self.tr("首页"), self.start_page)
        args = (core, signals, self.undo_stack, self.tasks, self)
        self.add_page(PAGE_CONSULTATIONS, self.tr("法律咨询"), lambda: new.consultation_page(*args))
        self.add_page(PAGE_SESSIONS, self.tr("普法宣讲"), lambda: new.session_page(*args))
        self.add_page(PAGE_VISITS, self.tr("志愿服务"), lambda: new.visit_page(*args))
        self.add_page(PAGE_PEOPLE, self.tr("人员"), lambda: new.person_page(*args))
        self.add_page(PAGE_ROSTER, self.tr("值班"), lambda: new.roster_page(*args), before=PAGE_PEOPLE)
        self.add_page(PAGE_EXPORT, self.tr("报送"), lambda: new.export_page(*args), before=PAGE_PEOPLE)
        self.add_page(PAGE_COURT, self.tr("法院汇总"), lambda: new.court_page(*args))
        self.navigation.currentRowChanged.connect(self.stack.show_index)
        self.navigation.setCurrentRow(0)

        self._build_menus()
        db_text = str(core.path) if core.path else self.tr("（内存数据库）")
        self.db_label = QLabel(self.tr("数据库：{path}").format(path=db_text), self)
        self.statusBar().addPermanentWidget(self.db_label)
        signals.sig_status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))

        self.start_page.sig_filter_requested.connect(self.show_consultations)
        self.start_page.sig_sessions_requested.connect(self.show_sessions)
        self.start_page.sig_visits_requested.connect(self.show_visits)
        self.start_page.sig_open_requested.connect(lambda record_id: self.consultation_page.open_form(record_id))
        self.start_page.sig_new_requested.connect(self.new_consultation)
        self.start_page.sig_setup_point_requested.connect(self.setup_point)
        self.start_page.duty_today.sig_roster_requested.connect(self._show_roster)
        self.resize(1366, 768)

    def _show_roster(self, point_id: str, period: str) -> None:
        self.roster_page.show_month(point_id, period)
        self.show_page(PAGE_ROSTER)

    # -- composition -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, page: QWidget | PageFactory, *, before: str | None = None) -> None:
        """Add a navigation entry ``title`` showing ``page`` (at the end, or before ``before``);
        ``page`` may be a factory, called when the page is first shown or asked for."""
        position = self._page_keys.index(before) if before in self._page_keys else len(self._page_keys)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.insertItem(position, item)
        self.stack.insert_page(position, key, page)
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
        return menus.open_about(self, self._core.path)

    def about_text(self) -> str:
        """Text of the 关于 box."""
        return menus.about_text(self, self._core.path)

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
