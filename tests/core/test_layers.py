"""Only hxdesk/gui may import Qt (as napari enforces with import-linter)."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pytestqt")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_qt_is_imported_only_in_the_gui_package():
    offenders = []
    for path in sorted((ROOT / "hxdesk").rglob("*.py")):
        if "gui" in path.relative_to(ROOT / "hxdesk").parts:
            continue
        for name in imported_modules(path):
            if name.split(".")[0] in QT_PACKAGES:
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_check_itself_sees_qt_imports():
    gui_files = list((ROOT / "hxdesk" / "gui").rglob("*.py"))
    assert any(any(n.split(".")[0] == "PySide6" for n in imported_modules(p)) for p in gui_files), (
        "the scan must find the GUI's own Qt imports, or it proves nothing"
    )
