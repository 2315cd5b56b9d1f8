"""Reading files: text encodings, what Word puts into a .docx (fields, bookmarks,
revisions, tables, soft breaks, heading styles), and normalising messy text."""

from __future__ import annotations

import codecs

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hxdesk.errors import InvalidInput
from hxdesk.importer import import_file
from hxdesk.importer.figures import FigureExtractor, year_placeholders
from hxdesk.importer.normalise import normalise
from hxdesk.importer.sources import decode_text
from hxdesk.render import paragraph_texts

from .typed import after_title, rendered_texts, shape

SMALL = "黄溪镇人民政府\n2024年度法治政府建设报告\n\n一、主要工作\n全年受理来信来访12件。\n"


# ------------------------------------------------------------------ text files


@pytest.mark.parametrize(
    "encoded",
    [
        SMALL.encode("utf-8"),
        codecs.BOM_UTF8 + SMALL.encode("utf-8"),
        SMALL.replace("\n", "\r\n").encode("gbk"),
        SMALL.encode("gb18030"),
        SMALL.encode("utf-16"),  # Notepad's “Unicode”, with its BOM
    ],
    ids=["utf8", "utf8-bom", "gbk-crlf", "gb18030", "utf16"],
)
def test_text_encodings(tmp_path, encoded):
    path = tmp_path / "report.txt"
    path.write_bytes(encoded)
    report = import_file(path).report
    assert paragraph_texts(report)[:2] == ["黄溪镇人民政府", "2024年度法治政府建设报告"]
    assert [s.heading for s in report.sections] == ["主要工作"]


def test_gb18030_characters_beyond_gbk(tmp_path):
    text = "𠀋村法治建设情况\n𠀋村今年开展普法活动，效果良好。\n"  # U+2000B exists only in GB18030
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("gb18030"))
    assert "𠀋村今年开展普法活动，效果良好。" in paragraph_texts(import_file(path).report)


def test_binary_junk_is_not_text():
    with pytest.raises(InvalidInput, match="不是文本文件"):
        decode_text(bytes(range(256)) * 10)


# ------------------------------------------------------------------ normalising


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("我镇 共受理 12 件,办结率100%.", "我镇共受理12件，办结率100%。"),
        ("(一)坚持党的领导:依法行政;", "（一）坚持党的领导：依法行政；"),
        ("一. 法治政府建设", "一、法治政府建设"),
        ("1、加强学习", "1.加强学习"),
        ("(1) 执法队1个", "（1）执法队1个"),
        ('开展"法律进乡村"活动', "开展“法律进乡村”活动"),
        ("投入资金3.5万元,会议10:30召开", "投入资金3.5万元，会议10:30召开"),
        ("１２３件，ＬＥＤ屏，９５％", "123件，LED屏，95%"),
        ("Rule of law: a principle, not a slogan.", "Rule of law: a principle, not a slogan."),
        ("使用LED(Light Emitting Diode)屏", "使用LED（Light Emitting Diode）屏"),
        ("\u3000\u3000首行缩进的段落。", "首行缩进的段落。"),
        ("[bookmark: _GoBack]2024年推进", "2024年推进"),
        ("效果明显......", "效果明显……"),
        ("{{year}}", "｛｛year｝｝"),
        # spaces: beside Chinese they go, between Latin words they stay, one full-width space stays
        ("全面 推进 依法 行政", "全面推进依法行政"),
        ("Word 文档 open source", "Word文档open source"),
        ("法治\u3000\u3000建设", "法治\u3000建设"),
        ("法治\u3000，建设", "法治，建设"),
        # quotes and brackets: in pairs, an odd one by its neighbours
        ("他说'依法'办事", "他说‘依法’办事"),
        ('开展"法律', "开展”法律"),
        ("(1)(2)测试", "（1）（2）测试"),
        ("依法行政(((", "依法行政（（（"),
        # single marks: each by its neighbours, a converted one counting for the next
        ("完成.", "完成。"),
        ("共12件;其中5件!", "共12件；其中5件！"),
        ("why?", "why?"),
        ("为什么?", "为什么？"),
        ("一）加强学习", "（一）加强学习"),
        ("12）加强学习", "（12）加强学习"),
    ],
)
def test_normalise(raw, clean):
    assert normalise(raw) == clean


def test_the_garbage_collector_runs_again_after_an_import(tmp_path):
    """import_file pauses the cyclic collector while it builds the report, and only then."""
    import gc

    good = tmp_path / "good.txt"
    good.write_text(SMALL, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    assert gc.isenabled()
    import_file(good)
    assert gc.isenabled()
    with pytest.raises(InvalidInput):
        import_file(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        import_file(good)
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()


def test_figures_keep_text_that_would_change():
    ex = FigureExtractor()
    text = ex.extract("编号05件，资金3.50万元，第3次会议，其中道路交通249件，约30人，95%以上")
    assert text == "编号05件，资金3.50万元，第3次会议，其中道路交通{{f01}}，{{f02}}，{{f03}}"
    f1, f2, f3 = ex.figures.values()
    assert (f1.label, f1.value, f1.unit) == ("道路交通", 249, "件")
    assert (f2.qualifier, f2.value, f2.unit) == ("约", 30, "人")
    assert (f3.qualifier, f3.unit) == ("以上", "%")


def test_year_placeholders_skip_book_titles_and_other_years():
    text = "2024年以来，依据《2024年工作方案》，较2023年增长，2025年将继续"
    assert (
        year_placeholders(text, 2024) == "{{year}}年以来，依据《2024年工作方案》，较2023年增长，{{next_year}}年将继续"
    )


# ------------------------------------------------------------------ Word files


def _append_xml(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def test_word_fields_bookmarks_revisions_tables_and_breaks(tmp_path):
    d = docx.Document()
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("东溪镇人民政府")
    title.add_run().add_break()  # Shift+Enter between the issuing body and the title
    title.add_run("2024年度法治政府建设报告")
    d.add_paragraph()
    d.add_paragraph().add_run("一、主要工作").bold = True
    p = d.add_paragraph()
    p.add_run("全年开展普法活动")
    w = nsdecls("w")
    _append_xml(p, f'<w:bookmarkStart {w} w:id="0" w:name="_GoBack"/>')
    _append_xml(p, f'<w:bookmarkEnd {w} w:id="0"/>')
    _append_xml(p, f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>')
    _append_xml(p, f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>30余场</w:t></w:r></w:ins>')
    _append_xml(p, f"<w:r {w}><w:t>，截至</w:t></w:r>")
    for xml in (
        '<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {w}><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月" </w:instrText></w:r>',
        '<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {w}><w:t>2024年12月</w:t></w:r>",
        '<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        _append_xml(p, xml.format(w=w))
    _append_xml(p, f'<w:hyperlink {w} w:anchor="x"><w:r><w:t>均已完成</w:t></w:r></w:hyperlink>')
    _append_xml(p, f'<w:fldSimple {w} w:instr=" PAGE "><w:r><w:t>。</w:t></w:r></w:fldSimple>')
    _append_xml(p, f"<w:r {w}><w:drawing/></w:r>")
    table = d.add_table(rows=2, cols=3)
    for i, row in enumerate([["项目", "数量", "备注"], ["普法活动", "30场", ""]]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "word.docx"
    d.save(str(path))
    before = path.read_bytes()

    result = import_file(path)
    report = result.report
    assert path.read_bytes() == before  # the input is never changed
    assert report.issuers == ["东溪镇人民政府"] and report.title == "{{year}}年度法治政府建设报告"
    assert rendered_texts(report, tmp_path) == [
        "东溪镇人民政府",
        "2024年度法治政府建设报告",
        "一、主要工作",
        "全年开展普法活动30余场，截至2024年12月均已完成。",
        "项目\u3000数量\u3000备注",
        "普法活动\u300030场",
    ]
    assert any("1 个表格" in n and "2 段" in n for n in (x.sentence for x in result.notes))
    assert any("图片" in n for n in (x.sentence for x in result.notes))


def test_word_heading_styles_give_levels(tmp_path):
    d = docx.Document()
    d.add_paragraph("2024年度法治政府建设报告", style="Title")
    d.add_paragraph("主要做法", style="Heading 1")
    d.add_paragraph("健全制度", style="Heading 2")
    d.add_paragraph("修订完善镇政府工作规则。")
    d.add_paragraph("存在问题", style="Heading 1")
    d.add_paragraph("基层法治力量薄弱。")
    path = tmp_path / "h.docx"
    d.save(str(path))
    report = import_file(path).report
    assert [(s.heading, len(p), s.numbered) for s, p in report.walk()] == [
        ("主要做法", 1, False),
        ("健全制度", 2, False),
        ("存在问题", 1, False),
    ]
    assert rendered_texts(report, tmp_path) == [
        "2024年度法治政府建设报告",
        "主要做法",
        "健全制度",
        "修订完善镇政府工作规则。",
        "存在问题",
        "基层法治力量薄弱。",
    ]


def test_long_single_line_title_is_split_after_the_issuer(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("青山镇人民政府关于2024年度法治政府建设情况的报告\n\n全年工作有序推进。\n", encoding="utf-8")
    report = import_file(path).report
    assert report.issuers == ["青山镇人民政府"]
    assert report.title == "关于{{year}}年度法治政府建设情况的报告"
    # The renderer breaks a long title into a trapezoid; the words are all there.
    assert "".join(paragraph_texts(report)[:2]) == "青山镇人民政府关于2024年度法治政府建设情况的报告"


def test_numbering_that_skips_stays_text(tmp_path):
    """A label that does not continue the count (一、 then 三、) stays in the text, so nothing is renumbered."""
    path = tmp_path / "s.txt"
    path.write_text("一、主要工作\n全年工作有序推进。\n三、下一步打算\n继续努力。\n", encoding="utf-8")
    report = import_file(path).report
    assert [s.heading for s in report.sections] == ["主要工作"]
    assert after_title(paragraph_texts(report), report) == [
        "一、主要工作",
        "全年工作有序推进。",
        "三、下一步打算",
        "继续努力。",
    ]


def test_a_skipped_level_is_held_and_the_numbers_stay_as_written(tmp_path):
    """ "1." right under "一、": the headings keep their own level (number form and style) under a
    level holder that prints nothing; the report renders back word for word, and hxdesk's own
    .docx of it reads back to the same structure."""
    lines = [
        "一、主要工作",
        "全年工作有序推进。",
        "1.加强学习。全年学法12次。",
        "2.规范执法",
        "全年检查8次。",
        "二、存在问题",
        "（一）宣传不够",
        "（1）形式单一",
        "3.此编号不接续",
    ]
    path = tmp_path / "skip.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(path)
    report = result.report
    assert shape(report) == [
        (1, True, False),
        (2, False, False),
        (3, True, True),
        (3, True, False),
        (1, True, False),
        (2, True, False),
        (3, False, False),
        (4, True, False),
    ]
    holder = report.sections[0].children[0]
    assert holder.holds_level and holder.heading == "" and not holder.blocks
    assert [c.heading for c in holder.children] == ["加强学习。", "规范执法"]
    assert report.sections[0].blocks[0].text == "全年工作有序推进。"
    assert report.sections[1].children[0].children[0].holds_level  # "（1）" under "（一）" skips "1."
    assert after_title(rendered_texts(report, tmp_path), report) == lines
    assert sum("编号不接续" in n for n in (x.sentence for x in result.notes)) == 1  # only "3." after "（1）" stays text

    out = tmp_path / "rendered.docx"
    styles = [p.style.name for p in docx.Document(str(out)).paragraphs]
    assert styles.count("二级标题") == 1 and "三级标题" in styles  # no empty heading line for a holder
    again = import_file(out).report
    assert shape(again) == shape(report)
    assert after_title(rendered_texts(again, tmp_path, "again.docx"), again) == lines


def test_word_automatic_numbering_gives_labels_and_levels(tmp_path):
    """Headings numbered by Word (段落 → 编号) carry no label in their text; the numbering
    definition says which label Word shows, and the import writes it into the text."""
    d = docx.Document()
    w = nsdecls("w")
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def numbered(text: str, ilvl: int, num_id: int = 90, bold: bool = False):
        p = d.add_paragraph()
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
        p.add_run(text).bold = bold

    numbered("主要工作", 0, bold=True)
    numbered("依法决策。全年研究重大事项26项。", 1)
    numbered("依法调解。全年调解纠纷85起。", 1)
    numbered("存在问题", 0, bold=True)
    numbered("宣传方式单一。", 91)
    path = tmp_path / "auto.docx"
    d.save(str(path))
    result = import_file(path)
    report = result.report
    assert [(s.heading, len(p), s.run_in) for s, p in report.walk()] == [
        ("主要工作", 1, False),
        ("依法决策。", 2, True),
        ("依法调解。", 2, True),
        ("存在问题", 1, False),
    ]
    assert after_title(rendered_texts(report, tmp_path), report) == [
        "一、主要工作",
        "（一）依法决策。全年研究重大事项26项。",
        "（二）依法调解。全年调解纠纷85起。",
        "二、存在问题",
        "宣传方式单一。",
    ]
    assert any("自动编号" in n for n in (x.sentence for x in result.notes))  # the bullet it could not read


def test_word_numbered_list_right_under_a_top_heading_is_held(tmp_path):
    """A Word "1." list (段落 → 编号, decimal) right under a typed "一、": headings of level 3 under a holder."""
    d = docx.Document()
    w = nsdecls("w")
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="92"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="92"><w:abstractNumId w:val="92"/></w:num>'))
    d.add_paragraph("一、主要工作")
    for text in ("加强学习。全年学法12次。", "规范执法。全年检查8次。"):
        p = d.add_paragraph()
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="92"/></w:numPr>'))
        p.add_run(text)
    d.add_paragraph("二、存在问题")
    path = tmp_path / "list.docx"
    d.save(str(path))
    report = import_file(path).report
    assert shape(report) == [(1, True, False), (2, False, False), (3, True, True), (3, True, True), (1, True, False)]
    assert after_title(rendered_texts(report, tmp_path), report) == [
        "一、主要工作",
        "1.加强学习。全年学法12次。",
        "2.规范执法。全年检查8次。",
        "二、存在问题",
    ]


def test_labels_without_a_parent_stay_text_and_line_breaks_split(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("1.加强学习\x0b全年学法12次。\n一、主要工作\n（1）未按顺序的编号\n".encode())
    result = import_file(path)
    report = result.report
    assert [b.text for b in report.intro] == ["1.加强学习", "全年学法{{f01}}。"]
    assert [s.heading for s in report.sections] == ["主要工作"]
    assert report.sections[0].blocks[0].text == "（1）未按顺序的编号"
    assert report.name == "x"  # no issuing body: the list shows the file's name
    assert any("编号不接续" in n for n in (x.sentence for x in result.notes))


def test_heading_sentence_ending_in_a_colon_before_points(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("一、主要工作\n（一）主要做法：一是加强学习；二是规范执法。\n", encoding="utf-8")
    section = import_file(path).report.sections[0].children[0]
    assert (section.heading, section.run_in) == ("主要做法：", True)
    assert section.blocks[0].items == ["加强学习；", "规范执法。"]


def test_too_many_sections_is_refused(tmp_path):
    from hxdesk.numbering import chinese_numeral

    path = tmp_path / "many.txt"
    lines = "".join(f"短标题{chinese_numeral(i % 999 + 1)}\n正文。\n" for i in range(6000))
    path.write_text("2024年度报告\n\n" + lines, encoding="utf-8")
    with pytest.raises(InvalidInput, match="结构过于复杂"):
        import_file(path)
