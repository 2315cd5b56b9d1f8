"""Upgrading databases made by every released schema version (tests/fixtures)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from hxdesk import backup, interchange, services
from hxdesk.store import SCHEMA_VERSION, DatabaseError, Store
from hxdesk.store.migrations import NAMES, migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VERSIONS = sorted(int(m[1]) for p in FIXTURES.glob("schema_v*.db") if (m := re.fullmatch(r"schema_v(\d+)\.db", p.name)))


def test_there_is_a_fixture_for_every_schema_version():
    assert VERSIONS == list(range(1, SCHEMA_VERSION + 1))


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_upgrade_keeps_every_report(tmp_path, version):
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / f"schema_v{version}.db", db)
    expected = json.loads((FIXTURES / f"schema_v{version}.expected.json").read_text(encoding="utf-8"))
    assert user_version(db) == version
    with services.open_checked(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.integrity_check() == "ok"
        for rid, data in expected["reports"].items():
            assert json.loads(interchange.dumps(store.load(int(rid)))) == data
        assert [s.id for s in store.list_reports(deleted=True)] == expected["trashed"]
        for key, value in expected["settings"].items():
            assert store.get_setting(key) == value
        applied = [m.name for m in migrations.applied(store.db)]
        assert applied == NAMES
        # The upgraded database works: edit, history, delete, restore.
        rid = int(next(iter(expected["reports"])))
        report = store.load(rid)
        sec = next(s for s, _ in report.walk() if s.blocks)
        sec.heading += "（升级后修改）"
        store.save(rid, report)
        assert store.section_history(rid, sec.uid)
    upgrades = [b for b in backup.list_backups(db) if b.kind == backup.KIND_UPGRADE]
    if version < SCHEMA_VERSION:
        # Backed up before the upgrade, as it was: the old schema, verified.
        assert len(upgrades) == 1 and upgrades[0].note == f"v{version}"
        assert backup.verify_backup(upgrades[0].path)
        assert user_version(upgrades[0].path) == version
        assert "升级前备份" in upgrades[0].label
    else:
        assert upgrades == []


@pytest.mark.parametrize("version", VERSIONS)
def test_cli_reads_an_old_database(tmp_path, version):
    from support import run_cli

    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / f"schema_v{version}.db", db)
    listed = run_cli("list", "--db", str(db), check=True)
    assert "黄溪镇" in listed.stdout
    assert user_version(db) == SCHEMA_VERSION


def test_a_newer_database_is_refused_untouched(tmp_path):
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / f"schema_v{SCHEMA_VERSION}.db", db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="更新版本"):
        Store(db)
    assert db.read_bytes() == before


def test_an_interrupted_upgrade_is_finished_on_the_next_open(tmp_path):
    """If the process died between the last migration and PRAGMA user_version, the next open repairs it."""
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    from sqlite_utils import Database

    d = Database(db)
    migrations.apply(d)  # all migrations recorded, user_version left at 1
    d.conn.close()
    assert user_version(db) == 1
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.load(1).year == 2024


def test_building_the_v1_schema_from_m001_alone_matches_the_fixture(tmp_path):
    """The v1 fixture really is what m001 makes (guards against editing m001)."""
    from sqlite_utils import Database

    made = Database(tmp_path / "m001.db")
    migrations.apply(made, stop_before=NAMES[1])
    fixture = Database(FIXTURES / "schema_v1.db")

    def schema(db: Database) -> list[tuple[str, str]]:
        return sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())

    assert schema(made) == schema(fixture)
    made.conn.close()
    fixture.conn.close()
