"""Where the database lives: a full disk or a read-only place, told apart from damage.

SQLite says "disk I/O error" or "unable to open database file" for a full disk and a
read-only mount alike; the place itself (free space, write permission) says which it
is.  Every opener and writer of the database words these failures here, so that a
healthy database is never called damaged (and no one is sent to restore a backup over it).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from ..errors import DatabaseError

#: Below this much free space, a failure to open or write is put down to a full disk
#: (SQLite needs 32 KB for the -shm file and room in the -wal for every change).
LOW_SPACE_BYTES = 1024 * 1024

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_FULL = 13
_SQLITE_READONLY = 8


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(folder_of(path)).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _writable(path: Path) -> bool:
    # os.access answers EROFS for a read-only mount even to root; the write bits stand for
    # Windows' read-only attribute and for a file root could still write.
    try:
        return os.access(path, os.W_OK) and (path.is_dir() or bool(path.stat().st_mode & 0o200))
    except OSError:
        return False


def folder_read_only(path: Path) -> bool:
    """The database's folder cannot be written (a read-only mount, a CD, no permission)."""
    return not _writable(folder_of(path))


def file_read_only(path: Path) -> bool:
    """The database file exists and cannot be written."""
    return path.exists() and not _writable(path)


def read_only_message(path: Path) -> str:
    if file_read_only(path) and not folder_read_only(path):
        where = f"数据库文件“{path.name}”是只读的"
        fix = "要修改，请在文件属性中取消“只读”后重新打开"
    else:
        where = f"数据库“{path.name}”所在的位置（{folder_of(path)}）是只读的"
        fix = "要修改，请把数据库复制到可写的文件夹"
    return f"{where}，无法写入。查看、导出和生成文档仍可使用；{fix}。"


def full_message(path: Path) -> str:
    return f"磁盘空间不足，无法写入数据库“{path.name}”（数据库文件没有改动）。请清理磁盘后重试。"


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return None if code is None else int(code) & 0xFF


def is_damage(exc: sqlite3.Error) -> bool:
    """SQLite found the file not to be a database, or its pages malformed."""
    code = _code(exc)
    if code is not None:
        return code in (_SQLITE_NOTADB, _SQLITE_CORRUPT)
    text = str(exc)
    return "not a database" in text or "malformed" in text


def place_failure(exc: BaseException, path: Path) -> DatabaseError | None:
    """A full disk or a read-only place behind ``exc`` (an sqlite3 or OS error), else None."""
    code = _code(exc)
    number = getattr(exc, "errno", None)
    if code == _SQLITE_FULL or number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or disk_full(path):
        return DatabaseError(full_message(path), detail=repr(exc))
    if code == _SQLITE_READONLY or number == errno.EROFS or folder_read_only(path) or file_read_only(path):
        return DatabaseError(read_only_message(path), detail=repr(exc))
    return None


def open_failure(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """Why the database could not be opened, in one Chinese line; "damaged" only when SQLite says so."""
    if is_damage(exc):
        return DatabaseError(
            f"无法打开数据库“{path}”：它不是 hxdesk 数据库或已损坏。可以用备份恢复（hxdesk restore）。",
            detail=str(exc),
        )
    return place_failure(exc, path) or DatabaseError(
        f"无法打开数据库“{path}”（{exc}）。请检查文件和文件夹的权限。", detail=repr(exc)
    )


def write_failure(exc: sqlite3.Error, path: Path) -> DatabaseError | None:
    """A save that failed for the place (full, read-only) or an I/O error; None for other errors."""
    found = place_failure(exc, path)
    if found is not None:
        return found
    if isinstance(exc, sqlite3.OperationalError) and "I/O" in str(exc):
        return DatabaseError(f"写入数据库“{path.name}”时发生磁盘错误，修改没有保存。请稍后重试。", detail=repr(exc))
    return None


__all__ = [
    "disk_full",
    "file_read_only",
    "folder_read_only",
    "full_message",
    "open_failure",
    "place_failure",
    "read_only_message",
    "write_failure",
]
