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
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import interchange
from ..errors import InvalidInput
from ..interchange import MAX_YEAR, MIN_YEAR
from ..model import MAX_LEVEL, Block, Paragraph, PointList, Report, Section, number_label, point_marker
from ..numbering import parse_chinese_numeral
from ..text import MAX_TEXT
from .figures import FigureExtractor, year_placeholders
from .normalise import normalise, sentence_end
from .official import take_official
from .paragraphs import Source, SourceParagraph

_CN = "一二三四五六七八九十百"
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


@dataclass
class ImportResult:
    report: Report
    notes: list[str] = field(default_factory=list)


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
        lines.append(Line(text, sp, bold_prefix, run_in, sp.blank_before or blank))
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
        return sum(1 for s in sib if s.numbered) + 1

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
        if expected != n:
            return None
        return level, end

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
        numbered = self._numbered(text)
        if numbered is not None:
            level, end = numbered
            self._heading(level, text, end, line, numbered=True)
            return
        if heading_match(text) is not None:
            self.stray_labels += 1
            self.body(text)  # a label that does not continue the count: keep it as written
            return
        if src.role == "heading":
            self.open(src.level, text, numbered=False, run_in=False)
            return
        if src.bold and len(text) <= MAX_BOLD_HEADING and text[-1] not in _FINAL_PUNCT:
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


def _split_title(block: list[str]) -> tuple[list[str], list[str]]:
    """Leading organisation names are the issuing bodies; the rest is the title."""
    n = 0
    while n < len(block) - 1 and n < 3 and is_org(block[n].replace("\u3000", "")):
        n += 1
    return block[:n], block[n:]


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
        signatures.insert(0, text)
        end -= 1
    return signatures, date, end


def _year(title_lines: list[str], issuers: list[str], body: list[str], date: _dt.date | None) -> int:
    def ok(y: int) -> bool:
        return MIN_YEAR <= y <= MAX_YEAR

    for text in title_lines + issuers:
        for m in re.finditer(r"(\d{4})年", text):
            if ok(int(m.group(1))):
                return int(m.group(1))
    counts = Counter(int(y) for t in body for y in re.findall(r"(?<!\d)(\d{4})年度", t) if ok(int(y)))
    if counts:
        return counts.most_common(1)[0][0]
    if date is not None and ok(date.year - 1):
        return date.year - 1 if date.month <= 6 else date.year
    counts = Counter(int(y) for t in body for y in re.findall(r"(?<!\d)(\d{4})年", t) if ok(int(y)))
    if counts:
        return counts.most_common(1)[0][0]
    return _dt.date.today().year - 1


def _blocks_apply(blocks: list[Block], fn: Callable[[str], str]) -> None:
    for b in blocks:
        if isinstance(b, Paragraph):
            b.text = fn(b.text)
        else:
            b.lead = fn(b.lead)
            b.items = [fn(x) for x in b.items]


def build_report(source: Source) -> ImportResult:
    # long: the import pipeline in reading order (title, addressee, body, 落款); each step is a call
    lines = normalised_lines(source)
    official_at, official = take_official(lines)  # 版头 and 版记 lines never reach the structure
    dropped = set(official_at)
    lines = [ln for i, ln in enumerate(lines) if i not in dropped]
    if not lines:
        raise InvalidInput("文件中没有文字内容，无法导入。")
    notes = list(source.notes)
    styled = source.styled
    n_title = _title_block(lines, styled)
    title_block = [ln.text for ln in lines[:n_title]]
    issuers, title_lines = _split_title(title_block) if title_block else ([], [])
    start = n_title
    signatures, date, end = _closing(lines, start, styled)

    addressee = ""
    if start < end:
        first = lines[start]
        is_addressee = (
            first.src.role == "addressee"
            if styled
            else (
                first.text.endswith("：")
                and 2 <= len(first.text) <= 60
                and any(ch.isalnum() for ch in first.text)  # "县委、县政府：", not "：："
                and first.text[-2] not in "：:"
                and "。" not in first.text
                and heading_match(first.text) is None
                and split_points(first.text) is None
            )
        )
        if is_addressee:
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

    extractor = FigureExtractor()

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
    _blocks_apply(builder.intro, figures)
    report.intro = builder.intro
    report.sections = builder.sections
    for section, _ in report.walk():
        section.heading = years(section.heading)
        _blocks_apply(section.blocks, figures)
    report.figures = extractor.figures
    # What the store will accept on loading (counts of sections, blocks, figures …).
    try:
        interchange.report_body_from_dict(interchange.report_body_to_dict(report))
    except InvalidInput as exc:
        raise InvalidInput(
            "文件的结构过于复杂（章节、段落或数据过多），不像是一份年度报告，无法导入。", detail=exc.message
        ) from None
    if builder.stray_labels:
        notes.append(
            f"有 {builder.stray_labels} 个段落以编号开头（如“3.”），但编号不接续上文（如前面没有“2.”），"
            "已作为正文原样保留，请核对。"
        )
    if not title_lines:
        notes.append("未识别到报告标题，请在“标题”中补填。")
    if not report.sections:
        notes.append("未识别到任何章节标题（如“一、”），全文已作为正文导入，请核对。")
    return ImportResult(report, notes)
