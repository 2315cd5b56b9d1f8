"""Opening a database through the real CLI: an empty or foreign file is refused, not
initialised; a full disk or a read-only place is named as such (never "damaged", never
a hint to restore); reading commands work on a read-only database; a too-long output
name, a huge report id and a closed pipe each get their own answer."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, run_cli

from hxdesk import services
from hxdesk.errors import DamagedDatabase
from hxdesk.store import Store

from .test_output import needs_mount, tmpfs

DAMAGE_WORDS = ("损坏", "restore", "不是 hxdesk 数据库")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    finally:
        conn.close()


def one_refusal(proc: subprocess.CompletedProcess, *expected: str) -> str:
    """Exit 1, one Chinese line holding every ``expected``, no traceback, nothing on stdout."""
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hxdesk："), proc.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    assert "意外错误" not in lines[0] and proc.stdout == ""
    return lines[0]


@pytest.fixture
def good_db(tmp_path, sample) -> Path:
    path = tmp_path / "h.db"
    with Store(path) as s:
        s.reports.add(sample)
    return path


def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()
    return path


# ------------------------------------------------------------------ A: empty and foreign files


@pytest.mark.parametrize("command", [["list"], ["new", "--sample"], ["check"]])
def test_an_empty_file_is_refused_not_made_a_database(tmp_path, command):
    db = tmp_path / "h.db"
    db.write_bytes(b"")
    line = one_refusal(run_cli("--db", str(db), *command), "空文件")
    assert "删除" in line  # no backup: the way to a new database is to remove the empty file
    assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) in (["h.db"], ["h.db", "h.db.lock"])


def test_an_empty_file_with_backups_points_to_the_restore(good_db):
    services.make_backup(good_db)
    good_db.write_bytes(b"")
    one_refusal(run_cli("--db", str(good_db), "list"), "空文件", "hxdesk restore")
    assert good_db.stat().st_size == 0


@pytest.mark.parametrize("command", [["list"], ["new", "--sample"], ["check"]])
def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, command):
    db = foreign_db(tmp_path / "other.db")
    before = file_digest(db)
    one_refusal(run_cli("--db", str(db), *command), "不是 hxdesk 的数据库")
    assert file_digest(db) == before and tables(db) == ["customers"]


def test_the_window_refuses_a_foreign_file_and_offers_the_newest_good_backup(good_db):
    """The GUI's opening (services.open_for_editing) makes the same check: DamagedDatabase with the backup."""
    made = services.make_backup(good_db)
    good_db.unlink()
    foreign_db(good_db)
    with pytest.raises(DamagedDatabase) as caught:
        services.open_for_editing(good_db)
    assert "不是 hxdesk 的数据库" in caught.value.message
    assert caught.value.backup is not None and caught.value.backup.path == made.path
    assert tables(good_db) == ["customers"]


def test_a_path_that_does_not_exist_yet_becomes_a_new_database(tmp_path):
    db = tmp_path / "新的.db"
    proc = run_cli("--db", str(db), "list", check=True)
    assert "还没有报告" in proc.stdout
    assert "reports" in tables(db)


# ------------------------------------------------------------------ B: full disk, read-only place


def fill(folder: Path) -> None:
    """Use up every free byte of the tmpfs at ``folder``."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


@needs_mount
@pytest.mark.parametrize("command", [["list"], ["new", "--sample"], ["render", "1", "-o", "OUT"]])
def test_a_full_disk_is_named_not_called_damage(good_db, tmp_path, command):
    with tmpfs(tmp_path / "full", "600k") as folder:
        db = folder / "h.db"
        shutil.copy(good_db, db)
        fill(folder)
        args = [str(tmp_path / "out.docx") if a == "OUT" else a for a in command]
        line = one_refusal(run_cli("--db", str(db), *args), "磁盘空间不足")
        assert not any(word in line for word in DAMAGE_WORDS), line
        (folder / "filler").unlink()
        assert "黄溪镇" in run_cli("--db", str(db), "list", check=True).stdout


def put_database(good_db: Path):
    def put(folder: Path) -> None:
        shutil.copy(good_db, folder / "h.db")

    return put


@needs_mount
def test_reading_commands_work_on_a_read_only_mount(good_db, tmp_path):
    with tmpfs(tmp_path / "ro", "2m", read_only_after=put_database(good_db)) as folder:
        db = str(folder / "h.db")
        assert "黄溪镇" in run_cli("--db", db, "list", check=True).stdout
        out = tmp_path / "out.docx"
        run_cli("--db", db, "render", "1", "-o", str(out), check=True)
        assert out.stat().st_size > 0
        run_cli("--db", db, "export", "1", "-o", str(tmp_path / "out.json"), check=True)
        assert "完整性检查：ok" in run_cli("--db", db, "check", check=True).stdout
        checked = run_cli("--db", db, "check", "1", "--json")
        assert checked.returncode in (0, 1) and checked.stdout.lstrip().startswith("[")
        run_cli("--db", db, "stats", "-o", str(tmp_path / "s.csv"), check=True)
        line = one_refusal(run_cli("--db", db, "new", "--sample"), "只读", "无法写入")
        assert not any(word in line for word in DAMAGE_WORDS), line
        assert sorted(p.name for p in folder.iterdir()) == ["h.db"]


@needs_mount
def test_a_read_only_database_file_is_read_and_not_written(good_db, tmp_path):
    """The file itself read-only (a bind mount stands for Windows' read-only attribute, which root ignores)."""
    subprocess.run(["mount", "--bind", str(good_db), str(good_db)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(good_db)], check=True)
        assert "黄溪镇" in run_cli("--db", str(good_db), "list", check=True).stdout
        line = one_refusal(run_cli("--db", str(good_db), "new", "--sample"), "只读", "无法写入")
        assert not any(word in line for word in DAMAGE_WORDS), line
        with pytest.raises(services.HxError) as caught:
            services.open_for_editing(good_db)
        assert "只读" in caught.value.message
    finally:
        subprocess.run(["umount", "-l", str(good_db)], check=False)
    assert len(run_cli("--db", str(good_db), "list", check=True).stdout.splitlines()) == 1


# ------------------------------------------------------------------ D: names, ids, pipes


def test_a_too_long_output_name_is_named(good_db, tmp_path):
    target = tmp_path / ("报" * 100 + ".docx")  # 300 bytes in UTF-8: beyond NAME_MAX
    one_refusal(run_cli("--db", str(good_db), "render", "1", "-o", str(target)), "文件名过长")
    target = tmp_path / ("a" * 300 + ".json")
    one_refusal(run_cli("--db", str(good_db), "export", "1", "-o", str(target)), "文件名过长")


@pytest.mark.parametrize("command", ["render", "export", "check"])
def test_a_huge_report_id_is_not_found(good_db, tmp_path, command):
    args = [command, "99999999999999999999999"] + ([] if command == "check" else ["-o", str(tmp_path / "x.docx")])
    one_refusal(run_cli("--db", str(good_db), *args), "找不到编号为 99999999999999999999999 的报告")


@pytest.mark.parametrize("command", [["list"], ["check", "1", "--json"], ["templates"]])
def test_a_closed_pipe_ends_quietly(good_db, command):
    """`hxdesk list | head -1`: the reader is gone before hxdesk writes; no message, no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    err = subprocess.run(
        [sys.executable, "-m", "hxdesk", "--db", str(good_db), *command],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
        timeout=120,
    )
    os.close(write_end)
    assert err.returncode in (0, 141), err.stderr
    assert err.stderr == ""
