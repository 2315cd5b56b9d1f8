"""Schema migrations, recorded by sqlite-utils' Migrations in _sqlite_migrations.

Every released schema keeps its migration here unchanged; a new schema is a
new function appended at the end.  ``PRAGMA user_version`` mirrors the number
of applied migrations so that an older hxdesk can see that a database is newer
than it understands.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema import SCHEMA_VERSION

migrations = Migrations("hxdesk")


@migrations()
def m001_initial(db: Database) -> None:
    """Schema 1: reports, their sections, their figures, and settings."""
    db.execute(
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            template TEXT NOT NULL DEFAULT '',
            year INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            issuers TEXT NOT NULL DEFAULT '[]',
            addressee TEXT NOT NULL DEFAULT '',
            intro TEXT NOT NULL DEFAULT '[]',
            signatures TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            parent_uid TEXT,
            position INTEGER NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            run_in INTEGER NOT NULL DEFAULT 0,
            numbered INTEGER NOT NULL DEFAULT 1,
            blocks TEXT NOT NULL DEFAULT '[]',
            UNIQUE (report_id, uid)
        )
        """
    )
    db.execute("CREATE INDEX sections_report ON sections(report_id, position)")
    db.execute(
        """
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            value TEXT,
            unit TEXT NOT NULL DEFAULT '',
            qualifier TEXT NOT NULL DEFAULT '',
            formula TEXT NOT NULL DEFAULT '',
            decimals INTEGER NOT NULL DEFAULT 0,
            at_most TEXT NOT NULL DEFAULT '',
            UNIQUE (report_id, key)
        )
        """
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations()
def m002_history(db: Database) -> None:
    """Schema 2: when each section last changed, earlier versions of sections, deleted sections."""
    db.execute("ALTER TABLE sections ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE sections SET updated_at = (SELECT updated_at FROM reports WHERE reports.id = sections.report_id)"
    )
    db.execute(
        """
        CREATE TABLE section_versions (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            section_uid TEXT NOT NULL,
            parent_uid TEXT,
            position INTEGER NOT NULL,
            sibling_index INTEGER NOT NULL DEFAULT 0,
            after_uid TEXT,
            heading TEXT NOT NULL DEFAULT '',
            run_in INTEGER NOT NULL DEFAULT 0,
            numbered INTEGER NOT NULL DEFAULT 1,
            blocks TEXT NOT NULL DEFAULT '[]',
            saved_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX section_versions_uid ON section_versions(report_id, section_uid, id)")
    db.execute("CREATE INDEX section_versions_deleted ON section_versions(report_id, deleted, id)")


@migrations()
def m003_version_figures(db: Database) -> None:
    """Schema 3: a section version keeps the values of the figures its text used (JSON; NULL in
    versions kept before, which recorded none)."""
    db.execute("ALTER TABLE section_versions ADD COLUMN figures TEXT")


@migrations()
def m004_year_over_year(db: Database) -> None:
    """Schema 4: a report knows the report it came from (last year's; NULL: none), a figure its
    kind (yearly: emptied by roll-over; standing: carried), what it still needs after a roll-over
    (review: '', 'update', 'confirm') and how a derived one reads (style: '', 'yoy_percent', 'yoy_diff')."""
    db.execute("ALTER TABLE reports ADD COLUMN predecessor_uid TEXT")
    db.execute("ALTER TABLE figures ADD COLUMN kind TEXT NOT NULL DEFAULT 'yearly'")
    db.execute("ALTER TABLE figures ADD COLUMN review TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE figures ADD COLUMN style TEXT NOT NULL DEFAULT ''")


@migrations()
def m005_official(db: Database) -> None:
    """Schema 5: a report's 版头 and 版记 (发文机关标志, 发文字号, 签发人, 附件, 抄送, 印发; JSON as in the
    interchange format, NULL: none) and a section's 公开 flag (0: left out of the 公开版)."""
    db.execute("ALTER TABLE reports ADD COLUMN official TEXT")
    db.execute("ALTER TABLE sections ADD COLUMN public INTEGER NOT NULL DEFAULT 1")


@migrations()
def m006_attachment_tables(db: Database) -> None:
    """Schema 6: an attachment in reports.official may hold a simple table (``"table"``: rows of
    cells, as in the interchange format). No table changes: the version tells an older hxdesk,
    which would drop the tables when it saves a report, that this database is newer than it."""


@migrations()
def m007_report_annotations(db: Database) -> None:
    """Schema 7: what is kept beside a report, in tables of their own that purging the report
    clears (they were JSON in settings under ``import_notes:<uid>`` and ``dismissed_findings:<uid>``):
    the importer's notes, each with its part (title, intro, section by uid, document), and the keys
    of the findings a clerk dismissed."""
    db.execute(
        """
        CREATE TABLE import_notes (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            part TEXT NOT NULL,
            section_uid TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX import_notes_report ON import_notes(report_id, id)")
    db.execute(
        """
        CREATE TABLE dismissed_findings (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            PRIMARY KEY (report_id, key)
        ) WITHOUT ROWID
        """
    )
    rows = db.execute(
        "SELECT key, value FROM settings WHERE key LIKE 'import_notes:%' OR key LIKE 'dismissed_findings:%'"
    )
    for key, value in rows.fetchall():
        prefix, _, uid = key.partition(":")
        found = db.execute("SELECT id FROM reports WHERE uid = ?", (uid,)).fetchone()
        try:
            items = json.loads(value)
        except ValueError:
            items = []
        if found is not None and isinstance(items, list):
            if prefix == "import_notes":
                _move_import_notes(db, found[0], items)
            else:
                for finding in (k for k in items if isinstance(k, str)):
                    db.execute(
                        "INSERT OR IGNORE INTO dismissed_findings (report_id, key) VALUES (?, ?)", (found[0], finding)
                    )
        db.execute("DELETE FROM settings WHERE key = ?", (key,))


def _move_import_notes(db: Database, report_id: int, items: list[object]) -> None:
    """Schema 6 kept each note as {"target": ["section", uid] | ["intro"] | ["title"], "text": sentence}."""
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        target = item.get("target")
        if not isinstance(target, list):
            target = []
        part = str(target[0]) if target else "title"
        section_uid = str(target[1]) if part == "section" and len(target) > 1 else ""
        if part not in ("title", "intro", "section"):
            part = "title"
        db.execute(
            "INSERT INTO import_notes (report_id, part, section_uid, text) VALUES (?, ?, ?, ?)",
            (report_id, part, section_uid, item["text"]),
        )


NAMES = [m.name for m in migrations._migrations]
if len(NAMES) != SCHEMA_VERSION:  # a migration added here must raise schema.SCHEMA_VERSION too
    raise RuntimeError(f"store/schema.py says SCHEMA_VERSION = {SCHEMA_VERSION}, migrations.py has {len(NAMES)}")
