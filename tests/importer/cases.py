"""Import one small report of a test's own wording through the real CLI (a real SQLite file)
and through the .docx path, then read it back from the database.

A case is plain text, one paragraph a line; ``=`` opens a title line (centred and bold in the
.docx), ``>`` a signature or date line (right-aligned).  Forms:

    txt     the text as a .txt file
    typed   a .docx as a clerk types it: title centred and bold, labelled headings bold
    listed  a .docx whose labelled paragraphs (一、（一）1.（1）) are numbered by Word's list
            numbering: the label is not in the text, the numbering definition draws it
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from support import run_cli

from hxdesk import services
from hxdesk.model import Report
from hxdesk.render import paragraph_texts

from .typed import typed_docx

FORMS = ("txt", "typed", "listed")
#: Cases about typed labels (slips, repeats) cannot be numbered by Word.
TYPED_FORMS = ("txt", "typed")
_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_LEVELS = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^（[一二三四五六七八九十]+）"),
    re.compile(r"^\d{1,3}\.(?!\d)"),
    re.compile(r"^（\d{1,3}）"),
)
_W = nsdecls("w")
_NUMBERING = (
    f'<w:abstractNum {_W} w:abstractNumId="80">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>'
    "</w:abstractNum>"
)


def listed_docx(case: str, path: Path) -> Path:
    """The case with its labels drawn by Word's list numbering (段落 → 编号)."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
    for line in case.splitlines():
        if line[:1] == "=":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(line[1:]).bold = True
            continue
        if line[:1] == ">":
            d.add_paragraph(line[1:]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
            continue
        level = next((i for i, rx in enumerate(_LEVELS) if rx.match(line)), None)
        if level is None:
            d.add_paragraph(line)
            continue
        p = d.add_paragraph()
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="80"/></w:numPr>')
        )
        p.add_run(_LEVELS[level].sub("", line))
    d.save(str(path))
    return path


def plain_text(case: str) -> str:
    return "\n".join(line[1:] if line[:1] in "=>" else line for line in case.splitlines())


def typed_markup(case: str) -> str:
    out = []
    for line in case.splitlines():
        if line[:1] in "=>":
            out.append(line)
        elif _LABEL.match(line) and "。" not in line:
            out.append("#" + line)
        else:
            out.append(line)
    return "\n".join(out)


def write_case(tmp_path: Path, case: str, form: str, name: str = "case") -> Path:
    if form == "txt":
        path = tmp_path / f"{name}.txt"
        path.write_text(plain_text(case), encoding="utf-8")
        return path
    if form == "listed":
        return listed_docx(case, tmp_path / f"{name}.docx")
    return typed_docx(typed_markup(case), tmp_path / f"{name}.docx")


def cli_import(tmp_path: Path, case: str, form: str, name: str = "case") -> tuple[Report, list[str]]:
    """`hxdesk import FILE` into a real database file; the report as stored, and the notes printed."""
    path = write_case(tmp_path, case, form, name)
    db = tmp_path / "hx.db"
    proc = run_cli("--db", str(db), "import", str(path), check=True)
    report_id = int(proc.stdout.strip().splitlines()[-1])
    notes = [line.removeprefix("提示：") for line in proc.stderr.splitlines() if line.startswith("提示：")]
    with services.open_workspace(db, write=False) as workspace:
        return workspace.reports.load(report_id), notes


def headings(report: Report) -> list[tuple[int, str]]:
    """(level, heading) of every section in order, with the number label the renderer prints."""
    out = []
    counters: dict[tuple[int, ...], int] = {}
    for section, path in report.walk():
        n = counters.get(path[:-1], 0) + (1 if section.numbered else 0)
        counters[path[:-1]] = n
        out.append((len(path), section.heading))
    return out


def rendered(report: Report) -> list[str]:
    return [t for t in paragraph_texts(report) if t]


def figure(report: Report, label: str):
    found = [f for f in report.figures.values() if f.label == label]
    assert len(found) == 1, (label, [f.label for f in report.figures.values()])
    return found[0]


def body_texts(report: Report) -> list[str]:
    out: list[str] = []
    blocks = list(report.intro)
    for section, _ in report.walk():
        blocks.extend(section.blocks)
    for b in blocks:
        text = getattr(b, "text", None)
        if text is not None:
            out.append(text)
    return out
