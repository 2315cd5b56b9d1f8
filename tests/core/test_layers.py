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


def _import_cycles() -> list[list[str]]:
    """Strongly connected groups of hxdesk modules (Tarjan), function-level and type-only imports included:
    a cycle that only the type checker follows still ties the modules' names and meanings together."""
    import grimp

    graph = grimp.build_graph("hxdesk", exclude_type_checking_imports=False, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_import_cycles_between_hxdesk_modules():
    assert _import_cycles() == []


def test_the_import_linter_contracts_hold():
    """The layer rules of pyproject.toml ([tool.importlinter]): also run by the test command."""
    import subprocess
    import sys

    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gui_imports_nothing_from_the_store_not_even_for_types():
    """The GUI reaches the database only through services; type-only imports count too."""
    import grimp

    graph = grimp.build_graph("hxdesk", exclude_type_checking_imports=False, cache_dir=None)
    found = [
        (gui, store)
        for gui in graph.find_children("hxdesk.gui") | {"hxdesk.gui"}
        for store in graph.find_modules_directly_imported_by(gui)
        if store == "hxdesk.store" or store.startswith("hxdesk.store.")
    ]
    assert found == []
