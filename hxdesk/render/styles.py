"""The named styles of the style template and how the font setting reaches them."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from ..styleids import STYLE_IDS
from .profile import FONT_FALLBACKS, FontProfile


def _style_fonts(profile: FontProfile) -> dict[str, tuple[str, str]]:
    """styleId -> (east Asian font, Latin font)."""
    out = {
        STYLE_IDS["body"]: (profile.body, profile.latin),
        STYLE_IDS["title"]: (profile.title, profile.title),
        STYLE_IDS["page_number"]: (profile.page_number, profile.page_number),
    }
    per_level = [profile.heading1, profile.heading2, profile.body, profile.body]
    for level, font in enumerate(per_level, start=1):
        out[STYLE_IDS[f"heading{level}"]] = (font, profile.latin)
        out[STYLE_IDS[f"heading{level}_char"]] = (font, profile.latin)
    return out


def _set_fonts(rpr: etree._Element, east_asia: str, latin: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        # (lxml gives attribute names as str; its stubs say str | bytes.)
        if isinstance(attr, str) and attr.endswith("Theme"):  # theme fonts override named ones: drop them
            del rfonts.attrib[attr]
    rfonts.set(qn("w:eastAsia"), east_asia)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(slot), latin)
    rfonts.set(qn("w:hint"), "eastAsia")


def apply_font_profile(document: DocxDocument, profile: FontProfile) -> None:
    """Write the chosen font names into the styles (not into runs), so that
    changing a style in Word changes the whole report."""
    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    for sid, (east_asia, latin) in _style_fonts(profile).items():
        style = by_id[sid]
        rpr = style.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
            style.append(rpr)
        _set_fonts(rpr, east_asia, latin)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, profile.body, profile.latin)

    # Level 3 in bold is a common local rule; it is a setting, on the style.
    rpr3 = by_id[STYLE_IDS["heading3_char"]].find(qn("w:rPr")), by_id[STYLE_IDS["heading3"]].find(qn("w:rPr"))
    for rpr in rpr3:
        for b in rpr.findall(qn("w:b")):
            rpr.remove(b)
        if profile.level3_bold:
            rpr.insert(1, parse_xml(f"<w:b {nsdecls('w')}/>"))
    _write_font_table(document, profile)


def _write_font_table(document: DocxDocument, profile: FontProfile) -> None:
    """Declare each font with its first fallback as w:altName (Word uses the font
    table to substitute a font the PC lacks)."""
    part = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
    if part is None:  # pragma: no cover - the template has one
        return
    root = parse_xml(part.blob)
    existing = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    names = {v for v in profile.to_dict().values() if isinstance(v, str)}
    for name in sorted(names - existing):
        alt = FONT_FALLBACKS.get(name, [])
        alt_xml = f'<w:altName w:val="{alt[0]}"/>' if alt else ""
        latin = name == profile.latin
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}">{alt_xml}'
                f'<w:charset w:val="{"00" if latin else "86"}"/><w:family w:val="{"roman" if latin else "modern"}"/>'
                f'<w:pitch w:val="{"variable" if latin else "fixed"}"/></w:font>'
            )
        )
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
