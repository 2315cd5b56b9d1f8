"""Shared by the SIGKILL trials and the concurrent-read test: the child and its marker check."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from hxdesk.store import Store

CHILD = Path(__file__).with_name("kill_child.py")
MARK = re.compile(r"^【(\d+)】")


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def stored_marker(db: Path) -> int:
    """The save number in the stored report; every section must carry the same one."""
    with Store(db, write=False) as s:
        report = s.reports.load(s.reports.summaries()[0].id)
    m = MARK.match(report.title)
    n = int(m.group(1)) if m else 0
    for section, _ in report.walk():
        text = section.blocks[0].text if section.blocks else ""
        sm = MARK.match(text)
        assert sm and int(sm.group(1)) == n, f"torn save: title says {n}, a section says {text[:12]!r}"
    return n
