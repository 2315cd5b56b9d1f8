"""Text hygiene shared by every input path (forms, JSON, importers) and the renderer."""

from __future__ import annotations

import re

#: Characters XML 1.0 forbids (a .docx containing them will not open in Word),
#: lone surrogates (from broken pastes), and the non-characters U+FFFE/U+FFFF.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Remove what cannot go into a .docx; tabs and newlines become spaces."""
    if text == "":  # most optional fields (a figure's formula, unit, limit) are empty
        return text
    text = _ILLEGAL_XML.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def clean_line(text: str) -> str:
    """As :func:`clean_text`, for single-line fields (newlines become nothing)."""
    return clean_text(text).replace("\n", "").strip()


def display_width(text: str) -> float:
    """Width in 字 (full-width characters); ASCII counts half (Times New Roman digits are 0.5 em)."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—…“”‘’" else 1.0 for ch in text)
