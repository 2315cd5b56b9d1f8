"""Issue 30, done when: over reports written as towns publish them (tests/importer/written.py),
every figure is right and well named, through `hxdesk import` on a .txt and a typed .docx."""

from __future__ import annotations

import re

import pytest

from .cases import TYPED_FORMS, body_texts, cli_import, plain_text, rendered
from .written import WRITTEN

#: Words a label must not open with: qualifiers, filler, time words, the place (written out here,
#: not taken from the importer).
BAD_STARTS = (
    "约",
    "近",
    "逾",
    "超过",
    "共",
    "累计",
    "共计",
    "其中",
    "余",
    "多",
    "全年",
    "今年",
    "截至",
    "年内",
    "目前",
    "月",
    "全镇",
    "全乡",
    "全县",
    "我镇",
    "本镇",
)
#: Every compound unit ends with 次 (人次, 件次, 场次, 户次, 家次, 期次): a split one leaves it in the text.
SPLIT_UNIT = re.compile(r"\}\}次")
YEARS = {
    "no_title_plan_year": 2024,
    "two_issuers_shared_phrase": 2023,
    "street_office": 2024,
    "body_only": 2024,
    "county_bureau": 2024,
    "township_missing_commas": 2024,
}
SOME_LABELS = {
    "no_title_plan_year": {
        "综合行政执法队",
        "执法人员",
        "聘请法律顾问",
        "开展法治讲座",
        "法律顾问进村宣讲",
        "经济楼长",
    },
    "two_issuers_shared_phrase": {"优化法律服务事项（类）", "优化法律服务事项（项）", "办理服务包企业诉求", "执法人员"},
    "street_office": {"审议重大行政决策事项", "审查合同", "规范性文件", "新建法治文化阵地", "法治长廊"},
    "body_only": {"受理群众来信来访", "已办结群众来信来访", "排查一般安全隐患", "镇司法所工作人员"},
    "county_bureau": {"受理行政复议申请", "调解组织", "调解员", "涉及金额"},
    "township_missing_commas": {"执法人员", "发放资料", "接待群众咨询", "行政合同"},
}


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_every_figure_of_a_written_report_is_right_and_well_named(tmp_path, form, name):
    case = WRITTEN[name]
    report, _ = cli_import(tmp_path, case, form)
    assert report.year == YEARS[name]
    lines = rendered(report)
    for line in case.splitlines():  # the body word for word (headings may take a run-in form)
        if line[:1] not in "=>" and re.match(r"^(?:[一二三]、|（[一二三]）)", line) is None:
            assert any(line in x for x in lines), line
    source = plain_text(case)
    labels = [f.label for f in report.figures.values()]
    assert len(labels) >= 8
    for label in labels:
        stem = re.sub(r"（\d+）$", "", label)  # a repeated name is told apart by （2）
        assert len(stem) >= 2, label
        assert not re.search(r"[\d%]", stem), label
        assert not stem.startswith(BAD_STARTS), label
        assert re.search(r"\d(?:余|多)?" + re.escape(stem), source) is None, label  # no leftover of a number
    assert SOME_LABELS[name] <= set(labels), labels
    assert not any(SPLIT_UNIT.search(t) for t in body_texts(report))
