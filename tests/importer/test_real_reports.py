"""Issue 16: real reports imported right, each class with cases that must be handled and
near-misses that must not, through `hxdesk import` (a real database file) and a typed .docx."""

from __future__ import annotations

import pytest

from .cases import FORMS, TYPED_FORMS, body_texts, cli_import, figure, headings, rendered

HEAD = "=梅岭县石门镇2024年度法治政府建设情况报告\n"
TAIL = "\n>梅岭县石门镇人民政府\n>2025年1月12日"


def report_of(body: str) -> str:
    return HEAD + body + TAIL


# ------------------------------------------------------------ 1. addressee or opening sentence

OPENING_SENTENCES = [
    "根据区委依法治区办的通知要求，现将我镇有关情况报告如下：",
    "现将本年度法治政府建设工作情况汇报如下：",
    "按照县委统一部署，结合工作实际，现报告如下：",
]
ADDRESSEES = [
    "梅岭县委、县政府：",
    "县委依法治县办：",
    "梅岭县司法局、县依法治县委员会办公室：",
    "各村（社区）、镇属各单位：",
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("sentence", OPENING_SENTENCES)
def test_an_opening_sentence_ending_with_a_colon_is_body_text(tmp_path, form, sentence):
    report, notes = cli_import(tmp_path, report_of(f"{sentence}\n一、主要工作\n全年工作有序推进。"), form)
    assert report.addressee == ""
    assert report.intro and body_texts(report)[0] == sentence
    assert any("不是主送机关" in n for n in notes)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("line", ADDRESSEES)
def test_a_line_of_bodies_is_the_addressee(tmp_path, form, line):
    report, notes = cli_import(tmp_path, report_of(f"{line}\n一、主要工作\n全年工作有序推进。"), form)
    assert report.addressee == line[:-1]
    assert rendered(report)[2] == line
    assert not any("主送机关" in n for n in notes)


# ------------------------------------------------------------ 2 (partly). 发文字号 is never a heading


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("number", ["梅府发〔2025〕3号", "石政文[2025]12号", "梅司〔2024〕7号"])
def test_a_document_number_line_is_never_a_heading(tmp_path, form, number):
    """It is the report's 发文字号 (issue 15), never a heading nor body text; written 〔〕 as the standard does."""
    case = f"=梅岭县石门镇人民政府\n=2024年度法治政府建设情况报告\n{number}\n一、主要工作\n全年工作有序推进。" + TAIL
    report, notes = cli_import(tmp_path, case, form)
    assert number not in [h for _, h in headings(report)]
    assert number not in body_texts(report)
    assert report.official.doc_number_text() == number.replace("[", "〔").replace("]", "〕")
    assert report.title == "{{year}}年度法治政府建设情况报告"


# ------------------------------------------------------------ 3. title split and breaks

SPLIT_TITLES = [
    ("梅岭县司法局2024年度法治政府建设工作情况报告", ["梅岭县司法局"], "{{year}}年度法治政府建设工作情况报告"),
    (
        "云溪县石门镇人民政府关于2024年法治政府建设情况的报告",
        ["云溪县石门镇人民政府"],
        "关于{{year}}年法治政府建设情况的报告",
    ),
    (
        "梅岭县司法局、石桥镇人民政府关于2024年度法治政府建设情况的联合报告",
        ["梅岭县司法局、石桥镇人民政府"],
        "关于{{year}}年度法治政府建设情况的联合报告",
    ),
]


def _shape_ok(lengths: list[int]) -> bool:
    """GB/T 9704 7.3.1 as the test reads it: not a rectangle, not an hourglass."""
    if len(lengths) >= 2 and len(set(lengths)) == 1:
        return False
    return not (len(lengths) == 3 and lengths[1] < lengths[0] and lengths[1] < lengths[2])


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("title", "issuers", "proper"), SPLIT_TITLES)
def test_a_long_one_line_title_splits_after_the_full_name(tmp_path, form, title, issuers, proper):
    report, notes = cli_import(tmp_path, f"={title}\n全年工作有序推进。" + TAIL, form)
    assert (report.issuers, report.title) == (issuers, proper)
    assert any(n.startswith("标题：") and "拆为" in n for n in notes)
    lines = rendered(report)
    title_lines = lines[: next(i for i, t in enumerate(lines) if t == "全年工作有序推进。")]
    assert "".join(title_lines) == title
    assert title_lines[0] == issuers[0]  # the name whole on its own line
    for line in title_lines:
        assert not line.endswith("关于") and len(line) <= 20
    assert _shape_ok([len(x) for x in title_lines[1:]])


KEPT_TITLES = [
    "=2024年度法治政府建设情况报告",  # fits one line
    "=石门镇2024年法治工作报告",  # fits, even with a name in it
    "=云溪县石门镇人民政府\n=关于2024年度法治政府建设情况的报告",  # two lines as the author set them
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("title", KEPT_TITLES)
def test_a_title_that_fits_or_is_already_broken_stays_as_set(tmp_path, form, title):
    report, notes = cli_import(tmp_path, f"{title}\n全年工作有序推进。" + TAIL, form)
    typed = [x[1:] for x in title.splitlines()]
    assert rendered(report)[: len(typed)] == typed
    assert not any("拆为" in n for n in notes)


@pytest.mark.parametrize(
    "title",
    [
        "关于进一步深化基层法治政府建设推动依法行政工作情况的报告",
        "梅岭县石门镇人民政府关于2024年度法治政府建设工作情况的报告",
        "关于梅岭县石门镇2024年度法治政府建设和依法行政工作推进情况的报告",
        "中共梅岭县石门镇委员会梅岭县石门镇人民政府关于2024年度法治政府建设情况的报告",
        "云溪县司法局2023年度法治政府建设工作情况报告及2024年工作打算",
    ],
)
def test_the_renderer_breaks_a_long_title_where_the_meaning_allows(title):
    from hxdesk.model import Report
    from hxdesk.render.title import break_title

    lines = break_title(title, 20)
    assert "".join(lines) == title and all(len(x) <= 20 for x in lines)
    assert not any(x.endswith("关于") for x in lines[:-1])
    assert not any(x.endswith(("县", "石门镇", "梅岭县石门", "人民政")) for x in lines[:-1])
    assert not any(x.startswith(("度", "司法局", "人民政府", "府")) for x in lines[1:])
    if title.startswith("梅岭县石门镇人民政府关于"):  # one issuer's full name ends the first line, or 关于 opens one
        assert any(x.endswith("人民政府") for x in lines) or any(x.startswith("关于") for x in lines)
    assert _shape_ok([len(x) for x in lines])
    assert Report  # the renderer uses the same rules
    from hxdesk import titlebreak

    assert break_title is titlebreak.break_title


# ------------------------------------------------------------ 4. a repeated 一、


REPEATS = [
    (
        "一、主要工作\n全年工作有序推进。\n一、存在问题\n宣传不够深入。\n二、下一步打算\n继续努力。",
        ["主要工作", "存在问题", "下一步打算"],
    ),
    (
        "一、主要工作\n（一）健全制度\n修订议事规则。\n（二）规范执法\n开展执法检查。\n一、存在问题\n力量薄弱。",
        ["主要工作", "健全制度", "规范执法", "存在问题"],
    ),
    (
        "一、主要工作\n（一）健全制度\n修订议事规则。\n（一）规范执法\n开展执法检查。",
        ["主要工作", "健全制度", "规范执法"],
    ),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("body", "expected"), REPEATS)
def test_a_repeated_label_is_the_next_sibling(tmp_path, form, body, expected):
    report, notes = cli_import(tmp_path, report_of(body), form)
    assert [h for _, h in headings(report)] == expected
    assert any("重复" in n and "请核对" in n for n in notes)
    text = rendered(report)
    assert "二、存在问题" in text or "（二）规范执法" in text


NOT_REPEATS = [
    ("一、主要工作\n全年工作有序推进。\n三、下一步打算\n继续努力。", "三、下一步打算"),
    ("一、主要工作\n一、二、三级网格员培训不足，需要加强。", "一、二、三级网格员培训不足，需要加强。"),
    ("一、主要工作\n做法一。\n二、存在问题\n不足一。\n一、下一步打算", "一、下一步打算"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("body", "kept"), NOT_REPEATS)
def test_a_label_that_repeats_nothing_stays_text(tmp_path, form, body, kept):
    report, notes = cli_import(tmp_path, report_of(body), form)
    assert kept in body_texts(report)
    assert not any("重复" in n for n in notes)
    assert any("不接续上文" in n for n in notes)


# ------------------------------------------------------------ 5. label slips

SLIPS = [
    ("一、主要工作\n一）健全制度\n修订议事规则。", "一）", "（一）", "（一）健全制度"),
    ("一、主要工作\n（一)健全制度\n修订议事规则。", "（一)", "（一）", "（一）健全制度"),
    ("一、主要工作\n（一）健全制度\n1、修订议事规则\n按期完成。", "1、", "1.", "1.修订议事规则"),
    ("一、主要工作\n（一）健全制度\n1．修订议事规则\n按期完成。", "1．", "1.", "1.修订议事规则"),
    ("一.主要工作\n全年工作有序推进。", "一.", "一、", "一、主要工作"),
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize(("body", "typed", "repaired", "line"), SLIPS)
def test_label_slips_are_repaired_with_a_note(tmp_path, form, body, typed, repaired, line):
    report, notes = cli_import(tmp_path, report_of(body), form)
    assert line in rendered(report)
    assert any(f"编号“{typed}”改为“{repaired}”" in n for n in notes), notes


NOT_SLIPS = [
    "一、主要工作\n3.5万元专项经费已拨付到位。",
    "一、主要工作\n12、13日开展集中培训。",
    "一、主要工作\n（一）健全制度\n修订议事规则。",
]


@pytest.mark.parametrize("form", TYPED_FORMS)
@pytest.mark.parametrize("body", NOT_SLIPS)
def test_text_that_only_looks_like_a_label_is_not_repaired(tmp_path, form, body):
    report, notes = cli_import(tmp_path, report_of(body), form)
    assert body.splitlines()[-1] in rendered(report)
    assert not any("编号“" in n for n in notes)


# ------------------------------------------------------------ 6. numbers that are not yearly statistics


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    "sentence",
    ["每年开展1次法律知识考试。", "每月1次集中学法，每季度2次专题研讨。", "第3次党委会议审议通过，1季度完成自查。"],
)
def test_frequencies_and_ordinals_stay_text(tmp_path, form, sentence):
    report, _ = cli_import(tmp_path, report_of(f"一、主要工作\n{sentence}"), form)
    assert sentence in body_texts(report)
    assert report.figures == {}


@pytest.mark.parametrize("form", FORMS)
def test_standing_counts_become_standing_figures(tmp_path, form):
    body = "一、主要工作\n镇综合执法队1个，执法人员6人，聘请法律顾问1名，全年开展普法活动12次。"
    report, _ = cli_import(tmp_path, report_of(body), form)
    kinds = {f.label: (f.value, f.kind) for f in report.figures.values()}
    assert kinds["镇综合执法队"][1] == "standing"
    assert kinds["执法人员"][1] == "standing"
    assert kinds["聘请法律顾问"][1] == "standing"
    assert kinds["开展普法活动"][1] == "yearly"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("全年开展普法活动12次。", "开展普法活动"),
        ("每年都有新变化，全年组织培训3次。", "组织培训"),
        ("受理来信来访15件。", "受理来信来访"),
    ],
)
def test_yearly_counts_stay_yearly_figures(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(f"一、主要工作\n{sentence}"), form)
    assert figure(report, label).kind == "yearly"


# ------------------------------------------------------------ 7. derived rates

RATES = [
    ("共受理来信来访12件，办结12件，办结率100%。", "办结率", "办结来信来访", "受理来信来访", "100%"),
    ("排查矛盾纠纷50起，调解成功48起，调解成功率96%。", "调解成功率", "调解成功矛盾纠纷", "排查矛盾纠纷", "96%"),
    ("受理行政复议申请8件，办结6件，办结率75%。", "办结率", "办结行政复议申请", "受理行政复议申请", "75%"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("sentence", "rate", "num", "den", "typed"), RATES)
def test_a_rate_that_fits_two_figures_is_derived(tmp_path, form, sentence, rate, num, den, typed):
    report, notes = cli_import(tmp_path, report_of(f"一、主要工作\n{sentence}"), form)
    r, n, d = figure(report, rate), figure(report, num), figure(report, den)
    assert r.formula == f"{n.key} / {d.key} * 100"
    assert sentence in rendered(report)  # computed back to the typed value
    assert any("自动计算" in x and x.startswith("一、") for x in notes)
    d.value = d.value + 4  # 受理 changes: the rate follows
    assert typed not in "".join(rendered(report))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    "body",
    [
        "一、主要工作\n共受理来信来访12件，办结12件，办结率95%。",  # the arithmetic does not fit
        "一、主要工作\n组织干部法律知识考试，通过率100%。",  # nothing to compute it from
        "一、主要工作\n共受理来信来访12件，办结12件。\n全年办结率100%。",  # another paragraph
    ],
)
def test_a_rate_that_does_not_fit_stays_a_number(tmp_path, form, body):
    report, notes = cli_import(tmp_path, report_of(body), form)
    rate = next(f for f in report.figures.values() if f.unit == "%")
    assert rate.formula == "" and rate.value is not None
    assert not any("自动计算" in x for x in notes)


# ------------------------------------------------------------ 8. names from context


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("共受理来信来访12件，办结11件。", "办结来信来访"),
        ("排查一般安全隐患62个，已整治60个。", "已整治一般安全隐患"),
        ("重大安全隐患3项，已整改3项。", "已整改重大安全隐患"),
    ],
)
def test_a_bare_result_is_named_after_the_figure_before_it(tmp_path, form, sentence, label):
    report, _ = cli_import(tmp_path, report_of(f"一、主要工作\n{sentence}"), form)
    figure(report, label)


@pytest.mark.parametrize("form", FORMS)
def test_names_are_unique_in_the_report(tmp_path, form):
    body = "一、主要工作\n受理来信来访12件。\n二、存在问题\n受理来信来访5件。"
    report, _ = cli_import(tmp_path, report_of(body), form)
    labels = [f.label for f in report.figures.values()]
    assert labels == ["受理来信来访", "受理来信来访（2）"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("body", "label"),
    [
        ("一、主要工作\n受理来信来访12件。办结11件。", "办结"),  # another sentence
        ("一、主要工作\n受理来信来访12件，开展培训3次。", "开展培训"),  # a label of its own
        ("一、主要工作\n聘请法律顾问1名，执法人员6人。", "执法人员"),
    ],
)
def test_a_label_of_its_own_is_kept(tmp_path, form, body, label):
    report, _ = cli_import(tmp_path, report_of(body), form)
    figure(report, label)


# ------------------------------------------------------------ 9. notes with places


@pytest.mark.parametrize("form", TYPED_FORMS)
def test_notes_name_the_place_of_every_change(tmp_path, form):
    body = (
        "根据县委要求，现将有关情况报告如下:\n"
        "一、主要工作\n"
        "（一）健全制度\n"
        "修订议事规则,按期完成.\n"
        "1、规范执法\n"
        "开展执法检查。\n"
        "一、存在问题\n"
        "四、其他"
    )
    report, notes = cli_import(tmp_path, report_of(body), form)
    assert "正文开头第1段：1 个半角标点改为全角。" in notes
    assert "一、（一）第1段：1 个半角标点改为全角。" in notes
    assert "一、（一）1.标题：编号“1、”改为“1.”。" in notes
    assert any(n.startswith("二、标题：编号“一、”与上一个同级标题重复") for n in notes)
    assert "二、第1段：段落以编号开头，但编号不接续上文，已作为正文原样保留，请核对。" in notes
