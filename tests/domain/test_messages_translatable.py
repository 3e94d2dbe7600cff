"""The messages the core gives while records are entered (field validation, ID-number and phone
checks, refusals of the record services) go through the translation system, Qt-free: marked with
``liaison_app.i18n.translate("validation", …)`` in the modules lupdate reads
(``build_spec/translations.py`` ``CORE_SOURCES``), so the GUI shows them in English when English is
chosen, while the CLI and the tests keep the Chinese source text."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from liaison_app import i18n
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Outcome
from liaison_app.domain.identity import check_id_number, id_check_digit
from liaison_app.domain.records import Consultation
from liaison_app.domain.validation import normalise_consultation, validate_consultation
from liaison_app.errors import ValidationError
from tests.helpers import translation_scan as scan

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "liaison_en.ts"
CONTEXT = "validation"
# Core labels (LabeledEnum members) quoted inside a message are translated in the GUI's context.
LABEL_CONTEXT = "labels"
# Contexts of the other core messages (tests/domain/test_messages_translatable_*.py).
OTHER_CONTEXTS = {"messages", "duty"}
MARKING_CALLS = scan.MARKING_CALLS
EXPECTED = {
    "liaison_app/domain/validation.py", "liaison_app/domain/identity.py", "liaison_app/domain/education.py",
    "liaison_app/domain/visits.py", "liaison_app/domain/people.py", "liaison_app/core/consultations.py",
    "liaison_app/core/sessions.py", "liaison_app/core/visits.py", "liaison_app/core/people.py",
    "liaison_app/core/access.py", "liaison_app/core/maintenance.py", "liaison_app/core/exports.py",
    "liaison_app/core/accounts.py", "liaison_app/core/attachments.py", "liaison_app/core/ledger_import.py",
    "liaison_app/domain/duty.py", "liaison_app/domain/roster.py", "liaison_app/core/duty.py",
    "liaison_app/core/duty_volunteer.py", "liaison_app/scheduling/rules.py", "liaison_app/scheduling/planner.py",
}


_tool = scan.translations_tool


def core_sources() -> list[Path]:
    return [Path(p) for p in _tool().CORE_SOURCES]


def untranslated_literals(path: Path) -> list[str]:
    """Chinese literals outside translate()/QT_TRANSLATE_NOOP, docstrings, LabeledEnum members
    and ``# i18n-exempt`` lines."""
    return scan.untranslated_literals(path, MARKING_CALLS, enum_members_exempt=True)


def marked_messages(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of every translate()/QT_TRANSLATE_NOOP call with a literal text."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and scan.call_name(node.func) in MARKING_CALLS and len(node.args) >= 2:
            context, text = node.args[:2]
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (context, text)):
                found.append((context.value, text.value, node.lineno))
    return found


def test_lupdate_reads_the_core_modules_with_messages():
    tool = _tool()
    names = {p.resolve().relative_to(ROOT).as_posix() for p in tool.CORE_SOURCES}
    assert names == EXPECTED
    assert all(p.is_file() for p in tool.CORE_SOURCES)
    assert set(tool.CORE_SOURCES) <= set(tool.gui_sources())


def test_no_message_escapes_translation():
    found = [hit for path in core_sources() for hit in untranslated_literals(path)]
    assert found == [], "Chinese text outside translate(\"validation\", …):\n" + "\n".join(found)


def test_scanner_catches_a_bare_literal(tmp_path):
    sample = tmp_path / "probe.py"
    sample.write_text(
        '"""文档."""\n'
        'class Kind(LabeledEnum):\n    A = ("a", "标签")\n'
        'x = "未翻译"\n'
        'y = translate("validation", "已翻译")\n'
        'z = f"拼接{x}"\n'
        'w = "存储值"  # i18n-exempt: stored value\n',
        encoding="utf-8")
    assert [hit.split(": ", 1)[1] for hit in untranslated_literals(sample)] == ["'未翻译'", "'拼接'"]


def test_marked_messages_are_whole_literal_templates():
    """lupdate only extracts ``translate("ctx", "literal")``: literal context and text, one
    template per message with named placeholders (formatted after translation), never an
    f-string or glued pieces. Only a core label may be translated from a variable (``labels``)."""
    found = [hit for path in core_sources() for hit in scan.template_problems(path, {CONTEXT, *OTHER_CONTEXTS})]
    assert found == [], "\n".join(found)


def test_translate_is_not_aliased():
    """lupdate only knows the name ``translate``: an alias would hide the messages from it."""
    found = []
    for path in core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "liaison_app.i18n":
                found += [f"{scan.where(path, node.lineno)}: as {a.asname}" for a in node.names if a.asname]
            if (isinstance(node, ast.Assign) and isinstance(node.value, (ast.Name, ast.Attribute))
                    and scan.call_name(node.value) in MARKING_CALLS):
                found.append(f"{scan.where(path, node.lineno)}: {ast.unparse(node)}")
    assert found == []


def test_every_message_reached_the_ts_file():
    """``python build_spec/translations.py update`` put every marked message in liaison_en.ts."""
    root = ET.parse(TS_FILE).getroot()
    extracted = {(c.findtext("name", ""), m.findtext("source", "")) for c in root.iter("context")
                 for m in c.iter("message")}
    missing = [f"{scan.where(path, line)}: [{context}] {text[:40]}" for path in core_sources()
               for context, text, line in marked_messages(path) if (context, text) not in extracted]
    assert missing == [], "not in liaison_en.ts (run `python build_spec/translations.py update`):\n" + "\n".join(missing)


# -- at run time --------------------------------------------------------------------------------

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=CHINA_TZ)
CODES = {"MAR-DIV"}


def consultation(**changes) -> Consultation:
    base = Consultation(
        point_id="p1", received_at=NOW - timedelta(hours=1), visitor_name="王秀英", category_code="MAR-DIV",
        question="离婚后孩子的抚养费怎么要？", advice="可先申请村调委会调解，不成再起诉。",
        outcome=Outcome.ANSWERED, receiver_name="马建国",
    )
    return normalise_consultation(base.with_changes(**changes))


def errors_of(record: Consultation) -> dict[str, str]:
    return {e.field: e.message for e in validate_consultation(record, now=NOW, category_codes=CODES)}


def test_validation_messages_are_translated(english):
    errors = errors_of(consultation(visitor_name=""))
    assert errors == {"visitor_name": "EN:请填写来访人姓名（不愿透露可填“匿名”）"}
    assert english == [(CONTEXT, "请填写来访人姓名（不愿透露可填“匿名”）")]


def test_values_are_put_into_the_translated_template(english):
    assert errors_of(consultation(visitor_name="字" * 101))["visitor_name"] == "EN:姓名过长（最多100字）"
    assert check_id_number("1234") == "EN:身份证号应为18位，现在是4位"
    assert check_id_number("110101900307123") == (
        "EN:这是15位旧身份证号（已停止使用），对应的18位号码应为 110101199003071233，请核对后填写")


def test_a_quoted_label_is_translated_too(english):
    first17 = "11010119900307123"  # born 1990-03-07, odd sequence: male
    record = consultation(id_status=IdStatus.GIVEN, id_number=first17 + id_check_digit(first17),
                          gender=Gender.FEMALE, age_band=AgeBand.for_age(80))
    errors = errors_of(record)
    assert errors["gender"] == "EN:性别与身份证号不符：按第17位应为“EN:男”"
    assert errors["age_band"].startswith("EN:年龄段与身份证号不符") and "“EN:" in errors["age_band"]
    assert (LABEL_CONTEXT, Gender.MALE.label) in english


def test_a_service_refusal_is_translated(english, core):
    with pytest.raises(ValidationError) as info:
        core.consultations.prepare(consultation(visitor_name="", question=""))
    by_field = info.value.by_field()
    assert by_field["visitor_name"] == "EN:请填写来访人姓名（不愿透露可填“匿名”）"
    assert by_field["question"] == "EN:请填写咨询事项"


def test_without_a_translator_the_chinese_text_is_unchanged():
    previous = i18n._impl
    i18n.install(None)
    try:
        assert errors_of(consultation(visitor_name="", question="")) == {
            "visitor_name": "请填写来访人姓名（不愿透露可填“匿名”）", "question": "请填写咨询事项"}
        assert errors_of(consultation(advice="字" * 32_768))["advice"] == "答复意见过长（最多32767字，现在32768字）"
    finally:
        i18n.install(previous)
