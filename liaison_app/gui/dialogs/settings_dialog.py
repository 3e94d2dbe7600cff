"""文件 → 设置…: language and 大字模式, stored with QSettings (gui/preferences.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from liaison_app import paths
from liaison_app.gui.appearance import apply_text_scale, text_scale
from liaison_app.gui.preferences import (
    LANGUAGES,
    TEXT_SCALE_STEPS,
    Preferences,
    SettingsNotSaved,
    load_preferences,
    save_preferences,
)
from liaison_app.gui.window_size import fit_to_screen
from liaison_app.i18n import translate

_WARNED: set[str] = set()   # settings files the user has been told about (once per session)


def store_preferences(parent: QWidget | None, preferences: Preferences) -> Preferences:
    """Save ``preferences``; returns them normalised. When the settings file cannot be written
    they still hold for this session, and the user is told once (a non-blocking message) that
    they will be lost at the next start, and why."""
    try:
        return save_preferences(preferences)
    except SettingsNotSaved as err:
        if str(err.path) not in _WARNED:
            _WARNED.add(str(err.path))
            box = QMessageBox(QMessageBox.Icon.Warning, translate("SettingsDialog", "设置未能保存"),
                              translate("SettingsDialog", "这次的设置只在本次使用中有效，下次打开软件会恢复原样："
                                                          "无法写入设置文件 {path}（{reason}）。").format(
                                  path=err.path, reason=err.reason), QMessageBox.StandardButton.Ok, parent)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        return preferences.normalised()


class SettingsDialog(QDialog):
    """Pick the language (applies after a restart) and the text size (applies at once).

    ``accept()`` stores the choice; the text size is applied to the running app, a changed
    language is announced as taking effect at the next start.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self._before = load_preferences()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._before.language)))
        form.addRow(self.tr("界面语言(&L)："), self.language_combo)

        self.scale_combo = QComboBox(self)
        for step in TEXT_SCALE_STEPS:
            text = self.tr("标准（1.0 倍）") if step == 1.0 else self.tr("{factor} 倍").format(factor=f"{step:g}")
            self.scale_combo.addItem(text, step)
        nearest = min(TEXT_SCALE_STEPS, key=lambda step: abs(step - self._before.text_scale))
        self.scale_combo.setCurrentIndex(TEXT_SCALE_STEPS.index(nearest))
        form.addRow(self.tr("大字模式(&T)："), self.scale_combo)

        hint = QLabel(self.tr("文字大小立即生效；界面语言在重新启动后生效。\n"
                              "也可以用 Ctrl+加号 / Ctrl+减号 随时放大、缩小文字。\n设置保存在：{path}").format(
            path=paths.settings_path()), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)  # as tall as the wrapped note needs at its width

    def chosen(self) -> Preferences:
        """What the dialog shows now."""
        return Preferences(language=str(self.language_combo.currentData()),
                           text_scale=float(self.scale_combo.currentData())).normalised()

    def accept(self) -> None:
        """Store the choice, apply the text size, announce a language change."""
        stored = store_preferences(self, self.chosen())
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication) and abs(text_scale(app) - stored.text_scale) > 1e-6:
            apply_text_scale(app, stored.text_scale)
        if stored.language != self._before.language:
            QMessageBox.information(self, self.tr("界面语言"),
                                    self.tr("界面语言已改为“{language}”，重新启动联系点工作台后生效。").format(
                                        language=LANGUAGES[stored.language]))
        super().accept()
