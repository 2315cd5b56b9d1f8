"""Backups of the database, the start-up check, and restoring.

A backup is a copy made with SQLite's online backup API (consistent even while
the database is being written), checked with ``PRAGMA integrity_check`` before
it is moved into ``backups/`` beside the database.  The newest KEEP backups are
kept, plus the newest of each of the last KEEP_DAYS days; backups made before a
schema upgrade are rotated apart.  Restoring never deletes the current file: it
is moved aside as ``hxdesk.db.damaged-<time>`` or ``hxdesk.db.replaced-<time>``.
No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import BackupError, DamagedDatabase, DatabaseError
from .lock import WriterLock

BACKUP_DIR_NAME = "backups"
KEEP = 10
KEEP_DAYS = 7
KEEP_UPGRADE = 5

KIND_STARTUP = "startup"
KIND_DAILY = "daily"
KIND_MANUAL = "manual"
KIND_UPGRADE = "upgrade"
KIND_PRERESTORE = "prerestore"

KIND_LABELS = {
    KIND_STARTUP: "启动时自动备份",
    KIND_DAILY: "每日自动备份",
    KIND_MANUAL: "手动备份",
    KIND_UPGRADE: "升级前备份",
    KIND_PRERESTORE: "恢复前备份",
}

_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: _dt.datetime
    kind: str
    note: str = ""

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def label(self) -> str:
        """2026-11-25 08:30:12（启动时自动备份）"""
        what = KIND_LABELS.get(self.kind, self.kind)
        if self.kind == KIND_UPGRADE and self.note:
            what += f"，原数据结构版本 {self.note.lstrip('v')}"
        return f"{self.created:%Y-%m-%d %H:%M:%S}（{what}）"


def backup_dir(db_path: str | Path) -> Path:
    """``backups/`` beside the database (for the default database: data_dir()/backups)."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def _name_re(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(db_path.stem)
        + r"-(?P<stamp>\d{8}-\d{6})(?:_(?P<n>\d+))?-(?P<kind>[a-z]+)(?:-(?P<note>[a-z0-9]+))?\.db"
    )


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The backups of one database, newest first."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    pattern = _name_re(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        m = pattern.fullmatch(p.name)
        if not m:
            continue
        created = _dt.datetime.strptime(m["stamp"], _STAMP)
        found.append((created, int(m["n"] or 1), BackupInfo(p, created, m["kind"], m["note"] or "")))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [b for _, _, b in found]


def _ro_uri(path: Path) -> str:
    """A read-only SQLite URI; percent-encoded (Chinese folder names, '#', '?')."""
    from urllib.parse import quote

    resolved = path.resolve()
    posix = resolved.as_posix()
    if posix.startswith("//"):  # a Windows share \\server\share: SQLite wants file:////server/share/…
        return "file://" + quote(posix, safe="/:") + "?mode=ro"
    return resolved.as_uri() + "?mode=ro"


#: What integrity_problem says of a file that is not an SQLite database at all.
NOT_A_DATABASE = "not a SQLite database (wrong header)"
_SQLITE_NOTADB = 26


def integrity_problem(path: Path) -> str | None:
    """None if ``path`` is a sound SQLite database, else a short technical description.

    Opens read-only, so nothing is written to a damaged file.  The file is read
    through SQLite only, never through a second handle (Python ``open()``, a
    copy, a hash): on POSIX, closing such a handle drops every SQLite lock this
    process holds on the file, and another process closing the database would
    then checkpoint and delete the -wal under this process's open Store
    (SQLite, "How To Corrupt An SQLite Database File", 2.2).
    """
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=10)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return NOT_A_DATABASE if _not_a_database(exc) else str(exc)
    finally:
        conn.close()
    result = [r[0] for r in rows]
    return None if result == ["ok"] else "; ".join(result[:5])


def _not_a_database(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return code == _SQLITE_NOTADB if code is not None else "not a database" in str(exc)


def verify_backup(path: str | Path) -> bool:
    """A backup is good if it passes the integrity check and holds hxdesk's tables."""
    path = Path(path)
    if integrity_problem(path) is not None:
        return False
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return {"reports", "sections"} <= names


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    for b in list_backups(db_path):
        if verify_backup(b.path):
            return b
    return None


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_database(source: Path, target_tmp: Path) -> None:
    """Online backup of ``source`` into the new file ``target_tmp``, checked and synced to disk."""
    src = sqlite3.connect(_ro_uri(source), uri=True, timeout=30)
    try:
        dst = sqlite3.connect(str(target_tmp))
        try:
            src.backup(dst)
            # A self-contained single file: no -wal beside a backup.
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupError("备份完成后的完整性检查未通过，已放弃这份备份。", detail=result)
        finally:
            dst.close()
    finally:
        src.close()
    with open(target_tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def _os_message(exc: OSError, what: str) -> BackupError:
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupError(f"磁盘空间不足，无法{what}。请清理磁盘后重试。", detail=repr(exc))
    if isinstance(exc, PermissionError):
        return BackupError(f"没有权限{what}：{exc.filename or ''}", detail=repr(exc))
    return BackupError(f"无法{what}：{exc.strerror or exc}", detail=repr(exc))


def make_backup(
    db_path: str | Path, kind: str = KIND_MANUAL, note: str = "", *, now: _dt.datetime | None = None
) -> BackupInfo:
    """Copy the database into backups/ (verified), then rotate old backups away."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupError(f"数据库文件不存在：{db_path}")
    problem = integrity_problem(db_path)
    if problem is not None:
        raise BackupError("数据库未通过完整性检查，不能用它制作备份（以免覆盖好的备份）。", detail=problem)
    folder = backup_dir(db_path)
    stamp = (now or _dt.datetime.now()).strftime(_STAMP)
    suffix = f"-{kind}" + (f"-{note}" if note else "") + ".db"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        n = 1
        target = folder / f"{db_path.stem}-{stamp}{suffix}"
        while target.exists():
            n += 1
            target = folder / f"{db_path.stem}-{stamp}_{n}{suffix}"
        tmp = folder / f".~{target.name}.tmp"
        try:
            _copy_database(db_path, tmp)
            os.replace(tmp, target)
        except BaseException:
            for p in (tmp, Path(str(tmp) + "-journal")):
                try:
                    p.unlink()
                except OSError:
                    pass
            raise
        _fsync_dir(folder)
    except OSError as exc:
        raise _os_message(exc, "制作备份") from None
    except sqlite3.Error as exc:
        raise BackupError("制作备份失败。", detail=repr(exc)) from None
    rotate(db_path)
    _sweep_stale_temps(folder)
    return BackupInfo(target, _dt.datetime.strptime(stamp, _STAMP), kind, note)


def _sweep_stale_temps(folder: Path, max_age_s: float = 600) -> None:
    """Remove the half-made copies of backups a killed process left (older than ten minutes)."""
    import time

    for p in folder.glob(".~*.tmp*"):
        try:
            if time.time() - p.stat().st_mtime > max_age_s:
                p.unlink()
        except OSError:
            pass


def rotate(db_path: str | Path) -> list[Path]:
    """Delete backups beyond what is kept; returns the deleted paths."""
    backups = list_backups(db_path)
    regular = [b for b in backups if b.kind != KIND_UPGRADE]
    upgrades = [b for b in backups if b.kind == KIND_UPGRADE]
    keep = set(b.path for b in regular[:KEEP]) | set(b.path for b in upgrades[:KEEP_UPGRADE])
    days: set[_dt.date] = set()
    for b in regular:  # newest first: the first of each day is that day's newest
        if b.created.date() not in days and len(days) < KEEP_DAYS:
            days.add(b.created.date())
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass  # another process rotated it away already
    return removed


def backup_due(db_path: str | Path, max_age: _dt.timedelta = _dt.timedelta(days=1)) -> bool:
    regular = [b for b in list_backups(db_path) if b.kind != KIND_UPGRADE]
    return not regular or _dt.datetime.now() - regular[0].created >= max_age


def backup_if_due(db_path: str | Path, kind: str = KIND_DAILY) -> BackupInfo | None:
    """The daily backup: made only if the newest backup is a day old or older."""
    if Path(db_path).is_file() and backup_due(db_path):
        return make_backup(db_path, kind)
    return None


def _companions(db_path: Path) -> list[tuple[Path, str]]:
    return [(db_path, ""), (Path(str(db_path) + "-wal"), "-wal"), (Path(str(db_path) + "-shm"), "-shm")]


def set_aside(db_path: str | Path, reason: str = "damaged") -> Path:
    """Move the database (with its -wal/-shm) to ``<name>.<reason>-<time>``; returns the new path."""
    db_path = Path(db_path)
    stamp = _dt.datetime.now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.name}.{reason}-{stamp}")
    n = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.{reason}-{stamp}_{n}")
        n += 1
    try:
        for path, tail in _companions(db_path):
            if path.exists():
                os.replace(path, Path(str(aside) + tail))
    except OSError as exc:
        raise _os_message(exc, "移走原数据库文件") from None
    _fsync_dir(db_path.parent)
    return aside


def restore_backup(backup: BackupInfo | str | Path, db_path: str | Path) -> Path | None:
    """Put a backup in place of the database; returns where the previous file was set aside.

    The caller must have closed its Store.  Takes the writer lock (refused while
    another process edits the database).  The previous file is never deleted.
    """
    db_path = Path(db_path)
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")
    if not verify_backup(source):
        raise BackupError(f"备份文件“{source.name}”已损坏或不是 hxdesk 数据库，不能用来恢复。")
    with WriterLock(db_path):
        aside: Path | None = None
        if db_path.exists():
            damaged = db_path.stat().st_size == 0 or integrity_problem(db_path) is not None
            if not damaged:
                _checkpoint(db_path)
            aside = set_aside(db_path, "damaged" if damaged else "replaced")
        tmp = db_path.with_name(f".~{db_path.name}.restore.tmp")
        try:
            _copy_database(source, tmp)
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except OSError as exc:
            _remove(tmp)
            raise _os_message(exc, "恢复备份") from None
        except BaseException:
            _remove(tmp)
            raise
    return aside


def _checkpoint(db_path: Path) -> None:
    """Fold the -wal into the main file, so that the file set aside is complete by itself."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # the -wal is moved aside with it anyway


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def check_database(db_path: str | Path) -> None:
    """The start-up check: raises DamagedDatabase (with the newest good backup) if the file is bad.

    A missing file passes (a first start).  Nothing is written.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        return
    if db_path.is_dir():
        raise DatabaseError(f"数据库路径是一个文件夹：{db_path}")
    if db_path.stat().st_size == 0:
        return  # an emptied file is refused by the Store's opening, the one check of every opener (db._refusal)
    problem = integrity_problem(db_path)
    if problem == NOT_A_DATABASE:
        raise DamagedDatabase(
            f"文件“{db_path.name}”不是 hxdesk 数据库（可能被其他程序覆盖或已损坏）。",
            path=db_path,
            backup=newest_good_backup(db_path),
            reason="not_database",
        )
    if problem is not None:
        raise DamagedDatabase(
            f"数据库“{db_path.name}”已损坏（未通过完整性检查）。",
            path=db_path,
            backup=newest_good_backup(db_path),
            reason="corrupt",
            detail=problem,
        )


__all__ = [
    "BackupInfo",
    "BackupError",
    "DamagedDatabase",
    "backup_dir",
    "list_backups",
    "make_backup",
    "rotate",
    "backup_due",
    "backup_if_due",
    "newest_good_backup",
    "verify_backup",
    "restore_backup",
    "set_aside",
    "check_database",
    "integrity_problem",
    "KEEP",
    "KEEP_DAYS",
]
