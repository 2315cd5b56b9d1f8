"""Restoring a backup never leaves the user without a database (issue 26, item 2): the new
database is built beside the old one and swapped in; a bad source is refused before anything
is moved; a full disk or a SIGKILL at any step leaves the reports listable."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, run_cli

from hxdesk.store import SCHEMA_VERSION, Store

from .test_output import needs_mount, tmpfs

CHILD = Path(__file__).with_name("restore_child.py")
BEFORE = "备份之前的报告"
AFTER = "备份之后新建的报告"


def make_pair(folder: Path, sample, *, bulk: int = 0) -> tuple[Path, Path]:
    """A database with two reports and a backup made when it had only the first
    (``bulk`` more copies of it in the backup, to make the backup big)."""
    db = folder / "h.db"
    with Store(db) as s:
        sample.name = BEFORE
        for _ in range(1 + bulk):
            s.reports.add(sample)
    done = run_cli("--db", str(db), "backup", check=True)
    saved = Path(done.stdout.strip().splitlines()[-1])
    with Store(db) as s:
        if bulk:
            for summary in s.reports.summaries()[1:]:
                s.trash.purge(summary.id)
        sample.name = AFTER
        s.reports.add(sample)
    if bulk:
        conn = sqlite3.connect(db)
        conn.execute("VACUUM")
        conn.close()
    return db, saved


def listed(db: Path) -> str:
    proc = run_cli("--db", str(db), "list")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def assert_unchanged(db: Path) -> None:
    """The current database is there, with both its reports."""
    out = listed(db)
    assert BEFORE in out and AFTER in out, out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".restore.tmp" in p.name)


def test_restore_from_the_database_itself_is_refused(tmp_path, sample):
    db, _ = make_pair(tmp_path, sample)
    soft = tmp_path / "soft.db"
    soft.symlink_to(db)
    hard = tmp_path / "hard.db"
    hard.hardlink_to(db)
    for source in (db, soft, hard):
        proc = run_cli("--db", str(db), "restore", str(source))
        assert proc.returncode == 1 and "当前的数据库本身" in proc.stderr, proc.stderr
        assert "原数据库已移到" not in proc.stdout
        assert_unchanged(db)
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name or ".damaged-" in p.name]


def test_restore_of_a_newer_schema_is_refused(tmp_path, sample):
    db, saved = make_pair(tmp_path, sample)
    conn = sqlite3.connect(saved)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    proc = run_cli("--db", str(db), "restore", str(saved))
    assert proc.returncode == 1 and "更新版本" in proc.stderr and "Traceback" not in proc.stderr
    assert_unchanged(db)


def test_restore_of_a_foreign_database_is_refused(tmp_path, sample):
    db, _ = make_pair(tmp_path, sample)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE accounts (name TEXT)")
    conn.commit()
    conn.close()
    proc = run_cli("--db", str(db), "restore", str(foreign))
    assert proc.returncode == 1 and "不是 hxdesk 数据库" in proc.stderr
    assert_unchanged(db)


def test_restore_replaces_and_keeps_the_old_file(tmp_path, sample):
    db, saved = make_pair(tmp_path, sample)
    proc = run_cli("--db", str(db), "restore", str(saved), check=True)
    aside = Path(proc.stdout.split("原数据库已移到：")[1].splitlines()[0])
    out = listed(db)
    assert BEFORE in out and AFTER not in out
    assert AFTER in listed(aside)  # the replaced database, whole by itself
    assert not aside.samefile(db) and leftovers(tmp_path) == []


@needs_mount
def test_restore_on_a_full_disk_leaves_the_database(tmp_path, sample):
    """The backup is bigger than the space left beside the database: the copy fails half-way."""
    db, saved = make_pair(tmp_path / "made", sample, bulk=40)
    kept = tmp_path / "backup.db"
    shutil.copy(saved, kept)
    size = kept.stat().st_size
    assert db.stat().st_size * 2 < size
    with tmpfs(tmp_path / "full", f"{(db.stat().st_size * 3 + size) // 2 // 1024}k") as folder:
        for p in db.parent.glob("h.db*"):
            shutil.copy(p, folder / p.name)
        proc = run_cli("--db", str(folder / "h.db"), "restore", str(kept))
        assert proc.returncode == 1 and "磁盘空间不足" in proc.stderr, proc.stderr
        assert "原数据库已移到" not in proc.stdout
        assert_unchanged(folder / "h.db")
        assert leftovers(folder) == []


def run_child(kill_at: int, db: Path, source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHILD), str(kill_at), "--db", str(db), "restore", str(source)],
        capture_output=True,
        text=True,
        cwd=str(ROOT),
        timeout=120,
    )


def with_unfolded_journal(template: Path, sample, folder: Path) -> None:
    """``folder`` gets the database as an open window leaves it: the last report only in its -wal."""
    folder.mkdir()
    with Store(template) as s:
        sample.name = AFTER
        rid = s.reports.add(sample)
        for p in template.parent.glob("h.db*"):
            shutil.copy(p, folder / p.name)
        s.trash.purge(rid)


@pytest.mark.slow
@pytest.mark.parametrize("damaged", [False, True], ids=["sound", "damaged"])
def test_sigkill_at_every_step_of_a_restore(tmp_path, sample, damaged):
    """Killed before each file-system step in turn (then after the last): the reports stay
    listable, as they were or as restored, never an empty database; the next run tidies up."""
    template, saved = make_pair(tmp_path / "template", sample)
    kills = 0
    for step in range(1, 80):
        folder = tmp_path / f"kill{step}"
        if damaged:  # as the GUI's 数据库已损坏 → 恢复 finds it
            folder.mkdir()
            (folder / "h.db").write_bytes(template.read_bytes()[:8192] + b"\0" * 8192)
        else:
            with_unfolded_journal(template, sample, folder)
            assert (folder / "h.db-wal").stat().st_size > 0
        db = folder / "h.db"
        proc = run_child(step, db, saved)
        if proc.returncode != -signal.SIGKILL:
            assert proc.returncode == 0, proc.stderr
            break
        kills += 1
        after = run_cli("--db", str(db), "list")
        kept = [p for p in folder.iterdir() if ".replaced-" in p.name and not p.name.endswith(("-wal", "-shm"))]
        if damaged and after.returncode != 0:  # not swapped yet: still the damaged file, refused as such
            assert "损坏" in after.stderr and "Traceback" not in after.stderr, after.stderr
        elif AFTER in after.stdout:  # not swapped yet: the database as it was, its last report included
            assert BEFORE in after.stdout and kept == [], (step, proc.stderr)
        else:  # swapped: the backup's reports, the old database kept whole beside it
            assert after.returncode == 0 and BEFORE in after.stdout, (step, proc.stderr, after.stderr)
            assert damaged or (len(kept) == 1 and AFTER in listed(kept[0])), (step, proc.stderr)
        assert leftovers(folder) == [], (step, proc.stderr)
        if step % 4 == 0:  # and a restore run again after the kill succeeds
            again = run_cli("--db", str(db), "restore", str(saved))
            assert again.returncode == 0, (step, again.stderr)
            assert AFTER not in listed(db)
    assert kills >= 12, f"only {kills} steps: the trials did not reach the swap"
    print(f"\nrestore killed before each of its {kills} steps ({'damaged' if damaged else 'sound'} database)")
