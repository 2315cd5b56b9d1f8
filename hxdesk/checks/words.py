"""Commonly confused words: the list format (resources/checks/words.json, extended by the user's file)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInput

MAX_WORDS = 2000
MAX_WORD_CHARS = 40
MAX_PATTERN_CHARS = 200


@dataclass(frozen=True)
class WordRule:
    """``wrong`` written where ``right`` is meant; ``pattern`` (a regular expression) narrows where
    it counts (截止 only before a date), by default the word itself."""

    wrong: str
    right: str
    note: str
    pattern: re.Pattern[str]
    typo: bool = False


def list_entries(data: Any, key: str, limit: int, source: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(number, entry) of the list ``key`` of a list file, each entry an object; InvalidInput otherwise."""
    if not isinstance(data, Mapping) or not isinstance(data.get(key), list):
        raise InvalidInput(f"{source}格式不正确：应包含 {key} 列表。")
    entries = data[key]
    if len(entries) > limit:
        raise InvalidInput(f"{source}的条目过多（最多 {limit} 条）。")
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping):
            raise InvalidInput(f"{source}第 {n} 条格式不正确。")
        yield n, entry


def parse_words(data: Any, source: str = "词表") -> list[WordRule]:
    """The entries of a word list ({"words": [{"wrong", "right", "note", "pattern"?, "typo"?}]})."""
    rules: list[WordRule] = []
    for n, entry in list_entries(data, "words", MAX_WORDS, source):
        wrong, right = entry.get("wrong"), entry.get("right")
        note, pattern = entry.get("note", ""), entry.get("pattern", "")
        if not isinstance(wrong, str) or not isinstance(right, str) or not wrong.strip() or not right.strip():
            raise InvalidInput(f"{source}第 {n} 条应填写 wrong（误用）和 right（正确）两项。")
        if not isinstance(note, str) or not isinstance(pattern, str):
            raise InvalidInput(f"{source}第 {n} 条的 note、pattern 应为文字。")
        if len(wrong) > MAX_WORD_CHARS or len(right) > MAX_WORD_CHARS or len(pattern) > MAX_PATTERN_CHARS:
            raise InvalidInput(f"{source}第 {n} 条过长。")
        try:
            compiled = re.compile(pattern or re.escape(wrong.strip()))
        except re.error as exc:
            raise InvalidInput(f"{source}第 {n} 条的 pattern 不是有效的正则表达式：{exc}") from exc
        rules.append(WordRule(wrong.strip(), right.strip(), note.strip(), compiled, bool(entry.get("typo", False))))
    return rules


def merge_words(*lists: Iterable[WordRule]) -> tuple[WordRule, ...]:
    """Later lists extend earlier ones; an entry with the same wrong word replaces the earlier one."""
    merged: dict[str, WordRule] = {}
    for rules in lists:
        for rule in rules:
            merged[rule.wrong] = rule
    return tuple(merged.values())
