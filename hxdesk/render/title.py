"""Breaking a long title into lines.

GB/T 9704-2012 7.3.1: a title of several lines breaks between words, keeping
the meaning whole, and is set as a trapezoid or diamond — never a rectangle
(equal lines) or an hourglass (a short middle line).
"""

from __future__ import annotations

#: Places where a title may break: after these words (the break follows them).
_BREAK_AFTER = (
    "关于",
    "年度",
    "年",
    "人民政府",
    "委员会",
    "办事处",
    "街道",
    "政府",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "、",
    "，",
    "的",
)
#: And before these words.
_BREAK_BEFORE = ("法治政府", "法治", "建设", "工作", "情况", "的报告", "报告")


def _candidates(text: str) -> list[int]:
    cuts: set[int] = set()
    for word in _BREAK_AFTER:
        start = 0
        while (i := text.find(word, start)) >= 0:
            cuts.add(i + len(word))
            start = i + 1
    for word in _BREAK_BEFORE:
        start = 0
        while (i := text.find(word, start)) >= 0:
            cuts.add(i)
            start = i + 1
    return sorted(c for c in cuts if 0 < c < len(text))


def break_title(text: str, per_line: int) -> list[str]:
    """Lines of at most ``per_line`` characters, trapezoid-shaped where possible."""
    if len(text) <= per_line:
        return [text]
    cuts = _candidates(text)
    best: tuple[tuple[int, int, int], list[str]] | None = None
    # Two lines: upper shorter than lower (trapezoid), as balanced as possible.
    for c in cuts:
        a, b = text[:c], text[c:]
        if len(a) <= per_line and len(b) <= per_line:
            shape_penalty = 0 if len(a) < len(b) else 1
            key = (shape_penalty, abs(len(b) - len(a) - 2), c)
            if best is None or key < best[0]:
                best = (key, [a, b])
    if best is not None:
        return best[1]
    # Three lines: a diamond (middle longest) or trapezoid.
    for c1 in cuts:
        for c2 in cuts:
            if c2 <= c1:
                continue
            # (`c` is the two-line loop's int cut above; the third line is `z`.)
            a, b, z = text[:c1], text[c1:c2], text[c2:]
            if max(len(a), len(b), len(z)) > per_line:
                continue
            hourglass = len(b) < len(a) and len(b) < len(z)
            rectangle = len(a) == len(b) == len(z)
            key = (int(hourglass or rectangle), max(len(a), len(b), len(z)) - min(len(a), len(b), len(z)), c1)
            if best is None or key < best[0]:
                best = (key, [a, b, z])
    if best is not None:
        return best[1]
    # No word boundary fits: fixed-width lines (rare; the user can break by hand).
    return [text[i : i + per_line] for i in range(0, len(text), per_line)]
