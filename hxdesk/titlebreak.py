"""Where a report title may break into lines (GB/T 9704-2012 7.3.1), shared by the importer
(which splits a one-line title into the issuing bodies and the title proper) and the renderer.

A title breaks where the meaning allows: after the full name of the issuing bodies (or
between two of them, after 、), before 关于, after a year; never inside a name (…县 / 司法局)
and never right after 关于.  Its lines form a trapezoid or a diamond, never a rectangle
(equal lines) or an hourglass (a short middle line).
"""

from __future__ import annotations

import re

#: How the name of an issuing body ends (longest first where one ends another).
BODY_SUFFIXES = (
    "人民政府",
    "管理委员会",
    "工作委员会",
    "委员会",
    "办事处",
    "管委会",
    "办公室",
    "党委",
    "政府",
    "街道",
    "司法所",
    "局",
    "委",
    "办",
)
_YEAR_START = re.compile(r"^(?:\d{4}|\{\{(?:year|next_year)\}\})年")
_MAX_ISSUERS = 30


def issuer_end(text: str) -> int:
    """Length of the leading issuing bodies' names (A县司法局、B镇人民政府) in a one-line title,
    when they stand before 关于 or a year; 0 when the title does not open with a name."""
    k = text.find("关于")
    ends: list[int] = []
    if k > 0:
        ends.append(k)
    m = None
    for suffix in BODY_SUFFIXES:
        start = 0
        while (i := text.find(suffix, start)) >= 0:
            end = i + len(suffix)
            if _YEAR_START.match(text[end:]):
                ends.append(end)
            start = i + 1
    for end in sorted(set(ends)):
        name = text[:end]
        if 2 <= end <= _MAX_ISSUERS and all(part.endswith(BODY_SUFFIXES) for part in name.split("、")):
            m = end
            break
    return m or 0


#: Where one body's name ends inside a joint issuer (中共某镇委员会某镇人民政府).
_NAME_ENDS = ("人民政府", "委员会", "党委", "办事处", "管委会", "办公室", "司法局")
#: Places where a title may break after a word, outside the issuers' names.
_BREAK_AFTER = ("年度", "年", "、", "，")
#: And before these words.
_BREAK_BEFORE = ("关于", "法治政府", "建设", "工作", "情况", "的报告")


def _find_all(text: str, word: str, start: int = 0) -> list[int]:
    out = []
    while (i := text.find(word, start)) >= 0:
        out.append(i)
        start = i + 1
    return out


def break_points(text: str) -> list[tuple[int, int]]:
    """(cut, rank) of the places a title may break; a lower rank is a better place for meaning."""
    name_end = issuer_end(text)
    name = text[:name_end]
    # Inside the issuers' names only between two bodies: after 、 or after a body's full name.
    inner = {i + 1 for i, ch in enumerate(name) if ch == "、"}
    for suffix in _NAME_ENDS:
        inner.update(i + len(suffix) for i in _find_all(name, suffix))
    cuts: dict[int, int] = {}

    def add(cut: int, rank: int) -> None:
        if not 0 < cut < len(text) or text[:cut].endswith("关于") or text[cut:].startswith("度"):
            return  # never right after 关于, never between 年 and 度
        if cut >= name_end or cut in inner:
            cuts[cut] = min(rank, cuts.get(cut, rank))

    if name_end:
        add(name_end, 0)
    for cut in inner:
        add(cut, 1)
    for word in _BREAK_BEFORE:
        for i in _find_all(text, word, name_end):
            add(i, 0 if word == "关于" else 2)
    for word in _BREAK_AFTER:
        for i in _find_all(text, word, name_end):
            add(i + len(word), 2)
    return sorted(cuts.items())


def shape_ok(lengths: list[int]) -> bool:
    """A trapezoid (either way up) or a diamond; not a rectangle, not an hourglass."""
    if len(lengths) < 2:
        return True
    if len(set(lengths)) == 1:
        return False  # rectangle
    if len(lengths) == 3:
        a, b, c = lengths
        return not (b < a and b < c)
    return True


def break_title(text: str, per_line: int) -> list[str]:
    """Lines of at most ``per_line`` characters, broken where the meaning allows, well shaped:
    at the issuers' names or before 关于 when a break there fits, in two lines before three."""
    if len(text) <= per_line:
        return [text]
    points = break_points(text)
    has_strong = any(rank <= 1 for _, rank in points)
    best: tuple[tuple[int, ...], list[str]] | None = None

    def consider(cuts: list[tuple[int, int]]) -> None:
        nonlocal best
        bounds = [0, *(c for c, _ in cuts), len(text)]
        lines = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        lens = [len(x) for x in lines]
        if max(lens) > per_line:
            return
        strong = any(rank <= 1 for _, rank in cuts) or not has_strong
        key = (
            int(not shape_ok(lens)),
            int(not strong),
            len(lines),
            int(len(lines) == 2 and lens[0] > lens[1]),
            sum(rank for _, rank in cuts),
            max(lens) - min(lens),
        )
        if best is None or key < best[0]:
            best = (key, lines)

    for i, p1 in enumerate(points):
        consider([p1])
        for p2 in points[i + 1 :]:
            consider([p1, p2])
    if best is not None:
        return best[1]
    # No word boundary fits: fixed-width lines (rare; the user can break by hand).
    return [text[i : i + per_line] for i in range(0, len(text), per_line)]
