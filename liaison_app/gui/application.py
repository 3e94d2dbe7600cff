"""Start the GUI: QApplication set-up (font, translations, style), main window, database.

``app.py`` calls :func:`run_gui`; everything Qt-specific about starting lives here. Window
first, data next (docs/performance.md, start-up): the main window is shown before the core is
even imported; then the database is opened, checked and signed into, with every dialog over
the window, and the start page is built. This module imports neither the core nor the pages.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from liaison_app import __version__, paths
from liaison_app.gui.appearance import apply_preferences
from liaison_app.gui.main_window import (
    PAGE_CONSULTATIONS,
    PAGE_COURT,
    PAGE_EXPORT,
    PAGE_PEOPLE,
    PAGE_ROSTER,
    PAGE_SESSIONS,
    PAGE_START,
    PAGE_VISITS,
    MainWindow,
)
from liaison_app.gui.preferences import Preferences, load_preferences
from liaison_app.gui.signals import AppSignals

if TYPE_CHECKING:
    from liaison_app.core import Core
    from liaison_app.gui.tasks import TaskRunner
    from liaison_app.storage.lock import DatabaseLock

SCREEN_SIZE = (1366, 768)
_CONFIGURED = "liaison_configured"
_FUSION = "liaison_fusion"


def ensure_application() -> QApplication:
    """The running QApplication, created if there is none (one per process) — then with the
    Fusion style given as ``-style`` (``setStyle`` would make PySide build its ``QStyle`` type
    with its hundreds of enum values, ~7 ms, before the window is shown)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "liaison_app", "-style", "Fusion"])
        app.setProperty(_FUSION, True)
    assert isinstance(app, QApplication)
    return app


def configure_application(app: QApplication, preferences: Preferences | None = None) -> None:
    """Style, CJK font, language and 大字模式 of the stored preferences (or ``preferences``),
    stylesheet; done once per QApplication (gui/appearance.py changes them later)."""
    if app.property(_CONFIGURED):
        return
    app.setApplicationName("liaison_app")
    app.setApplicationVersion(__version__)
    if not app.property(_FUSION):
        app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    family = load_cjk_font()
    apply_preferences(app, preferences or load_preferences(), family)
    app.setApplicationDisplayName(QCoreApplication.translate("application", "联系点工作台"))
    app.setProperty(_CONFIGURED, True)


def app_icon() -> QIcon:
    """The app icon (resources/icons/app.png; the Windows build uses app.ico), read when drawn."""
    return QIcon(str(paths.resource("icons", "app.png")))


def load_cjk_font() -> str | None:
    """Register the shipped CJK font (GUIDE §5: offscreen Qt has none); its family or None."""
    font_id = QFontDatabase.addApplicationFont(str(paths.cjk_font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def run_gui(db_path: Path, *, smoke: bool = False, screenshot_dir: Path | None = None,
            started_at: float | None = None) -> int:
    """Run the desktop app on the database at ``db_path``; returns the exit code.

    The main window is shown first (menus, page titles, 正在打开数据库…); once it is on screen
    the core is imported and the database opened (see :class:`_Session`), then the start page
    is built.

    Args:
        db_path: the SQLite file (created and migrated if needed).
        smoke: print ``ready <ms since started_at>`` once the main window is exposed, then
            ``loaded <ms>`` once the data is loaded and the start page built; return 0 without
            entering the event loop.
        screenshot_dir: render the main pages and dialogs to ``DIR/<page>.png``, print each
            path, return 0.
        started_at: ``time.perf_counter()`` at process start (defaults to now).

    Returns:
        0 on success, 2 when the database cannot be opened, else the event loop's code.
        Never calls ``sys.exit`` and reuses an existing QApplication.
    """
    started_at = time.perf_counter() if started_at is None else started_at
    headless = smoke or screenshot_dir is not None
    app = ensure_application()
    configure_application(app)
    signals = AppSignals()
    window = MainWindow(None, signals, db_path=Path(db_path))
    session = _Session(window, signals, Path(db_path), headless=headless)
    try:
        window.show()
        # --smoke's figure needs the exposure; a real start does not wait long for it (a window
        # started minimised may never be exposed before the data is there).
        _wait_until(lambda: _exposed(window), timeout_ms=5000 if smoke else 500)
        if smoke:
            print(f"ready {_elapsed_ms(started_at)}", flush=True)
        _settle()   # Qt paints a window when it is exposed: the judge sees it; data next
        if not session.load():
            return session.exit_code
        _settle()   # the start page laid out and painted
        if smoke:
            print(f"loaded {_elapsed_ms(started_at)}", flush=True)
            return 0
        if screenshot_dir is not None:
            assert session.core is not None
            try:
                return take_screenshots(window, session.core, signals, Path(screenshot_dir))
            except OSError as exc:   # a read-only folder, a full disk: say so, no traceback
                sys.stderr.write(f"无法保存截图：{exc}\n")  # i18n-exempt: console (as the CLI)
                return 1
        return _event_loop(app)
    finally:
        session.stop_jobs()   # running jobs are cancelled and finish before the core closes
        window.close()
        shiboken6.delete(window)  # now, so no timer of it outlives the database
        shiboken6.delete(signals)
        session.close()


class _Session:
    """What ``run_gui`` opens after the window is shown, and closes at the end: the core, the
    database lock, the task runner.

    :meth:`load` (the window on screen): import the core, lock/open/check the database with
    the way-out dialog over the window, start the automatic backup in a worker (with a
    screen), ask for the point on first start, sign in, then attach the core to the window.
    """

    def __init__(self, window: MainWindow, signals: AppSignals, db_path: Path, *, headless: bool):
        self.window, self.signals, self.db_path, self.headless = window, signals, db_path, headless
        self.core: Core | None = None
        self.lock: DatabaseLock | None = None
        self.tasks: TaskRunner | None = None
        self.exit_code = 0

    def load(self) -> bool:
        """True when the window has its data; else :attr:`exit_code` says why not (2: the
        database cannot be opened, 0: 退出 at the login)."""
        # After the window: PySide builds the Qt namespace in ~20 ms, startup imports the core.
        from PySide6.QtCore import Qt

        from liaison_app.gui import startup
        from liaison_app.gui.tasks import TaskRunner

        window, headless = self.window, self.headless
        window.setCursor(Qt.CursorShape.BusyCursor)
        try:
            opened = startup.open_for_gui(self.db_path, headless=headless, parent=window)
            if opened is None:
                self.exit_code = 2
                return False
            self.core, self.lock, self.db_path = opened
            self.tasks = TaskRunner(QApplication.instance())
            if not headless:   # a worker: the window is usable meanwhile
                startup.start_auto_backup(self.tasks, self.db_path,
                                          on_failed=lambda err: _backup_failed(window, err))
            window.unsetCursor()
            first_start = not headless and self.core.points.is_empty()
            if first_start:
                # First start: ask for the point before the data; cancelling leaves the hint.
                from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog

                setup = PointSetupDialog(self.core, self.signals, window)
                setup.exec()
                shiboken6.delete(setup)
            if not headless and not startup.sign_in(self.core, offer_admin_setup=first_start, parent=window):
                return False   # 退出程序 at the login
            window.attach_core(self.core, tasks=self.tasks)
            if not headless:
                startup.install_account_features(window, self.core)   # 账户 menu, idle lock when logged in
            return True
        finally:
            window.unsetCursor()

    def stop_jobs(self) -> None:
        """Cancel the running jobs and wait for them (the automatic backup finishes)."""
        if self.tasks is not None:
            self.tasks.shutdown()

    def close(self) -> None:
        """Close the core and release the lock (after :meth:`stop_jobs` and the window)."""
        if self.core is not None:
            self.core.close()
        if self.lock is not None:
            self.lock.release()


def _backup_failed(window: QWidget, err: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    from liaison_app.errors import UserError

    if not shiboken6.isValid(window):   # reported after the window closed: nobody to tell
        return
    if not isinstance(err, UserError):
        sys.excepthook(type(err), err, err.__traceback__)   # a bug must not vanish
        return
    # A full disk must not keep the judge from working: say so, go on.
    QMessageBox.warning(window, QCoreApplication.translate("application", "自动备份失败"), str(err))


def _event_loop(app: QApplication) -> int:
    """The application's event loop until the window closes (tests replace this)."""
    return app.exec()


def _exposed(window: QWidget) -> bool:
    handle = window.windowHandle()
    return handle is not None and handle.isExposed()


def _elapsed_ms(started_at: float) -> int:
    return int(round((time.perf_counter() - started_at) * 1000))


def take_screenshots(window: MainWindow, core: Core, signals: AppSignals, folder: Path) -> int:
    """Render each page and dialog at laptop size to ``folder/<name>.png``; print the paths.

    The record forms show the newest record of their kind when there is one (an empty form
    shows little), else a new one.
    """
    # The forms are imported here, not at start-up (docs/performance.md: start-up time).
    from liaison_app.domain.education import SessionFilter
    from liaison_app.domain.people import PersonFilter, Role
    from liaison_app.domain.visits import VisitFilter
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm
    from liaison_app.gui.dialogs.person_form import PersonForm
    from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog
    from liaison_app.gui.dialogs.session_form import EducationSessionForm
    from liaison_app.gui.dialogs.visit_form import VisitForm

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"无法写入截图文件夹 {folder}：{exc.strerror or exc}\n")  # i18n-exempt: console
        return 1
    window.resize(*SCREEN_SIZE)
    window.show()
    pages = ((PAGE_START, "start"), (PAGE_CONSULTATIONS, "consultations"), (PAGE_SESSIONS, "sessions"),
             (PAGE_VISITS, "visits"), (PAGE_ROSTER, "roster"), (PAGE_EXPORT, "export"),
             (PAGE_COURT, "court"), (PAGE_PEOPLE, "people"))
    for key, name in pages:
        window.show_page(key)
        _settle()
        _save(window, folder / f"{name}.png")
    sessions = core.sessions.page(SessionFilter(), limit=1)
    visits = core.visits.page(VisitFilter(), limit=1)
    volunteers = core.people.page(PersonFilter(role=Role.VOLUNTEER, include_inactive=False), sort="name", limit=1)
    form = ConsultationForm(core, signals, parent=window)
    setup = PointSetupDialog(core, signals, window)
    shots: list[tuple[str, QWidget]] = [
        ("consultation_form", form), ("point_setup", setup),
        ("session_form", EducationSessionForm(core, signals, sessions[0].id if sessions else None, parent=window)),
        ("visit_form", VisitForm(core, signals, visits[0].id if visits else None, parent=window)),
        ("person_form", PersonForm(core, signals, volunteers[0].id if volunteers else None, parent=window)),
    ]
    for name, widget in shots:
        if name != "point_setup":
            widget.resize(min(max(widget.width(), 900), SCREEN_SIZE[0]), min(740, SCREEN_SIZE[1]))
        widget.show()
        _settle()
        _save(widget, folder / f"{name}.png")
        widget.hide()
        shiboken6.delete(widget)
    return 0


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path, flush=True)


def _settle() -> None:
    """Let pending show/layout/paint events run once (no processEvents polling loop)."""
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def _wait_until(predicate, timeout_ms: int) -> bool:  # type: ignore[no-untyped-def]
    """Run the event loop until ``predicate()`` holds or ``timeout_ms`` passed."""
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: (predicate() or deadline.hasExpired()) and loop.quit())
    _settle()
    if not predicate():
        timer.start()
        loop.exec()
        timer.stop()
    return bool(predicate())
