"""The shape the architecture asks for: classes split by job (in every package) and long
functions that say why they are long (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hxdesk"
MAX_METHODS = 25
MAX_FUNCTION_LINES = 60
LONG_MARK = "# long:"
LARGE_MARK = "# large:"


def _sources() -> list[Path]:
    # gui/compiled holds code generated from the .ui files, not written by hand
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "compiled" not in p.relative_to(PACKAGE).parts]


def _classes_with_many_methods() -> list[str]:
    """Classes of more than MAX_METHODS methods that do not say why (a ``# large:`` comment in the class)."""
    out = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                n = sum(isinstance(b, ast.FunctionDef | ast.AsyncFunctionDef) for b in node.body)
                body = lines[node.lineno - 1 : node.end_lineno]
                if n > MAX_METHODS and not any(line.strip().startswith(LARGE_MARK) for line in body):
                    out.append(f"{path.relative_to(PACKAGE)}:{node.name} has {n} methods")
    return out


def _long_functions_without_a_reason() -> list[str]:
    out = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.end_lineno is None:
                continue
            length = node.end_lineno - node.lineno + 1
            body = lines[node.lineno - 1 : node.end_lineno]
            if length > MAX_FUNCTION_LINES and not any(line.strip().startswith(LONG_MARK) for line in body):
                out.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_class_has_more_than_25_methods_without_a_reason():
    assert _classes_with_many_methods() == []


def test_every_function_over_60_lines_says_why():
    assert _long_functions_without_a_reason() == []


def test_the_shape_checks_see_what_they_look_for(tmp_path, monkeypatch):
    """The checks find a long function and a large class when there is one."""
    fake = tmp_path / "hxdesk"
    (fake / "gui").mkdir(parents=True)
    body = "\n".join(f"    x{i} = {i}" for i in range(70))
    (fake / "long.py").write_text(f"def f():\n{body}\n", encoding="utf-8")
    methods = "\n".join(f"    def m{i}(self):\n        pass" for i in range(30))
    (fake / "gui" / "big.py").write_text(f"class Big:\n{methods}\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "PACKAGE", fake)
    assert _long_functions_without_a_reason() == ["long.py:1 f (71 lines)"]
    assert _classes_with_many_methods() == ["gui/big.py:Big has 30 methods"]
    (fake / "store.py").write_text(f"class Store:\n{methods}\n", encoding="utf-8")  # any package counts
    assert _classes_with_many_methods() == ["gui/big.py:Big has 30 methods", "store.py:Store has 30 methods"]
    (fake / "store.py").write_text(f"class Store:\n    # large: a stated reason\n{methods}\n", encoding="utf-8")
    assert _classes_with_many_methods() == ["gui/big.py:Big has 30 methods"]
    (fake / "long.py").write_text(f"def f():\n    # long: a table\n{body}\n", encoding="utf-8")
    assert _long_functions_without_a_reason() == []
