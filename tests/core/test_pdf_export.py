"""PDF export and the preview's pages: the bundled engine (rdocx) against LibreOffice's layout of the same
.docx, fonts embedded, page numbers where GB/T 9704 7.5 puts them, and the fonts standing in for missing ones.

Tolerance (docs/preview-and-pdf.md): the engines break lines a few characters apart (LibreOffice adds space
between Chinese characters and digits, rdocx does not), so a page may start up to two lines (2 × 28 characters)
earlier or later in one engine than in the other; page counts, the first page's first line and the last
page's last line are equal.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from support import custom_report, docx_to_pdf, pdf_pages, run_cli, soffice

from hxdesk import services
from hxdesk.errors import InvalidInput
from hxdesk.render.fontfiles import FontCatalogue, choose_fonts, scan_font_files, system_catalogue
from hxdesk.render.pages import lay_out
from hxdesk.render.profile import FontProfile

from .test_official import official_sample
from .test_render_pdf import BOTTOM, MM, check_page_number

LINE = 28
needs_libreoffice = [pytest.mark.libreoffice, pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")]

CASES = {
    "sample": (services.sample_report, "plain"),
    "four-level": (custom_report, "plain"),
    "red-header": (official_sample, "submit"),
}


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """Per case: (rdocx PDF, LibreOffice's PDF of the written .docx)."""
    folder = tmp_path_factory.mktemp("pdf-export")
    out = {}
    for name, (make, edition) in CASES.items():
        report = make()
        docx_path = folder / f"{name}.docx"
        services.render_to_file(report, docx_path, edition=edition)
        ours, engine, _ = services.export_pdf(report, folder / f"{name}.pdf", edition=edition, engine="rdocx")
        assert engine == "rdocx"
        out[name] = (ours, docx_to_pdf(docx_path, keep_blank_pages=True))
    return out


def page_texts(path: Path) -> list[str]:
    """Each page's body text without spaces (the page number below the text area left out)."""
    return ["".join(line.text for line in page.lines).replace(" ", "") for page in pdf_pages(path, BOTTOM)]


def first_and_last_lines(path: Path) -> list[tuple[str, str]]:
    return [(p.lines[0].text, p.lines[-1].text) if p.lines else ("", "") for p in pdf_pages(path, BOTTOM)]


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
@pytest.mark.parametrize("case", list(CASES))
def test_rdocx_pdf_has_libreoffices_pages(engines, case):
    ours, theirs = engines[case]
    a, b = page_texts(ours), page_texts(theirs)
    assert len(a) == len(b) >= 2, (len(a), len(b))
    assert "".join(a) == "".join(b), "the same text in the same order"
    lines_a, lines_b = first_and_last_lines(ours), first_and_last_lines(theirs)
    assert lines_a[0][0] == lines_b[0][0], "the first page starts with the same line"
    assert lines_a[-1][1] == lines_b[-1][1], "the last page ends with the same line"
    whole = "".join(b)
    at_a = at_b = 0
    for n, (page_a, page_b) in enumerate(zip(a, b, strict=True), start=1):
        assert abs(at_a - at_b) <= 2 * LINE, f"page {n} starts {at_a - at_b} characters apart"
        # rdocx's first and last lines of the page are LibreOffice's text within two lines of its page's edges.
        first, last = (line.replace(" ", "") for line in lines_a[n - 1])
        start = whole.find(first, max(0, at_b - 2 * LINE))
        assert at_b - 2 * LINE <= start <= at_b + 2 * LINE, f"page {n}: first line {first!r}"
        end = whole.find(last, max(0, at_b + len(page_b) - len(last) - 2 * LINE)) + len(last)
        assert abs(end - (at_b + len(page_b))) <= 2 * LINE, f"page {n}: last line {last!r}"
        at_a += len(page_a)
        at_b += len(page_b)


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils missing")
@pytest.mark.parametrize("case", list(CASES))
def test_rdocx_pdf_embeds_every_font(engines, case):
    rows = pdffonts(engines[case][0])
    assert rows, "no fonts listed"
    for row in rows:
        # columns: name, type…, encoding, emb, sub, uni, object, ID — emb is the fifth from the end
        assert row[-5] == "yes", f"font {row[0]} is not embedded"


@pytest.mark.parametrize("case", list(CASES))
def test_rdocx_page_numbers_where_the_standard_puts_them(engines, case):
    pages = pdf_pages(engines[case][0], BOTTOM)
    numbered = [p for p in pages if p.footer]
    assert numbered, "no page numbers"
    for page in numbered:
        check_page_number(page, below_mm=(6, 8.5))  # rdocx sets the number 1.6 pt lower than LibreOffice
    if case == "red-header":
        last = pages[-1]
        assert not last.footer and len(pages) % 2 == 0, "the 版记 page: even, no page number"


@pytest.mark.skipif(soffice() is None, reason="LibreOffice missing")
@pytest.mark.libreoffice
def test_libreoffice_engine_keeps_blank_pages_and_embeds_fonts(tmp_path):
    report = official_sample()
    path, engine, substitutions = services.export_pdf(
        report, tmp_path / "lo.pdf", edition="submit", engine="libreoffice"
    )
    assert engine == "libreoffice"
    docx_path = tmp_path / "lo.docx"
    services.render_to_file(report, docx_path, edition="submit")
    with pdfplumber.open(str(path)) as ours, pdfplumber.open(str(docx_to_pdf(docx_path, keep_blank_pages=True))) as ref:
        assert len(ours.pages) == len(ref.pages)
    if shutil.which("pdffonts"):
        assert all(row[-5] == "yes" for row in pdffonts(path))


def test_pdf_export_refuses_other_names_and_unknown_engines(tmp_path):
    with pytest.raises(InvalidInput, match="应以 .pdf 结尾"):
        services.export_pdf(services.sample_report(), tmp_path / "a.docx")
    with pytest.raises(InvalidInput, match="排版引擎"):
        services.export_pdf(services.sample_report(), tmp_path / "a.pdf", engine="word")
    assert list(tmp_path.iterdir()) == []


def test_cli_render_pdf(tmp_path):
    out = tmp_path / "示例.pdf"
    result = run_cli("render", "--sample", "--engine", "rdocx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "排版引擎：内置排版引擎" in result.stderr
    with pdfplumber.open(str(out)) as pdf:
        assert len(pdf.pages) == 5  # the sample is five pages in Word and in LibreOffice
        assert "黔江区黄溪镇人民政府" in (pdf.pages[0].extract_text() or "")


def test_cli_render_pdf_without_libreoffice_says_so(tmp_path):
    import os

    # An empty PATH: no soffice on it (run_cli starts the interpreter by its full path).
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare)}
    result = run_cli("render", "--sample", "--engine", "libreoffice", "-o", str(tmp_path / "a.pdf"), env=env)
    assert result.returncode != 0
    assert "没有找到 LibreOffice" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "a.pdf").exists()


def test_cli_render_pdf_keeps_an_existing_file_on_a_refused_export(tmp_path):
    out = tmp_path / "old.pdf"
    out.write_bytes(b"%PDF-old")
    result = run_cli("render", "--sample", "--edition", "draft", "-o", str(out))
    assert result.returncode != 0
    assert out.read_bytes() == b"%PDF-old"


# ------------------------------------------------------------------ fonts standing in


def linux_font(name: str, file_part: str) -> Path:
    """An installed font file (scripts/install_system_deps.sh --test installs both)."""
    out = subprocess.run(["fc-match", "--format", "%{file}", name], capture_output=True, text=True).stdout
    if file_part not in Path(out).name:
        pytest.skip(f"{name} not installed")
    return Path(out)


@pytest.fixture
def font_folder(tmp_path):
    """A font folder as Windows has one: real font files read by their name tables, and a damaged file."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(linux_font("AR PL KaitiM GB", "gkai00mp"), folder / "kai.ttf")
    shutil.copy(linux_font("Liberation Serif", "LiberationSerif"), folder / "serif.ttf")
    (folder / "broken.ttf").write_bytes(b"not a font at all")
    return folder


def test_font_files_are_named_from_their_name_tables(font_folder):
    catalogue = FontCatalogue(scan_font_files([font_folder]))
    kai = catalogue.find("AR PL KaitiM GB")
    assert kai is not None and kai.path.endswith("kai.ttf")
    assert catalogue.find("文鼎ＰＬ简中楷") == kai, "the Chinese name of the same face"
    assert catalogue.find("Liberation Serif") is not None
    assert catalogue.find("仿宋_GB2312") is None


def test_missing_fonts_are_replaced_by_installed_ones_and_named(font_folder):
    choice = choose_fonts(FontProfile(), FontCatalogue(scan_font_files([font_folder])))
    told = {s.wanted: s.used for s in choice.substitutions}
    # No Song or Hei face at all: every Chinese font falls back to the one Chinese face there is.
    assert told["仿宋_GB2312"] == "AR PL KaitiM GB"
    assert told["黑体"] == "AR PL KaitiM GB"
    assert told["楷体_GB2312"] == "AR PL KaitiM GB"
    assert told["Times New Roman"] == "Liberation Serif"
    assert choice.profile.body == "AR PL KaitiM GB" and choice.profile.latin == "Liberation Serif"
    assert "仿宋_GB2312 未安装，以 AR PL KaitiM GB 代替" in [s.describe() for s in choice.substitutions]


def test_installed_fonts_are_not_substituted(font_folder):
    profile = FontProfile(
        title="AR PL KaitiM GB",
        body="AR PL KaitiM GB",
        heading1="AR PL KaitiM GB",
        heading2="AR PL KaitiM GB",
        latin="Liberation Serif",
        page_number="AR PL KaitiM GB",
    )
    choice = choose_fonts(profile, FontCatalogue(scan_font_files([font_folder])))
    assert choice.substitutions == ()
    assert len(choice.faces) == 2


def test_no_chinese_font_at_all_is_said(tmp_path):
    choice = choose_fonts(FontProfile(), FontCatalogue([]))
    assert {s.used for s in choice.substitutions} == {None}
    assert "仿宋_GB2312 未安装，也没有可代替的字体" in [s.describe() for s in choice.substitutions]


# ------------------------------------------------------------------ the preview's pages


@pytest.fixture(scope="module")
def sample_pages():
    return lay_out(services.sample_report(), dpi=50)


def test_preview_pages_are_a4_images(sample_pages):
    assert len(sample_pages.images) == 5
    for image in sample_pages.images:
        assert image.startswith(b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(image[16:20], "big")
        height = int.from_bytes(image[20:24], "big")
        assert abs(width - 210 / 25.4 * 50) <= 1 and abs(height - 297 / 25.4 * 50) <= 1


def test_preview_knows_which_part_each_page_shows(sample_pages):
    report = services.sample_report()
    first, last = report.sections[0], report.sections[-1]
    assert sample_pages.place_at(0, 37 * MM + 1) == ("title",)
    assert sample_pages.pages_of(("section", first.uid)) == [0]
    assert sample_pages.pages_of(("section", last.uid))[-1] == 4
    # a click low on the first page lands in the part printed there
    assert sample_pages.place_at(0, BOTTOM - 5)[0] == "section"


# ------------------------------------------------------------------ the page worker process


def test_the_worker_process_lays_out_the_same_pages():
    from hxdesk.render.pages import PageWorker

    worker = PageWorker()
    try:
        report = services.sample_report()
        shown: list[int] = []
        pages = worker.lay_out(report, dpi=50, on_images=lambda p: shown.append(len(p.images)))
        here = lay_out(report, dpi=50)
        assert shown == [len(here.images)] == [5], "the images come before the places"
        assert pages.images == here.images
        assert pages.places == here.places
        assert pages.fragments == here.fragments
        assert [s.describe() for s in pages.substitutions] == [s.describe() for s in here.substitutions]
        pid = worker.proc.pid
        assert worker.lay_out(report, dpi=50).images == here.images and worker.proc.pid == pid, "one process"
    finally:
        worker.close()
    assert worker.proc is None


def test_a_killed_worker_is_started_again():
    from hxdesk.render.pages import PageWorker

    worker = PageWorker()
    try:
        report = services.sample_report()
        worker.lay_out(report, dpi=40)
        first = worker.proc.pid
        worker.proc.kill()
        worker.proc.wait()
        assert len(worker.lay_out(report, dpi=40).images) == 5
        assert worker.proc.pid != first
    finally:
        worker.close()


def test_a_worker_dying_mid_request_is_reported_in_chinese(tmp_path):
    import sys

    from hxdesk.render.pages import PageEngineError, PageWorker

    # A "worker" that reads the start of the request and exits without answering.
    worker = PageWorker([sys.executable, "-c", "import sys; sys.stdin.buffer.read(4)"])
    with pytest.raises(PageEngineError, match="排版进程意外退出"):
        worker.lay_out(services.sample_report(), dpi=40)
    assert worker.proc is None


def test_a_worker_that_cannot_start_says_so():
    from hxdesk.render.pages import PageWorker, WorkerUnavailable

    worker = PageWorker(["/nonexistent/hxdesk-page-worker"])
    with pytest.raises(WorkerUnavailable, match="无法启动排版进程"):
        worker.lay_out(services.sample_report())


def test_the_worker_ends_on_a_closed_or_garbled_pipe():
    import sys

    for data in (b"", b"\x00\x00\x00\x05{bad}", b"\xff\xff\xff\xff"):
        proc = subprocess.run(
            [sys.executable, "-m", "hxdesk", "--page-worker"], input=data, capture_output=True, timeout=60
        )
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr


def test_cli_fonts_names_what_stands_in(font_folder):
    result = run_cli("fonts", "--fonts", "standard", "--folder", str(font_folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "仿宋：未安装，以 AR PL KaitiM GB 代替" in lines
    assert "Times New Roman：未安装，以 Liberation Serif 代替" in lines
    result = run_cli("fonts", "--fonts", "standard", "--folder", str(font_folder / "missing"))
    assert result.returncode != 0 and "找不到字体文件夹" in result.stderr and "Traceback" not in result.stderr


def test_chinese_beside_latin_letters_keeps_the_body_font():
    """rdocx set the Chinese of a run holding Latin letters (the sample's “LED显示屏”) in another face (a bold
    黑体); the page engine's copy gives Latin words runs of their own."""
    import io

    from hxdesk.render.pages import pdf_by_rdocx

    pdf, _ = pdf_by_rdocx(services.sample_report())
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = [c for page in document.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)

    def faces(words: str) -> set[str]:
        at = text.index(words)
        return {c["fontname"] for c in chars[at : at + len(words)]}

    body = faces("加强制度约束力度")  # a body sentence without Latin letters
    assert len(body) == 1
    assert faces("显示屏、微信、微博") == body
    assert faces("坚持以") == body


def test_a_familys_regular_face_is_preferred():
    face = system_catalogue().find("Noto Sans CJK SC")
    if face is None:
        pytest.skip("Noto Sans CJK not installed")
    assert "Bold" not in Path(face.path).name
