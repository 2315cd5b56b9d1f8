"""One writer per database: an OS-level lock on ``<db>.lock`` beside the database.

The lock is taken through ``filelock`` (flock on Linux/macOS, msvcrt locking on
Windows), so the operating system releases it when the holding process ends,
even when it is killed.  Inside one process the lock is shared and counted:
several Store objects on the same file (the GUI and a test, say) do not
refuse each other; only another process is refused.

The holder writes who it is beside the lock (``<db>.lock.holder``: a window or a
command, the command's name, the process id), so that a refusal can say who holds
it.  The note is only a description: the OS lock alone decides.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import DatabaseLocked
from .place import place_failure

#: Who asks for the lock decides the wording of the refusal.
FOR_GUI = "gui"
FOR_CLI = "cli"


def lock_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def holder_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock.holder")


#: The CLI command this process runs (``name_this_command``), written in the holder note.
_command = ""


def name_this_command(name: str) -> None:
    """Tell the lock which CLI command this process is (a refused process then names it)."""
    global _command
    _command = name


def _write_holder(db_path: Path, purpose: str) -> None:
    """Write the note whole (a temporary file renamed over it), but not synced to disk.

    fsutil.atomic_write_bytes would fsync (8 ms on ext4, on the window's way to its list);
    a note lost to a power cut only leaves a refusal that cannot name its holder.
    """
    note = {"kind": purpose, "command": _command if purpose == FOR_CLI else "", "pid": os.getpid()}
    target = holder_path(db_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(json.dumps(note).encode("utf-8"))
        os.replace(tmp, target)
    except OSError:  # a description only: a full disk must not stop the lock
        try:
            tmp.unlink()
        except OSError:
            pass


def _remove_holder(db_path: Path) -> None:
    try:
        holder_path(db_path).unlink()
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap check; a stale note is rare (the holder removes it on release)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def read_holder(db_path: str | Path) -> tuple[str, str, int] | None:
    """(kind, command, pid) of the process holding the lock, if its note is there and it lives."""
    try:
        with holder_path(db_path).open("rb") as fh:
            note = json.loads(fh.read(4096))
        kind, command, pid = note["kind"], note["command"], note["pid"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if kind not in (FOR_GUI, FOR_CLI) or type(command) is not str or type(pid) is not int or pid <= 0:
        return None
    if pid == os.getpid() or not _alive(pid):
        return None
    return kind, command[:40], pid


def locked_message(db_path: str | Path, purpose: str = FOR_CLI) -> str:
    """The refusal, naming the holder when its note says who it is."""
    name = Path(db_path).name
    holder = read_holder(db_path)
    if holder is not None and holder[0] == FOR_CLI:
        command = f"{holder[1]}，" if holder[1] else ""
        return f"另一个 hxdesk 命令（{command}进程 {holder[2]}）正在写入数据库“{name}”，请稍后再试。"
    if purpose == FOR_GUI:
        return (
            f"hxdesk 已经在运行：数据库“{name}”正在另一个 hxdesk 窗口中编辑。"
            "请切换到已打开的 hxdesk 窗口继续工作（同一份数据同时只能在一个窗口中编辑）。"
        )
    if holder is None:
        return (
            f"数据库“{name}”正被另一个 hxdesk 程序使用，暂时不能修改。"
            "请稍后再试；如果 hxdesk 窗口开着，请先关闭它（查看、导出和生成文档不受影响）。"
        )
    return (
        f"数据库“{name}”正在 hxdesk 窗口中编辑（进程 {holder[2]}），暂时不能修改。"
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
            # A read-only folder or a full disk: no lock file can be made, and no writing would work either.
            raise place_failure(exc, self.db_path) or DatabaseLocked(
                f"无法锁定数据库“{self.db_path.name}”：{exc.strerror or exc}。请检查文件夹是否可写。",
                path=str(self.db_path),
            ) from None
        self._held = True
        if lock.lock_counter == 1:  # this process's first hold
            _write_holder(self.db_path, self.purpose)
        return self

    def release(self) -> None:
        if self._held:
            self._held = False
            lock = _file_lock(self.db_path)
            if lock.lock_counter == 1:  # the last hold: the note goes before the lock
                _remove_holder(self.db_path)
            lock.release()

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


__all__ = [
    "DatabaseLocked",
    "WriterLock",
    "lock_path",
    "holder_path",
    "locked_message",
    "name_this_command",
    "read_holder",
    "is_locked_elsewhere",
    "FOR_GUI",
    "FOR_CLI",
]
