"""Writing .docx files the way a person types a report in Word, and reading texts back.

A typed document uses the Normal style in 宋体 with direct formatting only:
a centred bold title, bold headings, the run-in heading sentence in bold,
and a right-aligned signature and date.  Corpus files describe such a document
in a small markup, one paragraph a line:

    =text        centred, bold, 22 pt (the title block)
    #text        bold paragraph
    *bold*rest   the bold part first, then normal text
    >text        right-aligned
    (empty)      an empty paragraph
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from hxdesk.render import render_document

CORPUS = Path(__file__).resolve().parent / "corpus"


def _east_asian(run_or_style_font_element, name: str) -> None:
    rpr = run_or_style_font_element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def typed_docx(markup: str, path: Path) -> Path:
    """Build the document the markup describes and save it to ``path``."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(16)
    _east_asian(normal.element, "宋体")
    body = document.element.body
    for p in list(body):
        if p.tag == qn("w:p"):
            body.remove(p)
    for line in markup.splitlines():
        p = document.add_paragraph()
        if not line.strip():
            continue
        if line.startswith("="):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line[1:])
            run.bold = True
            run.font.size = Pt(22)
        elif line.startswith("#"):
            p.add_run(line[1:]).bold = True
        elif line.startswith(">"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run(line[1:])
        elif line.startswith("*") and line.count("*") >= 2:
            bold, rest = line[1:].split("*", 1)
            p.add_run(bold).bold = True
            p.add_run(rest)
        else:
            p.paragraph_format.first_line_indent = Pt(32)
            p.add_run(line)
    document.save(str(path))
    return path


def markup_text(markup: str) -> list[str]:
    """The non-empty paragraphs the markup's document shows."""
    out = []
    for line in markup.splitlines():
        if not line.strip():
            continue
        if line[0] in "=#>":
            line = line[1:]
        elif line.startswith("*") and line.count("*") >= 2:
            bold, rest = line[1:].split("*", 1)
            line = bold + rest
        out.append(line)
    return out


_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十]+）")


def sample_markup(lines: list[str]) -> str:
    """The sample as a clerk types it: title centred and bold, 一、 headings bold,
    the （一） heading sentence bold and the body after it plain."""
    out = ["=" + lines[0], "=" + lines[1], ""]
    for line in lines[2:]:
        if _LEVEL1.match(line):
            out.append("#" + line)
        elif _LEVEL2.match(line) and "。" in line[:-1]:
            head, rest = line.split("。", 1)
            out.append(f"*{head}。*{rest}")
        else:
            out.append(line)
    return "\n".join(out)


def non_empty(texts: list[str]) -> list[str]:
    return [t for t in texts if t.strip()]


def docx_texts(path: Path) -> list[str]:
    """Non-empty paragraph texts of a .docx, read back with python-docx."""
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def rendered_texts(report, tmp_path: Path, name: str = "rendered.docx") -> list[str]:
    """Render to a real .docx file and read its paragraphs back."""
    out = tmp_path / name
    render_document(report).save(str(out))
    return docx_texts(out)


def shape(report) -> list[tuple[int, bool, bool]]:
    """(level, numbered, run_in) of every section, in order: "every heading at the right level"."""
    return [(len(path), s.numbered, s.run_in) for s, path in report.walk()]


def after_title(texts: list[str], report) -> list[str]:
    """The paragraphs after the title block: a report imported without a title gets one proposed
    (issue 30), which these texts start with."""
    title = "".join(report.issuers) + report.title.replace("{{year}}", str(report.year)).replace("\n", "")
    joined = ""
    for k, text in enumerate(texts):
        if joined == title and text:
            return texts[k:]
        joined += text
    raise AssertionError(f"the texts do not start with the title {title!r}: {texts[:3]}")
