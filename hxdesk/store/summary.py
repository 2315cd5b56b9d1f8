"""The report list as stored: its row type, its query, and a quick read-only look before the store opens.

Only sqlite3 and the standard library: the start-up shows the list from here while the store (sqlite-utils,
the model, the writer lock) is still loading.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .schema import SCHEMA_VERSION


@dataclass
class ReportSummary:
    """One row of the report list."""

    id: int
    uid: str
    name: str
    year: int
    issuers: list[str]
    title: str
    template: str
    created_at: str
    updated_at: str
    deleted_at: str | None

    @property
    def display_name(self) -> str:
        return self.name or (self.issuers[0] if self.issuers else "（未命名）")


def list_query(deleted: bool) -> str:
    where = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
    # by creation, not by last change: rows do not move under the pointer while a report is edited
    return (
        "SELECT id, uid, name, year, issuers, title, template, created_at, updated_at, deleted_at "
        f"FROM reports WHERE {where} ORDER BY year DESC, created_at DESC, id DESC"
    )


def summaries_of(rows: list[tuple[object, ...]]) -> list[ReportSummary]:
    return [ReportSummary(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9]) for r in rows]  # type: ignore[arg-type]


def peek_reports(path: str | Path) -> list[ReportSummary] | None:
    """The report list read without opening the store (read-only, nothing written, no lock taken), or None
    when that is not possible: no file, another schema version, anything unusual. The caller opens the store
    right after (with its lock and file check) and shows nothing it did not read there as editable."""
    target = Path(path)
    if not target.is_file():
        return None
    try:
        # mode=ro: this connection can neither create the file nor write to it.
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None
        return summaries_of(conn.execute(list_query(False)).fetchall())
    except (sqlite3.Error, ValueError, TypeError, IndexError):
        return None
    finally:
        conn.close()
