"""The order WordprocessingML's schema (ECMA-376 Part 1, wml.xsd) gives the children of the property
elements hxdesk writes. Word "repairs" (or refuses) a file whose children stand out of this order, so
every part is put in order once, after the document is built (``in_schema_order``), whatever order the
code that wrote or inserted a child used."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_BORDERS = "top left|start bottom right|end insideH insideV tl2br tr2bl".split()

#: Parent (local name) -> its children's local names in schema order (xsd:sequence). Names on one
#: rank of the schema's choices (headerReference|footerReference, left|start) keep their own order.
SEQUENCES: dict[str, list[str]] = {
    # CT_PPr (CT_PPrBase, then the paragraph mark's rPr, sectPr, pPrChange)
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
        "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
        "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
    # CT_ParaRPr / CT_RPr (EG_RPrBase)
    "rPr": (
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "
        "emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
        "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath "
        "rPrChange"
    ).split(),
    # CT_TblPr (CT_TblPrBase, then tblPrChange)
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription "
        "tblPrChange"
    ).split(),
    "tblBorders": _BORDERS,
    "tcBorders": _BORDERS,
    "pBdr": "top left bottom right between bar".split(),
    "tblCellMar": "top left|start bottom right|end".split(),
    "tcMar": "top left|start bottom right|end".split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
        "hideMark headers cellIns cellDel cellMerge tcPrChange"
    ).split(),
    # CT_SectPr: EG_HdrFtrReferences, EG_SectPrContents, sectPrChange
    "sectPr": (
        "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
        "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
        "printerSettings sectPrChange"
    ).split(),
}


def _ranks(names: list[str]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for rank, name in enumerate(names):
        for alternative in name.split("|"):
            ranks[W + alternative] = rank
    return ranks


_RANKS = {W + parent: _ranks(children) for parent, children in SEQUENCES.items()}


def in_schema_order(root: etree._Element) -> None:
    """Put, in place, the children of ``root`` and of every element under it in schema order where
    the schema fixes one (``SEQUENCES``). A child the table does not name (an extension, a comment)
    keeps its place after the child before it."""
    for parent in root.iter(*_RANKS):
        ranks = _RANKS[str(parent.tag)]
        children = list(parent)
        keys = []
        last = -1
        for child in children:
            last = ranks.get(child.tag, last) if isinstance(child.tag, str) else last
            keys.append(last)
        if keys != sorted(keys):
            order = sorted(range(len(children)), key=keys.__getitem__)  # stable: equal ranks keep their order
            parent[:] = [children[i] for i in order]
