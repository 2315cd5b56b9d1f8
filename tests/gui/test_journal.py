"""Issue 11, defect 1: reading the database from other processes while the
editor runs must not remove its WAL journal.  On POSIX, closing any other
handle on the database file drops all of a process's SQLite locks; another
process that closes the database then believes it is the last one and deletes
the -wal file while the editor still writes into it.

The real editor runs as its own process and types into a paragraph; meanwhile
`hxdesk list`, `render`, `check` and a plain `sqlite3` read open the same file.
The -wal must stay, a fresh process must see every edit older than a second,
and a SIGKILL of the editor must lose no edit older than a second."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hxdesk import services

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GRACE = 1.0  # seconds: an edit older than this must be in the database for any reader


def read_log(path: Path) -> list[dict]:
    entries = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                pass  # the line being written at a kill
    return entries


def marks_seen_by_a_fresh_process(db: Path, section_uid: str) -> set[int]:
    """The marks 〔N〕 in the section's text, as a new process reads the database."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "print(c.execute('SELECT blocks FROM sections WHERE uid = ?', (sys.argv[2],)).fetchone()[0])\n"
        "c.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), section_uid], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return {int(m) for m in re.findall(r"〔(\d+)〕", json.loads(out)[0]["text"])}


def hxdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hxdesk", *args], cwd=str(ROOT), capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and SIGKILL")
def test_readers_beside_the_running_editor_keep_its_journal_and_its_edits(tmp_path):
    db = tmp_path / "hxdesk.db"
    with services.open_workspace(db) as workspace:
        report_id = workspace.reports.ensure_sample()
    log = tmp_path / "journal.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_TEST_HOOK": str(HERE / "journal_editor.py"),
        "HXDESK_JOURNAL_LOG": str(log),
    }
    wal = Path(str(db) + "-wal")
    with open(tmp_path / "app-output.txt", "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "hxdesk", "--db", str(db)], cwd=str(ROOT), env=env, stdout=out, stderr=out
        )
        try:
            deadline = time.monotonic() + 60
            while len(read_log(log)) < 4:  # the start line and three autosaved edits
                assert proc.poll() is None, f"the editor ended (rc {proc.returncode})"
                assert time.monotonic() < deadline, "the editor did not start editing"
                time.sleep(0.05)
            section_uid = read_log(log)[0]["section"]
            time.sleep(GRACE)
            assert wal.exists(), "the running editor has no -wal file"

            readers = [
                ("hxdesk list", lambda: hxdesk("--db", str(db), "list")),
                (
                    "hxdesk render",
                    lambda: hxdesk("--db", str(db), "render", str(report_id), "-o", str(tmp_path / "r.docx")),
                ),
                ("hxdesk check", lambda: hxdesk("--db", str(db), "check")),
            ]
            if shutil.which("sqlite3"):
                readers.append(
                    (
                        "sqlite3",
                        lambda: subprocess.run(
                            ["sqlite3", str(db), "SELECT count(*) FROM reports"],
                            capture_output=True,
                            text=True,
                            timeout=60,
                        ),
                    )
                )
            else:  # the same plain read through Python's own SQLite in another process
                readers.append(
                    (
                        "python sqlite3",
                        lambda: subprocess.run(
                            [
                                sys.executable,
                                "-c",
                                f"import sqlite3; print(sqlite3.connect({str(db)!r}).execute('SELECT 1').fetchone())",
                            ],
                            capture_output=True,
                            text=True,
                            timeout=60,
                        ),
                    )
                )
            for name, run in readers:
                result = run()
                assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
                time.sleep(0.7)  # the editor goes on typing and autosaving
                assert wal.exists(), f"the -wal file is gone after {name} read the database"
                before = time.time() - GRACE
                seen = marks_seen_by_a_fresh_process(db, section_uid)
                due = {e["n"] for e in read_log(log)[1:] if e["t"] < before}
                assert due <= seen, f"after {name}: edits {sorted(due - seen)} older than {GRACE} s are not visible"

            time.sleep(1.5)  # more edits after the readers
            assert proc.poll() is None, f"the editor ended (rc {proc.returncode})"
            killed_at = time.time()
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    entries = read_log(log)[1:]
    due = {e["n"] for e in entries if e["t"] < killed_at - GRACE}
    assert len(due) >= 8, f"too few edits to judge: {len(due)}"
    seen = marks_seen_by_a_fresh_process(db, section_uid)
    assert due <= seen, f"the kill lost edits {sorted(due - seen)} older than {GRACE} s"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
