"""From normalised paragraphs to a Report: title block, addressee, sections, points, closing.

Heading detection, in order of trust: hxdesk's own styles (a document this
program rendered), the numbering labels 一、（一）1.（1） (accepted only where
the number continues the count at that level, so that text stays word for
word), Word heading styles, bold text, and a short line with no final
punctuation.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field

from .. import interchange
from ..errors import InvalidInput
from ..interchange import MAX_YEAR, MIN_YEAR
from ..limits import MAX_TEXT
from ..model import (
    MAX_LEVEL,
    NOTE_INTRO,
    NOTE_SECTION,
    NOTE_TITLE,
    Block,
    ImportNote,
    Paragraph,
    PointList,
    Report,
    Section,
    map_block_texts,
    number_label,
    numbering_labels,
    point_marker,
)
from ..numbering import parse_chinese_numeral
from ..titlebreak import BODY_SUFFIXES, issuer_end
from .figures import FigureExtractor, year_placeholders
from .normalise import converted_marks, label_repair, normalise, sentence_end
from .official import take_official
from .paragraphs import Source, SourceParagraph

_CN = "一二三四五六七八九十百零"  # 一百零一、 in a long report
HEADING_PATTERNS = (
    (1, re.compile(rf"^([{_CN}]+)、")),
    (2, re.compile(rf"^（([{_CN}]+)）")),
    (3, re.compile(r"^(\d{1,3})\.(?![\d%])")),
    (4, re.compile(r"^（(\d{1,3})）")),
)
ORG_SUFFIXES = (
    "人民政府",
    "政府",
    "委员会",
    "党委",
    "办事处",
    "街道",
    "管委会",
    "管理委员会",
    "工作委员会",
    "办公室",
    "主席团",
    "局",
    "镇",
    "乡",
)
_FINAL_PUNCT = "。；，：！？;,:.!?"
_DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_CN_DATE_RE = re.compile(
    r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_POINT_DELIMS = "。；，：！？、”）\u3000"
MAX_TITLE_LINE = 40
#: A title line longer than this does not fit one printed line (GB/T 9704: 20 characters of 二号).
ONE_LINE_TITLE = 20
#: 发文字号: 某府发〔2025〕3号 (the brackets as typed vary).
DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（【]\d{4}[〕\]］)）】]\d{1,4}号$")
#: How an addressee (主送机关) ends: 县委、县政府, 区司法局, 各村（社区）.
ADDRESSEE_SUFFIXES = (
    *BODY_SUFFIXES,
    "会",
    "部",
    "院",
    "厅",
    "室",
    "所",
    "中心",
    "处",
    "组",
    "队",
    "站",
    "社区",
    "村",
    "单位",
)
MAX_ADDRESSEE = 50
_SPACE_RUN = re.compile(r"[ \u3000\t]+")
MAX_SHORT_HEADING = 25
MAX_BOLD_HEADING = 40
#: A long annual report has some 30 000 characters; this bounds the time an import takes.
MAX_TOTAL_CHARS = 1_000_000


@dataclass
class Line:
    """A paragraph after normalisation, with its formatting hints re-checked against the text."""

    text: str
    src: SourceParagraph
    bold_prefix: str = ""
    run_in: str = ""
    blank_before: bool = False
    changes: list[str] = field(default_factory=list)  # what normalising changed, for the notes


@dataclass
class ImportResult:
    report: Report
    notes: list[ImportNote] = field(default_factory=list)


def _prefix_hint(raw: str, text: str, *, whole: bool = False) -> str:
    """The normalised form of a leading formatted part, if the text still starts with it."""
    if not raw:
        return ""
    hint = normalise(raw)
    if not hint or not text.startswith(hint):
        return ""
    return hint if whole or len(hint) < len(text) else ""


def normalised_lines(source: Source) -> list[Line]:
    lines: list[Line] = []
    blank = False
    total = 0
    for sp in source.paragraphs:
        total += len(sp.text)
        if total > MAX_TOTAL_CHARS:
            raise InvalidInput("文件的文字过多（超过 100 万字），不像是一份年度报告，无法导入。")
        if len(sp.text) > MAX_TEXT:
            raise InvalidInput(f"文件中有一段文字过长（超过 {MAX_TEXT} 字），不像是一份年度报告，无法导入。")
        text = normalise(sp.text)
        if not text:
            blank = True
            continue
        bold_prefix = _prefix_hint(sp.bold_prefix, text)
        run_in = _prefix_hint(sp.run_in_heading, text, whole=True)
        changes: list[str] = []
        if not source.styled:
            repaired = label_repair(sp.text, text)
            if repaired is not None:
                changes.append(f"编号“{repaired[0]}”改为“{repaired[1]}”")
            marks = converted_marks(sp.text, text)
            if marks:
                changes.append(f"{marks} 个半角标点改为全角")
        lines.append(Line(text, sp, bold_prefix, run_in, sp.blank_before or blank, changes))
        blank = False
    return lines


def heading_match(text: str) -> tuple[int, int, int] | None:
    """(level, number, label length) of a numbered heading's label, or None."""
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            n = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
            if n:
                return level, n, m.end()
    return None


def is_doc_number(text: str) -> bool:
    """A 发文字号 line (某府发〔2025〕3号): never a heading, never a title line."""
    return DOC_NUMBER_RE.match(text) is not None


def is_addressee(text: str) -> bool:
    """A 主送机关 line: a short list of bodies joined by 、 or ，and ending with a colon (县委、县政府：,
    中共某县委员会，某县人民政府：);
    a sentence ending with a colon (现将有关情况报告如下：) is body text."""
    if not text.endswith("：") or not 2 <= len(text) <= MAX_ADDRESSEE:
        return False
    names = text[:-1]
    if any(c in names for c in "。；：！？,;:") or heading_match(text) is not None:
        return False
    parts = re.split("[、，]", names)
    return all(2 <= len(part) <= 25 and (part.endswith(ADDRESSEE_SUFFIXES) or part.startswith("各")) for part in parts)


def is_org(text: str) -> bool:
    return text.endswith(ORG_SUFFIXES) and not any(w in text for w in ("报告", "关于", "年")) and len(text) <= 30


def parse_date(text: str) -> _dt.date | None:
    m = _DATE_RE.match(text)
    try:
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _CN_DATE_RE.match(text)
        if m:
            year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
            return _dt.date(year, parse_chinese_numeral(m.group(2)) or 0, parse_chinese_numeral(m.group(3)) or 0)
    except ValueError:
        return None
    return None


def _title_like(text: str) -> bool:
    return (
        len(text) <= MAX_TITLE_LINE
        and text[-1] not in _FINAL_PUNCT
        and "。" not in text
        and heading_match(text) is None
        and parse_date(text) is None
        and not is_doc_number(text)
    )


def split_points(text: str) -> tuple[str, list[str]] | None:
    """lead + 一是… 二是… → (lead, items); None unless 一是 and 二是 both start a clause."""
    starts: list[int] = []
    pos = 0
    while True:
        marker = point_marker(len(starts))
        i = text.find(marker, pos)
        while i > 0 and text[i - 1] not in _POINT_DELIMS:
            i = text.find(marker, i + 1)
        if i < 0:
            break
        starts.append(i)
        pos = i + len(marker)
    if len(starts) < 2:
        return None
    items = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        items.append(text[s + len(point_marker(k)) : end])
    return text[: starts[0]], items


def _label(level: int, n: int) -> str:
    """number_label, or '' where Chinese numerals run out (一千、 is not a heading)."""
    return number_label(level, n) if level > 2 or n < 1000 else ""


class _Builder:
    """Places headings and body paragraphs into the section tree, in document order."""

    def __init__(self, styled: bool, numbered_top_level: bool) -> None:
        self.styled = styled
        self.numbered_top_level = numbered_top_level
        self.intro: list[Block] = []
        self.sections: list[Section] = []
        self.stack: list[Section] = []  # open sections; stack[i] is at level i + 1
        self.pending: tuple[PointList, list[Block]] | None = None
        self.stray_labels = 0  # paragraphs whose number label fits no level
        self.notes: list[ImportNote] = []  # what was changed or guessed, each with its place
        self.repeated: tuple[int, int] | None = None  # (level, n) of a label that repeats the previous one
        self.offsets: dict[int, int] = {}  # id(sibling list) -> how many repeated labels it has had
        self.counted: dict[int, tuple[int, int]] = {}  # id(sibling list) -> (its length, numbered among them)

    def place(self) -> str:
        """Where the last paragraph stands: 一、（二）第3段, 正文开头第1段, or the heading itself."""
        path = ""
        for i, section in enumerate(self.stack):
            siblings = self.siblings(i + 1) or []
            if section.numbered:
                n = sum(1 for s in siblings[: siblings.index(section) + 1] if s.numbered)
                path += _label(i + 1, n)
            elif section.heading:
                path += f"“{section.heading[:12]}”"
        container = self.container()
        if not path:
            return f"正文开头第{len(container)}段"
        return f"{path}第{len(container)}段" if container else f"{path}标题"

    def note(self, text: str) -> None:
        if self.stack:
            self.notes.append(ImportNote(text, NOTE_SECTION, self.stack[-1].uid, self.place()))
        else:
            self.notes.append(ImportNote(text, NOTE_INTRO, place=self.place()))

    # ---------------------------------------------------------------- tree
    def container(self) -> list[Block]:
        return self.stack[-1].blocks if self.stack else self.intro

    def siblings(self, level: int) -> list[Section] | None:
        if level == 1:
            return self.sections
        if len(self.stack) >= level - 1:
            return self.stack[level - 2].children
        return None

    def expected_number(self, level: int) -> int | None:
        sib = self.siblings(level)
        if sib is None:
            return None
        # Sibling lists only grow (open() appends): count the sections added since the last call.
        seen, numbered = self.counted.get(id(sib), (0, 0))
        numbered += sum(1 for s in sib[seen:] if s.numbered)
        self.counted[id(sib)] = (len(sib), numbered)
        return numbered + 1

    def open(self, level: int, heading: str, *, numbered: bool, run_in: bool, body: str = "") -> None:
        self.close_points()
        level = max(1, min(level, len(self.stack) + 1, MAX_LEVEL))
        section = Section(heading=heading, numbered=numbered, run_in=run_in)
        siblings = self.siblings(level)
        assert siblings is not None
        siblings.append(section)
        del self.stack[level - 1 :]
        self.stack.append(section)
        if body:
            self.body(body)

    def hold_levels(self, level: int) -> None:
        """Open level holders (Section.holds_level) down to just above ``level``:
        a document that puts "1." directly under "一、" skips a level, and the
        heading keeps its own level (its number form and style)."""
        while len(self.stack) + 1 < min(level, MAX_LEVEL):
            self.open(len(self.stack) + 1, "", numbered=False, run_in=False)

    def hold_skipped_level(self, level: int) -> None:
        """A heading of ``level`` right below a level the document skips ("1." right
        under "一、", "（1）" under "（一）"): hold the skipped level.  Skipping two
        ("（1）" under "一、") is more likely an enumeration in the text: nothing is held."""
        if self.stack and level == len(self.stack) + 2:
            self.hold_levels(level)

    # ---------------------------------------------------------------- body
    def body(self, text: str, *, table: bool = False) -> None:
        container = self.container()
        if self.pending is not None and self.pending[1] is container:
            points = self.pending[0]
            marker = point_marker(len(points.items))
            if text.startswith(marker) and split_points(text) is None:
                points.items.append(text[len(marker) :])
                return
        self.close_points()
        if table:
            container.append(Paragraph(text))
            return
        found = split_points(text)
        if found is not None:
            lead, items = found
            container.append(PointList(items=items, lead=lead, inline=True))
            return
        if text.startswith(point_marker(0)) and len(text) > 2:
            lead = ""
            if container and isinstance(container[-1], Paragraph) and container[-1].text.endswith("："):
                lead = container.pop().text  # type: ignore[union-attr]
            points = PointList(items=[text[2:]], lead=lead, inline=False)
            container.append(points)
            self.pending = (points, container)
            return
        container.append(Paragraph(text))

    def close_points(self) -> None:
        """A lone 一是 with no 二是 after it is a plain paragraph."""
        if self.pending is None:
            return
        points, container = self.pending
        self.pending = None
        if len(points.items) >= 2:
            return
        i = next(k for k, b in enumerate(container) if b is points)
        plain: list[Block] = [Paragraph(points.lead)] if points.lead else []
        plain.append(Paragraph(point_marker(0) + points.items[0]))
        container[i : i + 1] = plain

    # ---------------------------------------------------------------- lines
    def add(self, line: Line) -> None:
        if self.styled:
            self._add_styled(line)
        else:
            self._add_plain(line)
        if line.changes:
            self.note("，".join(line.changes) + "。")

    def _numbered(self, text: str) -> tuple[int, int] | None:
        """(level, label length) when the text opens with the next label at a reachable level."""
        m = heading_match(text)
        if m is None:
            return None
        level, n, end = m
        expected = self.expected_number(level)
        if expected is None and n == 1:  # the first heading of a level, its parent level missing
            self.hold_skipped_level(level)
            expected = self.expected_number(level)
        siblings = self.siblings(level)
        offset = self.offsets.get(id(siblings), 0)
        if expected is not None and n + offset == expected - 1 and self._repeats_last(level, text[end:]):
            self.repeated = (level, n)  # 一、 right under 一、: a numbering slip, read as the next sibling
            self.offsets[id(siblings)] = offset + 1  # 二、 after the slip continues the count
            return level, end
        if expected != n + offset:
            return None
        return level, end

    def _repeats_last(self, level: int, rest: str) -> bool:
        """一、 again after 一、 (or （一） after （一）), as a short heading: a numbering slip."""
        return (
            level <= 2
            and 2 <= len(rest) <= MAX_SHORT_HEADING
            and not any(c in rest for c in "。；，：！？")
            and not rest[0].isdigit()
        )

    def _add_styled(self, line: Line) -> None:
        """A document hxdesk rendered: the styles say what every paragraph is."""
        src, text = line.src, line.text
        if src.role == "heading" or line.run_in:
            self.hold_levels(src.level)  # hxdesk prints no line for a level holder
            level = max(1, min(src.level, len(self.stack) + 1, MAX_LEVEL))
            heading = line.run_in if line.run_in else text
            label = _label(level, self.expected_number(level) or 1)
            numbered = bool(label) and heading.startswith(label)
            if numbered:
                heading = heading[len(label) :]
            if src.role == "heading":
                self.open(level, heading, numbered=numbered, run_in=False)
            else:
                self.open(level, heading, numbered=numbered, run_in=True, body=text[len(line.run_in) :])
            return
        self.body(text, table=src.table)

    def _add_plain(self, line: Line) -> None:
        src = line.src
        if src.table:
            self.body(line.text, table=True)
            return
        if src.auto_level and heading_match(line.text) is None:
            line = self._with_auto_label(line)
        text = line.text
        if is_doc_number(text):
            self.body(text)
            self.note(f"“{text}”像是发文字号，已作为正文保留，请核对。")
            return
        numbered = self._numbered(text)
        if numbered is not None:
            level, end = numbered
            self._heading(level, text, end, line, numbered=True)
            if self.repeated is not None:
                lvl, n = self.repeated
                self.repeated = None
                self.note(
                    f"编号“{_label(lvl, n)}”与上一个同级标题重复，已作为下一个同级标题（{_label(lvl, n + 1)}）导入，请核对。"
                )
            return
        if heading_match(text) is not None:
            self.stray_labels += 1
            self.body(text)  # a label that does not continue the count: keep it as written
            self.note("段落以编号开头，但编号不接续上文，已作为正文原样保留，请核对。")
            return
        if src.role == "heading":
            self.open(src.level, text, numbered=False, run_in=False)
            return
        if src.bold and len(text) <= MAX_BOLD_HEADING and text[-1] not in _FINAL_PUNCT and not is_doc_number(text):
            self.open(self._unnumbered_level(), text, numbered=False, run_in=False)
            return
        prefix = line.bold_prefix
        if prefix and 2 <= len(prefix) <= MAX_BOLD_HEADING and prefix[-1] in "。：！？" and len(prefix) < len(text):
            top = self.stack[-1] if self.stack else None
            level = len(self.stack) if top is not None and top.run_in and not top.numbered else len(self.stack) + 1
            self.open(level, prefix, numbered=False, run_in=True, body=text[len(prefix) :])
            return
        if self._short_heading(line):
            self.open(self._unnumbered_level(), text, numbered=False, run_in=False)
            return
        self.body(text)

    def _with_auto_label(self, line: Line) -> Line:
        """Word drew the label (一、…) from its numbering: write it into the text, as it shows."""
        level = line.src.auto_level
        n = self.expected_number(level)
        if n is None:  # e.g. Word's "1." list right under "一、"
            self.hold_skipped_level(level)
            n = self.expected_number(level)
        if n is None:
            return line
        label = _label(level, n)
        if not label:
            return line
        bold_prefix = label + line.bold_prefix if line.bold_prefix else ""
        return Line(label + line.text, line.src, bold_prefix, line.run_in, line.blank_before)

    def _short_heading(self, line: Line) -> bool:
        text = line.text
        return (
            len(text) <= MAX_SHORT_HEADING
            and not is_doc_number(text)
            and not any(c in text for c in "。；，：！？")
            and not text[-1].isdigit()
            and not text.startswith(point_marker(0))
            and not line.src.table
        )

    def _unnumbered_level(self) -> int:
        if not self.numbered_top_level or not self.stack:
            return 1
        top = self.stack[-1]
        if not top.numbered and not top.run_in:
            return len(self.stack)  # a sibling of the previous unnumbered heading
        return min(len(self.stack) + 1, MAX_LEVEL)

    def _heading(self, level: int, text: str, label_end: int, line: Line, *, numbered: bool) -> None:
        rest = text[label_end:]
        if line.src.role == "heading":
            self.open(level, rest, numbered=numbered, run_in=False)
            return
        prefix = line.bold_prefix
        if prefix and len(prefix) > label_end and prefix[-1] in "。：！？":
            self.open(level, prefix[label_end:], numbered=numbered, run_in=True, body=text[len(prefix) :])
            return
        end = sentence_end(rest)
        colon = rest.find("：")
        if 0 < colon and (end < 0 or colon < end) and split_points(rest[colon + 1 :]) is not None:
            end = colon  # （一）主要做法：一是……二是……
        if end < 0 or end == len(rest) - 1:
            self.open(level, rest, numbered=numbered, run_in=False)
        else:
            self.open(level, rest[: end + 1], numbered=numbered, run_in=True, body=rest[end + 1 :])

    def finish(self) -> None:
        self.close_points()


# -------------------------------------------------------------------- report


def _title_block(lines: list[Line], styled: bool) -> int:
    """Number of leading lines that form the title block (issuing bodies and title)."""
    if styled:
        n = 0
        while n < len(lines) and lines[n].src.role == "title":
            n += 1
        return n
    if not lines:
        return 0
    centred = lines[0].src.align == "center" or lines[0].src.role == "title"
    n = 0
    while n < min(len(lines), 5):
        ln = lines[n]
        if n > 0 and ln.blank_before and not centred:
            break
        if centred and ln.src.align != "center" and ln.src.role != "title":
            break
        if not _title_like(ln.text) or ln.src.auto_level or ln.src.role == "heading":
            break
        n += 1
    if n == len(lines):  # a document of short lines only: nothing is a title
        return 0
    return n


def _split_title(block: list[Line]) -> tuple[list[str], list[str]]:
    """Leading organisation names are the issuing bodies (two on one line when spaces part them);
    the rest is the title."""
    n = 0
    while n < len(block) - 1 and n < 3 and is_org(block[n].text.replace("\u3000", "")):
        n += 1
    return [name for ln in block[:n] for name in names_on_line(ln)], [ln.text for ln in block[n:]]


def names_on_line(line: Line) -> list[str]:
    """The bodies one issuer or signature line names: 中共某镇委员会 某镇人民政府 (a space or more
    between, as typed) is two; a name set with spaces inside (某 某 镇) or split before its
    suffix (某镇 人民政府) is one."""
    parts = [normalise(p) for p in _SPACE_RUN.split(line.src.text.strip())]
    if (
        len(parts) >= 2
        and "".join(parts) == line.text.replace("\u3000", "")
        and all(is_org(p) and p not in ORG_SUFFIXES and len(p) >= 4 for p in parts)
    ):
        return parts
    return [line.text]


def split_one_line_title(title: str) -> tuple[list[str], str] | None:
    """A one-line title too long for one line, opening with the issuing bodies' full names
    (某县某镇人民政府关于…, 某县司法局2024年度…): (issuer lines, title proper); else None."""
    if len(title) <= ONE_LINE_TITLE:
        return None  # a title that fits stays as the author set it
    end = issuer_end(title)
    rest = title[end:]
    if not end or len(rest) < 4:
        return None
    name = title[:end]
    issuers = [name] if len(name) <= ONE_LINE_TITLE else [p for p in name.split("、") if p]
    if len(issuers) > 3 or any(len(x) > ONE_LINE_TITLE for x in issuers):
        return None
    return issuers, rest


def _closing(lines: list[Line], start: int, styled: bool) -> tuple[list[str], _dt.date | None, int]:
    end = len(lines)
    date = None
    if end > start:
        last = lines[end - 1]
        if not styled or last.src.role == "date":
            date = parse_date(last.text)
            if date is not None:
                end -= 1
    signatures: list[str] = []
    while end > start and len(signatures) < 3:
        ln = lines[end - 1]
        text = ln.text
        if styled:
            ok = ln.src.role == "signature"
        else:
            plain = len(text) <= 30 and not any(c in text for c in "。，；：！？") and heading_match(text) is None
            ok = plain and (ln.src.align == "right" or is_org(text.replace("\u3000", "")))
        if not ok:
            break
        signatures[:0] = names_on_line(ln) if not styled else [text]
        end -= 1
    return signatures, date, end


#: A year followed by what a report plans (2025年度工作思路, 2025年工作打算): never the report year.
_PLAN_YEAR = re.compile(
    r"(?<!\d)(\d{4})年度?(?:的|全年)?(?:[\u4e00-\u9fff]{0,8}?)(?:工作)?(?:思路|计划|打算|安排|要点|目标|重点|展望)"
)
#: A year the report is about: 2024年法治政府建设工作情况, 2024年度依法行政工作开展情况.
_REPORTED_YEAR = re.compile(r"(?<!\d)(\d{4})年度?(?:的|全年|以来)?[\u4e00-\u9fff、]{0,16}?(?:情况|成效|工作报告)")
#: The past year named by the date of the report: 过去一年, 过去的一年.
_PAST_YEAR = re.compile(r"过去(?:的)?一年")


def _year(title_lines: list[str], issuers: list[str], body: list[str], date: _dt.date | None) -> int:
    """The year reported on: from the title, then from the phrases naming it (2024年法治政府建设
    工作情况, 过去一年 with the date), then the most named year; never a plan year (2025年工作思路)."""

    def ok(y: int) -> bool:
        return MIN_YEAR <= y <= MAX_YEAR

    def years(pattern: re.Pattern[str], texts: list[str]) -> list[int]:
        found = []
        for t in texts:
            plans = {m.start() for m in _PLAN_YEAR.finditer(t)}
            found += [int(m.group(1)) for m in pattern.finditer(t) if m.start() not in plans and ok(int(m.group(1)))]
        return found

    head = title_lines + issuers
    named = years(re.compile(r"(?<!\d)(\d{4})年"), head)
    if named:
        return named[0]
    plans = [int(m.group(1)) for t in head + body for m in _PLAN_YEAR.finditer(t) if ok(int(m.group(1)))]
    reported = years(_REPORTED_YEAR, body)
    if reported:
        return Counter(reported).most_common(1)[0][0]
    by_date = None
    if date is not None and ok(date.year - 1):
        by_date = date.year - 1 if date.month <= 6 else date.year
    if by_date is not None and any(_PAST_YEAR.search(t) for t in body):
        return by_date
    counts = Counter(years(re.compile(r"(?<!\d)(\d{4})年度"), body))
    if counts:
        return counts.most_common(1)[0][0]
    if by_date is not None:
        return by_date
    counts = Counter(years(re.compile(r"(?<!\d)(\d{4})年"), body))
    if counts:
        return counts.most_common(1)[0][0]
    if plans and ok(min(plans) - 1):
        return min(plans) - 1  # only next year's plans are named: the year before them
    return _dt.date.today().year - 1


#: The body named at the start of the opening (2024年，大马营镇坚持…): the issuer of a report without one.
_OPENING_BODY = re.compile(
    r"^(?:\d{4}年(?:以来|度)?|今年以来|过去(?:的)?一年(?:来|里)?|近年来)[，,]?"
    r"(?P<name>(?![我本全该])[\u4e00-\u9fff]{2,12}?(?:镇|乡|街道)(?:人民政府|办事处)?)"
)
#: Where a place name in an issuer's name ends: 梅岭县石门镇人民政府 → 梅岭县, 石门镇.
_PLACE = re.compile(r".+?(?:自治县|县|区|市|镇|乡|街道)")


def place_names(names: list[str]) -> tuple[str, ...]:
    """The report's own places (梅岭县石门镇, 梅岭县, 石门镇) from its issuers and signatures,
    longest first: the place never names a figure."""
    found: set[str] = set()
    for name in names:
        core = name.removeprefix("中共")
        for suffix in BODY_SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core[: -len(suffix)]
                break
        parts = [m.group(0) for m in _PLACE.finditer(core)]
        if parts and len("".join(parts)) == len(core):
            found.update(p for p in parts if len(p) >= 2)
            found.add(core)
    return tuple(sorted(found, key=len, reverse=True))


def proposed_title(signatures: list[str], body: list[str]) -> tuple[list[str], str]:
    """(issuers, title) for a report that has none, from its issuers (the signatures, else the body
    named at the start of the opening) and the year: [某镇人民政府], 关于{{year}}年度法治政府建设情况的报告;
    a place alone (大马营镇) opens the title: 大马营镇{{year}}年度法治政府建设情况报告."""
    issuers = [name for name in signatures if is_org(name)][:2]
    if not issuers:
        for text in body[:3]:
            m = _OPENING_BODY.match(text)
            if m:
                issuers = [m.group("name")]
                break
    if issuers and all(name.endswith(BODY_SUFFIXES) for name in issuers):
        return issuers, "关于{{year}}年度法治政府建设情况的报告"
    return [], "".join(issuers) + "{{year}}年度法治政府建设情况报告"


def section_place(report: Report, path: tuple[int, ...], labels: dict[str, str]) -> str:
    """一、（二）, or the heading's first words for an unnumbered section."""
    out = ""
    sections = report.sections
    for i in path:
        section = sections[i]
        out += labels.get(section.uid, "") or (f"“{section.heading[:12]}”" if section.heading else "")
        sections = section.children
    return out or "正文"


def build_report(source: Source) -> ImportResult:
    # long: the import pipeline in reading order (title, addressee, body, 落款); each step is a call
    lines = normalised_lines(source)
    official_at, official = take_official(lines)  # 版头 and 版记 lines never reach the structure
    dropped = set(official_at)
    lines = [ln for i, ln in enumerate(lines) if i not in dropped]
    if not lines:
        raise InvalidInput("文件中没有文字内容，无法导入。")
    notes = [ImportNote(text) for text in source.notes]
    styled = source.styled
    n_title = _title_block(lines, styled)
    title_block = [ln.text for ln in lines[:n_title]]
    issuers, title_lines = _split_title(lines[:n_title]) if title_block else ([], [])
    if not styled and not issuers and len(title_lines) == 1:
        split = split_one_line_title(title_lines[0])
        if split is not None:
            issuers, title_lines = split[0], [split[1]]
            split_note = f"“{title_block[0]}”已拆为发文机关“{'、'.join(issuers)}”和标题“{split[1]}”两行。"
            notes.append(ImportNote(split_note, NOTE_TITLE, place="标题"))
    start = n_title
    signatures, date, end = _closing(lines, start, styled)

    addressee = ""
    first_at = start + 1 if start < end and not styled and is_doc_number(lines[start].text) else start
    if first_at < end:
        first = lines[first_at]
        if styled:
            found = first.src.role == "addressee"
        else:
            found = is_addressee(first.text)
            if not found and first.text.endswith("：") and "。" not in first.text and len(first.text) <= MAX_ADDRESSEE:
                notes.append(ImportNote(f"“{first.text[:20]}”是一句话，不是主送机关，已作为正文导入。", NOTE_TITLE))
        if found and first_at == start:
            addressee = first.text.rstrip("：:")
            start += 1

    body_lines = lines[start:end]
    year = _year(title_lines, issuers, [ln.text for ln in body_lines], date)
    numbered_top = any((m := heading_match(ln.text)) is not None and m[0] == 1 for ln in body_lines)
    builder = _Builder(styled, numbered_top)
    for ln in body_lines:
        builder.add(ln)
    builder.finish()

    def years(text: str) -> str:
        return year_placeholders(text, year)

    extractor = FigureExtractor(place_names(issuers + signatures))

    def figures(text: str) -> str:
        return extractor.extract(years(text))

    report = Report(
        year=year,
        title="\n".join(years(t) for t in title_lines),
        issuers=issuers,
        addressee=years(addressee),
        signatures=signatures,
        date=date,
        official=official,
    )
    extractor.at("正文开头")
    map_block_texts(builder.intro, figures)
    report.intro = builder.intro
    report.sections = builder.sections
    labels = numbering_labels(report)
    for section, path in report.walk():
        section.heading = years(section.heading)
        extractor.at(section_place(report, path, labels), section.uid)
        map_block_texts(section.blocks, figures)
    report.figures = extractor.figures
    # What the store will accept on loading (counts of sections, blocks, figures …).
    try:
        interchange.report_body_from_dict(interchange.report_body_to_dict(report))
    except InvalidInput as exc:
        raise InvalidInput(
            f"文件超出了一份年度报告能容纳的范围（结构过于复杂或内容过长），无法导入：{exc.message}", detail=exc.message
        ) from None
    notes.extend(builder.notes)
    notes.extend(extractor.notes)
    if not title_lines:
        report.issuers, report.title = proposed_title(signatures, [ln.text for ln in body_lines])
        shown = " ".join(report.issuers) + report.title.replace("{{year}}", str(year))
        notes.append(
            ImportNote(f"原文没有标题，已按发文机关和年度拟定标题“{shown}”，请核对。", NOTE_TITLE, place="标题")
        )
    if not report.sections:
        notes.append(ImportNote("未识别到任何章节标题（如“一、”），全文已作为正文导入，请核对。"))
    return ImportResult(report, notes)
