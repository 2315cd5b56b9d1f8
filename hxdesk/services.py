"""The one API that the CLI and the GUI call: create, open, save, roll over,
render, export and import reports.  No Qt here."""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from . import interchange
from .errors import HxError, InvalidInput, NotFound
from .figures import compute_values, validate_figures
from .fsutil import atomic_write_bytes
from .model import Report, new_uid
from .render.profile import FontProfile
from .resources import resource_path

if TYPE_CHECKING:  # the store (sqlite-utils) is imported only when a database is opened:
    from .store import Store  # ``render --sample`` starts faster without it
    from .store.backup import BackupInfo

APP_NAME = "hxdesk"
SAMPLE_TEMPLATE = "sample"
STANDARD_TEMPLATE = "standard"
FONT_SETTING = "fonts"


def data_dir() -> Path:
    """The user data folder (on Windows under %APPDATA%); HXDESK_DATA_DIR overrides."""
    override = os.environ.get("HXDESK_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def db_file(db_path: str | Path | None = None) -> Path:
    """The database file: the one given, else the default in the data folder."""
    return Path(db_path) if db_path else default_db_path()


def default_db_path() -> Path:
    return data_dir() / "hxdesk.db"


# ------------------------------------------------------------------ templates


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    label: str


TEMPLATE_LABELS = {
    STANDARD_TEMPLATE: "标准框架（按《法治政府建设与责任落实督察工作规定》）",
    SAMPLE_TEMPLATE: "示例：黔江区黄溪镇人民政府 2024 年度报告",
}


def list_templates() -> list[TemplateInfo]:
    folder = resource_path("templates")
    names = sorted(p.stem for p in folder.glob("*.json"))
    names.sort(key=lambda n: (n != STANDARD_TEMPLATE, n != SAMPLE_TEMPLATE, n))
    return [TemplateInfo(n, TEMPLATE_LABELS.get(n, n)) for n in names]


def load_template(name: str) -> Report:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name or ""):
        raise NotFound(f"没有名为“{name}”的模板。")
    path = resource_path("templates") / f"{name}.json"
    if not path.is_file():
        available = "、".join(t.name for t in list_templates())
        raise NotFound(f"没有名为“{name}”的模板。可用的模板：{available}")
    return interchange.read_file(path)


def sample_report() -> Report:
    """The built-in sample: the 2024 report of 黔江区黄溪镇人民政府."""
    return load_template(SAMPLE_TEMPLATE)


def check_year(year: int) -> int:
    if not interchange.MIN_YEAR <= year <= interchange.MAX_YEAR:
        raise InvalidInput(f"年度应在 {interchange.MIN_YEAR} 到 {interchange.MAX_YEAR} 之间。")
    return year


def new_from_template(name: str, year: int, org: str) -> Report:
    """A new report from a template, for ``org`` and ``year``."""
    report = load_template(name)
    report.uid = new_uid()
    report.year = check_year(year)
    report.template = name
    org = org.strip()
    if name != SAMPLE_TEMPLATE:
        if not org:
            raise InvalidInput("请填写发文机关名称（例如：××镇人民政府）。")
        report.issuers = [org]
        report.signatures = [org]
    elif org:
        report.name = org
    _fresh_uids(report)
    return report


def roll_over(previous: Report) -> Report:
    """Next year's report from this year's: same structure and text, year + 1,
    the date cleared and every entered figure emptied (to be filled again;
    derived figures keep their formulas)."""
    report = copy.deepcopy(previous)
    report.uid = new_uid()
    report.year = previous.year + 1
    report.date = None
    for fig in report.figures.values():
        if not fig.derived:
            fig.value = None
    _fresh_uids(report)
    return report


def _fresh_uids(report: Report) -> None:
    for section, _ in report.walk():
        section.uid = new_uid()


# ------------------------------------------------------------------ store


def open_store(db_path: str | Path | None = None, *, write: bool = True) -> Store:
    """Open the database; for writing, the writer lock is held until the store is closed
    (another process writing it gets DatabaseLocked).  ``write=False`` reads beside a writer."""
    from .store import Store

    return Store(db_file(db_path), write=write, lock=write)


# ------------------------------------------------------------------ reliability (issue 5)


def open_checked(db_path: str | Path | None = None) -> Store:
    """The GUI's start-up: take the writer lock, check the file, back it up, open (and upgrade) it.

    Raises DatabaseLocked (another hxdesk window has it; a Chinese message to
    show), DamagedDatabase (damaged or not a database: ``exc.backup`` is the
    newest good backup to offer, ``restore_backup`` puts it in place and moves
    the damaged file aside) or DatabaseError.  Never starts empty over a bad file.
    Problems that do not stop the start (a backup that could not be made) are
    in ``store.notices``.
    """
    from .store import backup
    from .store.lock import FOR_GUI, WriterLock

    path = db_file(db_path)
    with WriterLock(path, FOR_GUI):  # held from the check until the store holds it
        backup.check_database(path)
        existed = path.is_file() and path.stat().st_size > 0
        from .store import Store

        store = Store(path, check=False, lock=True, purpose=FOR_GUI)
        if existed:
            try:
                backup.make_backup(path, backup.KIND_STARTUP)
            except HxError as exc:
                store.notices.append(f"未能自动备份数据库：{exc.message}")
    return store


def list_backups(db_path: str | Path | None = None) -> list[BackupInfo]:
    """The backups of the database, newest first (BackupInfo: path, created, kind, label)."""
    from .store import backup

    return backup.list_backups(db_file(db_path))


def make_backup(db_path: str | Path | None = None) -> BackupInfo:
    """A manual backup now (verified); returns its BackupInfo."""
    from .store import backup

    return backup.make_backup(db_file(db_path), backup.KIND_MANUAL)


def backup_if_due(db_path: str | Path | None = None) -> BackupInfo | None:
    """The daily backup (call it now and then, e.g. hourly): made if the newest is a day old."""
    from .store import backup

    return backup.backup_if_due(db_file(db_path))


def restore_backup(
    backup_file: BackupInfo | str | Path | None = None, db_path: str | Path | None = None
) -> Path | None:
    """Put a backup (BackupInfo or path; default the newest good one) in place of the database.

    Close the Store first.  The file replaced is moved aside, never deleted;
    returns where it went (None if there was no database).
    """
    from .store import backup

    path = db_file(db_path)
    if backup_file is None:
        backup_file = backup.newest_good_backup(path)
        if backup_file is None:
            raise backup.BackupError("没有可用的备份。")
    return backup.restore_backup(backup_file, path)


def ensure_sample(store: Store) -> int | None:
    """First start: put the built-in sample into an empty database."""
    if store.list_reports() or store.list_reports(deleted=True) or store.get_setting("sample_added"):
        return None
    report = sample_report()
    report.uid = new_uid()
    report_id = store.add(report)
    store.set_setting("sample_added", True)
    return report_id


def font_profile(store: Store | None) -> FontProfile:
    if store is None:
        return FontProfile()
    data = store.get_setting(FONT_SETTING)
    if isinstance(data, dict):
        try:
            return FontProfile.from_dict(data)
        except HxError:
            pass
    return FontProfile()


def set_font_profile(store: Store, profile: FontProfile) -> None:
    store.set_setting(FONT_SETTING, profile.to_dict())


# ------------------------------------------------------------------ output


def report_problems(report: Report) -> list[str]:
    """What a user should fix before sending the report (missing or inconsistent figures)."""
    problems = []
    values, _ = compute_values(report.figures)
    invalid = validate_figures(report.figures)
    for key, message in invalid.items():
        fig = report.figures[key]
        problems.append(f"{fig.label or key}：{message}")
    used = report.referenced_keys()
    for key in sorted(used):
        if key in ("year", "next_year", "prev_year"):
            continue
        if key not in report.figures:
            problems.append(f"正文引用了不存在的数据“{key}”。")
        elif values.get(key) is None and key not in invalid:
            problems.append(f"{report.figures[key].label or key}：尚未填写。")
    return problems


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')  # Windows forbids these (and control characters)
_RESERVED_FILE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
MAX_FILE_NAME_CHARS = 100  # without the extension: the whole path must stay under Windows' 260


def _file_name_part(text: str) -> str:
    return re.sub(r"\s+", " ", _NOT_IN_FILE_NAMES.sub("", text)).strip()


def default_file_name(report: Report) -> str:
    """The suggested .docx name: issuing body, year and title, e.g.
    黄溪镇人民政府2025年度法治政府建设报告.docx (two towns' reports in one folder
    differ); the report name stands in for a missing issuer.  Valid on Windows."""
    variables = report.variables()
    title = re.sub(r"\{\{([^}]*)\}\}", lambda m: variables.get(m.group(1).strip(), ""), report.title)
    title = _file_name_part(title).rstrip(". ") or f"{report.year}年度法治政府建设报告"
    issuer = next((p for p in map(_file_name_part, report.issuers) if p), "") or _file_name_part(report.name)
    if issuer in title:
        issuer = ""
    stem = (issuer[: max(0, MAX_FILE_NAME_CHARS - len(title))] + title)[:MAX_FILE_NAME_CHARS].strip().rstrip(". ")
    if stem.split(".")[0].strip().upper() in _RESERVED_FILE_NAMES:
        stem += "_"  # CON.docx, NUL.docx … cannot be created on Windows
    return f"{stem or report.year}.docx"


def render_to_file(report: Report, path: str | Path, fonts: FontProfile | None = None) -> Path:
    """Render and write the .docx atomically (no partial file on any failure)."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise InvalidInput("输出文件应以 .docx 结尾。")
    from .render import render_bytes  # python-docx loads on the first render, not at start-up

    return atomic_write_bytes(target, render_bytes(report, fonts))


def export_json(report: Report, path: str | Path) -> Path:
    return atomic_write_bytes(Path(path), interchange.dumps(report).encode("utf-8"))


# ------------------------------------------------------------------ GUI helpers


def duplicate_report(store: Store, report_id: int) -> int:
    """A copy of a report (fresh identifiers), named “…（副本）”."""
    report = copy.deepcopy(store.load(report_id))
    report.uid = new_uid()
    report.name = f"{report.display_name() or '报告'}（副本）"
    _fresh_uids(report)
    return store.add(report)


def search_report(report: Report, needle: str) -> list[tuple[tuple[str, ...], str]]:
    """Where ``needle`` occurs: (target, text) pairs in document order.

    target is ("title",), ("intro",), ("section", uid) or ("closing",); the text is
    the expanded paragraph (figures filled in), so both typed words and shown
    numbers are found.
    """
    from .figures import expand_text
    from .model import block_paragraph_texts, date_text

    needle = needle.strip()
    if not needle:
        return []
    values, _ = compute_values(report.figures)
    hits: list[tuple[tuple[str, ...], str]] = []

    def check(target: tuple[str, ...], texts: Iterable[str]) -> None:
        for raw in texts:
            shown = expand_text(raw, report, values)
            if needle in raw or needle in shown:
                hits.append((target, shown))

    check(("title",), [report.title, *report.issuers, report.addressee, report.name])
    check(("intro",), [t for b in report.intro for t in block_paragraph_texts(b)])
    for section, _ in report.walk():
        check(
            ("section", section.uid), [section.heading, *[t for b in section.blocks for t in block_paragraph_texts(b)]]
        )
    check(("closing",), [*report.signatures, date_text(report.date) if report.date else ""])
    return hits


# ------------------------------------------------------------------ GUI helpers (history, backups, import notes)


def read_import(path: str | Path) -> tuple[Report, list[str]]:
    """Read a file to import, before any database is touched: a .json
    interchange file, or a document for the importer, which recognises the
    content and explains in Chinese what it cannot read (.doc/.wps, PDF,
    encrypted documents …).  Returns the report and notes for the user."""
    if Path(path).suffix.lower() == ".json":
        return interchange.read_file(path), []
    from .importer import import_file as read_document

    result = read_document(path)
    return result.report, list(result.notes)


def import_file(store: Store, path: str | Path) -> tuple[int, list[str]]:
    """Import a file into a new report (one transaction); returns its id and the notes."""
    report, notes = read_import(path)
    return store.add(report), notes


def swap_in_backup(store: Store, backup_file: BackupInfo | str | Path) -> tuple[Store, Path | None]:
    """Restore a backup under an open (writing) store: returns the reopened store and
    where the replaced file was moved (it is never deleted).

    The writer lock stays held by this process from closing the store to
    reopening it, so no other process can slip in between.  A bad backup is
    refused before the store is closed; if the restore fails later, the
    database is reopened (``exc.store``) and the HxError raised.
    """
    from .store import Store as StoreClass
    from .store import backup
    from .store.lock import WriterLock

    source = backup_file.path if isinstance(backup_file, backup.BackupInfo) else Path(backup_file)
    if not backup.verify_backup(source):
        raise backup.BackupError(f"备份文件“{source.name}”已损坏或不是 hxdesk 数据库，不能用来恢复。")
    path = store.path
    purpose = store.lock_purpose
    with WriterLock(path, purpose):
        store.close()
        try:
            aside = restore_backup(backup_file, path)
        except HxError as exc:
            exc.store = StoreClass(path, lock=True, purpose=purpose)  # type: ignore[attr-defined]
            raise
        return StoreClass(path, lock=True, purpose=purpose), aside
