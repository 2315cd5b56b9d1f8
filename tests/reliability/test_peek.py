"""The report list read before the store opens (store.summary.peek_reports): the same rows as the store's
list, nothing written, None for anything it should not read, and reading while another process writes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hxdesk import services
from hxdesk.store import Store
from hxdesk.store.summary import peek_reports

ROOT = Path(__file__).resolve().parents[2]


def make_db(path: Path, reports: int = 3) -> None:
    with services.open_workspace(path) as workspace:
        for year in range(2022, 2022 + reports):
            report = services.sample_report()
            report.uid = f"peek-{year}"
            report.year = year
            workspace.reports.add(report)
        workspace.reports.move_to_trash(workspace.reports.summaries()[-1].id)  # one in the trash: not listed


def test_the_same_rows_as_the_store_lists(tmp_path):
    db = tmp_path / "hxdesk.db"
    make_db(db)
    with Store(db, write=False) as store:
        expected = store.reports.summaries()
    assert [r.year for r in expected] == [2024, 2023]
    assert peek_reports(db) == expected


def test_the_look_writes_nothing_and_creates_nothing(tmp_path):
    db = tmp_path / "hxdesk.db"
    make_db(db)
    before = db.read_bytes()
    assert peek_reports(db)
    assert db.read_bytes() == before
    missing = tmp_path / "none.db"
    assert peek_reports(missing) is None
    assert not missing.exists(), "mode=ro never creates the file"


def test_nothing_it_should_not_read(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    assert peek_reports(garbage) is None
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert peek_reports(empty) is None
    older = tmp_path / "older.db"
    make_db(older)
    conn = sqlite3.connect(older)
    conn.execute("PRAGMA user_version = 3")  # an older schema: the store migrates it first
    conn.commit()
    conn.close()
    assert peek_reports(older) is None
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    assert peek_reports(other) is None


WRITER = r"""
import sys, time
from hxdesk import services
with services.open_workspace(sys.argv[1]) as workspace:
    rid = workspace.reports.summaries()[0].id
    report = workspace.reports.load(rid)
    print("ready", flush=True)
    end = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < end:
        n += 1
        report.title = f"标题 {n}"
        workspace.reports.save(rid, report)
"""


def test_reading_while_another_process_writes(tmp_path):
    db = tmp_path / "hxdesk.db"
    make_db(db)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "3"],
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        env={**os.environ},
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        seen = []
        end = time.monotonic() + 2
        while time.monotonic() < end:
            rows = peek_reports(db)
            assert rows is not None, "WAL: a reader is never refused by a writer"
            seen.append(len(rows))
        assert set(seen) == {2} and len(seen) > 10
    finally:
        writer.wait(timeout=30)
    assert writer.returncode == 0
