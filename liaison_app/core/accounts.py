"""Use cases for local user accounts: the first admin, more accounts, login, unlock, passwords.

A database without accounts keeps working as before (the system actor, full rights); the first
account must be an 管理员 and can be created by anyone at the laptop (the set-up dialog, or
``liaison-app user-add``). After that only admins manage accounts. Decisions:
docs/accounts-audit.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import sqlite_utils

from liaison_app.core import passwords
from liaison_app.core.access import AccessControl, Permission
from liaison_app.domain.accounts import (
    SYSTEM_ACTOR,
    AccountRole,
    Actor,
    UserAccount,
    check_password,
    validate_account,
)
from liaison_app.domain.changes import Changes
from liaison_app.domain.text import clean_line, clean_name
from liaison_app.errors import FieldError, NotFoundError, UserError, ValidationError
from liaison_app.i18n import QT_TRANSLATE_NOOP, translate
from liaison_app.storage.accounts import AccountRepository
from liaison_app.storage.people import PersonRepository

TABLE = "user_account"
LOGIN_FAILED = QT_TRANSLATE_NOOP("messages", "登录名或密码不对，请重新输入")


class AccountService:
    """Accounts of one database; logging in switches the core's actor."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl):
        self.db = db
        self.now = now
        self.access = access
        self.repo = AccountRepository(db)
        self.people = PersonRepository(db)

    # -- reading -------------------------------------------------------------------------------
    def has_accounts(self) -> bool:
        """True once any active account exists (then the app asks for a login at start)."""
        return self.repo.count(active_only=True) > 0

    def all(self) -> list[UserAccount]:
        """Every account, admins first (admins only)."""
        self.access.require(Permission.MANAGE_ACCOUNTS)
        return self.repo.all()

    def get(self, account_id: str) -> UserAccount:
        return self.repo.get(account_id)

    # -- writing -------------------------------------------------------------------------------
    def create(self, login: str, display_name: str, role: AccountRole | str, password: str, *,
               person_id: str | None = None) -> tuple[UserAccount, Changes]:
        """Create an account with a salted scrypt hash of ``password``.

        The first account of a database must be an admin and needs no rights (first start);
        later ones need :attr:`Permission.MANAGE_ACCOUNTS`.

        Raises:
            ValidationError: login, name or password unacceptable; role of the first account.
            PermissionDeniedError: accounts exist and the actor is not an admin.
            UserError: the login is taken.
        """
        role = AccountRole(role)
        first = self.repo.count(active_only=False) == 0
        if not first:
            self.access.require(Permission.MANAGE_ACCOUNTS)
        account = UserAccount(login=clean_line(login), display_name=clean_name(display_name), role=role,
                              person_id=person_id or None)
        errors = validate_account(account)
        problem = check_password(password)
        if problem:
            errors.append(FieldError("password", problem))
        if first and role is not AccountRole.ADMIN:
            errors.append(FieldError("role", translate("messages", "第一个账户必须是管理员")))
        if account.person_id:
            try:
                self.people.get(account.person_id)
            except NotFoundError:
                errors.append(FieldError("person_id", translate("messages", "关联的人员不在人员名单中")))
        if errors:
            raise ValidationError(errors)
        stamp = self.now()
        account = replace(account, password_hash=passwords.hash_password(password), created_at=stamp,
                          updated_at=stamp)
        with self.db.atomic():
            if self.repo.by_login(account.login) is not None:
                raise UserError(translate("messages", "登录名“{login}”已被使用").format(login=account.login))
            self.repo.save(account)
            self.access.log_change(TABLE, account.id, None, account)
        return account, Changes.of(TABLE, account.id)

    def set_password(self, account_id: str, new_password: str, *, old_password: str | None = None) -> Changes:
        """Change a password: one's own with ``old_password``, anyone's as an admin.

        Raises:
            ValidationError: the new password is unacceptable or the old one wrong.
            PermissionDeniedError: someone else's account without admin rights.
        """
        account = self.repo.get(account_id)
        own = account_id == self.access.actor.id
        if not own:
            self.access.require(Permission.MANAGE_ACCOUNTS)
        elif not self.access.can(Permission.MANAGE_ACCOUNTS) and not passwords.verify_password(
                old_password or "", account.password_hash):
            raise ValidationError([FieldError("old_password", translate("messages", "原密码不对"))])
        problem = check_password(new_password)
        if problem:
            raise ValidationError([FieldError("password", problem)])
        with self.db.atomic():
            self.repo.save(replace(account, password_hash=passwords.hash_password(new_password), updated_at=self.now()))
            self.access.log("update", TABLE, account_id, {"password": ["已修改"]})  # i18n-exempt: audit entry (stored)
        return Changes.of(TABLE, account_id)

    def update(self, account: UserAccount) -> tuple[UserAccount, Changes]:
        """Change name, role, person link or active flag (admins only; never the password here).
        The last active admin cannot be demoted or deactivated.

        Raises:
            ValidationError, PermissionDeniedError, NotFoundError, UserError.
        """
        self.access.require(Permission.MANAGE_ACCOUNTS)
        before = self.repo.get(account.id)
        account = replace(account, login=clean_line(account.login), display_name=clean_name(account.display_name),
                          password_hash=before.password_hash, created_at=before.created_at, updated_at=self.now())
        errors = validate_account(account)
        if errors:
            raise ValidationError(errors)
        losing_admin = before.role is AccountRole.ADMIN and before.active and (
            account.role is not AccountRole.ADMIN or not account.active)
        with self.db.atomic():
            if losing_admin and self.repo.count(active_only=True, role=AccountRole.ADMIN) <= 1:
                raise UserError(translate("messages", "至少要保留一个在用的管理员账户"))
            self.repo.save(account)
            self.access.log_change(TABLE, account.id, before, account)
        return account, Changes.of(TABLE, account.id)

    # -- sessions ------------------------------------------------------------------------------
    def login(self, login: str, password: str) -> Actor:
        """Check the password and act as that account from now on (audited either way).

        Raises:
            UserError: unknown login, wrong password or a deactivated account (one message
                for all three, so a guesser learns nothing).
        """
        account = self.repo.by_login(clean_line(login))
        if account is None or not account.active or not passwords.verify_password(password, account.password_hash):
            with self.db.atomic():
                self.access.log("login_failed", TABLE, account.id if account else "",
                                note="" if account else "未知登录名")  # i18n-exempt: audit note (stored)
            raise UserError(translate("messages", "登录名或密码不对，请重新输入"))
        actor = account.actor()
        self.access.set_actor(actor)
        with self.db.atomic():
            if passwords.needs_rehash(account.password_hash):  # parameters were raised since
                self.repo.save(replace(account, password_hash=passwords.hash_password(password)))
            self.access.log("login", TABLE, account.id)
        return actor

    def unlock(self, password: str) -> bool:
        """After the idle lock: True (and audited) if ``password`` is the current actor's. (Another
        person takes over the laptop with :meth:`login` instead.)"""
        actor = self.access.actor
        if actor.is_system:
            return True
        try:
            account = self.repo.get(actor.id)
        except NotFoundError:
            return False
        if account.active and passwords.verify_password(password, account.password_hash):
            with self.db.atomic():
                self.access.log("unlock", TABLE, actor.id)
            return True
        with self.db.atomic():
            self.access.log("login_failed", TABLE, actor.id, note="解锁")  # i18n-exempt: audit note (stored)
        return False

    def logout(self) -> None:
        """Back to the system actor (the GUI asks for a login again before anything else)."""
        self.access.set_actor(SYSTEM_ACTOR)
