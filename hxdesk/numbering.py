"""Chinese numerals for headings (一、) and points (一是)."""

from __future__ import annotations

from functools import lru_cache

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 99 -> 九十九, 100 -> 一百."""
    if n <= 0:
        raise ValueError("numbering starts at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _DIGITS[rest]
        elif rest < 20:
            tail = "一" + chinese_numeral(rest)
        else:
            tail = chinese_numeral(rest)
        return _DIGITS[hundreds] + "百" + tail
    raise ValueError("numbering above 999 is not supported")


def parse_chinese_numeral(text: str) -> int | None:
    """Inverse of :func:`chinese_numeral` for 1..999; None if not a numeral."""
    return _parse_table().get(text)


@lru_cache(maxsize=1)
def _parse_table() -> dict[str, int]:
    return {chinese_numeral(n): n for n in range(1, 1000)}
