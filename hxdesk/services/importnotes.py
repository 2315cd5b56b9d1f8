"""What the importer changed or guessed, kept with the imported report and shown where it applies.

The importer's notes begin with their place as the document numbers it (一、（二）第2段：…,
二、标题：…, 标题：…, 正文开头第1段：…); they are stored per report (settings, by uid) with the part
they belong to, so that the editor shows each one in that part's form until the clerk has seen it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Report, numbering_labels

if TYPE_CHECKING:
    from .workspace import Settings

SETTING_PREFIX = "import_notes:"
MAX_NOTES = 500
_PLACE = re.compile(r"^(?P<place>[^：]{1,80}?)(?:第\d+段|标题)?：")

Target = tuple[str, ...]


def note_targets(report: Report, notes: list[str]) -> list[tuple[Target, str]]:
    """Each note with the part it belongs to: ("section", uid), ("intro",) or ("title",)."""
    from ..importer.structure import section_place  # the importer wrote the places this way

    labels = numbering_labels(report)
    places: dict[str, str] = {}
    for section, path in report.walk():
        places.setdefault(section_place(report, path, labels), section.uid)
    out: list[tuple[Target, str]] = []
    for note in notes:
        m = _PLACE.match(note)
        place = m.group("place") if m else ""
        if place.startswith("正文开头"):
            out.append((("intro",), note))
        elif place in places:
            out.append((("section", places[place]), note))
        else:  # the title, the addressee, the closing, or the document as a whole
            out.append((("title",), note))
    return out


def keep_import_notes(settings: Settings, report: Report, notes: list[str]) -> None:
    """Remember the notes of a report just imported (nothing for an import without notes)."""
    if notes:
        placed = [{"target": list(t), "text": text} for t, text in note_targets(report, notes)[:MAX_NOTES]]
        settings.set(SETTING_PREFIX + report.uid, placed)


def import_notes(settings: Settings, report_uid: str, target: Target) -> list[str]:
    """The notes still to read in one part of an imported report."""
    value = settings.get(SETTING_PREFIX + report_uid, [])
    if not isinstance(value, list):
        return []
    return [
        str(n["text"])
        for n in value
        if isinstance(n, dict) and isinstance(n.get("text"), str) and tuple(n.get("target") or ()) == target
    ]


def dismiss_import_notes(settings: Settings, report_uid: str, target: Target) -> None:
    """The clerk has read the notes of one part: do not show them again."""
    value = settings.get(SETTING_PREFIX + report_uid, [])
    if isinstance(value, list):
        kept = [n for n in value if isinstance(n, dict) and tuple(n.get("target") or ()) != target]
        settings.set(SETTING_PREFIX + report_uid, kept)
