"""Structure: empty sections, the closing and its date, the five parts the regulation asks for."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from ..model import Paragraph, Section, date_text
from .base import CLOSING, ERROR, WARNING, WHOLE, Context, Finding, note, short

#: The template whose reports must have the five parts (services.templates.STANDARD_TEMPLATE).
STANDARD_TEMPLATE = "standard"

#: 《法治政府建设与责任落实督察工作规定》第二十五条: the parts of the annual report, and the
#: words by which a heading is recognised as one of them.
STATUTORY_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("主要举措和成效", re.compile(r"主要举措|举措和成效|主要成效|工作成效|完成情况")),
    ("存在的不足和原因", re.compile(r"不足|存在的(?:主要)?问题|问题(?:及|和)原因")),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", re.compile(r"第一责任人")),
    ("下一年度主要安排", re.compile(r"主要安排|工作安排|工作计划|工作打算|工作措施|工作思路|下一步")),
    ("其他需要报告的情况", re.compile(r"其[他它]需要报告")),
)


def _has_body(section: Section) -> bool:
    for block in section.blocks:
        texts = [block.text] if isinstance(block, Paragraph) else [block.lead, *block.items]
        if any(t.strip() for t in texts):
            return True
    return False


def empty(ctx: Context, rule: str) -> Iterator[Finding]:
    for info in ctx.sections:
        s = info.section
        heading = info.units[0]
        bare = not s.children and not _has_body(s)
        if not s.heading.strip() and (bare or not s.holds_level):
            message = "这一章节没有标题也没有正文。" if bare else "章节标题为空。"
            yield ctx.hit(rule, WARNING, message, heading, suggestion="填写标题，或删除这一章节")
        elif bare:
            message = "这一章节没有正文内容，生成的文档中只有标题。"
            yield ctx.hit(rule, WARNING, message, heading, suggestion="填写正文，或删除这一章节")


#: A number typed at the start of a heading (the program numbers headings itself).
TYPED_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|[0-9０-９]{1,2}\s*[.．、](?![0-9])"
    r"|[（(]\s*[0-9０-９]{1,2}\s*[）)]|第[一二三四五六七八九十]{1,3}[，、：:])"
)


def typed_number(ctx: Context, rule: str) -> Iterator[Finding]:
    for info in ctx.sections:
        heading = info.units[0]
        m = TYPED_NUMBER.match(heading.text)
        if info.section.numbered and m and heading.literal(m.start(), m.end()):
            message = f"标题开头写了编号“{m.group(0).strip()}”；编号由程序按位置自动生成，这样会重复。"
            yield ctx.hit(rule, WARNING, message, heading, m.start(), m.end(), "删去标题开头的编号")


def closing(ctx: Context, rule: str) -> Iterator[Finding]:
    r = ctx.report
    signed = any(s.strip() for s in r.signatures)
    suggestion = f"例如 {date_text(_suggested_date(ctx))}"
    if not signed and r.date is None:
        # The published form of a report (as the sample) may omit the closing; a half-filled one is a slip.
        yield note(
            rule,
            WARNING,
            "没有落款和成文日期；报送的报告应有落款（发文机关）和成文日期。",
            CLOSING,
            "signatures",
            "",
            (3, 0, 0, -1, -1),
        )
    elif not signed:
        yield note(rule, ERROR, "落款为空：请填写发文机关名称。", CLOSING, "signatures", "", (3, 0, 0, -1, -1))
    elif r.date is None:
        excerpt = short("、".join(s for s in r.signatures if s.strip()), 20)
        yield note(rule, ERROR, "没有成文日期。", CLOSING, "date", excerpt, (3, 0, 1, -1, -1), suggestion=suggestion)


def _suggested_date(ctx: Context) -> _dt.date:
    y = ctx.year
    if _dt.date(y + 1, 1, 1) <= ctx.today < _dt.date(y + 1, 3, 1):
        return ctx.today
    return _dt.date(y + 1, 1, 15)


def date(ctx: Context, rule: str) -> Iterator[Finding]:
    d, y = ctx.report.date, ctx.year
    if d is None:
        return
    excerpt, order = date_text(d), (3, 0, 1, -1, -1)
    if d < _dt.date(y, 1, 1):
        message = f"成文日期 {excerpt} 早于报告年度（{y}年），请核对。"
        yield note(rule, ERROR, message, CLOSING, "date", excerpt, order, suggestion=f"改为{y + 1}年3月1日前的日期")
    elif d.year == y:
        message = f"成文日期在报告年度（{y}年）之内；年度报告一般在次年年初、3月1日前成文报送。"
        yield note(rule, WARNING, message, CLOSING, "date", excerpt, order)
    elif d >= _dt.date(y + 1, 3, 1):
        message = f"成文日期晚于{y + 1}年3月1日；{y}年度的报告应在{y + 1}年3月1日前报送。"
        yield note(rule, WARNING, message, CLOSING, "date", excerpt, order)


def statutory(ctx: Context, rule: str) -> Iterator[Finding]:
    if ctx.report.template != STANDARD_TEMPLATE:
        return
    headings = [info.units[0].text for info in ctx.sections]
    for n, (name, pattern) in enumerate(STATUTORY_PARTS):
        if not any(pattern.search(h) for h in headings):
            message = f"缺少“{name}”部分：年度报告应包含这一内容（《法治政府建设与责任落实督察工作规定》）。"
            yield note(rule, ERROR, message, WHOLE, "report", name, (4, 0, n), suggestion=f"添加一章“{name}”")
