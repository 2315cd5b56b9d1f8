"""Import → render gives back the (normalised) input word for word, with headings at the right level."""

from __future__ import annotations

import docx
import pytest
from support import SEED_COPY, custom_report

from hxdesk import services
from hxdesk.importer import import_file
from hxdesk.importer.normalise import normalise
from hxdesk.render import paragraph_texts, render_document
from hxdesk.styleids import STYLE_NAMES

from .typed import CORPUS, docx_texts, markup_text, non_empty, rendered_texts, sample_markup, shape, typed_docx

TEXT_CORPUS = sorted(p for p in CORPUS.glob("*.txt") if not p.name.endswith((".expected.txt", ".typed.txt")))
TYPED_CORPUS = sorted(CORPUS.glob("*.typed.txt"))


def expected_lines(path) -> list[str]:
    """What a careful editor makes of the file: its .expected.txt if it has one, else the file itself."""
    expected = path.with_name(path.stem + ".expected.txt")
    if expected.exists():
        return non_empty(expected.read_text(encoding="utf-8").splitlines())
    raw = path.read_bytes()
    text = raw.decode("gbk") if path.name.startswith("gbk") else raw.decode("utf-8")
    return non_empty(text.splitlines())


def seed_normalised() -> list[str]:
    return non_empty([normalise(line) for line in SEED_COPY.read_text(encoding="utf-8").splitlines()])


# ------------------------------------------------------------------ the sample


def test_sample_txt_renders_back_word_for_word(tmp_path, seed, sample):
    report = import_file(SEED_COPY).report
    assert rendered_texts(report, tmp_path) == seed
    # The same structure as the hand-made built-in sample: every heading at its level.
    assert shape(report) == shape(sample)
    assert report.year == 2024
    assert report.issuers == ["黔江区黄溪镇人民政府"]
    assert report.title == "{{year}}年度法治政府建设报告"
    assert [s.heading for s in report.sections] == [s.heading for s in sample.sections]


def test_sample_typed_in_word_renders_back_word_for_word(tmp_path, seed, sample):
    path = typed_docx(sample_markup(seed), tmp_path / "黄溪镇.docx")
    assert docx_texts(path) == seed  # the typed document really is the sample
    report = import_file(path).report
    assert rendered_texts(report, tmp_path) == seed
    assert shape(report) == shape(sample)


def test_sample_headings_take_the_official_fonts(tmp_path, sample):
    """一、 stands in style 一级标题 (黑体); a （一） run-in heading sentence is a run in
    二级标题字符 (楷体), the body after it plain."""
    report = import_file(SEED_COPY).report
    out = tmp_path / "out.docx"
    render_document(report).save(str(out))
    document = docx.Document(str(out))
    by_text = {p.text: p for p in document.paragraphs}
    h1 = by_text["一、法治政府建设完成情况"]
    assert h1.style.name == STYLE_NAMES["heading1"]
    assert _east_asia(h1.style) == "黑体"
    run_in = next(p for p in document.paragraphs if p.text.startswith("（四）"))
    first, rest = run_in.runs[0], run_in.runs[1:]
    assert first.text == "（四）坚持在党的领导下，深化新时代“枫桥经验”。"
    assert first.style.name == STYLE_NAMES["heading2_char"]
    assert _east_asia(first.style) == "楷体_GB2312"
    assert run_in.style.name == "Normal" and all(r.style.name != STYLE_NAMES["heading2_char"] for r in rest)


def _east_asia(style) -> str | None:
    from docx.oxml.ns import qn

    rpr = style.element.rPr
    rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return rfonts.get(qn("w:eastAsia")) if rfonts is not None else None


def test_sample_figures_and_years_become_editable(sample):
    report = import_file(SEED_COPY).report
    figures = list(report.figures.values())
    by_label = {f.label: f for f in figures}
    assert by_label["受理来信来访"].value == 12 and by_label["受理来信来访"].unit == "件"
    turnout = by_label["出动执法人员"]
    assert (turnout.value, turnout.unit, turnout.qualifier) == (80, "人次", "余")
    standard = by_label["公开规范化"]
    assert (standard.value, standard.unit, standard.qualifier) == (95, "%", "以上")
    assert [f.key for f in figures[:3]] == ["f01", "f02", "f03"]
    # Years are placeholders, so rolling over to the next year changes them.
    assert report.sections[2].heading == "{{next_year}}年工作措施"
    rolled = services.roll_over(report)
    texts = paragraph_texts(rolled)
    assert "三、2026年工作措施" in texts
    assert "【待填：受理来信来访】" in "".join(texts)


# ------------------------------------------------------------------ the corpus


@pytest.mark.parametrize("path", TEXT_CORPUS, ids=lambda p: p.name)
def test_corpus_text_file_renders_back_normalised(tmp_path, path):
    report = import_file(path).report
    assert rendered_texts(report, tmp_path) == expected_lines(path)


@pytest.mark.parametrize("path", TYPED_CORPUS, ids=lambda p: p.name)
def test_corpus_typed_docx_renders_back(tmp_path, path):
    markup = path.read_text(encoding="utf-8")
    source = typed_docx(markup, tmp_path / (path.stem + ".docx"))
    report = import_file(source).report
    assert rendered_texts(report, tmp_path) == markup_text(markup)


def test_three_line_title_addressee_levels_and_closing():
    import datetime as dt

    report = import_file(CORPUS / "three_line_title.txt").report
    assert report.issuers == ["中共青山镇委员会", "青山镇人民政府"]
    assert report.title == "关于{{year}}年度法治政府建设情况的报告"
    assert report.year == 2025
    assert report.addressee == "县委、县政府"
    assert report.signatures == ["中共青山镇委员会", "青山镇人民政府"]
    assert report.date == dt.date(2026, 1, 15)
    first = report.sections[0]
    assert first.heading == "{{year}}年推进法治政府建设的主要举措和成效"
    standalone = first.children[0]
    assert (standalone.heading, standalone.run_in) == ("完善依法行政制度体系", False)
    item = standalone.children[0]
    assert (item.heading, item.run_in) == ("健全重大行政决策程序。", True)
    level4 = first.children[1].children[0].children
    assert [s.heading for s in level4] == ["开展执法培训。", "落实执法三项制度。"]
    points = report.sections[1].blocks[0]
    assert points.kind == "points" and len(points.items) == 2


def test_topic_sections_and_points_on_their_own_lines():
    report = import_file(CORPUS / "topic_sections.txt").report
    assert [s.heading for s in report.sections] == [
        "强化组织领导，压实法治建设责任",
        "聚焦基层治理，提升依法办事水平",
        "着眼长远发展，谋划明年重点工作",
    ]
    points = report.sections[0].blocks[0]
    assert points.kind == "points" and not points.inline
    assert points.lead == "街道党工委把法治政府建设列入重要议事日程，主要做法如下："
    assert len(points.items) == 3
    rate = next(f for f in report.figures.values() if f.label == "调解成功率")
    # 228 / 236 × 100 rounds to the typed 96.6: the rate is derived from the two counts.
    by_label = {f.label: k for k, f in report.figures.items()}
    assert rate.formula == f"{by_label['调解成功矛盾纠纷']} / {by_label['排查矛盾纠纷']} * 100"
    assert (rate.decimals, rate.unit) == (1, "%")


def test_unnumbered_sections_in_a_text_file():
    report = import_file(CORPUS / "unnumbered_sections.txt").report
    assert [(s.heading, s.numbered) for s in report.sections] == [
        ("主要工作及成效", False),
        ("存在的问题", False),
        ("下一步工作打算", False),
    ]


def test_bold_lead_phrases_become_unnumbered_run_in_sections(tmp_path):
    markup = (CORPUS / "lead_phrases.typed.txt").read_text(encoding="utf-8")
    report = import_file(typed_docx(markup, tmp_path / "lead.docx")).report
    leads = report.sections[0].children
    assert [(s.heading, s.run_in, s.numbered) for s in leads] == [
        ("健全依法决策机制。", True, False),
        ("规范行政执法行为。", True, False),
        ("加强法治宣传教育。", True, False),
    ]
    # Rendered as run-in level-2 headings: the lead phrase alone in 楷体.
    out = tmp_path / "out.docx"
    render_document(report).save(str(out))
    p = next(p for p in docx.Document(str(out)).paragraphs if p.text.startswith("健全依法决策机制。"))
    assert p.runs[0].text == "健全依法决策机制。" and p.runs[0].style.name == STYLE_NAMES["heading2_char"]


def test_bold_unnumbered_sections(tmp_path):
    markup = (CORPUS / "bold_sections.typed.txt").read_text(encoding="utf-8")
    report = import_file(typed_docx(markup, tmp_path / "bold.docx")).report
    assert [(s.heading, s.numbered, s.run_in) for s in report.sections] == [
        ("一年来的主要工作", False, False),
        ("存在的困难", False, False),
        ("今后的打算", False, False),
    ]
    assert [s.heading for s in report.sections[0].children] == ["制度建设。", "执法规范。"]


# ------------------------------------------------------------------ fixed points


def _fixed_point(report, tmp_path):
    """render(import(render(r))) == render(r), through a .docx and through plain text."""
    rendered = tmp_path / "r.docx"
    render_document(report).save(str(rendered))
    first = docx_texts(rendered)
    again = import_file(rendered).report
    assert rendered_texts(again, tmp_path, "again.docx") == first
    assert shape(again) == shape(report)
    as_text = tmp_path / "r.txt"
    as_text.write_text("\n".join(first), encoding="utf-8")
    assert rendered_texts(import_file(as_text).report, tmp_path, "again_txt.docx") == first


def test_fixed_point_sample(tmp_path, sample):
    _fixed_point(sample, tmp_path)


def test_fixed_point_custom_report(tmp_path):
    _fixed_point(custom_report(), tmp_path)


@pytest.mark.parametrize("path", TEXT_CORPUS + TYPED_CORPUS, ids=lambda p: p.name)
def test_fixed_point_corpus(tmp_path, path):
    if path.name.endswith(".typed.txt"):
        path = typed_docx(path.read_text(encoding="utf-8"), tmp_path / "typed.docx")
    report = import_file(path).report
    rendered = tmp_path / "r.docx"
    render_document(report).save(str(rendered))
    again = import_file(rendered).report
    assert rendered_texts(again, tmp_path, "again.docx") == docx_texts(rendered)
    assert shape(again) == shape(report)
    assert again.figures == report.figures


def test_import_from_txt_and_docx_agree(tmp_path, seed):
    """The same report typed in Word and saved as text gives the same sections and figures."""
    from_docx = import_file(typed_docx(sample_markup(seed), tmp_path / "s.docx")).report
    from_txt = import_file(SEED_COPY).report
    assert shape(from_docx) == shape(from_txt)
    assert from_docx.figures == from_txt.figures


@pytest.mark.libreoffice
def test_sample_saved_by_an_office_suite(tmp_path, seed, sample):
    """The typed sample, opened and saved again as .docx by LibreOffice (its own styles,
    settings and markup, as a real office suite writes them), still imports word for word."""
    import subprocess

    from support import soffice

    typed = typed_docx(sample_markup(seed), tmp_path / "typed.docx")
    profile = tmp_path / "lo-profile"  # a profile of its own, or a second soffice run does nothing
    for target, source, folder in (
        ("odt", typed, "odt"),
        ("docx:MS Word 2007 XML", tmp_path / "odt" / "typed.odt", "back"),
    ):
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path / folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    report = import_file(tmp_path / "back" / "typed.docx").report
    assert rendered_texts(report, tmp_path) == seed
    assert shape(report) == shape(sample)
