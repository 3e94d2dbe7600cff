"""The main window: a shell that composes the pages, the menus and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from liaison_app import __version__
from liaison_app.core import Core
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.visits import VisitFilter
from liaison_app.gui.dialogs.consultation_form import ConsultationForm
from liaison_app.gui.dialogs.pdf_dialogs import MonthlyReportDialog
from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog
from liaison_app.gui.pages.consultation_list_page import ConsultationListPage
from liaison_app.gui.pages.person_list_page import PersonListPage
from liaison_app.gui.pages.session_list_page import SessionListPage
from liaison_app.gui.pages.start_page import StartPage
from liaison_app.gui.pages.visit_list_page import VisitListPage
from liaison_app.gui.signals import AppSignals

PAGE_START = "start"
PAGE_CONSULTATIONS = "consultations"
PAGE_SESSIONS = "sessions"
PAGE_VISITS = "visits"
PAGE_PEOPLE = "people"


class MainWindow(QMainWindow):
    """Navigation list on the left, pages in a stack on the right.

    Pages are registered with :meth:`add_page` under a key; 值班 and 报送 will be inserted
    before 人员 the same way (``before=PAGE_PEOPLE``).

    Args:
        core: the open core (the window does not close it).
        signals: the app's broadcast signals.
    """

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self._page_keys: list[str] = []
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("联系点工作台"))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.start_page = StartPage(core, signals, self)
        self.consultation_page = ConsultationListPage(core, signals, self.undo_stack, self)
        self.session_page = SessionListPage(core, signals, self.undo_stack, self)
        self.visit_page = VisitListPage(core, signals, self.undo_stack, self)
        self.person_page = PersonListPage(core, signals, self.undo_stack, self)
        self.add_page(PAGE_START, self.tr("首页"), self.start_page)
        self.add_page(PAGE_CONSULTATIONS, self.tr("法律咨询"), self.consultation_page)
        self.add_page(PAGE_SESSIONS, self.tr("普法宣讲"), self.session_page)
        self.add_page(PAGE_VISITS, self.tr("志愿服务"), self.visit_page)
        self.add_page(PAGE_PEOPLE, self.tr("人员"), self.person_page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        self._build_menus()
        db_text = str(core.path) if core.path else self.tr("（内存数据库）")
        self.db_label = QLabel(self.tr("数据库：{path}").format(path=db_text), self)
        self.statusBar().addPermanentWidget(self.db_label)
        signals.sig_status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))

        self.start_page.sig_filter_requested.connect(self.show_consultations)
        self.start_page.sig_sessions_requested.connect(self.show_sessions)
        self.start_page.sig_visits_requested.connect(self.show_visits)
        self.start_page.sig_open_requested.connect(self.consultation_page.open_form)
        self.start_page.sig_new_requested.connect(self.new_consultation)
        self.start_page.sig_setup_point_requested.connect(self.setup_point)
        self.resize(1366, 768)

    # -- composition -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, page: QWidget, *, before: str | None = None) -> None:
        """Add a navigation entry ``title`` showing ``page`` (at the end, or before ``before``)."""
        position = self._page_keys.index(before) if before in self._page_keys else len(self._page_keys)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.insertItem(position, item)
        self.stack.insertWidget(position, page)
        self._page_keys.insert(position, key)

    def show_page(self, key: str) -> None:
        """Switch to the page registered under ``key``."""
        self.navigation.setCurrentRow(self._page_keys.index(key))

    def current_page_key(self) -> str:
        """Key of the page shown."""
        return self._page_keys[self.stack.currentIndex()]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        records = self.menuBar().addMenu(self.tr("记录(&R)"))
        self.new_action = QAction(self.tr("新建咨询"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_consultation)
        new_session = QAction(self.tr("新建普法宣讲…"), self)
        new_session.triggered.connect(lambda: self._open_new(PAGE_SESSIONS, self.session_page))
        new_visit = QAction(self.tr("新建志愿服务记录…"), self)
        new_visit.triggered.connect(lambda: self._open_new(PAGE_VISITS, self.visit_page))
        self.search_action = QAction(self.tr("搜索"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.search)
        self.undo_action = QAction(self.tr("撤销删除"), self)
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self._undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(self.tr("撤销：{what}").format(what=text)))
        setup_action = QAction(self.tr("新建联系点…"), self)
        setup_action.triggered.connect(self.setup_point)
        for action in (self.new_action, new_session, new_visit, self.search_action, self.undo_action):
            records.addAction(action)
        records.addSeparator()
        records.addAction(setup_action)

        reports = self.menuBar().addMenu(self.tr("报表(&B)"))
        self.monthly_report_action = QAction(self.tr("生成月度工作报告…"), self)
        self.monthly_report_action.triggered.connect(self.monthly_report)
        registration_action = QAction(self.tr("打印来访接待登记表…"), self)
        registration_action.triggered.connect(self._print_registration)
        certificate_action = QAction(self.tr("打印志愿服务时长证明…"), self)
        certificate_action.triggered.connect(lambda: (self.show_page(PAGE_VISITS), self.visit_page.open_certificate()))
        for action in (self.monthly_report_action, registration_action, certificate_action):
            reports.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about_action = QAction(self.tr("关于"), self)
        about_action.triggered.connect(self.about)
        help_menu.addAction(about_action)

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

    def monthly_report(self) -> MonthlyReportDialog:
        """报表 → 生成月度工作报告…: pick month and point, write the PDF (window-modal)."""
        dialog = MonthlyReportDialog(self._core, self)
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
        dialog = PointSetupDialog(self._core, self._signals, self)
        accepted = dialog.exec() == PointSetupDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def about(self) -> None:
        """Version and database path."""
        QMessageBox.about(self, self.tr("关于联系点工作台"), self.about_text())

    def about_text(self) -> str:
        """Text of the 关于 box."""
        return self.tr("联系点工作台 {version}\n法官基层服务联系点的咨询登记、回访与报送。\n\n数据库：{path}").format(
            version=__version__, path=self._core.path or "")

    def _undo(self) -> None:
        self.undo_stack.undo()
        self.consultation_page.undo_bar.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Open forms close first (each may ask about unsaved changes)."""
        pages = (self.consultation_page, self.session_page, self.visit_page, self.person_page)
        for form in [form for page in pages for form in page.open_forms()]:
            form.close()
            if form.isVisible():
                event.ignore()
                return
        super().closeEvent(event)
