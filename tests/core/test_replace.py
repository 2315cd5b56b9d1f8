"""查找和替换 in the report's own words, never inside figures."""

from __future__ import annotations

import pytest

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.model import Figure, Paragraph, PointList, Report, Section


def small_report() -> Report:
    report = Report(year=2025, title="{{year}}年度法治政府建设情况报告", issuers=["东林镇人民政府"])
    report.intro = [Paragraph("东林镇坚持依法行政，截止年底成效明显。")]
    report.sections = [
        Section(
            "截止目前的主要举措",
            [
                Paragraph("共受理{{cases}}，截止12月办结全部案件。"),
                PointList(["截止年底完成培训", "开展普法"], lead="截止目前："),
            ],
            children=[Section("截止当年的做法", [Paragraph("无。")])],
        ),
        Section("其他", [Paragraph("截止")]),
    ]
    report.signatures = ["东林镇人民政府"]
    report.figures = {"cases": Figure("cases", "截止案件", None, "件")}
    return report


def texts(report: Report) -> str:
    return "\n".join(report.all_texts())


def test_replace_everywhere_counts_every_occurrence_in_the_words():
    report = small_report()
    assert services.replace_in_report(report, "截止", "截至") == 7
    assert "截止" not in texts(report)
    assert report.sections[0].blocks[1].lead == "截至目前："
    assert report.sections[0].children[0].heading == "截至当年的做法"


def test_replace_in_one_part_leaves_the_others():
    report = small_report()
    first = report.sections[0]
    assert services.replace_in_report(report, "截止", "截至", ("section", first.uid)) == 4
    assert report.intro[0].text == "东林镇坚持依法行政，截止年底成效明显。"
    assert first.children[0].heading == "截止当年的做法"  # a sub-section is a part of its own
    assert report.sections[1].blocks[0].text == "截止"
    assert services.replace_in_report(report, "东林镇", "西林镇", ("closing",)) == 1
    assert report.signatures == ["西林镇人民政府"] and report.issuers == ["东林镇人民政府"]


def test_figures_and_their_placeholders_are_never_touched():
    report = small_report()
    assert services.replace_in_report(report, "cases", "x") == 0
    assert services.replace_in_report(report, "{", "(") == 0
    assert report.sections[0].blocks[0].text == "共受理{{cases}}，截止12月办结全部案件。"
    assert services.replace_in_report(report, "截止", "截至") == 7
    assert report.figures["cases"].label == "截止案件"  # a figure's name is the figure's, not the text's
    assert "{{cases}}" in report.sections[0].blocks[0].text
    assert "{{year}}" in report.title


@pytest.mark.parametrize("bad", ["{{cases}}", "x}}", "{{y"])
def test_a_replacement_cannot_make_a_placeholder(bad):
    report = small_report()
    with pytest.raises(InvalidInput, match="花括号"):
        services.replace_in_report(report, "截止", bad)
    assert "截止" in texts(report)


def test_nothing_to_find_replaces_nothing():
    report = small_report()
    before = texts(report)
    assert services.replace_in_report(report, "", "截至") == 0
    assert services.replace_in_report(report, "不存在的词", "截至") == 0
    assert texts(report) == before
