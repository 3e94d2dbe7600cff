"""PDF dialogs: 月度工作报告, 打印登记表 (masked by default), 志愿服务时长证明."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from liaison_app.gui.dialogs.pdf_dialogs import CertificateDialog, MonthlyReportDialog, RegistrationPrintDialog
from liaison_app.gui.main_window import MainWindow
from liaison_app.gui.pages.consultation_list_page import ConsultationListPage
from tests.helpers.pdf import pdf_text

from .form_filling import choose
from .helpers import make_consultation, make_session, make_visit, make_volunteer


def test_monthly_report_from_the_menu(qtbot, core, point, signals, tmp_path):
    core.consultations.save(make_consultation(core, point))
    make_session(core, point, make_volunteer(core, point))
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    dialog = window.monthly_report()
    assert dialog.isVisible() and dialog.month_combo.period() == "2026-11"
    assert dialog.path_edit.text().endswith("月度工作报告_全部_2026-11.pdf")
    choose(dialog.point_combo, point.code)
    assert dialog.path_edit.text().endswith("月度工作报告_ZN-NA_2026-11.pdf")
    dialog.path_edit.setText(str(tmp_path / "report"))            # ".pdf" is added
    with qtbot.waitSignal(dialog.sig_written):
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "report.pdf"
    assert dialog.output_path == out and out.read_bytes()[:5] == b"%PDF-"
    assert str(out) in dialog.result_label.text() and dialog.result_label.isVisible()
    assert dialog.open_button.isVisible()
    assert "宁安镇法官联系点" in pdf_text(out)
    dialog.close()


def test_pdf_dialogs_open_in_their_first_option_and_tab_goes_down(qtbot, core, point):
    """The options come before 保存到 and the buttons (the base class makes those first)."""
    from PySide6.QtWidgets import QApplication

    dialog = MonthlyReportDialog(core)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    order = [QApplication.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(order[-1], Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [dialog.month_combo, dialog.point_combo, dialog.path_edit, dialog.browse_button,
                     dialog.generate_button]


def test_report_to_a_missing_folder_is_refused_beside_the_path(qtbot, core, point, tmp_path):
    dialog = MonthlyReportDialog(core)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "没有这个文件夹" / "r.pdf"))
    assert not dialog.generate()
    assert "不存在" in dialog.path_row.error()
    assert dialog.output_path is None


def test_registration_form_is_masked_unless_full_is_chosen(qtbot, core, point, signals, tmp_path):
    record, _ = core.consultations.save(make_consultation(core, point, phone="13912345678"))
    dialog = RegistrationPrintDialog(core, record.id)
    qtbot.addWidget(dialog)
    assert dialog.masked and "王秀英" not in dialog.path_edit.text()
    dialog.path_edit.setText(str(tmp_path / "masked.pdf"))
    assert dialog.generate()
    masked_text = pdf_text(tmp_path / "masked.pdf")
    assert "王**" in masked_text and "王秀英" not in masked_text and "13912345678" not in masked_text
    qtbot.mouseClick(dialog.full_button, Qt.MouseButton.LeftButton)
    dialog.path_edit.setText(str(tmp_path / "full.pdf"))
    assert dialog.generate()
    assert "王秀英" in pdf_text(tmp_path / "full.pdf")


def test_print_button_on_the_list_and_on_the_form(qtbot, core, point, signals):
    from PySide6.QtGui import QUndoStack

    record, _ = core.consultations.save(make_consultation(core, point))
    stack = QUndoStack()
    page = ConsultationListPage(core, signals, stack)
    qtbot.addWidget(page)
    assert not page.print_button.isEnabled()
    page.table.selectRow(0)
    dialog = page.print_selected()
    assert isinstance(dialog, RegistrationPrintDialog) and dialog.isVisible()
    dialog.close()
    form = page.open_form(record.id)
    assert not form.view.print_button.isHidden()
    assert isinstance(form.print_registration(), RegistrationPrintDialog)
    new_form = page.open_form(None)
    assert new_form.view.print_button.isHidden()   # nothing stored to print yet
    for widget in (form, new_form):
        widget.close()


def test_service_certificate_for_a_volunteer(qtbot, core, point, tmp_path):
    volunteer = make_volunteer(core, point)
    make_visit(core, point, volunteer)                                  # 3.6 h
    make_visit(core, point, volunteer, visited_on=date(2026, 2, 3))     # 3.6 h
    make_visit(core, point, volunteer, visited_on=date(2025, 12, 1))    # last year: outside the default
    dialog = CertificateDialog(core, volunteer.id)
    qtbot.addWidget(dialog)
    assert dialog.period() == (date(2026, 1, 1), date(2026, 11, 29))   # this year up to today
    assert dialog.summary_label.text() == "这段时间服务 2 次，共 7.2 小时"
    dialog.end_edit.setDate(QDate(2025, 12, 31))
    assert dialog.dates_row.error() == "结束日期不能早于开始日期"
    assert not dialog.generate()
    dialog.end_edit.setDate(QDate(2026, 11, 29))
    dialog.path_edit.setText(str(tmp_path / "证明.pdf"))
    assert dialog.generate(), dialog.result_label.text()
    text = pdf_text(tmp_path / "证明.pdf")
    assert "张德昇" in text and "7.2" in text
