"""Acting on a finding: a number typed into the text made a figure; a word added to the user's list."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.model import Paragraph, PointList, Report, Section
from hxdesk.render import paragraph_texts


def report_with(*blocks, heading: str = "加强执法监督。") -> Report:
    return Report(
        year=2025,
        issuers=["东林镇人民政府"],
        sections=[Section("工作情况", children=[Section(heading, blocks=list(blocks), run_in=True)])],
        signatures=["东林镇人民政府"],
        date=dt.date(2026, 1, 10),
    )


def literal(report: Report, text: str):
    return next(f for f in services.check_report(report) if f.rule == "numbers.literal" and text in f.excerpt)


@pytest.mark.parametrize(
    "block, typed, label, value, unit, qualifier",
    [
        (Paragraph("全年共受理行政复议案件12件，均已办结。"), "12件", "受理行政复议案件", "12", "件", ""),
        (PointList(["开展法治讲座80余场次", "发放资料500份"]), "80余场次", "开展法治讲座", "80", "场次", "余"),
        (Paragraph("调解成功率达到95%。"), "95%", "调解成功率", "95", "%", ""),
    ],
)
def test_a_typed_number_becomes_a_figure_and_the_text_reads_the_same(block, typed, label, value, unit, qualifier):
    report = report_with(block)
    before = paragraph_texts(report)
    key = services.make_figure(report, literal(report, typed))
    fig = report.figures[key]
    assert (fig.label, fig.value, fig.unit, fig.qualifier) == (label, Decimal(value), unit, qualifier)
    assert "{{" + key + "}}" in "".join(report.all_texts())
    assert paragraph_texts(report) == before  # the document reads exactly as before
    assert not any(f.rule == "numbers.literal" and typed in f.excerpt for f in services.check_report(report))
    rolled = services.roll_over(report)  # and next year's report asks for it
    assert rolled.figures[key].value is None


def test_the_clerk_can_name_the_figure():
    report = report_with(Paragraph("共受理12件。"))
    key = services.make_figure(report, literal(report, "12件"), label="受理来信来访")
    assert report.figures[key].label == "受理来信来访"


def test_what_is_not_a_typed_number_is_refused_with_a_message():
    report = report_with(Paragraph("共受理12件，截止年底全部办结。"))
    other = next(f for f in services.check_report(report) if f.rule != "numbers.literal")
    with pytest.raises(InvalidInput, match="不能改为数据"):
        services.make_figure(report, other)
    found = literal(report, "12件")
    report.sections[0].children[0].blocks[0].text = "共受理若干件。"  # changed since the check
    with pytest.raises(InvalidInput, match="重新检查"):
        services.make_figure(report, found)
    report = report_with(Paragraph("共受理12件，办结12件。"))
    services.make_figure(report, literal(report, "受理12件"))
    with pytest.raises(InvalidInput, match="已有名为"):
        services.make_figure(report, literal(report, "办结12件"), label="受理")


def test_a_word_added_by_the_clerk_is_checked_from_then_on(_isolated_data_dir):
    report = report_with(Paragraph("加强村务公开公示。"))
    assert not any(f.rule == "writing.words" for f in services.check_report(report))
    path = services.add_user_word("公开公示", "公示", "重复用词")
    words = json.loads(path.read_text(encoding="utf-8"))["words"]
    assert words == [{"wrong": "公开公示", "right": "公示", "note": "重复用词"}]
    (hit,) = [f for f in services.check_report(report) if f.rule == "writing.words"]
    assert "公开公示" in hit.message and "公示" in (hit.suggestion or "")
    services.add_user_word("公开公示", "公开", "改了主意")  # the same wrong word replaces its entry
    assert len(json.loads(path.read_text(encoding="utf-8"))["words"]) == 1


@pytest.mark.parametrize("wrong, right", [("", "公示"), ("公示", ""), ("公示", "公示"), ("x" * 500, "y")])
def test_a_bad_word_entry_is_refused_and_nothing_is_written(_isolated_data_dir, wrong, right):
    with pytest.raises(InvalidInput):
        services.add_user_word(wrong, right)
    assert not services.user_words_path().exists()


def test_a_broken_word_file_is_not_overwritten(_isolated_data_dir):
    path = services.user_words_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(InvalidInput, match="无法读取"):
        services.add_user_word("公开公示", "公示")
    assert path.read_text(encoding="utf-8") == "{ not json"
