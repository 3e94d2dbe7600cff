"""Open a dialog at the size its contents ask for, never larger than its screen.

A fixed pixel size (``resize(620, 480)``) does not grow with 大字模式 or with longer English
text: the layout then squeezes fields below their text, or a word-wrapped note loses lines.
:func:`fit_to_screen` sizes a dialog from its size hint (optionally at least a number of text
lines wide or high: a roomier default that still grows with the font), clamped to the available
geometry of the screen it opens on, and as tall as its layout needs at that width, so every
word-wrapped line shows. It sizes the dialog at once and again when the dialog is first shown
(before Qt centres it on its parent): combo boxes measure their items only then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room the system's title bar and borders take around a dialog.
FRAME = QSize(16, 40)


def screen_geometry(widget: QWidget) -> QRect:
    """The available geometry (without task bars) of the screen ``widget`` opens on: its
    parent window's, else its own, else the primary screen's."""
    parent = widget.parentWidget()
    screen = parent.window().screen() if parent is not None else widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def room_for(widget: QWidget) -> QSize:
    """The largest size of a window on ``widget``'s screen, its frame included."""
    return (screen_geometry(widget).size() - FRAME).expandedTo(QSize(200, 150))


def fit_to_screen(dialog: QWidget, *, lines_wide: float = 0, lines_high: float = 0) -> QSize:
    """Resize ``dialog`` to its size hint, at least ``lines_wide`` × ``lines_high`` text lines
    (the font's line height: about one Chinese character), at most the room on its screen; as
    tall as its layout needs at that width. Again when it is first shown, unless it was resized
    in between. Returns the size."""
    size = _fit(dialog, lines_wide, lines_high)
    _FitWhenShown(dialog, size, lines_wide, lines_high)
    return size


class _FitWhenShown(QObject):
    """Sizes the dialog again on its first show event (seen before the dialog's own
    ``showEvent``, which centres it), then goes away."""

    def __init__(self, dialog: QWidget, size: QSize, lines_wide: float, lines_high: float):
        super().__init__(dialog)
        self._size = size
        self._lines = (lines_wide, lines_high)
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self.deleteLater()
            if watched.size() == self._size:  # not resized by its opener
                _fit(watched, *self._lines)
        return False


def _fit(dialog: QWidget, lines_wide: float, lines_high: float) -> QSize:
    dialog.ensurePolished()
    # Inner layouts changed (items added, combo boxes shown) re-measure on a posted event: run
    # those first, so the size hints asked for below are the current ones.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    room = room_for(dialog)
    hint = dialog.sizeHint()
    line = dialog.fontMetrics().height()
    width = max(hint.width(), round(lines_wide * line), dialog.minimumSizeHint().width())
    width = min(width, room.width())
    if layout is not None and layout.hasHeightForWidth():  # word-wrapped text: its height at this width
        height = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
    else:
        height = hint.height()
    height = min(max(height, round(lines_high * line)), room.height())
    dialog.resize(width, height)
    return QSize(width, height)


def grow_to_fit(dialog: QWidget) -> None:
    """After more contents were shown: make ``dialog`` as tall as its layout now needs at its
    width (at most the room on its screen); never smaller."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(dialog.width())
    else:
        needed = layout.totalSizeHint().height()
    height = min(max(dialog.height(), needed), room_for(dialog).height())
    if height != dialog.height():
        dialog.resize(dialog.width(), height)
