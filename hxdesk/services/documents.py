"""The report as documents: problems to fix first, the file name, the .docx, the JSON file, search."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .. import interchange
from ..errors import InvalidInput
from ..figures import report_values
from ..fsutil import atomic_write_bytes
from ..model import ImportNote, Report
from ..model import edition_view as edition_view  # what an edition contains, for the GUI's preview
from ..render.profile import FontProfile

_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')  # Windows forbids these (and control characters)
_RESERVED_FILE_NAMES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}
MAX_FILE_NAME_CHARS = 100  # without the extension: the whole path must stay under Windows' 260


def _file_name_part(text: str) -> str:
    return re.sub(r"\s+", " ", _NOT_IN_FILE_NAMES.sub("", text)).strip()


def default_file_name(report: Report) -> str:
    """The suggested .docx name: issuing body, year and title, e.g.
    黄溪镇人民政府2025年度法治政府建设报告.docx (two towns' reports in one folder
    differ); the report name stands in for a missing issuer.  Valid on Windows."""
    variables = report.variables()
    title = re.sub(r"\{\{([^}]*)\}\}", lambda m: variables.get(m.group(1).strip(), ""), report.title)
    title = _file_name_part(title).rstrip(". ") or f"{report.year}年度法治政府建设报告"
    issuer = next((p for p in map(_file_name_part, report.issuers) if p), "") or _file_name_part(report.name)
    if issuer in title:
        issuer = ""
    stem = (issuer[: max(0, MAX_FILE_NAME_CHARS - len(title))] + title)[:MAX_FILE_NAME_CHARS].strip().rstrip(". ")
    if stem.split(".")[0].strip().upper() in _RESERVED_FILE_NAMES:
        stem += "_"  # CON.docx, NUL.docx … cannot be created on Windows
    return f"{stem or report.year}.docx"


def render_to_file(
    report: Report, path: str | Path, fonts: FontProfile | None = None, *, edition: str = "plain"
) -> Path:
    """Render and write the .docx atomically (no partial file on any failure); ``edition`` is
    submit (报送版), plain (普通版) or public (公开版)."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise InvalidInput("输出文件应以 .docx 结尾。")
    from ..render import render_bytes  # python-docx loads on the first render, not at start-up

    return atomic_write_bytes(target, render_bytes(report, fonts, edition))


def export_json(report: Report, path: str | Path) -> Path:
    return atomic_write_bytes(Path(path), interchange.dumps(report).encode("utf-8"))


def search_report(report: Report, needle: str) -> list[tuple[tuple[str, ...], str]]:
    """Where ``needle`` occurs: (target, text) pairs in document order.

    target is ("title",), ("intro",), ("section", uid) or ("closing",); the text is
    the expanded paragraph (figures filled in), so both typed words and shown
    numbers are found.
    """
    from ..figures import expand_text
    from ..model import block_paragraph_texts, date_text

    needle = needle.strip()
    if not needle:
        return []
    values, _ = report_values(report)
    hits: list[tuple[tuple[str, ...], str]] = []

    def check(target: tuple[str, ...], texts: Iterable[str]) -> None:
        for raw in texts:
            shown = expand_text(raw, report, values)
            if needle in raw or needle in shown:
                hits.append((target, shown))

    check(("title",), [report.title, *report.issuers, report.addressee, report.name])
    check(("intro",), [t for b in report.intro for t in block_paragraph_texts(b)])
    for section, _ in report.walk():
        check(
            ("section", section.uid), [section.heading, *[t for b in section.blocks for t in block_paragraph_texts(b)]]
        )
    check(("closing",), [*report.signatures, date_text(report.date) if report.date else ""])
    return hits


def replace_in_report(report: Report, needle: str, replacement: str, target: tuple[str, ...] | None = None) -> int:
    """Replace ``needle`` in the report's own words, everywhere or in ``target`` only; returns how many.

    Figures are not text: a placeholder (``{{key}}``) is never cut or changed,
    so a shown number such as 12件 is changed in the figure form, not here.
    """
    from ..model import PLACEHOLDER_RE, map_block_texts
    from ..text import clean_line

    if not needle:
        return 0
    replacement = clean_line(replacement)
    if "{{" in replacement or "}}" in replacement:
        raise InvalidInput("替换内容中不能含有花括号 {{ }}。要插入数据，请用“插入数据…”。")
    count = 0

    def sub(raw: str) -> str:
        nonlocal count
        parts = PLACEHOLDER_RE.split(raw)  # literal, key, literal, key, …
        keys = [m.group(0) for m in PLACEHOLDER_RE.finditer(raw)]
        out = []
        for i, literal in enumerate(parts[::2]):
            count += literal.count(needle)
            out.append(literal.replace(needle, replacement))
            if i < len(keys):
                out.append(keys[i])
        return "".join(out)

    if target in (None, ("title",)):
        report.title = sub(report.title)
        report.issuers = [sub(name) for name in report.issuers]
        report.addressee = sub(report.addressee)
    if target in (None, ("intro",)):
        map_block_texts(report.intro, sub)
    for section, _ in report.walk():
        if target in (None, ("section", section.uid)):
            section.heading = sub(section.heading)
            map_block_texts(section.blocks, sub)
    if target in (None, ("closing",)):
        report.signatures = [sub(name) for name in report.signatures]
    return count


def read_import(path: str | Path) -> tuple[Report, list[ImportNote]]:
    """Read a file to import, before any database is touched: a .json
    interchange file, or a document for the importer, which recognises the
    content and explains in Chinese what it cannot read (.doc/.wps, PDF,
    encrypted documents …).  Returns the report and notes for the user.

    The one way in for the CLI and the GUI: a report without a name is named after the file,
    to be told apart in the list from the report it was made from."""
    notes: list[ImportNote] = []
    if Path(path).suffix.lower() == ".json":
        report = interchange.read_file(path)
    else:
        from ..importer import import_file as read_document

        result = read_document(path)
        report, notes = result.report, list(result.notes)
    if not report.name.strip():
        body = report.issuers[0] if report.issuers else "报告"
        report.name = f"{body}（导入自 {short_file_name(Path(path).name)}）"
    return report, notes


def short_file_name(name: str, limit: int = 30) -> str:
    """A file name shortened in the middle (its extension kept) to at most ``limit`` characters."""
    if len(name) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    keep = limit - len(ext) - 2 if dot and len(ext) <= 5 else limit - 1
    return (stem if dot and len(ext) <= 5 else name)[:keep] + "…" + (dot + ext if dot and len(ext) <= 5 else "")
