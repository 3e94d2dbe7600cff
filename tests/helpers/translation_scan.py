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
