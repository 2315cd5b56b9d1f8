"""Every rule: at least three texts that must trigger it and three that must not."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from support import ROOT

from hxdesk import services
from hxdesk.checks import RULE_IDS, check_report, parse_documents, parse_words
from hxdesk.model import Figure, Paragraph, PointList, Report, Section

WORDS = parse_words(json.loads((ROOT / "resources" / "checks" / "words.json").read_text(encoding="utf-8")))
DOCUMENTS = parse_documents(json.loads((ROOT / "resources" / "checks" / "documents.json").read_text(encoding="utf-8")))
TODAY = dt.date(2025, 1, 20)


def fig(key: str, label: str, value, unit: str = "件", **kw) -> Figure:
    return Figure(key, label, None if value is None else Decimal(value), unit, **kw)


def doc(
    *texts: str,
    heading: str = "加强组织领导。",
    run_in: bool = True,
    year: int = 2024,
    figures: tuple[Figure, ...] = (),
    date: dt.date | None = dt.date(2025, 1, 10),
    signatures: tuple[str, ...] = ("青山镇人民政府",),
    intro: tuple[str, ...] = ("现将有关情况报告如下。",),
) -> Report:
    """A small clean report: one part 工作情况 with one sub-section holding ``texts``."""
    child = Section(heading, blocks=[Paragraph(t) for t in texts] or [Paragraph("按计划推进各项工作。")], run_in=run_in)
    return Report(
        year=year,
        issuers=["青山镇人民政府"],
        intro=[Paragraph(t) for t in intro],
        sections=[Section("工作情况", children=[child])],
        signatures=list(signatures),
        date=date,
        figures={f.key: f for f in figures},
    )


def with_sections(*sections: Section, figures: tuple[Figure, ...] = ()) -> Report:
    r = doc(figures=figures)
    r.sections = list(sections)
    return r


def standard(drop: int | None = None, rename: tuple[int, str] | None = None) -> Report:
    r = services.new_from_template("standard", 2024, "青山镇人民政府")
    if rename:
        r.sections[rename[0]].heading = rename[1]
    if drop is not None:
        del r.sections[drop]
    return r


def sample_like() -> Report:
    r = services.sample_report()
    r.template = "sample"
    return r


RECEIVED = fig("received", "受理来信来访", 5)
CLOSED_7 = fig("closed", "办结来信来访", 7)
CLOSED_5 = fig("closed", "办结来信来访", 5)
FOUND = fig("major_found", "重大安全隐患", 3, "项")
FIXED_GE = fig("major_fixed", "已整改重大安全隐患", 3, "个")
FIXED_SAME = fig("major_fixed", "已整改重大安全隐患", 3, "项")

CASES: dict[str, tuple[list, list]] = {
    "documents.title": (
        [
            doc("认真贯彻《法治政府建设实施纲要（2022—2025年）》，推进依法行政。"),
            doc("组织干部学习《党政主要负责人履行法治建设第一责任人职责规定》。"),
            doc("对照《法治政府建设与责任落实督查工作规定》开展自查。"),
        ],
        [
            doc("对照《法治政府建设实施纲要（2021-2025年）》逐项落实。"),
            doc("学习《行政复议法》《中华人民共和国行政处罚法》和《中华人民共和国行政强制法》。"),
            doc("落实《青山镇法治建设三年行动方案》和《法治政府建设实施纲要》。"),
        ],
    ),
    "numbers.announced": (
        [
            doc("梳理服务事项等4类：证照办理、法律咨询、纠纷调解。"),
            doc("从以下3个方面推进：一是健全制度。二是规范执法。三是强化监督。四是加强培训。"),
            doc("开展两项专项行动：安全生产整治；食品安全检查；农村乱占耕地清理。"),
        ],
        [
            doc("梳理服务事项等3类：证照办理、法律咨询、纠纷调解。"),
            doc("从以下3个方面推进：一是健全制度。二是规范执法。三是强化监督。"),
            doc("重点抓好3项工作：合同审查、规范性文件备案和执法监督。"),
        ],
    ),
    "years.work_heading": (
        [
            with_sections(Section("2023年法治政府建设基本情况", blocks=[Paragraph("按计划推进。")])),
            with_sections(Section("2022年度主要举措和成效", blocks=[Paragraph("按计划推进。")])),
            with_sections(Section("2025年推进法治政府建设存在的不足和原因", blocks=[Paragraph("培训不足。")])),
        ],
        [
            with_sections(Section("2024年法治政府建设基本情况", blocks=[Paragraph("按计划推进。")])),
            with_sections(Section("2025年工作计划", blocks=[Paragraph("继续推进。")])),
            with_sections(Section("落实《法治政府建设实施纲要（2021—2025年）》工作情况", blocks=[Paragraph("落实。")])),
            with_sections(  # a sub-section on last year's findings names last year
                Section(
                    "2024年度法治政府建设工作情况",
                    children=[Section("2023年度督察反馈问题整改工作情况", blocks=[Paragraph("已全部整改。")])],
                )
            ),
        ],
    ),
    "years.consecutive": (
        [
            doc("我镇2022年和2024年连续两年被评为法治示范镇。"),
            doc("2022年、2023年、2024年连续两年获评先进。"),
            doc("2021—2024年连续三年保持零发案。"),
        ],
        [
            doc("我镇2023年和2024年连续两年被评为法治示范镇。"),
            doc("2022—2024年连续三年保持零发案。"),
            doc("连续三年被评为先进单位。"),
        ],
    ),
    "years.after_date": (
        [
            doc("截至2025年1月31日，已办结全部案件。"),
            doc("2025年2月3日召开专题会议研究法治工作。"),
            doc(intro=("2025年1月15日，镇政府召开常务会议。现将有关情况报告如下。",)),
        ],
        [
            doc("截至2024年12月31日，已办结全部案件。"),
            doc("将于2025年3月1日召开专题会议。"),
            doc("2025年6月30日前完成整改。"),
        ],
    ),
    "writing.incomplete": (
        [
            doc("依法解决群众诉求，群众的满意。"),
            doc("持续开展普法宣传，不断提升法律知识知晓。"),
            doc("扩大法律顾问服务，提高村级法律顾问覆盖。"),
            doc("全镇群众对法治建设的知晓。"),  # 全 far before the word is not 全覆盖
        ],
        [
            doc("依法解决群众诉求，群众满意度明显提升。"),
            doc("村（社区）法律顾问实现全覆盖。"),
            doc("用心办好每件事，赢得群众的满意。"),
        ],
    ),
    "figures.missing": (
        [
            doc("共受理{{received}}。", figures=(fig("received", "受理", None),)),
            doc("受理{{a}}，办结{{b}}。", figures=(fig("a", "受理", 3), fig("b", "办结", None))),
            doc(intro=("全年接待{{visits}}。",), figures=(fig("visits", "接待群众", None, "人次"),)),
        ],
        [
            doc("共受理{{received}}。", figures=(fig("received", "受理", 4),)),
            doc("没有用到数据。", figures=(fig("unused", "未用", None),)),
            doc(
                "办结率{{rate}}。",
                figures=(fig("a", "受理", None), fig("rate", "办结率", None, "%", formula="a / a * 100")),
            ),
        ],
    ),
    "figures.stale": (
        [
            doc("共受理{{a}}。", figures=(fig("a", "受理", 4, review="update"),)),
            doc("培训{{t}}。", figures=(fig("t", "培训干部", 30, "人次", review="update"),)),
            doc(intro=("全年接待{{v}}。",), figures=(fig("v", "接待群众", 80, "人次", review="update"),)),
        ],
        [
            doc("共受理{{a}}。", figures=(fig("a", "受理", 4),)),  # typed this year: no flag
            doc("共受理{{a}}。", figures=(fig("a", "受理", None, review="update"),)),  # empty: figures.missing says it
            doc("没有用到数据。", figures=(fig("a", "受理", 4, review="update"),)),  # not in the text
        ],
    ),
    "figures.unconfirmed": (
        [
            doc("执法队{{team}}。", figures=(fig("team", "执法队", 1, "个", kind="standing", review="confirm"),)),
            doc("执法人员{{staff}}。", figures=(fig("staff", "执法人员", 6, "人", kind="standing", review="confirm"),)),
            doc("法律顾问{{c}}。", figures=(fig("c", "法律顾问", None, "名", kind="standing", review="confirm"),)),
        ],
        [
            doc("执法队{{team}}。", figures=(fig("team", "执法队", 1, "个", kind="standing"),)),  # confirmed
            doc("执法队{{team}}。", figures=(fig("team", "执法队", 1, "个", kind="standing", review="update"),)),
            doc("没有用到数据。", figures=(fig("team", "执法队", 1, "个", kind="standing", review="confirm"),)),
        ],
    ),
    "figures.uncomputable": (
        [
            doc("办结率{{rate}}。", figures=(fig("a", "受理", 0), fig("rate", "率", None, "%", formula="a / a * 100"))),
            doc(
                "办结率{{rate}}。",
                figures=(fig("a", "受理", None), fig("rate", "率", None, "%", formula="a / a * 100")),
            ),
            doc("比例{{rate}}。", figures=(fig("rate", "率", None, "%", formula="nothing * 2"),)),
        ],
        [
            doc("办结率{{rate}}。", figures=(fig("a", "受理", 4), fig("rate", "率", None, "%", formula="a / a * 100"))),
            doc("不用比例。", figures=(fig("rate", "率", None, "%", formula="nothing * 2"),)),
            doc("共受理{{a}}。", figures=(fig("a", "受理", None),)),
        ],
    ),
    "figures.unknown": (
        [
            doc("共受理{{nothing}}。"),
            doc(heading="加强{{typo}}领导。"),
            doc(intro=("{{yaer}}年，我镇……",)),
        ],
        [
            doc("{{year}}年以来，{{prev_year}}年底前，{{ next_year }}年。"),
            doc("共受理{{a}}。", figures=(fig("a", "受理", 1),)),
            doc("花括号{单个}不是数据。"),
        ],
    ),
    "figures.invalid": (
        [
            doc("接待群众{{a}}。", figures=(fig("a", "接待群众", 30, "人", qualifier="大约"),)),
            doc("比例{{a}}。", figures=(fig("a", "比例", 3, "%", decimals=9),)),
            doc("接待{{a}}，办理{{b}}。", figures=(fig("a", "接待", 3), fig("b", "办理", 2, qualifier="好几"))),
        ],
        [
            doc("接待群众{{a}}。", figures=(fig("a", "接待群众", 30, "人", qualifier="约"),)),
            doc("接待群众{{a}}。", figures=(fig("a", "接待群众", 80, "人次", qualifier="余"),)),
            doc("未使用。", figures=(fig("a", "接待群众", 30, "人", qualifier="大约"),)),
        ],
    ),
    "structure.typed_number": (
        [
            with_sections(Section("一、工作情况", blocks=[Paragraph("内容。")])),
            doc(heading="（二）加强组织领导。"),
            doc(heading="1.加强组织领导。"),
            doc(heading="第一，加强组织领导。"),
        ],
        [
            doc(heading="加强组织领导。"),
            doc(heading="二十大精神宣讲全覆盖。"),
            with_sections(Section("一、工作情况", numbered=False, blocks=[Paragraph("内容。")])),
            doc(heading="12345热线办理规范。"),
        ],
    ),
    "structure.empty": (
        [
            with_sections(Section("工作情况")),
            with_sections(Section("", blocks=[Paragraph("正文。")])),
            with_sections(Section("工作情况", blocks=[Paragraph("   "), PointList(items=["", " "])])),
        ],
        [
            doc("正文。"),
            with_sections(
                Section("工作情况", children=[Section("一项工作。", run_in=True, blocks=[Paragraph("内容。")])])
            ),
            with_sections(
                Section("", numbered=False, children=[Section("一项工作。", run_in=True, blocks=[Paragraph("内容。")])])
            ),
        ],
    ),
    "structure.closing": (
        [
            doc(signatures=()),
            doc(date=None),
            doc(signatures=("  ",)),
        ],
        [
            doc(),
            doc(signatures=("中共青山镇委员会", "青山镇人民政府")),
            doc(signatures=("青山镇人民政府",), date=dt.date(2025, 2, 1)),
        ],
    ),
    "structure.date": (
        [
            doc(date=dt.date(2024, 12, 30)),
            doc(date=dt.date(2025, 3, 1)),
            doc(date=dt.date(2023, 12, 31)),
        ],
        [
            doc(date=dt.date(2025, 1, 1)),
            doc(date=dt.date(2025, 2, 28)),
            doc(date=None),
        ],
    ),
    "structure.statutory": (
        [standard(drop=1), standard(drop=2), standard(drop=4)],
        [standard(), sample_like(), standard(rename=(1, "存在的问题和原因"))],
    ),
    "years.stray": (
        [
            doc("2019年以来，我镇持续推进。"),
            doc("2027年，我镇将完成。"),
            doc(heading="2021年起推行的制度。"),
        ],
        [
            doc("2023年底，2024年，2025年初。"),
            doc("学习《2019年修订的工作规则》和“2018年”的提法。"),
            doc("“八五”普法规划（2021—2025年）提出，到2035年基本建成法治政府，发放资料2000份。"),
        ],
    ),
    "years.next_plan": (
        [
            with_sections(Section("2024年工作措施", blocks=[Paragraph("内容。")])),
            with_sections(Section("{{year}}年工作计划", blocks=[Paragraph("内容。")])),
            with_sections(Section("2026年主要安排", blocks=[Paragraph("内容。")])),
        ],
        [
            with_sections(Section("{{next_year}}年工作措施", blocks=[Paragraph("内容。")])),
            with_sections(Section("2025年工作打算", blocks=[Paragraph("内容。")])),
            with_sections(
                Section("下一步工作措施", blocks=[Paragraph("内容。")]),
                Section("2024年主要成效", blocks=[Paragraph("内容。")]),
            ),
        ],
    ),
    "years.pufa": (
        [
            doc("今年是“八五”普法的第四年。", year=2025, date=dt.date(2026, 1, 5)),
            doc("今年是“八五”普法的第五年。", year=2026, date=dt.date(2027, 1, 5)),
            doc("今年是八五普法第3年。", year=2022, date=dt.date(2023, 1, 5)),
        ],
        [
            doc("今年是“八五”普法的第四年。"),
            doc("今年是“九五”普法的第一年。", year=2026, date=dt.date(2027, 1, 5)),
            doc("2023年是“八五”普法的第三年，今年继续推进。"),
        ],
    ),
    "numbers.pair": (
        [
            doc("受理{{received}}，办结{{closed}}。", figures=(RECEIVED, CLOSED_7)),
            doc(
                "来信{{petitions_received}}，已处置{{petitions_closed}}。",
                figures=(fig("petitions_received", "来信", 5), fig("petitions_closed", "已处置", 6)),
            ),
            doc(
                "执法人员{{staff}}，持证{{certified}}。",
                figures=(fig("staff", "执法人员", 2, "人"), fig("certified", "持证", 3, "人", at_most="staff")),
            ),
            with_sections(  # declared with at_most: compared wherever the two are used
                Section("甲", blocks=[Paragraph("执法人员{{staff}}。")]),
                Section("乙", blocks=[Paragraph("持证{{certified}}。")]),
                figures=(fig("staff", "执法人员", 2, "人"), fig("certified", "持证", 3, "人", at_most="staff")),
            ),
            # labels with time words and filler (issue 29)
            doc(
                "全年受理{{a}}，办结{{b}}。",
                figures=(fig("a", "全年受理行政复议案件", 4), fig("b", "办结行政复议案件", 6)),
            ),
            doc("全年受理行政复议案件12件，依法办结15件。"),  # typed in one sentence
            doc("今年共排查安全隐患20处，已整改安全隐患23处。"),
        ],
        [
            doc("受理{{received}}，办结{{closed}}。", figures=(RECEIVED, CLOSED_5)),
            doc("全年受理行政复议案件12件，依法办结12件。"),
            doc("受理行政复议案件12件。全年办结上年结转案件15件。"),  # another sentence
            doc("排查安全隐患20处，整改问题23个。"),  # another unit: not the same thing counted
            with_sections(
                Section("甲", blocks=[Paragraph("受理{{received}}。")]),
                Section("乙", blocks=[Paragraph("办结{{closed}}。")]),
            ),
            doc("受理{{received}}，办结{{closed}}。", figures=(RECEIVED, fig("closed", "办结来信来访", None))),
        ],
    ),
    "numbers.unit": (
        [
            doc("重大安全隐患{{major_found}}，已整改{{major_fixed}}。", figures=(FOUND, FIXED_GE)),
            doc("受理{{received}}，办结{{closed}}。", figures=(RECEIVED, fig("closed", "办结来信来访", 5, "个"))),
            doc(
                "排查{{risks_found}}，整治{{risks_fixed}}。",
                figures=(fig("risks_found", "甲", 4, "处"), fig("risks_fixed", "乙", 4, "个")),
            ),
        ],
        [
            doc("重大安全隐患{{major_found}}，已整改{{major_fixed}}。", figures=(FOUND, FIXED_SAME)),
            doc(
                "执法队{{teams}}，执法人员{{staff}}。",
                figures=(fig("teams", "执法队", 1, "个"), fig("staff", "执法人员", 6, "人")),
            ),
            doc("受理{{received}}，办结{{closed}}。", figures=(RECEIVED, fig("closed", "办结来信来访", 5, ""))),
        ],
    ),
    "numbers.rate": (
        [
            doc("公开率{{r}}。", figures=(fig("r", "公开率", 105, "%"),)),
            doc(
                "办结率{{rate}}。",
                figures=(fig("a", "受理", 4), fig("b", "办结", 5), fig("rate", "率", None, "%", formula="b / a * 100")),
            ),
            doc("覆盖率{{r}}。", figures=(fig("r", "覆盖率", 120, "％"),)),
        ],
        [
            doc("公开率{{r}}。", figures=(fig("r", "公开率", 100, "%"),)),
            doc("受理{{r}}。", figures=(fig("r", "受理", 105, "件"),)),
            doc("公开率{{r}}。", figures=(fig("r", "公开率", "99.5", "%"),)),
        ],
    ),
    "numbers.literal": (
        [
            doc("共受理来信来访12件。"),
            doc("开展培训3次，参训80余人次。"),
            doc("群众满意度达95%。"),
        ],
        [
            doc("2024年3月1日召开第3次会议。"),
            doc("共受理{{a}}。", figures=(fig("a", "受理", 12),)),
            doc("拨打12345热线，落实“1+3”机制。"),
        ],
    ),
    "writing.halfwidth": (
        [
            doc("我镇高度重视,全面推进。"),
            doc("主要做法如下:一是加强领导。"),
            doc("下达通知书(限期)整改，是否完成?"),
        ],
        [
            doc("全年处理12,000余件次的数据。", figures=()),
            doc("会议时间为9:30，网址https://example.cn。"),
            doc("编号为ABC(01)的设备，我镇，全面推进。"),
        ],
    ),
    "writing.pairs": (
        [
            doc("学习“法治思想。"),
            doc("学习《民法典》》等法律。"),
            doc("下达（限期整改通知书。"),
            doc("他说“好“。"),
        ],
        [
            doc("学习“法治思想”和《民法典》（2020年）。"),
            doc("“落实‘谁执法谁普法’责任”。"),
            doc("共受理{{a}}。", figures=(fig("a", "受理", None),)),
        ],
    ),
    "writing.run_in": (
        [
            doc(heading="加强组织领导"),
            doc(heading="加强组织领导，"),
            doc(heading="加强组织领导："),
        ],
        [
            doc(heading="加强组织领导。"),
            doc(heading="加强组织领导", run_in=False),
            doc(heading="加强组织领导！"),
        ],
    ),
    "writing.doubled": (
        [
            doc("我镇的的工作。"),
            doc("完成了了任务。"),
            doc("加强领导，，推进工作。。"),
        ],
        [
            doc("的确如此，的的确确。"),
            doc("问题不了了之，达到目的的手段。"),
            doc("持续推进……做到——"),
        ],
    ),
    "writing.words": (
        [
            doc("截止2024年底，共完成。"),
            doc("其它工作有序推进。"),
            doc("未发生重大群体性时间。"),
            doc("截止目前，已完成。"),
        ],
        [
            doc("报名截止后不再受理。"),
            doc("截至2024年底，其他工作有序推进。"),
            doc("未发生重大群体性事件。"),
        ],
    ),
}


def test_every_rule_has_cases():
    assert set(CASES) == set(RULE_IDS)
    for rule, (trigger, clean) in CASES.items():
        assert len(trigger) >= 3 and len(clean) >= 3, rule


def _run(rule: str, report: Report):
    return check_report(report, today=TODAY, words=WORDS, documents=DOCUMENTS, rules=[rule])


@pytest.mark.parametrize(
    "rule, report",
    [(rule, r) for rule, (trigger, _) in CASES.items() for r in trigger],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_triggers(rule, report):
    found = _run(rule, report)
    assert found, rule
    assert all(f.rule == rule for f in found)
    assert all(f.message and f.where for f in found)


@pytest.mark.parametrize(
    "rule, report",
    [(rule, r) for rule, (_, clean) in CASES.items() for r in clean],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_does_not_trigger(rule, report):
    assert _run(rule, report) == []


@pytest.mark.parametrize(
    "report, rule, severity",
    [
        (doc(signatures=(), date=None), "structure.closing", "warning"),  # no closing at all (as the sample)
        (doc(signatures=()), "structure.closing", "error"),
        (doc(date=None), "structure.closing", "error"),
        (doc(date=dt.date(2024, 12, 30)), "structure.date", "warning"),
        (doc(date=dt.date(2025, 3, 1)), "structure.date", "warning"),
        (doc(date=dt.date(2023, 12, 31)), "structure.date", "error"),
        (doc("共受理{{a}}。", figures=(fig("a", "受理", None),)), "figures.missing", "error"),
        (doc("今年是“八五”普法的第四年。", year=2025), "years.pufa", "error"),
        (doc("2019年以来。"), "years.stray", "warning"),
    ],
)
def test_severities(report, rule, severity):
    found = _run(rule, report)
    assert [f.severity for f in found] == [severity]
    assert found[0].severity_label == {"error": "错误", "warning": "提示"}[severity]


def test_a_missing_date_suggests_one_in_the_reporting_window():
    (finding,) = _run("structure.closing", doc(date=None))
    assert finding.suggestion == "例如 2025年1月20日"  # TODAY lies in the window
    (late,) = check_report(doc(date=None), today=dt.date(2025, 6, 1), rules=["structure.closing"])
    assert late.suggestion == "例如 2025年1月15日"


def test_places_are_numbered_as_the_document_numbers_them():
    r = with_sections(
        Section("甲", children=[Section("乙。", run_in=True, blocks=[Paragraph("的的")])]),
        Section("注", numbered=False, blocks=[Paragraph("了了")]),
        Section(
            "丙",
            children=[Section("", numbered=False, children=[Section("丁。", run_in=True, blocks=[Paragraph("，，")])])],
        ),
    )
    found = _run("writing.doubled", r)
    assert [f.where for f in found] == ["一、（一）", "“注”", "二、1."]
    assert [f.section_uid for f in found] == [
        r.sections[0].children[0].uid,
        r.sections[1].uid,
        r.sections[2].children[0].children[0].uid,
    ]


def test_the_span_covers_the_placeholder_in_the_typed_text():
    r = doc("全年受理{{a}}，办结{{b}}。", figures=(fig("a", "受理", 3), fig("b", "办结", None)))
    (finding,) = _run("figures.missing", r)
    text = r.sections[0].children[0].blocks[0].text
    assert text[finding.span[0] : finding.span[1]] == "{{b}}"
    assert "【待填：办结】" in finding.excerpt
    (comma,) = _run("writing.halfwidth", doc("受理{{a}},办结。", figures=(fig("a", "受理", 3),)))
    assert comma.span == (7, 8)


def test_the_word_list_is_an_argument_and_each_entry_has_a_note():
    assert _run("writing.words", doc("其它工作。")) != []
    assert check_report(doc("其它工作。"), today=TODAY, rules=["writing.words"]) == []
    assert all(w.note for w in WORDS)
    assert {w.wrong for w in WORDS} >= {"截止", "其它", "群体性时间"}


@pytest.mark.parametrize(
    "section, message",
    [
        (Section(""), "这一章节没有标题也没有正文。"),
        (Section("", numbered=False), "这一章节没有标题也没有正文。"),
        (Section("", blocks=[Paragraph("正文。")]), "章节标题为空。"),
        (Section("工作情况"), "这一章节没有正文内容，生成的文档中只有标题。"),
    ],
)
def test_an_empty_section_is_one_finding(section, message):
    assert [f.message for f in _run("structure.empty", with_sections(section))] == [message]


def _typed(report: Report, finding) -> str:
    """The typed text a finding's span selects."""
    section = report.find(finding.section_uid) if finding.section_uid else None
    if finding.field == "heading":
        raw = section.heading
    else:
        block = (section.blocks if section else report.intro)[finding.field]
        raw = block.text if isinstance(block, Paragraph) else block.items[finding.item]
    return raw[finding.span[0] : finding.span[1]]


@pytest.mark.parametrize(
    "rule, n, where, typed, severity",
    [
        ("documents.title", 0, "一、（一）", "《法治政府建设实施纲要（2022—2025年）》", "error"),
        ("documents.title", 1, "一、（一）", "《党政主要负责人履行法治建设第一责任人职责规定》", "warning"),
        ("documents.title", 2, "一、（一）", "《法治政府建设与责任落实督查工作规定》", "warning"),
        ("numbers.announced", 0, "一、（一）", "4类", "warning"),
        ("numbers.announced", 1, "一、（一）", "3个方面", "warning"),
        ("numbers.announced", 2, "一、（一）", "两项", "warning"),
        ("years.work_heading", 0, "一、", "2023", "error"),
        ("years.work_heading", 1, "一、", "2022", "error"),
        ("years.work_heading", 2, "一、", "2025", "error"),
        ("years.consecutive", 0, "一、（一）", "2022年和2024年连续两年", "error"),
        ("years.consecutive", 1, "一、（一）", "2022年、2023年、2024年连续两年", "error"),
        ("years.consecutive", 2, "一、（一）", "2021—2024年连续三年", "error"),
        ("years.after_date", 0, "一、（一）", "2025年1月31日", "warning"),
        ("years.after_date", 1, "一、（一）", "2025年2月3日", "warning"),
        ("years.after_date", 2, "开头段落", "2025年1月15日", "warning"),
        ("writing.incomplete", 0, "一、（一）", "满意", "warning"),
        ("writing.incomplete", 1, "一、（一）", "知晓", "warning"),
        ("writing.incomplete", 2, "一、（一）", "覆盖", "warning"),
        ("numbers.pair", 4, "一、（一）", "{{b}}", "error"),
        ("numbers.pair", 5, "一、（一）", "15件", "error"),
        ("numbers.pair", 6, "一、（一）", "23处", "error"),
    ],
)
def test_document_checks_point_at_their_place(rule, n, where, typed, severity):
    report = CASES[rule][0][n]
    (finding,) = _run(rule, report)
    assert (finding.where, finding.severity) == (where, severity)
    assert _typed(report, finding) == typed
    assert finding.suggestion


def test_the_document_checks_suggest_the_right_word():
    (title,) = _run("documents.title", CASES["documents.title"][0][0])
    assert title.suggestion == "改为《法治政府建设实施纲要（2021—2025年）》"
    (ending,) = _run("writing.incomplete", CASES["writing.incomplete"][0][0])
    assert ending.suggestion == "改为“满意度”"
    (count,) = _run("numbers.announced", CASES["numbers.announced"][0][0])
    assert "后面列出的是3类" in count.message


def test_the_document_list_is_an_argument():
    report = CASES["documents.title"][0][0]
    assert check_report(report, today=TODAY, rules=["documents.title"]) == []


#: Sentences in the style towns publish (our own wording) that the document checks must leave alone.
CLEAN_SENTENCES = [
    "严格落实《中华人民共和国行政处罚法（2021年修订）》和《行政复议法实施条例》。",
    "深入学习《中华人民共和国宪法》《中华人民共和国民法典》《中华人民共和国行政强制法》。",
    "对照《法治政府建设实施纲要(2021-2025年)》和《法治社会建设实施纲要》制定方案。",
    "印发《关于开展法治宣传教育的第八个五年规划（2021—2025年）》实施方案。",
    "落实《中共中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）》。",
    "建立三项制度：重大决策合法性审查、法律顾问制度和公职律师制度。",
    "健全“三张清单”：权责清单、负面清单和公共服务事项清单。",
    "聚焦4个重点：一是营商环境；二是基层执法；三是矛盾化解；四是普法宣传。",
    "开展专项行动两次：一次在春节前，一次在国庆前。",
    "重点围绕以下几个方面：制度建设、执法监督。",
    "全镇共有村（社区）12个：其中行政村10个、社区2个。",
    "我镇自2022年起连续三年被评为平安乡镇。",
    "2023年、2024年连续两年获评法治建设先进单位。",
    "连续两年未发生行政败诉案件。",
    "2024年1月1日起施行的新规定已组织学习。",
    "计划于2025年3月31日前完成全部整改。",
    "让群众满意。",
    "努力办好群众满意。",
    "村级法律顾问实现全覆盖。",
    "赢得了群众的满意。",
    "离不开群众的参与。",
    "群众对法治建设的满意度和知晓率不断提高。",
    "全年受理行政复议案件12件，其中办结10件。",
    "排查矛盾纠纷132起，调解成功128起。",
    "受理群众来信来访45件，已办结45件，办结率100%。",
    "检查企业20家，发现问题35个，已整改30个。",
    "全年受理投诉8件；上年结转办结3件。",
]
DOCUMENT_RULES = [
    "documents.title",
    "numbers.announced",
    "numbers.pair",
    "years.after_date",
    "years.consecutive",
    "years.work_heading",
    "writing.incomplete",
]


@pytest.mark.parametrize("text", CLEAN_SENTENCES)
def test_the_document_checks_leave_published_style_sentences_alone(text):
    report = with_sections(
        Section("2024年法治政府建设基本情况", children=[Section("甲。", run_in=True, blocks=[Paragraph(text)])])
    )
    assert check_report(report, today=TODAY, documents=DOCUMENTS, rules=DOCUMENT_RULES) == []
