"""Edits of the section tree (add, insert, delete, move, indent, outdent).

Pure functions on the model, kept apart from the widgets so that the rules
(at most four levels, where a section goes when it is outdented) are in one place.
"""

from __future__ import annotations

from .model import MAX_LEVEL, Report, Section, section_depth


def locate(report: Report, uid: str) -> tuple[list[Section], int, int, Section | None]:
    """(the list holding the section, its index, its level, its parent or None)."""

    Place = tuple[list[Section], int, int, Section | None]

    def rec(sections: list[Section], level: int, parent: Section | None) -> Place | None:
        for i, s in enumerate(sections):
            if s.uid == uid:
                return sections, i, level, parent
            found = rec(s.children, level + 1, s)
            if found:
                return found
        return None

    found = rec(report.sections, 1, None)
    if found is None:
        raise KeyError(uid)
    return found


def section_level(report: Report, uid: str) -> int:
    """1 for a part (一、), 2 for （一）, and so on."""
    return locate(report, uid)[2]


def new_section(level: int) -> Section:
    """An empty section; headings below level 1 are run-in by default, as in the sample."""
    return Section(heading="", run_in=level >= 2)


def add_after(report: Report, uid: str | None) -> Section:
    """A new sibling after ``uid`` (at the end of the first level when None)."""
    if uid is None:
        section = new_section(1)
        report.sections.append(section)
        return section
    siblings, i, level, _ = locate(report, uid)
    section = new_section(level)
    siblings.insert(i + 1, section)
    return section


def insert_before(report: Report, uid: str | None) -> Section:
    if uid is None:
        section = new_section(1)
        report.sections.insert(0, section)
        return section
    siblings, i, level, _ = locate(report, uid)
    section = new_section(level)
    siblings.insert(i, section)
    return section


def can_add_child(report: Report, uid: str) -> bool:
    return section_level(report, uid) < MAX_LEVEL


def add_child(report: Report, uid: str) -> Section | None:
    siblings, i, level, _ = locate(report, uid)
    if level >= MAX_LEVEL:
        return None
    section = new_section(level + 1)
    siblings[i].children.append(section)
    return section


def delete(report: Report, uid: str) -> Section:
    siblings, i, _, _ = locate(report, uid)
    return siblings.pop(i)


def can_move(report: Report, uid: str, step: int) -> bool:
    siblings, i, _, _ = locate(report, uid)
    return 0 <= i + step < len(siblings)


def move(report: Report, uid: str, step: int) -> bool:
    """Move among siblings by ``step`` (-1 up, +1 down)."""
    siblings, i, _, _ = locate(report, uid)
    j = i + step
    if not 0 <= j < len(siblings):
        return False
    siblings[i], siblings[j] = siblings[j], siblings[i]
    return True


def can_indent(report: Report, uid: str) -> bool:
    siblings, i, level, _ = locate(report, uid)
    return i > 0 and level + section_depth(siblings[i]) <= MAX_LEVEL


def indent(report: Report, uid: str) -> bool:
    """Make the section the last child of its previous sibling (one level deeper)."""
    if not can_indent(report, uid):
        return False
    siblings, i, _, _ = locate(report, uid)
    section = siblings.pop(i)
    siblings[i - 1].children.append(section)
    return True


def can_outdent(report: Report, uid: str) -> bool:
    return locate(report, uid)[3] is not None


def outdent(report: Report, uid: str) -> bool:
    """Move the section out of its parent, right after the parent (one level up)."""
    siblings, i, _, parent = locate(report, uid)
    if parent is None:
        return False
    outer, j, _, _ = locate(report, parent.uid)
    section = siblings.pop(i)
    outer.insert(j + 1, section)
    return True


#: A shared opening shorter than this is not worth hiding.
MIN_SHARED_PREFIX = 4


def distinct_headings(headings: list[str]) -> list[str]:
    """Sibling headings as a narrow list can tell them apart.

    Siblings that all open with the same words (坚持在党的领导下，深化新时代…)
    show that opening as "…", so that what differs is visible first.
    """
    if len(headings) < 2:
        return list(headings)
    shared = 0
    for chars in zip(*headings, strict=False):
        if len(set(chars)) != 1:
            break
        shared += 1
    if shared < MIN_SHARED_PREFIX or any(len(h) <= shared for h in headings):
        return list(headings)
    return ["…" + h[shared:] for h in headings]
