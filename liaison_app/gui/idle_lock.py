"""Lock the app after a while without keyboard or mouse input (setting ``idle_lock_minutes``).

An event filter on the QApplication restarts a single-shot QTimer on every key, click, wheel or
mouse move in any window; when it fires, every visible window is hidden (so no personal data
stays on a screen left alone in a village office) and the 解锁 dialog asks for the password.
Unlocking shows the windows again with their contents (forms keep what was typed); another
person may log in instead. 退出程序 on the lock dialog quits the app.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from liaison_app.core import Core
from liaison_app.gui.dialogs.login_dialog import LoginDialog

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """Watches input and locks after ``timeout_ms`` without any (0 = never).

    Args:
        core: the open core (its actor must log back in).
        timeout_ms: idle time before locking; use ``minutes * 60_000``.
        dialog_factory: builds the unlock dialog (tests may pass their own).

    Signals:
        sig_locked(): the windows were hidden and the unlock dialog shown.
        sig_unlocked(): the password was accepted and the windows are back.
        sig_quit_requested(): 退出程序 was chosen on the lock dialog.
    """

    sig_locked = Signal()
    sig_unlocked = Signal()
    sig_quit_requested = Signal()

    def __init__(self, core: Core, timeout_ms: int, parent: QObject | None = None, *,
                 dialog_factory: Callable[[Core], QDialog] | None = None):
        super().__init__(parent)
        self._core = core
        self._dialog_factory = dialog_factory or (lambda c: LoginDialog(c, locked=True))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # remaining_ms() is exact, one timer only
        self._timer.timeout.connect(self.lock)
        self._hidden: list[QWidget] = []
        self.dialog: QDialog | None = None
        self.set_timeout(timeout_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time (0 stops locking)."""
        self._timer.setInterval(max(0, timeout_ms))
        if timeout_ms > 0 and not self.locked:
            self._timer.start()
        else:
            self._timer.stop()

    def remaining_ms(self) -> int:
        """Milliseconds until the lock (-1 when not counting)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the countdown; nothing is swallowed."""
        if event.type() in _INPUT_EVENTS and not self.locked and self._timer.interval() > 0:
            self._timer.start()
        return False

    def lock(self) -> None:
        """Hide every visible window and ask for the password (no-op when already locked)."""
        if self.locked:
            return
        self._timer.stop()
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        dialog = self._dialog_factory(self._core)
        dialog.setModal(True)
        dialog.finished.connect(self._on_finished)
        self.dialog = dialog
        dialog.open()
        self.sig_locked.emit()

    def _on_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            self.sig_quit_requested.emit()
            return
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        if self._timer.interval() > 0:
            self._timer.start()
        self.sig_unlocked.emit()

    def stop(self) -> None:
        """Stop watching (before the window closes)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
