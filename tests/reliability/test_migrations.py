"""Upgrading databases made by every released schema version (tests/fixtures)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from hxdesk import history, interchange, services
from hxdesk.figures import section_figure_keys
from hxdesk.store import SCHEMA_VERSION, DatabaseError, Store, backup
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


def as_read_now(document: dict) -> dict:
    return json.loads(interchange.dumps(interchange.report_from_dict(document)))


@pytest.mark.parametrize("version", VERSIONS)
def test_upgrade_keeps_every_report(tmp_path, version):
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / f"schema_v{version}.db", db)
    expected = json.loads((FIXTURES / f"schema_v{version}.expected.json").read_text(encoding="utf-8"))
    assert user_version(db) == version
    with services.open_for_editing(db) as ws:  # as the GUI opens it: checked, backed up, upgraded
        assert ws.schema_version() == SCHEMA_VERSION
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        for rid, data in expected["reports"].items():
            # An older release wrote fewer fields: what it wrote, read as a file of that release
            # would be read now (defaults for the fields added since), is what the upgrade gives.
            assert json.loads(interchange.dumps(store.reports.load(int(rid)))) == as_read_now(data)
        assert [s.id for s in store.trash.summaries()] == expected["trashed"]
        for key, value in expected["settings"].items():
            assert store.settings.get(key) == value
        applied = [m.name for m in migrations.applied(store.db)]
        assert applied == NAMES
        # Every kept version is still there; those kept before schema 3 recorded no figures.
        ids = [i for (i,) in store.conn.execute("SELECT id FROM section_versions ORDER BY id")]
        kept = [store.versions.version(i) for i in ids]
        if "versions" in expected:
            assert [
                {
                    "id": v.id,
                    "section_uid": v.section_uid,
                    "deleted": v.deleted,
                    "figures": None if v.figures is None else json.loads(history.figures_to_stored(v.figures)),
                }
                for v in kept
            ] == expected["versions"]
        else:
            assert bool(kept) == (version >= 2) and all(v.figures is None for v in kept)
        for old in [v for v in kept if v.figures is None and not v.deleted][:1]:
            figures = store.reports.load(old.report_id).figures
            store.reports.restore_version(old.report_id, old.id)  # "no figures recorded": left as they are
            assert store.reports.load(old.report_id).figures == figures
        # The upgraded database works: edit, history, delete, restore.
        rid = int(next(iter(expected["reports"])))
        report = store.reports.load(rid)
        sec = next(s for s, _ in report.walk() if s.blocks)
        sec.heading += "（升级后修改）"
        store.reports.save(rid, report)
        assert store.versions.history(rid, sec.uid)
        # A figure change keeps a version of the section using it, and a restore brings the value back.
        report = store.reports.load(rid)
        fig = report.figures["petitions_received"]
        used_by = next(s for s, _ in report.walk() if fig.key in section_figure_keys(s, report.figures))
        before, fig.value = fig.value, fig.value + 100
        store.reports.save(rid, report)
        newest = store.versions.history(rid, used_by.uid)[0]
        assert {f.key: f.value for f in newest.figures or []}[fig.key] == before
        store.reports.restore_version(rid, newest.id)
        assert store.reports.load(rid).figures[fig.key].value == before
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
        assert s.reports.load(1).year == 2024


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


@pytest.mark.parametrize("version", VERSIONS)
def test_the_first_migrations_build_each_fixtures_schema(tmp_path, version):
    """Migrations up to N make what schema_vN.db holds (a released migration was not edited)."""
    from sqlite_utils import Database

    made = Database(tmp_path / "made.db")
    migrations.apply(made, stop_before=NAMES[version] if version < len(NAMES) else None)
    fixture = Database(FIXTURES / f"schema_v{version}.db")
    query = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
    try:
        assert sorted(made.execute(query).fetchall()) == sorted(fixture.execute(query).fetchall())
    finally:
        made.conn.close()
        fixture.conn.close()


def test_a_schema_3_database_gets_the_year_over_year_fields_with_their_defaults(tmp_path):
    """m004: no report has a predecessor yet, every figure is yearly, flagged for nothing, a plain number."""
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / "schema_v3.db", db)
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        columns = {t: [r[1] for r in store.conn.execute(f"PRAGMA table_info({t})")] for t in ("reports", "figures")}
        assert "predecessor_uid" in columns["reports"]
        assert {"kind", "review", "style"} <= set(columns["figures"])
        rows = store.conn.execute("SELECT kind, review, style FROM figures").fetchall()
        assert len(rows) > 30 and {tuple(r) for r in rows} == {("yearly", "", "")}
        assert [tuple(r) for r in store.conn.execute("SELECT predecessor_uid FROM reports")] == [(None,)] * 3
        report = store.reports.load(1)
        assert report.predecessor_uid is None
        assert {(f.kind, f.review, f.style) for f in report.figures.values()} == {("yearly", "", "")}
        # ... and keeps what is set now.
        report.predecessor_uid = store.reports.load(2).uid
        report.figures["enforcement_teams"].kind = "standing"
        report.figures["enforcement_teams"].review = "confirm"
        report.figures["petitions_received"].review = "update"
        report.figures["petition_close_rate"].style = "yoy_percent"
        store.reports.save(1, report)
    with Store(db) as store:
        again = store.reports.load(1)
    assert again == report
    assert again.predecessor_uid == report.predecessor_uid
    fig = again.figures["enforcement_teams"]
    assert (fig.kind, fig.review) == ("standing", "confirm")
    assert again.figures["petitions_received"].review == "update"
    assert again.figures["petition_close_rate"].style == "yoy_percent"


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 7])
def test_the_annotations_of_each_report_survive_upgrades(tmp_path, version):
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / f"schema_v{version}.db", db)
    expected = json.loads((FIXTURES / f"schema_v{version}.expected.json").read_text(encoding="utf-8"))
    from hxdesk.store.annotations import Annotations

    with Store(db) as store:
        rows = Annotations(store)
        for uid, kept in expected["annotations"].items():
            notes = [[n.part, n.section_uid, n.place, n.text] for _, n in rows.import_notes(uid)]
            assert notes == kept["import_notes"]
            assert sorted(rows.dismissed_findings(uid)) == kept["dismissed"]


def test_schema_7_moves_the_notes_and_dismissed_findings_out_of_settings(tmp_path):
    """Schema 6 kept them as JSON in settings under the report's uid; purging a report left them behind."""
    db = tmp_path / "hxdesk.db"
    shutil.copy(FIXTURES / "schema_v6.db", db)
    conn = sqlite3.connect(db)
    uid, section_uid = conn.execute(
        "SELECT r.uid, s.uid FROM reports r JOIN sections s ON s.report_id = r.id WHERE r.id = 2 ORDER BY s.position"
    ).fetchone()
    placed = [
        {"target": ["section", section_uid], "text": "一、第1段：1 个半角标点改为全角。"},
        {"target": ["title"], "text": "标题：已拆为两行。"},
        {"target": ["intro"], "text": "正文开头第1段：已作为正文导入。"},
        "not a note",
    ]
    rows = [
        (f"import_notes:{uid}", json.dumps(placed, ensure_ascii=False)),
        (f"dismissed_findings:{uid}", json.dumps(["rule|a|0|None|x", 3], ensure_ascii=False)),
        ("import_notes:no-such-report", json.dumps(placed[:1], ensure_ascii=False)),
        (f"dismissed_findings:{uid}-broken", "{not json"),
    ]
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", rows)
    conn.commit()
    conn.close()
    with services.open_workspace(db) as ws:
        report = ws.reports.load(2)
        notes = ws.annotations
        assert notes.import_notes(report, ("section", section_uid)) == ["一、第1段：1 个半角标点改为全角。"]
        assert notes.import_notes(report, ("title",)) == ["标题：已拆为两行。"]
        assert notes.import_notes(report, ("intro",)) == ["正文开头第1段：已作为正文导入。"]
        assert notes.dismissed_findings(uid) == {"rule|a|0|None|x"}
        assert ws.settings.get(f"import_notes:{uid}") is None
        assert ws.settings.get("import_notes:no-such-report") is None
