"""Build resources/styles/official.docx, the style template of every report.

Run after changing a style: ``python scripts/build_style_template.py``.  The
template carries the named styles (正文 = Normal, 公文标题, 主送机关, 一级标题 …
四级标题 with linked character styles, 署名, 成文日期, 页码) so that a user can
restyle the whole report in Word or WPS.  The renderer fills in the font names
chosen in the settings; the values here are the defaults.

Element order inside w:pPr / w:rPr follows the schema: Word rejects files
that do not.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402

from hxdesk.render.profile import (  # noqa: E402
    BODY_SIZE_HALF_POINTS,
    CHAR_PITCH,
    CONDENSE,
    LINE_PITCH,
    PAGE_NUMBER_SIZE_HALF_POINTS,
    TITLE_SIZE_HALF_POINTS,
    FontProfile,
)
from hxdesk.styleids import STYLE_IDS  # noqa: E402

OUT = ROOT / "resources" / "styles" / "official.docx"
F = FontProfile()


def fonts(east_asia: str, latin: str) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:eastAsia="{east_asia}" w:hAnsi="{latin}" w:cs="{latin}" w:hint="eastAsia"/>'


def spacing_exact() -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'


def ind(first_chars: int) -> str:
    return f'<w:ind w:firstLineChars="{first_chars * 100}" w:firstLine="{first_chars * CHAR_PITCH}"/>'


def para_style(
    sid: str,
    name: str,
    *,
    ppr: str = "",
    rpr: str = "",
    link: str = "",
    based: str = "Normal",
    next_: str = "Normal",
    priority: int = 10,
) -> str:
    link_xml = f'<w:link w:val="{link}"/>' if link else ""
    return (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:next w:val="{next_}"/>{link_xml}'
        f'<w:uiPriority w:val="{priority}"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def char_style(sid: str, name: str, link: str, rpr: str) -> str:
    return (
        f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="{link}"/>'
        f'<w:uiPriority w:val="10"/><w:rPr>{rpr}</w:rPr></w:style>'
    )


def build() -> None:
    document = docx.Document()
    styles = document.styles.element

    # Document defaults: no theme fonts (they would override the named ones).
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>{fonts(F.body, F.latin)}"
            f'<w:kern w:val="0"/><w:sz w:val="{BODY_SIZE_HALF_POINTS}"/><w:szCs w:val="{BODY_SIZE_HALF_POINTS}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f"<w:pPrDefault><w:pPr>{spacing_exact()}</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )

    # Normal is 正文 in Chinese Word and WPS: the body text.  No widow control
    # (every page holds 22 lines), no punctuation hanging into the margin
    # (every line holds 28 characters), no extra space around digits.
    normal = document.styles["Normal"].element
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:widowControl w:val="0"/><w:overflowPunct w:val="0"/>'
            '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
            f'{spacing_exact()}{ind(2)}<w:jc w:val="both"/></w:pPr>'
        )
    )
    normal.append(
        parse_xml(
            f'<w:rPr {nsdecls("w")}>{fonts(F.body, F.latin)}<w:spacing w:val="{CONDENSE}"/><w:kern w:val="0"/>'
            f'<w:sz w:val="{BODY_SIZE_HALF_POINTS}"/><w:szCs w:val="{BODY_SIZE_HALF_POINTS}"/></w:rPr>'
        )
    )

    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    new = [
        para_style(
            STYLE_IDS["title"],
            "公文标题",
            ppr=f'<w:keepNext/>{spacing_exact()}{no_indent}<w:jc w:val="center"/>',
            rpr=f'{fonts(F.title, F.title)}<w:sz w:val="{TITLE_SIZE_HALF_POINTS}"/><w:szCs w:val="{TITLE_SIZE_HALF_POINTS}"/>',
            priority=1,
        ),
        para_style(STYLE_IDS["addressee"], "主送机关", ppr=f'{no_indent}<w:jc w:val="left"/>', priority=2),
        para_style(STYLE_IDS["signature"], "署名", ppr=f'<w:keepNext/>{no_indent}<w:jc w:val="left"/>', priority=20),
        para_style(STYLE_IDS["date"], "成文日期", ppr=f'{no_indent}<w:jc w:val="left"/>', priority=21),
        para_style(
            STYLE_IDS["page_number"],
            "页码",
            ppr=f'<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{no_indent}',
            rpr=f'{fonts(F.page_number, F.page_number)}<w:spacing w:val="0"/><w:sz w:val="{PAGE_NUMBER_SIZE_HALF_POINTS}"/>'
            f'<w:szCs w:val="{PAGE_NUMBER_SIZE_HALF_POINTS}"/>',
            priority=30,
        ),
    ]
    heading_fonts = [F.heading1, F.heading2, F.body, F.body]
    for level in range(1, 5):
        font = fonts(heading_fonts[level - 1], F.latin)
        name = "一二三四"[level - 1] + "级标题"
        pid, cid = STYLE_IDS[f"heading{level}"], STYLE_IDS[f"heading{level}_char"]
        new.append(
            para_style(
                pid,
                name,
                ppr=f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
                rpr=font,
                link=cid,
                priority=2 + level,
            )
        )
        new.append(char_style(cid, name + "字符", pid, font))
    for xml in new:
        styles.append(parse_xml(xml))
    # python-docx's default template carries ~100 decorative table styles
    # (Light Shading Accent 1 …) that a report never uses: drop them.
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in ("TableNormal", "TableGrid"):
            styles.remove(style)
    # Theme fonts (w:asciiTheme, w:eastAsiaTheme …) override named fonts in
    # Word: strip them from every style, built-in ones included.
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            if "theme" in attr.lower():
                del rfonts.attrib[attr]

    # Parts a report does not need (Word 2010's stylesWithEffects, custom XML,
    # the thumbnail): a smaller template opens and saves faster.
    for owner in (document.part, document.part.package):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/thumbnail")):
                owner.rels.pop(rid)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.core_properties.title = "法治政府建设年度报告"
    document.core_properties.author = "hxdesk"
    document.save(OUT)
    print(OUT)


if __name__ == "__main__":
    build()
