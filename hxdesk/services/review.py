"""校对 as a service: the word lists loaded (built-in and the user's), the check engine called."""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checks import (
    ERROR,
    WARNING,
    DocumentTitle,
    Finding,
    WordRule,
    merge_documents,
    merge_words,
    parse_documents,
    parse_words,
)
from ..checks import check_report as run_checks
from ..errors import HxError, InvalidInput
from ..fsutil import read_input_file
from ..model import Report
from ..resources import resource_path
from .paths import data_dir

#: The user's own word list in the data folder (same format as resources/checks/words.json).
USER_WORDS_FILE = "check_words.json"
#: The user's own document titles (same format as resources/checks/documents.json).
USER_DOCUMENTS_FILE = "check_documents.json"
MAX_WORDS_BYTES = 1024 * 1024


@lru_cache(maxsize=1)
def builtin_words() -> tuple[WordRule, ...]:
    path = resource_path("checks") / "words.json"
    return tuple(parse_words(json.loads(path.read_text(encoding="utf-8")), "内置词表"))


def user_words_path() -> Path:
    return data_dir() / USER_WORDS_FILE


_user_cache: dict[tuple[str, int, int], tuple[Any, ...]] = {}


def _user_list(path: Path, parse: Callable[[Any, str], list[Any]], source: str) -> tuple[Any, ...]:
    """A user's list file parsed (cached by size and time); () when it does not exist.  Raises HxError."""
    try:
        st = path.stat()
    except OSError:
        return ()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _user_cache:
        raw = read_input_file(path, MAX_WORDS_BYTES)
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HxError(f"不是有效的 JSON（{exc}）") from exc
        for old in [k for k in _user_cache if k[0] == key[0]]:
            del _user_cache[old]
        _user_cache[key] = tuple(parse(data, source))
    return _user_cache[key]


def user_words() -> tuple[WordRule, ...]:
    """The user's additions; none when the file does not exist.  Raises HxError for a bad file."""
    return _user_list(user_words_path(), parse_words, "用户词表")


def check_words() -> tuple[tuple[WordRule, ...], str]:
    """(the word list to check with, a Chinese note when the user's file had to be ignored)."""
    return _with_user_list(builtin_words(), user_words, merge_words, user_words_path(), "词表")


def _with_user_list(
    builtin: tuple[Any, ...],
    user: Callable[[], tuple[Any, ...]],
    merge: Callable[[tuple[Any, ...], tuple[Any, ...]], tuple[Any, ...]],
    path: Path,
    name: str,
) -> tuple[tuple[Any, ...], str]:
    """The built-in list merged with the user's, or the built-in one and why the user's was ignored."""
    try:
        extra = user()
    except HxError as exc:
        why = exc.message.rstrip("。")
        return builtin, f"数据文件夹中的{name} {path} 无法使用：{why}。已忽略，只用内置{name}。"
    return merge(builtin, extra), ""


@lru_cache(maxsize=1)
def builtin_documents() -> tuple[DocumentTitle, ...]:
    path = resource_path("checks") / "documents.json"
    return tuple(parse_documents(json.loads(path.read_text(encoding="utf-8")), "内置文件名称表"))


def user_documents_path() -> Path:
    return data_dir() / USER_DOCUMENTS_FILE


def check_documents() -> tuple[tuple[DocumentTitle, ...], str]:
    """(the document titles to check with, a Chinese note when the user's file had to be ignored)."""
    path = user_documents_path()

    def user() -> tuple[DocumentTitle, ...]:
        return _user_list(path, parse_documents, "用户文件名称表")

    return _with_user_list(builtin_documents(), user, merge_documents, path, "文件名称表")


def check_report(report: Report, *, today: _dt.date | None = None) -> list[Finding]:
    """Every finding of the report in document order (see hxdesk.checks)."""
    words, problem = check_words()
    documents, documents_problem = check_documents()
    findings = run_checks(report, today=today, words=words, documents=documents)
    if problem:
        findings.append(Finding("writing.words_file", WARNING, problem, "词表", None, "report", USER_WORDS_FILE))
    if documents_problem:
        findings.append(
            Finding("documents.file", WARNING, documents_problem, "文件名称表", None, "report", USER_DOCUMENTS_FILE)
        )
    return findings


@dataclass(frozen=True)
class Readiness:
    """What stands between a report and sending it, as ``hxdesk render`` and 生成报告 both say it:
    the checks' findings in document order and the 【待填：…】 the document of an edition shows."""

    findings: list[Finding]
    placeholders_left: int

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def open_items(self) -> list[str]:
        """文档中还有 2 处【待填：……】, 校对发现的 1 处错误、3 处提示 (none: nothing open)."""
        items = []
        if self.placeholders_left:
            items.append(f"文档中还有 {self.placeholders_left} 处【待填：……】")
        if self.findings:
            items.append(f"校对发现的 {self.errors} 处错误、{self.warnings} 处提示")
        return items


def readiness(report: Report, edition: str = "plain") -> Readiness:
    return Readiness(check_report(report), placeholders_left(report, edition))


def placeholders_left(report: Report, edition: str = "plain") -> int:
    """How many 【待填：…】 the document of ``edition`` shows (a figure used twice counts twice)."""
    from ..render import paragraph_texts

    return sum(text.count("【待填：") for text in paragraph_texts(report, edition))


def finding_key(finding: Finding) -> str:
    """What identifies a finding across edits elsewhere: its rule, place and the text it points at."""
    return "|".join(
        str(part)
        for part in (finding.rule, finding.section_uid or finding.where, finding.field, finding.item, finding.excerpt)
    )


def open_findings(report: Report, dismissed: set[str]) -> tuple[list[Finding], int]:
    """The findings still to look at (``dismissed``: Workspace.annotations.dismissed_findings), and
    how many were dismissed."""
    findings = check_report(report)
    shown = [f for f in findings if finding_key(f) not in dismissed]
    return shown, len(findings) - len(shown)


# ------------------------------------------------------------------ acting on a finding


def finding_text(report: Report, finding: Finding) -> str:
    """The typed text a finding's span counts in ("" when the place is gone)."""
    return _text_slot(report, finding)[0]


def _text_slot(report: Report, finding: Finding) -> tuple[str, Callable[[str], None] | None]:
    """(the typed text of a finding's place, a setter for it)."""
    from ..model import Paragraph

    if finding.section_uid:
        section = report.find(finding.section_uid)
        if section is None:
            return "", None
        if finding.field == "heading":
            return section.heading, lambda text: setattr(section, "heading", text)
        blocks = section.blocks
    elif finding.where == "开头段落":
        blocks = report.intro
    else:
        if finding.field == "title":
            return report.title, lambda text: setattr(report, "title", text)
        if finding.field == "addressee":
            return report.addressee, lambda text: setattr(report, "addressee", text)
        return "", None
    if not isinstance(finding.field, int) or not 0 <= finding.field < len(blocks):
        return "", None
    block = blocks[finding.field]
    if isinstance(block, Paragraph):
        return block.text, lambda text: setattr(block, "text", text)
    if finding.item is None:
        return block.lead, lambda text: setattr(block, "lead", text)
    index = finding.item
    if not 0 <= index < len(block.items):
        return "", None

    def set_item(text: str) -> None:
        block.items[index] = text

    return block.items[index], set_item


#: A number typed with its unit: 12件, 3.5万元, 80余人次, 95%.
_TYPED_NUMBER = re.compile(r"^([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(余|多)?\s*(.+)$")


def label_before(text: str, start: int) -> str:
    """A figure name from the words before a typed number, as the importer names its figures:
    共受理行政复议案件12件 → 受理行政复议案件."""
    from ..importer.figures import label_before as importer_label

    return importer_label(text, start)


def make_figure(report: Report, finding: Finding, label: str | None = None) -> str:
    """Turn the number a ``numbers.literal`` finding points at into a figure; returns its key.

    The typed 12件 becomes ``{{key}}`` in the text, and a figure with the value 12 and the unit 件,
    named ``label`` (by default from the words before it), so that next year's report asks for it.
    """
    from ..figures import next_figure_key, parse_number
    from ..model import QUALIFIERS, Figure
    from ..text import clean_line

    text, setter = _text_slot(report, finding)
    if finding.rule != "numbers.literal" or finding.span is None or setter is None:
        raise InvalidInput("这一条不是正文中直接写的数字，不能改为数据。")
    start, end = finding.span
    m = _TYPED_NUMBER.match(text[start:end])
    if m is None:
        raise InvalidInput("没有找到要改为数据的数字，正文可能已经改过了。请重新检查。")
    name = clean_line(label if label is not None else label_before(text, start)) or "数据"
    if any(f.label == name for f in report.figures.values()):
        raise InvalidInput(f"已有名为“{name}”的数据，请换一个名称。")
    if "【" in name or "】" in name or "{" in name or "}" in name:
        raise InvalidInput("数据名称中不能含有【】或花括号。")
    qualifier = m.group(2) or ""
    key = next_figure_key(report)
    report.figures[key] = Figure(
        key, name, parse_number(m.group(1)), clean_line(m.group(3)), qualifier if qualifier in QUALIFIERS else ""
    )
    setter(text[:start] + "{{" + key + "}}" + text[end:])
    return key


# ------------------------------------------------------------------ the user's word list


def add_user_word(wrong: str, right: str, note: str = "") -> Path:
    """Add (or replace) an entry of the user's check_words.json, written atomically; returns the file."""
    from ..fsutil import atomic_write_bytes
    from ..text import clean_line

    wrong, right, note = clean_line(wrong), clean_line(right), clean_line(note)
    if not wrong or not right:
        raise InvalidInput("请填写误写的词和正确的写法。")
    if wrong == right:
        raise InvalidInput("误写和正确写法相同。")
    entry = {"wrong": wrong, "right": right, "note": note or f"应写作“{right}”。"}
    parse_words({"words": [entry]}, "新词条")  # the same limits as a file
    path = user_words_path()
    try:
        current = json.loads(read_input_file(path, MAX_WORDS_BYTES).decode("utf-8-sig")) if path.is_file() else {}
    except (HxError, UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput(f"数据文件夹中的词表 {path} 无法读取，请先修正或删除它。") from None
    words = [w for w in current.get("words", []) if isinstance(w, dict) and w.get("wrong") != wrong]
    words.append(entry)
    data = {"about": "hxdesk 校对的用户词表（与 resources/checks/words.json 格式相同）。", "words": words}
    parse_words(data, "用户词表")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
