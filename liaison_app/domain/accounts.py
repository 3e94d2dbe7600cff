"""Local user accounts, roles and the acting user (Actor). Rules: docs/accounts-audit.md.

Three roles (GUIDE §1): 管理员 manages people, points, settings, accounts and restores; 法官 works
on every record; 志愿者 (retired-judge volunteer) works on their own visits, the consultations
they received and the roster. A database without accounts is used by :data:`SYSTEM_ACTOR`
(full rights), as before accounts existed: the CLI, the demo and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.records import new_id
from liaison_app.errors import FieldError

LOGIN_RE = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")
MIN_PASSWORD_LENGTH = 6
MAX_PASSWORD_LENGTH = 256


class AccountRole(LabeledEnum):
    """A user account's role."""

    ADMIN = ("admin", "管理员")
    JUDGE = ("judge", "法官")
    VOLUNTEER = ("volunteer", "志愿者")


@dataclass(frozen=True)
class Actor:
    """Who is acting: recorded in the audit log and checked by the core services.

    ``id`` is the account id ("" for the system actor); ``person_id`` links a volunteer to the
    people list (their visits and the consultations they received are "their own").
    """

    id: str
    name: str
    role: AccountRole
    person_id: str | None = None

    @property
    def is_system(self) -> bool:
        return self.id == ""


SYSTEM_ACTOR = Actor(id="", name="系统", role=AccountRole.ADMIN)


@dataclass(frozen=True)
class UserAccount:
    """One stored account. ``password_hash`` is the encoded scrypt string (see core.passwords)."""

    login: str
    display_name: str
    role: AccountRole
    password_hash: str = ""
    person_id: str | None = None
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def actor(self) -> Actor:
        """The Actor this account acts as."""
        return Actor(self.id, self.display_name, self.role, self.person_id)

    def with_changes(self, **changes: object) -> UserAccount:
        return replace(self, **changes)  # type: ignore[arg-type]


def validate_account(account: UserAccount) -> list[FieldError]:
    """Problems of the account's fields (not the password), one per field at most."""
    errors: list[FieldError] = []
    if not LOGIN_RE.match(account.login):
        errors.append(FieldError("login", "登录名用 2–32 个字母、数字或 _ . -（如 majianguo）"))
    if not account.display_name:
        errors.append(FieldError("display_name", "请填写姓名"))
    elif len(account.display_name) > 50:
        errors.append(FieldError("display_name", "姓名不能超过50个字"))
    return errors


def check_password(password: str) -> str | None:
    """None if ``password`` is acceptable, else a Chinese message."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少 {MIN_PASSWORD_LENGTH} 位"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"密码不能超过 {MAX_PASSWORD_LENGTH} 位"
    if not password.strip():
        return "密码不能全是空格"
    return None
