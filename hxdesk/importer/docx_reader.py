"""Reading an untrusted .docx within safe limits.

The zip is checked before anything is decompressed (entry count, declared
sizes, compression ratios, encrypted entries); every XML part is read with a
hard byte limit and refused if it declares a DOCTYPE (entity bombs, external
entities).  Only then is the package handed to python-docx, with every non-XML
part (pictures, embedded objects) left empty so that they cost no memory.
python-docx's own parser never resolves entities (``resolve_entities=False``).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, overload

from docx.oxml.ns import qn
from lxml import etree

from ..errors import InvalidInput
from ..styleids import STYLE_IDS
from .paragraphs import MAX_PARAGRAPHS, SAVE_AS_DOCX, Source, SourceParagraph

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

MAX_ENTRIES = 2000
MAX_XML_PART = 8 * 1024 * 1024
MAX_XML_TOTAL = 16 * 1024 * 1024
#: Word's XML compresses 5-20 times; far more means a zip bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM = 1024 * 1024
#: Paragraphs of any kind (empty ones, table cells) read before giving up.
MAX_ELEMENTS = 5 * MAX_PARAGRAPHS
_XML_SUFFIXES = (".xml", ".rels")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]*)[\"']")

_NOT_WORD = "这个文件不是有效的 Word（.docx）文档，可能已损坏。" + SAVE_AS_DOCX
_BOMB = "这个 Word 文件的内部结构异常（解压后体积过大），可能已损坏或是恶意文件，已拒绝导入。"


#: The names the reader asks for, made once (qn() parses its argument on every call).
_Q_ABSTRACT_NUM = qn("w:abstractNum")
_Q_ABSTRACT_NUM_ID = qn("w:abstractNumId")
_Q_B = qn("w:b")
_Q_BASED_ON = qn("w:basedOn")
_Q_BR = qn("w:br")
_Q_CR = qn("w:cr")
_Q_CUSTOM_XML = qn("w:customXml")
_Q_DEFAULT = qn("w:default")
_Q_DRAWING = qn("w:drawing")
_Q_ILVL = qn("w:ilvl")
_Q_JC = qn("w:jc")
_Q_LVL = qn("w:lvl")
_Q_LVL_TEXT = qn("w:lvlText")
_Q_NAME = qn("w:name")
_Q_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_Q_NUM = qn("w:num")
_Q_NUM_FMT = qn("w:numFmt")
_Q_NUM_ID = qn("w:numId")
_Q_NUM_PR = qn("w:numPr")
_Q_OUTLINE_LVL = qn("w:outlineLvl")
_Q_PICT = qn("w:pict")
_Q_P_PR = qn("w:pPr")
_Q_P_STYLE = qn("w:pStyle")
_Q_R_PR = qn("w:rPr")
_Q_R_STYLE = qn("w:rStyle")
_Q_SDT_CONTENT = qn("w:sdtContent")
_Q_STYLE = qn("w:style")
_Q_STYLE_ID = qn("w:styleId")
_Q_TAB = qn("w:tab")
_Q_TC = qn("w:tc")
_Q_TR = qn("w:tr")
_Q_TYPE = qn("w:type")
_Q_VAL = qn("w:val")


def safe_package(data: bytes) -> bytes:
    """Check the zip and return a rebuilt package holding only the checked XML parts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # BadZipFile, struct and zlib errors …: a damaged or foreign file
        raise InvalidInput(_NOT_WORD) from None
    if len(infos) > MAX_ENTRIES:
        raise InvalidInput("这个 Word 文件包含的内部文件过多，可能已损坏或是恶意文件，已拒绝导入。")
    names = {i.filename for i in infos}
    if not any(n.startswith("word/") for n in names):
        kind = (
            "Excel 表格"
            if any(n.startswith("xl/") for n in names)
            else ("PowerPoint 演示文稿" if any(n.startswith("ppt/") for n in names) else "压缩文件")
        )
        raise InvalidInput(f"这个文件是{kind}，不是 Word（.docx）文档。请导入报告的 Word 文档或文本文件。")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InvalidInput("这个 Word 文档已加密，无法导入。请在 Word 或 WPS 中取消密码后另存为 .docx，再导入。")
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        if info.file_size > MAX_XML_PART:
            raise InvalidInput(_BOMB)
        if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InvalidInput(_BOMB)
        total += info.file_size
        if total > MAX_XML_TOTAL:
            raise InvalidInput(_BOMB)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        written: set[str] = set()
        for info in infos:
            if info.is_dir() or info.filename in written:
                continue
            written.add(info.filename)
            content = b""
            if info.filename.lower().endswith(_XML_SUFFIXES):
                try:
                    with zf.open(info) as fh:
                        content = fh.read(info.file_size + 1)  # never more than declared
                except Exception:  # CRC, zlib, unsupported compression …: damaged
                    raise InvalidInput(_NOT_WORD) from None
                if len(content) > info.file_size:
                    raise InvalidInput(_BOMB)
                _check_xml(content)
            target.writestr(info.filename, content)
    return out.getvalue()


def _check_xml(content: bytes) -> None:
    """Refuse a part that is not UTF-8 XML, or that declares a DOCTYPE or ENTITY.

    Word and WPS write every part in UTF-8.  The parser would honour a UTF-16 or UTF-32
    part (with or without a BOM) or another declared encoding, in which the bytes of
    ``<!DOCTYPE`` look different; refusing those lets the guard read the bytes as the
    parser reads them.
    """
    if not content:
        return
    body = content[3:] if content.startswith(codecs.BOM_UTF8) else content
    start = body.lstrip(b" \t\r\n")[:256]
    declared = _DECLARED_ENCODING.match(start)
    if (
        not start.startswith(b"<")
        or b"\x00" in start[:4]
        or (declared is not None and declared.group(1).lower().replace(b"-", b"").replace(b"_", b"") != b"utf8")
    ):
        raise InvalidInput(
            "这个 Word 文件的内部 XML 不是 UTF-8 编码（Word 保存的文件都是 UTF-8），可能是恶意文件，已拒绝导入。"
        )
    if _DTD.search(body):
        raise InvalidInput("这个 Word 文件包含不允许的 XML 声明（DOCTYPE/ENTITY），可能是恶意文件，已拒绝导入。")


@dataclass
class _StyleInfo:
    name: str = ""
    kind: str = ""
    based_on: str = ""
    bold: bool | None = None
    align: str = ""
    outline: int | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl) of a style's automatic numbering


def _on(el: etree._Element) -> bool:
    val = el.get(_Q_VAL)
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _align(jc: etree._Element | None) -> str:
    if jc is None:
        return ""
    val = (jc.get(_Q_VAL) or "").lower()
    return {"center": "center", "right": "right", "end": "right"}.get(val, "left")


class _Styles:
    """Effective bold, alignment and outline level of the document's styles."""

    def __init__(self, styles_element: etree._Element | None) -> None:
        self.by_id: dict[str, _StyleInfo] = {}
        self.default_paragraph = "Normal"
        self._resolved: dict[tuple[str, str], bool | str | int | tuple[str, int] | None] = {}
        if styles_element is None:
            return
        for s in styles_element.findall(_Q_STYLE):
            sid = s.get(_Q_STYLE_ID) or ""
            info = _StyleInfo(kind=s.get(_Q_TYPE) or "")
            name = s.find(_Q_NAME)
            info.name = (name.get(_Q_VAL) or "") if name is not None else ""
            based = s.find(_Q_BASED_ON)
            info.based_on = (based.get(_Q_VAL) or "") if based is not None else ""
            rpr = s.find(_Q_R_PR)
            b = rpr.find(_Q_B) if rpr is not None else None
            if b is not None:
                info.bold = _on(b)
            ppr = s.find(_Q_P_PR)
            if ppr is not None:
                jc = ppr.find(_Q_JC)
                if jc is not None:
                    info.align = _align(jc)
                lvl = ppr.find(_Q_OUTLINE_LVL)
                lvl_val = (lvl.get(_Q_VAL) or "") if lvl is not None else ""
                if lvl_val.isdigit():
                    info.outline = int(lvl_val)
                info.num = _num_pr(ppr)
            if info.kind == "paragraph" and _on_default(s):
                self.default_paragraph = sid
            self.by_id[sid] = info

    @overload
    def resolve(self, sid: str, attr: Literal["bold"]) -> bool | None: ...
    @overload
    def resolve(self, sid: str, attr: Literal["align"]) -> str | None: ...
    @overload
    def resolve(self, sid: str, attr: Literal["outline"]) -> int | None: ...
    @overload
    def resolve(self, sid: str, attr: Literal["num"]) -> tuple[str, int] | None: ...

    def resolve(
        self, sid: str, attr: Literal["bold", "align", "outline", "num"]
    ) -> bool | str | int | tuple[str, int] | None:
        """A style's attribute, inherited through basedOn where the style leaves it unset."""
        asked = (sid, attr)
        if asked in self._resolved:  # asked for every run and paragraph: the styles do not change
            return self._resolved[asked]
        value: bool | str | int | tuple[str, int] | None = None
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            own: bool | str | int | tuple[str, int] | None = getattr(self.by_id[sid], attr)
            if own not in (None, ""):
                value = own
                break
            sid = self.by_id[sid].based_on
        self._resolved[asked] = value
        return value

    def name(self, sid: str) -> str:
        info = self.by_id.get(sid)
        return info.name if info else ""


def _num_pr(ppr: etree._Element) -> tuple[str, int] | None:
    num_pr = ppr.find(_Q_NUM_PR)
    if num_pr is None:
        return None
    num_id = num_pr.find(_Q_NUM_ID)
    ilvl = num_pr.find(_Q_ILVL)
    nid = num_id.get(_Q_VAL) if num_id is not None else None
    level = (ilvl.get(_Q_VAL) or "") if ilvl is not None else "0"
    if not nid or not level.isdigit():
        return None
    return nid, int(level)  # numId 0 switches a style's numbering off


_CHINESE_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographTraditional",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "ideographLegalTraditional",
}


def _label_level(num_fmt: str, lvl_text: str, ilvl: int) -> int:
    """Which of 一、（一）1.（1） an automatic number's format shows; 0 for anything else."""
    shape = lvl_text.replace(f"%{ilvl + 1}", "X").replace("(", "（").replace(")", "）").replace("．", ".")
    if num_fmt in _CHINESE_FORMATS:
        return {"X、": 1, "（X）": 2}.get(shape, 0)
    if num_fmt == "decimal":
        return {"X.": 3, "X、": 3, "（X）": 4}.get(shape, 0)
    return 0


class _Numbering:
    """numId and level → the heading level its automatic labels show (Word's 编号)."""

    def __init__(self, document: DocxDocument) -> None:
        self.levels: dict[tuple[str, int], int] = {}
        root: etree._Element | None = None
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/numbering") and not rel.is_external:
                root = getattr(rel.target_part, "element", None)
        if root is None:
            return
        abstract: dict[str, dict[int, int]] = {}
        for an in root.findall(_Q_ABSTRACT_NUM):
            levels: dict[int, int] = {}
            for lvl in an.findall(_Q_LVL):
                ilvl_text = lvl.get(_Q_ILVL) or ""
                fmt = lvl.find(_Q_NUM_FMT)
                text = lvl.find(_Q_LVL_TEXT)
                if ilvl_text.isdigit() and fmt is not None and text is not None:
                    levels[int(ilvl_text)] = _label_level(fmt.get(_Q_VAL) or "", text.get(_Q_VAL) or "", int(ilvl_text))
            abstract[an.get(_Q_ABSTRACT_NUM_ID) or ""] = levels
        for num in root.findall(_Q_NUM):
            ref = num.find(_Q_ABSTRACT_NUM_ID)
            ref_id = ref.get(_Q_VAL) if ref is not None else ""
            levels = abstract.get(ref_id, {}) if ref_id is not None else {}
            for ilvl, level in levels.items():
                self.levels[(num.get(_Q_NUM_ID) or "", ilvl)] = level

    def level(self, num: tuple[str, int] | None) -> int:
        return self.levels.get(num, 0) if num else 0


def _on_default(style: etree._Element) -> bool:
    val = style.get(_Q_DEFAULT)
    return val is not None and val.lower() in ("1", "true", "on")


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
_HX_ROLES = {v: k for k, v in STYLE_IDS.items()}

_W_R, _W_P, _W_T, _W_TBL, _W_SDT = qn("w:r"), qn("w:p"), qn("w:t"), qn("w:tbl"), qn("w:sdt")
_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:customXmlDelRangeStart")}


class _ParagraphCollector:
    """Collects a .docx body's paragraphs (tables as rows, pictures and Word's list numbering counted)."""

    def __init__(self, document: DocxDocument) -> None:
        self.styles = _Styles(document.styles.element)
        self.styled = "hxHeading1" in self.styles.by_id and "hxTitle" in self.styles.by_id
        self.paragraphs: list[SourceParagraph] = []
        self.blank = False
        self.pictures = 0
        self.tables = 0
        self.table_rows = 0
        self.autonumbered = 0
        self.seen = 0
        self.numbering = _Numbering(document)

    # ------------------------------------------------------------- walking
    def body(self, element: etree._Element) -> None:
        for child in element.iterchildren():
            if child.tag == _W_P:
                self.paragraph(child)
            elif child.tag == _W_TBL:
                self.table(child)
            elif child.tag == _W_SDT:
                content = child.find(_Q_SDT_CONTENT)
                if content is not None:
                    self.body(content)
            elif child.tag == _Q_CUSTOM_XML:
                self.body(child)

    def _runs(self, element: etree._Element, out: list[tuple[str, bool, str]], pstyle: str) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _W_R:
                self._run(child, out, pstyle)
            elif isinstance(tag, str):
                self._runs(child, out, pstyle)  # hyperlinks, insertions, fields, content controls

    def _run(self, r: etree._Element, out: list[tuple[str, bool, str]], pstyle: str) -> None:
        rpr = r.find(_Q_R_PR)
        bold: bool | None = None
        cstyle = ""
        if rpr is not None:
            b = rpr.find(_Q_B)
            if b is not None:
                bold = _on(b)
            rs = rpr.find(_Q_R_STYLE)
            if rs is not None:
                cstyle = rs.get(_Q_VAL) or ""
        if bold is None and cstyle:
            bold = self.styles.resolve(cstyle, "bold")
        if bold is None:
            bold = bool(self.styles.resolve(pstyle, "bold"))
        parts: list[str] = []
        for child in r.iterchildren():
            tag = child.tag
            if tag == _W_T:
                parts.append(child.text or "")
            elif tag == _Q_TAB:
                parts.append(" ")
            elif tag in (_Q_BR, _Q_CR):
                kind = child.get(_Q_TYPE)
                if kind not in ("page", "column"):
                    parts.append("\n")
            elif tag == _Q_NO_BREAK_HYPHEN:
                parts.append("-")
        if parts:
            out.append(("".join(parts), bool(bold), cstyle))

    def paragraph(self, p: etree._Element, *, table: bool = False) -> str:
        # long: one pass over a paragraph's properties and runs; splitting it would pass a dozen locals around
        self.seen += 1
        if self.seen > MAX_ELEMENTS:  # empty paragraphs count too: bounded time
            raise InvalidInput(f"文件的段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告。")
        ppr = p.find(_Q_P_PR)
        pstyle = self.styles.default_paragraph
        jc: etree._Element | None = None
        outline: int | None = None
        num: tuple[str, int] | None
        if ppr is not None:
            ps = ppr.find(_Q_P_STYLE)
            ps_val = ps.get(_Q_VAL) if ps is not None else None
            if ps_val:
                pstyle = ps_val
            jc = ppr.find(_Q_JC)
            lvl = ppr.find(_Q_OUTLINE_LVL)
            lvl_val = (lvl.get(_Q_VAL) or "") if lvl is not None else ""
            if lvl_val.isdigit():
                outline = int(lvl_val)
            num = _num_pr(ppr)
        else:
            num = None
        if num is None:
            num = self.styles.resolve(pstyle, "num")
        auto_level = self.numbering.level(num)
        if num is not None and num[0] != "0" and not auto_level and not table:
            self.autonumbered += 1
        self.pictures += sum(1 for _ in p.iter(_Q_DRAWING, _Q_PICT))
        runs: list[tuple[str, bool, str]] = []
        self._runs(p, runs, pstyle)
        text = "".join(t for t, _, _ in runs)
        if table:
            return text
        align = _align(jc) if jc is not None else (self.styles.resolve(pstyle, "align") or "")
        role, level = self._role(pstyle, outline)
        visible = [(t, b, c) for t, b, c in runs if t.strip()]
        all_bold = bool(visible) and all(b for _, b, _ in visible)
        bold_prefix = ""
        if visible and not all_bold:
            for t, b, _ in runs:
                if not b and t.strip():
                    break
                bold_prefix += t
        run_in = ""
        if self.styled and runs and runs[0][2] in _HX_ROLES and _HX_ROLES[runs[0][2]].endswith("_char"):
            sid = runs[0][2]
            run_in = "".join(t for t, _, c in _leading(runs, sid))
            level = int(_HX_ROLES[sid][len("heading")])
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if not line.strip(" \u3000\u00a0\t"):
                self.blank = True
                continue
            sp = SourceParagraph(
                line,
                align=align,
                bold=all_bold,
                role=role,
                level=level,
                blank_before=self.blank,
                bold_prefix=bold_prefix if i == 0 else "",
                run_in_heading=run_in if i == 0 else "",
                auto_level=auto_level if i == 0 else 0,
            )
            self.paragraphs.append(sp)
            self.blank = False
            if len(self.paragraphs) > MAX_PARAGRAPHS:
                raise InvalidInput(f"文件的段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告。")
        return text

    def _role(self, pstyle: str, outline: int | None) -> tuple[str, int]:
        if self.styled:
            role = _HX_ROLES.get(pstyle, "body")
            if role.startswith("heading") and not role.endswith("_char"):
                return "heading", int(role[len("heading")])
            return ("body" if role not in ("title", "addressee", "signature", "date") else role), 0
        name = self.styles.name(pstyle).strip()
        m = _HEADING_NAME.match(name)
        if m and int(m.group(1)) <= 4:
            return "heading", int(m.group(1))
        if name.lower() in _TITLE_NAMES:
            return "title", 0
        if outline is None:
            outline = self.styles.resolve(pstyle, "outline")
        if outline is not None and 0 <= outline <= 3:
            return "heading", outline + 1
        return "", 0

    def table(self, tbl: etree._Element) -> None:
        self.tables += 1
        for tr in tbl.iter(_Q_TR):
            cells: list[str] = []
            every: list[str] = []
            for tc in tr.iterchildren(_Q_TC):
                texts = [self.paragraph(p, table=True) for p in tc.iter(_W_P)]
                cell = "\u3000".join(t.replace("\n", " ").strip() for t in texts if t.strip())
                every.append(" ".join(cell.split()))
                if cell:
                    cells.append(cell)
            if not cells:
                continue
            self.table_rows += 1
            row = SourceParagraph("\u3000".join(cells), table=True, blank_before=self.blank, cells=tuple(every))
            self.paragraphs.append(row)
            self.blank = False
            if len(self.paragraphs) > MAX_PARAGRAPHS:
                raise InvalidInput(f"文件的段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告。")

    def notes(self) -> list[str]:
        notes: list[str] = []
        if self.tables:
            notes.append(
                f"文件中有 {self.tables} 个表格，已按行转为正文段落（共 {self.table_rows} 段，单元格之间用空格分隔），请核对。"
            )
        if self.pictures:
            notes.append(f"文件中有 {self.pictures} 张图片或图形，未导入。")
        if self.autonumbered:
            notes.append(
                f"文件中有 {self.autonumbered} 个段落使用了无法识别的 Word 自动编号（如项目符号），编号未导入，请核对。"
            )
        return notes


def _leading(runs: list[tuple[str, bool, str]], style_id: str) -> Iterator[tuple[str, bool, str]]:
    for run in runs:
        if run[2] != style_id:
            break
        yield run


def read_docx(data: bytes) -> Source:
    import docx

    package = safe_package(data)
    try:
        document = docx.Document(io.BytesIO(package))
        reader = _ParagraphCollector(document)
        reader.body(document.element.body)
    except InvalidInput:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InvalidInput(_NOT_WORD, detail=repr(exc)) from None
    return Source(reader.paragraphs, reader.notes(), styled=reader.styled)
