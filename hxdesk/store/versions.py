"""A report's history in the store: the earlier versions of its sections and the sections deleted
from it (see hxdesk/history.py for the rules).  No Qt here."""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING

from .. import history
from ..errors import NotFound
from ..history import DeletedSection, FigureValue, SectionVersion
from .codec import VERSION_COLUMNS, Row, columns, version_of

if TYPE_CHECKING:
    from .base import Connection

_SELECT = f"SELECT {columns(VERSION_COLUMNS)} FROM section_versions"


class SectionVersions:
    """The section versions of the reports in one store."""

    def __init__(self, store: Connection):
        self._store = store

    # ---------------------------------------------------------------- kept by a save
    def recently_versioned(self, report_id: int, ts: str) -> set[str]:
        """The sections a version was kept of within COALESCE_SECONDS before ``ts``."""
        cutoff = (_dt.datetime.fromisoformat(ts) - _dt.timedelta(seconds=history.COALESCE_SECONDS)).isoformat(
            timespec="seconds"
        )
        rows = self._store.conn.execute(
            "SELECT DISTINCT section_uid FROM section_versions WHERE report_id = ? AND deleted = 0 AND replaced_at > ?",
            (report_id, cutoff),
        )
        return {r["section_uid"] for r in rows}

    def keep(
        self,
        report_id: int,
        row: Row,
        place: tuple[int, str | None],
        ts: str,
        *,
        deleted: bool,
        figures: list[FigureValue],
    ) -> None:
        """Keep a section row's content as a version (``place``: its index among its siblings and the
        sibling before it), inside the caller's transaction."""
        self._store.conn.execute(
            "INSERT INTO section_versions (report_id, section_uid, parent_uid, position, sibling_index, after_uid, "
            "heading, run_in, numbered, blocks, saved_at, replaced_at, deleted, figures) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                row["uid"],
                row["parent_uid"],
                row["position"],
                place[0],
                place[1],
                row["heading"],
                row["run_in"],
                row["numbered"],
                row["blocks"],
                row["updated_at"] or ts,
                ts,
                int(deleted),
                history.figures_to_stored(figures),
            ),
        )

    def trim(self, report_id: int, versioned: set[str], deleted_some: bool) -> None:
        """At most KEEP_VERSIONS versions of each section in ``versioned``, and KEEP_DELETED deleted ones."""
        conn = self._store.conn
        for uid in versioned:
            conn.execute(
                "DELETE FROM section_versions WHERE report_id = ? AND section_uid = ? AND deleted = 0 AND id NOT IN "
                "(SELECT id FROM section_versions WHERE report_id = ? AND section_uid = ? AND deleted = 0 "
                "ORDER BY id DESC LIMIT ?)",
                (report_id, uid, report_id, uid, history.KEEP_VERSIONS),
            )
        if deleted_some:
            conn.execute(
                "DELETE FROM section_versions WHERE report_id = ? AND deleted = 1 AND id NOT IN "
                "(SELECT id FROM section_versions WHERE report_id = ? AND deleted = 1 ORDER BY id DESC LIMIT ?)",
                (report_id, report_id, history.KEEP_DELETED),
            )

    # ---------------------------------------------------------------- read and restored
    def history(self, report_id: int, section_uid: str) -> list[SectionVersion]:
        """The earlier versions of one section, newest first (its current content is not among them)."""
        rows = self._store.conn.execute(
            f"{_SELECT} WHERE report_id = ? AND section_uid = ? AND deleted = 0 ORDER BY id DESC",
            (report_id, section_uid),
        ).fetchall()
        return [version_of(r) for r in rows]

    def version(self, version_id: int) -> SectionVersion:
        row = self._store.conn.execute(f"{_SELECT} WHERE id = ?", (version_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这个历史版本，它可能已被清理。")
        return version_of(row)

    def deleted(self, report_id: int) -> list[DeletedSection]:
        """Sections deleted from a report and not put back, newest first.

        A section deleted together with its parent is listed under the parent
        (``descendants``), not on its own.
        """
        rows = self._store.conn.execute(
            f"{_SELECT} WHERE report_id = ? AND deleted = 1 "
            "AND section_uid NOT IN (SELECT uid FROM sections WHERE report_id = ?) ORDER BY id DESC",
            (report_id, report_id),
        ).fetchall()
        latest: dict[str, SectionVersion] = {}
        for r in rows:
            v = version_of(r)
            latest.setdefault(v.section_uid, v)
        out = []
        for v in latest.values():
            parent = latest.get(v.parent_uid or "")
            if parent is not None and parent.replaced_at == v.replaced_at:
                continue  # deleted with its parent
            out.append(DeletedSection(v, _deleted_with(v, latest)))
        out.sort(key=lambda d: d.entry.id, reverse=True)
        return out


def worth_a_version(row: Row, new_blocks: str, recent: bool) -> bool:
    """Keep the old content unless it is blank or a version was kept moments ago.

    A change that drops more than half of a substantial text (a slip of the
    select-all key) is always kept.
    """
    heading, blocks = row["heading"], row["blocks"]
    old_len = history.blocks_text_length(json.loads(blocks))
    if not heading.strip() and old_len == 0:
        return False
    if not recent:
        return True
    return old_len >= 20 and history.blocks_text_length(json.loads(new_blocks)) * 2 < old_len


def _deleted_with(root: SectionVersion, latest: dict[str, SectionVersion]) -> list[SectionVersion]:
    """The entries deleted in the same save as ``root`` that stood below it."""
    out: list[SectionVersion] = []
    frontier = {root.section_uid}
    while frontier:
        nxt = set()
        for v in latest.values():
            if v.parent_uid in frontier and v.replaced_at == root.replaced_at and v is not root:
                out.append(v)
                nxt.add(v.section_uid)
        frontier = nxt
    return out
