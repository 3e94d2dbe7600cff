"""The wrapping layouts that keep pages and forms from scrolling sideways in 大字模式 and in
English: FlowLayout (filter bars, button rows), ReflowLayout (figure cards, charts, side panels),
PairGridLayout (the record forms' label + field pairs) and the forms' FormScrollArea."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from liaison_app.gui.widgets.flow_layout import FlowLayout, keep_together
from liaison_app.gui.widgets.form_scroll_area import FormScrollArea
from liaison_app.gui.widgets.pair_grid import PairGridLayout, PairGridPeers
from liaison_app.gui.widgets.reflow_layout import ReflowLayout


def _host(show, layout_factory, width: int) -> tuple[QWidget, object]:
    host = QWidget()
    layout = layout_factory(host)
    show(host)
    host.resize(width, 400)
    return host, layout


def _buttons(parent: QWidget, n: int, width: int) -> list[QPushButton]:
    buttons = []
    for i in range(n):
        button = QPushButton(f"B{i}", parent)
        button.setFixedWidth(width)
        buttons.append(button)
    return buttons


def test_flow_keeps_one_line_while_it_fits_and_wraps_when_narrow(qtbot, show):
    host, flow = _host(show, lambda w: FlowLayout(w, spacing=10), 600)
    buttons = _buttons(host, 4, 100)
    for button in buttons:
        flow.addWidget(button)
    qtbot.wait(10)
    assert [len(line) for line in flow.lines()] == [4]
    assert len({b.y() for b in buttons}) == 1

    host.resize(250, 400)
    qtbot.wait(10)
    assert [len(line) for line in flow.lines()] == [2, 2]
    assert buttons[2].y() > buttons[0].y() and buttons[2].x() == buttons[0].x()
    assert flow.minimumSize().width() == 100          # one item per line at the least
    assert flow.heightForWidth(250) > flow.heightForWidth(600)


def test_flow_gives_the_spare_width_to_a_field_that_expands(qtbot, show):
    host, flow = _host(show, lambda w: FlowLayout(w, spacing=10), 600)
    title = QLabel("Title", host)
    search = QLineEdit(host)
    flow.addWidget(title)
    flow.addWidget(search)
    flow.addWidget(keep_together(host, *_buttons(host, 2, 80)))
    qtbot.wait(10)
    assert len(flow.lines()) == 1
    group = flow.itemAt(2).widget()
    assert group.geometry().right() == host.width() - 1   # buttons at the right end, field stretched
    assert search.width() > search.sizeHint().width()


def test_a_word_wrapped_label_in_a_flow_wraps_only_on_a_line_of_its_own(qtbot, show):
    host, flow = _host(show, lambda w: FlowLayout(w, spacing=10), 900)
    label = QLabel("words " * 20, host)
    label.setWordWrap(True)
    flow.addWidget(label)
    qtbot.wait(10)
    one_line = label.height()
    host.resize(200, 400)
    qtbot.wait(10)
    assert label.width() <= 200 and label.height() > one_line
    assert label.height() >= label.heightForWidth(label.width())


def test_reflow_puts_items_in_fewer_columns_when_they_do_not_fit(qtbot, show):
    host, grid = _host(show, lambda w: ReflowLayout((6, 3, 2), equal_columns=True, parent=w), 1000)
    grid.setSpacing(10)
    cards = []
    for i in range(6):
        card = QLabel(f"card {i}", host)
        card.setMinimumWidth(140)
        grid.add_widget(card, 2 if i == 0 else 1)
        cards.append(card)
    qtbot.wait(10)
    assert grid.column_count() == 6
    assert cards[0].width() > cards[1].width()            # the stretch counts in one row
    host.resize(600, 400)
    qtbot.wait(10)
    assert grid.column_count() == 3
    assert cards[3].x() == cards[0].x() and cards[3].y() > cards[0].y()
    assert cards[0].width() == cards[1].width()           # a grid: equal columns
    host.resize(400, 400)
    qtbot.wait(10)
    assert grid.column_count() == 2
    assert grid.minimumSize().width() == 2 * 140 + 10


def test_reflow_side_panel_goes_below_and_takes_the_whole_width(qtbot, show):
    host = QWidget()
    outer = QVBoxLayout(host)
    body = ReflowLayout((2, 1))
    main = QLabel("calendar", host)
    main.setMinimumWidth(500)
    side = QLabel("side", host)
    side.setMinimumWidth(200)
    body.add_widget(main, 1)
    body.add_widget(side, width=250)
    outer.addLayout(body)
    show(host)
    host.resize(900, 500)
    qtbot.wait(10)
    assert body.column_count() == 2 and side.width() == 250 and main.y() == side.y()
    host.resize(650, 500)
    qtbot.wait(10)
    assert body.column_count() == 1
    assert side.y() > main.y() and side.width() == main.width()


def _pair_form(show) -> tuple[QWidget, list[PairGridLayout], dict[str, QWidget]]:  # type: ignore[no-untyped-def]
    """Two groups of one form: 姓名 | 身份 and 电话 in the first, a lone 备注 in the second."""
    host = QWidget()
    body = QVBoxLayout(host)
    peers = PairGridPeers()
    fields: dict[str, QWidget] = {}
    grids = []
    for pairs in ((("name", 0, 0), ("role", 0, 1), ("phone", 1, 0)), (("a much longer label", 0, 0),)):
        group = QGroupBox(host)
        grid = PairGridLayout(group, peers=peers)
        for text, row, column in pairs:
            field = QLineEdit(group)
            field.setMinimumWidth(120)
            field.setFixedHeight(24)
            fields[text] = field
            grid.add_pair(QLabel(text, group), field, row, column)
        grids.append(grid)
        body.addWidget(group)
    show(host)
    return host, grids, fields


def test_pairs_side_by_side_when_wide_one_column_together_when_narrow(qtbot, show):
    host, grids, fields = _pair_form(show)
    host.resize(host.sizeHint().width(), 400)
    qtbot.wait(10)
    assert [grid.columns() for grid in grids] == [2, 2]
    assert fields["name"].y() == fields["role"].y() and fields["role"].x() > fields["name"].x()
    assert fields["name"].x() == fields["a much longer label"].x()    # label columns line up
    host.resize(host.sizeHint().width() - 40, 400)
    qtbot.wait(10)
    assert [grid.columns() for grid in grids] == [1, 1]
    assert fields["role"].y() > fields["name"].y() and fields["phone"].y() > fields["role"].y()
    assert fields["name"].x() == fields["role"].x() == fields["a much longer label"].x()
    assert fields["role"].width() >= fields["role"].minimumWidth()
    assert host.minimumSizeHint().width() < host.sizeHint().width() // 2 + 200


def test_form_scroll_area_asks_for_the_whole_form_and_never_scrolls_sideways(qtbot, show):
    form = QWidget()
    form.setMinimumSize(500, 1500)
    area = FormScrollArea()
    area.setWidget(form)
    show(area)
    bar = area.verticalScrollBar().sizeHint().width()
    assert area.sizeHint().height() >= 1500                        # not QScrollArea's 24 lines
    assert area.minimumSizeHint().width() == 500 + bar
    area.resize(area.minimumSizeHint().width(), 400)
    qtbot.wait(10)
    assert area.horizontalScrollBar().maximum() == 0 and area.verticalScrollBar().maximum() > 0
