"""Start-page charts: the series hold the core's numbers, a category bar opens the list behind it,
the labels are drawn in the app's CJK font, the page renders with visible charts."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QColor, QFontMetrics, QImage

from liaison_app.core import Core
from liaison_app.core.dashboard import CategoryCount, TrendMonth, dashboard
from liaison_app.core.demo import fill_demo
from liaison_app.core.reports import monthly_report_data
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.application import SCREEN_SIZE, configure_application
from liaison_app.gui.main_window import PAGE_CONSULTATIONS, MainWindow
from liaison_app.gui.pages.start_page import StartPage
from liaison_app.gui.widgets.dashboard_charts import (
    CONSULTATION_COLOR,
    MAX_CATEGORY_BARS,
    CategoryChart,
    nice_axis_top,
)
from liaison_app.storage.database import open_database
from tests.conftest import FIXED_NOW

PERIOD = "2026-11"  # FIXED_NOW's month


@pytest.fixture(scope="session")
def demo_template(migrated_template, tmp_path_factory):
    """Built once: two points, twelve months of invented records (FIXED_NOW = 2026-11-29)."""
    path = tmp_path_factory.mktemp("dashboard") / "demo.db"
    shutil.copy(migrated_template, path)
    with Core(open_database(path), path, now=lambda: FIXED_NOW) as core:
        fill_demo(core, points=2, months=12, consultations=700, seed=3)
    return path


@pytest.fixture
def demo_core(demo_template, tmp_path):
    """A private copy of the demo database."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    core = Core(open_database(path), path, now=lambda: FIXED_NOW)
    yield core
    core.close()


@pytest.fixture
def page(qtbot, qapp, demo_core, signals):
    configure_application(qapp)   # the shipped CJK font, as in the app
    start = StartPage(demo_core, signals)
    qtbot.addWidget(start)
    start.resize(SCREEN_SIZE[0] - 150, SCREEN_SIZE[1] - 60)
    start.show()
    qtbot.waitExposed(start)
    return start


def test_trend_series_equal_the_core_and_the_report(page, demo_core):
    report = monthly_report_data(demo_core, PERIOD)
    chart = page.trend_chart
    assert chart.periods() == [p for p, _, _ in report.trend]
    assert len(chart.periods()) == 12 and chart.periods()[-1] == PERIOD
    assert chart.consultation_values() == [c for _, c, _ in report.trend]
    assert chart.audience_values() == [a for _, _, a in report.trend]
    assert chart.month_labels() == [f"{int(p[5:])}月" for p in chart.periods()]
    # and the month's bar is the count behind the list the bar opens
    assert chart.consultation_values()[-1] == demo_core.consultations.count(ConsultationFilter(period=PERIOD))
    assert chart.audience_values()[-1] == demo_core.overview(PERIOD).audience
    assert not chart.is_empty() and sum(chart.consultation_values()) > 0


def test_category_bars_equal_the_core_and_the_list_behind_them(page, demo_core):
    report = monthly_report_data(demo_core, PERIOD)
    chart = page.category_chart
    bars = chart.bars()
    values = chart.bar_values()
    assert [b.count for b in bars] == values
    expected = report.by_category
    if len(expected) > MAX_CATEGORY_BARS:
        shown = MAX_CATEGORY_BARS - 1
        assert [(b.name, b.count) for b in bars[:shown]] == expected[:shown]
        assert bars[-1].code == "" and bars[-1].count == sum(n for _, n in expected[shown:])
    else:
        assert [(b.name, b.count) for b in bars] == expected
    assert sum(values) == demo_core.consultations.count(ConsultationFilter(period=PERIOD))
    for bar in bars:
        if bar.code:
            assert bar.count == demo_core.consultations.count(
                ConsultationFilter(period=PERIOD, category_code=bar.code)), bar.name


def test_clicking_a_category_opens_the_consultation_list_filtered(qtbot, qapp, demo_core, signals):
    configure_application(qapp)
    window = MainWindow(demo_core, signals)
    qtbot.addWidget(window)
    window.show()
    chart = window.start_page.category_chart
    top = chart.bars()[0]
    assert top.code
    chart.click_bar(len(chart.bars()) - 1)          # QBarSet counts from the bottom: the top bar
    assert window.current_page_key() == PAGE_CONSULTATIONS
    flt = window.consultation_page.filter_bar.filter()
    assert (flt.period, flt.category_code) == (PERIOD, top.code)
    assert window.consultation_page.model.total_count() == top.count

    window.show_page("start")
    chart.count_set.clicked.emit(len(chart.bars()) - 1)   # the chart's own signal, as a mouse click sends it
    assert window.current_page_key() == PAGE_CONSULTATIONS


def test_trend_clicks_open_the_month(qtbot, page):
    months = page.trend_chart.periods()
    with qtbot.waitSignal(page.sig_filter_requested) as requested:
        page.trend_chart.consultation_set.clicked.emit(3)
    assert requested.args[0] == ConsultationFilter(period=months[3])
    with qtbot.waitSignal(page.sig_sessions_requested) as requested:
        page.trend_chart.audience_series.clicked.emit(page.trend_chart.audience_series.at(5))
    assert requested.args[0] == SessionFilter(period=months[5])


def test_other_bar_opens_the_whole_month(qtbot, qapp, signals, core):
    configure_application(qapp)
    chart = CategoryChart()
    qtbot.addWidget(chart)
    many = [CategoryCount(f"C{i}", f"类型{i}", 20 - i) for i in range(10)]
    chart.set_categories(many)
    assert len(chart.bars()) == MAX_CATEGORY_BARS
    assert chart.bars()[-1] == CategoryCount("", "其他4类", 14 + 13 + 12 + 11)
    with qtbot.waitSignal(chart.sig_category_clicked) as clicked:
        chart.click_bar(0)                                # bottom bar = 其他
    assert clicked.args == [""]
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_filter_requested) as requested:
        page.open_category("")
    assert requested.args[0] == ConsultationFilter(period=PERIOD)


def test_axis_labels_use_the_app_cjk_font(page, qapp):
    family = qapp.font().family()
    assert "WenQuanYi" in family or "文泉驿" in family
    trend, categories = page.trend_chart, page.category_chart
    axes = (trend.month_axis, trend.consultation_axis, trend.audience_axis, categories.category_axis,
            categories.count_axis)
    for axis in axes:
        assert axis.labelsFont().family() == family
    assert trend.chart.legend().font().family() == family
    assert categories.count_set.labelFont().family() == family
    texts = trend.month_labels() + categories.axis_labels() + [trend.consultation_set.label(),
                                                              trend.audience_series.name()]
    for axis, labels in ((trend.month_axis, trend.month_labels()), (categories.category_axis,
                                                                    categories.axis_labels())):
        metrics = QFontMetrics(axis.labelsFont())
        missing = {ch for text in labels for ch in text if not metrics.inFontUcs4(ord(ch))}
        assert not missing, missing
    assert all(texts)
    assert not categories.category_axis.labelsTruncated()
    assert not trend.month_axis.labelsTruncated()


def test_empty_database_shows_sentences_not_empty_charts(qtbot, qapp, core, signals):
    page = StartPage(core, signals)
    qtbot.addWidget(page)
    page.show()
    assert page.trend_chart.is_empty() and page.trend_chart.empty_label.isVisible()
    assert page.category_chart.is_empty() and "本月还没有法律咨询记录" in page.category_chart.empty_label.text()
    assert page.trend_chart.consultation_values() == [0] * 12


def test_charts_follow_changes(qtbot, qapp, core, point, signals):
    from .helpers import make_consultation

    page = StartPage(core, signals)
    qtbot.addWidget(page)
    _, changes = core.consultations.save(make_consultation(core, point, category_code="MAR-DIV"))
    signals.sig_changes_applied.emit(changes)
    assert not page.category_chart.is_empty()
    assert [(b.code, b.count) for b in page.category_chart.bars()] == [("MAR", 1)]
    assert page.trend_chart.consultation_values()[-1] == 1
    assert dashboard(core, PERIOD).trend[-1] == TrendMonth(PERIOD, 1, 0, 0)


def test_start_page_screenshot_shows_the_charts(page, tmp_path):
    path = tmp_path / "start.png"
    assert page.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 1000
    for chart in (page.trend_chart, page.category_chart):
        shot = chart.view.grab().toImage()
        blue = QColor(CONSULTATION_COLOR).rgb()
        bar_pixels = sum(1 for x in range(0, shot.width(), 2) for y in range(0, shot.height(), 2)
                         if shot.pixel(x, y) == blue)
        assert bar_pixels > 200, chart.objectName()          # bars drawn, not an empty frame
        assert chart.view.height() >= 180
    # the overdue table keeps room at laptop size
    assert page.overdue_table.isVisible() is (page.overdue_card.value() != "0")


@pytest.mark.parametrize(("value", "expected"), [
    (0, (1, 2)), (1, (1, 2)), (3.3, (4, 5)), (5, (5, 6)), (7, (8, 5)), (11, (15, 4)), (46, (50, 6)),
    (130, (150, 4)), (1187 * 1.1, (1500, 4)),
])
def test_nice_axis_top_gives_whole_ticks(value, expected):
    top, ticks = nice_axis_top(value)
    assert top >= value and (top / (ticks - 1)).is_integer() and ticks - 1 <= 5
    assert (top, ticks) == expected
