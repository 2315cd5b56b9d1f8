"""Autosave: an edit is written 0.25 s after the last keystroke, and at the latest
0.45 s after the first unsaved one while typing goes on (RELIABILITY.md 1)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ..errors import HxError

SAVE_DELAY_MS = 250  # after the last keystroke
SAVE_MAX_DELAY_MS = 450  # after the first unsaved keystroke (the write itself needs time too)
ERROR_DIALOG_EVERY_S = 30  # a failing disk shows its dialog at most this often; the status bar always
RETRY_MS = 3000  # after a failed save (a full disk, say), tried again without waiting for another keystroke


def storage_errors() -> tuple[type[Exception], ...]:
    """The storage failures (sqlite3.Error, OSError), loaded only when an error is handled."""
    from ..services import STORAGE_ERRORS

    return STORAGE_ERRORS


class Autosaver(QObject):
    """Calls ``write`` (which saves and returns the time stamp) when edits are due."""

    def __init__(self, parent: QWidget, write: Callable[[], str], status: Callable[[str], None]):
        super().__init__(parent)
        self._window = parent
        self._write = write
        self._status = status
        self.dirty = False
        self.last_saved: str | None = None
        self._error_shown_at = 0.0
        self.idle_timer = self._timer(SAVE_DELAY_MS)
        self.max_timer = self._timer(SAVE_MAX_DELAY_MS)
        self.retry_timer = self._timer(RETRY_MS)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.save_now)
        return timer

    def touch(self) -> None:
        """An edit happened: save soon."""
        self.dirty = True
        self.idle_timer.start()
        if not self.max_timer.isActive():
            self.max_timer.start()

    def forget(self) -> None:
        """The edits are saved by other means (a restore wrote the report) or abandoned."""
        self.idle_timer.stop()
        self.max_timer.stop()
        self.retry_timer.stop()
        self.dirty = False

    def save_now(self) -> bool:
        """Write pending edits; False (and a Chinese message) when that failed."""
        self.idle_timer.stop()
        self.max_timer.stop()
        self.retry_timer.stop()
        if not self.dirty:
            return True
        try:
            stamp = self._write()
        except (HxError, *storage_errors()) as exc:
            message = exc.message if isinstance(exc, HxError) else str(exc)
            self._status(f"保存失败：{message}")
            self.retry_timer.start()  # the edits stay in the window and are written once that works
            if time.monotonic() - self._error_shown_at > ERROR_DIALOG_EVERY_S:
                self._error_shown_at = time.monotonic()
                from .widgets import show_error

                show_error(
                    self._window,
                    "保存失败",
                    f"修改没能保存到数据库：{message}\n\n窗口中的内容仍在，程序每隔几秒会自动再试。",
                )
            return False
        self.dirty = False
        self.last_saved = stamp
        self._status(f"已保存 {stamp[11:19]}")
        return True
