"""写作提示 found by a heading's words."""

from __future__ import annotations

import pytest

from hxdesk.guidance import hint_for, hints


@pytest.mark.parametrize(
    "heading, starts",
    [
        ("2025年度推进法治政府建设的主要举措和成效", "写本年度推进法治政府建设的主要举措"),
        ("一年来工作完成情况", "写本年度推进法治政府建设的主要举措"),
        ("存在的问题和原因", "实事求是"),
        ("2025年法治政府建设存在的不足和原因", "实事求是"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "写党政主要负责人"),
        ("2026年工作计划", "写下一年度"),
        ("下一步工作打算", "写下一年度"),
        ("其他需要报告的情况", "写上级要求报告的其他事项"),
        ("坚持严格规范公正文明执法", "如：行政执法“三项制度”"),
    ],
)
def test_parts_find_their_hint(heading, starts):
    assert (hint_for(heading) or "").startswith(starts)


@pytest.mark.parametrize("heading", ["", "　", "附件", "致谢", "基本情况概述"])
def test_headings_without_a_fitting_hint_get_none(heading):
    assert hint_for(heading) is None


def test_the_parts_below_a_plan_are_plans():
    plan = "2026年主要安排"
    assert hint_for("深化执法规范化建设", [plan]).startswith("写下一年度")
    assert hint_for("深化执法规范化建设", ["2025年主要举措和成效"]).startswith("如：行政执法")  # this year's work
    assert hint_for("深化执法规范化建设").startswith("如：行政执法")


def test_every_hint_is_chinese_prose_with_something_to_match():
    for hint in hints():
        assert hint.match and all(hint.match) and len(hint.text) >= 20
