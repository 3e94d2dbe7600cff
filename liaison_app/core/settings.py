"""Settings that matter to business logic (SQLite ``setting`` table), with the admin check and
an audit entry on every change. ``core.settings`` is this service."""

from __future__ import annotations

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.errors import UserError
from liaison_app.storage.reference import SettingRepository

IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 240
# Settings whose values are secrets: the audit log only says that they changed.
_SECRET_KEYS = frozenset({"court_hmac_key"})


class SettingsService:
    """``get``/``set`` like the repository; ``set`` needs :attr:`Permission.MANAGE_SETTINGS`."""

    def __init__(self, db: sqlite_utils.Database, access: AccessControl):
        self.db = db
        self.access = access
        self.repo = SettingRepository(db)

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.repo.get(key, default)

    def set(self, key: str, value: str) -> None:
        """Store ``value`` under ``key`` (admins only; audited).

        Raises:
            PermissionDeniedError: the actor is not an admin.
        """
        self.access.require(Permission.MANAGE_SETTINGS)
        with self.db.atomic():
            old = self.repo.get(key)
            if old == value:
                return
            self.repo.set(key, value)
            shown = ["已修改"] if key in _SECRET_KEYS else [old, value]
            self.access.log("update", "setting", key, {key: shown})

    def idle_lock_minutes(self) -> int:
        """Minutes without input before the window locks (0 = never); default 10."""
        text = self.repo.get(IDLE_LOCK_KEY)
        try:
            value = int(text) if text is not None else DEFAULT_IDLE_LOCK_MINUTES
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES
        return max(0, min(value, MAX_IDLE_LOCK_MINUTES))

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """Store the idle-lock time (0 turns the lock off). Raises UserError out of range."""
        if not 0 <= minutes <= MAX_IDLE_LOCK_MINUTES:
            raise UserError(f"自动锁定时间应在 0–{MAX_IDLE_LOCK_MINUTES} 分钟之间（0 表示不自动锁定）")
        self.set(IDLE_LOCK_KEY, str(minutes))
