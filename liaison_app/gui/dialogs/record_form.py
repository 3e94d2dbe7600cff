"""Base of the record forms (宣讲, 志愿服务, 人员): save with messages beside the fields,
drafts, and the 保存/放弃/取消 question on closing — the behaviour of the consultation form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.changes import Changes
from liaison_app.errors import SettledPeriodError, UserError, ValidationError
from liaison_app.gui.dialogs.consultation_form import CloseChoice
from liaison_app.gui.dialogs.consultation_state import FormState, draft_payload, state_from_draft
from liaison_app.gui.dialogs.reason_prompt import ask_reason
from liaison_app.gui.formatting import join_clauses
from liaison_app.gui.menus import install_comfort_shortcuts
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.views.record_form_view import RecordFormView
from liaison_app.gui.widgets.draft_banner import DraftBanner
from liaison_app.gui.widgets.form_scroll_area import FormScrollArea

__all__ = ["CloseChoice", "RecordForm"]


class RecordForm(QDialog):
    """A dialog editing one record through a :class:`RecordFormView`.

    Subclasses build ``self.view``, call :meth:`_install_view`, connect their editors with
    :meth:`_watch` / :meth:`_clear_error_on`, and finish with :meth:`_start`. They implement
    :meth:`state` (a JSON-ready dict: the draft format and the dirty check),
    :meth:`apply_state` and :meth:`_store` (validate + save through the core).

    Saving: a :class:`ValidationError` puts each message under its field and focuses the first
    bad one (``FIELD_ORDER``); other :class:`UserError`s go to the line by the buttons. Drafts
    are written ``AUTOSAVE_MS`` after a change, on a failed save and by 暂存并关闭; an existing
    draft is offered in a banner (恢复/丢弃).

    Args:
        core: the open core.
        signals: where saved changes are broadcast.
        draft_key: ``kind:new`` or ``kind:<id>``.

    Signals:
        sig_saved(object): the stored record, after a successful save.
    """

    sig_saved = Signal(object)

    AUTOSAVE_MS = 3000
    FIELD_ORDER: tuple[str, ...] = ()

    def __init__(self, core: Core, signals: AppSignals, *, draft_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.draft_key = draft_key
        self._applying = False
        self._close_allowed = False
        self._pending_draft: FormState | None = None
        self._baseline: FormState = {}
        self.view: RecordFormView | None = None

        self.banner = DraftBanner(self)
        self.scroll = FormScrollArea(self)  # up and down; the form reflows instead of scrolling sideways
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.setProperty("role", "primary")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.draft_button = QPushButton(self.tr("暂存并关闭"), self)
        self.draft_button.setObjectName("keep_draft")
        self.draft_button.setToolTip(self.tr("先不保存，填到一半的内容留作草稿，下次打开时可恢复"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setObjectName("close")
        for button in (self.save_button, self.draft_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a field must not save half a form
        self._autosave_timer = QTimer(self, singleShot=True, interval=self.AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.save_draft)

    # -- to implement ------------------------------------------------------------------------
    def state(self) -> FormState:
        """The form contents."""
        raise NotImplementedError

    def apply_state(self, state: FormState) -> None:
        """Show ``state`` in the widgets (called with ``_applying`` set)."""
        raise NotImplementedError

    def _store(self, state: FormState, reason: str | None) -> tuple[Any, Changes]:
        """Build the record from ``state`` and save it (``reason``: why a record of a month
        already exported changes); raises ValidationError/UserError."""
        raise NotImplementedError

    def _on_closed_unsaved(self) -> None:
        """Hook: the form closes without saving and without keeping a draft."""

    def _on_draft_dropped(self, state: FormState) -> None:
        """Hook: the offered draft ``state`` was thrown away (丢弃)."""

    # -- set-up for subclasses ----------------------------------------------------------------
    def _install_view(self, view: RecordFormView, extra_buttons: tuple[QPushButton, ...] = ()) -> None:
        self.view = view
        self.scroll.setWidget(view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        for button in extra_buttons:
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        # Keyboard: the form opens in its first field, Tab goes down the fields and then to the
        # buttons (they were created first, so they would otherwise come first).
        previous = _last_tab_stop(view)
        for button in (*extra_buttons, self.save_button, self.draft_button, self.close_button):
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button

    def _watch(self, *signals: Any) -> None:
        """Treat each signal as an edit (autosave, dirty)."""
        for signal in signals:
            signal.connect(self._on_edited)

    def _clear_error_on(self, field: str, *signals: Any) -> None:
        """Hide the message under ``field`` as soon as one of ``signals`` fires."""
        for signal in signals:
            signal.connect(lambda *_args, name=field: self._clear_error(name))

    def _start(self, initial: FormState) -> None:
        self._apply(initial)
        self._baseline = self.state()
        self.banner.sig_restore.connect(self._restore_draft)
        self.banner.sig_discard.connect(self._discard_draft)
        self.save_button.clicked.connect(self.save)
        self.draft_button.clicked.connect(self.keep_draft_and_close)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        install_comfort_shortcuts(self)   # Ctrl++ / Ctrl+- / Ctrl+0 and F1 while the form is open
        self._offer_draft()

    # -- public API --------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """True when the contents differ from what was loaded or last saved."""
        return self.state() != self._baseline

    def field_errors(self) -> dict[str, str]:
        """Messages currently shown next to fields, by field name."""
        assert self.view is not None
        return {field: row.error() for field, row in self.view.rows.items() if row.error()}

    def general_error_text(self) -> str:
        """The message in the line by the buttons (empty when hidden)."""
        return self.general_error.text() if self.general_error.isVisibleTo(self) else ""

    def show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        """Put each message under its field (others in the line by the buttons) and focus the
        first bad field."""
        assert self.view is not None
        rows = self.view.rows
        unplaced = [msg for field, msg in by_field.items() if field not in rows]
        for field, row in rows.items():
            row.set_error(by_field.get(field))
        general_text = join_clauses(filter(None, [general, *unplaced]))
        if by_field and not general_text:
            general_text = self.tr("有 {n} 处需要改正，见红字。").format(n=len(by_field))
        self.general_error.setText(general_text)
        self.general_error.setVisible(bool(general_text))
        order = list(self.FIELD_ORDER) + [f for f in rows if f not in self.FIELD_ORDER]
        for field in order:
            if field in by_field and field in rows:
                self.scroll.ensureWidgetVisible(rows[field])
                self.view.editors[field].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def save(self) -> bool:
        """Validate and store; on success delete the draft, broadcast, close. True when saved."""
        state = self.state()
        reason: str | None = None
        while True:
            try:
                stored, changes = self._store(state, reason)
                break
            except ValidationError as err:
                self.show_errors(err.by_field())
                self.save_draft()
                return False
            except SettledPeriodError as err:
                reason = None if reason else self.ask_reason(str(err))
                if not reason:
                    self.show_errors({}, str(err))
                    self.save_draft()
                    return False
            except UserError as err:
                self.show_errors({}, str(err))
                self.save_draft()
                return False
        if self._pending_draft is None:
            self._core.drafts.delete(self.draft_key)
        self._baseline = state
        self.show_errors({})
        self._signals.sig_changes_applied.emit(changes)
        self.sig_saved.emit(stored)
        self._close_allowed = True
        self.accept()
        return True

    def save_draft(self, *, force: bool = False) -> bool:
        """Store the contents as a draft if they changed (not over an unanswered offer unless
        ``force``). True if a draft was written."""
        self._autosave_timer.stop()
        if not self.is_dirty() or (self._pending_draft is not None and not force):
            return False
        try:
            self._core.drafts.save(self.draft_key, draft_payload(self.state(), self._core.now()))
        except Exception as exc:  # noqa: BLE001 — a failed background save must not lose the form
            self.general_error.setText(self.tr("草稿未能暂存：{error}").format(error=exc))
            self.general_error.show()
            return False
        self._pending_draft = None
        self.banner.hide()
        return True

    def keep_draft_and_close(self) -> None:
        """暂存并关闭: keep the contents as a draft and close without asking."""
        self.save_draft(force=True)
        self._close_allowed = True
        super().reject()

    def ask_unsaved_changes(self) -> CloseChoice:
        """Ask 保存/放弃/取消 for a dirty form (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("尚未保存"), self.tr("这条记录改动过但还没有保存。要保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return CloseChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return CloseChoice.DISCARD
        return CloseChoice.CANCEL

    def ask_reason(self, message: str) -> str | None:
        """Ask why a record of a month already exported is changed; None when cancelled
        (tests replace this method)."""
        return ask_reason(self, message)

    def reject(self) -> None:
        """Esc, the window's close button and 关闭: ask first when there are unsaved changes."""
        if self._close_allowed:
            super().reject()
            return
        if not self.is_dirty():
            self._on_closed_unsaved()
            super().reject()
            return
        choice = self.ask_unsaved_changes()
        if choice is CloseChoice.SAVE:
            self.save()
        elif choice is CloseChoice.DISCARD:
            if self._pending_draft is None:
                self._core.drafts.delete(self.draft_key)
            self._on_closed_unsaved()
            self._close_allowed = True
            super().reject()

    def done(self, result: int) -> None:
        """Stop the autosave timer."""
        self._autosave_timer.stop()
        super().done(result)

    # -- internals ---------------------------------------------------------------------------
    def _apply(self, state: FormState) -> None:
        self._applying = True
        try:
            self.apply_state(state)
        finally:
            self._applying = False

    def _on_edited(self, *_args: object) -> None:
        if self._applying:
            return
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def _clear_error(self, field: str) -> None:
        if not self._applying and self.view is not None and field in self.view.rows:
            self.view.rows[field].set_error(None)

    def _offer_draft(self) -> None:
        parsed = state_from_draft(self._core.drafts.load(self.draft_key))
        if parsed is None:
            return
        state, saved_text = parsed
        if state == self._baseline:
            self._core.drafts.delete(self.draft_key)
            return
        self._pending_draft = state
        self.banner.offer(saved_text)

    def _restore_draft(self) -> None:
        state, self._pending_draft = self._pending_draft, None
        if state is not None:
            try:
                self._apply(state)
            except (KeyError, ValueError, TypeError):  # a draft of another shape: keep the form
                self.show_errors({}, self.tr("草稿无法恢复，已忽略。"))
                return
            self._autosave_timer.start()

    def _discard_draft(self) -> None:
        state, self._pending_draft = self._pending_draft, None
        self._core.drafts.delete(self.draft_key)
        if state is not None:
            self._on_draft_dropped(state)
        if self.is_dirty():
            self._autosave_timer.start()


def _last_tab_stop(view: QWidget) -> QWidget | None:
    """The last widget inside ``view`` that Tab stops at (the view's own focus order)."""
    last = None
    widget = view.nextInFocusChain()
    while widget is not view and view.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            last = widget
        widget = widget.nextInFocusChain()
    return last
