"""SQL for ``user_account`` (local user accounts; see db/migrations/0006_accounts_audit.sql)."""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.accounts import AccountRole, UserAccount
from liaison_app.errors import NotFoundError, UserError


def _from_row(row: dict[str, Any]) -> UserAccount:
    return UserAccount(
        id=row["id"], login=row["login"], display_name=row["display_name"], role=AccountRole(row["role"]),
        password_hash=row["password_hash"], person_id=row["person_id"], active=bool(row["active"]),
        created_at=clock.from_iso(row["created_at"]), updated_at=clock.from_iso(row["updated_at"]),
    )


class AccountRepository:
    """The ``user_account`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def save(self, account: UserAccount) -> None:
        """Insert or update by id (call inside a transaction). Raises UserError if the login is taken."""
        assert account.created_at and account.updated_at
        try:
            self.db.execute(
                "INSERT INTO user_account (id, login, display_name, role, person_id, password_hash, active, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET login = excluded.login, display_name = excluded.display_name, "
                "role = excluded.role, person_id = excluded.person_id, password_hash = excluded.password_hash, "
                "active = excluded.active, updated_at = excluded.updated_at",
                (account.id, account.login, account.display_name, account.role.value, account.person_id,
                 account.password_hash, int(account.active), clock.to_iso(account.created_at),
                 clock.to_iso(account.updated_at)),
            )
        except sqlite3.IntegrityError as exc:
            if "login" in str(exc):
                raise UserError(f"登录名“{account.login}”已被使用") from exc
            raise UserError("关联的人员不在人员名单中") from exc

    def get(self, account_id: str) -> UserAccount:
        rows = list(self.db.query("SELECT * FROM user_account WHERE id = ?", [account_id]))
        if not rows:
            raise NotFoundError("该账户不存在")
        return _from_row(rows[0])

    def by_login(self, login: str) -> UserAccount | None:
        """The account with this login (case-insensitive), or None."""
        rows = list(self.db.query("SELECT * FROM user_account WHERE login = ?", [login]))
        return _from_row(rows[0]) if rows else None

    def all(self) -> list[UserAccount]:
        """Every account, admins first, then by login."""
        order = "CASE role WHEN 'admin' THEN 0 WHEN 'judge' THEN 1 ELSE 2 END, login"
        return [_from_row(r) for r in self.db.query(f"SELECT * FROM user_account ORDER BY {order}")]

    def count(self, *, active_only: bool = True, role: AccountRole | None = None) -> int:
        where, params = ["1 = 1"], []
        if active_only:
            where.append("active = 1")
        if role is not None:
            where.append("role = ?")
            params.append(role.value)
        sql = f"SELECT count(*) FROM user_account WHERE {' AND '.join(where)}"
        return int(self.db.execute(sql, params).fetchone()[0])
