"""The navigator's tree edits (pure model functions)."""

from __future__ import annotations

import pytest

from hxdesk import outline as structure
from hxdesk.model import Report, Section


def tree() -> Report:
    return Report(
        year=2024,
        sections=[
            Section("一", uid="a", children=[Section("一一", uid="a1")]),
            Section("二", uid="b"),
            Section("三", uid="c"),
        ],
    )


def headings(sections):
    return [(s.heading, headings(s.children)) for s in sections]


def test_add_insert_and_move():
    r = tree()
    new = structure.add_after(r, "a")
    assert [s.uid for s in r.sections] == ["a", new.uid, "b", "c"]
    first = structure.insert_before(r, "a")
    assert r.sections[0] is first
    child = structure.add_after(r, "a1")
    assert [s.uid for s in r.sections[1].children] == ["a1", child.uid]
    assert child.run_in  # below the first level headings are run-in, as in the sample
    assert structure.move(r, "c", -1)
    assert [s.uid for s in r.sections][-2:] == ["c", "b"]
    assert not structure.move(r, first.uid, -1)


def test_indent_outdent_keep_four_levels():
    r = tree()
    assert structure.indent(r, "b")  # b becomes the last child of a
    assert [s.uid for s in r.sections] == ["a", "c"]
    assert [s.uid for s in r.sections[0].children] == ["a1", "b"]
    assert structure.outdent(r, "b")
    assert [s.uid for s in r.sections] == ["a", "b", "c"]
    assert not structure.outdent(r, "a")
    # build four levels under a; a fifth is refused everywhere
    deepest = "a1"
    for _ in range(2):
        deepest = structure.add_child(r, deepest).uid
    assert structure.section_level(r, deepest) == 4
    assert structure.add_child(r, deepest) is None
    structure.add_after(r, deepest)
    sibling = r.sections[0].children[0].children[0].children[1].uid
    assert not structure.indent(r, sibling)  # would become level 5


def test_delete_and_unknown():
    r = tree()
    removed = structure.delete(r, "a")
    assert removed.children[0].uid == "a1"
    with pytest.raises(KeyError):
        structure.locate(r, "a1")


def test_distinct_headings_hides_the_opening_all_siblings_share():
    from hxdesk.outline import distinct_headings

    same = ["坚持在党的领导下，深化新时代法治政府“制度”建设。", "坚持在党的领导下，深化新时代“枫桥经验”。"]
    assert distinct_headings(same) == ["…法治政府“制度”建设。", "…“枫桥经验”。"]
    three = ["加强执法监督工作", "加强执法队伍建设", "加强执法人员培训"]
    assert distinct_headings(three) == ["…监督工作", "…队伍建设", "…人员培训"]


def test_distinct_headings_keeps_headings_that_differ_early_or_stand_alone():
    from hxdesk.outline import distinct_headings

    for headings in (
        ["努力抓好宣传工作。", "明确抓好重点任务。"],  # differ at once
        ["加强学习", "加强监督"],  # the shared opening is too short to hide
        ["坚持在党的领导下深化改革"],  # one heading: nothing to tell apart
        ["坚持依法行政", "坚持依法行政工作"],  # one is all prefix: hiding it would leave nothing
        [],
    ):
        assert distinct_headings(headings) == headings
