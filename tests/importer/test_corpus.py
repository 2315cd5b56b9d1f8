"""Issue 16, the corpus: reports of varied shape (tests/importer/corpus.py) imported with
`hxdesk import` and rendered with `hxdesk render`, read back with python-docx word for word —
modulo the documented normalisations (a long one-line title is split after the issuer and
broken into lines; the text of every line is kept)."""

from __future__ import annotations

import re

import pytest
from support import docx_to_pdf, pdf_pages, run_cli, soffice

from hxdesk import services

from .cases import write_case
from .corpus import corpus
from .typed import docx_texts

REPORTS = corpus()
MM = 72 / 25.4
LEFT, RIGHT = 28 * MM, 595.28 - 26 * MM
TOP, BOTTOM = 37 * MM, 841.89 - 35 * MM
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
PITCH = 579 / 20  # one line of the 22-line grid (as tests/core/test_render_pdf.py measures)


def slots(page) -> list[int]:
    """Line slots (0-based, on the grid from the top of the text area) that hold text."""
    return sorted({int((max(c["bottom"] for c in line.chars) - TOP) // PITCH) for line in page.lines})


def test_the_corpus_is_varied():
    assert len(REPORTS) >= 15
    assert {r.title_lines for r in REPORTS} == {1, 2, 3}
    assert {r.levels for r in REPORTS} == {3, 4}
    assert {bool(r.addressee) for r in REPORTS} == {True, False}
    assert {len(r.signatures) for r in REPORTS} == {1, 2, 3}
    assert {r.form for r in REPORTS} == {"txt", "typed", "listed"}
    assert any(sum(1 for x in r.plain if x.startswith(("四、", "五、"))) == 2 for r in REPORTS)  # five parts


@pytest.mark.parametrize("case", REPORTS, ids=[r.name for r in REPORTS])
def test_a_corpus_report_imports_and_renders_back_word_for_word(tmp_path, case):
    path = write_case(tmp_path, case.markup, case.form, case.name)
    db = tmp_path / "hx.db"
    proc = run_cli("--db", str(db), "import", str(path), check=True)
    report_id = proc.stdout.strip().splitlines()[-1]
    notes = [x.removeprefix("提示：") for x in proc.stderr.splitlines() if x.startswith("提示：")]
    out = tmp_path / "out.docx"
    run_cli("--db", str(db), "render", report_id, "-o", str(out), check=True)
    got = docx_texts(out)

    typed_title = case.plain[: case.title_lines]
    rest = case.plain[case.title_lines :]
    n_title = got.index(rest[0])
    assert "".join(got[:n_title]) == "".join(typed_title)  # every character of the title
    assert all(len(line) <= 20 for line in got[:n_title])
    if case.title_lines > 1 or len(typed_title[0]) <= 20:
        assert got[:n_title] == typed_title  # set by the author: kept as set
    assert got[n_title:] == rest  # the rest word for word

    with services.open_workspace(db, write=False) as workspace:
        report = workspace.reports.load(int(report_id))
    assert report.addressee == case.addressee
    assert report.signatures == case.signatures
    assert max(len(path) for _, path in report.walk()) == case.levels
    assert [s.heading for s in report.sections][0] == "主要举措和成效"
    # The notes list every change: here a split title and the rates made derived (the text is clean).
    split = [n for n in notes if n.startswith("标题：") and "拆为" in n]
    derived = [n for n in notes if "自动计算" in n]
    assert len(split) == (1 if case.title_lines == 1 and len(typed_title[0]) > 20 else 0)
    assert len(derived) == sum(1 for f in report.figures.values() if f.formula)
    assert len(split) + len(derived) == len(notes), notes
    assert all(n.startswith(("一、（", "四、（")) for n in derived)
    rate = next(f for f in report.figures.values() if f.label == "调解成功率")
    assert rate.formula  # 调解成功 ÷ 排查 × 100
    assert all(f.label for f in report.figures.values())
    assert len({f.label for f in report.figures.values()}) == len(report.figures)


LAID_OUT = REPORTS  # every shape: split titles, joint signatures, 1–3 title lines, 3 and 4 levels


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
@pytest.mark.parametrize("case", LAID_OUT, ids=[r.name for r in LAID_OUT])
def test_a_corpus_report_keeps_the_page_layout(tmp_path, case):
    """Laid out by LibreOffice: 22 lines on every full page (but for a heading kept with its text), the title lines centred and then
    one blank line, as the renderer's own layout tests measure the sample."""
    from hxdesk.importer import import_file
    from hxdesk.render import render_document

    report = import_file(write_case(tmp_path, case.markup, case.form, case.name)).report
    out = tmp_path / "out.docx"
    render_document(report).save(str(out))
    n_title = len(report.issuers) + len(report.title.split("\n"))
    pages = pdf_pages(docx_to_pdf(out), BOTTOM)
    for page, following in zip(pages, pages[1:], strict=False):
        used = slots(page)
        assert used[0] == 0, f"page {page.number} uses slots {used}"
        if used[-1] != 21:  # a heading kept with its text moved to the next page, nothing else …
            top = min(following.lines, key=lambda ln: ln.top).text
            # … or the last part moved whole with the closing it is kept with (GB/T 9704 7.3.5: the
            # 署名 and 成文日期 never stand on a page of their own), which can leave a few more lines
            closing = following is pages[-1] and any(
                report.signatures[-1] in ln.text for ln in following.lines if report.signatures
            )
            assert HEADING_START.match(top) and (used[-1] >= 19 or closing), (page.number, used, top)
    first = slots(pages[0])
    assert first[: n_title + 1] == list(range(n_title)) + [n_title + 1]  # a blank line below the title
    for line in sorted(pages[0].lines, key=lambda ln: ln.top)[:n_title]:
        centre = (line.x0 + line.x1) / 2
        assert abs(centre - (LEFT + RIGHT) / 2) < 8, line.text
