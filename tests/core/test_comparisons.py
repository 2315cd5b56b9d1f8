"""同比: formulas that read last year's value (prev), and comparisons whose sign picks the words."""

from __future__ import annotations

from decimal import Decimal

import docx
import pytest

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.figures import (
    compute_values,
    expand_text,
    figure_keys_in,
    format_figure,
    parse_formula,
    validate_figures,
    yoy_formula,
)
from hxdesk.model import Figure, Paragraph, Predecessor, Report, Section


def report_with(this: int | None, last: int | None, style: str, *, decimals: int = 0, unit: str = "", q: str = ""):
    """A report with 受理 (this year's value) and a comparison of it, last year's value attached."""
    figures = {
        "received": Figure("received", "受理来信来访", None if this is None else Decimal(this), "件"),
        "change": Figure(
            "change", "受理量比上年", unit=unit, qualifier=q, formula=yoy_formula("received", style), decimals=decimals
        ),
    }
    figures["change"].style = style
    report = Report(year=2025, figures=figures, sections=[Section("一", [Paragraph("受理{{received}}，{{change}}。")])])
    if last is not None or this is not None:
        values = {"received": None if last is None else Decimal(last)}
        report.predecessor = Predecessor("last", 2024, {}, values)
    return report


def shown(report: Report) -> str:
    return expand_text("{{change}}", report)


@pytest.mark.parametrize(
    "this, last, style, decimals, expected",
    [
        (15, 12, "yoy_percent", 0, "同比增长25%"),
        (9, 10, "yoy_percent", 0, "同比下降10%"),
        (12, 12, "yoy_percent", 0, "与上年持平"),
        (13, 12, "yoy_percent", 1, "同比增长8.3%"),  # 8.333…
        (11, 12, "yoy_percent", 2, "同比下降8.33%"),
        (201, 200, "yoy_percent", 0, "同比增长1%"),  # 0.5 rounds half up
        (199, 200, "yoy_percent", 0, "同比下降1%"),  # and so does -0.5: the sign does not bias it
        (1001, 1000, "yoy_percent", 0, "与上年持平"),  # 0.1% rounds to 0
        (1001, 1000, "yoy_percent", 1, "同比增长0.1%"),
        (15, 12, "yoy_diff", 0, "增加3件"),
        (9, 12, "yoy_diff", 0, "减少3件"),
        (12, 12, "yoy_diff", 0, "与上年持平"),
        (15, 0, "yoy_diff", 0, "增加15件"),
    ],
)
def test_comparisons_read_by_sign(this, last, style, decimals, expected):
    report = report_with(this, last, style, decimals=decimals, unit="件" if style == "yoy_diff" else "")
    assert shown(report) == expected


def test_a_comparison_keeps_the_qualifier_rules():
    assert shown(report_with(15, 12, "yoy_percent", q="以上")) == "同比增长25%以上"
    assert shown(report_with(15, 12, "yoy_percent", q="约")) == "同比增长约25%"
    assert shown(report_with(150, 12, "yoy_diff", unit="件", q="余")) == "增加138余件"


def test_no_value_last_year_is_a_clear_placeholder():
    report = report_with(15, None, "yoy_percent")
    assert shown(report) == "【待填：受理量比上年（上年无数据）】"
    _, problems = compute_values(report.figures, report.predecessor.values)
    assert problems["change"] == "上年没有“受理来信来访”的数值，无法与上年比较。"
    # Without any predecessor (no report of last year in the database) it reads the same.
    report.predecessor = None
    assert shown(report) == "【待填：受理量比上年（上年无数据）】"
    errors = [f.message for f in services.readiness(report).findings if f.severity == "error"]
    assert errors == ["计算数据“受理量比上年”无法得出：上年没有“受理来信来访”的数值，无法与上年比较。"]


def test_last_year_zero_cannot_give_a_percentage():
    report = report_with(15, 0, "yoy_percent")
    assert shown(report) == "【待填：受理量比上年（上年为零）】"
    assert compute_values(report.figures, report.predecessor.values)[1]["change"] == "上年数值为零，无法计算百分比。"


def test_this_years_missing_value_is_the_usual_placeholder():
    report = report_with(None, 12, "yoy_percent")
    assert shown(report) == "【待填：受理量比上年】"
    assert expand_text("{{received}}", report) == "【待填：受理来信来访】"


def test_prev_in_any_formula():
    figures = {
        "a": Figure("a", "甲", Decimal(30), "件"),
        "b": Figure("b", "两年合计", formula="a + prev(a)", unit="件"),
        "c": Figure("c", "增幅倍数", formula="a / prev(a)", decimals=2),
    }
    values, problems = compute_values(figures, {"a": Decimal(20)})
    assert (values["b"], values["c"], problems) == (Decimal(50), Decimal("1.5"), {})
    assert parse_formula("a + prev(a)").names == {"a"} and parse_formula("prev(a) * 2").previous == {"a"}
    assert parse_formula("prev(a) * 2").names == set()
    # The form shows the figure a comparison reads, even when only prev() reads it.
    assert figure_keys_in(["{{d}}"], {**figures, "d": Figure("d", "上年甲", formula="prev(a)")}) == ["a", "d"]


@pytest.mark.parametrize("formula", ["prev(prev(a))", "prev(1)", "max(a)", "prev(a, a)", "prev(x=a)", "a.prev()"])
def test_other_calls_are_refused(formula):
    with pytest.raises(InvalidInput):
        parse_formula(formula)


def test_prev_of_an_unknown_figure_and_a_style_without_formula():
    figures = {"a": Figure("a", "甲", Decimal(3)), "b": Figure("b", "乙", formula="a - prev(zz)")}
    assert compute_values(figures, {"zz": Decimal(1)})[1]["b"] == "公式中的“zz”不是已有的数据。"
    plain = Figure("p", "手填", Decimal(5))
    plain.style = "yoy_diff"
    assert "自动计算" in validate_figures({"p": plain})["p"]


def test_format_figure_of_a_comparison_directly():
    fig = Figure("x", "比上年", formula="a - prev(a)", unit="人")
    fig.style = "yoy_diff"
    assert format_figure(fig, Decimal(-4)) == "减少4人"
    assert format_figure(fig, Decimal(0)) == "与上年持平"
    assert format_figure(fig, None, "上年无数据") == "【待填：比上年（上年无数据）】"


def test_a_rolled_over_report_renders_its_comparison_with_last_years_figures(db_path, tmp_path):
    """Through the database: the 2025 report compares with the sample's 2024 values (受理 12)."""
    with services.open_workspace(db_path) as ws:
        this = ws.reports.add(services.sample_report())
        nxt_id = ws.reports.next_year(this)
        nxt = ws.reports.load(nxt_id)
        services.set_value(nxt, "petitions_received", Decimal(15))
        services.set_value(nxt, "petitions_closed", Decimal(15))
        for key, style in (("petitions_pct", "yoy_percent"), ("petitions_diff", "yoy_diff")):
            fig = Figure(key, "信访比上年", unit="" if style == "yoy_percent" else "件")
            fig.formula, fig.style = yoy_formula("petitions_received", style), style
            nxt.figures[key] = fig
        nxt.sections[0].blocks.insert(
            0, Paragraph("受理来信来访{{petitions_received}}，{{petitions_pct}}，{{petitions_diff}}。")
        )
        ws.reports.save(nxt_id, nxt)
        loaded = ws.reports.load(nxt_id)  # last year's values come from the database, not the object above
        out = services.render_to_file(loaded, tmp_path / "2025.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "受理来信来访15件，同比增长25%，增加3件。" in texts


def test_validate_figures_takes_the_values_already_computed():
    """The figures panel computes the values once per refresh and hands them to the field checks."""
    from hxdesk.figures import report_values

    report = report_with(15, 12, "yoy_percent")
    report.figures["b"] = Figure("b", "办结", Decimal(20), at_most="received")
    computed = report_values(report)
    assert validate_figures(report.figures, computed=computed) == validate_figures(
        report.figures, report.predecessor.values
    )
    assert "不能大于" in validate_figures(report.figures, computed=computed)["b"]
