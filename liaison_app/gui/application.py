"""Start the GUI: QApplication set-up (font, translations, style), database, main window.

``app.py`` calls :func:`run_gui`; everything Qt-specific about starting lives here.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from liaison_app import __version__, paths
from liaison_app.core import Core
from liaison_app.core.maintenance import auto_backup
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.people import PersonFilter, Role
from liaison_app.domain.visits import VisitFilter
from liaison_app.errors import UserError
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
from liaison_app.gui.startup import install_account_features, open_for_gui, sign_in
from liaison_app.gui.tasks import TaskRunner

SCREEN_SIZE = (1366, 768)
_CONFIGURED = "liaison_configured"


def ensure_application() -> QApplication:
    """The running QApplication, created if there is none (one per process)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "liaison_app"])
    assert isinstance(app, QApplication)
    return app


def configure_application(app: QApplication, preferences: Preferences | None = None) -> None:
    """Style, CJK font, language and 大字模式 of the stored preferences (or ``preferences``),
    stylesheet; done once per QApplication (gui/appearance.py changes them later)."""
    if app.property(_CONFIGURED):
        return
    app.setApplicationName("liaison_app")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    family = load_cjk_font()
    apply_preferences(app, preferences or load_preferences(), family)
    app.setApplicationDisplayName(QCoreApplication.translate("application", "联系点工作台"))
    app.setProperty(_CONFIGURED, True)


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

    Args:
        db_path: the SQLite file (created and migrated if needed).
        smoke: show the main window, print ``ready <ms since started_at>`` once it is
            exposed, return 0 without entering the event loop.
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
    # Damaged, foreign, too new, read-only, full, in use: a message and a way out (gui/startup.py).
    opened = open_for_gui(Path(db_path), headless=headless)
    if opened is None:
        return 2
    core, lock, db_path = opened
    signals = AppSignals()
    window: MainWindow | None = None
    tasks: TaskRunner | None = None
    try:
        if not headless:
            try:
                auto_backup(core.db.conn, Path(db_path))
            except UserError as err:  # a full disk must not keep the judge from working
                QMessageBox.warning(None, QCoreApplication.translate("application", "自动备份失败"), str(err))
        first_start = not headless and core.points.is_empty()
        if first_start:
            # First start: ask for the point before the window; cancelling leaves the hint.
            from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog  # first start only

            setup = PointSetupDialog(core, signals)
            setup.exec()
            shiboken6.delete(setup)
        if not headless and not sign_in(core, offer_admin_setup=first_start):
            return 0   # 退出程序 at the login
        tasks = TaskRunner(app)
        window = MainWindow(core, signals, tasks=tasks)
        if screenshot_dir is not None:
            return take_screenshots(window, core, signals, Path(screenshot_dir))
        if not headless:
            install_account_features(window, core)   # 账户 menu, idle lock when logged in
        window.show()
        if smoke:
            _wait_until(lambda: window is not None and window.windowHandle() is not None
                        and window.windowHandle().isExposed(), timeout_ms=5000)
            print(f"ready {int(round((time.perf_counter() - started_at) * 1000))}", flush=True)
            return 0
        return app.exec()
    finally:
        if tasks is not None:
            tasks.shutdown()   # running jobs are cancelled and finish before the core closes
        if window is not None:
            window.close()
            shiboken6.delete(window)  # now, so no timer of it outlives the database
        shiboken6.delete(signals)
        core.close()
        if lock is not None:
            lock.release()


def take_screenshots(window: MainWindow, core: Core, signals: AppSignals, folder: Path) -> int:
    """Render each page and dialog at laptop size to ``folder/<name>.png``; print the paths.

    The record forms show the newest record of their kind when there is one (an empty form
    shows little), else a new one.
    """
    # The forms are imported here, not at start-up (docs/performance.md: start-up time).
    from liaison_app.gui.dialogs.consultation_form import ConsultationForm
    from liaison_app.gui.dialogs.person_form import PersonForm
    from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog
    from liaison_app.gui.dialogs.session_form import EducationSessionForm
    from liaison_app.gui.dialogs.visit_form import VisitForm

    folder.mkdir(parents=True, exist_ok=True)
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
