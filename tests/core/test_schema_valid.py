"""Every .docx hxdesk writes is valid to Word's schema (ECMA-376 as the Open XML SDK checks it, ported
by openxml-audit): each edition of the sample and of the tests' own four-level report, the 报送版 with
版头, 版记 (on the text's last page and on a page of its own), several 签发人 and attachments with a
table, both font presets and bold level-3 headings, every template, the style template itself, and a
document imported and generated again. Word "repairs" (or refuses) a file that is not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from support import custom_report, full_official, run_cli, schema_errors

from hxdesk import services
from hxdesk.model import Attachment
from hxdesk.render import FONT_PRESETS, ReportRenderer, render_bytes
from hxdesk.resources import resource_path

EDITIONS = ("submit", "plain", "public")


def with_everything(report, attachments: int = 2):
    """版头 of two bodies, three 签发人 (two lines), 版记, and ``attachments`` attachments (the second
    with a table); the last top-level section 不公开, a sub-section too."""
    report.official = full_official()
    report.official.signers = ["李明", "王芳", "张三"]
    extra = Attachment("统计表", ["说明如下。"], [["项目", "数量"], ["行政复议", "1件"], ["行政诉讼", ""]])
    report.official.attachments = (report.official.attachments + [extra])[:attachments]
    report.date = dt.date(2026, 1, 10)
    report.sections[-1].public = False
    report.sections[0].children[-1].public = False
    return report


def assert_valid(path):
    errors = schema_errors(path)
    assert errors == [], "\n".join(errors)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "hx.db"
    with services.open_workspace(db) as ws:
        rid = ws.reports.add(with_everything(services.sample_report()))
    return db, rid


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("fonts", ["gb2312", "standard"])
def test_every_edition_of_the_sample_is_valid_through_the_cli(sample_db, tmp_path, edition, fonts):
    db, rid = sample_db
    out = tmp_path / f"{edition}.docx"
    run_cli("render", str(rid), "--db", str(db), "--edition", edition, "--fonts", fonts, "-o", str(out), check=True)
    assert_valid(out)


@pytest.mark.parametrize("attachments", [0, 1, 2])
@pytest.mark.parametrize("make", [services.sample_report, custom_report], ids=["sample", "four_levels"])
def test_every_edition_is_valid_with_the_colophon_on_the_last_page_or_its_own(tmp_path, make, attachments):
    report = with_everything(make(), attachments)
    bold = replace(FONT_PRESETS["gb2312"], level3_bold=True)
    for edition in EDITIONS:
        out = tmp_path / f"{edition}.docx"
        out.write_bytes(render_bytes(report, bold, edition))
        assert_valid(out)


def test_both_places_of_the_colophon_are_covered():
    """The cases above put the 版记 both on the text's last page (a floating table) and on a page of its own."""
    places = {
        ReportRenderer(with_everything(make(), n), edition="submit").colophon_shares_last_page()
        for make in (services.sample_report, custom_report)
        for n in (0, 1, 2)
    }
    assert places == {True, False}


def test_a_single_issuing_body_header_is_valid(tmp_path):
    report = with_everything(custom_report())
    report.official.bodies = report.official.bodies[1:]
    report.official.with_wenjian = True
    report.official.signers = []
    out = tmp_path / "single.docx"
    out.write_bytes(render_bytes(report, edition="submit"))
    assert_valid(out)


@pytest.mark.parametrize("template", [t.name for t in services.list_templates()])
def test_every_template_renders_valid(tmp_path, template):
    report = services.new_from_template(template, 2025, "青山镇人民政府")
    for edition in EDITIONS:
        out = tmp_path / f"{edition}.docx"
        out.write_bytes(render_bytes(report, edition=edition))
        assert_valid(out)


def test_the_style_template_is_valid():
    assert_valid(resource_path("styles/official.docx"))


def test_a_generated_document_imported_and_generated_again_is_valid(tmp_path):
    db = tmp_path / "hx.db"
    first = tmp_path / "报送版.docx"
    run_cli("render", "--sample", "--edition", "submit", "-o", str(first), check=True)
    imported = run_cli("--db", str(db), "import", str(first), check=True)
    rid = imported.stdout.strip().splitlines()[-1].split()[0]
    again = tmp_path / "again.docx"
    run_cli("render", rid, "--db", str(db), "--edition", "submit", "-o", str(again), check=True)
    assert_valid(again)


def test_in_schema_order_sorts_what_the_schema_orders_and_keeps_the_rest():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    from hxdesk.render.schema_order import in_schema_order

    xml = (
        f"<w:body {nsdecls('w')}><w:p><w:pPr><w:outlineLvl w:val='0'/><w:ind w:left='0'/><w:jc w:val='left'/>"
        "<w:pStyle w:val='a'/></w:pPr><w:r><w:rPr><w:sz w:val='2'/><w:b/><w:rFonts w:ascii='x'/></w:rPr></w:r></w:p>"
        "<w:tbl><w:tblPr><w:tblBorders><w:top/><w:bottom/><w:insideH/><w:left/><w:right/><w:insideV/></w:tblBorders>"
        "<w:tblW w:w='1'/><w:tblpPr/></w:tblPr></w:tbl>"
        "<w:sectPr><w:pgSz/><w:type/><w:footerReference/><w:headerReference/><w:docGrid/><w:unknownX/><w:cols/>"
        "</w:sectPr></w:body>"
    )
    body = parse_xml(xml)
    in_schema_order(body)

    def names(path):
        return [el.tag.split("}")[1] for el in body.find(path)]

    assert names(".//" + qn("w:pPr")) == ["pStyle", "ind", "jc", "outlineLvl"]
    assert names(".//" + qn("w:rPr")) == ["rFonts", "b", "sz"]
    assert names(".//" + qn("w:tblBorders")) == ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert names(".//" + qn("w:tblPr")) == ["tblpPr", "tblW", "tblBorders"]
    # References first in their own order; an element the table does not know stays after its predecessor.
    assert names(qn("w:sectPr")) == [
        "footerReference",
        "headerReference",
        "type",
        "pgSz",
        "cols",
        "docGrid",
        "unknownX",
    ]
