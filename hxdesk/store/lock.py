"""One writer per database: an OS-level lock on ``<db>.lock`` beside the database.

The lock is taken through ``filelock`` (flock on Linux/macOS, msvcrt locking on
Windows), so the operating system releases it when the holding process ends,
even when it is killed.  Inside one process the lock is shared and counted:
several Store objects on the same file (the GUI and a test, say) do not
refuse each other; only another process is refused.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import DatabaseLocked

#: Who asks for the lock decides the wording of the refusal.
FOR_GUI = "gui"
FOR_CLI = "cli"


def lock_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def locked_message(db_path: str | Path, purpose: str = FOR_CLI) -> str:
    name = Path(db_path).name
    if purpose == FOR_GUI:
        return (
            f"hxdesk 已经在运行：数据库“{name}”正在另一个 hxdesk 窗口中编辑。"
            "请切换到已打开的 hxdesk 窗口继续工作（同一份数据同时只能在一个窗口中编辑）。"
        )
    return (
        f"数据库“{name}”正在 hxdesk 窗口中编辑，暂时不能修改。"
        "请先关闭 hxdesk 窗口再运行此命令（查看、导出和生成文档不受影响）。"
    )


_registry_guard = threading.Lock()
_locks: dict[str, FileLock] = {}


def _file_lock(db_path: Path) -> FileLock:
    key = os.path.realpath(lock_path(db_path))
    with _registry_guard:
        lock = _locks.get(key)
        if lock is None:
            # thread_local=False: the GUI may save from another thread than it opened from.
            lock = FileLock(key, timeout=0, thread_local=False)
            _locks[key] = lock
        return lock


class WriterLock:
    """The right to write one database file; ``acquire`` never waits."""

    def __init__(self, db_path: str | Path, purpose: str = FOR_CLI):
        self.db_path = Path(db_path)
        self.purpose = purpose
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> WriterLock:
        if self._held:
            return self
        lock = _file_lock(self.db_path)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise DatabaseLocked(locked_message(self.db_path, self.purpose), path=str(self.db_path)) from None
        except OSError as exc:
            # A read-only folder: no lock file can be made, and no writing would work either.
            raise DatabaseLocked(
                f"无法锁定数据库“{self.db_path.name}”：{exc.strerror or exc}。请检查文件夹是否可写。",
                path=str(self.db_path),
            ) from None
        self._held = True
        return self

    def release(self) -> None:
        if self._held:
            self._held = False
            _file_lock(self.db_path).release()

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_locked_elsewhere(db_path: str | Path) -> bool:
    """True if another process holds the writer lock (this process does not count)."""
    lock = _file_lock(Path(db_path))
    if lock.is_locked:
        return False
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False
    lock.release()
    return False


__all__ = ["DatabaseLocked", "WriterLock", "lock_path", "locked_message", "is_locked_elsewhere", "FOR_GUI", "FOR_CLI"]
