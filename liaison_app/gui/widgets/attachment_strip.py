"""附件: photos as thumbnails and other files (sign-in sheets, scans) as an icon with the name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileInfo, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFileIconProvider,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from liaison_app.storage.attachments import Attachment

THUMBNAIL_SIZE = QSize(120, 90)

AttachmentRole = Qt.ItemDataRole.UserRole + 1
"""Role holding the :class:`Attachment` of an item."""
PathRole = Qt.ItemDataRole.UserRole + 2
"""Role holding the stored file's path (str)."""
ThumbnailRole = Qt.ItemDataRole.UserRole + 3
"""Role: True when the icon is a thumbnail of the picture itself."""


def thumbnail(path: Path, size: QSize = THUMBNAIL_SIZE) -> QPixmap:
    """The picture at ``path`` scaled to fit ``size`` (rotated as the camera says); a null
    pixmap when it cannot be read as an image. Only the scaled image is decoded."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and not full.isEmpty():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QPixmap()
    picture = QPixmap.fromImage(image)
    if picture.width() > size.width() or picture.height() > size.height():  # EXIF rotation swaps sides
        picture = picture.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    # Centred on a canvas of the full size, so every name lines up under its picture.
    canvas = QPixmap(size)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawPixmap((size.width() - picture.width()) // 2, (size.height() - picture.height()) // 2, picture)
    painter.end()
    return canvas


class AttachmentStrip(QWidget):
    """A row of attachments with 添加… / 打开 / 移除.

    The strip shows what it is given (:meth:`set_items`); adding and removing are requests the
    owner carries out (the owner copies files through ``core.attachments``).

    Signals:
        sig_add_requested(list): paths (``pathlib.Path``) the user picked to add.
        sig_remove_requested(str): id of the attachment to take off the record.
    """

    sig_add_requested = Signal(list)
    sig_remove_requested = Signal(str)

    PATTERNS = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._icons = QFileIconProvider()
        self.list = QListWidget(self)
        self.list.setObjectName("attachment_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(THUMBNAIL_SIZE)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSpacing(6)
        cell_width = THUMBNAIL_SIZE.width() + 36
        self.list.setGridSize(QSize(cell_width, THUMBNAIL_SIZE.height() + self.fontMetrics().height() * 2 + 12))
        self.list.setFixedHeight(THUMBNAIL_SIZE.height() + self.fontMetrics().height() * 2 + 40)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.add_button = QPushButton(self.tr("添加照片/签到表…"), self)
        self.add_button.setObjectName("attachment_add")
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("attachment_open")
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setObjectName("attachment_remove")
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.list.itemActivated.connect(self._open_item)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_items(self, items: Sequence[tuple[Attachment, Path]]) -> None:
        """Show ``(attachment, stored path)`` pairs in the given order."""
        current = self.selected_id()
        self.list.clear()
        for attachment, path in items:
            item = QListWidgetItem(attachment.original_name, self.list)
            item.setData(AttachmentRole, attachment)
            item.setData(PathRole, str(path))
            picture = thumbnail(path) if attachment.kind == "photo" else QPixmap()
            item.setData(ThumbnailRole, not picture.isNull())
            item.setIcon(QIcon(picture) if not picture.isNull() else self._file_icon(path))
            item.setToolTip(self.tr("{name}（{size}）\n双击打开").format(
                name=attachment.original_name, size=_size_text(attachment.size_bytes)))
            item.setSizeHint(self.list.gridSize())
            if attachment.id == current:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def count(self) -> int:
        """Number of attachments shown."""
        return self.list.count()

    def attachment_at(self, row: int) -> Attachment | None:
        """The attachment shown in ``row``."""
        item = self.list.item(row)
        return item.data(AttachmentRole) if item else None

    def is_thumbnail(self, row: int) -> bool:
        """True when ``row`` shows a picture of the file rather than a file-type icon."""
        item = self.list.item(row)
        return bool(item and item.data(ThumbnailRole))

    def selected_id(self) -> str | None:
        """Id of the selected attachment, if any."""
        item = self.list.currentItem()
        return item.data(AttachmentRole).id if item else None

    def set_read_only(self, read_only: bool) -> None:
        """Hide the add/remove buttons."""
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def choose_files(self) -> None:
        """Ask for files (several at once) and request adding them."""
        file_filter = self.tr("照片和签到表 ({patterns});;所有文件 (*)").format(patterns=self.PATTERNS)
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择照片或签到表"), "", file_filter)
        if names:
            self.sig_add_requested.emit([Path(n) for n in names])

    def open_selected(self) -> None:
        """Open the selected file with the system's viewer."""
        item = self.list.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(PathRole)))

    def _remove_selected(self) -> None:
        attachment_id = self.selected_id()
        if attachment_id is not None:
            self.sig_remove_requested.emit(attachment_id)

    def _update_buttons(self, *_args: object) -> None:
        has_selection = self.list.currentItem() is not None
        self.open_button.setEnabled(has_selection)
        self.remove_button.setEnabled(has_selection)

    def _file_icon(self, path: Path) -> QIcon:
        icon = self._icons.icon(QFileInfo(str(path)))
        if icon.isNull() or not icon.availableSizes():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return icon


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size // 1024, 1)} KB"
