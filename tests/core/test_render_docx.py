"""The rendered .docx read back with python-docx: text, page, styles, fonts, footers."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from support import custom_report

from hxdesk.render import FONT_PRESETS, render_document


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory):
    from hxdesk import services

    path = tmp_path_factory.mktemp("doc") / "sample.docx"
    services.render_to_file(services.sample_report(), path)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def custom_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("doc") / "custom.docx"
    render_document(custom_report()).save(str(path))
    return docx.Document(str(path))


# ---------------------------------------------------------------- style resolution


def _style_chain(doc, style):
    while style is not None:
        yield style
        style = style.base_style


def _rpr_value(rpr, tag, attr):
    if rpr is None:
        return None
    el = rpr.find(qn(tag))
    return None if el is None else el.get(qn(attr))


def effective(doc, paragraph, run, tag, attr):
    """A run property as Word resolves it: run → character style → paragraph style → defaults."""
    v = _rpr_value(run._r.rPr, tag, attr)
    if v is not None:
        return v
    rstyle = run._r.rPr.find(qn("w:rStyle")) if run._r.rPr is not None else None
    if rstyle is not None:
        for st in _style_chain(
            doc, doc.styles.get_by_id(rstyle.get(qn("w:val")), docx.enum.style.WD_STYLE_TYPE.CHARACTER)
        ):
            v = _rpr_value(st.element.rPr, tag, attr)
            if v is not None:
                return v
    for st in _style_chain(doc, paragraph.style):
        v = _rpr_value(st.element.rPr, tag, attr)
        if v is not None:
            return v
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    return _rpr_value(defaults, tag, attr)


def paragraph_property(paragraph, getter):
    for st in [None, *_style_chain(None, paragraph.style)]:
        fmt_ = paragraph.paragraph_format if st is None else st.paragraph_format
        v = getter(fmt_)
        if v is not None:
            return v
    return None


def east_asia_font(doc, paragraph, run):
    return effective(doc, paragraph, run, "w:rFonts", "w:eastAsia")


def size_pt(doc, paragraph, run):
    return int(effective(doc, paragraph, run, "w:sz", "w:val")) / 2


# ---------------------------------------------------------------- tests


def test_sample_text_is_the_seed_word_for_word(sample_doc, seed):
    got = [p.text for p in sample_doc.paragraphs if p.text.strip()]
    assert got == seed


def test_page_is_a4_with_official_margins(sample_doc):
    s = sample_doc.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    for value, expected in [(s.top_margin, 37), (s.bottom_margin, 35), (s.left_margin, 28), (s.right_margin, 26)]:
        assert abs(value - Mm(expected)) < Mm(0.2)
    text_width_pt = (s.page_width - s.left_margin - s.right_margin) / 12700
    text_height_pt = (s.page_height - s.top_margin - s.bottom_margin) / 12700
    assert abs(text_width_pt - 442.2) < 1.5 and abs(text_height_pt - 637.8) < 1.5


def test_body_grid_is_22_lines_of_28_characters(sample_doc):
    normal = sample_doc.styles["Normal"]
    pf = normal.paragraph_format
    assert pf.line_spacing_rule == docx.enum.text.WD_LINE_SPACING.EXACTLY
    assert pf.line_spacing.pt * 22 <= 637.8 < pf.line_spacing.pt * 23
    # 3号 condensed by 0.25 pt: 28 characters fit 442.2 pt, 29 do not.
    condense = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    pitch = 16 + condense
    assert 28 * pitch <= 442.2 < 29 * pitch
    assert pf.first_line_indent is not None and abs(pf.first_line_indent.pt - 2 * pitch) < 0.1
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert pf.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY


def test_styles_carry_fonts_and_sizes_with_east_asia_slot(sample_doc):
    doc = sample_doc
    paras = [p for p in doc.paragraphs if p.text.strip()]
    title, intro, h1, runin = paras[0], paras[2], paras[3], paras[4]
    assert title.style.name == "公文标题" and size_pt(doc, title, title.runs[0]) == 22
    assert east_asia_font(doc, title, title.runs[0]) == "方正小标宋简体"
    assert paragraph_property(title, lambda f: f.alignment) == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert intro.style.name == "Normal"
    assert east_asia_font(doc, intro, intro.runs[0]) == "仿宋_GB2312" and size_pt(doc, intro, intro.runs[0]) == 16
    assert effective(doc, intro, intro.runs[0], "w:rFonts", "w:ascii") == "Times New Roman"
    assert h1.style.name == "一级标题" and h1.text.startswith("一、")
    assert east_asia_font(doc, h1, h1.runs[0]) == "黑体" and size_pt(doc, h1, h1.runs[0]) == 16
    # Run-in level 2: only the heading sentence is 楷体, the rest is body text.
    assert runin.text.startswith("（一）")
    head, body = runin.runs[0], runin.runs[1]
    assert head.text == "（一）坚持在党的领导下，深化新时代法治政府“制度”建设。"
    assert head.style.name == "二级标题字符"
    assert east_asia_font(doc, runin, head) == "楷体_GB2312"
    assert east_asia_font(doc, runin, body) == "仿宋_GB2312"
    # No theme fonts anywhere (they would override the named fonts).
    assert "eastAsiaTheme" not in doc.styles.element.xml and "asciiTheme" not in doc.styles.element.xml


def test_every_numbered_heading_has_its_level_style(sample_doc):
    for p in sample_doc.paragraphs:
        t = p.text
        if t[:2] in ("一、", "二、", "三、"):
            assert p.style.name == "一级标题"
        elif t.startswith("（") and t[1] in "一二三四五六七":
            assert p.runs[0].style.name == "二级标题字符"
            assert p._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"


def test_font_preset_changes_styles_not_runs(tmp_path):
    from hxdesk import services

    doc = render_document(services.sample_report(), FONT_PRESETS["standard"])
    paras = [p for p in doc.paragraphs if p.text.strip()]
    runin = paras[4]
    assert east_asia_font(doc, paras[2], paras[2].runs[0]) == "仿宋"
    assert east_asia_font(doc, runin, runin.runs[0]) == "楷体"
    assert all(r._r.rPr is None or r._r.rPr.find(qn("w:rFonts")) is None for p in doc.paragraphs for r in p.runs)


def test_odd_and_even_footers_carry_page_numbers(sample_doc):
    doc = sample_doc
    assert doc.settings.odd_and_even_pages_header_footer
    s = doc.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    for p, align, side in ((odd, "right", "w:right"), (even, "left", "w:left")):
        assert p.style.name == "页码"
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        assert int(p._p.pPr.find(qn("w:ind")).get(qn(side))) == 280  # 1 字 of 4号 = 14 pt
        xml = p._p.xml
        assert "PAGE" in xml and p.text.startswith("— ") and p.text.endswith(" —")
        assert east_asia_font(doc, p, p.runs[0]) == "宋体" and size_pt(doc, p, p.runs[0]) == 14


def test_custom_report_title_addressee_levels_and_closing(custom_doc):
    doc = custom_doc
    paras = doc.paragraphs
    texts = [p.text for p in paras]
    assert texts[:4] == ["中共青山镇委员会", "青山镇人民政府", "关于2025年度法治政府建设情况的报告", ""]
    assert all(p.style.name == "公文标题" for p in paras[:3])
    assert paras[4].style.name == "主送机关" and texts[4] == "县委、县政府："
    styles = {p.text: p.style.name for p in paras}
    assert styles["一、2025年度推进法治政府建设的主要举措和成效"] == "一级标题"
    assert styles["（二）完善依法行政制度体系。"] == "二级标题"
    assert styles["2.强化培训考核"] == "三级标题"
    four = next(p for p in paras if p.text.startswith("（1）"))
    assert four.runs[0].style.name == "四级标题字符"
    assert any(t == "全年组织法治培训6期，参训干部120余人次，考核合格率95%以上。" for t in texts)
    assert any("办结率93.3%" in t and "走访群众约3000户" not in t for t in texts)
    assert "典型做法。推行“法律明白人”培养工程，走访群众约3000户。" in texts
    # Closing: blank line, two signatures, the date in 2026年1月9日 form.
    assert texts[-4:] == ["", "中共青山镇委员会", "青山镇人民政府", "2026年1月9日"]
    assert [p.style.name for p in paras[-3:]] == ["署名", "署名", "成文日期"]


def test_closing_indents_follow_7_3_5_2():
    from hxdesk.render import ReportRenderer

    r = custom_report()
    # Signature 8 字 ending 2 字 from the right; date 2026年1月9日 = 6 字 starting 2 字 further right.
    sig, date = ReportRenderer(r).closing_layout()
    assert (sig, date) == (18.0, 20.0)
    # A longer date keeps 2 字 from the right; the signature moves left.
    r.signatures = ["青山镇人民政府"]
    r.date = dt.date(2025, 12, 31)  # 2025年12月31日 = 7 字
    sig, date = ReportRenderer(r).closing_layout()
    assert (sig, date) == (17.0, 19.0)


def test_body_text_with_edge_spaces_reads_back_exactly(tmp_path):
    """Runs are written as XML directly: spaces at either end are kept (xml:space), the text is one w:t."""
    from hxdesk.model import Paragraph, Report, Section

    report = Report(
        year=2025,
        title="",
        sections=[Section("  依法行政", [Paragraph("  前有两个空格"), Paragraph("后有一个空格 "), Paragraph("中 间")])],
    )
    path = tmp_path / "spaces.docx"
    render_document(report).save(str(path))
    paragraphs = docx.Document(str(path)).paragraphs
    assert [p.text for p in paragraphs] == ["一、依法行政", "  前有两个空格", "后有一个空格 ", "中 间"]
    for p in paragraphs[1:]:
        (run,) = p.runs
        assert len(run._r.findall(qn("w:t"))) == 1
    assert paragraphs[1].runs[0]._r.find(qn("w:t")).get(qn("xml:space")) == "preserve"
    assert paragraphs[3].runs[0]._r.find(qn("w:t")).get(qn("xml:space")) is None
