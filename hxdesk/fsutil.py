"""Atomic file output with Chinese messages for every way it can fail."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError


def _os_message(exc: OSError, target: Path) -> OutputError:
    if exc.errno == errno.EFBIG:
        return OutputError(
            f"文件超出了该磁盘或系统允许的大小，无法保存“{target.name}”。请换一个位置保存。", path=str(target)
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"磁盘空间不足，无法保存“{target.name}”。请清理磁盘后重试。", path=str(target))
    if exc.errno == errno.EROFS:
        return OutputError(f"“{target.parent}”位于只读磁盘上，无法保存。请换一个文件夹。", path=str(target))
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError("文件名过长，请换一个短一些的文件名。", path=str(target))
    return OutputError(f"无法保存“{target}”：{exc.strerror or exc}", path=str(target), detail=repr(exc))


def atomic_write_bytes(target: str | Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``target``, then move it into place.

    Either the whole new file is there afterwards or the old one is untouched;
    no partial file is ever left behind.
    """
    target = Path(target)
    refuse_database_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    _stat_or_refuse(target)
    if not folder.exists():
        raise OutputError(f"文件夹不存在：{folder}", path=str(target))
    if not folder.is_dir():
        raise OutputError(f"“{folder}”不是文件夹。", path=str(target))
    if target.is_dir():
        raise OutputError(f"“{target}”是一个文件夹，请指定文件名。", path=str(target))
    # The write bits too: root passes os.access, and Windows' read-only
    # attribute shows as a missing write bit.
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & stat.S_IWUSR):
        raise OutputError(f"文件“{target.name}”是只读的，无法覆盖。请另存为其他文件名。", path=str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~hxdesk-", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError(f"没有权限在文件夹“{folder}”中保存文件。请换一个文件夹。", path=str(target)) from None
    except OSError as exc:
        raise _os_message(exc, target) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a normal
        # new file gets, or the mode of the file it replaces.
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        if os.name == "posix":
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, target)
        except OSError as exc:
            # Windows: Word and WPS hold the file they show open and locked (PermissionError);
            # a file in use on a share or a mount point answers EBUSY.
            if not isinstance(exc, PermissionError) and exc.errno not in (errno.EBUSY, errno.ETXTBSY):
                raise
            raise OutputError(
                f"文件“{target.name}”正被其他程序（如 Word 或 WPS）打开，无法覆盖。请先关闭该文件，或另存为其他文件名。",
                path=str(target),
                locked=True,
            ) from None
    except OSError as exc:
        _remove_quietly(tmp)
        raise _os_message(exc, target) from None
    except BaseException:
        _remove_quietly(tmp)
        raise
    return target


@dataclass(frozen=True)
class _Protected:
    database: Path
    companions: tuple[Path, ...]  # its -wal, -shm, -journal and lock file
    backups: Path  # the folder of its backups


#: The databases this process has opened: no output of it ever lands on their files.
_protected: dict[str, _Protected] = {}


def protect_database(database: Path, companions: Iterable[Path], backups: Path) -> None:
    """From now on (for the life of the process) atomic_write_bytes refuses ``database``,
    its ``companions`` and every file in its ``backups`` folder."""
    _protected.setdefault(_real(database), _Protected(database, tuple(companions), backups))


def _real(path: Path) -> str:
    """The path with links resolved, as compared (case-insensitively on Windows)."""
    return os.path.normcase(os.path.realpath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of an existing file or folder: the same for every hard link to it."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same real path (links resolved), or hard links."""
    if _real(a) == _real(b):
        return True
    identity = _identity(a)
    return identity is not None and identity == _identity(b)


def refuse_database_target(target: Path) -> None:
    """OutputError (one Chinese line) if writing ``target`` would replace a database this
    process has opened, one of its companion files, or anything in its backups folder; or any
    other SQLite database or journal (another hxdesk database, the default one, a backup elsewhere)."""
    _refuse_database_protected(target)
    _refuse_database_file(target)


#: The first bytes of an SQLite database file, and of a write-ahead log (either byte order).
_SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _refuse_database_file(target: Path) -> None:
    """No output replaces an existing SQLite database or journal, whoever's it is. Checked after the
    protected files: reading a database this process holds through a second handle would drop its
    locks on POSIX (closing any handle of a file releases the process's fcntl locks on it)."""
    try:
        if not target.is_file():
            return
        with open(target, "rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError:
        return  # unreadable: the write itself will say why
    if head == _SQLITE_HEADER or head[:4] in _WAL_MAGIC:
        raise OutputError(
            f"“{target.name}”是一个数据库文件，不能用导出的文件覆盖它，否则其中的数据会丢失。请另选文件名。",
            path=str(target),
        )


def _refuse_database_protected(target: Path) -> None:
    if not _protected:
        return
    identity = _identity(target)
    for p in _protected.values():
        if same_file(target, p.database):
            raise OutputError(
                f"不能写到数据库文件本身（{p.database.name}），否则报告数据会被覆盖。请另选文件名。", path=str(target)
            )
        if any(same_file(target, c) for c in p.companions):
            raise OutputError(
                f"“{target.name}”是数据库 {p.database.name} 的配套文件，写到这里会损坏数据库。请另选文件名。",
                path=str(target),
            )
        in_backups = same_file(target.parent, p.backups)
        if not in_backups and identity is not None and p.backups.is_dir():
            try:  # a hard link elsewhere to a backup
                in_backups = any(_identity(b) == identity for b in p.backups.iterdir())
            except OSError:
                pass
        if in_backups:
            raise OutputError(
                f"不能写到数据库的备份文件夹（{p.backups}）中，以免覆盖备份。请另选保存位置。", path=str(target)
            )


def _stat_or_refuse(target: Path) -> None:
    """Ask the file system about ``target`` once: a name too long (or a path it refuses) is worded here."""
    try:
        target.exists()
    except OSError as exc:  # ENAMETOOLONG, ELOOP …: Path.exists() passes only "not found" through
        raise _os_message(exc, target) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


#: A process holds the lock file in each temporary folder it made (held_temp_folder), until it is done.
_IN_USE = ".in-use.lock"
_held_folders: list[object] = []


def held_temp_folder(prefix: str) -> tuple[Path, Callable[[], None]]:
    """A new temporary folder ``<temp>/<prefix>…`` that this process holds until it calls the
    returned ``remove``; a killed process's folders (no longer held) are removed first, so that no
    kill leaves one behind for good."""
    import shutil

    from filelock import FileLock

    remove_orphaned_temp_folders(prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    lock = FileLock(str(folder / _IN_USE), timeout=0, thread_local=False)
    lock.acquire()
    _held_folders.append(lock)

    def remove() -> None:
        lock.release()  # Windows deletes no file that is open
        _held_folders.remove(lock)
        shutil.rmtree(folder, ignore_errors=True)

    return folder, remove


@contextlib.contextmanager
def temp_folder(prefix: str) -> Iterator[Path]:
    """held_temp_folder for the time of a ``with`` block."""
    folder, remove = held_temp_folder(prefix)
    try:
        yield folder
    finally:
        remove()


def process_temp_folder(prefix: str) -> Path:
    """held_temp_folder for the life of this process (removed at exit)."""
    import atexit

    folder, remove = held_temp_folder(prefix)
    atexit.register(remove)
    return folder


def remove_orphaned_temp_folders(prefix: str, *, unlocked_grace_s: float = 600) -> None:
    """Remove this user's ``<temp>/<prefix>*`` folders that no living process holds; one without
    a lock file (a process killed before it took the lock) once untouched for ``unlocked_grace_s``."""
    import glob
    import shutil
    import time

    from filelock import FileLock, Timeout

    for folder in Path(tempfile.gettempdir()).glob(glob.escape(prefix) + "*"):
        try:
            st = folder.lstat()
            if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
                continue
            marker = folder / _IN_USE
            if not marker.exists():
                if time.time() - st.st_mtime > unlocked_grace_s:
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            probe = FileLock(str(marker), timeout=0, thread_local=False)
            try:
                probe.acquire()
            except Timeout:
                continue  # in use
            probe.release()
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def free_name(target: str | Path) -> Path:
    """The first of "name.docx", "name（2）.docx", … that does not exist (for a locked target)."""
    target = Path(target)
    n = 2
    candidate = target
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}（{n}）{target.suffix}")
        n += 1
    return candidate


def read_input_file(path: str | Path, max_bytes: int, *, too_big_hint: str = "") -> bytes:
    """Read an untrusted input file, at most ``max_bytes``, never changing it.

    Every failure (missing, a folder, no permission, too large) becomes an
    InvalidInput with a Chinese message.
    """
    from .errors import InvalidInput

    p = Path(path)
    limit = f"可导入的文件不超过 {max_bytes // 1024 // 1024} MB。{too_big_hint}"
    try:
        if p.is_dir():
            raise InvalidInput(f"这是一个文件夹，不是文件：{p}")
        # Opened without waiting (a named pipe would block until a writer came), then asked
        # what it is: only a regular file has an end (not a pipe, /dev/zero or a terminal).
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:  # read-only: the input file is never changed
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InvalidInput(f"这是一个文件夹，不是文件：{p}")
            if not stat.S_ISREG(info.st_mode):
                raise InvalidInput(f"“{p.name}”不是普通文件（可能是管道或设备），无法导入。请选择一个文件。")
            if info.st_size > max_bytes:
                raise InvalidInput(f"文件过大（{info.st_size / 1024 / 1024:.0f} MB）。{limit}")
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件：{p}") from None
    except PermissionError:
        raise InvalidInput(f"没有权限读取文件：{p}（文件可能正在被其他程序使用）") from None
    except OSError as exc:
        raise InvalidInput(f"无法读取文件：{p}（{exc.strerror or exc}）") from None
    if len(data) > max_bytes:  # the file grew while it was read
        raise InvalidInput(f"文件过大。{limit}")
    return data
