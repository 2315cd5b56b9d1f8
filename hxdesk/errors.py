"""Errors that carry a message a user can read (in Chinese)."""

from __future__ import annotations


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
