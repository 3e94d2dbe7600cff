"""The scanner both translation tests use: Chinese string literals left outside the calls that
mark text for translation (tests/gui/test_translations.py for the GUI,
tests/domain/test_messages_translatable.py for the core's validation messages)."""

from __future__ import annotations

import ast
import re
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile("[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
EXEMPT = "# i18n-exempt:"


def call_name(node: ast.AST) -> str | None:
    """``f`` of ``f(...)`` or ``x.f(...)``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def where(path: Path, line: int) -> str:
    """``path:line`` relative to the repository when it is inside it."""
    try:
        return f"{path.resolve().relative_to(ROOT)}:{line}"
    except ValueError:
        return f"{path.name}:{line}"


def untranslated_literals(path: Path, marking_calls: Collection[str], *,
                          enum_members_exempt: bool = False) -> list[str]:
    """``file:line: text`` of each Chinese string literal of ``path`` that is not inside one of
    ``marking_calls``, not a docstring, not on a line marked ``# i18n-exempt: why`` and — with
    ``enum_members_exempt`` — not in the member definitions of a ``LabeledEnum`` (stored labels,
    translated by the GUI through gui/label_catalog.py)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    covered: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node.func) in marking_calls:
            covered.update(id(inner) for inner in ast.walk(node))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                covered.add(id(first.value))
        if (enum_members_exempt and isinstance(node, ast.ClassDef)
                and any(call_name(base) == "LabeledEnum" for base in node.bases)):
            for statement in node.body:
                if isinstance(statement, ast.Assign):
                    covered.update(id(inner) for inner in ast.walk(statement.value))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)
                and id(node) not in covered):
            span = lines[node.lineno - 1:(node.end_lineno or node.lineno)]
            if any(EXEMPT in line for line in span):
                continue
            found.append(f"{where(path, node.lineno)}: {node.value[:40]!r}")
    return found


LABEL_CONTEXT = "labels"
MARKING_CALLS = frozenset({"translate", "QT_TRANSLATE_NOOP"})


def translations_tool():  # type: ignore[no-untyped-def]
    """build_spec/translations.py as a module (its CORE_SOURCES, problems(), …)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "build_spec" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def template_problems(path: Path, contexts: Collection[str]) -> list[str]:
    """How the translate()/QT_TRANSLATE_NOOP calls of a core module break lupdate's rules: a
    context other than ``contexts`` (or ``labels``), a message text that is not one string
    literal, a literal in ``labels`` (messages belong in their own context), an unnamed
    placeholder, a marked text glued to other text (``+``), ``translate`` imported under
    another name. Only a core label may be translated from a variable (context ``labels``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    glued = {id(side) for node in ast.walk(tree) if isinstance(node, ast.BinOp) for side in (node.left, node.right)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "liaison_app.i18n":
            found += [f"{where(path, node.lineno)}: as {a.asname}" for a in node.names if a.asname]
        if not (isinstance(node, ast.Call) and call_name(node.func) in MARKING_CALLS):
            continue
        at = f"{where(path, node.lineno)}: {ast.unparse(node)[:70]}"
        context, text = (node.args + [None, None])[:2]
        literal_text = isinstance(text, ast.Constant) and isinstance(text.value, str)
        if not (isinstance(context, ast.Constant) and context.value in {*contexts, LABEL_CONTEXT}):
            found.append(f"{at} (context must be one of {sorted(contexts)})")
        elif context.value != LABEL_CONTEXT and not literal_text:
            found.append(f"{at} (text must be one string literal)")
        elif context.value == LABEL_CONTEXT and literal_text:
            found.append(f"{at} (a message belongs in its own context, not \"labels\")")
        elif literal_text and re.search(r"\{(?![A-Za-z_]\w*\})", text.value):
            found.append(f"{at} (placeholders must be named: {{name}})")
        if id(node) in glued:
            found.append(f"{at} (glued to other text)")
    return found
