"""Cleaning the text of one paragraph the way an editor would.

Half-width punctuation becomes full-width where the context is Chinese (never
inside numbers such as 3.5 or 10:30, never in Latin text); full-width digits and
letters become ASCII; stray spaces go; heading labels take their standard form
(一、 （一） 1. （1）).  :func:`normalise` is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import clean_text

_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\t\n\r]")
#: Artefact of Word's "save as text": the hidden bookmark Word keeps at the last edit.
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ALNUM[0xFF05] = ord("%")
#: Any character _FULLWIDTH_ALNUM maps (str.translate looks every character up: ask first).
_ANY_FULLWIDTH_ALNUM = re.compile("[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
_DOTS = re.compile(r"(?<=[\u4e00-\u9fff])\.{3,6}")

_CN_NUM = "一二三四五六七八九十百"
#: Label patterns and the standard form of the number they capture: (pattern, before, after).
_LABELS = (
    (re.compile(rf"^([{_CN_NUM}]+)\s*[、.．]\s*"), "", "、"),
    (re.compile(rf"^[（(]\s*([{_CN_NUM}]+)\s*[）)][、.．]?\s*"), "（", "）"),
    (re.compile(rf"^([{_CN_NUM}]+)\s*[）)][、.．]?\s*(?=[\u4e00-\u9fff“《])"), "（", "）"),  # 一）加强 → （一）加强
    # "1. 建立" and "1. 5个村" are labels (the space goes); "3.5万元" is a number.
    (re.compile(r"^(\d{1,3})\s*[.．、](?:\s+|(?![\d%]))"), "", "."),
    (re.compile(r"^[（(]\s*(\d{1,3})\s*[）)][、.．]?\s*"), "（", "）"),
    (re.compile(r"^(\d{1,3})\s*[）)][、.．]?\s*(?=[\u4e00-\u9fff“《])"), "（", "）"),  # 1）加强 → （1）加强
)
_LABEL_START = re.compile(rf"[{_CN_NUM}（(\d]")
#: The label as typed at the start of a raw paragraph (before normalisation).
_RAW_LABEL = re.compile(
    rf"^[\s\u3000]*(?:[（(]\s*)?(?:[{_CN_NUM}]+|[\d０-９]{{1,3}})\s*(?:[）)][、.．]?|[、.．])[ \u3000]*"
)
#: The standard labels a normalised paragraph may start with.
_STD_LABEL = re.compile(rf"^(?:[{_CN_NUM}]+、|（[{_CN_NUM}]+）|\d{{1,3}}\.(?![\d%])|（\d{{1,3}}）)")
_HALF_MARKS = ",;:?!()\"'"
_ANY_HALF_MARK = re.compile("[,;:?!()\"']")


def label_repair(raw: str, text: str) -> tuple[str, str] | None:
    """(as typed, as repaired) when normalising changed a heading label: 1、 → 1., 一） → （一）."""
    std = _STD_LABEL.match(text)
    if std is None:
        return None
    typed = _RAW_LABEL.match(raw)
    if typed is None:
        return None
    as_typed = typed.group(0).strip(" \u3000\t")
    if as_typed == std.group(0):
        return None
    return as_typed, std.group(0)


def converted_marks(raw: str, text: str) -> int:
    """How many half-width marks (, ; : ? ! ( ) quotes) normalising turned into full-width ones,
    not counting a heading label's (its repair is noted by :func:`label_repair`)."""
    typed, std = _RAW_LABEL.match(raw), _STD_LABEL.match(text)
    if typed is not None and std is not None:
        raw, text = raw[typed.end() :], text[std.end() :]
    if _ANY_HALF_MARK.search(raw) is None:
        return 0
    return sum(max(0, raw.count(c) - text.count(c)) for c in _HALF_MARKS)


_OPEN_TO_CLOSE = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」"}


def is_han(ch: str | None) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F


def is_chinese(ch: str | None) -> bool:
    """Han characters and Chinese (full-width) punctuation: the context that wants full-width marks."""
    if not ch:
        return False
    if is_han(ch):
        return True
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20 or ch in "“”‘’—…·"


#: One character of Chinese context (is_chinese as a character class), and one Han character (is_han).
_CHINESE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’—…·]"
)
_PARENS = re.compile(r"[()]")
_SINGLE_MARKS = re.compile(r"[,;:?!.]")
_SPACES = re.compile("[ \u3000]")
_HALF_WIDTH = re.compile("[,;:?!.()\"']")


def _neighbours(chars: list[str], i: int) -> tuple[str | None, str | None]:
    """Nearest non-space characters left and right of position i."""
    j = i - 1
    while j >= 0 and chars[j] == " ":
        j -= 1
    k = i + 1
    while k < len(chars) and chars[k] == " ":
        k += 1
    return (chars[j] if j >= 0 else None), (chars[k] if k < len(chars) else None)


def _convert_punctuation(text: str) -> str:
    """Half-width marks to full-width ones where their context is Chinese.

    Only the marks' positions are visited (found by regular expressions); "Chinese inside a pair"
    is asked of the text as it came in, before any mark of it was converted.
    """
    if _HALF_WIDTH.search(text) is None:
        return text
    chars = list(text)

    def chinese_inside(a: int, b: int) -> bool:
        return _CHINESE.search(text, a + 1, b) is not None

    _convert_parentheses(text, chars, chinese_inside)
    _convert_quotes(text, chars, chinese_inside)
    _convert_single_marks(text, chars)
    return "".join(chars)


def _convert_parentheses(text: str, chars: list[str], chinese_inside: Callable[[int, int], bool]) -> None:
    """Pair them, convert a pair whose content or surroundings are Chinese."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in _PARENS.finditer(text):
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
        else:
            lone.append(i)
    lone.extend(stack)
    for a, b in pairs:
        left, _ = _neighbours(chars, a)
        _, right = _neighbours(chars, b)
        if chinese_inside(a, b) or is_chinese(left) or is_chinese(right):
            chars[a], chars[b] = "（", "）"
    for i in lone:
        left, right = _neighbours(chars, i)
        if is_chinese(left) or is_chinese(right):
            chars[i] = "（" if chars[i] == "(" else "）"


def _convert_quotes(text: str, chars: list[str], chinese_inside: Callable[[int, int], bool]) -> None:
    """Straight quotes, in pairs."""
    for quote, (open_q, close_q), needs_inner in (('"', "“”", False), ("'", "‘’", True)):
        positions = [m.start() for m in re.finditer(quote, text)]
        for a, b in zip(positions[0::2], positions[1::2], strict=False):  # an odd last one is handled below
            left, _ = _neighbours(chars, a)
            _, right = _neighbours(chars, b)
            chinese_inner = chinese_inside(a, b)
            if chinese_inner or (not needs_inner and (is_chinese(left) or is_chinese(right))):
                chars[a], chars[b] = open_q, close_q
        if len(positions) % 2 and not needs_inner:
            i = positions[-1]
            left, right = _neighbours(chars, i)
            if is_chinese(left) or is_chinese(right):
                opens = (left is None or left in "，。；：、（“") and right is not None
                chars[i] = open_q if opens else close_q


def _convert_single_marks(text: str, chars: list[str]) -> None:
    """, ; : ? ! and the full stop, in text order (a converted one is Chinese context for the next)."""
    n = len(chars)
    for m in _SINGLE_MARKS.finditer(text):
        i = m.start()
        ch = chars[i]
        left, right = _neighbours(chars, i)
        tight_left = chars[i - 1] if i > 0 else None
        tight_right = chars[i + 1] if i + 1 < n else None
        between_digits = bool(tight_left and tight_left.isdigit() and tight_right and tight_right.isdigit())
        if ch in ",:" and between_digits:
            continue  # 1,234 and 10:30
        if ch == ".":
            # Only a sentence end after a Han character: never 3.5, 1. or a URL.
            if (is_han(left) or (left or "x") in "%）”》") and (right is None or is_chinese(right)):
                chars[i] = "。"
            continue
        if ch in "?!":
            if is_chinese(left):
                chars[i] = "？" if ch == "?" else "！"
            continue
        if is_chinese(left) or is_chinese(right):
            chars[i] = {",": "，", ";": "；", ":": "："}[ch]


def _is_mark(ch: str | None) -> bool:
    return ch is not None and ch != "\u3000" and is_chinese(ch) and not is_han(ch)


_SPACE_RUN = re.compile(r" {2,}")
_WIDE_SPACE_RUN = re.compile("[ \u3000]*\u3000[ \u3000]*")


def _fix_spaces(text: str) -> str:
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if "\u3000" in text:
        text = _WIDE_SPACE_RUN.sub("\u3000", text)
    # Every space now stands alone (no two of " " and U+3000 side by side), so a space's left
    # neighbour in the result is the character before it in ``text``: only spaces are dropped.
    drop = [m.start() for m in _SPACES.finditer(text) if _space_goes(text, m.start())]
    if drop:
        kept = []
        start = 0
        for i in drop:
            kept.append(text[start:i])
            start = i + 1
        kept.append(text[start:])
        text = "".join(kept)
    return text.strip(" \u3000")


def _space_goes(text: str, i: int) -> bool:
    left = text[i - 1] if i > 0 else None
    right = text[i + 1] if i + 1 < len(text) else None
    if text[i] == " ":
        # A space next to Chinese text is a typing artefact; between Latin words it stays.
        if left is None or right is None or is_chinese(left) or is_chinese(right):
            return True
        return left == "\u3000" or right == "\u3000"
    # A full-width space kept between words, never beside a punctuation mark.
    return _is_mark(left) or _is_mark(right)


def canonical_label(text: str) -> str:
    """一. → 一、, (一) → （一）, 1、/1． → 1., (1) → （1）, without a space after the label."""
    if _LABEL_START.match(text) is None:  # what every pattern of _LABELS starts with
        return text
    for pattern, before, after in _LABELS:
        m = pattern.match(text)  # anchored at the start: what sub(count=1) does, without scanning the text
        if m is not None:
            return before + m.group(1) + after + text[m.end() :]
    return text


def normalise(text: str) -> str:
    """One paragraph's text as it should stand in the report."""
    # A converted mark can make its neighbour's context Chinese: repeat until nothing changes.
    for _ in range(5):
        new = _normalise_once(text)
        if new == text:
            break
        text = new
    return text


def _normalise_once(text: str) -> str:
    text = clean_text(text)
    text = _ZERO_WIDTH.sub("", text)
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    if _ANY_FULLWIDTH_ALNUM.search(text) is not None:
        text = text.translate(_FULLWIDTH_ALNUM)
    if "．" in text:
        text = _FULLWIDTH_POINT.sub(".", text)
    text = text.strip(" \u3000")
    text = canonical_label(text)
    if "..." in text:
        text = _DOTS.sub("……", text)
    text = _convert_punctuation(text)
    text = _fix_spaces(text)
    text = canonical_label(text)
    # Literal braces would read as placeholders ({{key}}) in the model.
    text = text.replace("{{", "｛｛").replace("}}", "｝｝")
    return text


def sentence_end(text: str, start: int = 0) -> int:
    """Index of the first 。！？ at quote/bracket depth 0 from ``start``; -1 if none."""
    depth: list[str] = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _OPEN_TO_CLOSE:
            depth.append(_OPEN_TO_CLOSE[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch in "。！？":
            return i
    if depth:  # unbalanced quotes or brackets: fall back to the first sentence end
        found = [i for i in (text.find(c, start) for c in "。！？") if i >= 0]
        return min(found, default=-1)
    return -1
