"""The rule table and the one entry point, :func:`check_report`."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator

from ..model import Report
from . import rules_documents, rules_figures, rules_numbers, rules_structure, rules_writing, rules_years
from .base import Context, Finding
from .documents import DocumentTitle
from .words import WordRule

RuleFunc = Callable[[Context, str], Iterator[Finding]]

#: Every rule with its id, in the order findings at one place are listed.
RULES: tuple[tuple[str, RuleFunc], ...] = (
    ("figures.missing", rules_figures.missing),
    ("figures.stale", rules_figures.stale),
    ("figures.unconfirmed", rules_figures.unconfirmed),
    ("figures.uncomputable", rules_figures.uncomputable),
    ("figures.unknown", rules_figures.unknown),
    ("figures.invalid", rules_figures.invalid),
    ("structure.empty", rules_structure.empty),
    ("structure.typed_number", rules_structure.typed_number),
    ("structure.closing", rules_structure.closing),
    ("structure.date", rules_structure.date),
    ("structure.statutory", rules_structure.statutory),
    ("years.stray", rules_years.stray),
    ("years.next_plan", rules_years.next_plan),
    ("years.pufa", rules_years.pufa),
    ("years.work_heading", rules_documents.work_heading),
    ("years.consecutive", rules_documents.consecutive),
    ("years.after_date", rules_documents.after_date),
    ("numbers.pair", rules_numbers.pair),
    ("numbers.unit", rules_numbers.unit_mismatch),
    ("numbers.rate", rules_numbers.rate),
    ("numbers.literal", rules_numbers.literal),
    ("numbers.announced", rules_documents.announced),
    ("documents.title", rules_documents.document_title),
    ("writing.halfwidth", rules_writing.halfwidth),
    ("writing.pairs", rules_writing.pairs),
    ("writing.run_in", rules_writing.run_in),
    ("writing.doubled", rules_writing.doubled),
    ("writing.words", rules_writing.words),
    ("writing.incomplete", rules_documents.incomplete),
)
RULE_IDS = tuple(rule_id for rule_id, _ in RULES)


def check_report(
    report: Report,
    *,
    today: _dt.date | None = None,
    words: Iterable[WordRule] = (),
    documents: Iterable[DocumentTitle] = (),
    rules: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding in document order (at one place, in the order of ``RULES``).

    ``words`` is the list of confused words and ``documents`` the list of well-known document titles
    (services loads both); ``rules`` limits the run to some ids.
    """
    ctx = Context(report, today or _dt.date.today(), tuple(words), tuple(documents))
    wanted = None if rules is None else set(rules)
    found: list[tuple[tuple[int, ...], int, Finding]] = []
    for n, (rule_id, func) in enumerate(RULES):
        if wanted is None or rule_id in wanted:
            found.extend((f.order, n, f) for f in func(ctx, rule_id))
    found.sort(key=lambda t: (t[0], t[1]))
    return [f for _, _, f in found]


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for f in findings:
        if f.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings
