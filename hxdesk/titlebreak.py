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


#: Places where a title may break after a word, outside the issuers' names.
_BREAK_AFTER = ("年度", "年", "、", "，")
#: And before these words.
_BREAK_BEFORE = ("关于", "法治政府", "建设", "工作", "情况", "的报告")


def break_points(text: str) -> list[tuple[int, int]]:
    """(cut, rank) of the places a title may break; a lower rank is a better place for meaning."""
    cuts: dict[int, int] = {}
    name_end = issuer_end(text)

    def add(cut: int, rank: int) -> None:
        if 0 < cut < len(text) and (cut >= name_end or cut == name_end or text[cut - 1] == "、"):
            cuts[cut] = min(rank, cuts.get(cut, rank))

    if name_end:
        add(name_end, 0)
        for i, ch in enumerate(text[:name_end]):
            if ch == "、":
                add(i + 1, 1)
    for word, rank in ((w, 2) for w in _BREAK_BEFORE):
        start = name_end
        while (i := text.find(word, start)) >= 0:
            add(i, 0 if word == "关于" else rank)
            start = i + 1
    for word in _BREAK_AFTER:
        start = name_end
        while (i := text.find(word, start)) >= 0:
            add(i + len(word), 2)
            start = i + 1
    # Never right after 关于, nor inside a name: drop cuts that fall there.
    return sorted(
        (c, r) for c, r in cuts.items() if not text[:c].endswith("关于") and (c >= name_end or text[c - 1] == "、")
    )


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
    """Lines of at most ``per_line`` characters, broken where the meaning allows, well shaped."""
    if len(text) <= per_line:
        return [text]
    points = break_points(text)
    best: tuple[tuple[int, int, int, int], list[str]] | None = None
    for c, rank in points:
        lines = [text[:c], text[c:]]
        lens = [len(x) for x in lines]
        if max(lens) > per_line:
            continue
        key = (int(not shape_ok(lens)), int(lens[0] > lens[1]), rank, abs(lens[1] - lens[0] - 2))
        if best is None or key < best[0]:
            best = (key, lines)
    if best is not None and best[0][0] == 0:
        return best[1]
    for c1, r1 in points:
        for c2, r2 in points:
            if c2 <= c1:
                continue
            lines = [text[:c1], text[c1:c2], text[c2:]]
            lens = [len(x) for x in lines]
            if max(lens) > per_line:
                continue
            key = (int(not shape_ok(lens)), 0, max(r1, r2), max(lens) - min(lens))
            if best is None or key < best[0]:
                best = (key, lines)
    if best is not None:
        return best[1]
    # No word boundary fits: fixed-width lines (rare; the user can break by hand).
    return [text[i : i + per_line] for i in range(0, len(text), per_line)]
