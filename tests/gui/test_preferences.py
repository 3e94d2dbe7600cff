"""Settings (QSettings), 大字模式, the 关于 box and the user guide (issue #10)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from liaison_app import __version__, paths
from liaison_app.gui.appearance import BASE_POINT_SIZE, apply_text_scale, scaled_stylesheet, text_scale
from liaison_app.gui.dialogs.help_dialogs import AboutDialog, UserGuideDialog
from liaison_app.gui.dialogs.settings_dialog import SettingsDialog
from liaison_app.gui.main_window import MainWindow
from liaison_app.gui.preferences import Preferences, load_preferences, save_preferences


@pytest.fixture
def restore_scale(qapp):
    yield
    apply_text_scale(qapp, 1.0)


def test_preferences_round_trip_and_defaults():
    assert load_preferences() == Preferences("zh_CN", 1.0)  # nothing stored yet
    assert save_preferences(Preferences("en", 1.3)) == Preferences("en", 1.3)
    assert load_preferences() == Preferences("en", 1.3)
    text = paths.settings_path().read_text(encoding="utf-8")
    assert "language=en" in text and "text_scale=1.3" in text


def test_damaged_or_out_of_range_values_fall_back():
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text("[ui]\nlanguage=klingon\ntext_scale=huge\n", encoding="utf-8")
    assert load_preferences() == Preferences("zh_CN", 1.0)
    assert save_preferences(Preferences("zh_CN", 2.5)).text_scale == 1.6
    assert save_preferences(Preferences("zh_CN", 0.5)).text_scale == 1.0


def test_stylesheet_sizes_scale_but_hairlines_stay():
    qss = "QLabel { font-size: 16pt; padding: 5px 14px; border: 1px solid #d6dbe3; }"
    assert scaled_stylesheet(qss, 1.5) == "QLabel { font-size: 24pt; padding: 8px 21px; border: 1px solid #d6dbe3; }"


def test_settings_dialog_stores_and_applies_text_size(qtbot, qapp, restore_scale):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData(1.3))
    dialog.accept()
    assert load_preferences().text_scale == 1.3
    assert text_scale(qapp) == 1.3
    assert qapp.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.3, abs=0.5)


def test_text_size_shortcuts_step_and_persist(qtbot, core, signals, restore_scale):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    assert window.change_text_size(+1) == 1.15
    assert window.change_text_size(+1) == 1.3
    assert load_preferences().text_scale == 1.3
    for _ in range(5):
        window.change_text_size(+1)
    assert text_scale() == 1.6  # the largest step, no further
    assert window.change_text_size(0) == 1.0
    assert window.change_text_size(-1) == 1.0


def test_text_size_survives_a_restart(tmp_path):
    """A new process reads the stored scale before building any window."""
    settings_file = tmp_path / "restart" / "settings.ini"
    env = {**os.environ, paths.SETTINGS_ENV_VAR: str(settings_file), "QT_QPA_PLATFORM": "offscreen"}
    script = ("from liaison_app.gui.preferences import Preferences, save_preferences;"
              "save_preferences(Preferences('zh_CN', 1.6))")
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    probe = ("from liaison_app.gui.application import ensure_application, configure_application;"
             "app = ensure_application(); configure_application(app); print(app.font().pointSizeF())")
    out = subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60,
                         capture_output=True, text=True).stdout
    assert float(out.split()[-1]) == pytest.approx(BASE_POINT_SIZE * 1.6, abs=0.5)


def test_about_names_version_data_and_settings_locations(qtbot, core):
    dialog = AboutDialog(core.path)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert __version__ in text
    assert str(core.path) in text
    assert str(paths.settings_path()) in text
    assert str(paths.attachments_dir(core.path)) in text


def test_user_guide_opens_with_its_screenshots(qtbot):
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    first_heading = paths.user_guide_path().read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    assert first_heading and first_heading in text
    image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               QUrl("screenshots/start.png"))
    assert image is not None and not image.isNull()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.browser.horizontalScrollBar().maximum() == 0  # screenshots fit the window


def test_help_menu_opens_the_guide_with_f1(qtbot, core, signals):
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "帮助(&H)" in titles and "查看(&V)" in titles
    dialog = window.open_user_guide()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.browser.toPlainText()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    guide = next(a for a in help_menu.actions() if a.text() == "使用说明")
    assert guide.shortcut().toString() == "F1"
    assert isinstance(QApplication.instance(), QApplication)


def test_unwritable_settings_still_apply_for_the_session_and_say_so_once(qtbot, core, signals, tmp_path,
                                                                         monkeypatch, restore_scale):
    """Regression: a settings folder that cannot be created made Ctrl++ and 设置 → 确定 raise
    in the slot (nothing changed, no message)."""
    from PySide6.QtWidgets import QMessageBox

    from liaison_app.gui.dialogs import settings_dialog

    blocker = tmp_path / "afile"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    monkeypatch.setenv(paths.SETTINGS_ENV_VAR, str(blocker / "settings.ini"))
    monkeypatch.setattr(settings_dialog, "_WARNED", set())
    window = MainWindow(core, signals)
    qtbot.addWidget(window)
    assert window.change_text_size(+1) == 1.15
    assert text_scale() == 1.15
    assert window.change_text_size(+1) == 1.3
    boxes = [w for w in window.findChildren(QMessageBox) if w.windowTitle() == "设置未能保存"]
    assert len(boxes) == 1 and str(blocker / "settings.ini") in boxes[0].text()
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData(1.6))
    dialog.accept()
    assert text_scale() == 1.6
    assert not (blocker / "settings.ini").exists()
