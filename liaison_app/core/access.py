"""Who is acting, what their role may do, and the audit entry of every change.

One :class:`AccessControl` per :class:`~liaison_app.core.context.Core` is shared by the services:
``core.actor = account.actor()`` after a login switches every service at once. The checks live
here, in the core, so a hidden button is never the only guard; a refusal raises
:class:`~liaison_app.errors.PermissionDeniedError` (a UserError with a Chinese sentence) before
anything is written. The services call :meth:`AccessControl.log_change` inside their own
transaction, so a change and its audit entry are stored together or not at all.

Rules and decisions: docs/accounts-audit.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.accounts import SYSTEM_ACTOR, AccountRole, Actor
from liaison_app.domain.enums import LabeledEnum
from liaison_app.domain.identity import mask_id_number, mask_name, mask_phone
from liaison_app.errors import NotFoundError, PermissionDeniedError
from liaison_app.i18n import translate
from liaison_app.storage.audit import AuditEntry, AuditRepository
from liaison_app.storage.people import PersonRepository


class Permission(LabeledEnum):
    """Things only some roles may do (labels complete "无权…")."""

    EDIT_ALL_RECORDS = ("edit_all_records", "修改或删除他人的记录")
    EDIT_SESSIONS = ("edit_sessions", "登记或修改普法宣讲")
    EDIT_ROSTER = ("edit_roster", "排班或修改值班规则")
    EXPORT_PERSONAL = ("export_personal", "导出或打印完整的个人信息")
    REVEAL_ALL = ("reveal_all", "查看他人登记的完整电话和身份证号")
    VIEW_AUDIT = ("view_audit", "查看或导出审计记录")
    MANAGE_PEOPLE = ("manage_people", "管理人员名单")
    MANAGE_POINTS = ("manage_points", "新建或修改联系点")
    MANAGE_SETTINGS = ("manage_settings", "修改设置")
    MANAGE_ACCOUNTS = ("manage_accounts", "管理用户账户")
    RESTORE_DB = ("restore_db", "从备份恢复数据库")


_JUDGE = frozenset({Permission.EDIT_ALL_RECORDS, Permission.EDIT_SESSIONS, Permission.EDIT_ROSTER,
                    Permission.EXPORT_PERSONAL, Permission.REVEAL_ALL, Permission.VIEW_AUDIT})
ROLE_PERMISSIONS: dict[AccountRole, frozenset[Permission]] = {
    AccountRole.ADMIN: frozenset(Permission),
    AccountRole.JUDGE: _JUDGE,
    AccountRole.VOLUNTEER: frozenset(),
}

# Fields whose values are personal information: the audit log keeps them masked.
PERSONAL_FIELDS: dict[str, dict[str, Callable[[str], str]]] = {
    "consultation": {"visitor_name": mask_name, "phone": mask_phone, "id_number": mask_id_number},
    "person": {"phone": mask_phone},
}
# Bookkeeping fields never listed as changes.
_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "deleted", "category_dict_version", "search_text",
                          "password_hash", "stored"})
# Longer texts are cut in the audit log (the record itself keeps them whole).
MAX_AUDIT_TEXT = 500


def plain_value(value: Any) -> Any:
    """A JSON-friendly form of a field value (enums → codes, dates → ISO text, sets → sorted lists)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return clock.to_iso(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(plain_value(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [plain_value(v) for v in value]
    if isinstance(value, str) and len(value) > MAX_AUDIT_TEXT:
        return value[:MAX_AUDIT_TEXT] + f"…（共{len(value)}字）"  # i18n-exempt: stored in the audit log
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    code = getattr(value, "code", None)  # value objects with a stored code (WeeklySlot)
    return code if isinstance(code, str) else str(value)


def _shown(table: str, name: str, value: Any) -> Any:
    mask = PERSONAL_FIELDS.get(table, {}).get(name)
    if mask is not None and value:
        return mask(str(value))
    return plain_value(value)


def record_changes(table: str, before: Any | None, after: Any | None) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` between two dataclass records of ``table`` (``before`` None: a
    new record, every non-empty field as ``[None, value]``). Bookkeeping fields are left out,
    personal fields masked (张*, 138****1234), long texts cut to 500 characters."""
    source = after if after is not None else before
    if source is None or not dataclasses.is_dataclass(source):
        return {}
    found: dict[str, list[Any]] = {}
    for item in dataclasses.fields(source):
        name = item.name
        if name in _BOOKKEEPING:
            continue
        new = getattr(after, name) if after is not None else None
        if before is None:
            if new in (None, "", frozenset(), (), False):
                continue
            found[name] = [None, _shown(table, name, new)]
            continue
        old = getattr(before, name)
        if plain_value(old) == plain_value(new):
            continue
        old_shown, new_shown = _shown(table, name, old), _shown(table, name, new)
        if old_shown == new_shown:  # two numbers that mask alike still changed
            new_shown = f"{new_shown}（已修改）"  # i18n-exempt: stored in the audit log
        found[name] = [old_shown, new_shown]
    return found


class AccessControl:
    """The acting user of one core, the permission checks and the audit writer.

    Args:
        db: the open database. now: the clock (aware datetimes).
    """

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime]):
        self.db = db
        self.now = now
        self.audit = AuditRepository(db)
        self._people = PersonRepository(db)
        self._actor = SYSTEM_ACTOR
        self._own_name = SYSTEM_ACTOR.name
        self._own_names: frozenset[str] = frozenset()

    # -- the actor -----------------------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def own_name(self) -> str:
        """The name the actor receives visitors under: the linked person's, else the display name."""
        return self._own_name

    def set_actor(self, actor: Actor) -> None:
        """Act as ``actor`` from now on (after a login, or back to the system actor)."""
        name = actor.name
        if actor.person_id:
            try:
                name = self._people.get(actor.person_id).name
            except NotFoundError:
                pass
        self._actor = actor
        self._own_name = name
        self._own_names = frozenset({name} if name else set())

    # -- checks --------------------------------------------------------------------------------
    def can(self, permission: Permission) -> bool:
        """True if the actor's role grants ``permission``."""
        return permission in ROLE_PERMISSIONS[self._actor.role]

    def refuse(self, what: str) -> PermissionDeniedError:
        """The error for "the actor may not ``what``" (a whole sentence naming the role): ``what``
        is one of the callers' phrases (:data:`_PHRASE_REFUSALS`), else it is put in a general one."""
        template = _PHRASE_REFUSALS.get(what)
        if template is None:
            return self._denied(translate("messages", "当前账户（{role}：{name}）无权{what}。如需操作，请联系管理员。"),
                                what=what)
        return self._denied(template())

    def _denied(self, template: str, **values: str) -> PermissionDeniedError:
        actor = self._actor
        return PermissionDeniedError(template.format(role=translate("labels", actor.role.label), name=actor.name,
                                                     **values))

    def require(self, permission: Permission) -> None:
        """Raise PermissionDeniedError unless the actor has ``permission``."""
        if not self.can(permission):
            raise self._denied(_PERMISSION_REFUSALS[permission]())

    def is_own_person(self, person_id: str | None) -> bool:
        """True if ``person_id`` is the actor's own person (a volunteer's link)."""
        return bool(person_id) and person_id == self._actor.person_id

    def owns_consultation(self, record: Any) -> bool:
        """True if the actor received the consultation (receiver_id is their person, or the
        receiver name equals their linked person's name / their display name)."""
        if self.is_own_person(getattr(record, "receiver_id", None)):
            return True
        return bool(record.receiver_name) and record.receiver_name in self._own_names

    def require_consultation(self, record: Any, what: str) -> None:
        """Judges and admins: any consultation; volunteers: only those they received. ``what``:
        the verb 登记, 修改, 删除 or 恢复."""
        if not self.can(Permission.EDIT_ALL_RECORDS) and not self.owns_consultation(record):
            raise self._denied(_CONSULTATION_REFUSALS[what]())

    def require_visit(self, person_id: str, what: str) -> None:
        """Judges and admins: any visit; volunteers: only their own. ``what``: the verb 登记, 修改,
        删除 or 恢复."""
        if not self.can(Permission.EDIT_ALL_RECORDS) and not self.is_own_person(person_id):
            raise self._denied(_VISIT_REFUSALS[what]())

    def require_self_or(self, permission: Permission, person_id: str, what: str) -> None:
        """``permission`` or acting for oneself (a volunteer's own duty)."""
        if not self.can(permission) and not self.is_own_person(person_id):
            raise self.refuse(what)

    # -- audit ---------------------------------------------------------------------------------
    def log(self, action: str, table: str = "", record_id: str = "", changes: dict[str, Any] | None = None,
            note: str = "") -> None:
        """Append one audit entry as the current actor (inside the caller's transaction)."""
        actor = self._actor
        self.audit.add(AuditEntry(
            at=clock.to_iso(self.now()), user_id=actor.id, user_name=actor.name, user_role=actor.role.value,
            action=action, table_name=table, record_id=record_id, changes=changes or {}, note=note[:500],
        ))

    def log_change(self, table: str, record_id: str, before: Any | None, after: Any | None, *,
                   action: str | None = None, note: str = "") -> None:
        """Audit a create (``before`` None), update, delete or restore with the field changes.
        An update that changed nothing is not logged."""
        changes = record_changes(table, before, after)
        if action is None:
            action = "create" if before is None else "update"
        if action == "update" and not changes:
            return
        self.log(action, table, record_id, changes, note)


# The refusals, whole sentences ({role}: the account's role, {name}: its display name).
_PERMISSION_REFUSALS: dict[Permission, Callable[[], str]] = {
    Permission.EDIT_ALL_RECORDS: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权修改或删除他人的记录。如需操作，请联系管理员。"),
    Permission.EDIT_SESSIONS: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权登记或修改普法宣讲。如需操作，请联系管理员。"),
    Permission.EDIT_ROSTER: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权排班或修改值班规则。如需操作，请联系管理员。"),
    Permission.EXPORT_PERSONAL: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权导出或打印完整的个人信息。如需操作，请联系管理员。"),
    Permission.REVEAL_ALL: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权查看他人登记的完整电话和身份证号。如需操作，请联系管理员。"),
    Permission.VIEW_AUDIT: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权查看或导出审计记录。如需操作，请联系管理员。"),
    Permission.MANAGE_PEOPLE: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权管理人员名单。如需操作，请联系管理员。"),
    Permission.MANAGE_POINTS: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权新建或修改联系点。如需操作，请联系管理员。"),
    Permission.MANAGE_SETTINGS: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权修改设置。如需操作，请联系管理员。"),
    Permission.MANAGE_ACCOUNTS: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权管理用户账户。如需操作，请联系管理员。"),
    Permission.RESTORE_DB: lambda: translate(
        "messages", "当前账户（{role}：{name}）无权从备份恢复数据库。如需操作，请联系管理员。"),
}
# Keys: the verb the services pass (i18n-exempt lines: a key is compared, never shown).
_CONSULTATION_REFUSALS: dict[str, Callable[[], str]] = {
    "登记": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权登记他人接待的法律咨询（只能登记自己接待的）。如需操作，请联系管理员。"),
    "修改": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权修改他人接待的法律咨询（只能修改自己接待的）。如需操作，请联系管理员。"),
    "删除": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权删除他人接待的法律咨询（只能删除自己接待的）。如需操作，请联系管理员。"),
    "恢复": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权恢复他人接待的法律咨询（只能恢复自己接待的）。如需操作，请联系管理员。"),
}
_VISIT_REFUSALS: dict[str, Callable[[], str]] = {
    "登记": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权登记他人的志愿服务记录（只能登记自己的）。如需操作，请联系管理员。"),
    "修改": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权修改他人的志愿服务记录（只能修改自己的）。如需操作，请联系管理员。"),
    "删除": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权删除他人的志愿服务记录（只能删除自己的）。如需操作，请联系管理员。"),
    "恢复": lambda: translate(  # i18n-exempt: key (the caller's verb)
        "messages", "当前账户（{role}：{name}）无权恢复他人的志愿服务记录（只能恢复自己的）。如需操作，请联系管理员。"),
}
# Keys: the phrases the services pass to refuse() / require_self_or() (consultations, duty).
_PHRASE_REFUSALS: dict[str, Callable[[], str]] = {
    "查看他人接待记录的完整电话和身份证号": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权查看他人接待记录的完整电话和身份证号。如需操作，请联系管理员。"),
    "修改他人的值班": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权修改他人的值班。如需操作，请联系管理员。"),
    "替他人记录值班完成": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人记录值班完成。如需操作，请联系管理员。"),
    "替他人认领值班": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人认领值班。如需操作，请联系管理员。"),
    "替他人退回值班": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人退回值班。如需操作，请联系管理员。"),
    "替他人申请换班": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人申请换班。如需操作，请联系管理员。"),
    "替他人答复换班请求": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人答复换班请求。如需操作，请联系管理员。"),
    "替他人撤回换班请求": lambda: translate(  # i18n-exempt: key (the caller's phrase)
        "messages", "当前账户（{role}：{name}）无权替他人撤回换班请求。如需操作，请联系管理员。"),
}
