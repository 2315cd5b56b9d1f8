"""Years: stray years in the text, the year of next year's plan, the 普法 ordinal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..numbering import parse_chinese_numeral
from .base import ERROR, WARNING, Context, Finding, TextUnit

YEAR_RE = re.compile(r"(?<![0-9０-９.])((?:19|20)[0-9]{2})(?=\s*年)")
RANGE_AFTER = re.compile(r"\s*年?\s*[—–\-－~～至到]\s*(?:19|20)[0-9]{2}")
RANGE_BEFORE = re.compile(r"(?:19|20)[0-9]{2}\s*年?\s*[—–\-－~～至到]\s*$")
TARGET_BEFORE = re.compile(r"(?:到|至|于|在)\s*$")

#: A heading about next year's work.
PLAN_HEADING = re.compile(r"工作措施|工作计划|主要安排|工作安排|下一步|工作打算|工作思路|工作要点|重点任务")
ANY_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")

#: “八五”普法的第四年, 八五普法第4年
PUFA = re.compile(
    r"[“\"‘']?([六七八九十])五[”\"’']?\s*普法(?:规划|工作)?\s*(?:的)?\s*第\s*([一二三四五六七八九十]|[0-9]+)\s*年"
)
PUFA_YEAR_BEFORE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*(?:是|为|系)?\s*$")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 and “” (document names and quotations)."""
    spans: list[tuple[int, int]] = []
    for opener, closer in (("《", "》"), ("“", "”")):
        start = -1
        for i, ch in enumerate(text):
            if ch == opener and start < 0:
                start = i
            elif ch == closer and start >= 0:
                spans.append((start, i + 1))
                start = -1
    return spans


def _plan_heading(unit: TextUnit) -> bool:
    return unit.field == "heading" and bool(PLAN_HEADING.search(unit.text))


def stray(ctx: Context, rule: str) -> Iterator[Finding]:
    y = ctx.year
    fine = {y - 1, y, y + 1}
    for unit in ctx.units:
        if "年" not in unit.text or _plan_heading(unit):
            continue
        quoted: list[tuple[int, int]] | None = None
        for m in YEAR_RE.finditer(unit.text):
            year = int(m.group(1))
            if year in fine or not unit.literal(m.start(), m.end()):
                continue
            before = unit.text[max(0, m.start() - 12) : m.start()]
            if RANGE_AFTER.match(unit.text, m.end()) or RANGE_BEFORE.search(before):
                continue  # 2021—2025年: a period
            if year > y and TARGET_BEFORE.search(before):
                continue  # 到2035年: a target
            if quoted is None:
                quoted = quoted_ranges(unit.text)
            if any(a < m.start() < b for a, b in quoted):
                continue
            message = f"年份“{year}年”与报告年度（{y}年）不符，请核对是否沿用了往年的文字。"
            yield ctx.hit(rule, WARNING, message, unit, m.start(), m.end(), f"如指报告年度，改为{y}年")


def next_plan(ctx: Context, rule: str) -> Iterator[Finding]:
    y = ctx.year
    for unit in ctx.units:
        if not _plan_heading(unit):
            continue
        for m in ANY_YEAR.finditer(unit.text):
            if int(m.group(1)) != y + 1:
                message = f"下一年度工作的标题应写{y + 1}年，这里是{m.group(1)}年。"
                yield ctx.hit(rule, ERROR, message, unit, m.start(), m.end(), f"改为{y + 1}年")


def _ordinal(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese_numeral(text)


def pufa(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        if "普法" not in unit.text:
            continue
        for m in PUFA.finditer(unit.text):
            n = parse_chinese_numeral(m.group(1))
            ordinal = _ordinal(m.group(2))
            if n is None or ordinal is None:
                continue
            first = 2021 + 5 * (n - 8)  # 八五: 2021–2025
            said = PUFA_YEAR_BEFORE.search(unit.text[max(0, m.start() - 12) : m.start()])
            year = int(said.group(1)) if said else ctx.year
            name = f"“{m.group(1)}五”普法"
            if not first <= year <= first + 4:
                message = f"{name}为{first}—{first + 4}年，{year}年不在其中。"
                current = (year - 2021) // 5 + 8
                suggestion = None
                if 6 <= current <= 10:
                    suggestion = f"{year}年是“{_cn(current)}五”普法的第{_cn(year - (2021 + 5 * (current - 8)) + 1)}年"
                yield ctx.hit(rule, ERROR, message, unit, m.start(), m.end(), suggestion)
            elif ordinal != year - first + 1:
                right = _cn(year - first + 1)
                message = f"{year}年是{name}的第{right}年，这里写的是第{m.group(2)}年。"
                yield ctx.hit(rule, ERROR, message, unit, m.start(), m.end(), f"改为“第{right}年”")


def _cn(n: int) -> str:
    return "一二三四五六七八九十"[n - 1]
