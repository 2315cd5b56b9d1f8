"""No output of the program lands on the database, its journals, its lock file or its backups
(issue 26, item 1): the real CLI, with the file named directly, through a symbolic link, a hard
link, and another spelling of the path."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from support import run_cli

from hxdesk.store import Store

REFUSED = "请另选"


def digest(folder: Path) -> dict[str, str]:
    """The database and its backups by content (the -wal and -shm come and go with every open)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.fixture
def db(tmp_path, sample) -> Path:
    path = tmp_path / "data" / "h.db"
    with Store(path) as s:
        s.reports.add(sample)
    run_cli("--db", str(path), "backup", check=True)
    return path


def refused(db: Path, *args: str) -> None:
    before = digest(db.parent)
    proc = run_cli("--db", str(db), *args)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hxdesk：") and REFUSED in lines[0], proc.stderr
    assert digest(db.parent) == before
    listed = run_cli("--db", str(db), "list", check=True)
    assert "黔江区黄溪镇人民政府" in listed.stdout


def test_export_onto_the_database_itself(db):
    refused(db, "export", "1", "-o", str(db))


def test_export_onto_the_database_by_another_spelling(db, monkeypatch):
    refused(db, "export", "1", "-o", str(db.parent / "." / ".." / "data" / "h.db"))


def test_export_through_a_symbolic_link_to_the_database(db):
    link = db.parent.parent / "report.json"
    link.symlink_to(db)
    refused(db, "export", "1", "-o", str(link))


def test_export_onto_a_hard_link_to_the_database(db):
    link = db.parent.parent / "copy.json"
    os.link(db, link)
    refused(db, "export", "1", "-o", str(link))


@pytest.mark.parametrize("tail", ["-wal", "-shm", "-journal", ".lock"])
def test_export_onto_the_databases_companion_files(db, tail):
    refused(db, "export", "1", "-o", str(db) + tail)


def test_export_onto_a_backup_and_into_the_backups_folder(db):
    backup_file = next((db.parent / "backups").glob("h-*.db"))
    refused(db, "export", "1", "-o", str(backup_file))
    refused(db, "export", "1", "-o", str(db.parent / "backups" / "new.json"))
    link = db.parent.parent / "old.json"
    os.link(backup_file, link)  # a hard link elsewhere to a backup
    refused(db, "export", "1", "-o", str(link))


def test_render_docx_and_pdf_onto_the_database(db):
    docx = db.parent.parent / "report.docx"
    docx.symlink_to(db)
    refused(db, "render", "1", "-o", str(docx))
    pdf = db.parent.parent / "report.pdf"
    pdf.symlink_to(db)
    refused(db, "render", "1", "--engine", "rdocx", "-o", str(pdf))


def test_stats_onto_the_database(db):
    for name in ("stats.xlsx", "stats.csv"):
        link = db.parent.parent / name
        link.symlink_to(db)
        refused(db, "stats", "-o", str(link))


def test_other_files_beside_the_database_are_still_written(db):
    """The guard refuses the database's files only: a file beside it is written as before."""
    out = db.parent / "h.json"
    done = run_cli("--db", str(db), "export", "1", "-o", str(out), check=True)
    assert out.read_text(encoding="utf-8").startswith("{") and str(out) in done.stdout


def test_render_of_the_sample_never_replaces_the_default_database(tmp_path, sample):
    """`render --sample` opens no database, yet its output must not land on one: the default database
    (in the data folder), a backup copied elsewhere, another hxdesk database."""
    data = tmp_path / "appdata"
    default = data / "hxdesk.db"
    with Store(default) as s:
        s.reports.add(sample)
    env = {"HXDESK_DATA_DIR": str(data)}
    run_cli("backup", env=env, check=True)
    elsewhere = tmp_path / "copy-of-backup.db"
    elsewhere.write_bytes(next((data / "backups").iterdir()).read_bytes())
    renamed = tmp_path / "报告.docx"  # a database a clerk renamed, or a download mislabelled
    renamed.write_bytes(default.read_bytes())
    for target, args in (
        (renamed, ("render", "--sample", "-o", str(renamed))),
        (elsewhere, ("--db", str(default), "export", "1", "-o", str(elsewhere))),
    ):
        before = target.read_bytes()
        proc = run_cli(*args, env=env)
        assert proc.returncode == 1 and "数据库文件" in proc.stderr, proc.stdout + proc.stderr
        assert target.read_bytes() == before
    assert "还没有报告" not in run_cli("list", env=env, check=True).stdout
