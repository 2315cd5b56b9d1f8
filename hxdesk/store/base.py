"""What the store's jobs (reports, trash, versions, settings, annotations) need of the open database:
the connection and its transactions.  ``db.Store`` is one; the jobs name this, not the Store, so that
no job module imports the module that builds them.  No Qt here."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database


class Connection(Protocol):
    conn: sqlite3.Connection

    @property
    def db(self) -> Database: ...

    def writing(self) -> AbstractContextManager[None]:
        """One write transaction (the caller's change is refused on a read-only store)."""
        ...

    def require_write(self) -> None: ...

    def now(self) -> str:
        """The time a save records (the store's clock)."""
        ...
