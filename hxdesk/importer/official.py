"""The 版头 and 版记 lines of an imported document (发文机关标志, 发文字号, 签发人, 附件, 抄送, 印发):
taken out of the line list into OfficialElements before the structure pass, so that they never
become headings or body text."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Protocol

from ..model import Attachment, OfficialElements

_NUMBER = (
    r"^(?P<code>[\u4e00-\u9fffA-Za-z]{1,15})\s*[〔\[［（(【]\s*(?P<year>\d{4})\s*[〕\]］）)】]\s*第?\s*"
    r"(?P<num>\d{1,5})\s*号"
)
#: 新田委文〔2026〕3号, X政发[2025]12号, X办（2025）1号; optionally 签发人：… after it.
DOC_NUMBER_RE = re.compile(_NUMBER + r"(?:\s*签发人\s*[:：]\s*(?P<signers>.+))?$")
SIGNER_RE = re.compile(r"^签发人\s*[:：]\s*(?P<signers>.+)$")
_NAME = r"[\u4e00-\u9fff·]{2,5}"
#: 7.2.5/7.2.6, more than two 签发人: the 发文字号 line ends with the last line of names, as typed.
NUMBER_NAMES_RE = re.compile(_NUMBER + rf"[\s\u3000]+(?P<names>{_NAME}(?:[\s\u3000]+{_NAME})?)$")
#: A line of 签发人 names between the 签发人 line and the 发文字号 line, as typed.
NAMES_LINE_RE = re.compile(rf"^{_NAME}(?:[\s\u3000]+{_NAME})?$")
CC_RE = re.compile(r"^抄\s*送\s*[:：]\s*(?P<bodies>.+?)[。.]?$")
PRINTED_RE = re.compile(r"^(?P<printer>.*?)\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*印\s*发$")
NOTE_RE = re.compile(r"^附\s*件\s*[:：]\s*(?P<rest>.+)$")
NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>.+)$")
LABEL_RE = re.compile(r"^附\s*件\s*(?P<n>\d{0,2})$")
HEAD_LINES = 8  # the 版头 stands in the first lines
TAIL_LINES = 6  # the 版记 in the last ones


class _Source(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def cells(self) -> tuple[str, ...]: ...


class _Line(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def src(self) -> _Source: ...


def _raw_signers(line: _Line) -> str:
    """The names after 签发人： as typed (normalising joins names separated by spaces)."""
    m = re.search(r"签发人\s*[:：]\s*(.+)$", line.src.text.strip())
    return m[1] if m else ""


def _names(text: str) -> list[str]:
    return [x for x in re.split(r"[\s\u3000、，,；;]+", text.strip().rstrip("。")) if x]


def _date(y: str, m: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _header(texts: list[str], o: OfficialElements) -> set[int]:
    """发文机关标志 lines: up to three short lines at the top, the last ending with 文件 (or 文件 alone)."""
    for end in range(min(3, len(texts))):
        t = texts[end].replace(" ", "").replace("\u3000", "")
        if not t.endswith("文件") or len(t) > 40 or re.search(r"[，。；：、]", t):
            continue
        bodies = [x.replace(" ", "").replace("\u3000", "") for x in texts[:end]] + [t[:-2]]
        bodies = [b for b in bodies if b]
        if not bodies or any(re.search(r"[，。；：]", b) for b in bodies):
            continue
        o.bodies, o.with_wenjian = bodies, True
        return set(range(end + 1))
    return set()


def take_official(lines: Sequence[_Line]) -> tuple[list[int], OfficialElements]:
    """The indexes of the lines that are 版头 or 版记 elements, and the elements they give."""
    # long: one pass per element kind, each a few lines; kept together so the hook stays one call
    o = OfficialElements()
    texts = [ln.text.strip() for ln in lines]
    taken = _header(texts, o)
    head = min(HEAD_LINES, len(texts))
    signer_line = -2
    for i in range(head):
        if i in taken:
            continue
        t = texts[i]
        raw = lines[i].src.text.strip()
        m = DOC_NUMBER_RE.match(t)
        names = NUMBER_NAMES_RE.match(raw) if signer_line >= 0 and not m else None
        if (m or names) and o.doc_number is None:
            hit = m or names
            assert hit is not None
            o.code, o.doc_year, o.doc_number = hit["code"], int(hit["year"]), int(hit["num"])
            if m and m["signers"]:
                o.signers = _names(_raw_signers(lines[i]) or m["signers"])
            if names:
                o.signers += _names(names["names"])
            taken.add(i)
            continue
        m = SIGNER_RE.match(t)
        if m:
            o.signers = _names(_raw_signers(lines[i]) or m["signers"]) + o.signers
            taken.add(i)
            signer_line = i
        elif signer_line == i - 1 and NAMES_LINE_RE.match(raw) and _number_follows(lines, i + 1, head):
            o.signers += _names(raw)  # a middle line of names
            taken.add(i)
            signer_line = i
    start = max(0, len(texts) - TAIL_LINES)
    for i in range(start, len(texts)):
        t = texts[i]
        m = CC_RE.match(t)
        if m:
            o.cc = [x for x in re.split(r"[，,、]", m["bodies"]) if x.strip()]
            taken.add(i)
            continue
        m = PRINTED_RE.match(t)
        if m:
            o.printer = m["printer"].strip()
            o.print_date = _date(m["y"], m["m"], m["d"])
            taken.add(i)
    taken |= _attachments(lines, texts, taken, o)
    return sorted(taken), o


def _number_follows(lines: Sequence[_Line], start: int, end: int) -> bool:
    """Whether a 发文字号 line ending with names comes after ``start`` (past more lines of names)."""
    for j in range(start, end):
        raw = lines[j].src.text.strip()
        if NUMBER_NAMES_RE.match(raw):
            return True
        if not NAMES_LINE_RE.match(raw):
            return False
    return False


def _attachments(lines: Sequence[_Line], texts: list[str], taken: set[int], o: OfficialElements) -> set[int]:
    """附件：… (the 附件说明, with 2.… lines after it) and the attachment pages after the text
    (a line 附件 or 附件N, its title, its paragraphs and the rows of a table up to the 版记)."""
    out: set[int] = set()
    titles: list[str] = []
    for i, t in enumerate(texts):
        m = NOTE_RE.match(t)
        if not m or i in taken:
            continue
        first = NUMBERED_RE.match(m["rest"])
        titles.append(first["title"] if first else m["rest"])
        out.add(i)
        j = i + 1
        while first and j < len(texts) and (n := NUMBERED_RE.match(texts[j])) and int(n["n"]) == len(titles) + 1:
            titles.append(n["title"])
            out.add(j)
            j += 1
        break
    if not titles:
        return out
    o.attachments = [Attachment(t.strip().rstrip("。")) for t in titles]
    # The pages themselves: from the first label line after the note.
    note_at = min(out)
    current: Attachment | None = None
    for i in range(note_at + 1, len(texts)):
        if i in taken:
            continue
        m = LABEL_RE.match(texts[i].replace(" ", ""))
        if m:
            k = int(m["n"]) - 1 if m["n"] else 0
            current = o.attachments[k] if 0 <= k < len(o.attachments) else None
            out.add(i)
            continue
        if current is None:
            continue
        out.add(i)
        if texts[i].rstrip("。") == current.title and not current.paragraphs and not current.table:
            continue  # its title line
        cells = list(lines[i].src.cells)
        if cells and (not current.table or len(cells) == len(current.table[0])):
            current.table.append(cells)  # a row of a Word table on the attachment's page
        else:
            current.paragraphs.append(texts[i])
    return out
