"""The submit edition laid out by a second engine, rdocx (its own layout, not LibreOffice's), measured
as tests/core/test_official.py measures LibreOffice's: the same pages, the red header where 7.2.4
puts it, the 版记 at the foot of an even last page without a page number.

Known differences of the engines (docs/official-document.md): rdocx sets the header's glyph box about
2 mm lower than LibreOffice; both keep the 35 mm within the tolerance below. rdocx does not insert the
blank page an even-page section needs after an even page (it starts the 版记's section on the odd
page), so its test cases are the two that need none.
"""

from __future__ import annotations

import subprocess

import pdfplumber
import pytest
import rdocx
from support import docx_to_pdf, soffice

from hxdesk.render import render_document

from .test_official import BOTTOM, MM, TOP, official_sample, sized_report

RED = (1.0, 0.0, 0.0)
TOLERANCE_MM = 2.5
LINE = 28  # characters of a full line (GB/T 9704 7.1: 28 per line)


def font_dirs() -> list[str]:
    """The folders fontconfig reads (rdocx substitutes silently when it is not told where fonts are)."""
    out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=True).stdout
    return sorted({line.rsplit("/", 1)[0] for line in out.splitlines() if "/" in line})


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rdocx")
    docx_path = folder / "submit.docx"
    render_document(official_sample(), edition="submit").save(str(docx_path))
    pdf = rdocx.Document.open(str(docx_path)).to_pdf_with_diagnostics(font_dirs=font_dirs())[0]
    ours = folder / "rdocx.pdf"
    ours.write_bytes(bytes(pdf))
    with (
        pdfplumber.open(str(ours)) as by_rdocx,
        pdfplumber.open(str(docx_to_pdf(docx_path, keep_blank_pages=True))) as lo,
    ):
        yield by_rdocx, lo


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_both_engines_make_the_same_pages(both):
    """Same page count; each page starts at the same place of the text, within two lines (2 × 28 characters):
    the engines break lines a few characters apart (LibreOffice adds space between Chinese and digits)."""
    by_rdocx, by_libreoffice = both
    assert len(by_rdocx.pages) == len(by_libreoffice.pages) >= 2

    def page_starts(pdf) -> list[int]:
        texts = ["".join((page.extract_text() or "").split()) for page in pdf.pages]
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text)
        return starts

    for n, (a, b) in enumerate(zip(page_starts(by_rdocx), page_starts(by_libreoffice), strict=True), start=1):
        assert abs(a - b) <= LINE * 2, f"page {n} starts {a - b} characters apart"


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_the_red_header_sits_35_mm_below_the_text_area_in_rdocx_too(both):
    by_rdocx, _ = both
    red = [c for c in by_rdocx.pages[0].chars if c["text"].strip() and tuple(c["non_stroking_color"]) == RED]
    assert red, "no red 发文机关标志 on the first page"
    below = (min(c["top"] for c in red) - TOP) / MM
    assert abs(below - 35) <= TOLERANCE_MM, below


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
def test_the_colophon_is_on_an_even_last_page_without_a_page_number_in_rdocx_too(both):
    by_rdocx, _ = both
    last = by_rdocx.pages[-1]
    text = last.extract_text() or ""
    assert len(by_rdocx.pages) % 2 == 0 and "抄送" in text and text.rstrip().endswith("印发")
    assert "—" not in text  # no "— 8 —"
    lowest = max(c["bottom"] for c in last.chars if c["text"].strip())
    assert (841.89 - 35 * MM) - lowest < 15 * MM  # at the foot of the page


def rdocx_pdf(path):
    return bytes(rdocx.Document.open(str(path)).to_pdf_with_diagnostics(font_dirs=font_dirs())[0])


@pytest.mark.parametrize("case", ["sample", "room"])
def test_the_colophon_shares_an_even_last_page_with_room_in_rdocx_too(tmp_path, case):
    report = official_sample(attachments=False, joint=False) if case == "sample" else sized_report(6)
    docx_path = tmp_path / "submit.docx"
    render_document(report, edition="submit").save(str(docx_path))
    pdf_path = tmp_path / "rdocx.pdf"
    pdf_path.write_bytes(rdocx_pdf(docx_path))
    with pdfplumber.open(str(pdf_path)) as pdf:
        last = pdf.pages[-1]
        text = "".join((last.extract_text() or "").split())
        assert len(pdf.pages) % 2 == 0
        assert "2026年1月10日抄送：" in text and text.endswith(f"印发—{len(pdf.pages)}—")  # the text, then the 版记
        rules = sorted({round(ln["top"], 1): ln for ln in last.lines}.values(), key=lambda ln: ln["top"])
        assert abs(rules[-1]["top"] - BOTTOM) < 1.0 * MM, (BOTTOM - rules[-1]["top"]) / MM
        assert [r["linewidth"] for r in rules][0] == 1.0 and rules[-1]["linewidth"] == 1.0
