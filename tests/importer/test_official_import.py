"""版头 and 版记 lines of a typed document go into the official elements, never into the text,
and the submit edition renders them back word for word."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from hxdesk.importer import import_file
from hxdesk.importer.official import take_official
from hxdesk.render import render_bytes

from .typed import typed_docx

TYPED = """=青山镇人民政府
=关于2025年度法治政府建设情况的报告
=青政文〔2026〕3号
县委、县政府：
2025年，青山镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。
#一、主要举措
（一）健全制度。全年修订制度12项，组织会前学法4次。
#二、下一步打算
持续抓好法治宣传教育，推动法治政府建设再上新台阶。

>青山镇人民政府
>2026年1月10日
抄送：县委全面依法治县委员会办公室，县司法局。
青山镇党政办公室      2026年1月12日印发
"""


def _rendered_texts(report) -> list[str]:
    document = docx.Document(io.BytesIO(render_bytes(report, edition="submit")))
    out = []
    for el in document.element.body.iter(qn("w:p")):
        t = "".join(x.text or "" for x in el.iter(qn("w:t"))).replace(" ", "").replace("\u3000", "")
        if t:
            out.append(t)
    return out


def test_typed_report_imports_into_official_fields_and_renders_back(tmp_path):
    path = typed_docx(TYPED, tmp_path / "typed.docx")
    report = import_file(path).report
    o = report.official
    assert (o.code, o.doc_year, o.doc_number) == ("青政文", 2026, 3)
    assert o.cc == ["县委全面依法治县委员会办公室", "县司法局"]
    assert (o.printer, o.print_date) == ("青山镇党政办公室", dt.date(2026, 1, 12))
    assert report.addressee == "县委、县政府"
    assert [s.heading for s in report.sections] == ["主要举措", "下一步打算"]
    assert report.signatures == ["青山镇人民政府"] and report.date == dt.date(2026, 1, 10)
    every = "\n".join(report.all_texts())
    for stray in ("青政文", "抄送", "印发"):
        assert stray not in every
    typed = [ln.lstrip("=#>").replace(" ", "") for ln in TYPED.splitlines() if ln.strip()]
    number = typed.pop(2)  # the 发文字号 line stands above the title in the submit edition
    assert _rendered_texts(report) == [number, *typed]


def test_header_signer_and_attachments(tmp_path):
    markup = """=中共青山镇委员会
=青山镇人民政府文件
青委文[2025]12号 签发人：李明 王强
=关于2024年度法治政府建设情况的报告
县委：
全年办理行政复议案件1件。
附件：1.法治建设工作台账
2.执法案件统计表

>中共青山镇委员会
>2025年1月10日
附件1
法治建设工作台账
一、会前学法4次。
附件2
执法案件统计表
见下表。
抄送：县司法局。
"""
    report = import_file(typed_docx(markup, tmp_path / "t.docx")).report
    o = report.official
    assert o.bodies == ["中共青山镇委员会", "青山镇人民政府"] and o.with_wenjian
    assert (o.code, o.doc_year, o.doc_number, o.signers) == ("青委文", 2025, 12, ["李明", "王强"])
    assert [(a.title, a.paragraphs) for a in o.attachments] == [
        ("法治建设工作台账", ["一、会前学法4次。"]),
        ("执法案件统计表", ["见下表。"]),
    ]
    assert o.cc == ["县司法局"]
    assert report.title == "关于{{year}}年度法治政府建设情况的报告"
    assert report.signatures == ["中共青山镇委员会"] and report.date == dt.date(2025, 1, 10)
    assert "附件" not in "\n".join(report.all_texts())


class L:
    def __init__(self, text: str) -> None:
        self.text = text
        self.src = self
        self.cells = ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新田委文〔2026〕3号", ("新田委文", 2026, 3)),
        ("X政发[2025]12号", ("X政发", 2025, 12)),
        ("X办（2025）1号", ("X办", 2025, 1)),
        ("X办〔2025〕第01号", ("X办", 2025, 1)),
    ],
)
def test_doc_number_forms(text, expected):
    taken, o = take_official([L("标题"), L(text), L("正文。")])
    assert taken == [1] and (o.code, o.doc_year, o.doc_number) == expected


def test_body_lines_that_look_alike_stay_text():
    lines = [L("标题"), L("县委："), L("根据县委〔2025〕3号文件要求，我镇开展了工作。"), L("抄送情况良好。")]
    taken, o = take_official(lines)
    assert taken == [] and o.doc_number is None and o.cc == []


def test_several_signers_on_lines_of_two_with_the_number_on_the_last(tmp_path):
    markup = """=青山镇人民政府文件
签发人：李明　王小红
赵一鸣　陈东
青政文〔2026〕5号　　　　　　　　　　　　　张强
=关于2025年度法治政府建设情况的报告
县委、县政府：
全年办理行政复议案件1件。

>青山镇人民政府
>2026年1月10日
"""
    report = import_file(typed_docx(markup, tmp_path / "t.docx")).report
    o = report.official
    assert (o.code, o.doc_year, o.doc_number) == ("青政文", 2026, 5)
    assert o.signers == ["李明", "王小红", "赵一鸣", "陈东", "张强"]
    every = "\n".join(report.all_texts())
    for stray in ("签发人", "赵一鸣", "张强", "青政文"):
        assert stray not in every
    # Rendered back line for line (7.2.6: two names a line, the 发文字号 on the last line).
    texts = _rendered_texts(report)
    at = texts.index("签发人：李明王小红")
    assert texts[at : at + 3] == ["签发人：李明王小红", "赵一鸣陈东", "青政文〔2026〕5号张强"]
    # A 发文字号 line ending with names but without a 签发人 line before it stays as it was.
    plain = import_file(typed_docx("=关于报告\n青政文〔2026〕5号　　张强\n正文。\n", tmp_path / "u.docx")).report
    assert plain.official.signers == []


def test_attachment_table_in_word_becomes_the_attachments_table(tmp_path):
    markup = """=关于2025年度法治政府建设情况的报告
县委：
全年办理行政复议案件2件。
附件：执法案件统计表

>青山镇人民政府
>2026年1月10日
附件
执法案件统计表
全年执法案件如下。
抄送：县司法局。
"""
    path = typed_docx(markup, tmp_path / "t.docx")
    document = docx.Document(str(path))
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["类别", "2024年", "2025年"], ["行政处罚", "3件", ""], ["行政强制", "1件", "2件"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    after = next(p for p in document.paragraphs if p.text == "全年执法案件如下。")
    after._p.addnext(table._tbl)  # on the attachment's page, before the 版记
    document.save(str(path))
    report = import_file(path).report
    (a,) = report.official.attachments
    assert a.title == "执法案件统计表" and a.paragraphs == ["全年执法案件如下。"]
    assert a.table == [["类别", "2024年", "2025年"], ["行政处罚", "3件", ""], ["行政强制", "1件", "2件"]]
    assert report.official.cc == ["县司法局"]
    assert "类别" not in "\n".join(report.all_texts())
    # And rendered back as a table.
    rendered = docx.Document(io.BytesIO(render_bytes(report, edition="submit")))
    assert [[c.text for c in row.cells] for row in rendered.tables[0].rows] == a.table
