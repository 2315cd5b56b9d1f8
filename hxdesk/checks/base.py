"""What every rule works on: the findings it returns and the report cut into texts with their places.

A :class:`TextUnit` is one text a user typed (a heading, a paragraph, the lead or one point of a
point list, the title …) with its figures expanded as the document shows them, and a map back to the
typed text so that a finding can point at the characters to select.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..figures import format_figure, report_values
from ..model import PLACEHOLDER_RE, Figure, Paragraph, PointList, Report, Section, numbering_labels
from .documents import DocumentTitle
from .words import WordRule

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提示"}

#: Places of the parts that are not sections.
TITLE, INTRO, CLOSING, WHOLE = "标题", "开头段落", "落款", "全文"
ADDRESSEE = "主送机关"

EXCERPT_CONTEXT = 10  # characters shown either side of what a finding points at


@dataclass(frozen=True)
class Finding:
    """One thing a clerk should look at.

    ``where`` is the place as the document numbers it (一、（四）) or 标题 / 开头段落 / 落款 / 全文;
    ``field`` is "heading", a block index, or for the other parts "title", "issuers", "addressee",
    "signatures", "date", "report"; ``item`` the point of a point list (None: the paragraph or the
    lead); ``span`` the characters in that typed text (placeholders unexpanded) to select.
    """

    rule: str
    severity: str
    message: str
    where: str
    section_uid: str | None
    field: str | int
    excerpt: str
    suggestion: str | None = None
    item: int | None = None
    span: tuple[int, int] | None = None
    order: tuple[int, ...] = dataclasses.field(default=(), compare=False, repr=False)

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]


@dataclass(frozen=True)
class Piece:
    """One expanded placeholder: where it is in the shown text and in the typed text."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    key: str


@dataclass
class TextUnit:
    raw: str
    text: str
    pieces: list[Piece]
    where: str
    section: Section | None
    field: str | int
    item: int | None
    order: tuple[int, ...]
    _starts: list[int] | None = None

    def literal(self, start: int, end: int) -> bool:
        """True when text[start:end] was typed, not expanded from a placeholder."""
        i = self._last_before(end)
        return i < 0 or self.pieces[i].end <= start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Shown offsets -> typed offsets (a part of an expanded placeholder maps to the whole placeholder)."""
        return self._raw(start, False), self._raw(end, True)

    def _last_before(self, pos: int) -> int:
        """Index of the last placeholder starting before ``pos`` (-1: none); pieces are in text order."""
        if not self.pieces:
            return -1
        if self._starts is None:
            self._starts = [p.start for p in self.pieces]
        return bisect.bisect_left(self._starts, pos) - 1

    def _raw(self, pos: int, is_end: bool) -> int:
        i = self._last_before(pos)
        if i < 0:
            return pos
        p = self.pieces[i]
        if pos < p.end:
            return p.raw_end if is_end else p.raw_start
        return pos + p.raw_end - p.end

    def excerpt(self, start: int | None = None, end: int | None = None) -> str:
        text = self.text
        if start is None or end is None:
            return text if len(text) <= 2 * EXCERPT_CONTEXT + 10 else text[: 2 * EXCERPT_CONTEXT + 10] + "…"
        a, b = max(0, start - EXCERPT_CONTEXT), min(len(text), end + EXCERPT_CONTEXT)
        return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")


@dataclass
class SectionInfo:
    section: Section
    where: str
    index: int  # position in document order
    units: list[TextUnit]  # heading first, then the blocks (not the children's)

    @property
    def order(self) -> tuple[int, ...]:
        return (2, self.index)


class Context:
    """The report prepared once for all rules: values, places and texts."""

    def __init__(
        self,
        report: Report,
        today: _dt.date,
        words: tuple[WordRule, ...],
        documents: tuple[DocumentTitle, ...] = (),
    ):
        self.report = report
        self.year = report.year
        self.today = today
        self.words = words
        self.documents = documents
        self.values, self.problems = report_values(report)
        self.variables = report.variables()
        self.sections: list[SectionInfo] = []
        self.front: list[TextUnit] = []  # title, issuers, addressee
        self.intro: list[TextUnit] = []
        self.closing: list[TextUnit] = []
        self._build()
        self.units: list[TextUnit] = [*self.front, *self.intro, *(u for s in self.sections for u in s.units)]
        self.units += self.closing

    # ----------------------------------------------------------------- building

    def unit(
        self, raw: str, where: str, section: Section | None, fld: str | int, item: int | None, order: tuple[int, ...]
    ) -> TextUnit:
        text, pieces = self.expand(raw)
        return TextUnit(raw, text, pieces, where, section, fld, item, order)

    def expand(self, raw: str) -> tuple[str, list[Piece]]:
        """As figures.expand_text, keeping where each placeholder went."""
        if "{{" not in raw:
            return raw, []
        out: list[str] = []
        pieces: list[Piece] = []
        pos = length = 0
        for m in PLACEHOLDER_RE.finditer(raw):
            literal = raw[pos : m.start()]
            out.append(literal)
            length += len(literal)
            key = m.group(1)
            if key in self.variables:
                shown = self.variables[key]
            elif key in self.report.figures:
                shown = format_figure(self.report.figures[key], self.values.get(key))
            else:
                shown = f"【未知数据：{key}】"
            pieces.append(Piece(length, length + len(shown), m.start(), m.end(), key))
            out.append(shown)
            length += len(shown)
            pos = m.end()
        out.append(raw[pos:])
        return "".join(out), pieces

    def _blocks(
        self, blocks: list[Paragraph | PointList], where: str, section: Section | None, base: tuple[int, ...]
    ) -> list[TextUnit]:
        units: list[TextUnit] = []
        for i, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                units.append(self.unit(block.text, where, section, i, None, (*base, i, -1)))
                continue
            if block.lead:
                units.append(self.unit(block.lead, where, section, i, None, (*base, i, -1)))
            for j, text in enumerate(block.items):
                units.append(self.unit(text, where, section, i, j, (*base, i, j)))
        return units

    def _build(self) -> None:
        r = self.report
        self.front.append(self.unit(r.title, TITLE, None, "title", None, (0, 0, 0, -1)))
        for i, issuer in enumerate(r.issuers):
            self.front.append(self.unit(issuer, TITLE, None, "issuers", i, (0, 0, 1, i)))
        if r.addressee:
            self.front.append(self.unit(r.addressee, ADDRESSEE, None, "addressee", None, (0, 0, 2, -1)))
        self.intro = self._blocks(r.intro, INTRO, None, (1, 0))
        labels = numbering_labels(r)
        places: dict[tuple[int, ...], str] = {(): ""}
        for index, (section, path) in enumerate(r.walk()):
            parent = places[path[:-1]]
            own = labels.get(section.uid, "")
            if not own and section.heading.strip():
                own = "“" + short(self.expand(section.heading)[0], 8) + "”"
            where = parent + own
            places[path] = where
            base = (2, index)
            heading = self.unit(section.heading, where or "（无编号的章节）", section, "heading", None, (*base, -1, -1))
            units = [heading, *self._blocks(section.blocks, heading.where, section, base)]
            self.sections.append(SectionInfo(section, heading.where, index, units))
        for i, signature in enumerate(r.signatures):
            self.closing.append(self.unit(signature, CLOSING, None, "signatures", i, (3, 0, 0, i)))

    # ----------------------------------------------------------------- findings

    def hit(
        self,
        rule: str,
        severity: str,
        message: str,
        unit: TextUnit,
        start: int | None = None,
        end: int | None = None,
        suggestion: str | None = None,
    ) -> Finding:
        """A finding on (a part of) one text."""
        span = unit.raw_span(start, end) if start is not None and end is not None else None
        return Finding(
            rule,
            severity,
            message,
            unit.where,
            unit.section.uid if unit.section else None,
            unit.field,
            unit.excerpt(start, end),
            suggestion,
            unit.item,
            span,
            (*unit.order, start if start is not None else -1),
        )

    def figure_uses(self) -> Iterator[tuple[TextUnit, Piece, Figure]]:
        """Every figure placeholder in document order, once per text."""
        for unit in self.units:
            seen: set[str] = set()
            for piece in unit.pieces:
                fig = self.report.figures.get(piece.key)
                if fig is not None and piece.key not in seen:
                    seen.add(piece.key)
                    yield unit, piece, fig

    def value(self, key: str) -> Decimal | None:
        return self.values.get(key)


def short(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_chinese(ch: str) -> bool:
    """A Han character or full-width punctuation (the context of Chinese text)."""
    if not ch:
        return False
    o = ord(ch)
    return (
        0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F
        or 0xFF01 <= o <= 0xFF0F
        or 0xFF1A <= o <= 0xFF20
        or ch in "“”‘’…—"
    )


def note(
    rule: str,
    severity: str,
    message: str,
    where: str,
    fld: str | int,
    excerpt: str,
    order: tuple[int, ...],
    *,
    section_uid: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding on a part as a whole (a section, the closing, the report)."""
    return Finding(rule, severity, message, where, section_uid, fld, excerpt, suggestion, None, None, order)
