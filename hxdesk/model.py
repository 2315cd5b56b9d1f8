"""The report model: pure dataclasses, no Qt, no SQL.

A report is a title block, an optional addressee, intro blocks, a tree of
sections (up to four levels) and a closing block.  Text may refer to figures
and to the report year through placeholders written ``{{key}}``; the renderer
expands them.  Numbering (一、（一）1.（1）) is derived from position and never
stored.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Union

from .errors import InvalidInput
from .numbering import chinese_numeral

MAX_LEVEL = 4

#: Placeholders the report itself provides; figure keys may not use them.
YEAR_VARIABLES = ("year", "next_year", "prev_year", "pufa_plan", "pufa_year")

#: 普法 five-year plans: the first (一五) began in 1986; 八五 is 2021–2025.
PUFA_FIRST_YEAR = 1986

PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def new_uid() -> str:
    return uuid.uuid4().hex


#: The parts of a report an import note can belong to (NOTE_SECTION names one by its uid).
NOTE_TITLE = "title"  # the title block, the addressee, the closing
NOTE_INTRO = "intro"
NOTE_SECTION = "section"
NOTE_DOCUMENT = "document"  # the file as a whole (tables, pictures, no headings found …)
NOTE_PARTS = (NOTE_TITLE, NOTE_INTRO, NOTE_SECTION, NOTE_DOCUMENT)


@dataclass(frozen=True)
class ImportNote:
    """What the importer changed or guessed: the part it concerns (a section by uid), the place
    as the document numbers it (一、（二）第2段, for reading only) and what happened."""

    text: str
    part: str = NOTE_DOCUMENT
    section_uid: str = ""
    place: str = ""

    @property
    def sentence(self) -> str:
        """一、（二）第2段：1 个半角标点改为全角。"""
        return f"{self.place}：{self.text}" if self.place else self.text

    @property
    def target(self) -> tuple[str, ...]:
        """The form that shows it: ("section", uid), ("intro",) or ("title",) for the rest."""
        if self.part == NOTE_SECTION and self.section_uid:
            return (NOTE_SECTION, self.section_uid)
        return (NOTE_INTRO,) if self.part == NOTE_INTRO else (NOTE_TITLE,)


@dataclass
class Paragraph:
    """A plain body paragraph."""

    text: str
    kind: str = field(default="paragraph", init=False, repr=False)


@dataclass
class PointList:
    """Enumerated points 一是……二是……, after an optional lead sentence.

    ``inline`` keeps lead and points in one paragraph, as the sample does;
    otherwise the lead and every point are paragraphs of their own.
    """

    items: list[str]
    lead: str = ""
    inline: bool = True
    kind: str = field(default="points", init=False, repr=False)


Block = Union[Paragraph, PointList]


def point_marker(index: int) -> str:
    """一是, 二是, … for the 0-based ``index``."""
    return chinese_numeral(index + 1) + "是"


def block_paragraph_texts(block: Block) -> list[str]:
    """The unexpanded paragraph texts one block renders to."""
    if isinstance(block, Paragraph):
        return [block.text]
    items = [point_marker(i) + item for i, item in enumerate(block.items)]
    if block.inline:
        return [block.lead + "".join(items)]
    return ([block.lead] if block.lead else []) + items


def map_block_texts(blocks: list[Block], change: Callable[[str], str]) -> None:
    """Replace every typed text of ``blocks`` (paragraphs, leads and points) by ``change(text)``, in place."""
    for block in blocks:
        if isinstance(block, Paragraph):
            block.text = change(block.text)
        else:
            block.lead = change(block.lead)
            block.items = [change(item) for item in block.items]


@dataclass
class Section:
    """One heading and what stands under it.

    A run-in heading (``run_in``) is a sentence that opens the paragraph of its
    first body block, as every （一） in the sample.  Unnumbered sections keep
    their level's style but take no number and do not advance the count.
    """

    heading: str
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    run_in: bool = False
    numbered: bool = True
    uid: str = field(default_factory=new_uid)
    #: False: 不公开, left out of the 公开版 (the edition published on the website).
    public: bool = True

    @property
    def holds_level(self) -> bool:
        """No heading and no number: the section prints no heading line and only
        holds a level, so that its children take the next level's numbers.  This
        is how a report that puts "1." directly under "一、" is written down."""
        return not self.numbered and not self.heading.strip()


QUALIFIER_PREFIX = ("约", "近", "超", "逾", "超过", "达", "共")
QUALIFIER_INFIX = ("余", "多")
QUALIFIER_SUFFIX = ("以上", "以下", "左右")
QUALIFIERS = ("",) + QUALIFIER_INFIX + QUALIFIER_SUFFIX + QUALIFIER_PREFIX

#: What roll-over does with a figure: 每年统计 (emptied, to be filled again) or 常设 (carried over).
KIND_YEARLY = "yearly"
KIND_STANDING = "standing"
FIGURE_KINDS = {KIND_YEARLY: "每年统计", KIND_STANDING: "常设"}

#: What a rolled-over figure still needs: nothing, a new value (待更新) or a confirmation (请确认).
REVIEW_NONE = ""
REVIEW_UPDATE = "update"
REVIEW_CONFIRM = "confirm"
REVIEW_STATES = {REVIEW_NONE: "", REVIEW_UPDATE: "待更新", REVIEW_CONFIRM: "请确认"}

#: How a derived figure reads: a number, or a comparison with last year whose sign picks the words
#: (同比增长25% / 同比下降10% / 与上年持平; 增加3件 / 减少3件).
STYLE_NUMBER = ""
STYLE_YOY_PERCENT = "yoy_percent"
STYLE_YOY_DIFF = "yoy_diff"
FIGURE_STYLES = {STYLE_NUMBER: "数值", STYLE_YOY_PERCENT: "同比增减百分比", STYLE_YOY_DIFF: "比上年增减"}


@dataclass
class Figure:
    """A named number the text refers to, entered once.

    ``formula`` makes the figure derived (computed from other figures, e.g.
    ``handled / received * 100``); its ``value`` is then ignored.
    The qualifier sits where Chinese puts it: 约30件, 80余人次, 95%以上.
    """

    key: str
    label: str
    value: Decimal | None = None
    unit: str = ""
    qualifier: str = ""
    formula: str = ""
    decimals: int = 0
    at_most: str = ""  # key of a figure this one may not exceed (办结 ≤ 受理)
    kind: str = KIND_YEARLY
    review: str = REVIEW_NONE
    style: str = STYLE_NUMBER

    @property
    def derived(self) -> bool:
        return bool(self.formula.strip())


@dataclass
class Predecessor:
    """Last year's report as this year's uses it (attached by the services when a report is
    loaded, never stored): its figures and their values, derived ones computed."""

    uid: str
    year: int
    figures: dict[str, Figure]
    values: dict[str, Decimal | None]


@dataclass
class Attachment:
    """One 附件: a title, its paragraphs and optionally a simple table after them (rows of cells,
    the first row the header)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)


@dataclass
class OfficialElements:
    """The 版头 and 版记 of the submitted document (GB/T 9704-2012 7.2–7.4); every part optional."""

    bodies: list[str] = field(default_factory=list)  # 发文机关标志: the issuing bodies' names
    with_wenjian: bool = True  # 文件 follows the names
    code: str = ""  # 机关代字: 新田委文
    doc_year: int | None = None
    doc_number: int | None = None
    signers: list[str] = field(default_factory=list)  # 签发人
    attachments: list[Attachment] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)  # 抄送机关
    printer: str = ""  # 印发机关
    print_date: _dt.date | None = None  # 印发日期
    copy_number: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度

    def is_empty(self) -> bool:
        return self == OfficialElements()

    def doc_number_text(self) -> str:
        """新田委文〔2026〕3号: no 第, no leading zero; '' while incomplete."""
        if not self.code.strip() or self.doc_year is None or self.doc_number is None:
            return ""
        return f"{self.code.strip()}〔{self.doc_year}〕{self.doc_number}号"

    def print_line_date(self) -> str:
        return f"{date_text(self.print_date)}印发" if self.print_date else ""


@dataclass
class Report:
    """A whole annual report."""

    year: int
    title: str = "{{year}}年度法治政府建设报告"
    issuers: list[str] = field(default_factory=list)
    addressee: str = ""
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)
    date: _dt.date | None = None
    figures: dict[str, Figure] = field(default_factory=dict)
    name: str = ""
    template: str = ""
    uid: str = field(default_factory=new_uid)
    #: The uid of the report this one was made from (last year's), or None.
    predecessor_uid: str | None = None
    #: Last year's figures, when the services found the predecessor (not stored, not compared).
    predecessor: Predecessor | None = field(default=None, compare=False, repr=False)
    #: 发文机关标志, 发文字号, 签发人, 附件, 版记 (the submit edition).
    official: OfficialElements = field(default_factory=OfficialElements)

    def variables(self) -> dict[str, str]:
        """Year placeholders (the figures are expanded separately)."""
        plan, ordinal = pufa_cycle(self.year)
        return {
            "year": str(self.year),
            "next_year": str(self.year + 1),
            "prev_year": str(self.year - 1),
            "pufa_plan": plan,
            "pufa_year": ordinal,
        }

    def display_name(self) -> str:
        """The name a list shows: the explicit name or the first issuer."""
        return self.name or (self.issuers[0] if self.issuers else "")

    def walk(self) -> Iterator[tuple[Section, tuple[int, ...]]]:
        """Every section in document order with its path of child indexes."""

        def rec(sections: list[Section], path: tuple[int, ...]) -> Iterator[tuple[Section, tuple[int, ...]]]:
            for i, s in enumerate(sections):
                p = path + (i,)
                yield s, p
                yield from rec(s.children, p)

        yield from rec(self.sections, ())

    def find(self, uid: str) -> Section | None:
        for s, _ in self.walk():
            if s.uid == uid:
                return s
        return None

    def all_texts(self) -> Iterator[str]:
        """Every unexpanded text of the report (for search and reference checks)."""
        yield self.title
        yield from self.issuers
        yield self.addressee
        for b in self.intro:
            yield from block_paragraph_texts(b)
        for s, _ in self.walk():
            yield s.heading
            for b in s.blocks:
                yield from block_paragraph_texts(b)
        yield from self.signatures

    def referenced_keys(self) -> set[str]:
        keys: set[str] = set()
        for t in self.all_texts():
            keys.update(PLACEHOLDER_RE.findall(t))
        return keys


#: The three outputs of one report: 报送版 (with 版头 and 版记), 普通版, 公开版 (for the website).
EDITIONS = {"submit": "报送版", "plain": "普通版", "public": "公开版"}


def edition_view(report: Report, edition: str) -> Report:
    """What ``edition`` prints of ``report``, as a report of its own (new sections and official
    elements; the blocks, figures and texts are shared with ``report``, so copy it deeply before
    handing it to another thread).

    This is the one place that decides what an edition contains; the .docx, both PDF engines, the
    preview and the count of what is printed all read this view. 报送版: everything. 普通版: no
    版头 or 版记 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, 抄送, 印发), the 附件 kept.
    公开版: as 普通版, and without every section marked 不公开 (with all under it), at any level;
    the numbers (一、（一）1.（1）) are derived from the view, so what is kept is numbered
    consecutively and nothing shows that a part was left out."""
    if edition not in EDITIONS:
        raise InvalidInput("文稿版本应为 " + "、".join(f"{k}（{v}）" for k, v in EDITIONS.items()) + "。")
    official = report.official if edition == "submit" else OfficialElements(attachments=report.official.attachments)
    sections = _public_sections(report.sections) if edition == "public" else _public_sections(report.sections, True)
    return replace(report, official=official, sections=sections)


def _public_sections(sections: list[Section], keep_all: bool = False) -> list[Section]:
    """New sections (and children lists) of the tree; without those marked 不公开 unless ``keep_all``."""
    return [replace(s, children=_public_sections(s.children, keep_all)) for s in sections if keep_all or s.public]


def pufa_cycle(year: int) -> tuple[str, str]:
    """The 普法 plan a year falls in and its year within it: (八五, 第四年) for 2024."""
    if year < PUFA_FIRST_YEAR:
        return "", ""
    n, i = divmod(year - PUFA_FIRST_YEAR, 5)
    return chinese_numeral(n + 1) + "五", "第" + chinese_numeral(i + 1) + "年"


def numbering_labels(report: Report) -> dict[str, str]:
    """Section uid -> its number label (一、 （一） 1. （1）), '' for unnumbered."""
    labels: dict[str, str] = {}

    def rec(sections: list[Section], level: int) -> None:
        n = 0
        for s in sections:
            if s.numbered:
                n += 1
                labels[s.uid] = number_label(level, n)
            else:
                labels[s.uid] = ""
            rec(s.children, level + 1)

    rec(report.sections, 1)
    return labels


def number_label(level: int, n: int) -> str:
    """The label of the n-th (1-based) numbered heading at ``level``."""
    if level == 1:
        return chinese_numeral(n) + "、"
    if level == 2:
        return "（" + chinese_numeral(n) + "）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def section_depth(section: Section) -> int:
    """1 for a leaf, more for a section with descendants."""
    return 1 + max((section_depth(c) for c in section.children), default=0)


def date_text(d: _dt.date) -> str:
    """2025年1月10日: Arabic numerals, full year, no leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"
