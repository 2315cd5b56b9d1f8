"""Names a package exports from its modules, each module loaded on first use (PEP 562).

A package keeps one table, name -> the module that defines it, and mirrors it in an ``if TYPE_CHECKING``
block for the type checker; tests/core/test_lazy_exports.py checks that the two agree and that
every name loads.  Start-up then loads only what it uses (bench/bench_startup.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(package: str, table: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """The package's ``__getattr__``: the name from its module in ``table``, kept in ``namespace``
    (the package's globals) so that later look-ups skip this function."""

    def __getattr__(name: str) -> Any:
        try:
            module = table[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
