"""Last year's report: which one it is (the same issuing body, the year before), and its figures beside this year's."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from decimal import Decimal

from ..figures import format_figure, number_text, report_values
from ..model import STYLE_NUMBER, Figure, Predecessor, Report

#: Keys the importer makes (f01, f02 …): they number the figures of one document, so the same
#: key in last year's document is not the same figure.
_IMPORTED_KEY = re.compile(r"f\d+")


def issuing_body(issuers: list[str], name: str = "") -> str:
    """The body a report is of: its issuer lines (a joint report has several), else its list name."""
    lines = [line.strip() for line in issuers if line.strip()]
    return "、".join(lines) or name.strip()


def as_predecessor(previous: Report, current: Report | None = None) -> Predecessor:
    """Last year's report as this year's uses it: its figures and their values (derived ones
    computed), under the keys of ``current``'s figures when given (see match_figures)."""
    values, _ = report_values(previous)
    figures = copy.deepcopy(previous.figures)
    if current is None:
        return Predecessor(previous.uid, previous.year, figures, dict(values))
    match = match_figures(previous.figures, current.figures)
    return Predecessor(
        previous.uid,
        previous.year,
        {key: figures[old] for key, old in match.items()},
        {key: values.get(old) for key, old in match.items()},
    )


def match_figures(previous: dict[str, Figure], current: dict[str, Figure]) -> dict[str, str]:
    """This year's key -> last year's key of the same figure: the same key with the same label
    (a rolled-over report), else the one figure with the same label and unit (an imported
    report numbers its figures anew each year), else the same key with the same unit (a label
    corrected this year; not for the importer's numbered keys)."""
    by_label: dict[tuple[str, str], list[str]] = {}
    for key, fig in previous.items():
        by_label.setdefault((fig.label, fig.unit), []).append(key)
    out: dict[str, str] = {}
    for key, fig in current.items():
        same = previous.get(key)
        candidates = by_label.get((fig.label, fig.unit), [])
        if same is not None and same.label == fig.label:
            out[key] = key
        elif len(candidates) == 1:
            out[key] = candidates[0]
        elif same is not None and same.unit == fig.unit and not _IMPORTED_KEY.fullmatch(key):
            out[key] = key
    return out


def last_year_text(report: Report, key: str, values: Mapping[str, Decimal | None] | None = None) -> str:
    """What a figure input shows beside this year's value: 上年：12件，增加3件 ('' without a
    predecessor report; 上年：未填写 / 上年：无此项 when last year has no value)."""
    previous = report.predecessor
    if previous is None:
        return ""
    old = previous.figures.get(key)
    if old is None:
        return "上年：无此项"
    last = previous.values.get(key)
    if last is None:
        return "上年：未填写"
    text = "上年：" + format_figure(old, last)
    fig = report.figures[key]
    if values is None:
        values, _ = report_values(report)
    now = values.get(key)
    if now is None or fig.style != STYLE_NUMBER or old.style != STYLE_NUMBER:
        return text
    change = now - last
    unit = "个百分点" if fig.unit == "%" else fig.unit
    amount = number_text(abs(change), fig.decimals if fig.derived else None)
    if amount == "0":
        return text + "，与上年持平"
    return text + ("，增加" if change > 0 else "，减少") + amount + unit
