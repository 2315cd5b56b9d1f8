"""SQLite storage of reports (sqlite-utils). No Qt here.

Each name loads its module on first use (hxdesk/lazy.py): ``store.summary`` (the report list before
the store opens) must not bring sqlite-utils, the model and the writer lock with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_getattr

_LAZY: dict[str, str] = {
    "Store": "db",
    "DatabaseError": "db",
    "ReportSummary": "summary",
    "SCHEMA_VERSION": "schema",
}

if TYPE_CHECKING:  # the table again, for the type checker (tests/core/test_lazy_exports.py)
    from .db import DatabaseError as DatabaseError
    from .db import Store as Store
    from .schema import SCHEMA_VERSION as SCHEMA_VERSION
    from .summary import ReportSummary as ReportSummary

__all__ = [*_LAZY]

__getattr__ = lazy_getattr(__name__, _LAZY, globals())
