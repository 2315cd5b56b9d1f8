"""The JSON interchange format (see docs/interchange.md).

One document holds one report.  The same format carries the report templates
in resources/templates.  Input is untrusted: every field is type-checked and
bounded, and a problem becomes a Chinese message, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import InvalidInput
from .figures import KEY_RE, FormulaError, formula_problems, normalize_decimal, parse_formula
from .fsutil import read_input_file
from .limits import (
    MAX_BLOCKS,
    MAX_DECIMALS,
    MAX_FIGURES,
    MAX_FRACTION_DIGITS,
    MAX_LABEL_LENGTH,
    MAX_LINE_LENGTH,
    MAX_NUMBERED,
    MAX_POINTS,
    MAX_SECTIONS,
    MAX_SIBLINGS,
    MAX_STORED_FRACTION_DIGITS,
    MAX_TEXT,
    MAX_TITLE_LENGTH,
    MAX_UNIT_LENGTH,
    MAX_VALUE,
)
from .model import (
    FIGURE_KINDS,
    FIGURE_STYLES,
    KIND_YEARLY,
    MAX_LEVEL,
    QUALIFIERS,
    REVIEW_STATES,
    YEAR_VARIABLES,
    Attachment,
    Block,
    Figure,
    OfficialElements,
    Paragraph,
    PointList,
    Report,
    Section,
    new_uid,
)
from .text import clean_line, clean_text

FORMAT_NAME = "hxdesk-report"
FORMAT_VERSION = 1
#: An attachment's table (GB/T 9704 7.3.7: a simple table of one-line cells).
MAX_TABLE_ROWS = 500
MAX_TABLE_COLUMNS = 12
MAX_FILE_BYTES = 20 * 1024 * 1024
MIN_YEAR, MAX_YEAR = 1990, 2200


# --------------------------------------------------------------------- export


def block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text}
    return {"type": "points", "lead": block.lead, "items": list(block.items), "inline": block.inline}


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "uid": section.uid,
        "heading": section.heading,
        "run_in": section.run_in,
        "numbered": section.numbered,
        "blocks": [block_to_dict(b) for b in section.blocks],
        "children": [section_to_dict(c) for c in section.children],
        **({} if section.public else {"public": False}),
    }


def official_to_dict(o: OfficialElements) -> dict[str, Any]:
    return {
        "bodies": list(o.bodies),
        "with_wenjian": o.with_wenjian,
        "code": o.code,
        "doc_year": o.doc_year,
        "doc_number": o.doc_number,
        "signers": list(o.signers),
        "attachments": [attachment_to_dict(a) for a in o.attachments],
        "cc": list(o.cc),
        "printer": o.printer,
        "print_date": o.print_date.isoformat() if o.print_date else None,
        "copy_number": o.copy_number,
        "secrecy": o.secrecy,
        "urgency": o.urgency,
    }


def attachment_to_dict(a: Attachment) -> dict[str, Any]:
    """A table only when there is one (files without tables are as before)."""
    out: dict[str, Any] = {"title": a.title, "paragraphs": list(a.paragraphs)}
    if a.table:
        out["table"] = [list(row) for row in a.table]
    return out


def figure_to_dict(fig: Figure) -> dict[str, Any]:
    return {
        "key": fig.key,
        "label": fig.label,
        "value": None if fig.value is None else format(fig.value, "f"),
        "unit": fig.unit,
        "qualifier": fig.qualifier,
        "formula": fig.formula,
        "decimals": fig.decimals,
        "at_most": fig.at_most,
        "kind": fig.kind,
        "review": fig.review,
        "style": fig.style,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The interchange document: the format's header around the report."""
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": report_body_to_dict(report)}


def report_body_to_dict(report: Report) -> dict[str, Any]:
    """The ``report`` object of the format: the one writer of the model to a dict."""
    return {
        "uid": report.uid,
        "predecessor_uid": report.predecessor_uid,
        "name": report.name,
        "template": report.template,
        "year": report.year,
        "issuers": list(report.issuers),
        "title": report.title,
        "addressee": report.addressee,
        "intro": [block_to_dict(b) for b in report.intro],
        "sections": [section_to_dict(s) for s in report.sections],
        "signatures": list(report.signatures),
        "date": report.date.isoformat() if report.date else None,
        "figures": [figure_to_dict(f) for f in report.figures.values()],
        # Optional (older files have none): written only when there is something to keep.
        **({} if report.official.is_empty() else {"official": official_to_dict(report.official)}),
    }


def dumps(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------- import


class _CheckedWalk:
    """Walks untrusted JSON with a path for error messages and global counters."""

    def __init__(self, *, stored: bool = False) -> None:
        self.sections = 0
        self.blocks = 0
        #: Reading the database: what an older hxdesk let in is read as it is (formulas are
        #: evaluated within the bounds anyway, a long title is shortened where a .docx needs it),
        #: unless nothing could show it (more points than Chinese numerals write); files and
        #: saves are held to hxdesk.limits.
        self.stored = stored
        self.max_numbered = MAX_NUMBERED if stored else MAX_POINTS
        #: The figure or section being read, named in a message: 数据“受理来信来访”.
        self.naming = ""

    def fail(self, where: str, what: str) -> InvalidInput:
        return InvalidInput(f"文件内容有误（{self.naming + '，' if self.naming else ''}{where}）：{what}")

    def obj(self, v: Any, where: str) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise self.fail(where, "应为对象")
        return v

    def lst(self, v: Any, where: str) -> list[Any]:
        if not isinstance(v, list):
            raise self.fail(where, "应为列表")
        return v

    def text(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        default: str | None = "",
        line: bool = False,
        limit: int = MAX_TEXT,
        what: str = "文字",
    ) -> str:
        v = d.get(key, default)
        if v is None and default is None:
            raise self.fail(f"{where}.{key}", "缺少此项")
        if not isinstance(v, str):
            raise self.fail(f"{where}.{key}", "应为文字")
        if self.stored:
            limit = MAX_TEXT
        if len(v) > limit:
            raise self.fail(f"{where}.{key}", f"{what}过长（超过 {limit} 字）")
        return clean_line(v) if line else clean_text(v)

    def flag(self, d: dict[str, Any], key: str, where: str, default: bool) -> bool:
        v = d.get(key, default)
        if not isinstance(v, bool):
            raise self.fail(f"{where}.{key}", "应为 true 或 false")
        return v

    def uid(self, d: dict[str, Any], where: str, key: str = "uid") -> str:
        v = d.get(key)
        if v is None:
            return new_uid()
        if not isinstance(v, str) or not (1 <= len(v) <= 64) or not v.replace("-", "").isalnum():
            raise self.fail(f"{where}.{key}", "标识无效")
        return v

    def choice(self, d: dict[str, Any], key: str, where: str, allowed: dict[str, str], default: str) -> str:
        v = d.get(key, default)
        if not isinstance(v, str) or v not in allowed:
            raise self.fail(f"{where}.{key}", "应为 " + "、".join(repr(a) for a in allowed))
        return v

    def block(self, v: Any, where: str) -> Block:
        self.blocks += 1
        if self.blocks > MAX_BLOCKS:
            raise self.fail(where, "段落过多")
        d = self.obj(v, where)
        kind = d.get("type")
        if kind == "paragraph":
            return Paragraph(self.text(d, "text", where))
        if kind == "points":
            if isinstance(d.get("items"), list) and len(d["items"]) > self.max_numbered:
                raise self.fail(f"{where}.items", f"分条列举超过 {self.max_numbered} 条")
            items = [
                self._item(x, f"{where}.items[{i}]")
                for i, x in enumerate(self.lst(d.get("items", []), f"{where}.items"))
            ]
            return PointList(items=items, lead=self.text(d, "lead", where), inline=self.flag(d, "inline", where, True))
        raise self.fail(f"{where}.type", "应为 paragraph 或 points")

    def _item(self, v: Any, where: str) -> str:
        if not isinstance(v, str):
            raise self.fail(where, "应为文字")
        if len(v) > MAX_TEXT:
            raise self.fail(where, "文字过长")
        return clean_text(v)

    def blocks_of(self, v: Any, where: str) -> list[Block]:
        return [self.block(b, f"{where}[{i}]") for i, b in enumerate(self.lst(v, where))]

    def section(self, v: Any, where: str, level: int) -> Section:
        if level > MAX_LEVEL:
            raise self.fail(where, f"标题层级超过 {MAX_LEVEL} 级")
        self.sections += 1
        if self.sections > MAX_SECTIONS:
            raise self.fail(where, "章节过多")
        d = self.obj(v, where)
        outer, heading = self.naming, d.get("heading")
        if isinstance(heading, str) and heading.strip():
            self.naming = f"章节“{_excerpt(heading.strip())}”"
        try:
            return self._section(d, where, level)
        finally:
            self.naming = outer

    def _section(self, d: dict[str, Any], where: str, level: int) -> Section:
        return Section(
            heading=self.text(d, "heading", where, line=True, limit=MAX_LINE_LENGTH, what="标题"),
            run_in=self.flag(d, "run_in", where, False),
            numbered=self.flag(d, "numbered", where, True),
            blocks=self.blocks_of(d.get("blocks", []), f"{where}.blocks"),
            children=self.sections_of(d.get("children", []), f"{where}.children", level + 1),
            uid=self.uid(d, where),
            public=self.flag(d, "public", where, True),
        )

    def sections_of(self, v: Any, where: str, level: int) -> list[Section]:
        items = self.lst(v, where)
        limit = MAX_NUMBERED if self.stored else MAX_SIBLINGS
        if len(items) > limit:
            raise self.fail(where, f"同一级的章节超过 {limit} 个")
        return [self.section(s, f"{where}[{i}]", level) for i, s in enumerate(items)]

    def table(self, v: Any, where: str) -> list[list[str]]:
        """Rows of one-line cells; shorter rows are padded to the widest."""
        rows = self.lst(v, where)
        if len(rows) > MAX_TABLE_ROWS:
            raise self.fail(where, f"表格行数超过 {MAX_TABLE_ROWS}")
        out: list[list[str]] = []
        for i, row in enumerate(rows):
            cells = self.lst(row, f"{where}[{i}]")
            if not 1 <= len(cells) <= MAX_TABLE_COLUMNS:
                raise self.fail(f"{where}[{i}]", f"每行应有 1 到 {MAX_TABLE_COLUMNS} 格")
            line = []
            for j, c in enumerate(cells):
                if not isinstance(c, str) or len(c) > MAX_LINE_LENGTH:
                    raise self.fail(f"{where}[{i}][{j}]", "应为一行文字")
                line.append(clean_line(c))
            out.append(line)
        width = max((len(r) for r in out), default=0)
        return [r + [""] * (width - len(r)) for r in out]

    def lines(self, d: dict[str, Any], key: str, where: str) -> list[str]:
        out = []
        for i, v in enumerate(self.lst(d.get(key, []), f"{where}.{key}")):
            if not isinstance(v, str) or len(v) > MAX_LINE_LENGTH:
                raise self.fail(f"{where}.{key}[{i}]", "应为一行文字")
            out.append(clean_line(v))
        return out

    def date(self, d: dict[str, Any], key: str, where: str) -> _dt.date | None:
        raw = d.get(key)
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise self.fail(f"{where}.{key}", "应为 YYYY-MM-DD")
        try:
            return _dt.date.fromisoformat(raw)
        except ValueError:
            raise self.fail(f"{where}.{key}", "应为 YYYY-MM-DD") from None

    def official(self, v: Any, where: str) -> OfficialElements:
        d = self.obj(v, where)
        year = d.get("doc_year")
        if year is not None and (
            not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR
        ):
            raise self.fail(f"{where}.doc_year", f"发文字号的年份应为 {MIN_YEAR} 到 {MAX_YEAR} 之间的整数")
        number = d.get("doc_number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99999):
            raise self.fail(f"{where}.doc_number", "发文字号的序号应为正整数（不加“第”，不编虚位）")
        attachments = []
        for i, a in enumerate(self.lst(d.get("attachments", []), f"{where}.attachments")):
            ad = self.obj(a, f"{where}.attachments[{i}]")
            paras = [
                self._item(x, f"{where}.attachments[{i}].paragraphs[{j}]")
                for j, x in enumerate(self.lst(ad.get("paragraphs", []), f"{where}.attachments[{i}].paragraphs"))
            ]
            table = self.table(ad.get("table", []), f"{where}.attachments[{i}].table")
            attachments.append(Attachment(self.text(ad, "title", f"{where}.attachments[{i}]", line=True), paras, table))
        return OfficialElements(
            bodies=self.lines(d, "bodies", where),
            with_wenjian=self.flag(d, "with_wenjian", where, True),
            code=self.text(d, "code", where, line=True),
            doc_year=year,
            doc_number=number,
            signers=self.lines(d, "signers", where),
            attachments=attachments,
            cc=self.lines(d, "cc", where),
            printer=self.text(d, "printer", where, line=True),
            print_date=self.date(d, "print_date", where),
            copy_number=self.text(d, "copy_number", where, line=True),
            secrecy=self.text(d, "secrecy", where, line=True),
            urgency=self.text(d, "urgency", where, line=True),
        )

    def figure(self, v: Any, where: str) -> Figure:
        # long: every field of a figure, each validated where it is read
        d = self.obj(v, where)
        key = d.get("key")
        if not isinstance(key, str) or not KEY_RE.match(key) or key in YEAR_VARIABLES:
            raise self.fail(f"{where}.key", "数据名称无效")
        label = self.text(d, "label", where, line=True, limit=MAX_LABEL_LENGTH, what="数据名称")
        self.naming = f"数据“{_excerpt(label or key)}”"
        raw = d.get("value")
        value: Decimal | None
        if raw is None:
            value = None
        elif isinstance(raw, (str, int)) and not isinstance(raw, bool):
            try:
                value = Decimal(str(raw))
            except InvalidOperation:
                raise self.fail(f"{where}.value", "不是有效的数字") from None
            if not value.is_finite() or value < 0 or value > MAX_VALUE:
                raise self.fail(f"{where}.value", f"数值超出范围（0 到 {MAX_VALUE}）")
            value = normalize_decimal(value)
            # "1e-999999999" would print as a billion zeros. (The exponent is an int:
            # the value is finite; only NaN and infinities have a letter there.)
            exponent = value.as_tuple().exponent
            fraction = MAX_STORED_FRACTION_DIGITS if self.stored else MAX_FRACTION_DIGITS
            if isinstance(exponent, int) and exponent < -fraction:
                raise self.fail(f"{where}.value", f"小数位数过多（最多 {fraction} 位）")
        else:
            raise self.fail(f"{where}.value", "应为数字文字或 null")
        qualifier = self.text(d, "qualifier", where, line=True)
        if qualifier not in QUALIFIERS:
            raise self.fail(f"{where}.qualifier", f"不支持的限定词“{qualifier}”")
        decimals = d.get("decimals", 0)
        if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= MAX_DECIMALS:
            raise self.fail(f"{where}.decimals", f"应为 0 到 {MAX_DECIMALS} 的整数")
        formula = self.text(d, "formula", where, line=True)
        if formula and not self.stored:
            try:
                parse_formula(formula)
            except FormulaError as exc:
                raise self.fail(f"{where}.formula", exc.message) from None
        self.naming = ""
        return Figure(
            key=key,
            label=label,
            value=value,
            unit=self.text(d, "unit", where, line=True, limit=MAX_UNIT_LENGTH, what="单位"),
            qualifier=qualifier,
            formula=formula,
            decimals=decimals,
            at_most=self.text(d, "at_most", where, line=True),
            kind=self.choice(d, "kind", where, FIGURE_KINDS, KIND_YEARLY),
            review=self.choice(d, "review", where, REVIEW_STATES, ""),
            style=self.choice(d, "style", where, FIGURE_STYLES, ""),
        )


def _excerpt(text: str) -> str:
    return text if len(text) <= 12 else text[:12] + "…"


def report_from_dict(data: Any) -> Report:
    """Validate an interchange document (its header, then the report) and build the Report."""
    top = _CheckedWalk().obj(data, "文件")
    if top.get("format") != FORMAT_NAME:
        raise InvalidInput("这不是 hxdesk 报告文件（缺少 format: hxdesk-report）。")
    version = top.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput("报告文件缺少版本号。")
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"报告文件的格式版本为 {version}，比本程序支持的版本 {FORMAT_VERSION} 新，请升级 hxdesk 后再导入。"
        )
    if version < 1:
        raise InvalidInput(f"报告文件的格式版本 {version} 无效。")
    return report_body_from_dict(top.get("report"))


def report_body_from_dict(body: Any, *, stored: bool = False) -> Report:
    """Validate the ``report`` object of the format and build the Report: the one reader of the model
    from a dict, used by the interchange files and by the store (which has no header to add).

    Everything is held to hxdesk.limits, except, with ``stored`` (the store reading its rows), a
    figure's formula and the decimals of its value: an older hxdesk let those in, and a report
    holding them still opens (such a figure is uncomputable, with the reason)."""
    # long: the report's fields in the order of the format, each validated where it is read
    r = _CheckedWalk(stored=stored)
    d = r.obj(body, "report")
    year = d.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        raise r.fail("report.year", f"年度应为 {MIN_YEAR} 到 {MAX_YEAR} 之间的整数")
    date_raw = d.get("date")
    date: _dt.date | None = None
    if date_raw is not None:
        if not isinstance(date_raw, str):
            raise r.fail("report.date", "应为 YYYY-MM-DD")
        try:
            date = _dt.date.fromisoformat(date_raw)
        except ValueError:
            raise r.fail("report.date", "应为 YYYY-MM-DD") from None
    figures: dict[str, Figure] = {}
    fig_list = r.lst(d.get("figures", []), "report.figures")
    if len(fig_list) > MAX_FIGURES:
        raise r.fail("report.figures", "数据过多")
    for i, fv in enumerate(fig_list):
        fig = r.figure(fv, f"report.figures[{i}]")
        if fig.key in figures:
            raise r.fail(f"report.figures[{i}].key", f"数据名称“{fig.key}”重复")
        figures[fig.key] = fig
    unusable = {} if stored else formula_problems(figures)
    if unusable:
        key, why = next(iter(unusable.items()))
        r.naming = f"数据“{_excerpt(figures[key].label or key)}”"
        raise r.fail("公式", why)

    report = Report(
        year=year,
        title=r.text(d, "title", "report", limit=MAX_TITLE_LENGTH, what="标题"),
        issuers=r.lines(d, "issuers", "report"),
        addressee=r.text(d, "addressee", "report", line=True),
        intro=r.blocks_of(d.get("intro", []), "report.intro"),
        sections=r.sections_of(d.get("sections", []), "report.sections", 1),
        signatures=r.lines(d, "signatures", "report"),
        date=date,
        figures=figures,
        name=r.text(d, "name", "report", line=True),
        template=r.text(d, "template", "report", line=True),
        uid=r.uid(d, "report"),
        predecessor_uid=None if d.get("predecessor_uid") is None else r.uid(d, "report", "predecessor_uid"),
        official=OfficialElements() if d.get("official") is None else r.official(d["official"], "report.official"),
    )
    if report.predecessor_uid == report.uid:  # a report cannot come from itself
        report.predecessor_uid = None
    seen: set[str] = set()
    for s, _ in report.walk():
        if s.uid in seen:
            raise r.fail("report.sections", "章节标识重复")
        seen.add(s.uid)
    return report


def loads(text: str) -> Report:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InvalidInput(f"文件不是有效的 JSON：{getattr(exc, 'msg', '嵌套过深')}。") from None
    except ValueError:  # an integer of more than 4300 digits
        raise InvalidInput("文件不是有效的 JSON：数字过长。") from None
    return report_from_dict(data)


def read_file(path: str | Path) -> Report:
    """Load a report from an interchange .json file (size-bounded)."""
    raw = read_input_file(path, MAX_FILE_BYTES)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("报告文件不是 UTF-8 编码的 JSON。") from None
    return loads(text)
