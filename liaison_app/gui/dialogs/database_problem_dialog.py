"""The way out when the database cannot be opened (damaged, not a database, from a newer version,
read-only, full disk, open in another window): 从备份恢复… / 选择其他数据库文件… / 退出."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.maintenance import backups_dir, list_backups
from liaison_app.errors import DatabaseTooNewError, UserError
from liaison_app.storage.backup import BackupInfo
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate
from liaison_app.storage.lock import DatabaseInUseError

_COUNT_LABELS = {
    "liaison_point": QT_TRANSLATE_NOOP("DatabaseProblemDialog", "联系点"),
    "consultation": QT_TRANSLATE_NOOP("DatabaseProblemDialog", "法律咨询"),
    "education_session": QT_TRANSLATE_NOOP("DatabaseProblemDialog", "普法宣讲"),
    "volunteer_visit": QT_TRANSLATE_NOOP("DatabaseProblemDialog", "志愿服务"),
    "person": QT_TRANSLATE_NOOP("DatabaseProblemDialog", "人员"),
}


@dataclass(frozen=True)
class WayOut:
    """What the user chose: ``kind`` is ``restore`` (``path`` = the backup), ``other``
    (``path`` = another database file) or ``quit``."""

    kind: str
    path: Path | None = None


def backup_text(info: BackupInfo) -> str:
    """``2026年11月29日 10:00　法律咨询 120，普法宣讲 8，…　liaison-20261129-100000.db``."""
    separator = translate("DatabaseProblemDialog", "，", "between the counts of a backup")
    counts = separator.join(
        translate("DatabaseProblemDialog", "{table} {n}").format(
            table=translate("DatabaseProblemDialog", _COUNT_LABELS[k]) if k in _COUNT_LABELS else k, n=v)
        for k, v in info.counts.items())
    taken = info.taken_at
    moment = QDateTime(QDate(taken.year, taken.month, taken.day), QTime(taken.hour, taken.minute))
    return translate("DatabaseProblemDialog", "{time}　{counts}　{file}").format(
        time=moment.toString(translate("DatabaseProblemDialog", "yyyy年M月d日 HH:mm", "Qt date format")),
        counts=counts or translate("DatabaseProblemDialog", "（空）", "a backup without records"),
        file=info.path.name)


class DatabaseProblemDialog(QDialog):
    """Says what is wrong (the error's Chinese sentence) and offers the way out. The database
    file itself is never touched here: restoring copies the current file aside first.

    ``choice`` holds the :class:`WayOut` after the dialog closed (``quit`` when closed otherwise).

    Args:
        db_path: the database that failed. error: why.
    """

    def __init__(self, db_path: Path, error: UserError, parent: QWidget | None = None):
        super().__init__(parent)
        self._db_path = Path(db_path)
        self.choice = WayOut("quit")
        self.setWindowTitle(self.tr("无法打开数据库"))
        self.message = QLabel(str(error), self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        in_use = isinstance(error, DatabaseInUseError)
        self.backups: list[BackupInfo] = [] if in_use else list_backups(backups_dir(self._db_path), self._db_path.stem)
        self.backup_list = QListWidget(self)
        self.backup_list.setObjectName("backups")
        for info in self.backups:
            item = QListWidgetItem(backup_text(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backup_list.addItem(item)
        if self.backups:
            self.backup_list.setCurrentRow(0)
        hint = QLabel(self)
        hint.setWordWrap(True)
        if in_use:
            hint.setText(self.tr("请切换到已打开的那个窗口（看任务栏），或者选择其他数据库文件。"))
        elif self.backups:
            hint.setText(self.tr("可以从下面的自动备份恢复（最新的在最上面）。恢复前，当前文件会另存到 backups 文件夹，不会丢失。"))
        else:
            hint.setText(self.tr("在 {folder} 中没有找到备份。可以选择其他数据库文件（如U盘上的备份）。")
                         .format(folder=backups_dir(self._db_path)))
        if isinstance(error, DatabaseTooNewError):
            hint.setText(hint.text() + self.tr("\n建议安装新版本的联系点工作台；从备份恢复会用旧的数据替换这个文件。"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"), self)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(bool(self.backups))
        self.backup_list.setVisible(not in_use and bool(self.backups))
        self.other_button = QPushButton(self.tr("选择其他数据库文件…"), self)
        self.other_button.setObjectName("other")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quit")
        buttons.rejected.connect(self.reject)
        self.restore_button.setVisible(not in_use)   # after addButton, which shows it again
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_other)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(buttons)
        self.resize(720, 380 if self.backups else 200)

    def selected_backup(self) -> Path | None:
        item = self.backup_list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def confirm_restore(self, backup: Path) -> bool:
        """Ask before replacing (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("从备份恢复"),
            self.tr("用备份 {name} 替换 {db}？\n当前文件会先另存到 backups 文件夹。").format(name=backup.name, db=self._db_path),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        backup = self.selected_backup()
        if backup is None or not self.confirm_restore(backup):
            return False
        self.choice = WayOut("restore", backup)
        self.accept()
        return True

    def choose_file(self) -> Path | None:
        """Ask for a database file — an existing one or a new name (tests replace this method)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("选择其他数据库文件"), str(self._db_path.parent), self.tr("数据库 (*.db);;所有文件 (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return Path(name) if name else None

    def choose_other(self) -> bool:
        path = self.choose_file()
        if path is None:
            return False
        self.choice = WayOut("other", path)
        self.accept()
        return True
