"""Rendering a report to the official .docx format. No Qt here.

python-docx is imported on first use only (``from hxdesk.render import render_document``, through
hxdesk/lazy.py), so that modules needing just the font profile start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_getattr
from ..model import EDITIONS
from .profile import FONT_PRESETS, FontProfile

_LAZY: dict[str, str] = {
    "ReportRenderer": "docx_renderer",
    "paragraph_texts": "docx_renderer",
    "render_bytes": "docx_renderer",
    "render_document": "docx_renderer",
}

if TYPE_CHECKING:  # the table again, for the type checker (tests/core/test_lazy_exports.py)
    from .docx_renderer import ReportRenderer as ReportRenderer
    from .docx_renderer import paragraph_texts as paragraph_texts
    from .docx_renderer import render_bytes as render_bytes
    from .docx_renderer import render_document as render_document

__all__ = ["EDITIONS", "FONT_PRESETS", "FontProfile", *_LAZY]

__getattr__ = lazy_getattr(__name__, _LAZY, globals())
