"""Settings kept in the database (so that they travel with it), as JSON by key.  No Qt here."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import Connection


class SettingRows:
    """The settings table of one store."""

    def __init__(self, store: Connection):
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        row = self._store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row["value"])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        store = self._store
        with store.writing():
            store.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
