"""Log in at start, unlock after the idle lock, and create the first admin account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import Core
from liaison_app.domain.accounts import AccountRole
from liaison_app.errors import NotFoundError, UserError, ValidationError
from liaison_app.gui.widgets.field_row import FieldRow
from liaison_app.gui.window_size import fit_to_screen


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """登录 (or 解锁 with ``locked=True``): login name and password.

    Accepting calls ``core.accounts.login`` — or ``core.accounts.unlock`` when locked and the
    login is the current user's — which switch and audit; a wrong password keeps the dialog
    open with a message. Another person may log in on a locked window (the actor changes).

    Args:
        core: the open core. locked: unlock mode (the current user's login is filled in).
    """

    def __init__(self, core: Core, parent: QWidget | None = None, *, locked: bool = False):
        super().__init__(parent)
        self._core = core
        self._locked = locked
        self._current_login = ""
        if locked and not core.actor.is_system:
            try:
                self._current_login = core.accounts.get(core.actor.id).login
            except NotFoundError:
                self._current_login = ""
        self.setWindowTitle(self.tr("已锁定 — 联系点工作台") if locked else self.tr("登录 — 联系点工作台"))
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            self.tr("长时间无人操作，窗口已锁定。请输入 {name} 的密码继续；换人使用请输入自己的登录名和密码。")
            .format(name=core.actor.name) if locked else self.tr("请输入登录名和密码。"))
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login")
        self.login_edit.setText(self._current_login)
        self.password_edit = _password_edit(self, "password")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("登录名"), self.login_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解锁") if locked else self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出程序"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if self._current_login else self.login_edit).setFocus()
        fit_to_screen(self, lines_wide=22)

    def submit(self) -> bool:
        """Check the password; accept on success. Returns True when accepted."""
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        self.password_edit.clear()
        try:
            if self._locked and self._current_login and login.lower() == self._current_login.lower():
                if not self._core.accounts.unlock(password):
                    raise UserError(self.tr("密码不对，请重新输入"))
            else:
                self._core.accounts.login(login, password)
        except UserError as err:
            self.error_label.setText(str(err))
            self.error_label.show()
            self.password_edit.setFocus()
            return False
        self.accept()
        return True


class AdminSetupDialog(QDialog):
    """First start: create the 管理员 account (登录名, 姓名, 密码 twice). 稍后设置 keeps the app
    without accounts (no login asked, everything allowed) as before. On success the new admin
    is logged in."""

    def __init__(self, core: Core, parent: QWidget | None = None, *, suggested_name: str = ""):
        super().__init__(parent)
        self._core = core
        self.setWindowTitle(self.tr("创建管理员账户"))
        intro = QLabel(self.tr("设置一个管理员账户后，每次打开软件都要登录，离开一段时间窗口会自动锁定；"
                               "管理员可以再为法官和志愿者建立账户。也可以稍后再设置。"), self)
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {
            "login": QLineEdit(self), "display_name": QLineEdit(self),
            "password": _password_edit(self, "password"), "password_again": _password_edit(self, "password_again"),
        }
        self.edits["login"].setObjectName("login")
        self.edits["login"].setPlaceholderText(self.tr("字母或数字，如 admin"))
        self.edits["display_name"].setObjectName("display_name")
        self.edits["display_name"].setText(suggested_name)
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for field, text in (("login", self.tr("登录名")), ("display_name", self.tr("姓名")),
                            ("password", self.tr("密码（至少6位）")), ("password_again", self.tr("再输入一次"))):
            row = FieldRow(self.edits[field], field, self)
            self.rows[field] = row
            form.addRow(text, row)
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("创建并登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("稍后设置"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        fit_to_screen(self, lines_wide=30)

    def save(self) -> bool:
        """Create the admin and log in; messages next to fields on failure."""
        text = {field: edit.text() for field, edit in self.edits.items()}
        if text["password"] != text["password_again"]:
            self.show_errors({"password_again": self.tr("两次输入的密码不一致")})
            return False
        try:
            self._core.accounts.create(text["login"], text["display_name"], AccountRole.ADMIN, text["password"])
            self._core.accounts.login(text["login"], text["password"])
        except ValidationError as err:
            self.show_errors(err.by_field())
            return False
        except UserError as err:
            self.show_errors({}, str(err))
            return False
        self.accept()
        return True

    def show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        for field, row in self.rows.items():
            row.set_error(by_field.get(field))
        extra = [m for f, m in by_field.items() if f not in self.rows]
        text = self.tr("；", "between error messages").join(filter(None, [general, *extra]))
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
