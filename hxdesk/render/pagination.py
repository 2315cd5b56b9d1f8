"""Where the text of a rendered report ends: page and line, predicted on the 22-line grid.

Every paragraph of the document has an exact line height of one grid line and no widow control,
so a page holds 22 lines and a paragraph takes as many lines as its text needs. What the engines
do differently is modelled as a band, not a guess: line breaks with and without the space
LibreOffice adds between Chinese and Western characters, Western characters a little wider and
a little narrower than Times New Roman's, a closing mark hanging beyond the line's end
(LibreOffice) or taking the character before it to the next line (Word), and a paragraph kept with the next one either moved whole
(LibreOffice) or split so that only its last line moves (Word). The submit edition puts the 版记
on the text's last page only when every end in the band is the same even page with room.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import profile as fmt

#: Twips of the text area's height: 22 lines of 579 (and 6 twips over).
AREA = fmt.PAGE_HEIGHT - fmt.MARGIN_TOP - fmt.MARGIN_BOTTOM
#: How much wider or narrower than Times New Roman's widths the engines set Western characters.
LATIN_SPREAD = 0.08
#: The space LibreOffice puts between a Chinese and a Western character, in 字 (measured: 1/4 em).
AUTOSPACE_CHARS = 0.25

#: Characters that may not start a line (GB/T 15834 and Word's default kinsoku list, the common ones).
NO_START = set("，。、；：？！）》」』】〕”’…—％%,.;:?!)]")
#: Characters that may not end a line.
NO_END = set("（《「『【〔“‘([")

#: Times New Roman advance widths in em for the ASCII characters a report uses; others 0.5.
_LATIN_EM = {
    " ": 0.25,
    ".": 0.25,
    ",": 0.25,
    ":": 0.278,
    ";": 0.278,
    "%": 0.833,
    "-": 0.333,
    "(": 0.333,
    ")": 0.333,
    "/": 0.278,
    "I": 0.333,
    "i": 0.278,
    "l": 0.278,
    "j": 0.278,
    "t": 0.278,
    "f": 0.333,
    "r": 0.333,
    "m": 0.778,
    "w": 0.722,
    "M": 0.889,
    "W": 0.944,
}


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80 or ch in "—…“”‘’"


def char_width(ch: str, latin: float = 1.0) -> float:
    """Width in 字 of the body (one 字 = 15.75 pt) of one 3号 character; Western ones times ``latin``."""
    unit = fmt.CHAR_PITCH / 20
    if _is_wide(ch):
        return 1.0
    em = 0.722 if ch.isupper() else _LATIN_EM.get(ch, 0.5)
    return (16 * em * latin + fmt.CONDENSE / 20) / unit


def line_count(
    text: str,
    first: float,
    rest: float,
    autospace: float = 0.0,
    latin: float = 1.0,
    *,
    hang: bool = False,
    capacity: float = fmt.CHARS_PER_LINE,
) -> int:
    """Lines a paragraph of ``capacity`` 字 a line takes: ``first``/``rest`` are the indents of its
    first and later lines in 字; Western runs (digits, words) do not break. ``hang``: a closing mark
    may stand beyond the line's end (LibreOffice, whatever w:overflowPunct says) instead of taking
    the character before it to the next line (Word)."""
    if not text:
        return 1
    tokens: list[str] = []
    for ch in text:
        if tokens and not _is_wide(ch) and not _is_wide(tokens[-1][-1]) and ch != " " and tokens[-1] != " ":
            tokens[-1] += ch
        else:
            tokens.append(ch)
    lines, used, prev = 1, first, ""
    line_tokens: list[str] = []
    for tok in tokens:
        w = sum(char_width(c, latin) for c in tok)
        if prev and _is_wide(prev[-1]) != _is_wide(tok[0]):
            w += autospace
        overflows = used + w > capacity + 1e-9
        if overflows and hang and tok in NO_START and used <= capacity + 1e-9 and line_tokens:
            used = capacity + 1  # it hangs; the line is full
            line_tokens.append(tok)
        elif overflows and line_tokens:
            carry = [tok]
            # A line may not start with a closing mark nor end with an opening one: the last
            # character of the full line goes down with it.
            if (tok[0] in NO_START or line_tokens[-1][-1] in NO_END) and len(line_tokens) > 1:
                carry.insert(0, line_tokens.pop())
            lines += 1
            used = rest + sum(sum(char_width(c, latin) for c in t) for t in carry)
            line_tokens = carry
        else:
            used += w
            line_tokens.append(tok)
        prev = tok
    return lines


@dataclass
class Item:
    """One paragraph for the paginator."""

    lines: int
    keep_next: bool = False
    page_break: bool = False


@dataclass(frozen=True)
class End:
    page: int
    free: int  # twips of the text area left below the last line on that page


def paginate(items: list[Item], first_page_used: int, *, move_whole: bool) -> End:
    """The page where the last item ends and the room left below it. ``first_page_used``: twips
    of page 1 above the first item (the 版头). ``move_whole``: a paragraph kept with the next one
    moves whole to the next page, else only its last line does."""
    per_page = AREA // fmt.LINE_PITCH
    offset = per_page - (AREA - first_page_used) // fmt.LINE_PITCH
    page, used = 1, offset
    placed: list[list[int]] = []  # the page of each line of each item
    for i, item in enumerate(items):
        if item.page_break and (page, used) != (1, offset):
            page, used = page + 1, 0
        if move_whole and item.keep_next and (i == 0 or not items[i - 1].keep_next):
            # LibreOffice keeps a chain of kept paragraphs and the first line after it on one page.
            j = i
            while j < len(items) and items[j].keep_next:
                j += 1
            group = sum(x.lines for x in items[i:j]) + (1 if j < len(items) else 0)
            if used + group > per_page and group <= per_page and used > 0:
                page, used = page + 1, 0
        pages: list[int] = []
        for n in range(item.lines):
            if used >= per_page:
                page, used = page + 1, 0
                if n == 0:
                    used = _carry_kept(items, placed, i, page, move_whole, per_page)
            pages.append(page)
            used += 1
        placed.append(pages)
    free = AREA - used * fmt.LINE_PITCH
    if page == 1:
        free = AREA - first_page_used - (used - offset) * fmt.LINE_PITCH
    return End(page, free)


def _carry_kept(items: list[Item], placed: list[list[int]], i: int, page: int, move_whole: bool, per_page: int) -> int:
    """Move the paragraphs kept with item ``i`` onto the new ``page``; the lines they now use."""
    moved = 0
    j = i - 1
    while j >= 0 and items[j].keep_next:
        on_prev = [p for p in placed[j] if p == page - 1]
        if not on_prev:
            break
        take = len(on_prev) if move_whole else 1
        if moved + take >= per_page:
            break
        moved += take
        if take < len(placed[j]):
            break  # split: its earlier lines stay where they are
        j -= 1
    return moved


@dataclass
class Para:
    """What the paginator needs of one paragraph (or one table row: its cells)."""

    texts: list[str]  # one text, or a table row's cells
    first: float = 2.0  # indent of the first line, 字
    rest: float = 0.0  # indent of later lines, 字
    single: bool = False  # one line whatever its text (title lines, signature, date)
    keep_next: bool = False
    page_break: bool = False
    capacity: float = fmt.CHARS_PER_LINE  # 字 a line (a table cell: fewer)
    late_extra: int = 0  # lines the late end adds (a table's borders and repeated header row)


def band(paragraphs: list[Para], first_page_used: int) -> tuple[End, End]:
    """The earliest and the latest end of the text; ``first_page_used``: twips of page 1 above it."""
    ends = []
    for wide in (False, True):
        autospace = AUTOSPACE_CHARS if wide else 0.0
        latin = 1 + LATIN_SPREAD if wide else 1 - LATIN_SPREAD
        items = []
        for p in paragraphs:
            n = 1
            if not p.single:
                counts = [
                    line_count(t, p.first, p.rest, autospace, latin, hang=not wide, capacity=p.capacity)
                    for t in p.texts
                ]
                n = max(counts, default=1)
            items.append(Item(n, p.keep_next, p.page_break))
            if wide and p.late_extra:
                items.append(Item(p.late_extra))
        ends.append(paginate(items, first_page_used, move_whole=wide))
    return ends[0], ends[1]
