"""写作提示: what belongs in a part of the report, as data in resources/guidance/hints.json.

A hint is found by the words of a heading, so it serves the standard template and
reports imported from other towns alike. Hints are shown while editing and never
written into the report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .errors import InvalidInput
from .resources import resource_path

HINTS_FILE = "guidance/hints.json"


@dataclass(frozen=True)
class Hint:
    match: tuple[str, ...]
    text: str
    #: Also the hint of the parts below (the items of 主要安排 are plans, not this year's work).
    covers_children: bool = False

    def fits(self, heading: str) -> bool:
        words = heading.replace(" ", "").replace("\u3000", "")
        return bool(words) and any(m in words for m in self.match)


@cache
def hints() -> tuple[Hint, ...]:
    """The hints, most specific first (as the file lists them)."""
    try:
        data = json.loads(resource_path(HINTS_FILE).read_text(encoding="utf-8"))
        return tuple(
            Hint(tuple(str(m) for m in h["match"]), str(h["hint"]), bool(h.get("covers_children", False)))
            for h in data["hints"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInput("写作提示文件已损坏，请重新安装程序。", detail=repr(exc)) from None


def hint_for(heading: str, ancestors: Sequence[str] = ()) -> str | None:
    """The writing hint for a part with ``heading`` below the ``ancestors`` (outermost first); None if none fits."""
    for above in ancestors:
        for hint in hints():
            if hint.covers_children and hint.fits(above):
                return hint.text
    for hint in hints():
        if hint.fits(heading):
            return hint.text
    return None
