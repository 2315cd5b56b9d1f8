"""Numbers: pairs that contradict (办结 > 受理), units that differ within a pair, rates over 100 %,
and digits typed into the text instead of a figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..figures import number_text
from ..model import Figure
from .base import ERROR, WARNING, Context, Finding, Piece, TextUnit

#: Words of the part and of the whole in figure labels: 办结来信来访 ≤ 受理来信来访.
DONE_WORDS = (
    "已办结",
    "办结",
    "已整改",
    "整改",
    "已整治",
    "整治",
    "已化解",
    "化解",
    "已结案",
    "结案",
    "已处理",
    "已完成",
)
TOTAL_WORDS = ("受理", "排查", "发现", "收到", "接收", "立案", "检查")
#: The same in figure keys: petitions_closed ≤ petitions_received.
DONE_KEYS = {"closed", "handled", "fixed", "resolved", "rectified", "done", "completed", "settled", "solved"}
TOTAL_KEYS = {"received", "found", "checked", "accepted", "total", "filed", "reported", "identified"}

UNITS = (
    "人次|家次|场次|批次|户次|件次|万元|亿元|平方米|公里|千米|课时|个|件|次|项|人|名|场|份|起|家|户|条|篇|期|处|宗|所"
    "|元|分|吨|台|辆|套|块|幅|张|册|本|%|％"
)
LITERAL = re.compile(rf"(?<![0-9０-９A-Za-z.．第])([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(余|多)?\s*({UNITS})(?!钟)")


#: Time words and filler a label may open with (全年受理行政复议案件 is 受理行政复议案件).
FILLERS = re.compile(r"^(?:全年|今年|年内|本年度|本年|全镇|全乡|全街道|我镇|本镇|累计|共计|共|依法|其中|已)+")


def _plain(label: str) -> str:
    return FILLERS.sub("", label.strip()).strip()


def _base(label: str, words: tuple[str, ...]) -> str | None:
    label = _plain(label)
    for w in words:
        if w in label:
            return _plain(label.replace(w, "", 1))
    return None


def _key_base(key: str, tokens: set[str]) -> str | None:
    head, _, last = key.rpartition("_")
    return head if head and last in tokens else None


def is_pair(part: Figure, whole: Figure) -> bool:
    """True when ``part`` counts some of what ``whole`` counts (办结 of 受理, 已整改 of 排查)."""
    if part.key == whole.key:
        return False
    if part.at_most == whole.key:
        return True
    done = _base(part.label, DONE_WORDS)
    if done and done in (_base(whole.label, TOTAL_WORDS), _plain(whole.label)):
        return True
    done_key = _key_base(part.key, DONE_KEYS)
    return done_key is not None and done_key == _key_base(whole.key, TOTAL_KEYS)


def _groups(ctx: Context) -> Iterator[list[TextUnit]]:
    yield ctx.intro
    for info in ctx.sections:
        yield info.units


def _pairs(ctx: Context) -> Iterator[tuple[TextUnit, Piece, Figure, Figure]]:
    """(where the part is, its placeholder, the part, the whole): pairs used in one section, and pairs
    declared with ``at_most`` wherever the two are used."""
    anywhere: dict[str, tuple[TextUnit, Piece]] = {}
    for unit, piece, _ in ctx.figure_uses():
        anywhere.setdefault(piece.key, (unit, piece))
    seen: set[tuple[str, str]] = set()
    for units in _groups(ctx):
        used: dict[str, Figure] = {}
        first: dict[str, tuple[TextUnit, Piece]] = {}
        for unit in units:
            for piece in unit.pieces:
                fig = ctx.report.figures.get(piece.key)
                if fig is not None and piece.key not in used:
                    used[piece.key] = fig
                    first[piece.key] = (unit, piece)
        for part in used.values():
            for whole in used.values():
                if is_pair(part, whole):
                    seen.add((part.key, whole.key))
                    yield (*first[part.key], part, whole)
    figures = ctx.report.figures
    for key, (unit, piece) in anywhere.items():
        part = figures[key]
        if part.at_most in anywhere and part.at_most != key and (key, part.at_most) not in seen:
            yield unit, piece, part, figures[part.at_most]


def pair(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, part, whole in _pairs(ctx):
        a, b = ctx.value(part.key), ctx.value(whole.key)
        if a is not None and b is not None and a > b:
            message = (
                f"“{part.label or part.key}”（{number_text(a)}）大于“{whole.label or whole.key}”（{number_text(b)}），"
                "数字前后矛盾。"
            )
            yield ctx.hit(rule, ERROR, message, unit, piece.start, piece.end, "核对这两个数据")
    for unit in ctx.units:
        if not any(w in unit.text for w in DONE_WORDS):
            continue
        for start, end, part_label, whole_label, a_typed, b_typed in typed_pairs(unit):
            message = f"“{part_label}”（{a_typed}）大于同句中“{whole_label}”（{b_typed}），数字前后矛盾。"
            yield ctx.hit(rule, ERROR, message, unit, start, end, "核对这两个数据")


#: A typed number with its unit; its label is the words before it back to the last break.
TYPED = re.compile(rf"([0-9]+)\s*({UNITS})")
SENTENCE = re.compile(r"[^。；！？]+")
BREAK = re.compile(r"[，、：:,0-9０-９]")
LABEL_CHARS = 30  # a label is looked for this far back


def typed_pairs(unit: TextUnit) -> Iterator[tuple[int, int, str, str, int, int]]:
    """(start, end, part label, whole label, part, whole) for typed numbers of one sentence where the
    part is larger than its whole (受理12件，办结15件)."""
    for sentence in SENTENCE.finditer(unit.text):
        text = sentence.group(0)
        if not any(w in text for w in DONE_WORDS):
            continue
        totals: list[tuple[str, str, int, str]] = []  # (base, unit, value, label)
        for m in TYPED.finditer(text):
            start, end = sentence.start() + m.start(), sentence.start() + m.end()
            if (m.start() and text[m.start() - 1] in "0123456789.．") or not unit.literal(start, end):
                continue
            head = text[max(0, m.start() - LABEL_CHARS) : m.start()]
            cut = max((b.end() for b in BREAK.finditer(head)), default=0)
            label, value, measure = head[cut:], int(m.group(1)), m.group(2)
            whole = _base(label, TOTAL_WORDS)
            if whole is not None:
                totals.append((whole, measure, value, label.strip()))
                continue
            done = _base(label, DONE_WORDS)
            if done is None:
                continue
            for base, total_unit, total, total_label in reversed(totals[-8:]):  # the nearest wholes
                if (not done or done == base) and total_unit == measure:
                    if value > total:
                        yield start, end, label.strip(), total_label, value, total
                    break


def unit_mismatch(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, part, whole in _pairs(ctx):
        if part.unit and whole.unit and part.unit != whole.unit:
            message = (
                f"同一组数据单位不一致：“{whole.label or whole.key}”用“{whole.unit}”，"
                f"“{part.label or part.key}”用“{part.unit}”。"
            )
            yield ctx.hit(rule, WARNING, message, unit, piece.start, piece.end, f"统一为“{whole.unit}”")


def rate(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, fig in ctx.figure_uses():
        value = ctx.value(piece.key)
        if fig.unit in ("%", "％") and value is not None and value > 100:
            shown = number_text(value, fig.decimals if fig.derived else None)
            message = f"“{fig.label or piece.key}”为{shown}%，比例不能超过100%。"
            yield ctx.hit(rule, ERROR, message, unit, piece.start, piece.end, "核对这一数据及其计算所用的数据")


def literal(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        if not any(ch.isdigit() for ch in unit.text):
            continue
        for m in LITERAL.finditer(unit.text):
            if not unit.literal(m.start(), m.end()):
                continue
            message = f"正文中直接写了数字“{m.group(0)}”；改为数据后，明年的报告会提醒更新。"
            yield ctx.hit(rule, WARNING, message, unit, m.start(), m.end(), "改为数据")
