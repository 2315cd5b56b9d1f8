"""Figures the text uses: not filled, not computable, not defined, carried over from last year
and not yet looked at (the roll-over's 待更新 and 请确认)."""

from __future__ import annotations

from collections.abc import Iterator

from ..figures import KEY_RE, format_figure
from ..limits import MAX_DECIMALS
from ..model import QUALIFIERS, REVIEW_CONFIRM, REVIEW_UPDATE, YEAR_VARIABLES
from .base import ERROR, WARNING, Context, Finding


def missing(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit, piece, fig in ctx.figure_uses():
        if not fig.derived and ctx.value(piece.key) is None:
            label = fig.label or piece.key
            why = "（新建下一年度后待更新）" if fig.review == REVIEW_UPDATE else ""
            yield ctx.hit(
                rule, ERROR, f"数据“{label}”尚未填写{why}。", unit, piece.start, piece.end, f"在数据中填写“{label}”"
            )


def stale(ctx: Context, rule: str) -> Iterator[Finding]:
    """A yearly figure still flagged 待更新 although it holds a value (from a file, not typed in the form)."""
    for unit, piece, fig in ctx.figure_uses():
        if fig.review == REVIEW_UPDATE and not fig.derived and ctx.value(piece.key) is not None:
            label = fig.label or piece.key
            shown = format_figure(fig, ctx.value(piece.key))
            yield ctx.hit(
                rule, WARNING, f"每年统计的数据“{label}”（{shown}）标为待更新：请核对是否为今年的数。",
                unit, piece.start, piece.end, "核对后在数据中重新填写或确认",
            )  # fmt: skip


def unconfirmed(ctx: Context, rule: str) -> Iterator[Finding]:
    """A standing figure carried over by 新建下一年度 and not yet confirmed (请确认)."""
    for unit, piece, fig in ctx.figure_uses():
        if fig.review == REVIEW_CONFIRM and not fig.derived:
            label = fig.label or piece.key
            value = ctx.value(piece.key)
            shown = format_figure(fig, value) if value is not None else "未填"
            yield ctx.hit(
                rule, WARNING, f"常设数据“{label}”沿用上年的数值（{shown}），请确认今年仍然如此。",
                unit, piece.start, piece.end, "在数据中点“确认”，或改为今年的数",
            )  # fmt: skip


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
