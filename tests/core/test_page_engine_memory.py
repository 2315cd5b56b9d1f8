"""The bundled page engine (rdocx) kept within a memory bound: one absurdly long paragraph, a report
too long for it at all. rdocx's memory grows with the square of a paragraph's length (RELIABILITY.md,
内置排版引擎不耗尽内存); before the guard one 100,000-character paragraph aborted the process (exit 134) and
190,000 characters took 23.7 GB.

Every child runs under an address-space limit of its own (LIMIT_AS), so that the engine without its
guard fails cleanly here instead of taking the machine down; its peak resident memory is read from the
kernel's accounting of the child (os.wait4), a memory bound and not a timing.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import LIMIT_AS, ROOT, TOO_LONG, custom_report, limited_page_worker, long_text, run_cli

from hxdesk import services
from hxdesk.model import Paragraph
from hxdesk.render.pages import PageEngineError, PageWorker, lay_out

PEAK_RSS_BOUND = 1536 * 1024**2  # measured 0.8 GiB for 200,000 characters (RELIABILITY.md)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))


def run_limited(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, int]:
    """``python -m hxdesk ARGS`` under LIMIT_AS: (exit code, stderr, peak resident bytes)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "hxdesk", *args],
        cwd=str(ROOT),
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_limit_address_space,
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
    return proc.returncode, stderr, usage.ru_maxrss * 1024  # Linux: kilobytes


def imported(tmp_path: Path, *paragraphs: str) -> Path:
    """A database holding one report imported from a .txt with ``paragraphs`` in its first section."""
    source = tmp_path / "long.txt"
    body = "\n".join(paragraphs)
    source.write_text(f"2025年度法治政府建设报告\n\n一、主要举措\n{body}\n二、存在的不足\n无。\n", encoding="utf-8")
    db = tmp_path / "h.db"
    run_cli("--db", str(db), "import", str(source), check=True)
    return db


def pdf_text(path: Path) -> str:
    """The PDF's text without white space and without the page numbers (— 1 —) between the pages."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"—\d+—", "", "".join(out.split()))


@needs_pdftotext
@pytest.mark.parametrize("length", [100_000, 200_000])
def test_a_very_long_paragraph_prints_whole_within_the_memory_bound(tmp_path, length):
    paragraph = long_text(length)
    db = imported(tmp_path, paragraph)
    target = tmp_path / "x.pdf"
    code, stderr, peak = run_limited("--db", str(db), "render", "1", "--engine", "rdocx", "-o", str(target))
    assert code == 0, f"exit {code}: {stderr[-2000:]}"
    assert "内置排版引擎" in stderr
    assert peak < PEAK_RSS_BOUND, f"peak resident memory {peak / 1024**2:.0f} MiB"
    text = pdf_text(target)
    assert paragraph in text, "every character of the paragraph is in the PDF, in order"
    assert text.index("主要举措") < text.index(paragraph) < text.index("存在的不足")


def test_a_report_too_long_for_the_engine_is_refused_in_chinese(tmp_path):
    db = imported(tmp_path, *[long_text(TOO_LONG // 4)] * 4)  # import takes paragraphs up to 200,000
    target = tmp_path / "x.pdf"
    no_libreoffice = {"PATH": str(Path(sys.executable).parent)}  # python only: LibreOffice is not found
    code, stderr, peak = run_limited(
        "--db", str(db), "render", "1", "--engine", "rdocx", "-o", str(target), env=no_libreoffice
    )
    assert code == 1, f"exit {code}: {stderr[-2000:]}"
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert "报告过长" in lines[0] and "LibreOffice" in lines[0], lines[0]
    assert not target.exists()
    assert peak < PEAK_RSS_BOUND


def with_paragraph(length: int):
    report = services.sample_report()
    report.sections[0].blocks = [Paragraph(long_text(length))]
    return report


def test_the_preview_worker_refuses_too_long_a_report_and_serves_the_next(tmp_path):
    worker = limited_page_worker()
    try:
        first = worker.lay_out(services.sample_report())
        pid = worker.proc.pid if worker.proc is not None else None
        with pytest.raises(PageEngineError, match="报告过长"):
            worker.lay_out(with_paragraph(TOO_LONG))
        again = worker.lay_out(services.sample_report())
        assert worker.proc is not None and worker.proc.pid == pid, "the same worker process answered"
        assert len(again.images) == len(first.images) >= 2
    finally:
        worker.close()


def test_the_preview_worker_lays_out_a_long_paragraph_and_serves_the_next(tmp_path):
    worker = limited_page_worker()
    try:
        first = worker.lay_out(services.sample_report())
        pid = worker.proc.pid if worker.proc is not None else None
        long = worker.lay_out(with_paragraph(100_000))
        assert len(long.images) > len(first.images) + 100  # 100,000 characters: some 160 pages more
        assert long.fragments, "the paragraphs are placed: a click on a page still finds its part"
        again = worker.lay_out(services.sample_report())
        assert worker.proc is not None and worker.proc.pid == pid, "the same worker process answered"
        assert len(again.images) == len(first.images)
    finally:
        worker.close()


@needs_pdftotext
@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")
def test_a_report_too_long_for_the_engine_goes_to_libreoffice(tmp_path):
    paragraphs = [long_text(TOO_LONG // 4)] * 4
    db = imported(tmp_path, *paragraphs)
    target = tmp_path / "x.pdf"
    code, stderr, _ = run_limited("--db", str(db), "render", "1", "--engine", "rdocx", "-o", str(target))
    assert code == 0, f"exit {code}: {stderr[-2000:]}"
    assert "排版引擎：LibreOffice" in stderr
    # pdftotext loses some of the punctuation LibreOffice hangs into the margin: the words are compared.
    words = re.sub("[，。、]", "", pdf_text(target))
    assert re.sub("[，。、]", "", "".join(paragraphs)) in words


@pytest.mark.skipif(sys.platform != "linux", reason="the address-space limit is Linux's")
def test_the_preview_worker_runs_under_an_address_space_limit():
    worker = PageWorker()  # as the preview starts it
    try:
        worker.lay_out(services.sample_report())
        assert worker.proc is not None
        limits = Path(f"/proc/{worker.proc.pid}/limits").read_text()
        row = next(line for line in limits.splitlines() if line.startswith("Max address space"))
        soft = row.split()[3]
        assert soft != "unlimited" and int(soft) <= 3 * 1024**3, row
    finally:
        worker.close()


PIECE = "全年组织法治培训，参训干部{{trainees}}，更新LED显示屏与OA系统"  # a figure and Latin words: many runs
PRINTED = "全年组织法治培训，参训干部120余人次，更新LED显示屏与OA系统"


@needs_pdftotext
def test_a_long_paragraph_of_many_runs_is_split_without_losing_a_character(tmp_path):
    report = custom_report()
    section = report.sections[0].children[0]
    count = 12_000 // len(PRINTED) + 1  # split by the engine into three pieces or so
    section.blocks = [Paragraph("。".join([PIECE] * count) + "。")]
    path, engine, _ = services.export_pdf(report, tmp_path / "x.pdf", engine="rdocx")
    assert engine == "rdocx"
    assert "。".join([PRINTED] * count) + "。" in pdf_text(path)
    pages = lay_out(report, dpi=30)
    on = pages.pages_of(("section", section.uid))
    assert len(on) >= 15 and on == list(range(on[0], on[-1] + 1)), "every page of the paragraph finds its part"
