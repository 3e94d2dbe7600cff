"""Every user-visible string of the GUI goes through Qt's translation system, and the English
translation is complete and compiled (issue #10)."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers import translation_scan as scan

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "liaison_app" / "gui"
CJK = scan.CJK
TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "build_spec" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_call_name = scan.call_name


def untranslated_literals(path: Path) -> list[str]:
    """``file:line: text`` of each Chinese string literal outside tr()/translate()/QT_TRANSLATE_NOOP,
    docstrings and lines marked ``# i18n-exempt: why``."""
    return scan.untranslated_literals(path.resolve(), TRANSLATING_CALLS)


def non_literal_translations(path: Path) -> list[str]:
    """translate()/QT_TRANSLATE_NOOP calls lupdate cannot file: a context that is not a string
    literal (``translate(_CONTEXT, …)`` is silently skipped by lupdate), or a NOOP mark whose
    text is not a literal. ``translate("Ctx", variable)`` is fine when the texts are marked
    with ``QT_TRANSLATE_NOOP("Ctx", "…")`` where they are defined."""
    path = path.resolve()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and _call_name(node.func) in ("translate", "QT_TRANSLATE_NOOP")):
            continue
        wanted = node.args[:2] if _call_name(node.func) == "QT_TRANSLATE_NOOP" else node.args[:1]
        if not wanted or not all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in wanted):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:60]}")
    return found


def test_translated_texts_are_literals():
    found = [hit for path in sorted(GUI.rglob("*.py")) for hit in non_literal_translations(path)]
    assert found == [], "lupdate cannot extract these (use a literal context and text):\n" + "\n".join(found)


def test_scanner_catches_a_bare_literal(tmp_path):
    sample = GUI / "_scanner_probe.py"
    sample.write_text('"""文档."""\nx = "未翻译"\ny = translate("c", "已翻译")\nz = "样例"  # i18n-exempt: width sample\n',
                      encoding="utf-8")
    try:
        assert [hit.split(": ", 1)[1] for hit in untranslated_literals(sample)] == ["'未翻译'"]
    finally:
        sample.unlink()


def test_tr_is_only_called_on_self_inside_a_class():
    """lupdate files ``x.tr("…")`` under the enclosing class; outside a class (or on another
    object) the context would not match the one used at run time."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_class = {id(n) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for n in ast.walk(c)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr":
                receiver = node.func.value
                if not (isinstance(receiver, ast.Name) and receiver.id == "self" and id(node) in in_class):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:50]}")
    assert found == [], "use translate(\"Context\", …) here:\n" + "\n".join(found)


def test_no_translate_alias():
    """lupdate reads ``tr(a, b)`` as (text, disambiguation): an alias of translate() would file
    the context as the text."""
    for path in GUI.rglob("*.py"):
        assert not re.search(r"^\s*\w+\s*=\s*QCoreApplication\.translate\b", path.read_text(encoding="utf-8"), re.M), path


def test_english_translation_is_complete_and_compiled():
    assert _tool().problems() == []


def marked_texts(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of every literal handed to tr/translate/QT_TRANSLATE_NOOP, with the
    context Qt uses at run time (the enclosing class for ``self.tr``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    owner: dict[int, str] = {}
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for node in ast.walk(cls):
                owner[id(node)] = cls.name  # inner classes are walked later and win
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, args = _call_name(node.func), node.args
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
        if name == "tr" and args and literal[0] and id(node) in owner:
            found.append((owner[id(node)], args[0].value, node.lineno))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and all(literal[:2]):
            found.append((args[0].value, args[1].value, node.lineno))
    return found


def test_every_marked_text_reached_the_ts_file():
    """lupdate silently skips texts it cannot parse (e.g. a tr() inside an f-string)."""
    root = ET.parse(ROOT / "resources" / "translations" / "liaison_en.ts").getroot()
    extracted = {(c.findtext("name", ""), m.findtext("source", "")) for c in root.iter("context")
                 for m in c.iter("message")}
    missing = [f"{path.relative_to(ROOT)}:{line}: [{context}] {text[:40]}"
               for path in sorted(GUI.rglob("*.py")) for context, text, line in marked_texts(path)
               if (context, text) not in extracted]
    assert missing == [], "not in liaison_en.ts:\n" + "\n".join(missing)


def test_english_is_shown_when_chosen(qtbot, qapp, core, signals):
    from liaison_app.domain.enums import Mode
    from liaison_app.gui.appearance import install_language
    from liaison_app.gui.labels import category_text, label
    from liaison_app.gui.main_window import MainWindow

    assert install_language(qapp, "en")
    try:
        window = MainWindow(core, signals)
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[0] == "&File" and "&Help" in titles
        assert window.navigation.item(1).text() == "Consultations"
        assert label(Mode.PHONE) == "Phone"
        assert category_text(core.consultations.category("MAR")) == "Marriage, family and inheritance disputes"
        assert not any(CJK.search(t) for t in titles)
    finally:
        assert install_language(qapp, "zh_CN")
    assert label(Mode.PHONE) == "电话"
    assert category_text(core.consultations.category("MAR")) == "婚姻家庭、继承纠纷"


def test_label_catalog_lists_every_core_label():
    tool = _tool()
    from liaison_app.domain.enums import Mode
    from liaison_app.gui import label_catalog

    assert Mode.PHONE.label in label_catalog.LABELS
    assert list(label_catalog.LABELS) == tool.core_labels()


def test_english_roster_warning_keeps_the_hint_to_the_rules_button(qtbot, qapp, core, point, signals):
    """The roster page adds "use the Duty rules… button" to the core's "no rules yet" warning;
    it recognised the warning by its Chinese words, which English no longer has (regression)."""
    from liaison_app.gui.appearance import install_language
    from liaison_app.gui.pages.roster_page import RosterPage

    assert install_language(qapp, "en")
    try:
        page = RosterPage(core, signals)
        qtbot.addWidget(page)
        page.show_month(point.id, "2026-12")
        text = page.warning_label.text()
        assert "no duty rules yet" in text and "Duty rules…" in text
    finally:
        install_language(qapp, "zh_CN")


def test_list_headers_are_translated_in_each_models_own_context(qapp, core):
    """PagedTableModel translates headers with self.tr(): PySide looks in the subclass's context."""
    from PySide6.QtCore import Qt

    from liaison_app.gui.appearance import install_language
    from liaison_app.gui.models.session_table_model import SessionTableModel
    from liaison_app.gui.models.visit_table_model import VisitTableModel

    assert install_language(qapp, "en")
    try:
        for model, first in ((SessionTableModel(core.sessions), "Date"), (VisitTableModel(core.visits), "Date")):
            assert model.headerData(0, Qt.Orientation.Horizontal) == first
            assert model.headerData(2, Qt.Orientation.Horizontal) == "Liaison point"
    finally:
        install_language(qapp, "zh_CN")
