"""Writing: half-width punctuation, unpaired quotes and brackets, run-in headings without a full
stop, doubled characters, commonly confused words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import WARNING, Context, Finding, TextUnit, is_chinese

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
#: May end a text (完成了吗?) rather than stand between two characters.
MAY_END = set("?!)")
#: May start one.
MAY_START = set("(")

PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】"}
CLOSERS = {v: k for k, v in PAIRS.items()}
#: Openers that do not nest in themselves (“…“…” is a slip; 《…《…》…》 too).
NO_SELF_NESTING = set("“‘《【")

DOUBLED = re.compile(r"(?<![目标])的的(?!确)|(?<!不)了了(?![之一])|([，。、；：？！])\1")
RUN_IN_END = ("。", "！", "？")


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \u3000":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def halfwidth(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        text = unit.text
        if not any(ch in FULL_WIDTH for ch in text):
            continue
        for i, ch in enumerate(text):
            if ch not in FULL_WIDTH or not unit.literal(i, i + 1):
                continue
            before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
            left = is_chinese(before) or (not before and ch in MAY_START)
            right = is_chinese(after) or (not after and ch in MAY_END)
            if left and right:
                full = FULL_WIDTH[ch]
                message = f"中文中使用了半角标点“{ch}”，应为全角“{full}”。"
                yield ctx.hit(rule, WARNING, message, unit, i, i + 1, f"改为“{full}”")


def _unpaired(text: str) -> Iterator[tuple[int, str]]:
    """(position, character) of every bracket or quote without its partner."""
    stack: list[tuple[int, str]] = []
    open_count = dict.fromkeys(PAIRS, 0)  # how many of each opener the stack holds (a long text stays linear)
    for i, ch in enumerate(text):
        if ch in PAIRS:
            if ch in NO_SELF_NESTING and open_count[ch]:
                yield i, ch
                continue
            stack.append((i, ch))
            open_count[ch] += 1
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            if not open_count[opener]:
                yield i, ch
                continue
            while stack[-1][1] != opener:
                j, other = stack.pop()
                open_count[other] -= 1
                yield j, other
            stack.pop()
            open_count[opener] -= 1
        elif ch == '"' and (is_chinese(_neighbour(text, i, -1)) or is_chinese(_neighbour(text, i, 1))):
            yield i, ch
    yield from stack


def pairs(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        text = unit.text
        if not any(ch in PAIRS or ch in CLOSERS or ch == '"' for ch in text):
            continue
        for i, ch in sorted(_unpaired(text)):
            if ch == '"':
                message, suggestion = '中文中使用了半角引号“"”，应使用“”。', "改为“”"
            else:
                pair = ch + PAIRS[ch] if ch in PAIRS else CLOSERS[ch] + ch
                message, suggestion = f"“{ch}”没有配对的{pair}，请检查是否漏写或写错。", f"补全{pair}"
            yield ctx.hit(rule, WARNING, message, unit, i, i + 1, suggestion)


def run_in(ctx: Context, rule: str) -> Iterator[Finding]:
    for info in ctx.sections:
        heading = info.units[0]
        text = heading.text.rstrip()
        if info.section.run_in and text and not text.endswith(RUN_IN_END):
            message = "句中标题（与正文同段的小标题）应以句号等结束，否则与正文连在一起。"
            end = len(text)
            yield ctx.hit(rule, WARNING, message, heading, max(0, end - 1), end, "在标题末尾加“。”")


def doubled(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        for m in DOUBLED.finditer(unit.text):
            if not unit.literal(m.start(), m.end()):
                continue
            once = m.group(0)[0]
            yield ctx.hit(rule, WARNING, f"“{m.group(0)}”重复。", unit, m.start(), m.end(), f"改为“{once}”")


def _confused(unit: TextUnit, ctx: Context) -> Iterator[tuple[int, int, str, str, str]]:
    for word in ctx.words:
        for m in word.pattern.finditer(unit.text):
            if m.end() > m.start() and unit.literal(m.start(), m.end()):
                yield (
                    m.start(),
                    m.end(),
                    word.wrong,
                    word.right,
                    word.note if not word.typo else "疑为错别字。" + word.note,
                )


def words(ctx: Context, rule: str) -> Iterator[Finding]:
    if not ctx.words:
        return
    for unit in ctx.units:
        for start, end, wrong, right, why in sorted(_confused(unit, ctx)):
            message = f"“{wrong}”应为“{right}”。{why}".rstrip()
            yield ctx.hit(rule, WARNING, message, unit, start, end, f"改为“{right}”")
