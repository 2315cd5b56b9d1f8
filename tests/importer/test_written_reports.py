"""Issue 30: reports imported as towns write them: figure labels, compound units and measure
words, standing headcounts, two bodies on one addressee line, two issuers on one line, the year
when there is no title, a proposed title.  Each class has cases of this project's own wording and
near-misses, through `hxdesk import` (a real database file) on a .txt and a typed .docx."""

from __future__ import annotations

import pytest

from .cases import TYPED_FORMS, body_texts, cli_import, figure, rendered

HEAD = "=梅岭县石门镇2024年度法治政府建设情况报告\n"
TAIL = "\n>梅岭县石门镇人民政府\n>2025年1月12日"


def report_of(body: str) -> str:
    return HEAD + "一、主要工作\n" + body + TAIL


def labelled(report) -> dict[str, tuple[str, str]]:
    """label → (value as typed, unit) of every figure."""
    return {f.label: (str(f.value), f.unit) for f in report.figures.values()}


# ------------------------------------------------------------ 1. figure labels

LABELS = [
    ("办理企业诉求截至10月共165条。", {"办理企业诉求": ("165", "条")}),
    ("全乡3名执法人员全部取得行政执法证。", {"执法人员": ("3", "名")}),
    ("发放宣传材料400余份法律顾问进村宣讲2次。", {"发放宣传材料": ("400", "份"), "法律顾问进村宣讲": ("2", "次")}),
    ("全镇共有综合行政执法队1支。", {"综合行政执法队": ("1", "支")}),
    ("今年1-9月，累计化解矛盾纠纷86起。", {"化解矛盾纠纷": ("86", "起")}),
    ("石门镇全年开展法治讲座15场。", {"开展法治讲座": ("15", "场")}),
    ("第3次党委会议审议重大事项5项。", {"党委会议审议重大事项": ("5", "项")}),
    ("石门镇2024年联合执法行动13次。", {"联合执法行动": ("13", "次")}),
    ("组织集中学法不少于6次。", {"组织集中学法": ("6", "次")}),
    ("群众办事平均跑动次数降至0.3次。", {"群众办事平均跑动次数": ("0.3", "次")}),
    ("全乡9个村全部配备法律顾问。", {"村数": ("9", "个")}),
    ("组织全镇85名村（社区）干部参加法治培训。", {"组织村（社区）干部": ("85", "名")}),
    ("全年度共办理行政许可事项120件。", {"办理行政许可事项": ("120", "件")}),
    ("受理法律援助申请截止9月底共30件。", {"受理法律援助申请": ("30", "件")}),  # 截止 as often typed
    (
        "受理投诉12件，依据《安全生产法》处罚违法行为3起。",  # a document's name between two figures
        {"受理投诉": ("12", "件"), "处罚违法行为": ("3", "起")},
    ),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "expected"), LABELS)
def test_a_figure_is_named_by_what_it_counts(tmp_path, form, sentence, expected):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert labelled(report) == expected
    assert sentence in rendered(report)  # word for word


NOT_STRIPPED = [
    ("有效化解矛盾纠纷20起。", "有效化解矛盾纠纷"),  # 有 begins a word here
    ("及时回应群众诉求35件。", "及时回应群众诉求"),
    ("镇综合执法队1个。", "镇综合执法队"),  # 镇 alone is not the place
    ("年轻干部参加法治培训40人次。", "年轻干部参加法治培训"),  # 年 of 年轻 is no time word
    ("查处违法行为31起。", "查处违法行为"),  # 为 ends 行为
    ("共达成调解协议52份。", "达成调解协议"),  # 达 begins 达成
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label"), NOT_STRIPPED)
def test_words_that_only_look_like_filler_stay_in_the_label(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert [f.label for f in report.figures.values()] == [label]


SHARED = [
    ("优化法律服务事项8类、18项。", ["优化法律服务事项（类）", "优化法律服务事项（项）"]),
    ("开展专项整治行动4类、11次。", ["开展专项整治行动（类）", "开展专项整治行动（次）"]),
    ("清理规范性文件6批、41件。", ["清理规范性文件（批）", "清理规范性文件（件）"]),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "labels"), SHARED)
def test_two_figures_sharing_a_phrase_get_their_own_labels(tmp_path, form, sentence, labels):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert [f.label for f in report.figures.values()] == labels
    assert sentence in rendered(report)


OWN_PHRASES = [
    ("审查规范性文件5件、行政合同12份。", ["审查规范性文件", "行政合同"]),
    ("受理来信8件、来访12批。", ["受理来信", "来访"]),
    ("开展法治讲座6场、发放资料300份。", ["开展法治讲座", "发放资料"]),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "labels"), OWN_PHRASES)
def test_figures_joined_by_a_comma_of_enumeration_keep_their_own_phrases(tmp_path, form, sentence, labels):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert [f.label for f in report.figures.values()] == labels


# ------------------------------------------------------------ 2. compound units, measure words

COMPOUND = [
    ("开展法治讲座20场次。", "开展法治讲座", "20", "场次", ""),
    ("受理群众诉求35件次。", "受理群众诉求", "35", "件次", ""),
    ("走访困难群众300户次。", "走访困难群众", "300", "户次", ""),
    ("服务群众1200余人次。", "服务群众", "1200", "人次", "余"),
    ("培训执法骨干16期次。", "培训执法骨干", "16", "期次", ""),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label", "value", "unit", "qualifier"), COMPOUND)
def test_a_compound_unit_stays_whole(tmp_path, form, sentence, label, value, unit, qualifier):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    fig = figure(report, label)
    assert (str(fig.value), fig.unit, fig.qualifier) == (value, unit, qualifier)
    assert not any("}}次" in t for t in body_texts(report))
    assert sentence in rendered(report)


SINGLE_UNITS = [
    ("召开专题会议3场，次日印发纪要。", "召开专题会议", "场"),
    ("受理行政复议案件7件，次数较上年减少。", "受理行政复议案件", "件"),
    ("开展联合巡查12次。", "开展联合巡查", "次"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label", "unit"), SINGLE_UNITS)
def test_a_unit_followed_by_other_words_is_not_lengthened(tmp_path, form, sentence, label, unit):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert figure(report, label).unit == unit
    assert sentence in rendered(report)


MEASURE_WORDS = [
    ("全镇29位经济楼长参与矛盾调处。", "经济楼长", "29", "位"),
    ("配备12名专职网格员。", "配备专职网格员", "12", "名"),
    ("聘请3位法律顾问。", "聘请法律顾问", "3", "位"),
    ("全镇有14个村民调解委员会。", "村民调解委员会", "14", "个"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label", "value", "unit"), MEASURE_WORDS)
def test_a_measure_word_before_its_noun_makes_a_figure_named_by_the_noun(tmp_path, form, sentence, label, value, unit):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    fig = figure(report, label)
    assert (str(fig.value), fig.unit) == (value, unit)
    assert sentence in rendered(report)


NOT_COUNTS = [
    "全镇法治考核位列全县第2位。",  # an ordinal
    "第1名由综合执法队获得。",
    "执法人员持证率在全县排第3位。",
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_an_ordinal_with_a_measure_word_stays_text(tmp_path, form, sentence):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert report.figures == {}
    assert sentence in body_texts(report)


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("执法人员6人全部持证上岗。", "执法人员"),  # the noun before: nothing after is taken
        ("发放宣传材料400余份法律顾问进村宣讲2次。", "发放宣传材料"),  # the words after belong to the next figure
        ("组织学法考试3场，参考率100%。", "组织学法考试"),
    ],
)
def test_a_label_before_the_number_is_not_lengthened_by_the_words_after(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert next(iter(report.figures.values())).label == label


# ------------------------------------------------------------ 3. standing headcounts

STANDING = [
    ("全乡3名执法人员全部取得行政执法证。", "执法人员"),
    ("配备12名专职网格员。", "配备专职网格员"),
    ("全镇共有综合行政执法队1支。", "综合行政执法队"),
    ("全镇29位经济楼长参与矛盾调处。", "经济楼长"),
    ("聘请法律顾问2名。", "聘请法律顾问"),
    ("聘请行政执法监督员10名。", "聘请行政执法监督员"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label"), STANDING)
def test_a_headcount_of_a_standing_body_is_standing(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert figure(report, label).kind == "standing"


YEARLY = [
    ("培训执法人员30人。", "培训执法人员"),
    ("执法人员参加培训45人次。", "执法人员参加培训"),
    ("新增人民调解员5名。", "新增人民调解员"),
    ("走访法律顾问服务对象20人。", "走访法律顾问服务对象"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("sentence", "label"), YEARLY)
def test_what_was_done_with_standing_staff_in_the_year_is_yearly(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(sentence), form)
    assert figure(report, label).kind == "yearly"


# ------------------------------------------------------------ 4. addressee lines


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(
    "line",
    [
        "中共梅岭县委员会，梅岭县人民政府：",
        "县委依法治县办，县司法局：",
        "梅岭县人民政府、梅岭县司法局，各村（社区）：",
    ],
)
def test_bodies_joined_by_a_comma_are_the_addressee(tmp_path, form, line):
    report, notes = cli_import(tmp_path, HEAD + line + "\n一、主要工作\n全年工作有序推进。" + TAIL, form)
    assert report.addressee == line[:-1]
    assert line in rendered(report)
    assert not any("主送机关" in n for n in notes)


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(
    "line",
    [
        "按照县委，县政府部署，现将情况报告如下：",
        "根据县委依法治县办，县司法局通知：",
        "现将有关情况报告如下，请审阅：",
    ],
)
def test_a_sentence_with_a_comma_is_not_the_addressee(tmp_path, form, line):
    report, _ = cli_import(tmp_path, HEAD + line + "\n一、主要工作\n全年工作有序推进。" + TAIL, form)
    assert report.addressee == ""
    assert body_texts(report)[0] == line


# ------------------------------------------------------------ 5. two issuers on one line

TWO_ON_A_LINE = [
    ("中共石门镇委员会 石门镇人民政府", ["中共石门镇委员会", "石门镇人民政府"]),
    ("中共石门镇委员会\u3000\u3000石门镇人民政府", ["中共石门镇委员会", "石门镇人民政府"]),
    ("梅岭县司法局   梅岭县石门镇人民政府", ["梅岭县司法局", "梅岭县石门镇人民政府"]),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("line", "names"), TWO_ON_A_LINE)
def test_two_names_parted_by_spaces_are_two_issuers(tmp_path, form, line, names):
    case = f"={line}\n=关于2024年度法治政府建设情况的报告\n一、主要工作\n全年工作有序推进。\n>{line}\n>2025年1月12日"
    report, _ = cli_import(tmp_path, case, form)
    assert report.issuers == names
    assert report.signatures == names
    assert report.title == "关于{{year}}年度法治政府建设情况的报告"


ONE_ON_A_LINE = [
    ("石 门 镇 人 民 政 府", "石门镇人民政府"),  # set with spaces inside
    ("石门镇 人民政府", "石门镇人民政府"),  # a space before its suffix
    ("梅岭县 石门镇人民政府", "梅岭县石门镇人民政府"),  # the county is no body
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("line", "name"), ONE_ON_A_LINE)
def test_one_name_with_spaces_in_it_is_one_issuer(tmp_path, form, line, name):
    case = f"={line}\n=关于2024年度法治政府建设情况的报告\n一、主要工作\n全年工作有序推进。\n>{line}\n>2025年1月12日"
    report, _ = cli_import(tmp_path, case, form)
    assert report.issuers == [name]
    assert report.signatures == [name]


# ------------------------------------------------------------ 6. the year, 7. a proposed title

NO_TITLE_YEARS = [
    ("现将我镇2024年法治建设工作情况及2025年度工作思路总结如下：", "2025年2月3日", 2024),
    ("石门镇2023年度依法行政工作开展情况及2024年度工作计划报告如下：", "2024年2月3日", 2023),
    ("过去一年，石门镇坚持依法行政。2025年度，我镇将继续推进法治建设。", "2025年1月8日", 2024),
    ("过去的一年，石门镇扎实推进法治建设。2024年度重点工作已完成。", "2024年12月28日", 2024),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("opening", "date", "year"), NO_TITLE_YEARS)
def test_without_a_title_the_year_is_the_one_reported_on(tmp_path, form, opening, date, year):
    case = f"{opening}\n一、主要工作\n全年工作有序推进。\n>梅岭县石门镇人民政府\n>{date}"
    report, _ = cli_import(tmp_path, case, form)
    assert report.year == year


TITLE_YEARS = [
    ("=梅岭县石门镇2023年度法治政府建设情况报告", "2024年工作打算已经镇党委会议研究。", 2023),
    ("=关于2024年法治政府建设情况和2025年工作安排的报告", "2025年度工作思路已明确。", 2024),
    ("=2022年度法治政府建设情况报告", "2023年度重点工作已谋划。", 2022),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("title", "body", "year"), TITLE_YEARS)
def test_the_title_names_the_year_before_anything_in_the_body(tmp_path, form, title, body, year):
    report, _ = cli_import(tmp_path, f"{title}\n一、主要工作\n{body}" + TAIL, form)
    assert report.year == year


PROPOSED = [
    (
        "2024年，石门镇坚持依法行政。\n一、主要工作\n全年工作有序推进。\n>梅岭县石门镇人民政府\n>2025年1月12日",
        ["梅岭县石门镇人民政府"],
        "关于{{year}}年度法治政府建设情况的报告",
        "梅岭县石门镇人民政府关于2024年度法治政府建设情况的报告",
    ),
    (
        "2024年，大马营镇坚持以习近平法治思想为指导。\n一、主要工作\n全年工作有序推进。",
        [],
        "大马营镇{{year}}年度法治政府建设情况报告",
        "大马营镇2024年度法治政府建设情况报告",
    ),
    (
        "今年以来，白沙街道办事处扎实推进法治建设。\n一、主要工作\n全年工作有序推进。\n>2024年12月20日",
        ["白沙街道办事处"],
        "关于{{year}}年度法治政府建设情况的报告",
        "白沙街道办事处关于2024年度法治政府建设情况的报告",
    ),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("case", "issuers", "title", "shown"), PROPOSED)
def test_a_report_without_a_title_gets_one_proposed_in_the_notes(tmp_path, form, case, issuers, title, shown):
    report, notes = cli_import(tmp_path, case, form)
    assert (report.issuers, report.title) == (issuers, title)
    assert f"标题：原文没有标题，已按发文机关和年度拟定标题“{shown}”，请核对。" in notes
    assert "".join(rendered(report)[: len(issuers) + 2]).startswith(shown[:12])


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(
    ("case", "title"),
    [
        (HEAD + "一、主要工作\n全年工作有序推进。" + TAIL, "梅岭县石门镇{{year}}年度法治政府建设情况报告"),
        ("=2024年度法治政府建设情况报告\n一、主要工作\n全年工作有序推进。" + TAIL, "{{year}}年度法治政府建设情况报告"),
        (
            "=中共石门镇委员会 石门镇人民政府\n=2024年度法治工作报告\n一、主要工作\n全年工作有序推进。",
            "{{year}}年度法治工作报告",
        ),
    ],
)
def test_a_report_with_a_title_keeps_it(tmp_path, form, case, title):
    report, notes = cli_import(tmp_path, case, form)
    assert report.title == title
    assert not any("拟定标题" in n for n in notes)


@pytest.mark.parametrize("form", TYPED_FORMS)
def test_an_opening_naming_no_body_gives_a_title_of_the_year_only(tmp_path, form):
    report, notes = cli_import(tmp_path, "2024年，我镇坚持依法行政。\n一、主要工作\n全年工作有序推进。", form)
    assert (report.issuers, report.title) == ([], "{{year}}年度法治政府建设情况报告")
    assert any("拟定标题“2024年度法治政府建设情况报告”" in n for n in notes)
