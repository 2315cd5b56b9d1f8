"""The three editions of one report: 报送版 with 版头 and 版记 (GB/T 9704-2012 7.2–7.4), 普通版, 公开版.

Read back with python-docx and laid out by LibreOffice, measured in the PDF."""

from __future__ import annotations

import datetime as dt
import json

import docx
import pytest
from docx.oxml.ns import qn
from support import docx_to_pdf, full_official, pdf_pages, run_cli, soffice

from hxdesk import interchange, services
from hxdesk.errors import InvalidInput
from hxdesk.model import Attachment, OfficialElements, Paragraph
from hxdesk.render import paragraph_texts, render_bytes, render_document

MM = 72 / 25.4
TOP, BOTTOM = 37 * MM, 841.89 - 35 * MM
LEFT, RIGHT = 28 * MM, 595.28 - 26 * MM
PITCH = 579 / 20
CHAR = 15.75  # one 字 of condensed 3号
SMALL_CHAR = 14.0  # one 字 of 4号


def official_sample(*, attachments: bool = True, joint: bool = True):
    report = services.sample_report()
    report.official = full_official()
    report.official.with_wenjian = True
    if not joint:
        report.official.bodies = report.official.bodies[1:]
    if not attachments:
        report.official.attachments = []
    report.signatures = ["中共青山镇委员会", "青山镇人民政府"]
    report.date = dt.date(2026, 1, 10)
    return report


def doc_of(report, edition):
    import io

    return docx.Document(io.BytesIO(render_bytes(report, edition=edition)))


def texts(document):
    """Every paragraph's text in body order, table cells included."""
    out = []
    for el in document.element.body.iter(qn("w:p")):
        out.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
    return out


# ------------------------------------------------------------------ python-docx


def test_doc_number_text():
    o = OfficialElements(code="新田委文", doc_year=2026, doc_number=3)
    assert o.doc_number_text() == "新田委文〔2026〕3号"
    assert OfficialElements(code="新田委文", doc_year=2026).doc_number_text() == ""
    assert OfficialElements(print_date=dt.date(2025, 1, 10)).print_line_date() == "2025年1月10日印发"


def test_submit_edition_order_colours_and_fonts():
    document = doc_of(official_sample(), "submit")
    assert texts(document)[:14] == [
        "000001",  # 份号, 密级, 紧急程度 top left
        "内部",
        "特急",
        "",  # the spacer down to 35 mm
        "中共青山镇委员会",
        "青山镇人民政府",
        "文件",
        "",
        "",  # two lines below the header
        "青山委文〔2026〕3号签发人：李明",
        "",
        "",  # the title two lines below the rule
        "黔江区黄溪镇人民政府",
        "2024年度法治政府建设报告",
    ]
    # The red header: 小标宋 (the title font), red, in a borderless table with 文件 beside the names.
    body = document.element.body
    tbl = body.find(qn("w:tbl"))
    assert tbl is not None
    runs = list(tbl.iter(qn("w:r")))
    assert ["".join(x.text for x in r.iter(qn("w:t"))) for r in runs] == ["中共青山镇委员会", "青山镇人民政府", "文件"]
    for r in runs:
        rpr = r.find(qn("w:rPr"))
        assert rpr.find(qn("w:color")).get(qn("w:val")) == "FF0000"
        assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"
    # 发文字号 left, 签发人 right: tab stops 1 字 in; the names in 楷体, the label in the body's 仿宋.
    number_p = next(p for p in document.paragraphs if "签发人" in p.text)
    tabs = [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in number_p._p.iter(qn("w:tab")) if t.get(qn("w:pos"))]
    assert tabs == [("left", 315), ("right", 11906 - 1587 - 1474 - 315)]
    name_run = number_p.runs[-1]
    assert name_run.text == "李明"
    assert name_run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    assert number_p.runs[-2].text == "签发人：" and number_p.runs[-2]._r.rPr is None
    bottom = number_p._p.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000" and bottom.get(qn("w:val")) == "single"


def test_submit_edition_colophon_section():
    document = doc_of(official_sample(), "submit")
    assert len(document.sections) == 2
    last = document.sections[-1]
    sp = last._sectPr
    assert sp.find(qn("w:type")).get(qn("w:val")) == "evenPage"
    # No page number on the 版记 page: its own footers, empty.
    for footer in (last.footer, last.even_page_footer):
        assert not footer.is_linked_to_previous
        assert all(p.text == "" for p in footer.paragraphs)
        assert not list(footer._element.iter(qn("w:instrText")))
    # The body's section keeps its page numbers.
    assert "PAGE" in "".join(x.text for x in document.sections[0].footer._element.iter(qn("w:instrText")))
    cc, printed = colophon_rows(document)
    assert cc.text == "抄送：县委全面依法治县委员会办公室，县司法局。"
    assert printed.text == "中共青山镇委员会办公室\t2026年1月12日印发"
    tbl = document.tables[-1]._tbl
    # The rules are the table's borders: thick 1 pt (0.35 mm) above and below, thin 0.75 pt between.
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    assert {side: int(borders.find(qn(f"w:{side}")).get(qn("w:sz"))) for side in ("top", "insideH", "bottom")} == {
        "top": 8,
        "insideH": 6,
        "bottom": 8,
    }
    assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == 11906 - 1587 - 1474  # as wide as the 版心
    for p in (cc, printed):
        assert p.runs[0]._r.rPr.find(qn("w:sz")).get(qn("w:val")) == "28"  # 4号
    # On a page of its own: in the flow after a spacer, not floating.
    assert tbl.tblPr.find(qn("w:tblpPr")) is None


def test_colophon_on_the_last_text_page_floats_at_the_bottom_of_the_text_area():
    # The sample's text ends on page 6 with room (measured in LibreOffice below): no section of its own.
    document = doc_of(official_sample(attachments=False, joint=False), "submit")
    assert len(document.sections) == 1
    tbl = document.tables[-1]._tbl
    pos = tbl.tblPr.find(qn("w:tblpPr"))
    assert (pos.get(qn("w:vertAnchor")), pos.get(qn("w:tblpYSpec"))) == ("margin", "bottom")
    assert (pos.get(qn("w:horzAnchor")), pos.get(qn("w:tblpX"))) == ("page", str(1587))  # the left margin
    assert [p.text for p in colophon_rows(document)] == [
        "抄送：县委全面依法治县委员会办公室，县司法局。",
        "中共青山镇委员会办公室\t2026年1月12日印发",
    ]
    # Anchored to an empty paragraph 1 pt high right after it, the document's last.
    last = document.element.body.findall(qn("w:p"))[-1]
    assert last.getprevious() is tbl and not "".join(last.itertext())
    assert last.find(qn("w:pPr")).find(qn("w:spacing")).get(qn("w:line")) == "20"


def test_line_counts_on_the_28_character_grid():
    from hxdesk.render import pagination

    assert pagination.line_count("字" * 26, 2, 0) == 1
    assert pagination.line_count("字" * 27, 2, 0) == 2
    assert pagination.line_count("字" * 80, 2, 0) == 3  # 26 + 28 + 26
    # A closing mark may not start a line: the character before it goes down too.
    assert pagination.line_count("字" * 26 + "。", 2, 0) == 2
    # LibreOffice lets it hang beyond the line's end instead.
    assert pagination.line_count("字" * 26 + "。", 2, 0, hang=True) == 1
    assert pagination.line_count("字" * 26 + "。字", 2, 0, hang=True) == 2
    # Digits are half as wide: 26 字 of text fit 24 字 and 4 digits.
    assert pagination.line_count("字" * 24 + "2026", 2, 0) == 1
    # ... unless the space LibreOffice puts around them is counted.
    assert pagination.line_count("字" * 24 + "2026", 2, 0, autospace=0.25) == 2


def test_paginator_keeps_a_kept_paragraph_with_the_next_as_word_and_libreoffice_do():
    from hxdesk.render.pagination import AREA, End, Item, paginate

    # 20 lines, then a 2-line paragraph kept with a 1-line one: page 1 has room for 2 lines only.
    items = [Item(20), Item(2, keep_next=True), Item(1)]
    # Word: only the kept paragraph's last line goes to page 2, with the next paragraph.
    assert paginate(items, 0, move_whole=False) == End(2, AREA - 2 * 579)
    # LibreOffice: the kept paragraph moves whole.
    assert paginate(items, 0, move_whole=True) == End(2, AREA - 3 * 579)
    # A 版头 of 10 grid lines and 100 twips leaves 11 lines on page 1 (22.03 lines a page).
    assert paginate([Item(11)], 10 * 579 + 100, move_whole=False) == End(1, AREA - 10 * 579 - 100 - 11 * 579)
    assert paginate([Item(12)], 10 * 579 + 100, move_whole=False) == End(2, AREA - 579)


def colophon_rows(document):
    """The 版记 table's paragraphs: 抄送 and 印发."""
    cells = [row.cells[0] for row in document.tables[-1].rows]
    return [c.paragraphs[0] for c in cells]


def test_attachment_note_and_pages():
    report = official_sample()
    report.official.attachments.append(Attachment("执法案件统计表", ["见下表。"]))
    t = paragraph_texts(report, "submit")
    at = t.index("附件：1.法治建设工作台账")
    assert t[at - 1] == "" and t[at + 1] == "2.执法案件统计表"
    assert t[at + 2 :][:3] == ["", "中共青山镇委员会", "青山镇人民政府"]  # then the signature
    assert t[-11:] == [
        "附件1",
        "",
        "法治建设工作台账",
        "",
        "一、会前学法4次。",
        "二、行政复议1件。",
        "附件2",
        "",
        "执法案件统计表",
        "",
        "见下表。",
    ]
    document = doc_of(report, "plain")
    second = next(p for p in document.paragraphs if p.text == "2.执法案件统计表")
    assert second._p.pPr.find(qn("w:ind")).get(qn("w:left")) == str(5 * 315)
    label = next(p for p in document.paragraphs if p.text == "附件1")
    assert label._p.pPr.find(qn("w:pageBreakBefore")) is not None
    assert label.runs[0].style.name == "一级标题字符"


TABLE = [
    ["类别", "2024年", "2025年"],
    ["行政复议", "1件", "2件"],
    ["行政诉讼", "0件", "1件"],
    ["普法活动", "12场", "15场"],
]


def table_sample():
    report = official_sample()
    report.official.attachments[0].table = [list(r) for r in TABLE]
    return report


def test_attachment_table():
    report = table_sample()
    assert paragraph_texts(report, "submit")[-3:] == [
        "行政复议\t1件\t2件",
        "行政诉讼\t0件\t1件",
        "普法活动\t12场\t15场",
    ]
    for edition in ("submit", "plain"):
        document = doc_of(report, edition)
        tables = [t for t in document.tables if t.cell(0, 0).text == "类别"]
        assert len(tables) == 1
        t = tables[0]
        assert [[c.text for c in row.cells] for row in t.rows] == TABLE
        assert sum(int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.iter(qn("w:gridCol"))) == 11906 - 1587 - 1474
        head = t.rows[0]._tr
        assert head.trPr.find(qn("w:tblHeader")) is not None  # repeated on a new page
        run = t.cell(0, 0).paragraphs[0].runs[0]
        assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
        assert t.cell(1, 0).paragraphs[0].runs[0]._r.rPr is None  # the body's font
        # The table comes after the attachment's paragraphs and is followed by a paragraph.
        tbl = t._tbl
        assert "".join(x.text for x in tbl.getprevious().iter(qn("w:t"))) == "二、行政复议1件。"
        assert tbl.getnext().tag == qn("w:p")
    # The 版记's section starts after the table.
    submit = doc_of(report, "submit")
    assert len(submit.sections) == 2
    first_section_end = next(
        p
        for p in submit.element.body.iter(qn("w:p"))
        if p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    )
    assert first_section_end.getprevious().tag == qn("w:tbl")


def test_plain_edition_is_unchanged_by_the_official_elements():
    plain = services.sample_report()
    with_official = services.sample_report()
    with_official.official = full_official()
    with_official.official.attachments = []
    assert paragraph_texts(with_official) == paragraph_texts(plain)
    a, b = render_document(plain), render_document(with_official)
    assert a.element.body.xml == b.element.body.xml
    # And the sample's plain text is what it was before editions (its known opening).
    assert paragraph_texts(plain)[:3] == ["黔江区黄溪镇人民政府", "2024年度法治政府建设报告", ""]


def test_public_edition_leaves_out_number_colophon_and_closed_parts():
    report = official_sample(attachments=False)
    closed = report.sections[-1]
    closed.public = False
    public = texts(doc_of(report, "public"))
    joined = "\n".join(public)
    for missing in ("青山委文", "签发人", "抄送：", "印发"):
        assert missing not in joined
    assert "中共青山镇委员会" not in public[:5]  # no red header
    plain = paragraph_texts(report, "plain")
    removed = [t for t in plain if t not in public]
    # The closed part (its heading and every paragraph) is gone, nothing else.
    assert removed[0] == "三、2025年工作措施" and len(removed) >= 3
    assert public == [t for t in plain if t not in removed]
    assert len(doc_of(report, "public").sections) == 1
    # The sample as shipped (nothing 不公开): the public edition is the plain one.
    sample = services.sample_report()
    assert paragraph_texts(sample, "public") == paragraph_texts(sample)


def test_unknown_edition_is_refused_in_chinese():
    with pytest.raises(InvalidInput, match="文稿版本"):
        render_bytes(services.sample_report(), edition="draft")


# ------------------------------------------------------------------ interchange and CLI


def test_interchange_round_trip_and_old_files():
    report = table_sample()
    report.sections[0].public = False
    again = interchange.loads(interchange.dumps(report))
    assert again.official == report.official and again.sections[0].public is False
    data = json.loads(interchange.dumps(services.sample_report()))
    assert "official" not in data["report"]  # nothing set: nothing written (older readers see no change)
    assert all("public" not in s for s in data["report"]["sections"])
    assert interchange.report_from_dict(data).official == OfficialElements()
    # An attachment without a table is written as before (no "table"), and read so.
    data = json.loads(interchange.dumps(official_sample()))
    assert "table" not in data["report"]["official"]["attachments"][0]
    assert interchange.report_from_dict(data).official.attachments[0].table == []
    # Rows shorter than the widest are padded.
    data["report"]["official"]["attachments"][0]["table"] = [["a", "b"], ["c"]]
    assert interchange.report_from_dict(data).official.attachments[0].table == [["a", "b"], ["c", ""]]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doc_number", 0, "发文字号的序号应为正整数"),
        ("doc_number", "03", "发文字号的序号应为正整数"),
        ("doc_year", 20260, "发文字号的年份"),
        ("print_date", "2026-13-01", "YYYY-MM-DD"),
        ("signers", "李明", "应为列表"),
        ("attachments", [{"title": "表", "table": [["a"] * 13]}], "每行应有 1 到 12 格"),
        ("attachments", [{"title": "表", "table": [[1]]}], "应为一行文字"),
        ("attachments", [{"title": "表", "table": "a|b"}], "应为列表"),
    ],
)
def test_interchange_refuses_bad_official_fields(field, value, message):
    data = json.loads(interchange.dumps(official_sample()))
    data["report"]["official"][field] = value
    with pytest.raises(InvalidInput, match=message):
        interchange.report_from_dict(data)


def test_cli_render_edition(tmp_path):
    db = tmp_path / "hx.db"
    report = official_sample()
    with services.open_workspace(db) as ws:
        rid = ws.reports.add(report)
    out = tmp_path / "submit.docx"
    run_cli("render", str(rid), "--db", str(db), "--edition", "submit", "-o", str(out), check=True)
    document = docx.Document(str(out))
    assert len(document.sections) == 2 and "青山委文〔2026〕3号" in "".join(texts(document))
    out2 = tmp_path / "plain.docx"
    run_cli("render", str(rid), "--db", str(db), "-o", str(out2), check=True)
    assert "青山委文" not in "".join(texts(docx.Document(str(out2))))
    bad = run_cli("render", str(rid), "--db", str(db), "--edition", "draft", "-o", str(out2))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


# ------------------------------------------------------------------ LibreOffice


def _layout(tmp_path, report, name):
    import pdfplumber

    path = tmp_path / f"{name}.docx"
    render_document(report, edition="submit").save(str(path))
    pdf = docx_to_pdf(path, keep_blank_pages=True)
    pages = pdf_pages(pdf, BOTTOM)
    with pdfplumber.open(str(pdf)) as d:
        rules = []
        for page in d.pages:
            seen = {}
            for ln in page.lines:
                seen[round(ln["top"], 1)] = ln
            rules.append(sorted(seen.values(), key=lambda ln: ln["top"]))
        red = [c for c in d.pages[0].chars if c["text"].strip() and c.get("non_stroking_color") == (1.0, 0.0, 0.0)]
    return pages, rules, red


#: One paragraph of 80 Chinese characters: 3 lines (2 字 indent) in every engine.
EIGHTY = ("镇政府坚持以习近平法治思想为指导全面落实法治政府建设实施纲要各项任务依法行政水平持续提升" * 3)[:79] + "。"


def sized_report(paragraphs: int):
    """The 版头 and 版记 of official_sample around the sample's opening and one part of
    ``paragraphs`` paragraphs of 3 lines each, one signature: its length set line by line."""
    report = official_sample(attachments=False, joint=False)
    report.signatures = ["青山镇人民政府"]
    part = report.sections[0]
    part.children = []
    part.blocks = [Paragraph(EIGHTY) for _ in range(paragraphs)]
    report.sections = [part]
    return report


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("official")
    return {
        # The attachment ends on page 7 (odd): the 版记 alone on page 8.
        "joint": _layout(folder, official_sample(), "joint"),
        # The sample's text ends on page 6 (even) with room: the 版记 at its foot.
        "single": _layout(folder, official_sample(attachments=False, joint=False), "single"),
        # Measured below: page 2 holds the text and the 版记 with 3 lines to spare (6); page 2 is
        # full (7); the text ends on page 3 (10).
        "room": _layout(folder, sized_report(6), "room"),
        "full": _layout(folder, sized_report(7), "full"),
        "odd": _layout(folder, sized_report(10), "odd"),
        # The attachment with a table after its paragraphs.
        "table": _layout(folder, table_sample(), "table"),
    }


def slots(page) -> list[int]:
    return sorted({int((max(c["bottom"] for c in line.chars) - TOP) // PITCH) for line in page.lines})


@pytest.mark.parametrize("case", ["joint", "single"])
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_red_header_number_line_rule_and_title(laid_out, case):
    pages, rules, red = laid_out[case]
    first = pages[0]
    # 7.2.4: red, the top edge 35 mm below the top of the text area (glyph box; ±0.7 mm).
    assert red, "no red characters on page 1"
    top_mm = (min(c["top"] for c in red) - TOP) / MM
    assert abs(top_mm - 35) < 0.7, top_mm
    header_bottom = max(c["bottom"] for c in red)
    number = next(ln for ln in first.lines if "青山委文" in ln.text)
    assert number.text.replace(" ", "") == "青山委文〔2026〕3号签发人：李明"
    # 发文字号 one 字 in from the left, 签发人 one 字 in from the right.
    assert abs(number.x0 - (LEFT + CHAR)) < 1.0
    assert abs(number.x1 - (RIGHT - CHAR)) < 1.5
    # Two lines below the header: two empty grid lines between the header and the 发文字号 line.
    gap_lines = (number.top - header_bottom) / PITCH
    assert 2.0 <= gap_lines <= 3.0, gap_lines
    # The red rule: as wide as the text area, 4 mm below the 发文字号 line.
    red_rules = [r for r in rules[0] if r.get("stroking_color") == (1.0, 0.0, 0.0)]
    assert len(red_rules) == 1
    rule = red_rules[0]
    assert abs(rule["x0"] - LEFT) < 0.5 and abs(rule["x1"] - RIGHT) < 0.5
    below = (rule["top"] - max(c["bottom"] for c in number.chars)) / MM
    assert abs(below - 4) < 0.5, below
    # The title two lines below the rule.
    title = next(ln for ln in first.lines if ln.text == "黔江区黄溪镇人民政府")
    assert 1.8 <= (title.top - rule["top"]) / PITCH <= 2.5


COLOPHON = ["抄送：县委全面依法治县委员会办公室，县司法局。", "中共青山镇委员会办公室2026年1月12日印发"]


def check_colophon(page, page_rules):
    """7.4: the 版记's lines and rules at the foot of ``page``, an even page."""
    assert page.number % 2 == 0
    assert [ln.text.replace(" ", "") for ln in page.lines[-2:]] == COLOPHON
    widths = [r["linewidth"] for r in page_rules]
    assert widths == [1.0, 0.75, 1.0]
    for r in page_rules:
        assert abs(r["x0"] - LEFT) < 0.5 and abs(r["x1"] - RIGHT) < 0.5
    # The last rule on the bottom edge of the text area (±1 mm).
    assert abs(page_rules[-1]["top"] - BOTTOM) < 1.0 * MM, (BOTTOM - page_rules[-1]["top"]) / MM
    # 抄送 and 印发机关 one 字 (4号) in on the left, 印发日期 one 字 in on the right.
    cc, printed = page.lines[-2:]
    assert abs(cc.x0 - (LEFT + SMALL_CHAR)) < 0.8 and abs(printed.x0 - (LEFT + SMALL_CHAR)) < 0.8
    assert abs(printed.x1 - (RIGHT - SMALL_CHAR)) < 1.5
    # Each line between its rules.
    assert page_rules[0]["top"] < cc.top < page_rules[1]["top"] < printed.top < page_rules[2]["top"]


@pytest.mark.parametrize("case", ["single", "room"])
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_colophon_at_the_foot_of_the_last_text_page_when_it_is_even_and_has_room(laid_out, case):
    pages, rules, _ = laid_out[case]
    last = pages[-1]
    check_colophon(last, rules[-1])
    date = next(ln for ln in last.lines if ln.text.replace(" ", "") == "2026年1月10日")
    assert date.top < last.lines[-2].top  # the text above, on the same page
    assert rules[-1][0]["top"] - max(c["bottom"] for c in date.chars) > 3 * MM  # not on the text
    # A text page: it keeps its page number (7.5 leaves it out only after a blank page), even: left.
    assert [ln.text.replace(" ", "") for ln in last.footer] == [f"—{last.number}—"]
    assert abs(last.footer[0].x0 - (LEFT + SMALL_CHAR)) < 1.0


@pytest.mark.parametrize("case", ["joint", "odd"])
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_colophon_on_the_next_even_page_when_the_text_ends_on_an_odd_page(laid_out, case):
    pages, rules, _ = laid_out[case]
    last, before = pages[-1], pages[-2]
    assert before.number % 2 == 1 and before.lines and before.footer  # the text's last page, numbered
    check_colophon(last, rules[-1])
    assert len(last.lines) == 2 and not last.footer  # the 版记 alone, no page number


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_blank_page_before_the_colophon_when_the_even_last_page_is_full(laid_out):
    pages, rules, _ = laid_out["full"]
    assert len(pages) == 4
    text_last, blank, last = pages[1], pages[2], pages[3]
    assert text_last.lines[-1].text.replace(" ", "") == "2026年1月10日" and text_last.footer
    # The date on the text area's last line: no room left for the 版记.
    assert BOTTOM - max(c["bottom"] for c in text_last.lines[-1].chars) < PITCH
    assert blank.lines == [] and blank.footer == []  # 7.5: neither the blank page ...
    check_colophon(last, rules[-1])
    assert len(last.lines) == 2 and not last.footer  # ... nor the 版记 page carries a page number


@pytest.mark.parametrize("case", ["joint", "single"])
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_22_lines_of_28_characters_on_every_full_page(laid_out, case):
    pages, _, _ = laid_out[case]
    text_pages = [p for p in pages if p.footer and p.lines and p.lines[0].text not in ("附件", "附件1")]
    # Not full: the first page (版头), the last text page, and the one before it, which the signature
    # block's keep-together (the last paragraph goes with the signature) may leave short.
    full = text_pages[1:-2]
    assert len(full) >= 3
    for page in full:
        used = slots(page)
        assert used[0] == 0 and used[-1] == 21, f"page {page.number} uses slots {used}"
        widths = [len(ln.chars) for ln in page.lines if abs(ln.x1 - RIGHT) < 2 and abs(ln.x0 - LEFT) < 2]
        assert widths and max(widths) >= 28


SIGNERS = ["李明", "王小红", "张强", "赵一鸣", "陈东"]


@pytest.mark.parametrize("count", [3, 5])
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_several_signers_two_names_a_line_and_the_number_on_the_last(tmp_path, count):
    report = official_sample(attachments=False, joint=False)
    report.official.signers = SIGNERS[:count]
    # python-docx: the label in the body's 仿宋, the names in 楷体, the red rule under the last line only.
    document = doc_of(report, "submit")
    lines = [p for p in document.paragraphs if p.text.strip() and any(n in p.text for n in SIGNERS)]
    assert len(lines) == (count + 1) // 2
    for p in lines:
        assert p.runs[-1]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    assert [p._p.pPr.find(qn("w:pBdr")) is not None for p in lines] == [False] * (len(lines) - 1) + [True]
    # LibreOffice.
    pages, rules, _ = _layout(tmp_path, report, "signers")
    first = pages[0]
    rows = [ln for ln in first.lines if any(n in ln.text.replace(" ", "") for n in SIGNERS)]
    texts = [ln.text.replace(" ", "") for ln in rows]
    names = SIGNERS[:count]
    expected = ["签发人：" + "".join(names[:2])]
    expected += ["".join(names[i : i + 2]) for i in range(2, count, 2)]
    expected[-1] = "青山委文〔2026〕3号" + expected[-1]
    assert texts == expected
    # One grid line apart.
    for a, b in zip(rows, rows[1:], strict=False):
        assert abs((b.top - a.top) - PITCH) < 0.5
    # The first line ends 1 字 before the right edge; later names start under the first name.
    assert abs(rows[0].x1 - (RIGHT - CHAR)) < 1.5
    first_name = next(c for c in rows[0].chars if c["text"] == SIGNERS[0][0])
    for row, pair in zip(rows[1:], [names[i : i + 2] for i in range(2, count, 2)], strict=True):
        c = next(c for c in row.chars if c["text"] == pair[0][0])
        assert abs(c["x0"] - first_name["x0"]) < 0.8
    # The 发文字号 on the last line, 1 字 in; the red rule 4 mm below it, the title two lines below that.
    number = rows[-1]
    assert abs(number.x0 - (LEFT + CHAR)) < 1.0
    rule = next(r for r in rules[0] if r.get("stroking_color") == (1.0, 0.0, 0.0))
    assert abs((rule["top"] - max(c["bottom"] for c in number.chars)) / MM - 4) < 0.5
    title = next(ln for ln in first.lines if ln.text == "黔江区黄溪镇人民政府")
    assert 1.8 <= (title.top - rule["top"]) / PITCH <= 2.5


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_attachment_note_and_page_as_7_3_3_and_7_3_7_say(laid_out):
    pages, _, _ = laid_out["joint"]

    def find(text):
        for page in pages:
            for ln in page.lines:
                if ln.text.replace(" ", "") == text:
                    return page, ln
        raise AssertionError(text)

    def slot(ln):
        return int((max(c["bottom"] for c in ln.chars) - TOP) // PITCH)

    # 7.3.3: 附件说明 one line below the text, 2 字 in.
    page, note = find("附件：法治建设工作台账")
    above = page.lines[page.lines.index(note) - 1]
    assert slot(note) - slot(above) == 2 and abs(note.x0 - (LEFT + 2 * CHAR)) < 1.0
    # 7.3.7: on a page of its own after the text, before the 版记; 附件 in 黑体 flush left on the
    # first line, the title centred on the third, the text as the body's.
    page, label = find("附件")

    def font(ln):
        return ln.chars[0]["fontname"].split("+")[-1]  # without the subset tag

    heading_font = font(find("一、法治政府建设完成情况")[1])
    assert page.lines[0] is label and slot(label) == 0 and abs(label.x0 - LEFT) < 0.5
    assert font(label) == heading_font != font(note)
    _, title = find("法治建设工作台账")
    assert slot(title) == 2 and abs((title.x0 + title.x1) / 2 - (LEFT + RIGHT) / 2) < 1.0
    _, first = find("一、会前学法4次。")
    assert slot(first) == 4 and abs(first.x0 - (LEFT + 2 * CHAR)) < 1.0
    assert font(first) == font(note)  # the body's font
    assert page.number == pages[-1].number - 1  # the 版记 after it


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_attachment_table_in_libreoffice(laid_out):
    pages, rules, _ = laid_out["table"]
    page = next(p for p in pages if any(ln.text.replace(" ", "") == "类别2024年2025年" for ln in p.lines))
    rows = [ln for ln in page.lines if ln.text.replace(" ", "") in {"".join(r) for r in TABLE}]
    assert [ln.text.replace(" ", "") for ln in rows] == ["".join(r) for r in TABLE]
    # The header in the 一级标题 font (黑体), the rest in the body's; one grid line a row (+0.5 pt of rule).
    heading = next(ln for p in pages for ln in p.lines if ln.text.replace(" ", "") == "一、法治政府建设完成情况")
    assert rows[0].chars[0]["fontname"].split("+")[-1] == heading.chars[0]["fontname"].split("+")[-1]
    assert rows[1].chars[0]["fontname"].split("+")[-1] != heading.chars[0]["fontname"].split("+")[-1]
    for a, b in zip(rows, rows[1:], strict=False):
        assert abs((b.top - a.top) - PITCH) < 1.0
    # The rules as wide as the 版心: five horizontal ones for four rows.
    horizontal = [r for r in rules[page.number - 1] if r["x1"] - r["x0"] > 100]
    assert len(horizontal) == 5
    for r in horizontal:
        assert abs(r["x0"] - LEFT) < 0.5 and abs(r["x1"] - RIGHT) < 0.5
    # A cell's text centred in its third of the width.
    third = (RIGHT - LEFT) / 3
    first_cell = [c for c in rows[1].chars if c["text"] in "行政复议"]
    centre = (min(c["x0"] for c in first_cell) + max(c["x1"] for c in first_cell)) / 2
    assert abs(centre - (LEFT + third / 2)) < 1.0
    # The 版记 after it, on an even page.
    check_colophon(pages[-1], rules[-1])
