"""Figures the text uses: not filled, not computable, not defined.

Hook for the figure kinds of issue 13 (待更新 after a roll-over, 常设 not confirmed): add a function
here in the shape of :func:`missing` — walk ``ctx.figure_uses()`` and test the figure's kind — and
register it in ``engine.RULES`` as ``figures.stale`` / ``figures.standing``.  Nothing else changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..figures import KEY_RE, MAX_DECIMALS
from ..model import QUALIFIERS, YEAR_VARIABLES
from .base import ERROR, Context, Finding


def missing(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, fig in ctx.figure_uses():
        if not fig.derived and ctx.value(piece.key) is None:
            label = fig.label or piece.key
            yield ctx.hit(
                rule, ERROR, f"数据“{label}”尚未填写。", unit, piece.start, piece.end, f"在数据中填写“{label}”"
            )


def uncomputable(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, fig in ctx.figure_uses():
        if fig.derived and ctx.value(piece.key) is None:
            label = fig.label or piece.key
            why = ctx.problems.get(piece.key, "无法计算。")
            yield ctx.hit(rule, ERROR, f"计算数据“{label}”无法得出：{why}", unit, piece.start, piece.end)


def unknown(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        for piece in unit.pieces:
            if piece.key not in ctx.report.figures and piece.key not in ctx.variables:
                yield ctx.hit(
                    rule,
                    ERROR,
                    f"正文引用了不存在的数据“{piece.key}”。",
                    unit,
                    piece.start,
                    piece.end,
                    "删除或改为已有的数据",
                )


def invalid(ctx: Context, rule: str) -> Iterator[Finding]:
    """A figure the text uses whose own fields are wrong (a qualifier, decimals or key the app does not know);
    input from a hand-edited file can carry them."""
    for unit, piece, fig in ctx.figure_uses():
        label = fig.label or piece.key
        if fig.qualifier not in QUALIFIERS:
            why = f"限定词“{fig.qualifier}”不受支持（可用：约、近、超过、余、多、以上、左右等）。"
        elif not 0 <= fig.decimals <= MAX_DECIMALS:
            why = f"小数位数应在 0 到 {MAX_DECIMALS} 之间。"
        elif not KEY_RE.match(piece.key) or piece.key in YEAR_VARIABLES:
            why = "数据名称只能由字母、数字和下划线组成，且不能是 year 等保留字。"
        else:
            continue
        yield ctx.hit(rule, ERROR, f"数据“{label}”：{why}", unit, piece.start, piece.end, "在数据中改正")
