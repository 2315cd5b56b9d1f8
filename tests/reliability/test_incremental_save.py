"""A save writes only the rows that changed, and what it stores is what a full save of the same
report stores (real SQLite files, read back through a second connection and a fresh Store)."""

from __future__ import annotations

import copy
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import Clock

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.model import Figure, Paragraph, PointList, Report, Section
from hxdesk.store import Store


def rows(db_path: Path, sql: str) -> list[tuple]:
    """Rows read through a connection of their own (what is in the file, not in the Store's memory)."""
    conn = sqlite3.connect(str(db_path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def section_rows(db_path: Path, rid: int) -> dict[str, tuple]:
    return {
        r[0]: r[1:]
        for r in rows(db_path, f"SELECT uid, id, updated_at, position, blocks FROM sections WHERE report_id = {rid}")
    }


def figure_rows(db_path: Path, rid: int) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in rows(db_path, f"SELECT key, id, value, position FROM figures WHERE report_id = {rid}")}


def changes_of(store: Store, save) -> int:
    """How many rows ``save()`` inserted, updated or deleted (sqlite3's total_changes)."""
    before = store.conn.total_changes
    save()
    return store.conn.total_changes - before


def paragraph_section(report: Report, n: int = 0) -> Section:
    return [s for s, _ in report.walk() if s.blocks and isinstance(s.blocks[0], Paragraph)][n]


@pytest.fixture
def two_reports(store, sample, clock):
    """The sample twice in one file; returns the first one's id and the report loaded."""
    rid = store.reports.add(sample)
    store.reports.add(copy.deepcopy(sample))  # rows after this report's: a re-inserted row would get a new id
    clock.tick(120)
    return rid, store.reports.load(rid)


def test_typing_in_one_section_writes_the_report_row_that_section_and_its_version(store, db_path, two_reports, clock):
    rid, report = two_reports
    sections_before, figures_before = section_rows(db_path, rid), figure_rows(db_path, rid)
    sec = paragraph_section(report, 2)
    sec.blocks[0].text += "新增一句。"
    # the reports row (its time stamp), the section, and the version of its earlier text
    assert changes_of(store, lambda: store.reports.save(rid, report)) == 3
    sections_after = section_rows(db_path, rid)
    assert figure_rows(db_path, rid) == figures_before  # same ids: the figures were not deleted and re-inserted
    assert {u for u in sections_after if sections_after[u] != sections_before[u]} == {sec.uid}
    assert sections_after[sec.uid][1] == "2025-03-01T09:02:00"
    assert len(store.versions.history(rid, sec.uid)) == 1
    clock.tick(1)  # the next keystroke a second later: same version, so the section row only
    sec.blocks[0].text += "再加一句。"
    assert changes_of(store, lambda: store.reports.save(rid, report)) == 2


def test_a_save_without_changes_writes_the_report_row_only(store, two_reports):
    rid, report = two_reports
    before = section_rows(store.path, rid)
    assert changes_of(store, lambda: store.reports.save(rid, report)) == 1
    assert section_rows(store.path, rid) == before


def test_a_changed_figure_rewrites_its_own_row_only(store, db_path, two_reports):
    rid, report = two_reports
    before = figure_rows(db_path, rid)
    report.figures["leaflets"].value = Decimal("4200")
    store.reports.save(rid, report)
    after = figure_rows(db_path, rid)
    assert {k for k in after if after[k] != before[k]} == {"leaflets"}
    assert after["leaflets"] == (before["leaflets"][0], "4200", before["leaflets"][2])
    assert "4200" in Store(db_path, write=False).reports.load(rid).figures["leaflets"].value.to_eng_string()


def test_moving_a_section_updates_positions_not_contents(store, db_path, two_reports):
    rid, report = two_reports
    before = section_rows(db_path, rid)
    report.sections[0], report.sections[1] = report.sections[1], report.sections[0]
    store.reports.save(rid, report)
    after = section_rows(db_path, rid)
    moved = {u for u in after if after[u][2] != before[u][2]}
    assert moved  # both parts and everything under them moved
    for uid in after:
        assert after[uid][0] == before[uid][0]  # the same rows (ids)
        assert after[uid][1] == before[uid][1]  # no content changed: no new time stamp
        assert after[uid][3] == before[uid][3]
    assert [s.uid for s in Store(db_path, write=False).reports.load(rid).sections] == [s.uid for s in report.sections]


def test_text_cleaned_on_save_is_not_written_again(store, db_path, two_reports):
    rid, report = two_reports
    sec = paragraph_section(report)
    sec.blocks[0].text = "开头\x01中间\x0b结尾"  # characters a .docx cannot hold
    store.reports.save(rid, report)
    stored = Store(db_path, write=False).reports.load(rid).find(sec.uid)
    assert stored.blocks[0].text == "开头中间结尾"
    # the editor still holds the uncleaned text: the next save finds nothing new to write
    assert changes_of(store, lambda: store.reports.save(rid, report)) == 1


def test_a_refused_change_writes_nothing(store, db_path, two_reports):
    rid, report = two_reports
    before = rows(db_path, f"SELECT * FROM sections WHERE report_id = {rid}")
    paragraph = paragraph_section(report).blocks[0]
    text, paragraph.text = paragraph.text, "长" * 200_001
    with pytest.raises(InvalidInput, match="无法保存：.*文字过长"):
        store.reports.save(rid, report)
    paragraph.text = text + "改"
    report.sections.append(report.sections[0])  # the same section twice
    with pytest.raises(InvalidInput, match="章节标识重复"):
        store.reports.save(rid, report)
    assert rows(db_path, f"SELECT * FROM sections WHERE report_id = {rid}") == before


# --------------------------------------------------------------------- property: same as a full save

TEXTS = st.lists(
    st.sampled_from(list("法治政府建设，。；、（）一二abc 123{}_") + ["{{leaflets}}", "\x01", "\t", "\r\n", "\n"]),
    max_size=20,
).map("".join)


@st.composite
def edits(draw) -> list[tuple]:
    kinds = st.sampled_from(
        ["text", "heading", "points", "add", "delete", "move", "public", "flags", "figure", "new_figure", "drop_figure"]
    )
    return draw(
        st.lists(
            st.tuples(kinds, st.integers(0, 1000), st.integers(0, 1000), TEXTS, st.decimals("0", "99999", places=2)),
            min_size=1,
            max_size=6,
        )
    )


def apply(report: Report, edit: tuple) -> None:
    # long: one branch per kind of edit the editor can make
    kind, a, b, text, number = edit
    flat = [s for s, _ in report.walk()]
    sec = flat[a % len(flat)] if flat else None
    if kind == "text" and sec is not None:
        sec.blocks = [Paragraph(text)] + sec.blocks[1:]
    elif kind == "heading" and sec is not None:
        sec.heading = text
    elif kind == "points" and sec is not None:
        sec.blocks.append(PointList(items=[text, text[::-1]], lead=text[:3], inline=bool(b % 2)))
    elif kind == "add":
        new = Section(heading=text, blocks=[Paragraph(text)])
        if sec is not None and b % 2:
            sec.children.insert(b % (len(sec.children) + 1), new)
        else:
            report.sections.insert(b % (len(report.sections) + 1), new)
    elif kind == "delete" and sec is not None:
        for s, _ in list(report.walk()):
            if sec in s.children:
                s.children.remove(sec)
        if sec in report.sections:
            report.sections.remove(sec)
    elif kind == "move" and len(report.sections) > 1:
        moved = report.sections.pop(a % len(report.sections))
        report.sections.insert(b % (len(report.sections) + 1), moved)
    elif kind == "public" and sec is not None:
        sec.public = not sec.public
    elif kind == "flags" and sec is not None:
        sec.run_in, sec.numbered = bool(b % 2), bool(b // 2 % 2)
    elif kind == "figure" and report.figures:
        fig = list(report.figures.values())[a % len(report.figures)]
        fig.value = None if b % 5 == 0 else number  # places=2 gives 1.50 as well as 1.5
        fig.label = text if b % 3 == 0 else fig.label
    elif kind == "new_figure":
        key = f"added_{a}"
        report.figures[key] = Figure(key, text, number, "件")
    elif kind == "drop_figure" and report.figures:
        del report.figures[list(report.figures)[a % len(report.figures)]]
    report.official.cc = [text] if kind == "heading" and b % 4 == 0 else report.official.cc


STORED = (
    "SELECT uid, parent_uid, position, heading, run_in, numbered, blocks, public FROM sections ORDER BY position",
    "SELECT key, position, label, value, unit, qualifier, formula, decimals, at_most, kind, review, style "
    "FROM figures ORDER BY position",
    "SELECT uid, name, template, year, title, issuers, addressee, intro, signatures, date, predecessor_uid, official "
    "FROM reports",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(edits(), min_size=1, max_size=4))
def test_saves_after_random_edits_store_what_a_full_save_stores(sample, steps):
    with tempfile.TemporaryDirectory() as tmp:
        path, full_path = Path(tmp) / "a.db", Path(tmp) / "full.db"
        clock = Clock()
        with Store(path) as store:
            store.clock = clock
            rid = store.reports.add(copy.deepcopy(sample))
            report = store.reports.load(rid)
            for step in steps:
                for edit in step:
                    apply(report, edit)
                clock.tick(7)
                store.reports.save(rid, report)
        # the reference: the same report written whole into a file of its own
        with Store(full_path) as full:
            full_id = full.reports.add(copy.deepcopy(report))
            expected = full.reports.load(full_id)
        with Store(path, write=False) as reopened:
            got = reopened.reports.load(rid)
        assert got == expected
        assert list(got.figures) == list(expected.figures)
        assert [(s.uid, p) for s, p in got.walk()] == [(s.uid, p) for s, p in expected.walk()]
        # row for row, not only as load() reads them back (it would clean what a save left uncleaned)
        for sql in STORED:
            assert rows(path, sql) == rows(full_path, sql)


def test_the_property_test_edits_reach_every_kind(sample):
    """The strategy's edits do change the report (the property above is not vacuous)."""
    report = copy.deepcopy(sample)
    before = copy.deepcopy(report)
    for kind in ("text", "heading", "add", "delete", "move", "public", "figure", "new_figure", "drop_figure"):
        apply(report, (kind, 3, 5, "改动", Decimal("1.50")))
    assert report != before
    assert services.sample_report() == before
