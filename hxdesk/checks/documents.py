"""Well-known documents: the list format (resources/checks/documents.json, extended by the user's file)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInput
from .words import list_entries

MAX_DOCUMENTS = 500
MAX_TITLE_CHARS = 80

#: 法治政府建设实施纲要（2021—2025年）: the name and the period (either bracket, any dash, 年 optional on the first).
PERIOD_RE = re.compile(
    r"^(?P<name>.*?)\s*[（(]\s*(?P<start>(?:19|20)[0-9]{2})\s*年?\s*[—–\-－~～至到]+\s*(?P<end>(?:19|20)[0-9]{2})\s*年?\s*[）)]$"
)


@dataclass(frozen=True)
class DocumentTitle:
    """A document's exact ``title``; ``name`` without the period, ``period`` (start, end) or None;
    ``short`` the other forms that are right (行政复议法 for a law)."""

    title: str
    name: str
    period: tuple[int, int] | None
    short: tuple[str, ...]
    note: str


def split_title(title: str) -> tuple[str, tuple[int, int] | None]:
    """(name, period) of a cited title; the period None when it has none."""
    m = PERIOD_RE.match(title.strip())
    if m is None:
        return title.strip(), None
    return m.group("name").strip(), (int(m.group("start")), int(m.group("end")))


def parse_documents(data: Any, source: str = "文件名称表") -> list[DocumentTitle]:
    """The entries of a document list ({"documents": [{"title", "short"?, "note"?}]})."""
    out: list[DocumentTitle] = []
    for n, entry in list_entries(data, "documents", MAX_DOCUMENTS, source):
        title, note, short = entry.get("title"), entry.get("note", ""), entry.get("short", [])
        if not isinstance(title, str) or not title.strip().strip("《》"):
            raise InvalidInput(f"{source}第 {n} 条应填写 title（文件名称）。")
        if not isinstance(note, str) or not isinstance(short, list) or not all(isinstance(s, str) for s in short):
            raise InvalidInput(f"{source}第 {n} 条的 note 应为文字，short 应为文字列表。")
        forms = [title, *short]
        if len(short) > 10 or any(len(f) > MAX_TITLE_CHARS for f in forms):
            raise InvalidInput(f"{source}第 {n} 条过长。")
        title = title.strip().strip("《》").strip()
        name, period = split_title(title)
        others = tuple(s.strip().strip("《》").strip() for s in short if s.strip())
        out.append(DocumentTitle(title, name, period, others, note.strip()))
    return out


def merge_documents(*lists: Iterable[DocumentTitle]) -> tuple[DocumentTitle, ...]:
    """Later lists extend earlier ones; an entry with the same title replaces the earlier one."""
    merged: dict[str, DocumentTitle] = {}
    for documents in lists:
        for document in documents:
            merged[document.title] = document
    return tuple(merged.values())
