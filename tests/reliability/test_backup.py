"""Backups, the start-up check and restoring, on real files (and the real CLI)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from support import run_cli

from hxdesk import interchange, services
from hxdesk.store import Store, backup
from hxdesk.store.backup import BackupError, DamagedDatabase


def make_db(path: Path, sample) -> int:
    with Store(path) as s:
        return s.reports.add(sample)


def report_json(path: Path, rid: int) -> str:
    with Store(path, write=False) as s:
        return interchange.dumps(s.reports.load(rid))


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for offset in range(4096, size, 8192):
            fh.seek(offset)
            fh.write(b"\xde\xad\xbe\xef" * 512)


def test_backup_is_a_verified_copy(db_path, sample):
    rid = make_db(db_path, sample)
    info = services.make_backup(db_path)
    assert info.path.parent == db_path.parent / "backups"
    assert backup.verify_backup(info.path)
    assert report_json(info.path, rid) == report_json(db_path, rid)
    assert not Path(str(info.path) + "-wal").exists()  # a single self-contained file
    assert [b.path for b in services.list_backups(db_path)] == [info.path]
    assert "手动备份" in info.label


def test_default_backups_go_to_the_data_folder(sample):
    with services.open_workspace() as ws:
        ws.reports.add(sample)
    info = services.make_backup()
    assert info.path.parent == services.data_dir() / "backups"


def test_backup_while_another_connection_writes(db_path, sample):
    """The online backup API copies a consistent state while the database is in use."""
    rid = make_db(db_path, sample)
    with Store(db_path) as writer:
        report = writer.reports.load(rid)
        for i in range(5):
            report.title = f"第{i}次"
            writer.reports.save(rid, report)
            info = backup.make_backup(db_path, backup.KIND_MANUAL)
            assert backup.verify_backup(info.path)
            with Store(info.path, write=False) as copy:
                assert copy.reports.load(rid).title == f"第{i}次"


def test_rotation_keeps_the_last_n_and_one_a_day(db_path, sample):
    make_db(db_path, sample)
    start = dt.datetime(2025, 1, 1, 8, 0, 0)
    made = []
    for day in range(9):  # nine days, three starts a day
        for hour in (8, 12, 16):
            when = start + dt.timedelta(days=day, hours=hour - 8)
            made.append(backup.make_backup(db_path, backup.KIND_STARTUP, now=when))

    # RELIABILITY.md 3: the newest 10 backups are kept, plus the newest of each of the
    # last 7 days; the ten cover 9 to 6 January, so 5, 4 and 3 January add one each.
    def at(day: int, hour: int) -> dt.datetime:
        return dt.datetime(2025, 1, day, hour)

    newest_ten = [at(9, 16), at(9, 12), at(9, 8), at(8, 16), at(8, 12), at(8, 8), at(7, 16), at(7, 12), at(7, 8)]
    newest_ten.append(at(6, 16))
    one_a_day = [at(5, 16), at(4, 16), at(3, 16)]
    kept = backup.list_backups(db_path)
    assert [b.created for b in kept] == newest_ten + one_a_day
    on_disk = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert on_disk == sorted(b.path.name for b in kept)  # the other 14 are deleted
    assert sorted(b.path.name for b in made if b.created in newest_ten + one_a_day) == on_disk


def test_backups_of_another_database_in_the_same_folder_are_left_alone(tmp_path, sample):
    a, b = tmp_path / "hxdesk.db", tmp_path / "hxdesk-2.db"
    make_db(a, sample)
    make_db(b, sample)
    other = backup.make_backup(b)
    for i in range(backup.KEEP + 3):
        backup.make_backup(a, now=dt.datetime(2025, 1, 1) + dt.timedelta(minutes=i))
    assert other.path.exists()
    assert [x.path for x in backup.list_backups(b)] == [other.path]


def test_daily_backup_only_when_due(db_path, sample):
    make_db(db_path, sample)
    first = services.backup_if_due(db_path)
    assert first is not None
    assert services.backup_if_due(db_path) is None
    backup.make_backup(db_path, now=dt.datetime.now() - dt.timedelta(days=2))
    os.unlink(first.path)
    assert services.backup_if_due(db_path) is not None


def test_opening_for_editing_backs_up_at_start(db_path, sample):
    make_db(db_path, sample)
    with services.open_for_editing(db_path) as ws:
        assert ws.reports.summaries()
    kinds = [b.kind for b in services.list_backups(db_path)]
    assert kinds == [backup.KIND_STARTUP]


def test_first_start_has_nothing_to_back_up(db_path):
    with services.open_for_editing(db_path) as ws:
        assert ws.reports.summaries() == []
    assert services.list_backups(db_path) == []


@pytest.mark.parametrize("how", ["damaged", "not_a_database", "truncated", "emptied"])
def test_bad_database_is_reported_with_the_newest_good_backup(db_path, sample, how):
    rid = make_db(db_path, sample)
    old = backup.make_backup(db_path, now=dt.datetime(2025, 1, 1))
    good = backup.make_backup(db_path, now=dt.datetime(2025, 1, 2))
    # The newest backup is itself damaged: the check must skip it.
    bad = backup.make_backup(db_path, now=dt.datetime(2025, 1, 3))
    damage(bad.path)
    expected = report_json(db_path, rid)
    if how == "damaged":
        damage(db_path)
    elif how == "not_a_database":
        db_path.write_bytes("这是一份 Word 文档，不是数据库".encode() * 100)
    elif how == "truncated":
        data = db_path.read_bytes()
        db_path.write_bytes(data[: len(data) // 3])
    else:
        db_path.write_bytes(b"")
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        services.open_for_editing(db_path)
    exc = caught.value
    assert exc.backup is not None and exc.backup.path == good.path != old.path
    assert exc.reason == {"not_a_database": "not_database", "emptied": "empty"}.get(how, "corrupt")
    assert any(word in exc.message for word in ("损坏", "不是 hxdesk 数据库", "空文件"))
    assert db_path.read_bytes() == before  # nothing written to the damaged file
    # The GUI's answer "restore the newest good backup":
    aside = services.restore_backup(exc.backup, db_path)
    assert aside is not None and aside.name.startswith("hxdesk.db.damaged-")
    assert aside.read_bytes() == before  # kept aside, never deleted
    assert report_json(db_path, rid) == expected
    with services.open_for_editing(db_path) as ws:
        assert ws.integrity_check() == "ok"


def test_damaged_database_without_backups(db_path, sample):
    make_db(db_path, sample)
    damage(db_path)
    with pytest.raises(DamagedDatabase) as caught:
        services.open_for_editing(db_path)
    assert caught.value.backup is None
    with pytest.raises(BackupError, match="没有可用的备份"):
        services.restore_backup(None, db_path)
    assert db_path.exists()


def test_restore_keeps_the_current_database_aside(db_path, sample):
    rid = make_db(db_path, sample)
    info = backup.make_backup(db_path)
    with Store(db_path) as s:
        report = s.reports.load(rid)
        report.title = "备份之后的修改"
        s.reports.save(rid, report)
    aside = services.restore_backup(info, db_path)
    assert aside.name.startswith("hxdesk.db.replaced-")
    with Store(aside, write=False) as s:
        assert s.reports.load(rid).title == "备份之后的修改"  # the WAL was folded in before moving
    with Store(db_path, write=False) as s:
        assert s.reports.load(rid).title == sample.title


def test_a_damaged_backup_is_refused(db_path, sample):
    make_db(db_path, sample)
    info = backup.make_backup(db_path)
    damage(info.path)
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="已损坏"):
        services.restore_backup(info, db_path)
    assert db_path.read_bytes() == before


def test_a_damaged_database_is_not_backed_up(db_path, sample):
    make_db(db_path, sample)
    damage(db_path)
    with pytest.raises(BackupError, match="完整性检查"):
        backup.make_backup(db_path)
    assert services.list_backups(db_path) == []


def test_cli_backup_and_restore(db_path, sample):
    rid = make_db(db_path, sample)
    done = run_cli("backup", "--db", str(db_path), check=True)
    assert "已备份" in done.stdout
    listed = run_cli("backup", "--list", "--db", str(db_path), check=True)
    assert "手动备份" in listed.stdout
    expected = report_json(db_path, rid)
    db_path.write_bytes(b"garbage" * 1000)
    refused = run_cli("list", "--db", str(db_path))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and "hxdesk：" in refused.stderr
    restored = run_cli("restore", "--db", str(db_path), check=True)
    assert "原数据库已移到" in restored.stdout
    assert report_json(db_path, rid) == expected
    assert [p for p in db_path.parent.iterdir() if p.name.startswith("hxdesk.db.damaged-")]
    named = run_cli("restore", str(services.list_backups(db_path)[0].path), "--db", str(db_path), check=True)
    assert "已从备份恢复" in named.stdout
    missing = run_cli("restore", str(db_path.parent / "nope.db"), "--db", str(db_path))
    assert missing.returncode == 1 and "找不到备份文件" in missing.stderr


def test_backup_and_check_in_a_folder_with_awkward_characters(tmp_path, sample):
    """The read-only SQLite URIs survive Chinese, spaces, '#', '%' and '?' in the path."""
    db = tmp_path / "张三的 数据 #1 %20 ?" / "hxdesk.db"
    rid = make_db(db, sample)
    backup.check_database(db)
    info = backup.make_backup(db)
    assert report_json(info.path, rid) == report_json(db, rid)
    damage(db)
    with pytest.raises(DamagedDatabase) as caught:
        backup.check_database(db)
    assert caught.value.backup == info


@pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks")
@pytest.mark.parametrize("step", ["startup", "check", "verify"])
def test_checks_and_backups_of_the_open_database_keep_its_journal(db_path, sample, step):
    """Issue 11: the GUI backs up and checks its own open database; that must not
    drop its SQLite locks, or another process's close deletes the -wal under it."""
    import subprocess
    import sys

    rid = make_db(db_path, sample)
    ws = services.open_for_editing(db_path) if step == "startup" else services.open_workspace(db_path)
    try:
        ws.reports.load(rid)
        if step == "check":
            backup.check_database(db_path)
        elif step == "verify":
            assert backup.verify_backup(db_path)
        sample.title = "备份之后保存的标题"
        ws.reports.save(rid, sample)
        wal = Path(str(db_path) + "-wal")
        assert wal.exists()
        # A plain read in another process; it must read a table, or SQLite never opens the -wal.
        reader = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT title FROM reports').fetchone()[0]); c.close()"
        )
        subprocess.run([sys.executable, "-c", reader, str(db_path)], check=True, timeout=60)
        assert wal.exists(), "another process's close removed the journal of the open store"
        sample.title = "读取之后保存的标题"
        ws.reports.save(rid, sample)
        out = subprocess.run(
            [sys.executable, "-c", reader, str(db_path)], check=True, timeout=60, capture_output=True, text=True
        ).stdout
        assert out.strip() == "读取之后保存的标题"
    finally:
        ws.close()


def test_a_deferred_start_up_backup_is_made_before_the_first_change(db_path, sample):
    """The GUI shows the list before backing up; the backup still holds the state before any edit."""
    rid = make_db(db_path, sample)
    ws = services.open_for_editing(db_path, defer_backup=True)
    try:
        assert ws.reports.summaries() and services.list_backups(db_path) == []  # not on the path to the list
        changed = ws.reports.load(rid)
        changed.title = "开始编辑后的标题"
        ws.reports.save(rid, changed)
        (made,) = services.list_backups(db_path)
        assert made.kind == backup.KIND_STARTUP
        with Store(made.path, write=False) as before:
            assert before.reports.load(rid).title == sample.title  # made before the save, not after
        ws.reports.save(rid, changed)
        assert len(services.list_backups(db_path)) == 1  # once
    finally:
        ws.close()


def test_a_deferred_start_up_backup_is_made_on_close_when_nothing_changed(db_path, sample):
    make_db(db_path, sample)
    ws = services.open_for_editing(db_path, defer_backup=True)
    assert services.list_backups(db_path) == []
    ws.close()
    assert [b.kind for b in services.list_backups(db_path)] == [backup.KIND_STARTUP]


def test_a_deferred_start_up_backup_made_by_the_gui_is_not_made_twice(db_path, sample):
    make_db(db_path, sample)
    with services.open_for_editing(db_path, defer_backup=True) as ws:
        first = ws.backups.make_startup_if_pending()
        assert first is not None and ws.backups.make_startup_if_pending() is None
    assert [b.path for b in services.list_backups(db_path)] == [first.path]
