"""The start page's two small charts (QtCharts, from PySide6-Addons).

* :class:`TrendChart` — the last twelve months: 咨询人次 as bars (left axis) and 宣讲受众人次 as a
  line (right axis). Audience is often ten times the consultations, so one shared axis would
  flatten the consultation bars; each axis is drawn in its series' colour.
* :class:`CategoryChart` — this month's consultations by level-1 dispute category as horizontal
  bars, largest on top; clicking a bar asks for the consultation list of that category.

QtCharts draws with its theme's own fonts (Arial in every theme), which have no Chinese glyphs
on a bare machine: every text item of a chart (axis labels, legend, bar labels) is given the
widget's font, i.e. the application's CJK font, explicitly.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QLabel, QStackedLayout, QToolTip, QWidget

from liaison_app.core.dashboard import TREND_MONTHS, CategoryCount, TrendMonth
from liaison_app.i18n import translate

CONSULTATION_COLOR = "#2f6eb5"   # the same colours as the charts of the monthly report PDF
AUDIENCE_COLOR = "#e39b2d"
AXIS_LABEL_COLOR = "#333333"
# Horizontal bars shown; more categories are folded into one 其他 bar.
MAX_CATEGORY_BARS = 7
CATEGORY_NAME_CHARS = 9          # longer names are elided on the axis (full name in the tooltip)


def nice_axis_top(value: float) -> tuple[int, int]:
    """An axis maximum at or above ``value`` with whole-number ticks: ``(top, tick_count)``.

    The step is 1, 2 or 5 × 10ⁿ with at most five intervals, so labels never repeat
    (``%d`` of 0, 0.5, 1 would print 0, 0, 1).
    """
    value = max(1.0, float(value))
    magnitude = 10 ** math.floor(math.log10(value / 5)) if value >= 5 else 1
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if value / step <= 5:
            break
    top = int(math.ceil(value / step) * step)
    return top, top // step + 1


def month_label(period: str) -> str:
    """``2026-11`` → ``11月`` (axis label; the year is in the tooltip)."""
    return QDate(int(period[:4]), int(period[5:7]), 1).toString(translate("TrendChart", "M月", "Qt date format"))


def _elide(name: str, chars: int = CATEGORY_NAME_CHARS) -> str:
    return name if len(name) <= chars else name[:chars - 1] + "…"


# Largest chart label size (pt): twelve month labels and the category names must stay
# readable side by side in a third of a 1366 px window, also in 大字模式 (the figures
# above the charts carry the numbers in large type).
MAX_CHART_POINT_SIZE = 12.0


def _chart_font(widget: QWidget, delta: float = -1) -> QFont:
    """The widget's (application's CJK) font, a little smaller for chart text, at most
    :data:`MAX_CHART_POINT_SIZE`."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(min(MAX_CHART_POINT_SIZE, max(8.0, font.pointSizeF() + delta)))
    return font


def _new_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    return chart


def _value_axis(font: QFont, color: str = AXIS_LABEL_COLOR) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setLabelsFont(font)
    axis.setLabelsColor(QColor(color))
    axis.setMinorTickCount(0)
    return axis


def _set_range(axis: QValueAxis, largest: float) -> None:
    top, ticks = nice_axis_top(largest * 1.1)
    axis.setRange(0, top)
    axis.setTickCount(ticks)


class _ChartPanel(QWidget):
    """A chart view, or a sentence instead of it when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = _new_chart()
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(180)
        self.empty_label = QLabel(self)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty_label)

    def show_empty(self, empty: bool) -> None:
        self._stack.setCurrentWidget(self.empty_label if empty else self.view)

    def is_empty(self) -> bool:
        """True when the sentence is shown instead of the chart."""
        return self._stack.currentWidget() is self.empty_label


class TrendChart(_ChartPanel):
    """Consultations (bars) and education audience (line) of the last months.

    Signals:
        sig_consultations_clicked(str): a month's bar was clicked (``YYYY-MM``).
        sig_audience_clicked(str): a month's point of the audience line was clicked.
    """

    sig_consultations_clicked = Signal(str)
    sig_audience_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self.empty_label.setText(self.tr("近12个月还没有法律咨询或普法宣讲记录。"))
        self._months: list[TrendMonth] = []
        font = _chart_font(self)
        self.consultation_set = QBarSet(self.tr("咨询人次"))
        self.consultation_set.setColor(QColor(CONSULTATION_COLOR))
        self.consultation_set.setBorderColor(QColor(CONSULTATION_COLOR))
        self.bar_series = QBarSeries()
        self.bar_series.append(self.consultation_set)
        self.bar_series.setBarWidth(0.6)
        self.audience_series = QLineSeries()
        self.audience_series.setName(self.tr("宣讲受众人次（右轴）"))
        pen = QPen(QColor(AUDIENCE_COLOR))
        pen.setWidthF(2.5)
        self.audience_series.setPen(pen)
        self.audience_series.setPointsVisible(True)
        self.audience_series.setMarkerSize(6)

        self.month_axis = QBarCategoryAxis()
        self.month_axis.setLabelsFont(font)
        self.month_axis.setLabelsColor(QColor(AXIS_LABEL_COLOR))
        self.month_axis.setGridLineVisible(False)
        self.month_axis.setTruncateLabels(False)
        self.consultation_axis = _value_axis(font, CONSULTATION_COLOR)
        self.audience_axis = _value_axis(font, AUDIENCE_COLOR)
        self.audience_axis.setGridLineVisible(False)
        chart = self.chart
        chart.addSeries(self.bar_series)
        chart.addSeries(self.audience_series)
        chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.consultation_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.audience_axis, Qt.AlignmentFlag.AlignRight)
        for series, value_axis in ((self.bar_series, self.consultation_axis),
                                   (self.audience_series, self.audience_axis)):
            series.attachAxis(self.month_axis)
            series.attachAxis(value_axis)
        legend = chart.legend()
        legend.setFont(font)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.consultation_set.clicked.connect(self._on_bar_clicked)
        self.consultation_set.hovered.connect(self._on_bar_hovered)
        self.audience_series.clicked.connect(self._on_line_clicked)
        self.audience_series.hovered.connect(self._on_line_hovered)

    def set_months(self, months: list[TrendMonth]) -> None:
        """Show these months (oldest first)."""
        self._months = list(months)
        self.show_empty(not any(m.consultations or m.audience for m in months))
        self.consultation_set.remove(0, self.consultation_set.count())
        self.consultation_set.append([float(m.consultations) for m in months])
        self.audience_series.replace([QPointF(i, m.audience) for i, m in enumerate(months)])
        self.month_axis.clear()
        self.month_axis.append([month_label(m.period) for m in months])
        _set_range(self.consultation_axis, max([0, *(m.consultations for m in months)]))
        _set_range(self.audience_axis, max([0, *(m.audience for m in months)]))

    def periods(self) -> list[str]:
        """The months shown, oldest first."""
        return [m.period for m in self._months]

    def consultation_values(self) -> list[int]:
        """The bar heights, as drawn."""
        return [int(self.consultation_set.at(i)) for i in range(self.consultation_set.count())]

    def audience_values(self) -> list[int]:
        """The line's values, as drawn."""
        return [int(p.y()) for p in self.audience_series.points()]

    def month_labels(self) -> list[str]:
        return list(self.month_axis.categories())

    def minimumSizeHint(self) -> QSize:
        """Room for twelve month labels side by side and the two value axes (a narrower page
        puts the chart on a row of its own rather than overlap the labels)."""
        metrics = QFontMetrics(self.month_axis.labelsFont())
        widest = max(metrics.horizontalAdvance(month_label(f"2026-{month:02d}")) for month in range(1, 13))
        width = TREND_MONTHS * (widest + metrics.averageCharWidth()) + 2 * metrics.horizontalAdvance("0000")
        return QSize(width, super().minimumSizeHint().height())

    def _month_at(self, x: float) -> TrendMonth | None:
        index = round(x)
        return self._months[index] if 0 <= index < len(self._months) else None

    def _on_bar_clicked(self, index: int) -> None:
        if 0 <= index < len(self._months):
            self.sig_consultations_clicked.emit(self._months[index].period)

    def _on_line_clicked(self, point: QPointF) -> None:
        month = self._month_at(point.x())
        if month is not None:
            self.sig_audience_clicked.emit(month.period)

    def _on_bar_hovered(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self._months):
            month = self._months[index]
            QToolTip.showText(QCursor.pos(), self.tr("{period}：咨询 {n} 人次（点击查看）").format(
                period=month.period, n=month.consultations), self)
        else:
            QToolTip.hideText()

    def _on_line_hovered(self, point: QPointF, status: bool) -> None:
        month = self._month_at(point.x())
        if status and month is not None:
            QToolTip.showText(QCursor.pos(), self.tr("{period}：宣讲 {s} 场，受众 {n} 人次（点击查看）").format(
                period=month.period, s=month.sessions, n=month.audience), self)
        else:
            QToolTip.hideText()


class CategoryChart(_ChartPanel):
    """This month's consultations by level-1 category, largest on top.

    Signals:
        sig_category_clicked(str): the level-1 code of the clicked bar; ``""`` for the 其他 bar
            (several small categories: the whole month's list is asked for).
    """

    sig_category_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("category_chart")
        self.empty_label.setText(self.tr("本月还没有法律咨询记录。"))
        self._bars: list[CategoryCount] = []     # bottom to top, as QHorizontalBarSeries draws them
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        font = _chart_font(self)
        self.count_set = QBarSet(self.tr("咨询人次"))
        self.count_set.setColor(QColor(CONSULTATION_COLOR))
        self.count_set.setBorderColor(QColor(CONSULTATION_COLOR))
        self.count_set.setLabelFont(font)
        self.count_set.setLabelColor(QColor(AXIS_LABEL_COLOR))
        self.series = QHorizontalBarSeries()
        self.series.append(self.count_set)
        self.series.setBarWidth(0.7)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        self.category_axis = QBarCategoryAxis()
        self.category_axis.setLabelsFont(font)
        self.category_axis.setLabelsColor(QColor(AXIS_LABEL_COLOR))
        self.category_axis.setGridLineVisible(False)
        self.category_axis.setTruncateLabels(False)
        self.count_axis = _value_axis(font)
        chart = self.chart
        chart.addSeries(self.series)
        chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.count_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.count_axis)
        chart.legend().hide()
        self.count_set.clicked.connect(self.click_bar)
        self.count_set.hovered.connect(self._on_hovered)

    def set_categories(self, categories: list[CategoryCount]) -> None:
        """Show these categories (largest first); more than :data:`MAX_CATEGORY_BARS` are folded."""
        shown = list(categories)
        if len(shown) > MAX_CATEGORY_BARS:
            rest = shown[MAX_CATEGORY_BARS - 1:]
            shown = shown[:MAX_CATEGORY_BARS - 1] + [CategoryCount(
                "", self.tr("其他{n}类").format(n=len(rest)), sum(c.count for c in rest))]
        self._bars = list(reversed(shown))
        self.show_empty(not shown)
        self.count_set.remove(0, self.count_set.count())
        self.count_set.append([float(c.count) for c in self._bars])
        labels: list[str] = []
        for category in self._bars:
            label = _elide(category.name)
            labels.append(label if label not in labels else category.name)  # axis labels must be unique
        self.category_axis.clear()
        self.category_axis.append(labels)
        _set_range(self.count_axis, max([0, *(c.count for c in shown)]) * 1.1)

    def bars(self) -> list[CategoryCount]:
        """The bars as drawn, top to bottom."""
        return list(reversed(self._bars))

    def bar_values(self) -> list[int]:
        """Bar lengths, top to bottom."""
        return [int(self.count_set.at(i)) for i in reversed(range(self.count_set.count()))]

    def axis_labels(self) -> list[str]:
        """Category axis labels, top to bottom."""
        return list(reversed(self.category_axis.categories()))

    def minimumSizeHint(self) -> QSize:
        """Room for a full-length category name and bars with their counts."""
        metrics = QFontMetrics(self.category_axis.labelsFont())
        name = CATEGORY_NAME_CHARS * metrics.horizontalAdvance("中")  # i18n-exempt: width unit
        width = name + 7 * metrics.horizontalAdvance("0000")
        return QSize(width, super().minimumSizeHint().height())

    def click_bar(self, index: int) -> None:
        """A click on the bar at ``index`` (bottom = 0, as QBarSet counts)."""
        if 0 <= index < len(self._bars):
            self.sig_category_clicked.emit(self._bars[index].code)

    def _on_hovered(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self._bars):
            category = self._bars[index]
            QToolTip.showText(QCursor.pos(), self.tr("{name}：{n} 人次（点击查看这些咨询）").format(
                name=category.name, n=category.count), self)
        else:
            QToolTip.hideText()
