"""The court page's result table: one row per file of a merge (:class:`MergeReport`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from liaison_app.core.court import FileResult, MergeOutcome, MergeReport
from liaison_app.exchange.batch_format import DATA_SHEETS
from liaison_app.gui.formatting import OVERDUE_COLOR
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate

_Index = QModelIndex | QPersistentModelIndex

ResultRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the row's :class:`FileResult`."""

# Outcome colours: refused/failed red (the clerk must act), duplicates grey (nothing to do).
OUTCOME_COLORS = {
    MergeOutcome.MERGED: "#1b5e20",
    MergeOutcome.REPLACED: "#1f5fa8",
    MergeOutcome.DUPLICATE: "#5f6b7a",
    MergeOutcome.REJECTED: OVERDUE_COLOR,
    MergeOutcome.FAILED: OVERDUE_COLOR,
    MergeOutcome.CANCELLED: "#b45309",
}
REJECTED_BACKGROUND = "#fdecea"

# The core's MergeOutcome labels and dry-run labels (core/court.py), marked so lupdate files
# them; the 结果 column shows them translated (one missing here is shown untranslated).
_OUTCOME_TEXTS = (
    QT_TRANSLATE_NOOP("MergeResultTableModel", "已汇总"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "可汇总"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "已汇总（替换旧批次）"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "可汇总（将替换旧批次）"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "重复，已跳过"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "重复，将跳过"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "拒收"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "将拒收"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "汇总失败"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "已取消，未汇总"),
    QT_TRANSLATE_NOOP("MergeResultTableModel", "已取消"),
)


class MergeResultTableModel(QAbstractTableModel):
    """Columns: 文件, 结果, 联系点, 统计月份, 序号, one row count per data sheet, 说明.

    The 结果 words are the core's (dry-run wording in a dry run). 说明 shows the first line of
    :meth:`FileResult.explanation`; the tooltip and :data:`ResultRole` give the whole of it
    (each problem names file, sheet, Excel row and column).
    """

    COL_FILE, COL_OUTCOME, COL_POINT, COL_PERIOD, COL_SEQ = range(5)
    COL_COUNTS = tuple(range(5, 5 + len(DATA_SHEETS)))
    COL_NOTE = 5 + len(DATA_SHEETS)
    HEADERS = (
        QT_TRANSLATE_NOOP("MergeResultTableModel", "文件"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "结果"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "联系点"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "统计月份"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "序号"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "法律咨询"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "普法宣讲"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "志愿服务"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "值班表"),
        QT_TRANSLATE_NOOP("MergeResultTableModel", "说明"),
    )

    @classmethod
    def samples(cls) -> tuple[str, ...]:
        """One width sample per column (for :class:`RecordTableView`), in the current language."""
        return ("ZN-NA_2026-11_v1.xlsx", translate("MergeResultTableModel", "已汇总（替换旧批次）"),
                "梧桐树村法官联系点",  # i18n-exempt: width sample (a point's name, data)
                "2026-11", "v12", "9999", "9999", "9999", "9999", translate("MergeResultTableModel", "说明"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._report: MergeReport | None = None
        self._rows: list[FileResult] = []

    # -- content -------------------------------------------------------------------------------
    def set_report(self, report: MergeReport | None) -> None:
        """Show the files of ``report`` (None: empty)."""
        self.beginResetModel()
        self._report = report
        self._rows = list(report.files) if report is not None else []
        self.endResetModel()

    @property
    def report(self) -> MergeReport | None:
        return self._report

    def result_at(self, row: int) -> FileResult | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def outcome_text(self, row: int) -> str:
        """The 结果 shown in ``row`` ("" out of range)."""
        result = self.result_at(row)
        return self._label(result) if result is not None else ""

    def row_of_file(self, name: str) -> int:
        """Row of the file called ``name``, or -1."""
        for row, result in enumerate(self._rows):
            if result.path.name == name:
                return row
        return -1

    def _label(self, result: FileResult) -> str:
        assert self._report is not None
        return translate("MergeResultTableModel", self._report.label(result))

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section in self.COL_COUNTS:
            return translate("MergeResultTableModel", "工作表“{sheet}”的数据行数").format(
                sheet=DATA_SHEETS[section - self.COL_COUNTS[0]])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translate("MergeResultTableModel", self.HEADERS[section]) if 0 <= section < len(self.HEADERS) \
                else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.HEADERS):
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(result, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            explanation = result.explanation()
            return f"{result.path}\n{explanation}" if explanation else str(result.path)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.COL_SEQ or column in self.COL_COUNTS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_OUTCOME:
            return QBrush(QColor(OUTCOME_COLORS[result.outcome]))
        if role == Qt.ItemDataRole.BackgroundRole and not result.outcome.ok \
                and result.outcome is not MergeOutcome.CANCELLED:
            return QBrush(QColor(REJECTED_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and column == self.COL_OUTCOME:
            font = QFont()
            font.setBold(True)
            return font
        if role == ResultRole:
            return result
        return None

    def _display(self, result: FileResult, column: int) -> str:
        if column == self.COL_FILE:
            return result.path.name
        if column == self.COL_OUTCOME:
            return self._label(result)
        if column == self.COL_POINT:
            return result.point_name or result.point_code
        if column == self.COL_PERIOD:
            return result.period
        if column == self.COL_SEQ:
            return f"v{result.seq}" if result.seq is not None else ""
        if column in self.COL_COUNTS:
            count = result.row_counts.get(DATA_SHEETS[column - self.COL_COUNTS[0]])
            return "" if count is None else str(count)
        lines = result.explanation().splitlines()
        if not lines and result.outcome is MergeOutcome.CANCELLED:
            return translate("MergeResultTableModel", "未处理")
        more = translate("MergeResultTableModel", "（另有 {n} 条，见下方详情）").format(n=len(lines) - 1)
        return lines[0] + (more if len(lines) > 1 else "") if lines else ""
