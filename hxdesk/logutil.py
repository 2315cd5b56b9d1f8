"""The log file in the data folder: tracebacks go there, never to the user."""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

_LOGGER = logging.getLogger("hxdesk")


def log_path() -> Path:
    from .services import data_dir

    return data_dir() / "hxdesk.log"


def setup_logging() -> Path | None:
    """Attach a rotating file handler once; returns the log path (None if unwritable)."""
    path = log_path()
    if any(isinstance(h, RotatingFileHandler) for h in _LOGGER.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _LOGGER.addHandler(handler)
    _LOGGER.setLevel(logging.INFO)
    return path


def log_exception(exc: BaseException) -> str:
    where = setup_logging()
    _LOGGER.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    return str(where) if where else "（无法写入日志）"


def log_detail(message: str, detail: str) -> None:
    setup_logging()
    _LOGGER.warning("%s | %s", message, detail)
