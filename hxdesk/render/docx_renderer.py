"""Report model -> .docx in the official format (GB/T 9704-2012).

Paragraph and character formatting come from the named styles of the style
template (resources/styles/official.docx); the renderer only chooses styles,
places the closing block and writes the page setup and page numbers.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ..figures import expand_text, report_values
from ..model import Block, Report, Section, block_paragraph_texts, date_text, edition_view, numbering_labels
from ..resources import resource_path
from ..styleids import STYLE_IDS
from ..text import clean_line, clean_text, display_width
from . import official, pagination
from . import profile as fmt
from .profile import FontProfile
from .schema_order import in_schema_order
from .styles import apply_font_profile
from .title import break_title

STYLE_TEMPLATE = "styles/official.docx"


@dataclass
class RenderedParagraph:
    """What one body paragraph holds: (text, style role) runs."""

    style: str
    runs: list[tuple[str, str | None]]  # (text, character style role or None)
    outline_level: int | None = None
    keep_next: bool = False
    left_chars: float | None = None  # a left indent in 字 (no first-line indent)
    page_break: bool = False
    place: tuple[str, ...] = ()  # the part of the report it shows: ("title",), ("section", uid), …
    table: list[list[str]] | None = None  # not a paragraph: a table of these rows (an attachment's)


def _place(paragraphs: list[RenderedParagraph], place: tuple[str, ...]) -> list[RenderedParagraph]:
    """Mark the paragraphs not yet placed as showing ``place``."""
    for rp in paragraphs:
        if not rp.place:
            rp.place = place
    return paragraphs


class ReportRenderer:
    """Builds the document of one edition of a report with one font profile: it renders all that
    the edition's view (model.edition_view) holds, and only that."""

    def __init__(self, report: Report, fonts: FontProfile | None = None, edition: str = "plain"):
        self.report = edition_view(report, edition)
        self.edition = edition
        self.fonts = fonts or FontProfile()
        self.values, self.problems = report_values(self.report)
        self.labels = numbering_labels(self.report)
        self.body_places: list[tuple[str, ...]] = []  # per body paragraph or table of the last build()

    # ---------------------------------------------------------------- text
    def expand(self, text: str) -> str:
        return clean_text(expand_text(text, self.report, self.values)).replace("\n", "")

    def paragraphs(self) -> list[RenderedParagraph]:
        """The document's paragraphs in order, before any .docx is built."""
        r = self.report
        out: list[RenderedParagraph] = []
        issuers = [self.expand(x) for x in r.issuers if x.strip()]
        title_lines: list[str] = []
        for part in r.title.split("\n"):
            part = self.expand(part).strip()
            if part:
                title_lines.extend(break_title(part, fmt.TITLE_CHARS_PER_LINE))
        for line in issuers + title_lines:
            out.append(RenderedParagraph("title", [(line, None)]))
        if out:
            out.append(RenderedParagraph("body", []))  # 7.3.1: one blank line below the title
        if r.addressee.strip():
            addressee = self.expand(r.addressee).strip().rstrip(":：") + "："
            out.append(RenderedParagraph("addressee", [(addressee, None)]))
        _place(out, ("title",))
        for block in r.intro:
            out.extend(self._block(block))
        _place(out, ("intro",))
        for section in r.sections:
            self._section(section, 1, out)
        out.extend(self._attachment_note())
        _place(out, ("official",))
        closing = self._closing()
        if closing and out:
            # The signature never stands alone on the last page: the last
            # paragraph of the text goes with it (and the blank line between).
            out[-1].keep_next = True
            closing[0].keep_next = True
        out.extend(_place(closing, ("closing",)))
        out.extend(_place(self._attachments(), ("official",)))
        return out

    def _attachment_titles(self) -> list[str]:
        return [self.expand(a.title).strip() for a in self.report.official.attachments if a.title.strip()]

    def _attachment_note(self) -> list[RenderedParagraph]:
        """7.3.3: one line below the text, 2 字 in, "附件：1.……", later lines aligned after the colon."""
        titles = self._attachment_titles()
        if not titles:
            return []
        if len(titles) == 1:
            return [RenderedParagraph("body", []), RenderedParagraph("body", [("附件：" + titles[0], None)])]
        out = [RenderedParagraph("body", []), RenderedParagraph("body", [(f"附件：1.{titles[0]}", None)])]
        out.extend(RenderedParagraph("body", [(f"{i}.{t}", None)], left_chars=5) for i, t in enumerate(titles[1:], 2))
        return out

    def _attachments(self) -> list[RenderedParagraph]:
        """Each attachment on a new page: "附件" (with its number when there are several) in 黑体 top left,
        the title as a document title, then its paragraphs."""
        items = [a for a in self.report.official.attachments if a.title.strip()]
        out: list[RenderedParagraph] = []
        for i, a in enumerate(items, 1):
            label = "附件" if len(items) == 1 else f"附件{i}"
            out.append(RenderedParagraph("body", [(label, "heading1_char")], left_chars=0, page_break=True))
            out.append(RenderedParagraph("body", []))
            out.append(RenderedParagraph("title", [(self.expand(a.title).strip(), None)]))
            out.append(RenderedParagraph("body", []))
            out.extend(RenderedParagraph("body", [(self.expand(t), None)]) for t in a.paragraphs if t.strip())
            if a.table:
                rows = [[self.expand(c).strip() for c in row] for row in a.table]
                out.append(RenderedParagraph("table", [], table=rows))
        return out

    def _block(self, block: Block, lead_run: tuple[str, str | None] | None = None) -> list[RenderedParagraph]:
        texts = [self.expand(t) for t in block_paragraph_texts(block)]
        paras = [RenderedParagraph("body", [(t, None)]) for t in texts if t]
        if lead_run is not None:
            if paras:
                paras[0].runs.insert(0, lead_run)
            else:
                paras.append(RenderedParagraph("body", [lead_run]))
        return paras

    def _section(self, section: Section, level: int, out: list[RenderedParagraph]) -> None:
        start = len(out)
        self._section_own(section, level, out)
        _place(out[start:], ("section", section.uid))
        for child in section.children:
            self._section(child, level + 1, out)

    def _section_own(self, section: Section, level: int, out: list[RenderedParagraph]) -> None:
        heading = self.labels.get(section.uid, "") + self.expand(section.heading).strip()
        char_role = f"heading{level}_char"
        if section.holds_level:  # no heading, no number: no heading line (nor an empty run-in lead)
            for block in section.blocks:
                out.extend(self._block(block))
        elif section.run_in:
            # Run-in: the heading sentence opens the paragraph of the first
            # block and only that sentence takes the heading's font.
            first: Block | None = section.blocks[0] if section.blocks else None
            rest = section.blocks[1:]
            if first is None:
                paras = [RenderedParagraph("body", [(heading, char_role)])]
            else:
                paras = self._block(first, (heading, char_role))
            paras[0].outline_level = level - 1
            out.extend(paras)
            for block in rest:
                out.extend(self._block(block))
        else:
            out.append(RenderedParagraph(f"heading{level}", [(heading, None)], outline_level=level - 1))
            for block in section.blocks:
                out.extend(self._block(block))

    def signature_lines(self) -> list[str]:
        """The 署名 lines as printed (placeholders expanded, blank lines dropped)."""
        return [clean_line(self.expand(s)) for s in self.report.signatures if s.strip()]

    def _closing(self) -> list[RenderedParagraph]:
        """Signature and date per GB/T 9704 7.3.5.2 (no seal)."""
        r = self.report
        sigs = self.signature_lines()
        date = date_text(r.date) if r.date else ""
        if not sigs and not date:
            return []
        out = [RenderedParagraph("body", [])]  # one blank line below the text
        for sig in sigs:
            out.append(RenderedParagraph("signature", [(sig, None)]))
        if date:
            out.append(RenderedParagraph("date", [(date, None)]))
        return out

    # ---------------------------------------------------------------- docx
    def closing_layout(self) -> tuple[float, float]:
        """Left indents in 字 of the signature lines and of the date.

        7.3.5.2 (no seal): the signature stands 2 字 from the right; the date on
        the next line starts 2 字 right of the signature's first character; a
        date longer than that keeps 2 字 from the right and the signature moves
        left.  Joint signatures stand one below another, first characters aligned.
        Left indents (not right alignment) keep the starts exact even where a
        layout engine adds space around half-width digits.
        """
        sigs = self.signature_lines()
        s = max((display_width(x) for x in sigs), default=0.0)
        d = display_width(date_text(self.report.date)) if self.report.date else 0.0
        line = float(fmt.CHARS_PER_LINE)
        if not sigs:
            return 0.0, line - 2 - d
        if d <= s - 2:
            sig_left = line - 2 - s
            return sig_left, sig_left + 2
        date_left = line - 2 - d
        return date_left - 2, date_left

    def build(self) -> DocxDocument:
        document = docx.Document(str(resource_path(STYLE_TEMPLATE)))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        apply_font_profile(document, self.fonts)
        sig_left, date_left = self.closing_layout()
        # The paragraphs are written straight as XML elements: python-docx's proxies find each child's
        # place by schema order and set a run's text one character at a time (most of the render time
        # otherwise); its style lookup by object would scan every style for each paragraph.
        placed: dict[object, tuple[str, ...]] = {}  # lxml keeps one proxy per live element: identity holds
        sentinel = body.find(qn("w:sectPr"))
        rendered = self.paragraphs()
        for rp in rendered:
            if rp.table is not None:
                body.append(official.attachment_table(rp.table, self.fonts))
                body.append(official.anchor_paragraph())  # Word wants a paragraph after a table
                continue
            placed[_add_paragraph(body, rp, sig_left, date_left)] = rp.place
        if sentinel is not None:
            body.append(sentinel)  # the section properties stay the body's last child
        _page_setup(document)
        _page_numbers(document)
        self._official_parts(document, rendered)
        title = " ".join(self.expand(t) for t in self.report.title.split("\n"))
        document.core_properties.title = title[:255]  # the property's limit; figures may lengthen a title
        for part in document.part.package.iter_parts():  # document, styles, settings, footers …
            element = getattr(part, "_element", None)
            if element is not None:
                in_schema_order(element)
        blocks = [el for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]
        self.body_places = [placed.get(el, ("official",)) for el in blocks]
        return document

    def _official_parts(self, document: DocxDocument, rendered: list[RenderedParagraph]) -> None:
        """What the view holds of the 版头 and 版记 (the 报送版's): the 版头 before the title and the
        版记 at the foot of an even last page: on the text's last page when every layout the
        paginator allows ends on the same even page with room for it, else in a last section that
        starts on an even page (a blank page before it when needed) whose pages carry no page number."""
        body = document.element.body
        o = self.report.official
        for el in reversed(official.header_elements(o, self.fonts)):
            body.insert(0, el)
        if not official.has_colophon(o):
            return
        shared = self.colophon_shares_last_page(rendered)
        if not shared:
            paras = body.findall(qn("w:p"))
            last_ppr = paras[-1].get_or_add_pPr() if paras else body.add_p().get_or_add_pPr()
            sentinel = body.find(qn("w:sectPr"))
            last_ppr.append(copy.deepcopy(sentinel))  # the body's section ends with its last paragraph
            for ref in sentinel.xpath("w:headerReference|w:footerReference"):
                sentinel.remove(ref)
            sentinel.insert(0, parse_xml(f'<w:type {nsdecls("w")} w:val="evenPage"/>'))
            last = document.sections[-1]
            style = document.styles.get_by_id(STYLE_IDS["page_number"], _PARA)
            for footer in (last.footer, last.even_page_footer):
                footer.is_linked_to_previous = False
                for p in footer.paragraphs:
                    p.text = ""
                    p.style = style  # the same height as a page number's line
        for el in official.colophon_elements(o, floating=shared):
            body.insert(len(body) - 1, el)

    def colophon_shares_last_page(self, rendered: list[RenderedParagraph] | None = None) -> bool:
        """Whether the submit edition's 版记 stands on the text's last page (see render/pagination.py)."""
        o = self.report.official
        early, late = self.text_end_band(rendered)
        # Half a line at least between the text and the first rule.
        need = official.colophon_height(o) + official.ANCHOR_TWIPS + fmt.LINE_PITCH // 2
        return early.page == late.page and early.page % 2 == 0 and min(early.free, late.free) >= need

    def text_end_band(self, rendered: list[RenderedParagraph] | None = None) -> tuple[pagination.End, pagination.End]:
        """The earliest and latest place the submit edition's text may end at (page, room left)."""
        rendered = self.paragraphs() if rendered is None else rendered
        kept = {"title", "signature", "heading1", "heading2", "heading3", "heading4"}
        descs = []
        for rp in rendered:
            if rp.table is not None:
                descs.extend(official.table_paras(rp.table))
                continue
            first, rest = (0.0, 0.0) if rp.style == "addressee" else (2.0, 0.0)
            if rp.left_chars is not None:
                first = rest = rp.left_chars
            descs.append(
                pagination.Para(
                    ["".join(t for t, _ in rp.runs)],
                    first,
                    rest,
                    single=rp.style in ("title", "signature", "date"),
                    keep_next=rp.keep_next or rp.style in kept,
                    page_break=rp.page_break,
                )
            )
        return pagination.band(descs, official.header_height(self.report.official, self.fonts))


_PARA = WD_STYLE_TYPE.PARAGRAPH
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _add_paragraph(body: etree._Element, rp: RenderedParagraph, sig_left: float, date_left: float) -> etree._Element:
    """Append one w:p as python-docx's add_p, pPr.style, add_r, rPr.style and run.text make it."""
    p = etree.SubElement(body, _W + "p")
    props: list[tuple[str, dict[str, str]]] = []
    if rp.style != "body":
        props.append(("pStyle", {_W + "val": STYLE_IDS[rp.style]}))
    if rp.keep_next:
        props.append(("keepNext", {}))
    if rp.page_break:
        props.append(("pageBreakBefore", {}))
    if rp.outline_level is not None and rp.style == "body":
        props.append(("outlineLvl", {_W + "val": str(rp.outline_level)}))
    if rp.style in ("signature", "date"):
        props.append(_indent(sig_left if rp.style == "signature" else date_left))
    if rp.left_chars is not None:
        props.append(_indent(rp.left_chars))
    if props:
        ppr = etree.SubElement(p, _W + "pPr")
        for tag, attrib in props:
            etree.SubElement(ppr, _W + tag, attrib)
    for text, role in rp.runs:
        r = etree.SubElement(p, _W + "r")
        if role:
            etree.SubElement(etree.SubElement(r, _W + "rPr"), _W + "rStyle", {_W + "val": STYLE_IDS[role]})
        if "\t" in text or "\r" in text or "\n" in text:
            cast(CT_R, r).text = text  # w:tab and w:br elements: python-docx's own translation
        elif text:
            t = etree.SubElement(r, _W + "t")
            t.text = text
            if len(text.strip()) < len(text):
                t.set(_XML_SPACE, "preserve")
    return p


def _indent(chars: float) -> tuple[str, dict[str, str]]:
    """A left indent in 字 and no first-line indent."""
    return (
        "ind",
        {
            _W + "leftChars": str(round(chars * 100)),
            _W + "left": str(round(chars * fmt.CHAR_PITCH)),
            _W + "firstLineChars": "0",
            _W + "firstLine": "0",
        },
    )


def _ppr(p: DocxParagraph) -> CT_PPr:
    return p._p.get_or_add_pPr()


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    sp = section._sectPr
    for tag in ("w:pgSz", "w:pgMar", "w:docGrid", "w:cols"):
        for el in sp.findall(qn(tag)):
            sp.remove(el)
    # Schema order in sectPr: headerReference/footerReference first, then
    # pgSz, pgMar, …, cols, …, docGrid.
    sp.append(parse_xml(f'<w:pgSz {nsdecls("w")} w:w="{fmt.PAGE_WIDTH}" w:h="{fmt.PAGE_HEIGHT}"/>'))
    sp.append(
        parse_xml(
            f'<w:pgMar {nsdecls("w")} w:top="{fmt.MARGIN_TOP}" w:right="{fmt.MARGIN_RIGHT}" '
            f'w:bottom="{fmt.MARGIN_BOTTOM}" w:left="{fmt.MARGIN_LEFT}" w:header="{fmt.HEADER_DISTANCE}" '
            f'w:footer="{fmt.FOOTER_DISTANCE}" w:gutter="0"/>'
        )
    )
    sp.append(parse_xml(f'<w:cols {nsdecls("w")} w:space="425"/>'))
    # 22 lines of 28.95 pt; Word's page setup shows the line grid.
    sp.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:linePitch="{fmt.LINE_PITCH}"/>'))


def _page_numbers(document: DocxDocument) -> None:
    """7.5: "— 1 —" in 4号 宋体, odd pages right and even pages left, 1 字 in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    style = document.styles.get_by_id(STYLE_IDS["page_number"], _PARA)
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = style
        p.text = ""
        ppr = _ppr(p)
        side = "right" if align == "right" else "left"
        ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:{side}="{fmt.PAGE_NUMBER_INDENT}" w:firstLine="0"/>'))
        ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{align}"/>'))
        p.add_run("— ")
        _add_page_field(p)
        p.add_run(" —")


def _add_page_field(p: DocxParagraph) -> None:
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {ns}><w:t>1</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml.format(ns=nsdecls("w"))))


def render_document(report: Report, fonts: FontProfile | None = None, edition: str = "plain") -> DocxDocument:
    return ReportRenderer(report, fonts, edition).build()


def render_bytes(report: Report, fonts: FontProfile | None = None, edition: str = "plain") -> bytes:
    buf = io.BytesIO()
    render_document(report, fonts, edition).save(buf)
    return buf.getvalue()


def paragraph_texts(report: Report, edition: str = "plain") -> list[str]:
    """The text of every paragraph the report renders to (for search, preview, tests)."""
    out: list[str] = []
    for p in ReportRenderer(report, edition=edition).paragraphs():
        if p.table is not None:  # a table: its rows, cells separated by tabs
            out.extend("\t".join(row) for row in p.table)
        else:
            out.append("".join(t for t, _ in p.runs))
    return out
