"""The 版头 and 版记 of the submit edition (GB/T 9704-2012 7.2 and 7.4) as WordprocessingML.

Everything here is direct formatting on paragraphs based on the body style, so
that the named styles of the plain edition stay as they are.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from ..model import OfficialElements
from ..text import display_width
from . import pagination
from . import profile as fmt
from .profile import FontProfile

RED = "FF0000"
#: 7.2.3/7.2.4: the header's top edge lies 35 mm below the top of the text area.
HEADER_TOP_MM = 35
HEADER_MAX_HALF_POINTS = 72  # 小初 (36 pt) at most; smaller when the names are long
#: Where the glyph box of an exact-height header line (1.15 × its size) starts, above the line's
#: top, as a share of the font size (LibreOffice, measured: 1 mm at 36 pt).
GLYPH_RISE = 0.08
RED_RULE_EIGHTHS = 18  # 2.25 pt, the usual red 分隔线
#: 7.2.7: the red rule lies 4 mm below the 发文字号 line.
RULE_BELOW_MM = 4
THICK_EIGHTHS = 8  # 1 pt ≈ 0.35 mm (7.4.1)
THIN_EIGHTHS = 6  # 0.75 pt ≈ 0.26 mm, Word's nearest to 0.25 mm
#: The text area's height in twips.
AREA = fmt.PAGE_HEIGHT - fmt.MARGIN_TOP - fmt.MARGIN_BOTTOM
#: Left free below the 版记 on a page of its own, so that rounding never pushes it onto another page.
COLOPHON_SLACK_MM = 0.5
#: Height of the empty paragraph the 版记 table is anchored to (Word wants a paragraph after a table).
ANCHOR_TWIPS = 20
SMALL_CHAR = 14 * 20  # one 字 of 4号 (版记)
SMALL_HALF_POINTS = 28


def _run(text: str, *, east_asia: str | None = None, color: str | None = None, size: int | None = None) -> str:
    rpr = ""
    if east_asia:
        rpr += f'<w:rFonts w:ascii="{escape(east_asia)}" w:hAnsi="{escape(east_asia)}" w:eastAsia="{escape(east_asia)}" w:hint="eastAsia"/>'
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if size:
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    parts = text.split("\t")
    inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' if p else "" for p in parts)
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{inner}</w:r>"


def _p(runs: str = "", *, ppr: str = "", line: int = fmt.LINE_PITCH, jc: str = "left", keep: bool = False) -> str:
    keep_xml = "<w:keepNext/>" if keep else ""
    return (
        f"<w:p {nsdecls('w')}><w:pPr>{keep_xml}{ppr}"
        f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        f'<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'
    )


def header_size(lines: list[str]) -> int:
    """The header's font size in half-points: 小初, or less so that the longest line fits."""
    longest = max((len(x) for x in lines), default=1)
    return min(HEADER_MAX_HALF_POINTS, fmt.TEXT_WIDTH // (longest * 10))


def header_elements(o: OfficialElements, fonts: FontProfile) -> list[etree._Element]:
    """份号/密级/紧急程度, the red 发文机关标志, two blank lines, 发文字号 and 签发人 with the red rule,
    two blank lines: what stands above the title."""
    out: list[str] = []
    top_lines = [x for x in (o.copy_number, o.secrecy, o.urgency) if x.strip()]
    for x in top_lines:  # 7.2.1–7.2.3: top left, 3号 黑体
        out.append(_p(_run(x, east_asia=fonts.heading1)))
    bodies = [b for b in o.bodies if b.strip()]
    joint = len(bodies) > 1 and o.with_wenjian
    shown = bodies if not (len(bodies) == 1 and o.with_wenjian) else [bodies[0] + "文件"]
    size = header_size([b + "文件" for b in bodies] if joint else shown)
    line = round(size * 10 * 1.15)
    if bodies:
        spacer = fmt.mm(HEADER_TOP_MM) - len(top_lines) * fmt.LINE_PITCH + round(size * 10 * GLYPH_RISE)
        out.append(_p(line=max(spacer, 20)))
        red = {"east_asia": fonts.title, "color": RED, "size": size}
        if joint:
            out.append(_joint_table(bodies, size, line, red))
        else:
            for b in shown:
                out.append(_p(_run(b, **red), line=line, jc="center"))  # type: ignore[arg-type]
        out.extend([_p(), _p()])  # 7.2.5: two lines below the header
    number = o.doc_number_text()
    signers = [s for s in o.signers if s.strip()]
    if number or signers or bodies:
        out.extend(_number_lines(number, signers, fonts))
        out.extend([_p(), _p()])  # 7.3.1: the title two lines below the rule
    return [parse_xml(x) for x in out]


def header_height(o: OfficialElements, fonts: FontProfile) -> int:
    """Twips of page 1 the 版头 takes above the title: the exact heights of what
    :func:`header_elements` writes, with the height a bottom border adds (its space and width)."""
    return sum(_height(el) for el in header_elements(o, fonts))


def _height(el: etree._Element) -> int:
    if el.tag == qn("w:tbl"):  # the joint bodies' table: its tallest cell
        return max((sum(_height(p) for p in tc.findall(qn("w:p"))) for tc in el.iter(qn("w:tc"))), default=0)
    ppr = el.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    height = int(spacing.get(qn("w:line"), fmt.LINE_PITCH)) if spacing is not None else fmt.LINE_PITCH
    bottom = ppr.find(qn("w:pBdr") + "/" + qn("w:bottom")) if ppr is not None else None
    if bottom is not None:
        height += int(bottom.get(qn("w:space"), 0)) * 20 + int(bottom.get(qn("w:sz"), 0)) * 20 // 8
    return height


def signer_rows(signers: list[str]) -> list[list[str]]:
    """7.2.6: two 签发人 names a line."""
    return [signers[i : i + 2] for i in range(0, len(signers), 2)] or [[]]


def _number_lines(number: str, signers: list[str], fonts: FontProfile) -> list[str]:
    """7.2.5/7.2.6 (上行文): 发文字号 1 字 in on the left, 签发人 1 字 in on the right, two names a line,
    a later line's names under the first line's first name, the 发文字号 on the last line; the red
    rule (7.2.7) 4 mm below that line."""
    # pt between the foot of the line and the rule: the glyphs of a 3号 line on the 28.95 pt
    # grid end about 4 pt above its foot (measured in LibreOffice).
    space = round(fmt.mm(RULE_BELOW_MM) / 20 - 6.3)
    border = f'<w:pBdr><w:bottom w:val="single" w:sz="{RED_RULE_EIGHTHS}" w:space="{space}" w:color="{RED}"/></w:pBdr>'
    rows = signer_rows(signers)
    if len(rows) == 1:
        tabs = (
            f'<w:tabs><w:tab w:val="left" w:pos="{fmt.CHAR_PITCH}"/>'
            f'<w:tab w:val="right" w:pos="{fmt.TEXT_WIDTH - fmt.CHAR_PITCH}"/></w:tabs>'
        )
        runs = _run("\t" + number + "\t")
        if signers:
            runs += _run("签发人：") + _run("　".join(signers), east_asia=fonts.heading2)
        return [_p(runs, ppr=border + tabs)]
    # Several lines: left tab stops where the block of 签发人 and the widest line of names ends 1 字
    # before the right edge (the names are full-width: one 字 each).
    widest = max(math.ceil(display_width("　".join(r))) for r in rows)
    names_at = fmt.TEXT_WIDTH - fmt.CHAR_PITCH - widest * fmt.CHAR_PITCH
    label_at = names_at - 4 * fmt.CHAR_PITCH  # 签发人：

    def stops(*pos: int) -> str:
        return "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{x}"/>' for x in pos) + "</w:tabs>"

    out = [_p(_run("\t签发人：") + _run("　".join(rows[0]), east_asia=fonts.heading2), ppr=stops(label_at))]
    for row in rows[1:-1]:
        out.append(_p(_run("\t") + _run("　".join(row), east_asia=fonts.heading2), ppr=stops(names_at)))
    last = _run("\t" + number + "\t") + _run("　".join(rows[-1]), east_asia=fonts.heading2)
    out.append(_p(last, ppr=border + stops(fmt.CHAR_PITCH, names_at)))
    return out


def _joint_table(bodies: list[str], size: int, line: int, red: dict[str, object]) -> str:
    """Joint bodies one below another, 文件 beside them and centred on them (7.2.4)."""
    char = size * 10
    names_w = max(len(b) for b in bodies) * char
    word_w = 2 * char + char // 2
    total = names_w + word_w
    names = "".join(_p(_run(b, **red), line=line, jc="distribute") for b in bodies)  # type: ignore[arg-type]
    word = _p(_run("文件", **red), line=line, jc="right")  # type: ignore[arg-type]
    nil = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{nil}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{names_w}"/><w:gridCol w:w="{word_w}"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{names_w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{names}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="{word_w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{word}</w:tc></w:tr></w:tbl>'
    )


def has_colophon(o: OfficialElements) -> bool:
    return bool([c for c in o.cc if c.strip()] or o.printer.strip() or o.print_date)


def colophon_lines(o: OfficialElements) -> int:
    """Grid lines the 版记 takes: the 抄送 lines and the 印发 line."""
    cc = [c.strip() for c in o.cc if c.strip()]
    printed = bool(o.printer.strip() or o.print_date)
    return _cc_lines(cc) + (1 if printed else 0)


def _cc_lines(cc: list[str]) -> int:
    if not cc:
        return 0
    # 1 字 in on both sides; the first line from there, later lines after "抄送：" (3 字 of 4号).
    width = (fmt.TEXT_WIDTH - 2 * SMALL_CHAR) // SMALL_CHAR
    n = len("抄送：" + "，".join(cc) + "。")
    return 1 if n <= width else 1 + -(-(n - width) // (width - 3))


def colophon_height(o: OfficialElements) -> int:
    """Twips the 版记 table takes (its rows have exact heights)."""
    return colophon_lines(o) * fmt.LINE_PITCH


def colophon_elements(o: OfficialElements, *, floating: bool) -> list[etree._Element]:
    """7.4: 抄送 (thick rule above, thin below) and 印发机关/印发日期 (thick rule below), 4号, as a
    one-column table whose borders are the rules (as wide as the 版心, while the paragraphs' indents
    put the text 1 字 in on both sides and a 抄送 of several lines aligns after the colon), then an
    empty paragraph (Word wants one after a table).

    ``floating``: the table floats at the bottom of the text area of the page the paragraph after
    it stands on (the 版记 on the text's last page); else a spacer paragraph fills the page above
    it (the 版记 on a page of its own: LibreOffice places a floating table on the first page of a
    section several mm too low, measured)."""
    cc = [c.strip() for c in o.cc if c.strip()]
    printed = o.printer.strip() or o.print_date
    one = SMALL_CHAR
    rows: list[tuple[int, str]] = []
    if cc:
        hang = 3 * SMALL_CHAR
        ppr = (
            f'<w:ind w:left="{one + hang}" w:leftChars="0" w:right="{one}" w:rightChars="0" '
            f'w:hanging="{hang}" w:hangingChars="0" w:firstLineChars="0"/>'
        )
        text = "抄送：" + "，".join(cc) + "。"
        rows.append((_cc_lines(cc), _cell_p(_run(text, size=SMALL_HALF_POINTS), ppr)))
    if printed:
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{fmt.TEXT_WIDTH - one}"/></w:tabs>'
        runs = _run(o.printer.strip() + "\t" + o.print_line_date(), size=SMALL_HALF_POINTS)
        ppr = f'<w:ind w:left="{one}" w:leftChars="0" w:right="{one}" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>'
        rows.append((1, _cell_p(runs, ppr, tabs)))
    table = _rules_table(rows, floating)
    if floating:
        return [parse_xml(table), anchor_paragraph()]
    spacer = AREA - colophon_height(o) - ANCHOR_TWIPS - fmt.mm(COLOPHON_SLACK_MM)
    return [_p_el(spacer), parse_xml(table), anchor_paragraph()]


def _rules_table(rows: list[tuple[int, str]], floating: bool) -> str:
    """A table as wide as the 版心 of rows of exact heights (in lines), thick rules above and below,
    thin ones between, no cell margins."""

    def border(side: str, sz: int) -> str:
        return f'<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>'

    nil = '<w:{} w:val="nil"/>'
    borders = (  # in schema order: top, left, bottom, right, insideH, insideV
        border("top", THICK_EIGHTHS)
        + nil.format("left")
        + border("bottom", THICK_EIGHTHS)
        + nil.format("right")
        + border("insideH", THIN_EIGHTHS)
        + nil.format("insideV")
    )
    trs = "".join(
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{n * fmt.LINE_PITCH}" w:hRule="exact"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{fmt.TEXT_WIDTH}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{p}</w:tc></w:tr>'
        for n, p in rows
    )
    # horzAnchor="page": LibreOffice imports a floating table as wide as the text area as an inline
    # table unless it is placed relative to the page horizontally.
    position = (
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" '
        f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{fmt.MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
    )
    # No cell margins (the 1 字 is the paragraphs' indents): Word 2010's layout (compatibilityMode
    # 14) and LibreOffice put a table's edge one cell margin left of its position, later Word not.
    indent = '<w:tblInd w:w="0" w:type="dxa"/>'
    return (
        f"<w:tbl {nsdecls('w')}><w:tblPr>{position if floating else ''}"
        f'<w:tblW w:w="{fmt.TEXT_WIDTH}" w:type="dxa"/>{"" if floating else indent}<w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{fmt.TEXT_WIDTH}"/></w:tblGrid>{trs}</w:tbl>'
    )


def _p_el(height: int) -> etree._Element:
    return parse_xml(_p(line=height, keep=True))


def anchor_paragraph() -> etree._Element:
    """An empty paragraph 1 pt high."""
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="{ANCHOR_TWIPS}" w:lineRule="exact"/>'
        '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>'
        '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
    )


def _cell_p(runs: str, ind: str, tabs: str = "", jc: str = "left") -> str:
    return (
        f"<w:p {nsdecls('w')}><w:pPr>{tabs}"
        f'<w:spacing w:before="0" w:after="0" w:line="{fmt.LINE_PITCH}" w:lineRule="exact"/>'
        f"{ind}"
        f'<w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'
    )


#: An attachment table's cell margins (≈1 mm) and rules (0.5 pt).
CELL_MARGIN = 57
TABLE_RULE_EIGHTHS = 4


def _columns(count: int) -> list[int]:
    base = fmt.TEXT_WIDTH // count
    return [base] * (count - 1) + [fmt.TEXT_WIDTH - base * (count - 1)]


def attachment_table(rows: list[list[str]], fonts: FontProfile) -> etree._Element:
    """An attachment's simple table (7.3.7: as the body): as wide as the 版心, 0.5 pt rules, the
    first row the header in the 一级标题 font (黑体), repeated on every page; cells centred, in
    the body's 3号 on the 28.95 pt grid; a row is never split across pages."""
    widths = _columns(len(rows[0]))
    rule = f'w:val="single" w:sz="{TABLE_RULE_EIGHTHS}" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{s} {rule}/>" for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    trs = []
    for i, row in enumerate(rows):
        head = i == 0
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            + _cell_p(
                _run(text, east_asia=fonts.heading1 if head else None) if text else "",
                '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>',
                jc="center",
            )
            + "</w:tc>"
            for w, text in zip(widths, row, strict=True)
        )
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if head else "")
        trs.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{fmt.TEXT_WIDTH}" w:type="dxa"/>'
        # Word 2010's layout and LibreOffice put the edge one cell margin left of the indent.
        f'<w:tblInd w:w="{CELL_MARGIN}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>'
    )


def table_paras(rows: list[list[str]]) -> list[pagination.Para]:
    """The table's rows for the paginator: each as tall as its longest cell, and in the late end a
    line for every 20 rows (the rules' width and the header row repeated on a new page)."""
    capacity = (_columns(len(rows[0]))[0] - 2 * CELL_MARGIN) / fmt.CHAR_PITCH
    out = [pagination.Para(list(row), 0.0, 0.0, capacity=capacity) for row in rows]
    out[-1].late_extra = -(-len(rows) // 20)
    return out
