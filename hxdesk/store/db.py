"""The SQLite store: reports, sections and figures, through sqlite-utils.

Foreign keys on, WAL journal, synchronous=FULL (a town-office PC may lose power
at any moment), every write in one transaction.  Returns model objects only.
Every save keeps the earlier version of each changed section and the last
version of each deleted one (see history.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import history
from ..errors import DamagedDatabase, DatabaseError, InvalidInput, NotFound
from ..history import DeletedSection, FigureValue, SectionVersion
from ..interchange import (
    block_to_dict,
    figure_to_dict,
    official_to_dict,
    report_body_from_dict,
    report_body_to_dict,
)
from ..limits import MAX_BLOCKS, MAX_FIGURES, MAX_SECTIONS
from ..model import MAX_LEVEL, Figure, Report, Section, new_uid
from . import place
from .lock import FOR_CLI, WriterLock
from .place import open_failure
from .schema import FOREIGN, SCHEMA_VERSION, schema_owner
from .summary import ReportSummary, list_query, summaries_of

if TYPE_CHECKING:
    from sqlite_utils import Database

#: A `sections` row as Store._stored selects it: id, uid, parent_uid, position,
#: heading, run_in, numbered, blocks, updated_at, public.
_SectionRow = tuple[int, str, str | None, int, str, int, int, str, str, int]
#: A `figures` row as Store._stored selects it: id, key, position, label, value, unit, qualifier,
#: formula, decimals, at_most, kind, review, style.
_FigureRow = tuple[int, str, int, str, str | None, str, str, str, int, str, str, str, str]
#: A `section_versions` row of Store._VERSION_COLUMNS.
_VersionRow = tuple[int, int, str, str, int, int, str, str | None, int, int, str | None, str, str, int, str | None]


def _newer_schema(version: int) -> DatabaseError:
    return DatabaseError(
        f"数据库由更新版本的 hxdesk 创建（数据结构版本 {version}），本程序只支持到版本 {SCHEMA_VERSION}。请升级 hxdesk。"
    )


#: SQLite's largest row id; a larger number is no report's.
MAX_ROW_ID = 2**63 - 1

#: Why an existing file is refused as the database (DamagedDatabase.reason).
EMPTY = "empty"


def _refusal(path: Path, reason: str) -> DamagedDatabase:
    """An empty or foreign file given as the database: refused untouched, with the newest good backup.

    The one check of every opener (the CLI's commands and the GUI's start): hxdesk makes a new
    database only where no file exists yet; it never takes over an existing file.
    """
    from .backup import newest_good_backup

    good = newest_good_backup(path)
    if reason == EMPTY:
        message = f"数据库“{path.name}”是空文件（0 字节），其中没有报告，hxdesk 不会把它当作新数据库使用。"
        if good is None:
            message += "如果要在这里新建数据库，请先删除这个空文件。"
    else:
        message = f"文件“{path.name}”不是 hxdesk 的数据库（其中是其他程序的数据表），hxdesk 没有改动它。"
    return DamagedDatabase(message, path=path, backup=good, reason=reason)


def _create_database(path: Path) -> None:
    """A new, empty database at ``path``, which does not exist yet.

    It is made whole beside the target (SQLite's header, WAL mode) and then linked in, so that
    the database path never holds a 0-byte file, which the next opening would refuse.  A file
    that appeared meanwhile (another process made it) is kept.
    """
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".~{path.name}.", suffix=".new", dir=place.folder_of(path))
        os.close(fd)
        if os.name == "posix":  # the mode SQLite gives a file it creates, not mkstemp's private 0600
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
    except OSError as exc:
        raise place.place_failure(exc, path) or DatabaseError(
            f"无法在“{place.folder_of(path)}”中新建数据库（{exc.strerror or exc}）。请检查文件夹的权限。"
        ) from None
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # no hard links (FAT): a rename, which Windows refuses over an existing file
            if not path.exists():
                os.replace(tmp, path)
    except sqlite3.Error as exc:
        raise open_failure(exc, path) from None
    except OSError as exc:
        raise place.place_failure(exc, path) or DatabaseError(
            f"无法新建数据库“{path}”（{exc.strerror or exc}）。", detail=repr(exc)
        ) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def now_text() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """One open hxdesk database file.

    ``lock=True`` takes the writer lock (one writing process per database,
    lock.py) for as long as the store is open; ``write=False`` opens for
    reading only, which another process's lock does not prevent.
    """

    def __init__(
        self, path: str | Path, *, check: bool = True, write: bool = True, lock: bool = False, purpose: str = FOR_CLI
    ):
        self.path = Path(path)
        self.writable = write
        #: The clock of saves and history (a test may set another).
        self.clock = _dt.datetime.now
        #: Messages for the user gathered while opening (e.g. a backup that could not be made).
        self.notices: list[str] = []
        #: Called once before the first change is written (the GUI's deferred start-up backup).
        self.before_first_write: Callable[[], object] | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法创建数据文件夹：{self.path.parent}（{exc.strerror}）") from None
        if self.path.is_dir():
            raise DatabaseError(f"数据库路径是一个文件夹：{self.path}")
        self._lock = WriterLock(self.path, purpose)
        if lock:
            self._lock.acquire()
        try:
            self._open(check)
        except BaseException:
            self._lock.release()
            raise

    def _open(self, check: bool) -> None:
        """Connect, refuse what is not an hxdesk database (before anything is written), upgrade."""
        read_only = self._read_only_place()
        if not self.path.exists():
            _create_database(self.path)
        elif self.path.stat().st_size == 0:
            raise _refusal(self.path, EMPTY)
        conn = self._connect(read_only)
        try:
            # Deleting a row of reports removes its sections and figures.
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if schema_owner(conn) == FOREIGN:
                raise _refusal(self.path, FOREIGN)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # refused before anything is written to the file
                raise _newer_schema(version)
            mode = "wal" if read_only else conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if not read_only:
                conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            conn.close()
            raise open_failure(exc, self.path) from None
        except BaseException:
            conn.close()
            raise
        self.journal_mode = mode
        self.conn = conn
        self.read_only = read_only
        self._db: Database | None = None
        try:
            if check:
                self.check_integrity()
            self._migrate()
            if not self.writable:
                conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise

    def _read_only_place(self) -> bool:
        """True to read through a read-only connection; a writer is refused a read-only place."""
        if not (place.folder_read_only(self.path) or place.file_read_only(self.path)):
            return False
        if self.writable or not self.path.exists():
            raise DatabaseError(place.read_only_message(self.path))
        return True

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        try:
            if not read_only:
                return sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            from .backup import _ro_uri

            uri = _ro_uri(self.path)
            wal = self.path.with_name(self.path.name + "-wal")
            if place.folder_read_only(self.path) and not (wal.exists() and wal.stat().st_size > 0):
                # No -shm can be made beside it, and nothing can change it: SQLite reads it as it is.
                uri += "&immutable=1"
            return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise open_failure(exc, self.path) from None

    # ---------------------------------------------------------------- setup
    def check_integrity(self) -> None:
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"数据库“{self.path}”已损坏，无法读取。", detail=str(exc)) from None
        if [r[0] for r in rows] != ["ok"]:
            raise DatabaseError(f"数据库“{self.path}”未通过完整性检查，可能已损坏。", detail=repr(rows[:5]))

    def integrity_check(self) -> str:
        result: str = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        return result

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (transactions, migrations), made on first use.

        Importing sqlite-utils costs about 15 MB and 0.15 s (it brings click,
        dateutil, pluggy and OpenSSL); the way to the report list only reads
        with plain SQL, so it loads when a report is first opened or written.
        """
        if self._db is None:
            from sqlite_utils import Database

            # No sqlite-utils plugins: hxdesk uses none, and loading them would scan every
            # installed package's entry points (and let a stranger's plugin touch the
            # product's connection).
            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def schema_version(self) -> int:
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self) -> None:
        """Bring an older (or new, empty) database to the current schema.

        A database holding data is first copied to a verified backup; the
        migrations run under the writer lock, each in its own transaction.
        """
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise _newer_schema(version)
        if version == SCHEMA_VERSION:
            # user_version is written only after every migration has been applied
            # (below), so the migration records need not be read.
            return
        if self.read_only:
            raise DatabaseError(
                f"数据库“{self.path.name}”来自较早版本的 hxdesk，需要先升级才能使用，但它位于只读的位置，无法升级。"
                "请把它复制到可写的文件夹后再打开。"
            )
        from .migrations import migrations

        try:
            if not migrations.pending(self.db):
                applied = len(migrations.applied(self.db))
                if version < applied and self.writable:  # died between the last migration and the pragma
                    self.conn.execute(f"PRAGMA user_version = {applied}")
                return
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"无法读取数据库“{self.path}”。", detail=str(exc)) from None
        with WriterLock(self.path, self._lock.purpose):
            try:
                if not migrations.pending(self.db):  # another process upgraded it meanwhile
                    return
                if "reports" in self.db.table_names():
                    from .backup import KIND_UPGRADE, make_backup

                    make_backup(self.path, kind=KIND_UPGRADE, note=f"v{version}")
                migrations.apply(self.db)
                applied = len(migrations.applied(self.db))
                self.conn.execute(f"PRAGMA user_version = {applied}")
            except sqlite3.DatabaseError as exc:
                raise DatabaseError(f"无法升级数据库“{self.path}”。", detail=str(exc)) from None

    def _require_write(self) -> None:
        if not self.writable:
            raise DatabaseError("数据库以只读方式打开，不能修改。")
        if self.before_first_write is not None:
            hook, self.before_first_write = self.before_first_write, None
            hook()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction; a full disk or a read-only place is said so (DatabaseError), never raw."""
        self._require_write()
        try:
            with self.db.atomic():
                yield
        except sqlite3.OperationalError as exc:
            worded = place.write_failure(exc, self.path)
            if worded is None:
                raise
            raise worded from None

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    @property
    def lock_purpose(self) -> str:
        """Who holds the writer lock (the GUI or the CLI): it words the refusal others get."""
        return self._lock.purpose

    def close(self) -> None:
        try:
            self.conn.close()
        except (sqlite3.Error, AttributeError):  # pragma: no cover
            pass
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- reports
    def list_reports(self, *, deleted: bool = False) -> list[ReportSummary]:
        return summaries_of(self.conn.execute(list_query(deleted)).fetchall())

    def summary(self, report_id: int) -> ReportSummary:
        for s in self.list_reports() + self.list_reports(deleted=True):
            if s.id == report_id:
                return s
        raise NotFound(f"找不到编号为 {report_id} 的报告。")

    def _row(self, report_id: int) -> dict[str, Any]:
        if not 0 < report_id <= MAX_ROW_ID:  # beyond SQLite's integers: no such report
            raise NotFound(f"找不到编号为 {report_id} 的报告。")
        cur = self.conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"找不到编号为 {report_id} 的报告。")
        return dict(zip([c[0] for c in cur.description], row, strict=True))

    def load(self, report_id: int) -> Report:
        """The whole report, validated through the interchange reader."""
        # One read transaction: a consistent snapshot while another process saves.
        with self.db.atomic():
            return self._load(report_id)

    def _load(self, report_id: int) -> Report:
        # long: the report's rows (sections, figures, properties) read in one transaction and validated once
        row = self._row(report_id)
        sec_rows = self.conn.execute(
            "SELECT uid, parent_uid, heading, run_in, numbered, blocks, public FROM sections "
            "WHERE report_id = ? ORDER BY position",
            (report_id,),
        ).fetchall()
        children: dict[str | None, list[dict[str, Any]]] = {}
        for uid, parent, heading, run_in, numbered, blocks, public in sec_rows:
            children.setdefault(parent, []).append(
                {
                    "uid": uid,
                    "heading": heading,
                    "run_in": bool(run_in),
                    "numbered": bool(numbered),
                    "blocks": json.loads(blocks),
                    "public": bool(public),
                }
            )

        def tree(parent: str | None) -> list[dict[str, Any]]:
            out = children.get(parent, [])
            for node in out:
                node["children"] = tree(node["uid"])
            return out

        fig_rows = self.conn.execute(
            "SELECT key, label, value, unit, qualifier, formula, decimals, at_most, kind, review, style FROM figures "
            "WHERE report_id = ? ORDER BY position",
            (report_id,),
        ).fetchall()
        body = {
            "uid": row["uid"],
            "predecessor_uid": row["predecessor_uid"],
            "name": row["name"],
            "template": row["template"],
            "year": row["year"],
            "title": row["title"],
            "issuers": json.loads(row["issuers"]),
            "addressee": row["addressee"],
            "intro": json.loads(row["intro"]),
            "signatures": json.loads(row["signatures"]),
            "date": row["date"],
            "sections": tree(None),
            "official": None if row["official"] is None else json.loads(row["official"]),
            "figures": [
                {
                    "key": k,
                    "label": lb,
                    "value": v,
                    "unit": u,
                    "qualifier": q,
                    "formula": f,
                    "decimals": d,
                    "at_most": am,
                    "kind": kind,
                    "review": review,
                    "style": style,
                }
                for k, lb, v, u, q, f, d, am, kind, review, style in fig_rows
            ],
        }
        return report_body_from_dict(body, stored=True)

    def add(self, report: Report) -> int:
        """Store a new report; a uid already present is replaced by a fresh one."""
        self._require_write()
        clean = storable(report)
        with self._writing():
            if self.conn.execute("SELECT 1 FROM reports WHERE uid = ?", (report.uid,)).fetchone():
                report.uid = clean.uid = new_uid()
            ts = self._now()
            cur = self.conn.execute(
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
        with self._writing():
            self._row(report_id)
            ts = self._now()
            old = self._stored(report_id)
            clean = _storable_against(report, old) or _Clean.of(storable(report))
            self._write(report_id, clean, old, ts, keep_version_of)
        return ts

    def _stored(self, report_id: int) -> _Stored:
        """The report's section and figure rows as they are now."""
        sections: list[_SectionRow] = self.conn.execute(
            "SELECT id, uid, parent_uid, position, heading, run_in, numbered, blocks, updated_at, public FROM sections "
            "WHERE report_id = ? ORDER BY position",
            (report_id,),
        ).fetchall()
        figures: list[_FigureRow] = self.conn.execute(
            "SELECT id, key, position, label, value, unit, qualifier, formula, decimals, at_most, kind, review, style "
            "FROM figures WHERE report_id = ?",
            (report_id,),
        ).fetchall()
        return _Stored(sections, figures)

    def _write(
        self, report_id: int, clean: _Clean, old: _Stored, ts: str, keep_version_of: frozenset[str] = frozenset()
    ) -> None:
        report = clean.report
        self.conn.execute(
            "UPDATE reports SET name=?, template=?, year=?, title=?, issuers=?, addressee=?, intro=?, "
            "signatures=?, date=?, predecessor_uid=?, official=?, updated_at=? WHERE id=?",
            (
                report.name,
                report.template,
                report.year,
                report.title,
                json.dumps(report.issuers, ensure_ascii=False),
                report.addressee,
                json.dumps([block_to_dict(b) for b in report.intro], ensure_ascii=False),
                json.dumps(report.signatures, ensure_ascii=False),
                report.date.isoformat() if report.date else None,
                report.predecessor_uid,
                None
                if report.official.is_empty()
                else json.dumps(official_to_dict(report.official), ensure_ascii=False),
                ts,
                report_id,
            ),
        )
        figures_same = self._write_figures(report_id, report, old)
        self._write_sections(report_id, clean, old, ts, keep_version_of, figures_same)

    def _write_figures(self, report_id: int, report: Report, old: _Stored) -> bool:
        """Insert, update and delete the figure rows that differ; True when no section's figure values can
        have changed (what a section version records of each figure is the same)."""
        stored = {r[1]: r for r in old.figures}
        changed = False
        for pos, f in enumerate(report.figures.values()):
            row = stored.pop(f.key, None)
            content = _figure_row(f, pos)
            if row is None:
                changed = True
                self.conn.execute(
                    "INSERT INTO figures (report_id, key, position, label, value, unit, qualifier, formula, decimals, "
                    "at_most, kind, review, style) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (report_id, f.key, *content),
                )
            elif tuple(row[2:]) != content:
                changed = changed or tuple(row[3:8]) != content[1:6]
                self.conn.execute(
                    "UPDATE figures SET position=?, label=?, value=?, unit=?, qualifier=?, formula=?, decimals=?, "
                    "at_most=?, kind=?, review=?, style=? WHERE id=?",
                    (*content, row[0]),
                )
        if stored:
            self.conn.executemany("DELETE FROM figures WHERE id = ?", [(r[0],) for r in stored.values()])
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
        report = clean.report
        stored = {r[1]: r for r in old.sections}
        old_place = _places([(r[1], r[2]) for r in old.sections])
        recent: set[str] | None = None  # read when the first changed section needs it
        old_figures = _figures_of(old.figures)
        kept: set[str] = set()
        seen: set[str] = set()
        for pos, (s, parent) in enumerate(clean.sections):
            seen.add(s.uid)
            blocks = clean.blocks.get(s.uid)
            if blocks is None:
                blocks = _json([block_to_dict(b) for b in s.blocks])
            content = (s.heading, int(s.run_in), int(s.numbered), blocks)
            row = stored.get(s.uid)
            if row is None:
                self.conn.execute(
                    "INSERT INTO sections (report_id, uid, parent_uid, position, heading, run_in, numbered, blocks, "
                    "updated_at, public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (report_id, s.uid, parent, pos, *content, ts, int(s.public)),
                )
                continue
            text_changed = tuple(row[4:8]) != content
            was: list[FigureValue] = []
            if not text_changed and figures_same:
                changed = False
            else:
                was = _row_figures(row, old_figures)
                changed = text_changed or [f.state for f in was] != [
                    f.state for f in history.section_figures(s, report.figures)
                ]
            if changed:
                if recent is None:
                    recent = self._recently_versioned(report_id, ts)
                if s.uid in keep_version_of or _worth_a_version(row, blocks, s.uid in recent):
                    self._keep_version(report_id, row, old_place[s.uid], ts, deleted=False, figures=was)
                    kept.add(s.uid)
                self.conn.execute(
                    "UPDATE sections SET parent_uid=?, position=?, heading=?, run_in=?, numbered=?, blocks=?, "
                    "updated_at=? WHERE id=?",
                    (parent, pos, *content, ts, row[0]),
                )
            elif (row[2], row[3]) != (parent, pos):
                self.conn.execute("UPDATE sections SET parent_uid=?, position=? WHERE id=?", (parent, pos, row[0]))
            if row[9] != int(s.public):
                self.conn.execute("UPDATE sections SET public=? WHERE id=?", (int(s.public), row[0]))
        gone = [r for r in old.sections if r[1] not in seen]
        for row in gone:
            self._keep_version(
                report_id, row, old_place[row[1]], ts, deleted=True, figures=_row_figures(row, old_figures)
            )
            self.conn.execute("DELETE FROM sections WHERE id = ?", (row[0],))
        for uid in kept:
            self.conn.execute(
                "DELETE FROM section_versions WHERE report_id = ? AND section_uid = ? AND deleted = 0 AND id NOT IN "
                "(SELECT id FROM section_versions WHERE report_id = ? AND section_uid = ? AND deleted = 0 "
                "ORDER BY id DESC LIMIT ?)",
                (report_id, uid, report_id, uid, history.KEEP_VERSIONS),
            )
        if gone:
            self.conn.execute(
                "DELETE FROM section_versions WHERE report_id = ? AND deleted = 1 AND id NOT IN "
                "(SELECT id FROM section_versions WHERE report_id = ? AND deleted = 1 ORDER BY id DESC LIMIT ?)",
                (report_id, report_id, history.KEEP_DELETED),
            )

    def _recently_versioned(self, report_id: int, ts: str) -> set[str]:
        """The sections a version was kept of within COALESCE_SECONDS before ``ts``."""
        cutoff = (_dt.datetime.fromisoformat(ts) - _dt.timedelta(seconds=history.COALESCE_SECONDS)).isoformat(
            timespec="seconds"
        )
        return {
            uid
            for (uid,) in self.conn.execute(
                "SELECT DISTINCT section_uid FROM section_versions WHERE report_id = ? AND deleted = 0 "
                "AND replaced_at > ?",
                (report_id, cutoff),
            )
        }

    def _keep_version(
        self,
        report_id: int,
        row: _SectionRow,
        place: tuple[int, str | None],
        ts: str,
        *,
        deleted: bool,
        figures: list[FigureValue],
    ) -> None:
        _id, uid, parent, pos, heading, run_in, numbered, blocks, updated_at, _public = row
        self.conn.execute(
            "INSERT INTO section_versions (report_id, section_uid, parent_uid, position, sibling_index, after_uid, "
            "heading, run_in, numbered, blocks, saved_at, replaced_at, deleted, figures) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                uid,
                parent,
                pos,
                place[0],
                place[1],
                heading,
                run_in,
                numbered,
                blocks,
                updated_at or ts,
                ts,
                int(deleted),
                history.figures_to_stored(figures),
            ),
        )

    # ---------------------------------------------------------------- history
    _VERSION_COLUMNS = (
        "id, report_id, section_uid, heading, run_in, numbered, blocks, parent_uid, position, sibling_index, "
        "after_uid, saved_at, replaced_at, deleted, figures"
    )

    @staticmethod
    def _version(row: _VersionRow) -> SectionVersion:
        return SectionVersion(
            id=row[0],
            report_id=row[1],
            section_uid=row[2],
            heading=row[3],
            run_in=bool(row[4]),
            numbered=bool(row[5]),
            blocks=history.blocks_from_stored(json.loads(row[6])),
            parent_uid=row[7],
            position=row[8],
            sibling_index=row[9],
            after_uid=row[10],
            saved_at=row[11],
            replaced_at=row[12],
            deleted=bool(row[13]),
            figures=history.figures_from_stored(row[14]),
        )

    def section_history(self, report_id: int, section_uid: str) -> list[SectionVersion]:
        """The earlier versions of one section, newest first (its current content is not among them)."""
        rows = self.conn.execute(
            f"SELECT {self._VERSION_COLUMNS} FROM section_versions WHERE report_id = ? AND section_uid = ? "
            "AND deleted = 0 ORDER BY id DESC",
            (report_id, section_uid),
        ).fetchall()
        return [self._version(r) for r in rows]

    def section_version(self, version_id: int) -> SectionVersion:
        row = self.conn.execute(
            f"SELECT {self._VERSION_COLUMNS} FROM section_versions WHERE id = ?", (version_id,)
        ).fetchone()
        if row is None:
            raise NotFound("找不到这个历史版本，它可能已被清理。")
        return self._version(row)

    def restore_section_version(self, report_id: int, version_id: int, report: Report | None = None) -> Report:
        """Give a section the content of one of its earlier versions and save.

        ``report`` is the report as the caller holds it (the editor's model);
        without it the stored report is used.  The content replaced is kept as
        a version too, so a restore can itself be undone.  Returns the report saved.
        """
        version = self.section_version(version_id)
        if version.report_id != report_id:
            raise NotFound("这个历史版本不属于当前报告。")
        report = report if report is not None else self.load(report_id)
        history.apply_version(report, version)
        self.save(report_id, report, keep_version_of=frozenset({version.section_uid}))
        return report

    def deleted_sections(self, report_id: int) -> list[DeletedSection]:
        """Sections deleted from a report and not put back, newest first.

        A section deleted together with its parent is listed under the parent
        (``descendants``), not on its own.
        """
        rows = self.conn.execute(
            f"SELECT {self._VERSION_COLUMNS} FROM section_versions WHERE report_id = ? AND deleted = 1 "
            "AND section_uid NOT IN (SELECT uid FROM sections WHERE report_id = ?) ORDER BY id DESC",
            (report_id, report_id),
        ).fetchall()
        latest: dict[str, SectionVersion] = {}
        for r in rows:
            v = self._version(r)
            latest.setdefault(v.section_uid, v)
        out = []
        for v in latest.values():
            parent = latest.get(v.parent_uid or "")
            if parent is not None and parent.replaced_at == v.replaced_at:
                continue  # deleted with its parent
            out.append(DeletedSection(v, _deleted_with(v, latest)))
        out.sort(key=lambda d: d.entry.id, reverse=True)
        return out

    def restore_deleted_section(self, report_id: int, entry_id: int, report: Report | None = None) -> Report:
        """Put a deleted section (with what was deleted with it) back where it stood, and save."""
        for deleted in self.deleted_sections(report_id):
            if deleted.id == entry_id:
                break
        else:
            raise NotFound("找不到这个已删除的章节，它可能已经恢复或已被清理。")
        report = report if report is not None else self.load(report_id)
        history.put_back(report, deleted)
        self.save(report_id, report)
        return report

    def set_deleted(self, report_id: int, deleted: bool) -> None:
        """Move a report to the trash (回收站) or back."""
        with self._writing():
            self._row(report_id)
            self.conn.execute(
                "UPDATE reports SET deleted_at = ? WHERE id = ?", (self._now() if deleted else None, report_id)
            )

    def purge(self, report_id: int) -> None:
        """Delete a report for good (its sections, figures and history go with it)."""
        with self._writing():
            self._row(report_id)
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    # ---------------------------------------------------------------- settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        with self._writing():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )


def _flatten(sections: list[Section], parent: str | None) -> Iterator[tuple[Section, str | None]]:
    for s in sections:
        yield s, parent
        yield from _flatten(s.children, s.uid)


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


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
    """A report's rows as they are before a save."""

    sections: list[_SectionRow]
    figures: list[_FigureRow]


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


def _figure_row(f: Figure, pos: int) -> tuple[object, ...]:
    """The columns of a figure row after its key."""
    return (
        pos,
        f.label,
        _decimal_text(f.value),
        f.unit,
        f.qualifier,
        f.formula,
        f.decimals,
        f.at_most,
        f.kind,
        f.review,
        f.style,
    )


def _figures_of(rows: list[_FigureRow]) -> dict[str, Figure]:
    """The stored figures as a section version records them."""
    return {r[1]: Figure(r[1], r[3], None if r[4] is None else Decimal(r[4]), r[5], r[6], r[7]) for r in rows}


#: json.dumps(value, ensure_ascii=False) without making an encoder per call (a save makes one per section).
_json = json.JSONEncoder(ensure_ascii=False).encode

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
        self.rows = {r[1]: r for r in old.sections}
        self.figure_rows = {r[1]: r for r in old.figures}
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
            self.blocks[c.uid] = _json([block_to_dict(b) for b in c.blocks])
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
        text = _json(blocks)
        row = self.rows.get(uid)
        if (
            row is not None
            and type(s.heading) is str
            and type(s.run_in) is bool
            and type(s.numbered) is bool
            and type(s.public) is bool
            and (s.heading, s.run_in, s.numbered, text) == (row[4], row[5], row[6], row[7])
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


def _figure_is_stored(f: Figure, row: _FigureRow | None) -> bool:
    """Whether ``f`` is what its stored row holds (position aside), with the types the reader gives."""
    if row is None:
        return False
    texts = (f.label, f.unit, f.qualifier, f.formula, f.at_most, f.kind, f.review, f.style)
    if not all(type(t) is str for t in texts) or type(f.decimals) is not int:
        return False
    if f.value is not None and type(f.value) is not Decimal:
        return False
    return _figure_row(f, row[2]) == tuple(row[2:])


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


def _row_figures(row: _SectionRow, figures: dict[str, Figure]) -> list[FigureValue]:
    """The figures a stored section row uses, with the values in ``figures``."""
    heading, blocks = row[4], row[7]
    if "{{" not in heading and "{{" not in blocks:
        return []
    section = Section(heading, history.blocks_from_stored(json.loads(blocks)))
    return history.section_figures(section, figures)


def _worth_a_version(row: _SectionRow, new_blocks: str, recent: bool) -> bool:
    """Keep the old content unless it is blank or a version was kept moments ago.

    A change that drops more than half of a substantial text (a slip of the
    select-all key) is always kept.
    """
    heading, blocks = row[4], row[7]
    old_data = json.loads(blocks)
    old_len = history.blocks_text_length(old_data)
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


__all__ = ["Store", "ReportSummary", "DatabaseError"]
