"""What is kept beside a report: the importer's notes and the findings a clerk dismissed.

Rows of their own tables (schema 7), keyed by the report's row with ON DELETE CASCADE, so that
purging a report clears them.  Reports are named by uid, as the editor knows them.  No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import NOTE_PARTS, NOTE_TITLE, ImportNote

if TYPE_CHECKING:
    from .base import Connection

#: At most this many of each kind are kept for one report (a file could make thousands of notes).
MAX_IMPORT_NOTES = 500
MAX_DISMISSED = 500

_REPORT_ID = "(SELECT id FROM reports WHERE uid = ?)"


class Annotations:
    """The import notes and dismissed findings of the reports in one store."""

    def __init__(self, store: Connection):
        self._store = store

    def keep_import_notes(self, report_uid: str, notes: Iterable[ImportNote]) -> None:
        """Add the notes of a report just imported (the report must be stored already)."""
        rows = [
            (report_uid, n.part if n.part in NOTE_PARTS else NOTE_TITLE, n.section_uid, n.place, n.text)
            for n in list(notes)[:MAX_IMPORT_NOTES]
        ]
        if not rows:
            return
        store = self._store
        with store.writing():
            store.conn.executemany(
                f"INSERT INTO import_notes (report_id, part, section_uid, place, text) VALUES ({_REPORT_ID}, ?, ?, ?, ?)",
                rows,
            )

    def import_notes(self, report_uid: str) -> list[tuple[int, ImportNote]]:
        """The notes still to read with their row ids, in the order the importer made them."""
        rows = self._store.conn.execute(
            f"SELECT id, part, section_uid, place, text FROM import_notes WHERE report_id = {_REPORT_ID} ORDER BY id",
            (report_uid,),
        ).fetchall()
        return [(row_id, ImportNote(text, part, section_uid, place)) for row_id, part, section_uid, place, text in rows]

    def drop_import_notes(self, row_ids: Iterable[int]) -> None:
        """The clerk has read these notes."""
        ids = [(i,) for i in row_ids]
        store = self._store
        with store.writing():
            store.conn.executemany("DELETE FROM import_notes WHERE id = ?", ids)

    def dismissed_findings(self, report_uid: str) -> set[str]:
        rows = self._store.conn.execute(
            f"SELECT key FROM dismissed_findings WHERE report_id = {_REPORT_ID}", (report_uid,)
        ).fetchall()
        return {key for (key,) in rows}

    def dismiss_finding(self, report_uid: str, key: str) -> None:
        """Remember a finding not to show again; past MAX_DISMISSED the earliest in key order go."""
        store = self._store
        with store.writing():
            store.conn.execute(
                f"INSERT OR IGNORE INTO dismissed_findings (report_id, key) VALUES ({_REPORT_ID}, ?)", (report_uid, key)
            )
            store.conn.execute(
                f"DELETE FROM dismissed_findings WHERE report_id = {_REPORT_ID} AND key NOT IN "
                f"(SELECT key FROM dismissed_findings WHERE report_id = {_REPORT_ID} ORDER BY key DESC LIMIT ?)",
                (report_uid, report_uid, MAX_DISMISSED),
            )

    def restore_dismissed(self, report_uid: str) -> None:
        store = self._store
        with store.writing():
            store.conn.execute(f"DELETE FROM dismissed_findings WHERE report_id = {_REPORT_ID}", (report_uid,))
