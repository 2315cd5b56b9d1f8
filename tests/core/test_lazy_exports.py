"""Each package's one table of lazy exports (hxdesk/lazy.py) agrees with the mirror the type checker
reads, names only what its modules define, and loads every name."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys

import pytest
from support import ROOT

PACKAGES = ["hxdesk.services", "hxdesk.store", "hxdesk.render"]


def table_and_mirror(package: str) -> tuple[dict[str, str], dict[str, str]]:
    """(_LAZY as written, {name: module} of the ``if TYPE_CHECKING`` imports), read from the source."""
    path = ROOT.joinpath(*package.split(".")) / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    mirror: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "_LAZY":
            table = ast.literal_eval(node.value)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom) and imp.level == 1 and imp.module, ast.dump(imp)
                for alias in imp.names:
                    assert alias.asname == alias.name, f"{package}: {alias.name} re-exported as {alias.asname}"
                    mirror[alias.name] = imp.module
    return table, mirror


@pytest.mark.parametrize("package", PACKAGES)
def test_the_table_and_the_type_checkers_mirror_agree(package):
    table, mirror = table_and_mirror(package)
    assert table and table == mirror


@pytest.mark.parametrize("package", PACKAGES)
def test_every_name_loads_from_its_module_and_is_exported(package):
    table, _ = table_and_mirror(package)
    module = importlib.import_module(package)
    for name, source in table.items():
        assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{source}"), name)
        assert name in module.__all__
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_a_look_up_loads_only_the_module_it_needs():
    """The report list's path: services.open_workspace brings neither the checks nor python-docx."""
    code = (
        "import sys\n"
        "from hxdesk import services\n"
        "services.open_workspace\n"
        "print(sorted(m for m in ('hxdesk.checks', 'docx', 'hxdesk.services.review') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
