"""Breaking a long title into lines: the rules live in :mod:`hxdesk.titlebreak`, which the
importer uses too (GB/T 9704-2012 7.3.1)."""

from __future__ import annotations

from ..titlebreak import break_title

__all__ = ["break_title"]
