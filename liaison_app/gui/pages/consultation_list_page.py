"""The 法律咨询 page: filter bar, paged list, new/edit/delete with undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.enums import Outcome
from liaison_app.domain.identity import mask_name
from liaison_app.domain.records import ConsultationFilter, ConsultationListRow
from liaison_app.gui.dialogs.consultation_form import ConsultationForm
from liaison_app.gui.dialogs.pdf_dialogs import RegistrationPrintDialog
from liaison_app.gui.formatting import format_received, overdue_state_text
from liaison_app.gui.labels import label
from liaison_app.gui.models.consultation_table_model import COL_CATEGORY, COL_RECEIVED, ConsultationTableModel
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.undo_commands import DeleteConsultationCommand
from liaison_app.gui.widgets.consultation_filter_bar import ConsultationFilterBar
from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together


class ConsultationListPage(QWidget):
    """List of consultations with the actions on them.

    Args:
        core: the open core.
        signals: mutations are broadcast here; the list refreshes when ``consultation`` or
            ``liaison_point`` changed.
        undo_stack: deletes are pushed here (the main window's 撤销 acts on it).
    """

    def __init__(self, core: Core, signals: AppSignals, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._signals = signals
        self.undo_stack = undo_stack
        self._forms: list[ConsultationForm] = []
        service = core.consultations
        selectable = service.selectable_category_codes()
        categories = [c for c in core.categories.all() if c.code in selectable]

        title = QLabel(self.tr("法律咨询登记"), self)
        title.setProperty("role", "title")
        self.filter_bar = ConsultationFilterBar(categories, clock.period_of(core.now()), self)
        self.filter_bar.set_points(core.points.all())
        self.new_button = QPushButton(self.tr("＋ 新建登记"), self)
        self.new_button.setObjectName("new")
        self.new_button.setProperty("role", "primary")
        self.edit_button = QPushButton(self.tr("打开/编辑"), self)
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setObjectName("delete")
        self.print_button = QPushButton(self.tr("打印登记表…"), self)
        self.print_button.setObjectName("print_registration")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("row_count")

        self.model = ConsultationTableModel(service, point_names=self._point_names(), parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("consultation_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.column_of(COL_RECEIVED), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()

        self.undo_bar = QFrame(self)
        self.undo_bar.setProperty("role", "banner")
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.tr("撤销"), self.undo_bar)
        self.undo_button.setObjectName("undo_delete")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        top = FlowLayout()   # the buttons go below title and search when the page is narrow
        top.addWidget(title)
        top.addWidget(self.filter_bar.search_edit)   # takes the spare width of its line
        top.addWidget(keep_together(self, self.new_button, self.edit_button, self.delete_button, self.print_button))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.filter_bar.sig_filter_changed.connect(self._on_filter_changed)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self._undo_from_bar)
        # The bar describes the last delete on this page only: any move of the shared stack
        # (a delete on another page, 撤销 from the menu) makes it stale.
        undo_stack.indexChanged.connect(self.undo_bar.hide)
        self.print_button.clicked.connect(self.print_selected)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        signals.sig_changes_applied.connect(self._on_changes)
        self._update_count()
        self._update_buttons()
        self._update_new_button()

    # -- API ---------------------------------------------------------------------------------
    def apply_filter(self, flt: ConsultationFilter) -> None:
        """Show the consultations matching ``flt`` (the filter bar follows)."""
        self.filter_bar.set_filter(flt)

    def focus_search(self) -> None:
        """Put the cursor in the search box, text selected."""
        self.filter_bar.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search_edit.selectAll()

    def selected_record(self) -> ConsultationListRow | None:
        """The list row of the selected row, if any (``core.consultations.get(row.id)`` gives
        the whole record)."""
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

    def open_form(self, record_id: str | None) -> ConsultationForm:
        """Open the form for ``record_id`` (None: a new consultation); returns it, shown."""
        point_id = self.filter_bar.filter().point_id
        form = ConsultationForm(self._core, self._signals, record_id, default_point_id=point_id, parent=self)
        self._forms.append(form)
        form.sig_saved.connect(lambda record: self.select_record(record.id))
        form.finished.connect(lambda _result, f=form: self._forget_form(f))
        form.open()
        return form

    def open_selected(self) -> ConsultationForm | None:
        """Open the selected record, if any."""
        record = self.selected_record()
        return self.open_form(record.id) if record else None

    def delete_selected(self) -> bool:
        """Delete the selected record (soft, undoable). True if something was deleted."""
        record = self.selected_record()
        if record is None:
            return False
        description = self.tr("{name} {time} 的咨询").format(
            name=mask_name(record.visitor_name), time=format_received(record.received_at))
        row = self.table.selectionModel().selectedRows()[0].row()
        self.undo_stack.push(DeleteConsultationCommand(
            self._core.consultations, self._signals, record.id, self.tr("删除{what}").format(what=description)))
        self.undo_label.setText(self.tr("已删除 {what}。").format(what=description))
        self.undo_bar.show()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        return True

    def print_selected(self) -> RegistrationPrintDialog | None:
        """打印登记表 of the selected consultation (masked or full, asked in the dialog)."""
        record = self.selected_record()
        if record is None:
            self._signals.sig_status_message.emit(self.tr("请先在列表中选中一条咨询"))
            return None
        dialog = RegistrationPrintDialog(self._core, record.id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_forms(self) -> list[ConsultationForm]:
        """Forms opened from this page and still open."""
        return list(self._forms)

    # -- reactions ---------------------------------------------------------------------------
    def _on_filter_changed(self, flt: ConsultationFilter) -> None:
        self.model.set_filter(flt)
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("liaison_point"):
            points = self._core.points.all()
            self.filter_bar.set_points(points)
            self.model.set_point_names({p.id: p.name for p in points})
            self._update_new_button()
        if changes.touches("consultation"):
            selected = self.selected_record()
            self.model.refresh()
            if selected is not None:
                self.select_record(selected.id)
            self._update_buttons()

    def _undo_from_bar(self) -> None:
        self.undo_stack.undo()
        self.undo_bar.hide()

    def _forget_form(self, form: ConsultationForm) -> None:
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
        self.print_button.setEnabled(has_selection)

    def _update_new_button(self) -> None:
        has_point = not self._core.points.is_empty()
        self.new_button.setEnabled(has_point)
        self.new_button.setToolTip("" if has_point else self.tr("请先在首页设置联系点"))

    def _point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.points.all()}

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        # Names, villages and categories are shown as typed (Chinese) in every language.
        samples = ["2026-11-29 09:30",
                   "宁安镇法官联系点", "欧阳**",  # i18n-exempt: width samples of data shown as typed
                   "138****1234",
                   "梧桐树村", "机动车交通事故责任纠纷",  # i18n-exempt: width samples of data shown as typed
                   label(Outcome.LEGAL_AID), overdue_state_text(30)]
        for column, sample in enumerate(samples[: self.model.columnCount()]):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        # Category names are the longest text: that column takes the spare width.
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column_of(COL_CATEGORY), QHeaderView.ResizeMode.Stretch)
