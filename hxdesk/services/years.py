"""Year over year: which report is last year's, its figures beside this year's, the roll-over rules."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal

from ..figures import confirm_figure, report_values, set_figure_value
from ..model import Block, Paragraph, PointList, Predecessor, Report


def issuing_body(issuers: list[str], name: str = "") -> str:
    """The body a report is of: its issuer lines (a joint report has several), else its list name."""
    lines = [line.strip() for line in issuers if line.strip()]
    return "、".join(lines) or name.strip()


def as_predecessor(report: Report) -> Predecessor:
    """Last year's report as this year's uses it: a copy of its figures and their values."""
    values, _ = report_values(report)
    return Predecessor(report.uid, report.year, copy.deepcopy(report.figures), values)


def map_texts(report: Report, change: Callable[[str], str]) -> None:
    """Apply ``change`` to the title and every paragraph of the body (intro and sections)."""

    def blocks(items: list[Block]) -> None:
        for b in items:
            if isinstance(b, Paragraph):
                b.text = change(b.text)
            elif isinstance(b, PointList):
                b.lead = change(b.lead)
                b.items = [change(t) for t in b.items]

    report.title = change(report.title)
    blocks(report.intro)
    for section, _ in report.walk():
        section.heading = change(section.heading)
        blocks(section.blocks)


def set_value(report: Report, key: str, value: Decimal | None) -> None:
    """Enter a figure's value; a 待更新/请确认 flag is cleared by a value."""
    set_figure_value(report.figures[key], value)


def confirm(report: Report, key: str) -> None:
    """The clerk confirms a standing figure carried over from last year (请确认 cleared)."""
    confirm_figure(report.figures[key])
