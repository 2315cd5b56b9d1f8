"""Next year's report from this year's, and the flags the roll-over leaves on its figures
(待更新, 请确认) cleared as the clerk enters or confirms a value."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal

from ..figures import confirm_figure, roll_figure_over, set_figure_value
from ..figuretext import pufa_placeholders
from ..model import Block, Paragraph, PointList, Report, new_uid
from .lastyear import as_predecessor
from .templates import fresh_uids


def roll_over(previous: Report) -> Report:
    """Next year's report from this year's, linked to it: same structure and text, year + 1
    (the years and the 普法 wording are placeholders, so they move; a “八五”普法的第四年 typed
    as words becomes one first), the date cleared; yearly figures emptied and flagged 待更新,
    standing ones carried and flagged 请确认, derived ones keep their formulas."""
    report = copy.deepcopy(previous)
    report.uid = new_uid()
    report.predecessor_uid = previous.uid
    report.predecessor = as_predecessor(previous)
    report.year = previous.year + 1
    report.date = None
    map_texts(report, lambda text: pufa_placeholders(text, previous.year))
    for fig in report.figures.values():
        roll_figure_over(fig)
    fresh_uids(report)
    return report


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
