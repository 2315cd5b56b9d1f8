"""SQLite storage of reports (sqlite-utils). No Qt here.

Each name loads its module on first use: ``store.summary`` (the report list before the store opens)
must not bring sqlite-utils, the model and the writer lock with it.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..history import DeletedSection, SectionVersion
    from .db import DatabaseError, Store
    from .schema import SCHEMA_VERSION
    from .summary import ReportSummary

__all__ = ["Store", "ReportSummary", "DatabaseError", "SCHEMA_VERSION", "SectionVersion", "DeletedSection"]

_LAZY = {
    "Store": "db",
    "DatabaseError": "db",
    "ReportSummary": "summary",
    "SCHEMA_VERSION": "schema",
    "SectionVersion": "history",
    "DeletedSection": "history",
}


def _load(module: str) -> ModuleType:
    # Plain import statements (not importlib) so that import-linter and grimp see every edge.
    if module == "db":
        from . import db

        return db
    if module == "summary":
        from . import summary

        return summary
    if module == "schema":
        from . import schema

        return schema
    from .. import history

    return history


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(_LAZY[name]), name)
    globals()[name] = value
    return value
