"""Errors that carry a message a user can read (in Chinese)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store.backupinfo import BackupInfo


class HxError(Exception):
    """A failure with a clear Chinese message; never shown as a traceback."""

    def __init__(self, message: str, *, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class DatabaseError(HxError):
    """The database cannot be opened, read or upgraded."""


class DatabaseLocked(HxError):
    """Another process (normally an hxdesk window) holds the database for writing."""

    def __init__(self, message: str, *, path: str = ""):
        super().__init__(message)
        self.path = path


class BackupError(HxError):
    pass


class DamagedDatabase(DatabaseError):
    """The database file is damaged or is not a database at all.

    ``backup`` is the newest backup that passes the integrity check (None if
    there is none); the GUI offers to restore it.  Nothing has been changed.
    """

    def __init__(self, message: str, *, path: Path, backup: BackupInfo | None, reason: str, detail: str = ""):
        super().__init__(message, detail=detail)
        self.path = path
        self.backup = backup
        self.reason = reason  # "not_database", "corrupt", "empty" or "foreign"

    @property
    def title(self) -> str:
        """What the message box says the trouble is: an emptied file and another program's
        database are not damaged, and are not called so."""
        return {"empty": "数据库是空文件", "foreign": "这不是 hxdesk 的数据库"}.get(self.reason, "数据库已损坏")


class NotFound(HxError):
    pass


class InvalidInput(HxError):
    pass


class OutputError(HxError):
    """The output file cannot be written (locked, read-only, disk full …)."""

    def __init__(self, message: str, *, path: str = "", locked: bool = False, detail: str = ""):
        super().__init__(message, detail=detail)
        self.path = path
        self.locked = locked
