"""Rendering a report to the official .docx format. No Qt here.

python-docx is imported on first use only (``from hxdesk.render import
render_document``), so that modules needing just the font profile start fast.
"""

from __future__ import annotations

from typing import Any

from ..model import EDITIONS
from .profile import FONT_PRESETS, FontProfile

_LAZY = {"ReportRenderer", "paragraph_texts", "render_bytes", "render_document"}

__all__ = [
    "EDITIONS",
    "ReportRenderer",
    "paragraph_texts",
    "render_bytes",
    "render_document",
    "FONT_PRESETS",
    "FontProfile",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import docx_renderer

        return getattr(docx_renderer, name)
    raise AttributeError(name)
