"""历史记录: the audit entries of one record, read-only, with an xlsx export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.errors import UserError
from liaison_app.gui.models.audit_table_model import COL_CHANGES, AuditTableModel, table_text


class AuditDialog(QDialog):
    """Who created, changed, deleted, restored or revealed the record, and when.

    The entries come from ``core.audit.of_record`` (which refuses volunteers); personal values
    appear masked. Nothing here can change an entry.

    Args:
        core: the open core. table: the record's table (e.g. ``consultation``). record_id: its id.
    """

    def __init__(self, core: Core, table: str, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._table = table
        self._record_id = record_id
        self.setWindowTitle(self.tr("历史记录 — {kind} {id}").format(kind=table_text(table),
                                                                    id=record_id[:8]))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        try:
            entries = core.audit.of_record(record_id, table)
        except UserError as err:
            entries = []
            self.message.setText(str(err))
        else:
            self.message.setText(self.tr("共 {n} 条。审计记录只能追加，不能修改或删除；来访人姓名、电话和身份证号只显示脱敏形式。")
                                 .format(n=len(entries)))
        self.model = AuditTableModel(entries, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setEnabled(bool(entries))
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 460)

    def choose_export_path(self) -> Path | None:
        """Ask where to save (tests replace this method)."""
        suggested = self.tr("审计记录_{id}.xlsx").format(id=self._record_id[:8])
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), suggested,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return Path(name) if name else None

    def export(self) -> Path | None:
        """Write this record's entries to an xlsx file; returns the path (None if cancelled)."""
        path = self.choose_export_path()
        if path is None:
            return None
        try:
            written = self._core.audit.export_xlsx(path, record_id=self._record_id)
        except UserError as err:
            QMessageBox.warning(self, self.tr("导出失败"), str(err))
            return None
        self.message.setText(self.tr("已导出到 {path}").format(path=written))
        return written
