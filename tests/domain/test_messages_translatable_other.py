"""The other messages the core gives the GUI (permission refusals, backup/restore, batch export,
accounts, attachments, ledger import) go through the translation system, Qt-free, in the context
``messages`` — like the record-validation messages (tests/domain/test_messages_translatable.py).
What the core writes into files or the audit log (report workbook, audit notes, file names) stays
Chinese and is marked ``# i18n-exempt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_app.core.access import Permission
from liaison_app.core.exports import MonthExportState
from liaison_app.domain.accounts import AccountRole, Actor
from liaison_app.errors import PermissionDeniedError, UserError
from tests.helpers import translation_scan as scan

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = "messages"
LABEL_CONTEXT = "labels"
MARKING_CALLS = scan.MARKING_CALLS
FILES = [ROOT / "liaison_app" / "core" / f"{name}.py"
         for name in ("access", "maintenance", "exports", "accounts", "attachments", "ledger_import")]


_tool = scan.translations_tool


def test_lupdate_reads_these_modules():
    assert {p.resolve() for p in FILES} <= {p.resolve() for p in _tool().CORE_SOURCES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_message_escapes_translation(path):
    found = scan.untranslated_literals(path, MARKING_CALLS, enum_members_exempt=True)
    assert found == [], "Chinese text outside translate(\"messages\", …):\n" + "\n".join(found)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_marked_messages_are_whole_literal_templates(path):
    """Literal context and text, named placeholders, never glued to other text; only a core
    label is translated from a variable (context ``labels``); translate is never aliased."""
    found = scan.template_problems(path, {CONTEXT})
    assert found == [], "\n".join(found)


# -- at run time --------------------------------------------------------------------------------

VOLUNTEER = Actor(id="u1", name="李志", role=AccountRole.VOLUNTEER, person_id="p-lee")


def test_a_refusal_is_one_whole_translated_sentence(english, core):
    core.access.set_actor(VOLUNTEER)
    with pytest.raises(PermissionDeniedError) as info:
        core.access.require(Permission.RESTORE_DB)
    assert str(info.value) == f"EN:当前账户（EN:{AccountRole.VOLUNTEER.label}：李志）无权从备份恢复数据库。如需操作，请联系管理员。"
    assert (LABEL_CONTEXT, AccountRole.VOLUNTEER.label) in english


def _raise(error: Exception) -> None:
    raise error


def test_refusals_keep_their_chinese_text(chinese, core):
    core.access.set_actor(VOLUNTEER)
    role = AccountRole.VOLUNTEER.label
    cases = [
        (lambda: core.access.require(Permission.MANAGE_ACCOUNTS), "管理用户账户"),
        (lambda: core.access.require_consultation(type("R", (), {"receiver_name": "别人"})(), "修改"),
         "修改他人接待的法律咨询（只能修改自己接待的）"),
        (lambda: core.access.require_visit("p-other", "删除"), "删除他人的志愿服务记录（只能删除自己的）"),
        (lambda: core.access.require_self_or(Permission.EDIT_ROSTER, "p-other", "替他人申请换班"), "替他人申请换班"),
        (lambda: _raise(core.access.refuse("做一件没列出的事")), "做一件没列出的事"),
    ]
    for call, what in cases:
        with pytest.raises(PermissionDeniedError) as info:
            call()
        assert str(info.value) == f"当前账户（{role}：李志）无权{what}。如需操作，请联系管理员。"


def test_every_permission_has_a_refusal():
    from liaison_app.core import access

    assert set(access._PERMISSION_REFUSALS) == set(Permission)


def test_export_status_is_translated(english):
    status = MonthExportState.__new__(MonthExportState)
    object.__setattr__(status, "changed_since", 3)
    assert status.status_text == "EN:导出后有 3 条记录变动，需重新报送"
    assert (CONTEXT, "导出后有 {count} 条记录变动，需重新报送") in english


def test_a_failed_login_is_translated(english, core):
    with pytest.raises(UserError) as info:
        core.accounts.login("nobody", "wrong")
    assert str(info.value) == "EN:登录名或密码不对，请重新输入"


def test_the_ledger_import_needs_a_point(english, core):
    from liaison_app.core.ledger_import import LedgerImportService

    assert core.points.all() == []
    with pytest.raises(UserError) as info:
        LedgerImportService(core).resolve_point()
    assert str(info.value) == "EN:还没有联系点。请先新建联系点，再导入台账"
