"""The pure model: numbering, figures, expansion."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hxdesk.errors import InvalidInput
from hxdesk.figures import compute_values, expand_text, format_figure, parse_number, validate_figures
from hxdesk.model import Figure, Paragraph, PointList, Report, Section, block_paragraph_texts, numbering_labels
from hxdesk.numbering import chinese_numeral, parse_chinese_numeral


@pytest.mark.parametrize(
    "n, text",
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (999, "九百九十九"),
    ],
)
def test_chinese_numerals_round_trip(n, text):
    assert chinese_numeral(n) == text
    assert parse_chinese_numeral(text) == n


def test_numbering_follows_position_and_skips_unnumbered():
    r = Report(year=2024)
    a = Section(
        "甲",
        children=[
            Section("子1"),
            Section("无号", numbered=False),
            Section("子2", children=[Section("孙", children=[Section("曾孙1"), Section("曾孙2")])]),
        ],
    )
    b = Section("乙")
    r.sections = [a, b]
    labels = numbering_labels(r)
    assert labels[a.uid] == "一、" and labels[b.uid] == "二、"
    kids = a.children
    assert [labels[k.uid] for k in kids] == ["（一）", "", "（二）"]
    grandchild = kids[2].children[0]
    assert labels[grandchild.uid] == "1."
    assert [labels[s.uid] for s in grandchild.children] == ["（1）", "（2）"]
    # Moving a section renumbers everything.
    r.sections = [b, a]
    labels = numbering_labels(r)
    assert labels[b.uid] == "一、" and labels[a.uid] == "二、"


def test_points_render_inline_or_one_paragraph_each():
    inline = PointList(items=["甲。", "乙。"], lead="主要有：")
    assert block_paragraph_texts(inline) == ["主要有：一是甲。二是乙。"]
    separate = PointList(items=["甲。", "乙。", "丙。"], lead="", inline=False)
    assert block_paragraph_texts(separate) == ["一是甲。", "二是乙。", "三是丙。"]
    assert block_paragraph_texts(Paragraph("正文")) == ["正文"]


@pytest.mark.parametrize(
    "qualifier, value, unit, shown",
    [
        ("", "6", "件", "6件"),
        ("余", "80", "人次", "80余人次"),
        ("以上", "95", "%", "95%以上"),
        ("约", "30", "件", "约30件"),
        ("多", "500", "人", "500多人"),
        ("", "3.50", "万元", "3.5万元"),
    ],
)
def test_figure_qualifier_position(qualifier, value, unit, shown):
    fig = Figure("k", "标签", Decimal(value), unit, qualifier)
    assert format_figure(fig, fig.value) == shown


@pytest.mark.parametrize(
    "typed, value",
    [("12", "12"), (" 1,234 ", "1234"), ("１２", "12"), ("3.5万", "35000"), ("2亿", "200000000"), ("0.50", "0.5")],
)
def test_parse_number_accepts_what_people_type(typed, value):
    assert parse_number(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["", "abc", "12a", "-3", "1e30", "9999999999999", "1.2.3", "1." + "5" * 100_000])
def test_parse_number_refuses_with_chinese_message(typed):
    with pytest.raises(InvalidInput) as info:
        parse_number(typed)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)


def test_derived_figure_is_computed_and_validated():
    figs = {
        "received": Figure("received", "受理", Decimal(12), "件"),
        "closed": Figure("closed", "办结", Decimal(11), "件", at_most="received"),
        "rate": Figure("rate", "办结率", None, "%", formula="closed / received * 100", decimals=1),
    }
    values, problems = compute_values(figs)
    assert problems == {}
    assert format_figure(figs["rate"], values["rate"]) == "91.7%"
    figs["closed"].value = Decimal(13)
    problems = validate_figures(figs)
    assert "closed" in problems and "不能大于" in problems["closed"]


@pytest.mark.parametrize(
    "formula, needle",
    [
        ("a / 0", "除数为零"),
        ("a + missing", "不是已有的数据"),
        ("loop", "循环"),
        ("__import__('os')", "公式"),
        ("a ** 2", "加减乘除"),
    ],
)
def test_bad_formulas_are_explained_not_raised(formula, needle):
    figs = {
        "a": Figure("a", "甲", Decimal(1)),
        "loop": Figure("loop", "环", formula="loop + 1"),
        "x": Figure("x", "派生", formula=formula),
    }
    _, problems = compute_values(figs)
    key = "loop" if needle == "循环" else "x"
    assert needle in problems[key]


def test_expand_text_years_figures_and_unknown_keys():
    r = Report(year=2024, figures={"n": Figure("n", "件数", Decimal(6), "件"), "m": Figure("m", "未填", None, "个")})
    text = "{{year}}年接收{{n}}，{{next_year}}年计划；{{m}}；{{nope}}"
    assert expand_text(text, r) == "2024年接收6件，2025年计划；【待填：未填】；【未知数据：nope】"
