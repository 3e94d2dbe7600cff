"""The core stays Qt-free: only liaison_app/gui imports PySide6 (HOUSE-STYLE rule 1)."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "liaison_app"
QT_MODULES = ("PySide6", "shiboken6")
ALLOWED = {PACKAGE / "gui"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_qt_outside_gui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if any(parent in ALLOWED for parent in path.parents) or path.name == "app.py":
            continue
        bad = {m for m in imported_modules(path) if m.split(".")[0] in QT_MODULES}
        if bad:
            offenders.append(f"{path.relative_to(PACKAGE.parent)}: {sorted(bad)}")
    assert offenders == []


def test_app_imports_gui_only_lazily():
    # The composition root may reach the GUI, but only inside main(), so CLI commands stay light.
    tree = ast.parse((PACKAGE / "app.py").read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    names = {getattr(n, "module", None) or n.names[0].name for n in top_level}
    assert not any(name and (name.startswith("liaison_app.gui") or name.startswith("PySide6")) for name in names)


def test_cli_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys; from liaison_app.app import main; "
        f"rc = main(['--db', r'{tmp_path / 'x.db'}', 'points']); "
        "assert 'PySide6' not in sys.modules, 'Qt loaded by a CLI command'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed")
def test_import_linter_contracts_hold():
    result = subprocess.run(["lint-imports"], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
