"""The round trip the issue asks for, through the widgets of the main window:
enter → find by a Chinese substring → open → edit → save → delete → undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.main_window import PAGE_CONSULTATIONS, MainWindow

from .form_filling import QUESTION, fill_valid_form
from .helpers import commit_text, insert_consultations


def test_enter_find_edit_delete_undo(qtbot, core, point, signals):
    insert_consultations(core, point, 5)  # other records the search must filter out
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.consultation_page
    assert page.count_label.text() == "共 5 条"

    # 1. New consultation (记录 → 新建咨询, Ctrl+N), filled through the widgets.
    window.new_action.trigger()
    (form,) = page.open_forms()
    fill_valid_form(qtbot, form)
    with qtbot.waitSignal(form.finished):
        qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    matches = [r for r in core.consultations.page(ConsultationFilter()) if r.question == QUESTION]
    assert len(matches) == 1
    record_id = matches[0].id
    assert page.count_label.text() == "共 6 条"

    # 2. Find it by a Chinese substring of the question typed in the search box (Ctrl+F).
    window.search_action.trigger()
    assert window.current_page_key() == PAGE_CONSULTATIONS
    commit_text(page.filter_bar.search_edit, "生活费")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.record_at(0).id == record_id
    assert page.count_label.text() == "共 1 条"
    # Short (2-character) searches work too (not via the trigram index).
    page.filter_bar.search_edit.clear()
    commit_text(page.filter_bar.search_edit, "儿媳")
    qtbot.waitUntil(lambda: page.model.filter.text == "儿媳", timeout=2000)
    assert [page.model.record_at(r).id for r in range(page.model.rowCount())] == [record_id]

    # 3. Open it with Enter, edit a field, save.
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    (edit_form,) = page.open_forms()
    assert edit_form.record_id == record_id
    assert edit_form.view.visitor_edit.text() == "李桂兰"
    edit_form.view.village_edit.clear()
    commit_text(edit_form.view.village_edit, "新堡村")
    with qtbot.waitSignal(edit_form.finished):
        qtbot.mouseClick(edit_form.view.save_button, Qt.MouseButton.LeftButton)
    assert core.consultations.get(record_id).village == "新堡村"
    assert page.model.record_at(0).village == "新堡村"  # the list refreshed

    # 4. Delete it: gone from the list, soft-deleted in the database.
    assert page.select_record(record_id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "共 0 条"
    assert core.consultations.get(record_id).deleted
    assert page.undo_bar.isVisible() and "已删除" in page.undo_label.text()
    assert window.undo_action.isEnabled()

    # 5. Undo (记录 → 撤销删除, Ctrl+Z): back in the list and in the database.
    window.undo_action.trigger()
    assert page.model.rowCount() == 1
    assert page.model.record_at(0).id == record_id
    assert not core.consultations.get(record_id).deleted
    assert not page.undo_bar.isVisible()

    # The inline 撤销 button does the same.
    page.select_record(record_id)
    page.delete_selected()
    assert core.consultations.get(record_id).deleted
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert not core.consultations.get(record_id).deleted
    assert page.model.rowCount() == 1
