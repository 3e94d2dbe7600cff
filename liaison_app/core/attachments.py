"""Attachments: photos and sign-in sheets copied next to the database, never linked in place."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.records import new_id
from liaison_app.errors import UserError
from liaison_app.i18n import translate
from liaison_app.storage.attachments import Attachment, AttachmentRepository

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"}
MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: a photo or a scanned sheet, not a video


class AttachmentService:
    """Copy files into ``folder`` (the database's ``<name>_files`` folder) and record them."""

    def __init__(self, db: sqlite_utils.Database, folder: Path, now: Callable[[], datetime]):
        self.db = db
        self.folder = folder
        self.now = now
        self.repo = AttachmentRepository(db)

    def add(self, owner_table: str, owner_id: str, source: Path, kind: str | None = None) -> Attachment:
        """Copy ``source`` into the attachments folder and record it for the owner.

        The copy is written under a temporary name, flushed to disk and then renamed, so a crash
        never leaves a half file under a recorded name. The same content added twice to one record
        is stored once. ``kind`` defaults to 'photo' for image files, else 'other'.

        Raises:
            UserError: the file is missing, unreadable, empty or larger than 50 MiB.
        """
        source = Path(source)
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise UserError(translate("messages", "找不到或无法读取文件 {file}：{error}").format(
                file=source, error=exc.strerror)) from exc
        if size == 0:
            raise UserError(translate("messages", "文件 {name} 是空的").format(name=source.name))
        if size > MAX_BYTES:
            raise UserError(translate("messages", "文件 {name} 超过50MB，请压缩后再添加").format(name=source.name))
        kind = kind or ("photo" if source.suffix.lower() in PHOTO_SUFFIXES else "other")
        self.folder.mkdir(parents=True, exist_ok=True)
        attachment_id = new_id()
        stored_name = attachment_id + source.suffix.lower()
        temp = self.folder / (stored_name + ".part")
        digest = hashlib.sha256()
        try:
            with source.open("rb") as src, temp.open("wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    digest.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise UserError(translate("messages", "复制文件 {name} 失败：{error}").format(
                name=source.name, error=exc.strerror)) from exc
        sha = digest.hexdigest()
        existing = self.repo.by_hash(owner_table, owner_id, sha)
        if existing is not None:
            temp.unlink(missing_ok=True)
            return existing
        os.replace(temp, self.folder / stored_name)
        item = Attachment(attachment_id, owner_table, owner_id, kind, stored_name, source.name, sha, size,
                          clock.to_iso(self.now()))
        self.repo.insert(item)
        return item

    def of(self, owner_table: str, owner_id: str) -> list[Attachment]:
        return self.repo.of(owner_table, owner_id)

    def path(self, item: Attachment) -> Path:
        """Where the copied file lives."""
        return self.folder / item.stored_name

    def remove(self, item: Attachment) -> Changes:
        """Mark removed (the file stays until a clean-up, so undo is possible)."""
        self.repo.set_deleted(item.id, True)
        return Changes.of("attachment", item.id)

    def restore(self, item: Attachment) -> Changes:
        self.repo.set_deleted(item.id, False)
        return Changes.of("attachment", item.id)

    def export_copy(self, item: Attachment, target: Path) -> Path:
        """Copy the stored file out to ``target`` (a folder or a file path)."""
        target = target / item.original_name if target.is_dir() else target
        shutil.copy2(self.path(item), target)
        return target
