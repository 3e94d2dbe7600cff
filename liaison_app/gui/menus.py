"""The main window's menus and its comfort actions (settings, 大字模式 steps, guide, 关于).

Texts are in the ``MainWindow`` translation context, as if written in the window's class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from liaison_app.i18n import translate

if TYPE_CHECKING:
    from liaison_app.gui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """文件, 查看, 记录, 报表, 帮助 with their shortcuts (shown in the menus). Shortcuts are set
    with ``setShortcuts``: ``setShortcut`` makes PySide build its whole ``Qt`` namespace
    (~20 ms) before the window is shown.

    The actions that need the database are listed in ``window.core_actions`` and disabled
    until the core is attached (:func:`enable_core_actions`); settings, text size, the guide,
    关于 and 退出 work while the database is being opened.
    """
    from liaison_app.gui.main_window import PAGE_EXPORT, PAGE_SESSIONS, PAGE_VISITS

    file_menu = window.menuBar().addMenu(translate("MainWindow", "文件(&F)"))
    quit_action = QAction(translate("MainWindow", "退出"), window)
    quit_action.setShortcuts(_first_binding(QKeySequence.StandardKey.Quit))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.close)
    import_action = QAction(translate("MainWindow", "导入旧台账…"), window)
    import_action.triggered.connect(window._open_ledger_import)
    export_action = QAction(translate("MainWindow", "导出报送文件…"), window)
    export_action.triggered.connect(lambda: (window.show_page(PAGE_EXPORT), window.export_page.open_export_dialog()))
    settings_action = QAction(translate("MainWindow", "设置…"), window)
    settings_action.setObjectName("settings_action")
    settings_action.setShortcuts([QKeySequence("Ctrl+,")])
    settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    settings_action.triggered.connect(window.open_settings)
    file_menu.addAction(import_action)
    file_menu.addAction(export_action)
    file_menu.addSeparator()
    file_menu.addAction(settings_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    view_menu = window.menuBar().addMenu(translate("MainWindow", "查看(&V)"))
    for text, keys, step in ((translate("MainWindow", "放大文字"), ("Ctrl++", "Ctrl+="), +1),
                             (translate("MainWindow", "缩小文字"), ("Ctrl+-",), -1),
                             (translate("MainWindow", "文字恢复标准大小"), ("Ctrl+0",), 0)):
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda _checked=False, step=step: window.change_text_size(step))
        view_menu.addAction(action)

    records = window.menuBar().addMenu(translate("MainWindow", "记录(&R)"))
    window.new_action = QAction(translate("MainWindow", "新建咨询"), window)
    window.new_action.setShortcuts([QKeySequence("Ctrl+N")])
    window.new_action.triggered.connect(window.new_consultation)
    new_session = QAction(translate("MainWindow", "新建普法宣讲…"), window)
    new_session.triggered.connect(lambda: window._open_new(PAGE_SESSIONS, window.session_page))
    new_visit = QAction(translate("MainWindow", "新建志愿服务记录…"), window)
    new_visit.triggered.connect(lambda: window._open_new(PAGE_VISITS, window.visit_page))
    window.search_action = QAction(translate("MainWindow", "搜索"), window)
    window.search_action.setShortcuts([QKeySequence("Ctrl+F")])
    window.search_action.triggered.connect(window.search)
    window.undo_action = QAction(translate("MainWindow", "撤销删除"), window)
    window.undo_action.setObjectName("undo_action")
    window.undo_action.setShortcuts(_first_binding(QKeySequence.StandardKey.Undo))
    window.undo_action.setEnabled(False)
    window.undo_action.triggered.connect(window._undo)
    window.undo_stack.canUndoChanged.connect(window.undo_action.setEnabled)
    window.undo_stack.undoTextChanged.connect(
        lambda text: window.undo_action.setToolTip(translate("MainWindow", "撤销：{what}").format(what=text)))
    setup_action = QAction(translate("MainWindow", "新建联系点…"), window)
    setup_action.triggered.connect(window.setup_point)
    for action in (window.new_action, new_session, new_visit, window.search_action, window.undo_action):
        records.addAction(action)
    records.addSeparator()
    records.addAction(setup_action)

    reports = window.menuBar().addMenu(translate("MainWindow", "报表(&B)"))
    window.monthly_report_action = QAction(translate("MainWindow", "生成月度工作报告…"), window)
    window.monthly_report_action.triggered.connect(window.monthly_report)
    registration_action = QAction(translate("MainWindow", "打印来访接待登记表…"), window)
    registration_action.triggered.connect(window._print_registration)
    certificate_action = QAction(translate("MainWindow", "打印志愿服务时长证明…"), window)
    certificate_action.triggered.connect(lambda: (window.show_page(PAGE_VISITS), window.visit_page.open_certificate()))
    for action in (window.monthly_report_action, registration_action, certificate_action):
        reports.addAction(action)

    window.core_actions = [import_action, export_action, window.new_action, new_session, new_visit,
                           window.search_action, setup_action, window.monthly_report_action,
                           registration_action, certificate_action]
    enable_core_actions(window, False)   # until MainWindow.attach_core

    help_menu = window.menuBar().addMenu(translate("MainWindow", "帮助(&H)"))
    guide_action = QAction(translate("MainWindow", "使用说明"), window)
    guide_action.setShortcuts(_first_binding(QKeySequence.StandardKey.HelpContents))
    guide_action.triggered.connect(window.open_user_guide)
    about_action = QAction(translate("MainWindow", "关于"), window)
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(window.about)
    help_menu.addAction(guide_action)
    help_menu.addSeparator()
    help_menu.addAction(about_action)


def _first_binding(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """What ``QKeySequence(key)`` is (the platform's first binding, or none), as a list."""
    return QKeySequence.keyBindings(key)[:1]


def enable_core_actions(window: MainWindow, enabled: bool) -> None:
    """Enable (or disable) the menu actions that need the database."""
    for action in window.core_actions:
        action.setEnabled(enabled)


def open_about(window: MainWindow, db_path: Path | None) -> QDialog:
    """帮助 → 关于 (window-modal)."""
    from liaison_app.gui.dialogs.help_dialogs import AboutDialog

    dialog = AboutDialog(db_path, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def about_text(window: MainWindow, db_path: Path | None) -> str:
    """Text of the 关于 box."""
    from liaison_app.gui.dialogs.help_dialogs import AboutDialog

    dialog = AboutDialog(db_path, window)
    text = dialog.about_text(db_path)
    dialog.deleteLater()
    return text


def open_user_guide(window: QWidget) -> QDialog:
    """帮助 → 使用说明 (F1): the Chinese user guide in a window of its own."""
    from PySide6.QtCore import Qt

    from liaison_app.gui.dialogs.help_dialogs import UserGuideDialog

    dialog = UserGuideDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_settings(window: MainWindow) -> QDialog:
    """文件 → 设置… (Ctrl+,): language and 大字模式."""
    from liaison_app.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def change_text_size(window: MainWindow, step: int) -> float:
    """One 大字模式 step larger (+1), smaller (−1) or back to 1.0 (0), stored at once;
    returns the new scale."""
    from liaison_app.gui.appearance import apply_text_scale, text_scale
    from liaison_app.gui.dialogs.settings_dialog import store_preferences
    from liaison_app.gui.preferences import TEXT_SCALE_STEPS, load_preferences

    current = text_scale()
    index = min(range(len(TEXT_SCALE_STEPS)), key=lambda i: abs(TEXT_SCALE_STEPS[i] - current))
    index = 0 if step == 0 else max(0, min(len(TEXT_SCALE_STEPS) - 1, index + step))
    stored = store_preferences(window, replace(load_preferences(), text_scale=TEXT_SCALE_STEPS[index]))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_text_scale(app, stored.text_scale)
    window.statusBar().showMessage(
        translate("MainWindow", "文字大小：{factor} 倍").format(factor=f"{stored.text_scale:g}"), 3000)
    return stored.text_scale


def install_comfort_shortcuts(dialog: QWidget) -> None:
    """Give ``dialog`` (a record form that blocks the main window while open) the main
    window's text-size keys (Ctrl++ / Ctrl+= / Ctrl+- / Ctrl+0, acting on the main window the
    dialog belongs to) and F1 (the guide, over the dialog), so they work while it is open."""
    def main_window() -> MainWindow | None:
        from liaison_app.gui.main_window import MainWindow

        widget = dialog.parentWidget()
        window = widget.window() if widget is not None else None
        return window if isinstance(window, MainWindow) else None

    def run(action: Callable[[MainWindow], object]) -> None:
        window = main_window()
        if window is not None:
            action(window)

    bindings: tuple[tuple[tuple[str, ...], Callable[[MainWindow], object]], ...] = (
        (("Ctrl++", "Ctrl+="), lambda w: change_text_size(w, +1)),
        (("Ctrl+-",), lambda w: change_text_size(w, -1)),
        (("Ctrl+0",), lambda w: change_text_size(w, 0)),
    )
    for keys, action in bindings:
        for key in keys:
            QShortcut(QKeySequence(key), dialog, lambda action=action: run(action))
    # The guide opens over the form (a window of the blocked main window would not take input).
    QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog, lambda: open_user_guide(dialog))
