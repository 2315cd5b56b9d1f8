"""An open hxdesk database and what the CLI and the GUI do with it, by job:
the reports, their history, the settings and the backups.

A Workspace owns its Store; callers never see the Store.  A restore of a
backup reopens the database inside the workspace, so every job object keeps
working on the restored data.
"""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BackupError, HxError, InvalidInput, NotFound
from ..model import ImportNote, Report, new_uid
from ..render.profile import FontProfile
from ..store.backupinfo import KIND_MANUAL, KIND_STARTUP, BackupInfo

# The report list's rows, as the GUI names them (it imports nothing from the store itself); sqlite3,
# which it brings, this module needs anyway (STORAGE_ERRORS).
from ..store.summary import ReportSummary as ReportSummary
from .documents import read_import
from .lastyear import as_predecessor, issuing_body
from .paths import db_file
from .rollover import roll_over
from .stats import StatisticsRow, report_rows, write_statistics
from .templates import check_year, fresh_uids, sample_report

if TYPE_CHECKING:  # the store (sqlite-utils) is imported only when a database is opened:
    from ..checks import Finding
    from ..history import DeletedSection, SectionVersion
    from ..store import Store  # ``render --sample`` starts faster without sqlite-utils
    from ..store.annotations import Annotations as StoredAnnotations


#: Failures of the database file beneath the Workspace that the GUI reports (besides HxError).
STORAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, OSError)

FONT_SETTING = "fonts"
LAST_FOLDER_SETTING = "last_output_dir"
SAMPLE_ADDED_SETTING = "sample_added"


class Workspace:
    """One open database: ``reports``, ``history``, ``settings``, ``annotations``, ``backups`` and ``statistics``."""

    def __init__(self, store: Store, *, startup_backup: bool = False):
        self._store = store
        protect_database(store.path)
        self.reports = Reports(self)
        self.history = History(self)
        self.settings = Settings(self)
        self.annotations = Annotations(self)
        self.backups = Backups(self)
        self.statistics = Statistics(self)
        if startup_backup:  # made after the list is shown, but always before the first change
            self.backups.startup_pending = True
            store.before_first_write = self.backups.make_startup_if_pending

    @property
    def path(self) -> Path:
        """The database file."""
        return self._store.path

    @property
    def data_folder(self) -> Path:
        return self._store.path.parent

    @property
    def notices(self) -> list[str]:
        """Messages gathered while opening (e.g. a start-up backup that could not be made)."""
        return self._store.notices

    def schema_version(self) -> int:
        return self._store.schema_version()

    def integrity_check(self) -> str:
        """``ok``, or SQLite's first findings."""
        return self._store.integrity_check()

    def close(self) -> None:
        try:
            self.backups.make_startup_if_pending()  # a start-up backup is never skipped
        finally:
            self._store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Job:
    def __init__(self, workspace: Workspace):
        self._workspace = workspace

    @property
    def _store(self) -> Store:
        return self._workspace._store


class Reports(_Job):
    """The report list, the trash, and whole reports in and out."""

    def summaries(self, *, trash: bool = False) -> list[ReportSummary]:
        """The report list (or the trash), newest year first."""
        return self._store.reports.summaries(deleted=trash)

    def summary(self, report_id: int) -> ReportSummary:
        return self._store.reports.summary(report_id)

    def load(self, report_id: int) -> Report:
        """The report, with last year's figures attached (``report.predecessor``) when the
        report it came from is in the database and not in the trash."""
        report = self._store.reports.load(report_id)
        previous = self._by_uid(report.predecessor_uid)
        if previous is not None:
            try:
                report.predecessor = as_predecessor(self._store.reports.load(previous.id), report)
            except InvalidInput:  # last year's report cannot be read: this one opens without it
                report.predecessor = None
        return report

    def add(self, report: Report) -> int:
        return self._store.reports.add(report)

    def save(self, report_id: int, report: Report) -> str:
        """Save the whole report in one transaction; returns the save time."""
        return self._store.reports.save(report_id, report)

    def rename(self, report_id: int, name: str) -> None:
        report = self._store.reports.load(report_id)
        report.name = name.strip()
        self._store.reports.save(report_id, report)

    def duplicate(self, report_id: int) -> int:
        """A copy of a report (fresh identifiers), named “…（副本）”."""
        report = copy.deepcopy(self._store.reports.load(report_id))
        report.uid = new_uid()
        report.name = f"{report.display_name() or '报告'}（副本）"
        fresh_uids(report)
        return self._store.reports.add(report)

    def next_year(self, report_id: int, year: int | None = None) -> int:
        """Next year's report from this one (see roll_over), linked to it; returns its id.
        ``year``: another year than the next one (新建 asks for it)."""
        report = roll_over(self.load(report_id))
        if year is not None:
            report.year = check_year(year)
        return self._store.reports.add(report)

    def _by_uid(self, uid: str | None) -> ReportSummary | None:
        if uid is None:
            return None
        return next((s for s in self._store.reports.summaries() if s.uid == uid), None)

    def predecessor_id(self, report_id: int) -> int | None:
        """The id of the report this one came from (None: no link, or that report is gone or in the trash)."""
        found = self._by_uid(self._store.reports.load(report_id).predecessor_uid)
        return None if found is None else found.id

    def find_predecessor(self, report_id: int) -> int | None:
        """The same issuing body's report of the year before, if the database has one (the most
        recently changed, if several): what an imported report is linked to."""
        me = self._store.reports.summary(report_id)
        found = self._of_body(issuing_body(me.issuers, me.name), me.year - 1, exclude=report_id)
        return None if found is None else found.id

    def _of_body(self, body: str, year: int, exclude: int | None = None) -> ReportSummary | None:
        if not body:
            return None
        return next(
            (
                s
                for s in self._store.reports.summaries()  # most recently changed first within a year
                if s.id != exclude and s.year == year and issuing_body(s.issuers, s.name) == body
            ),
            None,
        )

    def set_predecessor(self, report_id: int, predecessor_id: int | None) -> None:
        """Link a report to the one it follows (an earlier year's), or clear the link (None)."""
        report = self._store.reports.load(report_id)
        if predecessor_id is None:
            report.predecessor_uid = None
        else:
            if predecessor_id == report_id:
                raise InvalidInput("报告不能以自己作为上一年度的报告。")
            previous = self._store.reports.summary(predecessor_id)
            if previous.deleted_at is not None:
                raise NotFound("这份报告在回收站中，不能作为上一年度的报告。")
            if previous.year >= report.year:
                raise InvalidInput(f"上一年度的报告应早于{report.year}年度（所选报告为{previous.year}年度）。")
            report.predecessor_uid = previous.uid
        self._store.reports.save(report_id, report)

    def add_imported(self, report: Report, notes: list[ImportNote] | None = None) -> int:
        """Store an imported report, linked to last year's report of its issuing body (unless the
        file names one the database holds); next year's report of that body, if it has no link,
        is linked to it.  A district that imports its towns' files in any order gets every link.
        The importer's ``notes`` are kept with the report, for the editor to show where they apply."""
        body = issuing_body(report.issuers, report.name)
        if self._by_uid(report.predecessor_uid) is None:
            previous = self._of_body(body, report.year - 1)
            if previous is not None:
                report.predecessor_uid = previous.uid
        report_id = self._store.reports.add(report)  # a uid the database has already is replaced first
        self._workspace.annotations.keep_import_notes(report.uid, notes or [])
        later = self._of_body(body, report.year + 1, exclude=report_id)
        if later is not None:
            successor = self._store.reports.load(later.id)
            if successor.predecessor_uid is None:
                successor.predecessor_uid = report.uid
                self._store.reports.save(later.id, successor)
        return report_id

    def move_to_trash(self, report_id: int) -> None:
        self._store.trash.move(report_id)

    def restore_from_trash(self, report_id: int) -> None:
        self._store.trash.restore(report_id)

    def purge(self, report_id: int) -> None:
        """Delete a report for good (its sections, figures and history go with it)."""
        self._store.trash.purge(report_id)

    def import_file(self, path: str | Path) -> tuple[int, list[ImportNote]]:
        """Import a file into a new report; returns its id and the notes.

        The file is read whole (read_import) before the database is touched."""
        report, notes = read_import(path)
        return self.add_imported(report, notes), notes

    def ensure_sample(self) -> int | None:
        """First start: put the built-in sample into an empty database; returns its id."""
        store = self._store
        if store.reports.summaries() or store.trash.summaries() or store.settings.get(SAMPLE_ADDED_SETTING):
            return None
        report = sample_report()
        report.uid = new_uid()
        report_id = store.reports.add(report)
        store.settings.set(SAMPLE_ADDED_SETTING, True)
        return report_id


class Statistics(_Job):
    """Every figure of every report (not those in the trash), for the district's spreadsheet."""

    def rows(
        self, *, org: str | None = None, year: int | None = None, unreadable: list[str] | None = None
    ) -> list[StatisticsRow]:
        """One row per figure, by issuing body, then year (newest first) and report.

        ``org`` keeps the bodies whose name contains it (黄溪镇 finds 黔江区黄溪镇人民政府).
        A report that cannot be read (one an older hxdesk let grow past the bounds) is left out
        and named in ``unreadable``; the other reports are counted."""
        wanted = (org or "").strip()
        out: list[StatisticsRow] = []
        summaries = self._store.reports.summaries()
        summaries.sort(key=lambda s: issuing_body(s.issuers, s.name))  # stable: year, then newest change
        for s in summaries:
            if year is not None and s.year != year:
                continue
            if wanted and wanted not in issuing_body(s.issuers, s.name):
                continue
            try:
                report = self._workspace.reports.load(s.id)
            except InvalidInput as exc:
                if unreadable is not None:
                    unreadable.append(f"报告 {s.id}（{s.year}年度 {s.display_name}）无法读取，未计入：{exc.message}")
                continue
            out.extend(report_rows(report, s.id, s.display_name))
        return out

    def export(
        self, path: str | Path, *, org: str | None = None, year: int | None = None, unreadable: list[str] | None = None
    ) -> tuple[Path, int]:
        """Write the rows to ``path`` (.xlsx or .csv); returns the file and the number of rows
        (reports that cannot be read are named in ``unreadable``)."""
        rows = self.rows(org=org, year=year, unreadable=unreadable)
        return write_statistics(rows, path), len(rows)


class History(_Job):
    """Earlier versions of sections, and deleted sections."""

    def versions(self, report_id: int, section_uid: str) -> list[SectionVersion]:
        """The earlier versions of one section, newest first."""
        return self._store.versions.history(report_id, section_uid)

    def version(self, version_id: int) -> SectionVersion:
        return self._store.versions.version(version_id)

    def restore_version(self, report_id: int, version_id: int, report: Report) -> Report:
        """Give a section of ``report`` (as the editor holds it) an earlier version's content, and save."""
        return self._store.reports.restore_version(report_id, version_id, report=report)

    def deleted_sections(self, report_id: int) -> list[DeletedSection]:
        return self._store.versions.deleted(report_id)

    def restore_deleted(self, report_id: int, entry_id: int, report: Report) -> Report:
        """Put a deleted section back where it stood in ``report``, and save."""
        return self._store.reports.restore_deleted(report_id, entry_id, report=report)


class Settings(_Job):
    """Settings kept in the database (so that they travel with it)."""

    def get(self, key: str, default: Any = None) -> Any:
        return self._store.settings.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._store.settings.set(key, value)

    def fonts(self) -> FontProfile:
        data = self._store.settings.get(FONT_SETTING)
        if isinstance(data, dict):
            try:
                return FontProfile.from_dict(data)
            except HxError:
                pass
        return FontProfile()

    def set_fonts(self, profile: FontProfile) -> None:
        self._store.settings.set(FONT_SETTING, profile.to_dict())

    def last_folder(self) -> Path | None:
        """The folder the last document was written to, if it still exists."""
        last = self._store.settings.get(LAST_FOLDER_SETTING)
        return Path(last) if isinstance(last, str) and last and Path(last).is_dir() else None

    def set_last_folder(self, folder: Path) -> None:
        self._store.settings.set(LAST_FOLDER_SETTING, str(folder))


class Annotations(_Job):
    """What is kept beside a report until the clerk has seen it: the importer's notes, and the
    findings dismissed (忽略这一条)."""

    def _rows(self) -> StoredAnnotations:
        from ..store.annotations import Annotations as Stored

        return Stored(self._store)

    def keep_import_notes(self, report_uid: str, notes: list[ImportNote]) -> None:
        self._rows().keep_import_notes(report_uid, notes)

    def _shown(self, report: Report, target: tuple[str, ...]) -> list[tuple[int, ImportNote]]:
        """The notes one form shows; the title form also shows those of a section deleted since."""

        def form_of(note: ImportNote) -> tuple[str, ...]:
            placed = note.target
            return placed if placed[0] != "section" or report.find(placed[1]) is not None else ("title",)

        return [(row_id, n) for row_id, n in self._rows().import_notes(report.uid) if form_of(n) == target]

    def import_notes(self, report: Report, target: tuple[str, ...]) -> list[str]:
        """The notes still to read in one form: ("section", uid), ("intro",) or ("title",)."""
        return [n.sentence for _, n in self._shown(report, target)]

    def dismiss_import_notes(self, report: Report, target: tuple[str, ...]) -> None:
        """The clerk has read the notes of one form: do not show them again."""
        self._rows().drop_import_notes(row_id for row_id, _ in self._shown(report, target))

    def dismissed_findings(self, report_uid: str) -> set[str]:
        return self._rows().dismissed_findings(report_uid)

    def dismiss_finding(self, report_uid: str, finding: Finding) -> None:
        """Remember that ``finding`` is not to be shown again for this report."""
        from .review import finding_key

        self._rows().dismiss_finding(report_uid, finding_key(finding))

    def restore_dismissed(self, report_uid: str) -> None:
        self._rows().restore_dismissed(report_uid)


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: the file replaced was moved to ``set_aside`` (None: there was none)."""

    restored: BackupInfo
    set_aside: Path | None


class Backups(_Job):
    """The database's backups: list, make, restore."""

    #: The start-up backup of open_for_editing(defer_backup=True) is still to be made.
    startup_pending = False

    def make_startup_if_pending(self) -> BackupInfo | None:
        """Make the deferred start-up backup (once); a failure becomes a notice, never an error."""
        if not self.startup_pending:
            return None
        from ..store import backup

        self.startup_pending = False
        self._store.before_first_write = None
        try:
            return backup.make_backup(self._store.path, KIND_STARTUP)
        except HxError as exc:
            self._store.notices.append(f"未能自动备份数据库：{exc.message}")
            return None

    @property
    def folder(self) -> Path:
        from ..store.backup import backup_dir

        return backup_dir(self._store.path)

    def all(self) -> list[BackupInfo]:
        """Newest first."""
        from ..store import backup

        return backup.list_backups(self._store.path)

    def is_good(self, info: BackupInfo) -> bool:
        from ..store import backup

        return backup.verify_backup(info.path)

    def make(self) -> BackupInfo:
        """A manual backup now (verified)."""
        from ..store import backup

        return backup.make_backup(self._store.path, KIND_MANUAL)

    def make_if_due(self) -> BackupInfo | None:
        """The daily backup: made if the newest is a day old."""
        from ..store import backup

        return backup.backup_if_due(self._store.path)

    def restore(self, info: BackupInfo) -> RestoreOutcome:
        """Put a backup in place of the open database and reopen it.

        The writer lock stays with this process from closing the database to
        reopening it, so no other process can slip in between.  A bad backup
        is refused before anything is closed; if the restore fails later, the
        database is reopened as it was and the error raised.
        """
        from ..store import Store, backup
        from ..store.lock import WriterLock

        problem = backup.restore_problem(info.path, self._store.path)
        if problem is not None:
            raise BackupError(problem)
        old = self._store
        path, purpose = old.path, old.lock_purpose
        with WriterLock(path, purpose):
            old.close()
            try:
                aside = backup.restore_backup(info, path)
            finally:
                self._workspace._store = Store(path, lock=True, purpose=purpose)
        return RestoreOutcome(info, aside)


# ------------------------------------------------------------------ opening


def protect_database(db_path: Path) -> None:
    """No output of this process (a .docx, PDF, JSON or table) may land on the database, its journals,
    its lock file or its backups: every file is written by fsutil.atomic_write_bytes, which refuses them."""
    from ..fsutil import protect_database as protect
    from ..store.backup import backup_dir, companion_files

    protect(db_path, companion_files(db_path), backup_dir(db_path))


def name_this_command(name: str) -> None:
    """The CLI command this process runs: a process refused the writer lock is told its name."""
    from ..store.lock import name_this_command as name_it

    name_it(name)


def open_workspace(db_path: str | Path | None = None, *, write: bool = True) -> Workspace:
    """Open the database (the default one without a path).

    For writing, the writer lock is held until the workspace is closed (another
    process writing gets DatabaseLocked); ``write=False`` reads beside a writer.
    """
    from ..store import Store, backup

    path = db_file(db_path)
    backup.tidy_after_killed_restore(path)
    return Workspace(Store(path, write=write, lock=write))


def open_for_editing(db_path: str | Path | None = None, *, defer_backup: bool = False) -> Workspace:
    """The GUI's start-up: take the writer lock, check the file, open (and upgrade) it, back it up.

    ``defer_backup``: the backup is made by ``backups.make_startup_if_pending`` (the GUI calls it
    once the report list is shown), or before the first change is written, or on close —
    whichever comes first; it is never skipped.

    Raises DatabaseLocked (another hxdesk window has it), DamagedDatabase
    (damaged or not a database: ``exc.backup`` is the newest good backup to
    offer to ``restore_backup``) or DatabaseError.  Never starts empty over a
    bad file.  A backup that could not be made is in ``notices``.
    """
    from ..store import Store, backup
    from ..store.lock import FOR_GUI, WriterLock

    path = db_file(db_path)
    with WriterLock(path, FOR_GUI):  # held from the check until the store holds it
        backup.tidy_after_killed_restore(path)
        backup.check_database(path)
        existed = path.is_file() and path.stat().st_size > 0
        store = Store(path, check=False, lock=True, purpose=FOR_GUI)
        if existed and defer_backup:
            return Workspace(store, startup_backup=True)
        if existed:
            try:
                backup.make_backup(path, KIND_STARTUP)
            except HxError as exc:
                store.notices.append(f"未能自动备份数据库：{exc.message}")
    return Workspace(store)


# ------------------------------------------------------------------ backups of a database not open here


def list_backups(db_path: str | Path | None = None) -> list[BackupInfo]:
    """The backups of the database, newest first (BackupInfo: path, created, kind, label)."""
    from ..store import backup

    return backup.list_backups(db_file(db_path))


def make_backup(db_path: str | Path | None = None) -> BackupInfo:
    """A manual backup now (verified)."""
    from ..store import backup

    return backup.make_backup(db_file(db_path), KIND_MANUAL)


def backup_if_due(db_path: str | Path | None = None) -> BackupInfo | None:
    """The daily backup: made if the newest is a day old."""
    from ..store import backup

    return backup.backup_if_due(db_file(db_path))


def restore_backup(
    backup_file: BackupInfo | str | Path | None = None, db_path: str | Path | None = None
) -> Path | None:
    """Put a backup (default: the newest good one) in place of a database that is not open.

    The file replaced is moved aside, never deleted; returns where it went
    (None if there was no database).
    """
    from ..store import backup

    path = db_file(db_path)
    if backup_file is None:
        backup_file = backup.newest_good_backup(path)
        if backup_file is None:
            raise BackupError("没有可用的备份。")
    return backup.restore_backup(backup_file, path)
