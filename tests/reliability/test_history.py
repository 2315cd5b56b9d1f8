"""Section history and deleted sections in a real SQLite file."""

from __future__ import annotations

import sqlite3

import pytest

from hxdesk import history as hist
from hxdesk import interchange
from hxdesk.errors import InvalidInput
from hxdesk.model import Paragraph, Section
from hxdesk.store import Store


def first_text_section(report) -> Section:
    return next(s for s, _ in report.walk() if s.blocks and isinstance(s.blocks[0], Paragraph))


def test_each_save_after_a_pause_keeps_the_earlier_version(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    original = sec.blocks[0].text
    edits = []
    for i in range(3):
        clock.tick(120)
        sec.blocks[0].text = f"{original}（第{i + 1}次修改）"
        edits.append(sec.blocks[0].text)
        store.reports.save(rid, report)
    versions = store.versions.history(rid, sec.uid)
    assert [v.blocks[0].text for v in versions] == [edits[1], edits[0], original]
    assert versions[-1].saved_at < versions[-1].replaced_at
    assert all(not v.deleted for v in versions)
    assert store.reports.load(rid).find(sec.uid).blocks[0].text == edits[2]


def test_autosave_every_second_makes_one_version_a_minute(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    original = sec.blocks[0].text
    clock.tick(3600)
    for i in range(180):  # three minutes of typing, saved every second
        sec.blocks[0].text = original + "字" * (i + 1)
        clock.tick(1)
        store.reports.save(rid, report)
    versions = store.versions.history(rid, sec.uid)
    assert 3 <= len(versions) <= 4
    assert versions[-1].blocks[0].text == original


def test_unchanged_sections_keep_no_versions(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    clock.tick(120)
    sec.blocks[0].text += "改"
    store.reports.save(rid, report)
    others = [s.uid for s, _ in report.walk() if s.uid != sec.uid]
    assert all(store.versions.history(rid, uid) == [] for uid in others)


def test_wiping_a_section_by_mistake_is_kept_even_within_the_minute(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    full = sec.blocks[0].text
    assert len(full) > 40
    clock.tick(120)
    sec.blocks[0].text = full + "一"
    store.reports.save(rid, report)
    clock.tick(5)
    sec.blocks[0].text = ""  # select all, delete, autosave
    store.reports.save(rid, report)
    texts = [v.blocks[0].text for v in store.versions.history(rid, sec.uid)]
    assert texts[0] == full + "一"


def test_history_is_bounded(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    for i in range(hist.KEEP_VERSIONS + 15):
        clock.tick(61)
        sec.blocks[0].text = f"版本{i}"
        store.reports.save(rid, report)
    versions = store.versions.history(rid, sec.uid)
    assert len(versions) == hist.KEEP_VERSIONS
    assert versions[0].blocks[0].text == f"版本{hist.KEEP_VERSIONS + 13}"


def test_restore_a_version_and_undo_the_restore(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    original_heading, original_text = sec.heading, sec.blocks[0].text
    clock.tick(120)
    sec.heading = "改过的标题"
    sec.blocks[0].text = "改过的正文"
    store.reports.save(rid, report)
    old = store.versions.history(rid, sec.uid)[-1]
    clock.tick(1)  # within the coalescing minute: a restore still keeps what it replaces
    restored = store.reports.restore_version(rid, old.id)
    again = store.reports.load(rid).find(sec.uid)
    assert (again.heading, again.blocks[0].text) == (original_heading, original_text)
    assert restored.find(sec.uid).heading == original_heading
    newest = store.versions.history(rid, sec.uid)[0]
    assert (newest.heading, newest.blocks[0].text) == ("改过的标题", "改过的正文")


def test_restore_a_version_into_the_editors_model(store, sample, clock):
    """The GUI passes its in-memory report: other unsaved edits in it are saved too."""
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    original = sec.blocks[0].text
    clock.tick(120)
    sec.blocks[0].text = "新"
    store.reports.save(rid, report)
    report.title = "编辑器里尚未保存的标题"
    store.reports.restore_version(rid, store.versions.history(rid, sec.uid)[0].id, report)
    stored = store.reports.load(rid)
    assert stored.title == "编辑器里尚未保存的标题"
    assert stored.find(sec.uid).blocks[0].text == original


def test_deleted_section_with_children_comes_back_where_it_stood(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    parent = next(s for s in report.sections if s.children)
    index = report.sections.index(parent)
    victim = parent.children[2]
    victim.children.append(Section("新增的三级标题", [Paragraph("三级正文")]))
    store.reports.save(rid, report)
    before = interchange.dumps(store.reports.load(rid))
    clock.tick(10)
    del parent.children[2]
    store.reports.save(rid, report)
    assert store.reports.load(rid).find(victim.uid) is None
    deleted = store.versions.deleted(rid)
    assert [d.entry.section_uid for d in deleted] == [victim.uid]  # its child is listed under it
    assert [d.section_uid for d in deleted[0].descendants] == [victim.children[0].uid]
    assert deleted[0].heading == victim.heading and deleted[0].deleted_at == clock.now.isoformat()
    store.reports.restore_deleted(rid, deleted[0].id)
    after = store.reports.load(rid)
    assert interchange.dumps(after) == before
    assert after.sections[index].children[2].uid == victim.uid
    assert store.versions.deleted(rid) == []


def test_deleted_top_section_whose_neighbours_changed(store, sample, clock):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    first, second = report.sections[0], report.sections[1]
    del report.sections[1]
    store.reports.save(rid, report)
    report.sections.insert(0, Section("后来新增的一章", [Paragraph("正文")]))
    store.reports.save(rid, report)
    entry = store.versions.deleted(rid)[0]
    restored = store.reports.restore_deleted(rid, entry.id)
    uids = [s.uid for s in store.reports.load(rid).sections]
    assert uids.index(second.uid) == uids.index(first.uid) + 1  # after the sibling it followed
    assert restored.sections[uids.index(second.uid)].heading == second.heading


def test_deleted_sections_go_with_a_purged_report(store, sample, db_path):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    del report.sections[0]
    store.reports.save(rid, report)
    assert store.versions.deleted(rid)
    store.trash.purge(rid)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM section_versions").fetchone()[0] == 0
    conn.close()


def test_report_trash_round_trip(store, sample):
    rid = store.reports.add(sample)
    store.trash.move(rid)
    assert [s.id for s in store.trash.summaries()] == [rid]
    assert store.reports.summaries() == []
    store.trash.restore(rid)
    assert [s.id for s in store.reports.summaries()] == [rid]


def test_save_cleans_text_a_docx_cannot_hold(store, sample):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    sec = first_text_section(report)
    sec.blocks[0].text = "甲\x00乙\x0b丙\ud800丁😀\ufffe"
    sec.heading = "标题\x07"
    store.reports.save(rid, report)
    again = store.reports.load(rid).find(sec.uid)
    assert again.blocks[0].text == "甲乙丙丁😀"
    assert again.heading == "标题"


def test_save_refuses_what_could_not_be_loaded_again(store, sample):
    rid = store.reports.add(sample)
    before = interchange.dumps(store.reports.load(rid))
    report = store.reports.load(rid)
    report.sections[1].uid = report.sections[0].uid
    with pytest.raises(InvalidInput, match="无法保存"):
        store.reports.save(rid, report)
    report = store.reports.load(rid)
    report.year = 99999
    with pytest.raises(InvalidInput, match="年度"):
        store.reports.save(rid, report)
    assert interchange.dumps(store.reports.load(rid)) == before


def test_read_only_store_refuses_writes(db_path, sample):
    from hxdesk.store import DatabaseError

    with Store(db_path) as s:
        rid = s.reports.add(sample)
    with Store(db_path, write=False) as ro:
        assert ro.reports.load(rid).year == sample.year
        with pytest.raises(DatabaseError, match="只读"):
            ro.reports.save(rid, sample)
