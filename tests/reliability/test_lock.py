"""One writer per database, tried with real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support import ROOT, run_cli

from hxdesk import services
from hxdesk.store import Store
from hxdesk.store.lock import DatabaseLocked, is_locked_elsewhere

HOLDER = textwrap.dedent(
    """
    import sys
    from hxdesk import services
    workspace = services.open_for_editing(sys.argv[1])   # as the GUI opens it
    print("holding", flush=True)
    sys.stdin.read()                                     # until the test closes stdin (or kills us)
    workspace.close()
    """
)


def start_holder(db: Path, script: str = HOLDER) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
    )
    line = proc.stdout.readline()
    if line.strip() != "holding":
        proc.kill()
        error = proc.stderr.read()
        end(proc)
        raise AssertionError(f"the holder did not start: {line!r}\n{error}")
    return proc


def end(proc: subprocess.Popen) -> None:
    """Kill ``proc`` if it still runs, reap it and close its pipes (else a ResourceWarning)."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


@pytest.fixture
def holder(db_path, sample):
    with Store(db_path) as s:
        s.reports.add(sample)
    proc = start_holder(db_path)
    yield proc
    end(proc)


def test_second_gui_instance_is_refused_in_chinese(db_path, holder):
    with pytest.raises(DatabaseLocked) as caught:
        services.open_for_editing(db_path)
    assert "hxdesk 已经在运行" in caught.value.message
    assert is_locked_elsewhere(db_path)


def test_cli_writes_are_refused_and_reads_proceed(db_path, holder, tmp_path):
    new = run_cli("new", "--sample", "--db", str(db_path))
    assert new.returncode == 1
    assert "正在 hxdesk 窗口中编辑" in new.stderr and "Traceback" not in new.stderr
    listed = run_cli("list", "--db", str(db_path), check=True)
    assert "黄溪镇" in listed.stdout
    out = tmp_path / "out.docx"
    run_cli("render", "1", "-o", str(out), "--db", str(db_path), check=True)
    assert out.stat().st_size > 0
    run_cli("export", "1", "-o", str(tmp_path / "r.json"), "--db", str(db_path), check=True)
    run_cli("backup", "--db", str(db_path), check=True)
    restore = run_cli("restore", "--db", str(db_path))
    assert restore.returncode == 1 and "正在 hxdesk 窗口中编辑" in restore.stderr
    with Store(db_path, write=False) as s:
        assert len(s.reports.summaries()) == 1


def test_the_lock_goes_with_a_killed_process(db_path, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with services.open_for_editing(db_path) as ws:
        assert len(ws.reports.summaries()) == 1


def test_the_lock_goes_when_the_window_closes(db_path, holder):
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    assert not is_locked_elsewhere(db_path)
    run_cli("new", "--sample", "--db", str(db_path), check=True)


def test_one_process_holds_several_stores(db_path):
    """The GUI and its helpers in one process share the lock."""
    with services.open_for_editing(db_path) as gui, services.open_workspace(db_path) as other:
        assert gui.reports.summaries() == other.reports.summaries()


RACER = textwrap.dedent(
    """
    import os, sys, time
    from hxdesk import services
    from hxdesk.store.lock import DatabaseLocked
    start = float(sys.argv[2])
    while time.time() < start:
        pass
    try:
        workspace = services.open_for_editing(sys.argv[1])
    except DatabaseLocked:
        print("refused", flush=True)
        sys.exit(0)
    rid = workspace.reports.add(services.sample_report())
    print("won", rid, flush=True)
    sys.stdin.read()
    workspace.close()
    """
)


@pytest.mark.parametrize("round_", range(5))
def test_processes_starting_together_never_share_the_database(db_path, round_):
    """Six processes open the same (new) database at the same instant: exactly one writes."""
    start = time.time() + 2.0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(db_path), str(start)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=str(ROOT),
        )
        for _ in range(6)
    ]
    answers = [p.stdout.readline().split() for p in procs]
    for p in procs:
        p.stdin.close()
    errors = [p.stderr.read() for p in procs]
    for p in procs:
        p.wait(timeout=60)
        end(p)
    assert sorted(a[0] for a in answers if a) == ["refused"] * 5 + ["won"], errors
    with Store(db_path, write=False) as s:
        assert len(s.reports.summaries()) == 1
        assert s.integrity_check() == "ok"


def test_reads_beside_a_saving_window_see_whole_saves(db_path):
    """While another process autosaves, a reader sees each report as one save left it, never half."""
    from .kill_child_support import CHILD, stored_marker

    writer = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
    )
    try:
        assert writer.stdout.readline().startswith("ready"), writer.stderr.read()
        assert writer.stdout.readline().startswith("saved")  # the first save is in
        seen = set()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            seen.add(stored_marker(db_path))  # asserts every section carries the title's marker
        assert len(seen) > 3  # the reads really overlapped many saves
    finally:
        end(writer)


# A real CLI command (`hxdesk new --sample`) that holds the lock: it is paused, with the lock
# taken and the database open, where it would build the report, until the test closes its stdin.
CLI_HOLDER = textwrap.dedent(
    """
    import sys
    from hxdesk import cli, services
    real = services.new_from_template
    def paused(*args, **kwargs):
        print("holding", flush=True)
        sys.stdin.read()
        return real(*args, **kwargs)
    services.new_from_template = paused
    sys.exit(cli.main(["--db", sys.argv[1], "new", "--sample"]))
    """
)


def test_a_refusal_names_the_command_that_holds_the_lock(db_path, sample):
    with Store(db_path) as s:
        s.reports.add(sample)
    proc = start_holder(db_path, CLI_HOLDER)
    try:
        who = f"另一个 hxdesk 命令（new，进程 {proc.pid}）正在写入数据库“{db_path.name}”，请稍后再试"
        refused = run_cli("new", "--template", "standard", "--year", "2025", "--db", str(db_path))
        assert refused.returncode == 1 and who in refused.stderr, refused.stderr
        assert "窗口" not in refused.stderr
        with pytest.raises(DatabaseLocked) as caught:  # the window's opening is told the same
            services.open_for_editing(db_path)
        assert who in caught.value.message
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        end(proc)
    run_cli("new", "--sample", "--db", str(db_path), check=True)  # the lock and its note are gone
    assert not (db_path.parent / f"{db_path.name}.lock.holder").exists()


def test_a_refusal_by_a_window_names_the_window(db_path, holder):
    refused = run_cli("new", "--sample", "--db", str(db_path))
    assert f"正在 hxdesk 窗口中编辑（进程 {holder.pid}）" in refused.stderr
