"""The SQLite store and the JSON interchange format, on real files."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from support import custom_report, full_official

from hxdesk import interchange, services
from hxdesk.errors import InvalidInput, NotFound
from hxdesk.render import paragraph_texts
from hxdesk.store import SCHEMA_VERSION, Store


def unset_fields(report) -> set[str]:
    """The model fields (as Class.field) that no object in ``report`` sets to other than the default."""
    from hxdesk.model import PointList

    objects = [report, *report.intro, *report.figures.values(), report.official, *report.official.attachments]
    for section, _ in report.walk():
        objects += [section, *section.blocks]
    seen: dict[type, set[str]] = {}
    for obj in objects:
        names = seen.setdefault(type(obj), set())
        for f in dataclasses.fields(obj):
            if not f.init or not f.compare:
                continue  # Paragraph.kind, PointList.kind: constants; Report.predecessor: attached, not stored
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()  # a fresh uid never equals the one held
            else:
                default = type(getattr(obj, f.name))()  # required: "", [] count as unset
            if getattr(obj, f.name) != default:
                names.add(f.name)
    assert PointList in seen, "the report holds no point list"
    return {
        f"{cls.__name__}.{f.name}"
        for cls, names in seen.items()
        for f in dataclasses.fields(cls)
        if f.init and f.compare and f.name not in names
    }


def every_field_report():
    """The custom report with every field of every model class set somewhere, so a
    round trip that drops or alters any field shows up."""
    report = custom_report()
    report.name = "青山镇年度报告（测试）"
    report.sections[0].children[5].blocks[0].inline = False
    report.predecessor_uid = "last-years-report"
    report.figures["trainees"].kind = "standing"
    report.figures["trainees"].review = "confirm"
    report.figures["visits"].review = "update"
    report.figures["close_rate"].style = "yoy_percent"
    report.official = full_official()
    report.official.attachments[0].table = [["类别", "件数"], ["行政复议", "1件"]]
    report.sections[1].public = False
    assert unset_fields(report) == set()  # a new model field: set it here too
    return report


def test_store_round_trips_every_field(store):
    """What is loaded equals what was added, field by field (dataclass equality, not
    a comparison of two exports that could both leave the same field out)."""
    for report in (services.sample_report(), custom_report(), every_field_report()):
        rid = store.reports.add(report)
        loaded = store.reports.load(rid)
        assert loaded == report
        assert paragraph_texts(loaded) == paragraph_texts(report)


def test_store_file_settings(store, db_path):
    assert store.journal_mode == "wal"
    assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Foreign keys: purging a report removes its sections and figures.
    rid = store.reports.add(services.sample_report())
    store.trash.purge(rid)
    assert store.conn.execute("SELECT count(*) FROM sections").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM figures").fetchone()[0] == 0


def test_save_replaces_content_in_one_transaction(store):
    report = services.sample_report()
    rid = store.reports.add(report)
    report.sections[0].children[0].heading = "改过的标题。"
    report.figures["regulation_drafts"].value = report.figures["regulation_drafts"].value + 1
    store.reports.save(rid, report)
    again = store.reports.load(rid)
    assert again.sections[0].children[0].heading == "改过的标题。"
    assert str(again.figures["regulation_drafts"].value) == "7"
    # A failing write leaves the previous content intact.
    bad = services.sample_report()
    bad.sections.append(bad.sections[0])  # a repeated section id cannot be stored
    with pytest.raises(InvalidInput):
        store.reports.save(rid, bad)
    assert store.reports.load(rid).sections[0].children[0].heading == "改过的标题。"


def test_trash_and_unknown_ids(store):
    rid = store.reports.add(services.sample_report())
    store.trash.move(rid)
    assert store.reports.summaries() == [] and [s.id for s in store.trash.summaries()] == [rid]
    store.trash.restore(rid)
    assert [s.id for s in store.reports.summaries()] == [rid]
    with pytest.raises(NotFound):
        store.reports.load(999)


def test_same_uid_twice_gets_a_fresh_uid(store):
    a = store.reports.add(services.sample_report())
    b = store.reports.add(services.sample_report())
    assert store.reports.load(a).uid != store.reports.load(b).uid


def test_a_newer_schema_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(services.HxError) as info:
        Store(db_path)
    assert "更新版本" in info.value.message


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(services.HxError) as info:
        Store(path)
    assert "hxdesk 数据库" in info.value.message or "损坏" in info.value.message
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_interchange_round_trip_is_lossless():
    """loads(dumps(r)) equals r field by field, so a field dumps leaves out is seen
    (comparing dumps with dumps would not see it); the text itself is stable too."""
    for report in (services.sample_report(), custom_report(), every_field_report()):
        text = interchange.dumps(report)
        again = interchange.loads(text)
        assert again == report
        assert interchange.dumps(again) == text


@pytest.mark.parametrize(
    "mutate, needle",
    [
        (lambda d: d.update(version=99), "请升级"),
        (lambda d: d.pop("format"), "不是 hxdesk 报告文件"),
        (lambda d: d["report"].update(year="2024"), "年度"),
        (lambda d: d["report"]["figures"][0].update(value="abc"), "不是有效的数字"),
        (lambda d: d["report"]["figures"][0].update(value="-5"), "超出范围"),
        (lambda d: d["report"]["figures"][0].update(qualifier="大约"), "限定词"),
        (
            lambda d: d["report"]["sections"][0].update(
                children=[
                    {
                        "heading": "x",
                        "children": [{"heading": "y", "children": [{"heading": "z", "children": [{"heading": "w"}]}]}],
                    }
                ]
            ),
            "层级",
        ),
        (lambda d: d["report"]["intro"].append({"type": "table"}), "paragraph"),
        (lambda d: d["report"]["figures"].append(dict(d["report"]["figures"][0])), "重复"),
        (lambda d: d["report"].update(date="2025-13-40"), "YYYY-MM-DD"),
        (lambda d: d["report"]["figures"][0].update(kind="monthly"), "figures[0].kind"),
        (lambda d: d["report"]["figures"][0].update(kind=None), "figures[0].kind"),
        (lambda d: d["report"]["figures"][0].update(review="later"), "figures[0].review"),
        (lambda d: d["report"]["figures"][0].update(style="yoy"), "figures[0].style"),
        (lambda d: d["report"].update(predecessor_uid="../x"), "predecessor_uid"),
        (lambda d: d["report"].update(predecessor_uid=7), "predecessor_uid"),
    ],
)
def test_malformed_interchange_is_refused_in_chinese(mutate, needle):
    data = interchange.report_to_dict(services.sample_report())
    mutate(data)
    with pytest.raises(InvalidInput) as info:
        interchange.report_from_dict(data)
    assert needle in info.value.message


def test_a_file_written_before_the_year_over_year_fields_loads_with_their_defaults():
    """A version-1 file of the first release (no predecessor_uid, kind, review, style) still loads."""
    old = {
        "format": "hxdesk-report",
        "version": 1,
        "report": {
            "uid": "old-file",
            "year": 2023,
            "issuers": ["某镇人民政府"],
            "sections": [{"heading": "一节", "blocks": [{"type": "paragraph", "text": "受理{{n}}。"}]}],
            "figures": [{"key": "n", "label": "受理", "value": "5", "unit": "件"}],
        },
    }
    report = interchange.report_from_dict(old)
    assert report.predecessor_uid is None
    fig = report.figures["n"]
    assert (fig.kind, fig.review, fig.style) == ("yearly", "", "")
    written = interchange.report_to_dict(report)
    assert written["version"] == 1 and written["report"]["predecessor_uid"] is None
    assert {k: written["report"]["figures"][0][k] for k in ("kind", "review", "style")} == {
        "kind": "yearly",
        "review": "",
        "style": "",
    }


def test_a_report_cannot_be_its_own_predecessor():
    data = interchange.report_to_dict(services.sample_report())
    data["report"]["predecessor_uid"] = data["report"]["uid"]
    assert interchange.report_from_dict(data).predecessor_uid is None


def test_interchange_cleans_xml_illegal_characters():
    data = interchange.report_to_dict(services.sample_report())
    data["report"]["intro"][0]["text"] = "前\x00言\x07\ud800文"
    report = interchange.report_from_dict(data)
    assert report.intro[0].text == "前言文"


def test_interchange_bad_json_and_deep_nesting(tmp_path):
    with pytest.raises(InvalidInput):
        interchange.loads("{not json")
    with pytest.raises(InvalidInput):
        interchange.loads("[" * 100000 + "]" * 100000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (interchange.MAX_FILE_BYTES + 1))
    with pytest.raises(InvalidInput) as info:
        interchange.read_file(big)
    assert "过大" in info.value.message


def test_templates_are_valid_and_listed():
    names = [t.name for t in services.list_templates()]
    assert names[:2] == ["standard", "sample"]
    std = services.new_from_template("standard", 2025, "某某街道办事处")
    assert std.issuers == ["某某街道办事处"] and std.signatures == ["某某街道办事处"]
    headings = [s.heading for s in std.sections]
    assert headings[0] == "{{year}}年度推进法治政府建设的主要举措和成效"
    assert "其他需要报告的情况" in headings
    with pytest.raises(NotFound):
        services.load_template("../etc/passwd")


def test_roll_over_starts_next_year_from_this_year():
    this = services.sample_report()
    nxt = services.roll_over(this)
    assert nxt.year == 2025 and nxt.date is None
    texts = paragraph_texts(nxt)
    assert texts[1] == "2025年度法治政府建设报告"
    assert any(t.startswith("三、2026年工作措施") for t in texts)
    assert all(f.value is None for f in nxt.figures.values() if not f.derived and f.kind == "yearly")
    assert any("【待填：" in t for t in texts)
    assert {s.uid for s, _ in nxt.walk()}.isdisjoint({s.uid for s, _ in this.walk()})
    assert json.loads(interchange.dumps(this))  # the original is untouched
    assert this.year == 2024


def test_report_list_is_read_without_sqlite_utils(tmp_path):
    """The way to the report list (the GUI's start) reads with plain SQL; sqlite-utils
    loads on the first write, which then works as always."""
    db = tmp_path / "start.db"
    with Store(db) as first:  # creates the schema (migrations: sqlite-utils)
        first.reports.add(services.sample_report())
    code = (
        "import sys\n"
        "from hxdesk import services\n"
        f"ws = services.open_for_editing({str(db)!r})\n"
        "ws.reports.ensure_sample()\n"
        "names = [r.name for r in ws.reports.summaries()]\n"
        "print('before', 'sqlite_utils' in sys.modules, len(names))\n"
        "rid = ws.reports.summaries()[0].id\n"
        "report = ws.reports.load(rid)\n"
        "report.title = '改过的标题'\n"
        "ws.reports.save(rid, report)\n"
        "print('after', 'sqlite_utils' in sys.modules, ws.reports.load(rid).title)\n"
        "ws.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "HXDESK_DATA_DIR": str(tmp_path)},
    )
    assert out.stdout.splitlines() == ["before False 1", "after True 改过的标题"]
