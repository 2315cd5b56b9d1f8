"""Rendering a report to the official .docx format. No Qt here."""

from .docx_renderer import ReportRenderer, paragraph_texts, render_bytes, render_document
from .profile import FONT_PRESETS, FontProfile

__all__ = ["ReportRenderer", "paragraph_texts", "render_bytes", "render_document", "FONT_PRESETS", "FontProfile"]
