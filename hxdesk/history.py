"""Earlier versions of sections and deleted sections: what the store keeps and
how a kept version is put back into a report.  Pure Python, no SQL, no Qt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import InvalidInput
from .figures import format_figure, section_figure_keys
from .model import MAX_LEVEL, Block, Figure, Paragraph, PointList, Report, Section, section_depth

#: Versions kept per section; older ones are dropped.
KEEP_VERSIONS = 50
#: Deleted sections kept per report (the newest deletions).
KEEP_DELETED = 200
#: Saves of one section within this many seconds make one version (autosave runs every second).
COALESCE_SECONDS = 60


def blocks_from_stored(data: list[dict[str, Any]]) -> list[Block]:
    """Blocks from the JSON the store wrote (already validated when written)."""
    out: list[Block] = []
    for d in data:
        if d.get("type") == "points":
            out.append(
                PointList(items=list(d.get("items", [])), lead=d.get("lead", ""), inline=bool(d.get("inline", True)))
            )
        else:
            out.append(Paragraph(d.get("text", "")))
    return out


def blocks_text_length(data: list[dict[str, Any]]) -> int:
    n = 0
    for d in data:
        n += len(d.get("text", "")) + len(d.get("lead", "")) + sum(len(i) for i in d.get("items", []))
    return n


@dataclass(frozen=True)
class FigureValue:
    """One figure as a section version recorded it."""

    key: str
    label: str
    value: Decimal | None
    unit: str = ""
    qualifier: str = ""

    @property
    def state(self) -> tuple[str, Decimal | None, str, str]:
        """What a version is kept for when it changes (a new label alone is no new version)."""
        return (self.key, self.value, self.unit, self.qualifier)

    @classmethod
    def of(cls, fig: Figure) -> FigureValue:
        return cls(fig.key, fig.label, fig.value, fig.unit, fig.qualifier)

    def text(self) -> str:
        """12件, 80余人次; （未填写） without a value."""
        if self.value is None:
            return "（未填写）"
        return format_figure(Figure(self.key, self.label, self.value, self.unit, self.qualifier), self.value)

    def line(self) -> str:
        """受理来信来访：12件"""
        return f"{self.label or self.key}：{self.text()}"


def section_figures(section: Section, figures: dict[str, Figure]) -> list[FigureValue]:
    """The figures a section uses, as a version records them; derived ones have no value of their own."""
    keys = section_figure_keys(section, figures)
    return [FigureValue.of(figures[k]) for k in keys if not figures[k].derived]


def figures_to_stored(values: list[FigureValue]) -> str:
    """JSON for section_versions.figures: the value as decimal text."""
    return json.dumps(
        [
            {
                "key": f.key,
                "value": None if f.value is None else format(f.value, "f"),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "label": f.label,
            }
            for f in values
        ],
        ensure_ascii=False,
    )


def figures_from_stored(text: str | None) -> list[FigureValue] | None:
    """None for a version kept before figures were recorded (schema 2)."""
    if text is None:
        return None
    return [
        FigureValue(
            key=d["key"],
            label=d.get("label", ""),
            value=None if d.get("value") is None else Decimal(d["value"]),
            unit=d.get("unit", ""),
            qualifier=d.get("qualifier", ""),
        )
        for d in json.loads(text)
    ]


@dataclass
class SectionVersion:
    """One earlier state of a section (or the last state of a deleted one)."""

    id: int
    report_id: int
    section_uid: str
    heading: str
    run_in: bool
    numbered: bool
    blocks: list[Block]
    parent_uid: str | None
    position: int
    sibling_index: int
    after_uid: str | None
    saved_at: str  # when this content was saved
    replaced_at: str  # when a later save replaced it (or deleted the section)
    deleted: bool
    #: The figures the section used, as they were; None when not recorded (kept by schema 2).
    figures: list[FigureValue] | None = None

    def figure_lines(self) -> list[str]:
        """受理来信来访：12件, one per recorded figure."""
        return [f.line() for f in self.figures or []]

    def section(self) -> Section:
        """The section as it was (without children)."""
        return Section(
            heading=self.heading,
            blocks=list(self.blocks),
            run_in=self.run_in,
            numbered=self.numbered,
            uid=self.section_uid,
        )

    def preview(self, limit: int = 60) -> str:
        """The start of the text, for a list of versions."""
        from .model import block_paragraph_texts

        texts = [t for b in self.blocks for t in block_paragraph_texts(b)]
        text = (self.heading + " " + " ".join(texts)).strip()
        return text if len(text) <= limit else text[:limit] + "…"


@dataclass
class DeletedSection:
    """A deleted section with the descendants deleted with it, and where it stood."""

    entry: SectionVersion
    descendants: list[SectionVersion] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def heading(self) -> str:
        return self.entry.heading

    @property
    def deleted_at(self) -> str:
        return self.entry.replaced_at

    def origin(self, report: Report) -> str:
        """Where the section stood, told by today's numbering and headings of ``report``."""
        from .figuretext import FigureText
        from .model import numbering_labels

        labels = numbering_labels(report)
        codec = FigureText(report)

        def name(section: Section) -> str:
            heading = codec.to_display(section.heading).strip() or "（无标题）"
            heading = heading if len(heading) <= 18 else heading[:17] + "…"
            return f"“{labels.get(section.uid, '')}{heading}”"

        entry = self.entry
        if entry.parent_uid:
            parent = report.find(entry.parent_uid)
            where = f"原在{name(parent)}之下" if parent else "原来的上级章节现在也不在报告中"
        else:
            where = "原为一级章节"
        after = report.find(entry.after_uid) if entry.after_uid else None
        if after is not None:
            return f"{where}，位于{name(after)}之后"
        return f"{where}，排在第一个" if entry.after_uid is None else where

    def tree(self) -> Section:
        """The deleted section with its deleted descendants, in their old order."""
        nodes = {self.entry.section_uid: self.entry.section()}
        for d in sorted(self.descendants, key=lambda v: v.position):
            nodes[d.section_uid] = d.section()
        for d in sorted(self.descendants, key=lambda v: v.position):
            parent = nodes.get(d.parent_uid or "")
            if parent is not None:
                parent.children.append(nodes[d.section_uid])
        return nodes[self.entry.section_uid]


def apply_version(report: Report, version: SectionVersion) -> Section:
    """Give the section ``version.section_uid`` of ``report`` the content of ``version``, and the
    recorded figures their values (those still in the report and not derived since)."""
    section = report.find(version.section_uid)
    if section is None:
        raise InvalidInput("这一章节已不在报告中，请先从“已删除的章节”中恢复它。")
    section.heading = version.heading
    section.run_in = version.run_in
    section.numbered = version.numbered
    section.blocks = list(version.blocks)
    for kept in version.figures or []:
        fig = report.figures.get(kept.key)
        if fig is not None and not fig.derived:
            fig.value, fig.unit, fig.qualifier = kept.value, kept.unit, kept.qualifier
    return section


def put_back(report: Report, deleted: DeletedSection) -> Section:
    """Insert a deleted section (with its descendants) where it stood.

    Under its old parent, after the sibling it followed; if that parent is gone
    too, at the end of the report's top level.
    """
    entry = deleted.entry
    present = {s.uid for s, _ in report.walk()}
    restored = deleted.tree()
    for s in [restored] + [d for d in _descendants(restored)]:
        if s.uid in present:
            raise InvalidInput(f"章节“{entry.heading or '（无标题）'}”已在报告中，无需恢复。")
    siblings: list[Section] = report.sections
    level = 1
    if entry.parent_uid:
        for s, path in report.walk():
            if s.uid == entry.parent_uid:
                siblings = s.children
                level = len(path) + 1
                break
        else:
            siblings, level = report.sections, 1
            entry_index = len(siblings)
            _check_depth(restored, level)
            siblings.insert(entry_index, restored)
            return restored
    _check_depth(restored, level)
    index = min(entry.sibling_index, len(siblings))
    if entry.after_uid:
        for i, s in enumerate(siblings):
            if s.uid == entry.after_uid:
                index = i + 1
                break
    elif entry.sibling_index == 0:
        index = 0
    siblings.insert(index, restored)
    return restored


def _descendants(section: Section) -> Iterator[Section]:
    for c in section.children:
        yield c
        yield from _descendants(c)


def _check_depth(section: Section, level: int) -> None:
    if level + section_depth(section) - 1 > MAX_LEVEL:
        raise InvalidInput(f"恢复后标题层级将超过 {MAX_LEVEL} 级，无法放回原处。")


__all__ = [
    "SectionVersion",
    "DeletedSection",
    "FigureValue",
    "section_figures",
    "apply_version",
    "put_back",
    "KEEP_VERSIONS",
    "KEEP_DELETED",
    "COALESCE_SECONDS",
]
