"""Backups never rotate a good backup out for an unusable one (issue 26, item 3): an emptied or
foreign database is not backed up at all, and rotation counts only good backups."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from support import run_cli

from hxdesk.store import Store, backup


def good_database(path: Path, sample) -> None:
    with Store(path) as s:
        s.reports.add(sample)


def test_an_emptied_database_is_not_backed_up(db_path, sample):
    good_database(db_path, sample)
    run_cli("--db", str(db_path), "backup", check=True)
    kept = [b.path for b in backup.list_backups(db_path)]
    db_path.write_bytes(b"")  # emptied, as by a power cut
    for _ in range(backup.KEEP + 1):
        proc = run_cli("--db", str(db_path), "backup")
        assert proc.returncode == 1 and "空文件" in proc.stderr and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    assert [b.path for b in backup.list_backups(db_path)] == kept
    restored = run_cli("--db", str(db_path), "restore", check=True)
    assert "已从备份恢复" in restored.stdout
    assert "黔江区黄溪镇人民政府" in run_cli("--db", str(db_path), "list", check=True).stdout


def test_a_foreign_database_is_not_backed_up(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE accounts (name TEXT)")
    conn.commit()
    conn.close()
    proc = run_cli("--db", str(db_path), "backup")
    assert proc.returncode == 1 and "不是 hxdesk 数据库" in proc.stderr
    assert backup.list_backups(db_path) == []


def test_rotation_keeps_the_good_backups_however_many_bad_ones_follow(db_path, sample):
    """Empty backups left by an earlier version (or a damaged disk), newer than the last good one."""
    good_database(db_path, sample)
    old = backup.make_backup(db_path, now=dt.datetime(2025, 1, 1, 9))
    folder = backup.backup_dir(db_path)
    for day in range(1, backup.KEEP + backup.KEEP_DAYS + 2):
        (folder / f"hxdesk-202502{day:02d}-090000-startup.db").write_bytes(b"")
    run_cli("--db", str(db_path), "backup", check=True)
    left = backup.list_backups(db_path)
    assert old.path in [b.path for b in left]
    assert [b.path for b in left if backup.verify_backup(b.path)][-1] == old.path
    assert len(left) <= 2 * backup.KEEP + backup.KEEP_DAYS  # the bad ones still rotate away in time
    assert backup.newest_good_backup(db_path) is not None
