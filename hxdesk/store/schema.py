"""The schema version this hxdesk writes, known without loading sqlite-utils.

``PRAGMA user_version`` of a database equals the number of migrations applied
to it (migrations.py, which checks that this number matches its list).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = 7

#: The tables that make a file an hxdesk database (the first migration made them).
HXDESK_TABLES = frozenset({"reports", "sections"})
#: sqlite-utils' record of applied migrations: made before the first one runs.
MIGRATIONS_TABLE = "_sqlite_migrations"

FRESH = "fresh"
HXDESK = "hxdesk"
FOREIGN = "foreign"


def schema_owner(conn: sqlite3.Connection) -> str:
    """Whose tables the database holds: FRESH (none yet), HXDESK, or FOREIGN (another program's).

    Reading the schema writes nothing; a file that is not SQLite at all raises sqlite3.DatabaseError.
    """
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names = {n for n in names if not n.startswith("sqlite_")}
    if not names - {MIGRATIONS_TABLE}:
        return FRESH
    return HXDESK if HXDESK_TABLES <= names else FOREIGN
