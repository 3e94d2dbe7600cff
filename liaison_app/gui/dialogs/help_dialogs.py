"""帮助 menu: the user guide shown in the app (works offline) and the 关于 box."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from liaison_app import __version__, paths
from liaison_app.core.maintenance import backups_dir
from liaison_app.gui.window_size import fit_to_screen


# Widest screenshot in the guide window (px; the screenshots are 1366 px wide; a screenshot
# inside a list item is indented, so this leaves room for that).
IMAGE_WIDTH = 760


class UserGuideDialog(QDialog):
    """docs/user-guide.md rendered as Markdown with its screenshots (not modal, resizable).

    Args:
        guide: the Markdown file (``paths.user_guide_path()`` by default; shipped in the build).
    """

    def __init__(self, parent: QWidget | None = None, guide: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        guide = guide or paths.user_guide_path()
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        if guide.is_file():
            self.browser.setSearchPaths([str(guide.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource)
            self.fit_images(IMAGE_WIDTH)
        else:
            self.browser.setPlainText(self.tr("找不到使用说明文件：{path}").format(path=guide))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def fit_images(self, width: int) -> int:
        """Shrink every screenshot wider than ``width`` px to that width (aspect kept), so the
        guide reads without sideways scrolling; returns how many images were shrunk."""
        document = self.browser.document()
        cursor = QTextCursor(document)
        shrunk = 0
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
                    size = image.size() if hasattr(image, "size") else None
                    if size is not None and size.width() > width:
                        image_format.setWidth(width)
                        image_format.setHeight(size.height() * width / size.width())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                        shrunk += 1
                iterator += 1
            block = block.next()
        return shrunk


class AboutDialog(QDialog):
    """Version of the app, Qt and PySide6; where the data and settings live; font licence."""

    def __init__(self, db_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于联系点工作台"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self.about_text(db_path), self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)  # as tall as the wrapped lines need at its width

    def locations(self, db_path: Path | None) -> list[tuple[str, str]]:
        """(what, where) of the database, attachments, backups and settings file."""
        rows: list[tuple[str, str]] = []
        if db_path is not None:
            rows += [(self.tr("数据库"), str(db_path)),
                     (self.tr("附件"), str(paths.attachments_dir(db_path))),
                     (self.tr("自动备份"), str(backups_dir(db_path)))]
        rows.append((self.tr("设置文件"), str(paths.settings_path())))
        return rows

    def about_text(self, db_path: Path | None) -> str:
        """Plain text of the box (one fact per line)."""
        lines = [self.tr("联系点工作台 {version}").format(version=__version__),
                 self.tr("法官基层服务联系点的咨询登记、回访、普法宣讲、值班与报送。"),
                 self.tr("Qt {qt} · PySide6 {pyside}").format(qt=qVersion(), pyside=pyside_version), ""]
        lines += [self.tr("{what}：{where}").format(what=what, where=where) for what, where in self.locations(db_path)]
        lines += ["", self.tr("界面与报表字体：文泉驿微米黑（Apache 2.0 / GPLv3，见 resources/fonts）。")]
        return "\n".join(lines)
