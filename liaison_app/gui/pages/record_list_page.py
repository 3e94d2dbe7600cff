"""Base of the record list pages (普法宣讲, 志愿服务, 人员): filter bar, paged table,
新建/打开/删除 with undo, the forms opened from the page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from liaison_app.core import Core
from liaison_app.domain.changes import Changes
from liaison_app.errors import SettledPeriodError
from liaison_app.gui.dialogs.reason_prompt import ask_reason
from liaison_app.gui.dialogs.record_form import RecordForm
from liaison_app.gui.models.paged_table_model import PagedTableModel
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.undo_commands import DeleteRecordCommand, SoftDeleting
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.record_table_view import RecordTableView
from liaison_app.gui.widgets.reflow_layout import ReflowLayout
from liaison_app.gui.widgets.undo_bar import UndoBar

# Beside a side panel, the list keeps at least this many characters of width.
TABLE_MIN_CHARS = 36


class RecordListPage(QWidget):
    """A list of one record kind with the actions on it.

    Subclasses create ``self.model`` and ``self.filter_bar`` (with ``sig_filter_changed``),
    then call :meth:`_build`; they implement :meth:`_make_form`, and for deletable records
    :meth:`_delete_target`. The list refreshes when a table in ``TABLES`` changed; names
    shown in it are re-read (:meth:`_refresh_names`) when ``NAME_TABLES`` changed.

    Args:
        core: the open core.
        signals: mutations are broadcast here.
        undo_stack: deletes are pushed here (the main window's 撤销 acts on it).
    """

    TABLES: tuple[str, ...] = ()
    NAME_TABLES: tuple[str, ...] = ("liaison_point", "person")

    def __init__(self, core: Core, signals: AppSignals, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.undo_stack = undo_stack
        self._forms: list[RecordForm] = []
        self.model: PagedTableModel
        self.filter_bar: Any
        self.table: RecordTableView

    # -- to implement ------------------------------------------------------------------------
    def _make_form(self, record_id: str | None) -> RecordForm:
        raise NotImplementedError

    def _delete_target(self, record: Any) -> tuple[SoftDeleting, str]:
        """(service with delete/restore, description such as ``2026-11-20 的宣讲“…”``)."""
        raise NotImplementedError

    def _refresh_names(self) -> None:
        """Re-read point/person names shown in the list and the filter bar."""

    def _can_create(self) -> tuple[bool, str]:
        """(allowed, why not) for the 新建 button."""
        return True, ""

    # -- building ----------------------------------------------------------------------------
    def _build(self, title_text: str, new_text: str, samples: Sequence[str], *, stretch_column: int,
               sort_column: int, search_edit: QLineEdit | None = None,
               extra_buttons: Sequence[QPushButton] = (), side: QWidget | None = None,
               deletable: bool = True) -> None:
        title = QLabel(title_text, self)
        title.setProperty("role", "title")
        self.new_button = QPushButton(new_text, self)
        self.new_button.setObjectName("new")
        self.new_button.setProperty("role", "primary")
        self.edit_button = QPushButton(self.tr("打开/编辑"), self)
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setObjectName("delete")
        self.delete_button.setVisible(deletable)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("row_count")
        self.undo_bar = UndoBar(self.undo_stack, self)
        self.table = RecordTableView(self.model, samples, stretch_column=stretch_column, sort_column=sort_column,
                                     descending=self.model.descending, parent=self)

        top = FlowLayout()   # the buttons go below the title when the page is narrow
        top.addWidget(title)
        if search_edit is not None:
            top.addWidget(search_edit)   # takes the spare width of its line
        top.addWidget(keep_together(self, self.new_button, self.edit_button, self.delete_button, *extra_buttons,
                                    align_right=search_edit is None))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        # The side panel goes below the list when both do not fit side by side (大字模式, English).
        content = ReflowLayout((2, 1))
        content.add_widget(self.table, 1)
        if side is not None:
            self.table.setMinimumWidth(self.fontMetrics().averageCharWidth() * TABLE_MIN_CHARS)
            content.add_widget(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.undo_bar)
        layout.addLayout(content, 1)
        layout.addLayout(bottom)

        self.filter_bar.sig_filter_changed.connect(self._on_filter_changed)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        if deletable:
            QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        self._signals.sig_changes_applied.connect(self._on_changes)
        self._update_count()
        self._update_buttons()
        self._update_new_button()

    # -- API ---------------------------------------------------------------------------------
    def apply_filter(self, flt: Any) -> None:
        """Show the records matching ``flt`` (the filter bar follows)."""
        self.filter_bar.set_filter(flt)

    def selected_record(self) -> Any:
        """The record of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select_record(self, record_id: str) -> bool:
        """Select and show the row of ``record_id`` if it is among the loaded rows."""
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_form(self, record_id: str | None) -> RecordForm:
        """Open the form for ``record_id`` (None: a new record), window-modal; returns it."""
        form = self._make_form(record_id)
        self._forms.append(form)
        form.sig_saved.connect(lambda record: self.select_record(record.id))
        form.finished.connect(lambda _result, f=form: self._forget_form(f))
        form.open()
        return form

    def open_selected(self) -> RecordForm | None:
        """Open the selected record, if any."""
        record = self.selected_record()
        return self.open_form(record.id) if record is not None else None

    def delete_selected(self) -> bool:
        """Delete the selected record (soft, undoable). True if something was deleted."""
        record = self.selected_record()
        if record is None:
            return False
        service, description = self._delete_target(record)
        row = self.table.selectionModel().selectedRows()[0].row()
        text = self.tr("删除{what}").format(what=description)
        command = DeleteRecordCommand(service, self._signals, record.id, text)
        self.undo_stack.push(command)   # runs the delete; a refused one is dropped (obsolete)
        if isinstance(command.failure, SettledPeriodError):
            reason = self.ask_reason(str(command.failure))
            if not reason:
                return False
            command = DeleteRecordCommand(service, self._signals, record.id, text, reason=reason)
            self.undo_stack.push(command)
        if command.failure is not None:
            return False
        self.undo_bar.announce(self.tr("已删除 {what}。").format(what=description))
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        return True

    def ask_reason(self, message: str) -> str | None:
        """Ask why a record of an exported month is deleted; None when cancelled (tests
        replace this method)."""
        return ask_reason(self, message)

    def open_forms(self) -> list[RecordForm]:
        """Forms opened from this page and still open."""
        return list(self._forms)

    # -- reactions ---------------------------------------------------------------------------
    def _on_filter_changed(self, flt: Any) -> None:
        self.model.set_filter(flt)
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if any(changes.touches(t) for t in self.NAME_TABLES):
            self._refresh_names()
            self._update_new_button()
        if any(changes.touches(t) for t in self.TABLES):
            selected = self.selected_record()
            self.model.refresh()
            if selected is not None:
                self.select_record(selected.id)
            self._update_buttons()

    def _forget_form(self, form: RecordForm) -> None:
        if form in self._forms:
            self._forms.remove(form)
        form.deleteLater()

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_form(record.id)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 {n} 条").format(n=self.model.total_count()))

    def _update_buttons(self, *_args: object) -> None:
        has_selection = self.selected_record() is not None
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def _update_new_button(self) -> None:
        allowed, why = self._can_create()
        self.new_button.setEnabled(allowed)
        self.new_button.setToolTip(why)
