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
import glob
import os
import re
import sqlite3
from pathlib import Path

from ..errors import BackupError, DamagedDatabase, DatabaseError, HxError
from .backupinfo import KIND_DAILY, KIND_MANUAL, KIND_UPGRADE, BackupInfo
from .backupinfo import KIND_STARTUP as KIND_STARTUP  # named as backup.KIND_STARTUP by the services
from .lock import WriterLock, lock_path

BACKUP_DIR_NAME = "backups"
KEEP = 10
KEEP_DAYS = 7
KEEP_UPGRADE = 5

_STAMP = "%Y%m%d-%H%M%S"


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
    if db_path.stat().st_size == 0:
        raise BackupError(f"数据库“{db_path.name}”是空文件（0 字节），没有制作备份（以免挤掉以前的好备份）。")
    problem = integrity_problem(db_path)
    if problem is not None:
        raise BackupError("数据库未通过完整性检查，不能用它制作备份（以免覆盖好的备份）。", detail=problem)
    if not verify_backup(db_path):
        raise BackupError(f"“{db_path.name}”不是 hxdesk 数据库，没有制作备份（以免挤掉以前的好备份）。")
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
        raise _sqlite_message(exc, "制作备份") from None
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
    """Delete backups beyond what is kept; returns the deleted paths.

    Only good backups (verify_backup) count: the newest KEEP of them, the newest of each of the
    last KEEP_DAYS days and the newest KEEP_UPGRADE upgrade backups are kept, however many bad
    ones (empty, foreign, damaged) came after them.  A bad one is kept while it is among the
    newest KEEP (or KEEP_UPGRADE) of its kind, for someone to look at."""
    backups = list_backups(db_path)
    good = {b.path for b in backups if verify_backup(b.path)}
    everything = [b for b in backups if b.kind != KIND_UPGRADE]
    upgrades = [b for b in backups if b.kind == KIND_UPGRADE]
    keep = {b.path for b in everything[:KEEP] + upgrades[:KEEP_UPGRADE] if b.path not in good}
    regular = [b for b in everything if b.path in good]
    upgrades = [b for b in upgrades if b.path in good]
    keep |= set(b.path for b in regular[:KEEP]) | set(b.path for b in upgrades[:KEEP_UPGRADE])
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


#: The files SQLite keeps beside a database, by the ending of their names.
JOURNAL_TAILS = ("-wal", "-shm", "-journal")


def _companions(db_path: Path) -> list[tuple[Path, str]]:
    return [(db_path, "")] + [(Path(str(db_path) + tail), tail) for tail in JOURNAL_TAILS]


def companion_files(db_path: str | Path) -> list[Path]:
    """The files that belong to the database besides itself: its journals and its lock file."""
    db_path = Path(db_path)
    return [path for path, tail in _companions(db_path) if tail] + [lock_path(db_path)]


def _aside_name(db_path: Path, reason: str) -> Path:
    """``<name>.<reason>-<time>``, free together with its companions' names."""
    stamp = _dt.datetime.now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.name}.{reason}-{stamp}")
    n = 2
    while any(path.exists() for path, _ in _companions(aside)):
        aside = db_path.with_name(f"{db_path.name}.{reason}-{stamp}_{n}")
        n += 1
    return aside


def _restore_temp(db_path: Path) -> Path:
    return db_path.with_name(f".~{db_path.name}.restore.tmp")


#: SQLite's result code for a full disk (SQLITE_FULL).
_SQLITE_FULL = 13


def _sqlite_message(exc: sqlite3.Error, what: str) -> BackupError:
    if getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "disk is full" in str(exc):
        return BackupError(f"磁盘空间不足，无法{what}。请清理磁盘后重试。", detail=repr(exc))
    return BackupError(f"无法{what}：{exc}", detail=repr(exc))


def restore_problem(source: Path, db_path: Path) -> str | None:
    """Why ``source`` cannot replace the database at ``db_path`` (one Chinese line), or None."""
    from ..fsutil import same_file
    from .schema import SCHEMA_VERSION

    if not source.is_file():
        return f"找不到备份文件：{source}"
    if same_file(source, db_path):
        return f"“{source.name}”就是当前的数据库本身，不能用它恢复。请选择 backups 文件夹中的备份文件。"
    if not verify_backup(source):
        return f"备份文件“{source.name}”已损坏或不是 hxdesk 数据库，不能用来恢复。"
    version = _schema_version(source)
    if version > SCHEMA_VERSION:
        return (
            f"备份文件“{source.name}”由更新版本的 hxdesk 创建（数据结构版本 {version}），"
            f"本程序只支持到版本 {SCHEMA_VERSION}，不能用来恢复。请升级 hxdesk。"
        )
    return None


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        conn.close()


def restore_backup(backup: BackupInfo | str | Path, db_path: str | Path) -> Path | None:
    """Put a backup in place of the database; returns where the previous file was kept.

    The caller must have closed its Store.  Takes the writer lock (refused while
    another process edits the database).  The new database is built and checked
    beside the old one first; the old one then gets a second name
    (``<name>.replaced-<time>``, or ``.damaged-``) and the new one is renamed onto
    the path, so that at every moment, a kill included, the path holds a whole
    database.  Any failure leaves the current database as it was.
    """
    db_path = Path(db_path)
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    problem = restore_problem(source, db_path)
    if problem is not None:
        raise BackupError(problem)
    with WriterLock(db_path):
        remove_restore_leftovers(db_path)
        tmp = _restore_temp(db_path)
        try:
            _copy_database(source, tmp)
            problem = restore_problem(tmp, db_path)  # the copy itself, as it will be used
            if problem is not None:
                raise BackupError(problem)
            aside = _swap_in(tmp, db_path)
        except OSError as exc:
            raise _os_message(exc, "恢复备份") from None
        except sqlite3.Error as exc:
            raise _sqlite_message(exc, "恢复备份") from None
        finally:
            _remove_temp(tmp)
    return aside


def _swap_in(new: Path, db_path: Path) -> Path | None:
    """Rename ``new`` onto ``db_path``; the file there keeps a second name (returned), its
    journals move with it.  Undone on failure: the database stays as it was."""
    if not db_path.exists():
        os.replace(new, db_path)
        _fsync_dir(db_path.parent)
        return None
    damaged = db_path.stat().st_size == 0 or integrity_problem(db_path) is not None
    if not damaged and not _checkpoint(db_path):
        raise BackupError("数据库正被其他程序读取，暂时不能恢复。请关闭其他 hxdesk 窗口或命令后重试。")
    aside = _aside_name(db_path, "damaged" if damaged else "replaced")
    moved: list[tuple[Path, Path]] = []
    try:
        _second_name(db_path, aside)
        moved.append((db_path, aside))
        # A journal left beside the new file would be applied to it: they go with the old file.
        for path, tail in _companions(db_path)[1:]:
            if path.exists():
                os.replace(path, Path(str(aside) + tail))
                moved.append((path, Path(str(aside) + tail)))
        _fsync_dir(db_path.parent)
        os.replace(new, db_path)
    except BaseException as exc:
        for path, kept in reversed(moved[1:]):
            os.replace(kept, path)
        if moved:
            _remove(aside)
        _fsync_dir(db_path.parent)
        if isinstance(exc, PermissionError):  # Windows: another program has the file open
            raise BackupError(
                "数据库文件正被其他程序使用，暂时不能恢复。请关闭其他 hxdesk 窗口或命令后重试。", detail=repr(exc)
            ) from None
        raise
    _fsync_dir(db_path.parent)
    return aside


def _second_name(db_path: Path, aside: Path) -> None:
    """``aside`` becomes another name of the database file: a hard link, or a synced copy
    where the file system has none (FAT32 memory sticks, some network shares)."""
    try:
        os.link(db_path, aside)
        return
    except OSError:
        pass
    import shutil

    try:
        shutil.copyfile(db_path, aside)
        with open(aside, "rb+") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        _remove(aside)
        raise


def _restore_leftovers(db_path: Path) -> bool:
    if any(path.exists() for path, _ in _companions(_restore_temp(db_path))):
        return True
    from ..fsutil import same_file

    return any(
        same_file(aside, db_path)
        for reason in ("replaced", "damaged")
        for aside in db_path.parent.glob(f"{glob.escape(db_path.name)}.{reason}-*")
    )


def tidy_after_killed_restore(db_path: str | Path) -> None:
    """On opening: remove_restore_leftovers, if there are any and no restore can be under way
    (the writer lock is free, or this process holds it)."""
    db_path = Path(db_path)
    if not _restore_leftovers(db_path):
        return
    try:
        with WriterLock(db_path):
            remove_restore_leftovers(db_path)
    except (HxError, OSError):
        pass  # another process holds the lock (it may be restoring): its files are left to it


def remove_restore_leftovers(db_path: str | Path) -> None:
    """Undo what a killed restore left: its half-made copy (and that copy's journal), and a second
    name given to the database that was never swapped out (its journals go back to it).
    Call with the writer lock held (no restore can then be under way)."""
    from ..fsutil import same_file

    db_path = Path(db_path)
    _remove_temp(_restore_temp(db_path))
    if not db_path.is_file():
        return
    for reason in ("replaced", "damaged"):
        for aside in db_path.parent.glob(f"{glob.escape(db_path.name)}.{reason}-*"):
            if aside.name.endswith(JOURNAL_TAILS) or not same_file(aside, db_path):
                continue
            for path, tail in _companions(db_path)[1:]:
                kept = Path(str(aside) + tail)
                if kept.exists() and not path.exists():
                    os.replace(kept, path)
            _remove(aside)


def _checkpoint(db_path: Path) -> bool:
    """Fold the -wal into the main file, so that the file kept aside is whole by itself;
    False if a reader kept part of it from being folded in."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            busy, log, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # not a WAL database SQLite can open: there is nothing to fold in
    return bool(busy == 0 and log == done)


def _remove_temp(tmp: Path) -> None:
    """A temporary database and its journals."""
    for path, _ in _companions(tmp):
        _remove(path)


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
    "restore_problem",
    "remove_restore_leftovers",
    "tidy_after_killed_restore",
    "check_database",
    "integrity_problem",
    "KEEP",
    "KEEP_DAYS",
]
