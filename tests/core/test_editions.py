"""The 公开版 (for the website) leaves out every part marked 不公开, at any level, and numbers what it
keeps consecutively; nothing of a withheld part is left anywhere in the .docx package or in the PDF
of either engine. Through the real CLI on a real database."""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from decimal import Decimal

import docx
import pytest
from support import custom_report, full_official, run_cli, soffice

from hxdesk import services
from hxdesk.model import Figure, Paragraph, numbering_labels

#: Words that stand only in the withheld parts (headings, bodies and a figure's label): none may
#: be found in any part of the 公开版.
SECRETS = (
    "戊己庚辛",  # the withheld （七）'s heading
    "壬癸子丑",  # its body
    "寅卯辰巳专项数",  # the label of a figure with no value, shown as 【待填：…】 where it is used
    "午未申酉",  # the withheld （三）'s body
    "存在的主要问题及原因",  # the withheld top-level 二、's heading
    "戌亥天干",  # its body
    "乾坤震巽",  # the four-level report's withheld 1.
    "坎离艮兑",  # its withheld （1）
    "存在的不足和原因",  # its withheld 二、
)


def sample_with_withheld():
    """The sample with （三） and （七） under 一、 and the whole 二、 marked 不公开, each with words of
    its own; （七） uses a figure with no value (its label is printed in the plain edition)."""
    report = services.sample_report()
    first = report.sections[0]
    seventh, third = first.children[6], first.children[2]
    seventh.heading = "坚持在党的领导下，深化新时代“戊己庚辛”建设。"
    seventh.blocks = [Paragraph("内部事项壬癸子丑不宜公开，涉及{{secret_count}}。")]
    report.figures["secret_count"] = Figure("secret_count", "寅卯辰巳专项数", None, "件")
    third.blocks = [Paragraph("本节记载午未申酉等内部情况。")]
    report.sections[1].blocks = [Paragraph("问题清单戌亥天干。")]
    for section in (seventh, third, report.sections[1]):
        section.public = False
    return report


def custom_with_withheld():
    """The tests' own four-level report with a 1. (level 3), a （1） (level 4) and 二、 withheld."""
    report = custom_report()
    review = report.sections[0].children[1]
    review.children[0].blocks = [Paragraph("审核台账乾坤震巽。")]
    review.children[0].public = False
    review.children[1].children[0].blocks = [Paragraph("集中学习坎离艮兑。")]
    review.children[1].children[0].public = False
    report.sections[1].public = False
    return report


LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")


def labels_in_order(texts):
    return [m.group(0) for t in texts if (m := LABEL.match(t))]


def docx_texts(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture
def db_with_withheld(tmp_path):
    db = tmp_path / "hx.db"
    with services.open_workspace(db) as ws:
        sample_id = ws.reports.add(sample_with_withheld())
        custom_id = ws.reports.add(custom_with_withheld())
    return db, sample_id, custom_id


def package_texts(path):
    """Every part of the .docx package as text (entities resolved), by part name."""
    with zipfile.ZipFile(path) as z:
        return {name: html.unescape(z.read(name).decode("utf-8", errors="replace")) for name in z.namelist()}


def test_the_public_docx_holds_no_word_of_a_withheld_part_in_any_package_part(db_with_withheld, tmp_path):
    db, sample_id, custom_id = db_with_withheld
    for rid in (sample_id, custom_id):
        plain, public = tmp_path / f"plain{rid}.docx", tmp_path / f"public{rid}.docx"
        run_cli("render", str(rid), "--db", str(db), "-o", str(plain), check=True)
        run_cli("render", str(rid), "--db", str(db), "--edition", "public", "-o", str(public), check=True)
        shown = "".join(package_texts(plain).values())
        mine = [s for s in SECRETS if s in shown]
        assert len(mine) >= 3, "the plain edition prints the withheld parts (the words are really there)"
        for part, text in package_texts(public).items():
            leaked = [s for s in SECRETS if s in text]
            assert not leaked, f"{part} of the 公开版 holds {leaked}"


def test_the_public_edition_numbers_what_it_keeps_consecutively_at_every_level(db_with_withheld, tmp_path):
    db, sample_id, custom_id = db_with_withheld
    out = tmp_path / "public.docx"
    run_cli("render", str(sample_id), "--db", str(db), "--edition", "public", "-o", str(out), check=True)
    texts = docx_texts(out)
    assert labels_in_order(texts) == [
        "一、",
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "二、",
        "（一）",
        "（二）",
        "（三）",
    ]
    assert any(t.startswith("（三）坚持在党的领导下，深化新时代“枫桥经验”。") for t in texts)
    assert any(t.startswith("（五）坚持在党的领导下，深化新时代“党务、政务、村务”公开建设。") for t in texts)
    assert "二、2025年工作措施" in texts

    run_cli("render", str(custom_id), "--db", str(db), "--edition", "public", "-o", str(out), check=True)
    texts = docx_texts(out)
    assert "1.强化培训考核" in texts  # was 2.
    assert any(t.startswith("（1）以考促学。") for t in texts)  # was （2）
    assert "（2）" not in "".join(labels_in_order(texts))
    assert "二、党政主要负责人履行推进法治建设第一责任人职责情况" in texts  # was 三、
    assert "四、其他需要报告的情况" in texts and not any(t.startswith("五、") for t in texts)


def test_the_submit_and_plain_editions_keep_the_withheld_parts(db_with_withheld, tmp_path):
    db, sample_id, _ = db_with_withheld
    for edition in ("plain", "submit"):
        out = tmp_path / f"{edition}.docx"
        run_cli("render", str(sample_id), "--db", str(db), "--edition", edition, "-o", str(out), check=True)
        texts = docx_texts(out)
        assert "二、存在的主要问题及原因" in texts
        assert any(t.startswith("（七）坚持在党的领导下，深化新时代“戊己庚辛”建设。") for t in texts)


@pytest.mark.parametrize("engine", ["rdocx", pytest.param("libreoffice", marks=pytest.mark.libreoffice)])
def test_the_public_pdf_of_either_engine_holds_no_word_of_a_withheld_part(db_with_withheld, tmp_path, engine):
    if engine == "libreoffice" and soffice() is None:
        pytest.skip("LibreOffice is not installed")
    db, sample_id, _ = db_with_withheld
    out = tmp_path / "public.pdf"
    run_cli(
        "render", str(sample_id), "--db", str(db), "--edition", "public", "--engine", engine, "-o", str(out), check=True
    )
    text = "".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "（三）坚持在党的领导下，深化新时代“枫桥经验”" in text  # the text is extracted, renumbered
    assert "二、2025年工作措施" in text
    for word in (*SECRETS, "（六）坚持", "（七）坚持", "三、2025"):
        assert word not in text, f"the {engine} PDF of the 公开版 shows {word}"


def test_edition_view_is_what_every_edition_contains():
    from hxdesk.model import edition_view

    report = sample_with_withheld()
    report.official = full_official()
    public = edition_view(report, "public")
    kept = {s.uid for s, _ in public.walk()}
    assert all(s.public for s, _ in public.walk())
    assert kept == {s.uid for s, _ in report.walk() if s.public}
    assert public.official.attachments == report.official.attachments
    assert (public.official.code, public.official.signers, public.official.cc, public.official.bodies) == (
        "",
        [],
        [],
        [],
    )
    labels = numbering_labels(public)
    assert [labels[s.uid] for s in public.sections[0].children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    plain = edition_view(report, "plain")
    assert len(list(plain.walk())) == len(list(report.walk())) and plain.official.code == ""
    submit = edition_view(report, "submit")
    assert submit == report
    # The view is a copy: the report itself keeps every part.
    assert report.sections[1].public is False and len(report.sections) == 3


def test_the_placeholders_left_are_counted_in_the_edition_generated():
    report = sample_with_withheld()
    report.figures["secret_count"].value = None
    assert services.placeholders_left(report, "plain") == 1
    assert services.placeholders_left(report, "public") == 0
    report.figures["secret_count"].value = Decimal(3)
    assert services.placeholders_left(report, "plain") == 0
