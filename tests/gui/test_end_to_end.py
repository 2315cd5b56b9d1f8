"""The real application as a separate process: it types edits, is killed with
SIGKILL, and every edit older than one second must be in the database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from hxdesk.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_loses_nothing_older_than_a_second(tmp_path):
    db = tmp_path / "hxdesk.db"
    log = tmp_path / "edits.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_TEST_HOOK": str(HERE / "e2e_typer.py"),
        "HXDESK_E2E_LOG": str(log),
        "HXDESK_NO_ERROR_DIALOG": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "hxdesk", "--db", str(db)],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        # let it type for a while: at least 25 edits, so that many are older than a second
        while len([e for e in read_log(log) if e["kind"] != "ready"]) < 25:
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
            assert time.monotonic() < deadline, "the application did not start typing"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        killed_at = time.time()
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()

    edits = [e for e in read_log(log) if e["kind"] != "ready"]
    old = [e for e in edits if e["t"] < killed_at - 1.0]
    assert len(old) >= 10
    store = Store(db)
    try:
        report = store.reports.load(store.reports.summaries()[0].id)
    finally:
        store.close()
    section = report.sections[0].children[0]
    body = "".join(b.text for b in section.blocks if hasattr(b, "text"))
    for e in old:
        if e["kind"] == "heading":
            assert e["token"] in section.heading, e
        elif e["kind"] == "paragraph":
            assert e["token"] in body, e
    figure_edits = [e for e in old if e["kind"] == "figure"]
    assert figure_edits
    last = figure_edits[-1]
    assert report.figures[last["key"]].value >= Decimal(last["value"])


def run_app(db: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_BENCH_EXIT": "1",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "hxdesk", "--db", str(db)],
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_second_window_on_the_same_database_is_refused(tmp_path):
    db = tmp_path / "hxdesk.db"
    ready = tmp_path / "ready"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_TEST_HOOK": str(HERE / "ready_hook.py"),
        "HXDESK_READY_FILE": str(ready),
    }
    first = subprocess.Popen(
        [sys.executable, "-m", "hxdesk", "--db", str(db)],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():  # until the first window holds the database
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        second = run_app(db)
        assert second.returncode == 1
        assert "另一个 hxdesk 窗口" in second.stderr and "Traceback" not in second.stderr
    finally:
        first.kill()
        first.wait()


def test_a_damaged_database_gives_a_message_not_a_traceback(tmp_path):
    db = tmp_path / "hxdesk.db"
    db.write_bytes(b"this is not a database" * 100)
    result = run_app(db)
    assert result.returncode == 1
    assert "不是 hxdesk 数据库" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes().startswith(b"this is not")  # never replaced silently


def test_started_without_arguments_opens_the_window_on_the_default_database(tmp_path):
    """A double-click: no arguments, the database in the data folder, the sample in the list."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_BENCH_EXIT": "1",
        "HXDESK_DATA_DIR": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "hxdesk"], cwd=str(ROOT), env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert [line.split()[0] for line in proc.stdout.splitlines()] == ["painted", "ready"]
    with Store(tmp_path / "hxdesk.db", write=False) as store:
        assert [r.year for r in store.reports.summaries()] == [2024]


def test_the_report_list_is_shown_before_the_editor_and_its_qt_parts_load(tmp_path):
    """Start-up work is only what the report list needs: the editor page, the
    ``Qt`` namespace (~95 Python enums) and sqlite-utils load with the first report."""
    probe = tmp_path / "probe.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_DATA_DIR": str(tmp_path),
    }
    first = subprocess.run(
        [sys.executable, "-m", "hxdesk"],
        cwd=str(ROOT),
        env={**env, "HXDESK_BENCH_EXIT": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )  # the first start writes the sample
    assert first.returncode == 0, first.stderr
    env.update(HXDESK_TEST_HOOK=str(HERE / "lazy_start_hook.py"), HXDESK_PROBE_FILE=str(probe))
    proc = subprocess.run(
        [sys.executable, "-m", "hxdesk"], cwd=str(ROOT), env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(probe.read_text(encoding="utf-8"))
    assert seen["list"] == {"qt_namespace": False, "editor": False, "sqlite_utils": False, "rows": 1}
    assert seen["report"]["editor"] and seen["report"]["sqlite_utils"] and seen["report"]["tree"] > 5
    assert seen["report"]["qt_namespace"]  # the probe sees the namespace once something uses it
    # the start-up backup is off the path to the list, but made: the second start made one
    from hxdesk import services

    assert [b.kind for b in services.list_backups(tmp_path / "hxdesk.db")] == ["startup"]


def test_a_plain_start_does_not_load_the_developer_tools(tmp_path):
    """Screenshots, bench marks and the test hook are not on the shipped start path."""
    probe = tmp_path / "modules.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_DATA_DIR": str(tmp_path),
    }
    for name in ("HXDESK_TEST_HOOK", "HXDESK_BENCH_EXIT", "HXDESK_SCREENSHOT_VIEW"):
        env.pop(name, None)
    proc = subprocess.run(
        [sys.executable, str(HERE / "plain_start.py"), str(probe)],
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(probe.read_text(encoding="utf-8"))
    assert seen["rows"] == 1  # the sample is listed: the start went all the way
    assert "hxdesk.gui.main_window" in seen["modules"]
    assert "hxdesk.gui.devtools" not in seen["modules"]


def test_the_list_is_painted_from_a_read_only_look_before_the_database_opens(tmp_path):
    """The second start paints the list (disabled) before the store is open, then opens it (lock, file
    check, schema): the marks come in that order. (A damaged file: test_a_damaged_database_…)"""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HXDESK_NO_ERROR_DIALOG": "1",
        "HXDESK_BENCH_EXIT": "1",
        "HXDESK_DATA_DIR": str(tmp_path),
    }

    def start() -> list[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "hxdesk"], cwd=str(ROOT), env=env, capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, proc.stderr
        return [line.split()[0] for line in proc.stdout.splitlines()]

    assert start() == ["painted", "ready"]  # first start: no file to look at
    assert start() == ["painted", "listed", "ready"]
