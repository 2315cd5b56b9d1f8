"""Test helpers: the seed text, running the CLI, LibreOffice → PDF → measured lines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HXDESK_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_3ba48369459b5a14.txt"
# A copy inside the repository, so the tests do not depend on ../shared being there.
SEED_COPY = ROOT / "tests" / "data" / "huangxi_2024.txt"


def seed_text() -> str:
    path = SEED if SEED.is_file() else SEED_COPY
    return path.read_text(encoding="utf-8")


def seed_lines() -> list[str]:
    """The seed's non-empty lines, without the Word export's bookmark artefact."""
    text = seed_text().replace("[bookmark: _GoBack]", "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def run_cli(*args: str, check: bool = False, env: dict[str, str] | None = None, timeout: float = 120):
    """Run ``python -m hxdesk ARGS`` as a real process."""
    proc = subprocess.run(
        [sys.executable, "-m", "hxdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=str(ROOT),
        env={**os.environ, **(env or {})},
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"hxdesk {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_path: Path, out_dir: Path | None = None) -> Path:
    """Convert with LibreOffice, in a profile folder of its own (else a second run does nothing)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed; run scripts/install_system_deps.sh --test")
    out_dir = out_dir or docx_path.parent
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice produced no PDF for {docx_path}")
    return pdf


@dataclass
class Line:
    top: float
    x0: float
    x1: float
    chars: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    footer: list[Line]


def pdf_pages(pdf_path: Path, text_bottom_pt: float) -> list[Page]:
    """Each page's text lines (grouped by baseline), split into body and footer
    at ``text_bottom_pt`` (the bottom of the text area, in points from the top)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if c["text"].strip()]
            chars.sort(key=lambda c: (round(c["bottom"]), c["x0"]))
            lines: list[Line] = []
            for c in chars:
                if lines and abs(lines[-1].chars[-1]["bottom"] - c["bottom"]) < 4:
                    line = lines[-1]
                else:
                    line = Line(top=c["top"], x0=c["x0"], x1=c["x1"])
                    lines.append(line)
                line.chars.append(c)
                line.x0 = min(line.x0, c["x0"])
                line.x1 = max(line.x1, c["x1"])
                line.top = min(line.top, c["top"])
            for line in lines:
                line.chars.sort(key=lambda c: c["x0"])
            body = [ln for ln in lines if ln.top < text_bottom_pt]
            footer = [ln for ln in lines if ln.top >= text_bottom_pt]
            pages.append(Page(i, float(page.width), float(page.height), body, footer))
    return pages
