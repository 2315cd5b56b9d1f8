"""Where the data lives: the user data folder and the database file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

if TYPE_CHECKING:
    from ..store.summary import ReportSummary

APP_NAME = "hxdesk"


def data_dir() -> Path:
    """The user data folder (on Windows under %APPDATA%); HXDESK_DATA_DIR overrides."""
    override = os.environ.get("HXDESK_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def db_file(db_path: str | Path | None = None) -> Path:
    """The database file: the one given, else the default in the data folder."""
    return Path(db_path) if db_path else default_db_path()


def default_db_path() -> Path:
    return data_dir() / "hxdesk.db"


def peek_reports(db_path: str | Path | None = None) -> list[ReportSummary] | None:
    """The report list read before the database is opened for editing (read-only, no lock), for the
    start-up to show at once; None when it cannot be read that way (the full open says why)."""
    from ..store.summary import peek_reports as peek

    return peek(db_file(db_path))
