"""首页: this month's figures, two small charts and every overdue follow-up (件件有回复)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.core.dashboard import TREND_MONTHS, dashboard
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.enums import FollowUpState, Outcome
from liaison_app.domain.records import ConsultationFilter
from liaison_app.domain.visits import VisitFilter
from liaison_app.gui.formatting import format_period_zh, join_list, overdue_days_text
from liaison_app.gui.labels import label
from liaison_app.gui.models.consultation_table_model import (
    COL_CATEGORY,
    OVERDUE_COLUMNS,
    ConsultationTableModel,
)
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.widgets.duty_today import DutyTodayPanel
from liaison_app.gui.widgets.dashboard_charts import CategoryChart, TrendChart
from liaison_app.gui.widgets.figure_card import FigureCard
from liaison_app.gui.widgets.reflow_layout import ReflowLayout

OVERDUE_FILTER = ConsultationFilter(followup=FollowUpState.OVERDUE)

# Tables whose changes move a figure on this page.
FIGURE_TABLES = ("consultation", "education_session", "volunteer_visit")


class StartPage(QWidget):
    """Figures of the current month (all points of this laptop), charts and the overdue list.

    The headline is 法律服务人次 as the court reports it upward (consultations + education
    audience, ``PeriodOverview.service_persons``); how it is computed is shown under it and in
    its tooltip. Each figure opens the list behind it, filtered. Beside the 回访 cards: the
    last twelve months (consultations as bars, audience as a line) and this month's level-1
    dispute categories; a bar opens the consultations behind it (month, or month + category),
    a point of the audience line that month's sessions.

    Signals:
        sig_filter_requested(ConsultationFilter): show the consultation list with this filter.
        sig_sessions_requested(SessionFilter): show the session list with this filter.
        sig_visits_requested(VisitFilter): show the visit list with this filter.
        sig_open_requested(str): open this consultation in the form.
        sig_new_requested(): start a new consultation.
        sig_setup_point_requested(): the user wants to set up the liaison point.
    """

    sig_filter_requested = Signal(object)
    sig_sessions_requested = Signal(object)
    sig_visits_requested = Signal(object)
    sig_open_requested = Signal(str)
    sig_new_requested = Signal()
    sig_setup_point_requested = Signal()

    def __init__(self, core: Core, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self._core = core
        self._period = clock.period_of(core.now())

        title = QLabel(self.tr("首页"), self)
        title.setProperty("role", "title")
        self.points_label = QLabel(self)
        self.points_label.setObjectName("points_label")
        self.points_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("＋ 新建咨询登记"), self)
        self.new_button.setObjectName("start_new")
        self.new_button.setProperty("role", "primary")

        self.setup_bar = QFrame(self)
        self.setup_bar.setObjectName("setup_hint")
        self.setup_bar.setProperty("role", "banner")
        self.setup_label = QLabel(self.tr("尚未设置联系点。请先填写联系点的名称、编码和所属法院，然后就可以登记咨询了。"),
                                  self.setup_bar)
        self.setup_label.setWordWrap(True)
        self.setup_button = QPushButton(self.tr("设置联系点…"), self.setup_bar)
        setup_layout = QHBoxLayout(self.setup_bar)
        setup_layout.addWidget(self.setup_label, 1)
        setup_layout.addWidget(self.setup_button)

        self.month_label = section_label("", self)
        self.service_card = FigureCard(self.tr("本月法律服务人次"), self)
        self.service_card.setObjectName("service_card")
        self.service_card.setProperty("headline", True)
        self.consultations_card = FigureCard(self.tr("本月咨询人次"), self)
        self.sessions_card = FigureCard(self.tr("本月宣讲场次"), self)
        self.sessions_card.setObjectName("sessions_card")
        self.audience_card = FigureCard(self.tr("受众人次"), self)
        self.audience_card.setObjectName("audience_card")
        self.visits_card = FigureCard(self.tr("志愿服务次数"), self)
        self.visits_card.setObjectName("visits_card")
        self.hours_card = FigureCard(self.tr("服务时长（小时）"), self)
        self.hours_card.setObjectName("hours_card")
        self.done_card = FigureCard(self.tr("本月回访完成"), self)
        self.overdue_card = FigureCard(self.tr("逾期未回访"), self)
        self.overdue_card.setObjectName("overdue_card")
        self.pending_card = FigureCard(self.tr("待回访"), self)
        # One row of figures at the standard size; in 大字模式 or English, rows of three (or two).
        cards = ReflowLayout((6, 3, 2), equal_columns=True)
        cards.add_widget(self.service_card, 2)
        for card in (self.consultations_card, self.sessions_card, self.audience_card, self.visits_card,
                     self.hours_card):
            cards.add_widget(card, 1)
        followup_title = QLabel(self.tr("回访（群众诉求件件有回复）"), self)
        followup_cards = QGridLayout()
        followup_cards.setContentsMargins(0, 0, 0, 0)
        followup_cards.addWidget(self.overdue_card, 0, 0, 1, 2)
        followup_cards.addWidget(self.pending_card, 1, 0)
        followup_cards.addWidget(self.done_card, 1, 1)
        self.trend_title = QLabel(self.tr("近{n}个月：咨询人次与宣讲受众").format(n=TREND_MONTHS), self)
        self.trend_chart = TrendChart(self)
        self.category_title = QLabel(self.tr("本月纠纷类型（点击横条查看）"), self)
        self.category_chart = CategoryChart(self)
        # 回访 and the two charts side by side: at 1366×768 the overdue table keeps its rows.
        # When they do not fit (大字模式, English), the category chart goes below the other two.
        self.dashboard_row = ReflowLayout((3, 2, 1))
        for stretch, (chart_title, content) in zip((3, 4, 4), ((followup_title, followup_cards),
                                                           (self.trend_title, self.trend_chart),
                                                           (self.category_title, self.category_chart))):
            self.dashboard_row.add_widget(_titled(self, chart_title, content), stretch)

        overdue_title = section_label(self.tr("逾期未回访（全部月份，期限最早的在前；双击打开）"), self)
        self.overdue_model = ConsultationTableModel(
            core.consultations, point_names=self._point_names(), columns=OVERDUE_COLUMNS,
            flt=OVERDUE_FILTER, sort="followup_due", descending=False, parent=self)
        self.overdue_table = QTableView(self)
        self.overdue_table.setObjectName("overdue_table")
        self.overdue_table.setModel(self.overdue_model)
        self.overdue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overdue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue_table.setAlternatingRowColors(True)
        self.overdue_table.verticalHeader().hide()
        self.overdue_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.overdue_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        # Names, villages and categories are shown as typed (Chinese) in every language.
        samples = ["2026-11-20" + overdue_days_text(30), "2026-11-29 09:30",
                   "宁安镇法官联系点", "欧阳**",  # i18n-exempt: width samples of data shown as typed
                   "138****1234",
                   "梧桐树村", "机动车交通事故责任纠纷",  # i18n-exempt: width samples of data shown as typed
                   label(Outcome.LEGAL_AID)]
        for column, sample in enumerate(samples):
            self.overdue_table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        header.setSectionResizeMode(self.overdue_model.column_of(COL_CATEGORY), QHeaderView.ResizeMode.Stretch)
        self.no_overdue_label = QLabel(self.tr("没有逾期未回访的咨询。"), self)
        self.no_overdue_label.setProperty("role", "muted")

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.points_label, 1)
        heading.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.setup_bar)
        layout.addWidget(self.month_label)
        layout.addLayout(cards)
        layout.addLayout(self.dashboard_row)
        layout.addWidget(overdue_title)
        layout.addWidget(self.no_overdue_label)
        # Today's and tomorrow's duty (with gaps) beside the overdue list.
        # A second tab, so the overdue list keeps the full width and stays the first thing seen.
        self.duty_today = DutyTodayPanel(core, signals, self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self.overdue_table, self.tr("逾期未回访"))
        self.bottom_tabs.addTab(self.duty_today, self.tr("今明两天值班"))
        layout.addWidget(self.bottom_tabs, 1)
        layout.addStretch(0)  # takes the spare height instead of the table when it is hidden
        self._layout = layout

        self.new_button.clicked.connect(self.sig_new_requested)
        self.setup_button.clicked.connect(self.sig_setup_point_requested)
        self.consultations_card.sig_clicked.connect(
            lambda: self.sig_filter_requested.emit(ConsultationFilter(period=self._period)))
        # The headline is mostly consultations; the audience part is behind the session cards.
        self.service_card.sig_clicked.connect(
            lambda: self.sig_filter_requested.emit(ConsultationFilter(period=self._period)))
        for card in (self.sessions_card, self.audience_card):
            card.sig_clicked.connect(lambda: self.sig_sessions_requested.emit(SessionFilter(period=self._period)))
        for card in (self.visits_card, self.hours_card):
            card.sig_clicked.connect(lambda: self.sig_visits_requested.emit(VisitFilter(period=self._period)))
        self.done_card.sig_clicked.connect(lambda: self.sig_filter_requested.emit(
            ConsultationFilter(period=self._period, followup=FollowUpState.DONE)))
        self.overdue_card.sig_clicked.connect(lambda: self.sig_filter_requested.emit(OVERDUE_FILTER))
        self.pending_card.sig_clicked.connect(
            lambda: self.sig_filter_requested.emit(ConsultationFilter(followup=FollowUpState.PENDING)))
        self.overdue_table.activated.connect(self._on_activated)
        self.category_chart.sig_category_clicked.connect(self.open_category)
        self.trend_chart.sig_consultations_clicked.connect(
            lambda period: self.sig_filter_requested.emit(ConsultationFilter(period=period)))
        self.trend_chart.sig_audience_clicked.connect(
            lambda period: self.sig_sessions_requested.emit(SessionFilter(period=period)))
        signals.sig_changes_applied.connect(self._on_changes)
        self._refresh_points()
        self.refresh_figures()

    def refresh_figures(self) -> None:
        """Re-read this month's figures (the month follows the clock)."""
        self._period = clock.period_of(self._core.now())
        figures = self._core.consultations.month_figures(self._period)
        overview = self._core.overview(self._period)
        self.month_label.setText(self.tr("本月情况（{month}，全部联系点）").format(month=format_period_zh(self._period)))
        formula = self.tr("咨询 {consultations} 人次 + 宣讲受众 {audience} 人次 = {total} 人次").format(
            consultations=overview.consultations, audience=overview.audience, total=overview.service_persons)
        self.service_card.set_value(str(overview.service_persons), tooltip=self.tr(
            "上报口径：为群众提供法律咨询答疑、普法案例宣讲等法律服务人次\n"
            "= 本月咨询人次 + 本月普法宣讲受众人数（线上观看人次另计）\n{formula}").format(formula=formula))
        self.service_card.set_detail(formula)
        self.consultations_card.set_value(str(figures.consultations))
        self.sessions_card.set_value(str(overview.sessions), tooltip=self.tr("本月登记的普法宣讲场次"))
        views = self.tr("；另有线上观看 {n} 人次").format(n=overview.online_views) if overview.online_views else ""
        self.audience_card.set_value(str(overview.audience),
                                     tooltip=self.tr("本月普法宣讲现场受众人数{views}").format(views=views))
        self.audience_card.set_detail(self.tr("线上观看 {n} 人次").format(n=overview.online_views)
                                      if overview.online_views else "")
        self.visits_card.set_value(str(overview.visits), tooltip=self.tr("本月退休法官志愿者到点服务的次数"))
        self.hours_card.set_value(f"{overview.visit_hours:.1f}",
                                  tooltip=self.tr("每次服务从到达到离开计时，按一位小数累计"))
        self.done_card.set_value(f"{figures.followups_done}/{figures.followups_required}",
                                 tooltip=self.tr("本月需要回访的咨询中，已回访的件数"))
        self.overdue_card.set_value(str(figures.overdue_total), alert=figures.overdue_total > 0,
                                    tooltip=self.tr("过了回访期限还没有回访的咨询（全部月份）"))
        self.pending_card.set_value(str(figures.pending_total),
                                    tooltip=self.tr("尚未到期、还没有回访的咨询（全部月份）"))
        charts = dashboard(self._core, self._period)
        self.trend_chart.set_months(charts.trend)
        self.category_chart.set_categories(charts.categories)
        has_overdue = figures.overdue_total > 0
        self.no_overdue_label.setVisible(not has_overdue)
        self.overdue_table.setVisible(has_overdue)
        self._layout.setStretch(self._layout.count() - 1, 0 if has_overdue else 1)

    def open_category(self, category_code: str) -> None:
        """Ask for this month's consultations of a level-1 category (all of the month for "")."""
        self.sig_filter_requested.emit(ConsultationFilter(period=self._period, category_code=category_code or None))

    def showEvent(self, event: QShowEvent) -> None:
        """Figures are re-read whenever the page is shown (the day may have changed)."""
        self.refresh_figures()
        super().showEvent(event)

    def _refresh_points(self) -> None:
        points = self._core.points.all()
        self.setup_bar.setVisible(not points)
        self.new_button.setEnabled(bool(points))
        if points:
            self.points_label.setText(join_list(self.tr("{name}（{court}）").format(name=p.name, court=p.court)
                                                for p in points))
        else:
            self.points_label.setText("")

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("liaison_point"):
            self._refresh_points()
            self.overdue_model.set_point_names(self._point_names())
        if changes.touches("consultation"):
            self.overdue_model.refresh()
        if any(changes.touches(table) for table in FIGURE_TABLES):
            self.refresh_figures()

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.overdue_model.record_at(index.row())
        if record is not None:
            self.sig_open_requested.emit(record.id)

    def _point_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._core.points.all()}


def section_label(text: str, parent: QWidget) -> QLabel:
    """A bold section heading that wraps when the page is narrow."""
    heading = QLabel(text, parent)
    heading.setProperty("role", "section")
    heading.setWordWrap(True)
    return heading


def _titled(parent: QWidget, title: QLabel, content: QWidget | QLayout) -> QWidget:
    """``title`` (made a section heading) over ``content``, as one widget of the dashboard row."""
    title.setProperty("role", "section")
    title.setWordWrap(True)
    column = QWidget(parent)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    if isinstance(content, QLayout):
        layout.addLayout(content)
    else:
        layout.addWidget(content, 1)
    return column
