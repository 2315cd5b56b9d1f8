"""Reports in the store: the list, whole reports in and out, and the incremental save that writes
only the rows that changed (keeping versions of changed and deleted sections).  No Qt here."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import history
from ..errors import InvalidInput, NotFound
from ..interchange import block_to_dict, figure_to_dict, report_body_from_dict, report_body_to_dict
from ..limits import MAX_BLOCKS, MAX_FIGURES, MAX_SECTIONS
from ..model import MAX_LEVEL, Figure, Report, Section, new_uid
from .codec import (
    FIGURE_FIELDS,
    FIGURE_VALUE_FIELDS,
    REPORT_FIELDS,
    SECTION_COLUMNS,
    SECTION_CONTENT,
    Row,
    columns,
    figure_fields,
    figure_values_of,
    report_fields,
    report_of,
    section_content,
    section_figures,
    stored_figure_fields,
    stored_section_content,
    to_json,
)
from .summary import ReportSummary, list_query, summaries_of
from .versions import SectionVersions, worth_a_version

if TYPE_CHECKING:
    from .base import Connection

#: SQLite's largest row id; a larger number is no report's.
MAX_ROW_ID = 2**63 - 1

_INSERT_FIGURE = (
    f"INSERT INTO figures (report_id, key, {columns(FIGURE_FIELDS)}) VALUES (?, ?{', ?' * len(FIGURE_FIELDS)})"
)
_UPDATE_FIGURE = f"UPDATE figures SET {', '.join(f'{c}=?' for c in FIGURE_FIELDS)} WHERE id=?"
_UPDATE_REPORT = f"UPDATE reports SET {', '.join(f'{c}=?' for c in REPORT_FIELDS)}, updated_at=? WHERE id=?"
_INSERT_SECTION = (
    f"INSERT INTO sections (report_id, uid, parent_uid, position, {columns(SECTION_CONTENT)}, updated_at, public) "
    f"VALUES (?, ?, ?, ?{', ?' * len(SECTION_CONTENT)}, ?, ?)"
)
_UPDATE_SECTION = (
    f"UPDATE sections SET parent_uid=?, position=?, {', '.join(f'{c}=?' for c in SECTION_CONTENT)}, updated_at=? "
    "WHERE id=?"
)


class ReportRows:
    """The reports of one store: listed, loaded, added and saved (a save keeps section versions),
    and a section's earlier version or a deleted section put back."""

    def __init__(self, store: Connection):
        self._store = store
        self._versions = SectionVersions(store)

    def summaries(self, *, deleted: bool = False) -> list[ReportSummary]:
        """The report list (``deleted``: the trash)."""
        return summaries_of(self._store.conn.execute(list_query(deleted)).fetchall())

    def summary(self, report_id: int) -> ReportSummary:
        for s in self.summaries() + self.summaries(deleted=True):
            if s.id == report_id:
                return s
        raise NotFound(f"找不到编号为 {report_id} 的报告。")

    def row(self, report_id: int) -> Row:
        """The report's own row; NotFound for an id no report has."""
        if not 0 < report_id <= MAX_ROW_ID:  # beyond SQLite's integers: no such report
            raise NotFound(f"找不到编号为 {report_id} 的报告。")
        row: Row | None = self._store.conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise NotFound(f"找不到编号为 {report_id} 的报告。")
        return row

    def load(self, report_id: int) -> Report:
        """The whole report, validated through the interchange reader."""
        # One read transaction: a consistent snapshot while another process saves.
        with self._store.db.atomic():
            conn = self._store.conn
            row = self.row(report_id)
            sections = conn.execute(
                "SELECT uid, parent_uid, heading, run_in, numbered, blocks, public FROM sections "
                "WHERE report_id = ? ORDER BY position",
                (report_id,),
            ).fetchall()
            figures = conn.execute(
                f"SELECT key, {columns(FIGURE_FIELDS)} FROM figures WHERE report_id = ? ORDER BY position",
                (report_id,),
            ).fetchall()
            return report_of(row, sections, figures)

    def add(self, report: Report) -> int:
        """Store a new report; a uid already present is replaced by a fresh one."""
        store = self._store
        store.require_write()
        clean = storable(report)
        with store.writing():
            if store.conn.execute("SELECT 1 FROM reports WHERE uid = ?", (report.uid,)).fetchone():
                report.uid = clean.uid = new_uid()
            ts = store.now()
            cur = store.conn.execute(
                "INSERT INTO reports (uid, year, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (clean.uid, clean.year, ts, ts),
            )
            report_id = int(cur.lastrowid or 0)
            self._write(report_id, _Clean.of(clean), _Stored([], []), ts)
        return report_id

    def save(self, report_id: int, report: Report, *, keep_version_of: frozenset[str] = frozenset()) -> str:
        """Write what changed in a report since it was stored, in one transaction; returns the save time.

        Only the rows whose content changed are written, and only those are validated
        (what equals a stored row is known good).  The earlier content of every changed
        section is kept as a version (saves of one section within COALESCE_SECONDS make
        one version, except those in ``keep_version_of``); a section no longer in the
        report is kept as deleted.  Text that cannot go into a .docx is removed; a report
        that could not be loaded again is refused with InvalidInput.
        """
        store = self._store
        with store.writing():
            self.row(report_id)
            ts = store.now()
            old = self._stored(report_id)
            clean = _storable_against(report, old) or _Clean.of(storable(report))
            self._write(report_id, clean, old, ts, keep_version_of)
        return ts

    def restore_version(self, report_id: int, version_id: int, report: Report | None = None) -> Report:
        """Give a section the content of one of its earlier versions and save.

        ``report`` is the report as the caller holds it (the editor's model);
        without it the stored report is used.  The content replaced is kept as
        a version too, so a restore can itself be undone.  Returns the report saved.
        """
        version = self._versions.version(version_id)
        if version.report_id != report_id:
            raise NotFound("这个历史版本不属于当前报告。")
        report = report if report is not None else self.load(report_id)
        history.apply_version(report, version)
        self.save(report_id, report, keep_version_of=frozenset({version.section_uid}))
        return report

    def restore_deleted(self, report_id: int, entry_id: int, report: Report | None = None) -> Report:
        """Put a deleted section (with what was deleted with it) back where it stood, and save."""
        for deleted in self._versions.deleted(report_id):
            if deleted.id == entry_id:
                break
        else:
            raise NotFound("找不到这个已删除的章节，它可能已经恢复或已被清理。")
        report = report if report is not None else self.load(report_id)
        history.put_back(report, deleted)
        self.save(report_id, report)
        return report

    def _stored(self, report_id: int) -> _Stored:
        """The report's section and figure rows as they are now."""
        conn = self._store.conn
        sections = conn.execute(
            f"SELECT {columns(SECTION_COLUMNS)} FROM sections WHERE report_id = ? ORDER BY position", (report_id,)
        ).fetchall()
        figures = conn.execute(
            f"SELECT id, key, {columns(FIGURE_FIELDS)} FROM figures WHERE report_id = ?", (report_id,)
        ).fetchall()
        return _Stored(sections, figures)

    def _write(
        self, report_id: int, clean: _Clean, old: _Stored, ts: str, keep_version_of: frozenset[str] = frozenset()
    ) -> None:
        self._store.conn.execute(_UPDATE_REPORT, (*report_fields(clean.report), ts, report_id))
        figures_same = self._write_figures(report_id, clean.report, old)
        self._write_sections(report_id, clean, old, ts, keep_version_of, figures_same)

    def _write_figures(self, report_id: int, report: Report, old: _Stored) -> bool:
        """Insert, update and delete the figure rows that differ; True when no section's figure values can
        have changed (what a section version records of each figure is the same)."""
        conn = self._store.conn
        stored = {r["key"]: r for r in old.figures}
        changed = False
        for pos, f in enumerate(report.figures.values()):
            row = stored.pop(f.key, None)
            content = figure_fields(f, pos)
            if row is None:
                changed = True
                conn.execute(_INSERT_FIGURE, (report_id, f.key, *content))
            elif stored_figure_fields(row) != content:
                was = dict(zip(FIGURE_FIELDS, stored_figure_fields(row), strict=True))
                now = dict(zip(FIGURE_FIELDS, content, strict=True))
                changed = changed or any(was[name] != now[name] for name in FIGURE_VALUE_FIELDS)
                conn.execute(_UPDATE_FIGURE, (*content, row["id"]))
        if stored:
            conn.executemany("DELETE FROM figures WHERE id = ?", [(r["id"],) for r in stored.values()])
        return not changed and not stored

    def _write_sections(
        self,
        report_id: int,
        clean: _Clean,
        old: _Stored,
        ts: str,
        keep_version_of: frozenset[str],
        figures_same: bool,
    ) -> None:
        """Update the section rows that changed in place, keeping versions of what changed or went."""
        # long: the diff of old and new rows (insert, update, move, delete) must stay in one statement list per transaction
        conn = self._store.conn
        versions = self._versions
        report = clean.report
        stored = {r["uid"]: r for r in old.sections}
        old_place = _places([(r["uid"], r["parent_uid"]) for r in old.sections])
        recent: set[str] | None = None  # read when the first changed section needs it
        old_figures = figure_values_of(old.figures)
        kept: set[str] = set()
        seen: set[str] = set()
        for pos, (s, parent) in enumerate(clean.sections):
            seen.add(s.uid)
            blocks = clean.blocks.get(s.uid)
            if blocks is None:
                blocks = to_json([block_to_dict(b) for b in s.blocks])
            content = section_content(s, blocks)
            row = stored.get(s.uid)
            if row is None:
                conn.execute(_INSERT_SECTION, (report_id, s.uid, parent, pos, *content, ts, int(s.public)))
                continue
            text_changed = stored_section_content(row) != content
            was: list[history.FigureValue] = []
            if not text_changed and figures_same:
                changed = False
            else:
                was = section_figures(row, old_figures)
                changed = text_changed or [f.state for f in was] != [
                    f.state for f in history.section_figures(s, report.figures)
                ]
            if changed:
                if recent is None:
                    recent = versions.recently_versioned(report_id, ts)
                if s.uid in keep_version_of or worth_a_version(row, blocks, s.uid in recent):
                    versions.keep(report_id, row, old_place[s.uid], ts, deleted=False, figures=was)
                    kept.add(s.uid)
                conn.execute(_UPDATE_SECTION, (parent, pos, *content, ts, row["id"]))
            elif (row["parent_uid"], row["position"]) != (parent, pos):
                conn.execute("UPDATE sections SET parent_uid=?, position=? WHERE id=?", (parent, pos, row["id"]))
            if row["public"] != int(s.public):
                conn.execute("UPDATE sections SET public=? WHERE id=?", (int(s.public), row["id"]))
        gone = [r for r in old.sections if r["uid"] not in seen]
        for row in gone:
            figures = section_figures(row, old_figures)
            versions.keep(report_id, row, old_place[row["uid"]], ts, deleted=True, figures=figures)
            conn.execute("DELETE FROM sections WHERE id = ?", (row["id"],))
        versions.trim(report_id, kept, bool(gone))


class Trash:
    """回收站: reports set aside, put back, or deleted for good."""

    def __init__(self, store: Connection):
        self._store = store
        self._reports = ReportRows(store)

    def summaries(self) -> list[ReportSummary]:
        return self._reports.summaries(deleted=True)

    def move(self, report_id: int) -> None:
        self._set_deleted(report_id, True)

    def restore(self, report_id: int) -> None:
        self._set_deleted(report_id, False)

    def _set_deleted(self, report_id: int, deleted: bool) -> None:
        store = self._store
        with store.writing():
            self._reports.row(report_id)
            store.conn.execute(
                "UPDATE reports SET deleted_at = ? WHERE id = ?", (store.now() if deleted else None, report_id)
            )

    def purge(self, report_id: int) -> None:
        """Delete a report for good: its sections, figures, history and annotations go with it (ON DELETE CASCADE)."""
        store = self._store
        with store.writing():
            self._reports.row(report_id)
            store.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))


def _flatten(sections: list[Section], parent: str | None) -> Iterator[tuple[Section, str | None]]:
    for s in sections:
        yield s, parent
        yield from _flatten(s.children, s.uid)


def storable(report: Report) -> Report:
    """The report as load() will return it: through the interchange reader.

    Removes characters a .docx cannot hold (control characters, lone
    surrogates) and refuses, with a Chinese message, what could not be read
    back (a figure out of range, too deep a tree, a repeated section id …).
    """
    try:
        return report_body_from_dict(report_body_to_dict(report))
    except InvalidInput as exc:
        raise InvalidInput(f"无法保存：{exc.message}", detail=exc.detail) from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise InvalidInput("无法保存：报告内容有误。", detail=repr(exc)) from None


@dataclass
class _Stored:
    """A report's rows as they are before a save (sections in document order)."""

    sections: list[Row]
    figures: list[Row]


@dataclass
class _Clean:
    """The report a save writes (as load() will return it): its own fields and figures, its sections
    in document order with their parents' uids, and the blocks JSON of those already serialised."""

    report: Report
    sections: list[tuple[Section, str | None]]
    blocks: dict[str, str]

    @classmethod
    def of(cls, report: Report) -> _Clean:
        return cls(report, list(_flatten(report.sections, None)), {})


_STORE_ERRORS = (InvalidInput, TypeError, ValueError, AttributeError)


def _storable_against(report: Report, old: _Stored) -> _Clean | None:
    """What storable(report) returns, validating only the sections and figures that differ from the
    stored rows ``old`` (a row is what storable made of its content, so content equal to it is clean).

    None when the report needs the full round trip: a limit of the format reached, a repeated
    section id, or any content storable would refuse (it then words the refusal).
    """
    try:
        return _Incremental(report, old).clean()
    except _STORE_ERRORS:
        return None


class _Incremental:
    """One save's walk of the report against the stored rows (see _storable_against)."""

    def __init__(self, report: Report, old: _Stored):
        self.report = report
        self.rows = {r["uid"]: r for r in old.sections}
        self.figure_rows = {r["key"]: r for r in old.figures}
        self.blocks: dict[str, str] = {}
        self.seen: set[str] = set()
        self.n_blocks = len(report.intro)
        self.flat: list[tuple[Section, str | None]] = []  # document order, with the parent's uid
        self.changed: list[int] = []  # indexes in self.flat of the sections that differ from their rows
        self.to_check: list[dict[str, Any]] = []  # those sections as the format writes them (no children)

    def clean(self) -> _Clean | None:
        report = self.report
        for s in report.sections:
            self._walk(s, None, 1)
        if len(self.seen) > MAX_SECTIONS or self.n_blocks > MAX_BLOCKS or len(report.figures) > MAX_FIGURES:
            return None
        figures: dict[str, Figure | None] = {}
        changed_figures = []
        for key, f in report.figures.items():
            if type(key) is not str or f.key != key:
                return None
            same = _figure_is_stored(f, self.figure_rows.get(key))
            figures[key] = f if same else None
            if not same:
                changed_figures.append(figure_to_dict(f))
        # The report's own fields, the changed sections (without children) and the changed figures,
        # read back in one pass of the interchange reader.
        body = report_body_to_dict(dataclasses.replace(report, sections=[], figures={}))
        body["sections"] = self.to_check
        body["figures"] = changed_figures
        top = report_body_from_dict(body)
        for i, c in zip(self.changed, top.sections, strict=True):
            self.flat[i] = (c, self.flat[i][1])
            self.blocks[c.uid] = to_json([block_to_dict(b) for b in c.blocks])
        top.sections = []  # the tree is not written: the rows are (self.flat)
        top.figures = {k: f if f is not None else top.figures[k] for k, f in figures.items()}
        return _Clean(top, self.flat, self.blocks)

    def _walk(self, s: Section, parent: str | None, level: int) -> None:
        uid = s.uid
        if type(uid) is not str or uid in self.seen or level > MAX_LEVEL:
            raise ValueError("needs the full check")
        self.seen.add(uid)
        self.flat.append((s, parent))
        self.n_blocks += len(s.blocks)
        blocks = [block_to_dict(b) for b in s.blocks]
        text = to_json(blocks)
        row = self.rows.get(uid)
        if (
            row is not None
            and type(s.heading) is str
            and type(s.run_in) is bool
            and type(s.numbered) is bool
            and type(s.public) is bool
            and section_content(s, text) == stored_section_content(row)
        ):
            self.blocks[uid] = text
        else:
            self.changed.append(len(self.flat) - 1)
            self.to_check.append(
                {
                    "uid": uid,
                    "heading": s.heading,
                    "run_in": s.run_in,
                    "numbered": s.numbered,
                    "blocks": blocks,
                    "public": s.public,
                }
            )
        for c in s.children:
            self._walk(c, uid, level + 1)


def _figure_is_stored(f: Figure, row: Row | None) -> bool:
    """Whether ``f`` is what its stored row holds (position aside), with the types the reader gives."""
    if row is None:
        return False
    texts = (f.label, f.unit, f.qualifier, f.formula, f.at_most, f.kind, f.review, f.style)
    if not all(type(t) is str for t in texts) or type(f.decimals) is not int:
        return False
    if f.value is not None and type(f.value) is not Decimal:
        return False
    return figure_fields(f, row["position"]) == stored_figure_fields(row)


def _places(rows: list[tuple[str, str | None]]) -> dict[str, tuple[int, str | None]]:
    """uid -> (index among its siblings, uid of the sibling before it) for rows in document order."""
    count: dict[str | None, int] = {}
    last: dict[str | None, str] = {}
    out: dict[str, tuple[int, str | None]] = {}
    for uid, parent in rows:
        n = count.get(parent, 0)
        out[uid] = (n, last.get(parent))
        count[parent] = n + 1
        last[parent] = uid
    return out
