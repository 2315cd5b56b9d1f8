"""校对: checks of a report's content (figures, structure, years, numbers, writing); pure, no Qt, no store.

``check_report(report)`` returns :class:`Finding` values in document order; the rules are the table
``RULES`` in :mod:`.engine`, one small function per id.
"""

from __future__ import annotations

from .base import ERROR, SEVERITY_LABELS, WARNING, Finding
from .documents import DocumentTitle, merge_documents, parse_documents
from .engine import RULE_IDS, RULES, check_report, count
from .rules_structure import STANDARD_TEMPLATE, STATUTORY_PARTS
from .words import WordRule, merge_words, parse_words

__all__ = [
    "ERROR",
    "RULES",
    "RULE_IDS",
    "SEVERITY_LABELS",
    "STANDARD_TEMPLATE",
    "STATUTORY_PARTS",
    "WARNING",
    "DocumentTitle",
    "Finding",
    "WordRule",
    "check_report",
    "count",
    "merge_documents",
    "merge_words",
    "parse_documents",
    "parse_words",
]
