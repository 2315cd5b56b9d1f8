"""The report as printed pages: page images for the preview and a PDF, laid out by rdocx (bundled)
or, for the PDF, by LibreOffice where it is installed.

rdocx lays out the .docx itself (no Word needed) and embeds the fonts it used; it substitutes a
missing font silently, so the document is rendered with installed families (fontfiles.choose_fonts)
and the substitutions are reported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InvalidInput
from ..model import Report
from .fontfiles import FontCatalogue, FontChoice, Substitution, choose_fonts, face_bytes, system_catalogue
from .profile import FontProfile

PDF_ENGINES = {"auto": "自动", "rdocx": "内置排版引擎", "libreoffice": "LibreOffice"}
POINTS_PER_INCH = 72


class PageEngineError(InvalidInput):
    """The pages could not be laid out; the message says why, in Chinese."""


@dataclass(frozen=True)
class Fragment:
    """Where a body paragraph (or part of one) lies: its page (0-based) and its top and bottom in points."""

    body_index: int
    page: int
    top: float
    bottom: float


@dataclass(frozen=True)
class Pages:
    """The pages as PNG images, what each page shows, and which fonts stand in for missing ones."""

    images: tuple[bytes, ...]
    dpi: float
    width_pt: float
    height_pt: float
    fragments: tuple[Fragment, ...]
    places: tuple[tuple[str, ...], ...]  # per body paragraph: ("section", uid), ("title",), …
    substitutions: tuple[Substitution, ...]

    def place_at(self, page: int, y_pt: float) -> tuple[str, ...] | None:
        """The part of the report shown at height ``y_pt`` of ``page`` (the nearest paragraph above)."""
        on_page = [f for f in self.fragments if f.page == page]
        if not on_page:
            return None
        above = [f for f in on_page if f.top <= y_pt] or on_page[:1]
        hit = max(above, key=lambda f: f.top)
        return self.places[hit.body_index] if hit.body_index < len(self.places) else None

    def pages_of(self, place: tuple[str, ...]) -> list[int]:
        """The pages (0-based) a part of the report is shown on, in order."""
        wanted = {i for i, p in enumerate(self.places) if p == place}
        return sorted({f.page for f in self.fragments if f.body_index in wanted})


def _rdocx() -> Any:
    try:
        import rdocx
    except ImportError as e:  # pragma: no cover - rdocx is a dependency; a broken install lands here
        raise PageEngineError("内置排版引擎（rdocx）无法加载，请重新安装本程序。") from e
    return rdocx


def _prepared(
    report: Report, fonts: FontProfile | None, edition: str, catalogue: FontCatalogue | None
) -> tuple[Any, FontChoice, list[tuple[str, ...]], list[tuple[str, bytes]]]:
    from .docx_renderer import ReportRenderer

    choice = choose_fonts(fonts or FontProfile(), catalogue if catalogue is not None else system_catalogue())
    renderer = ReportRenderer(report, choice.profile, edition)
    document = renderer.build()
    import io

    buf = io.BytesIO()
    document.save(buf)
    rdocx = _rdocx()
    try:
        laid = rdocx.Document.from_bytes(buf.getvalue())
        font_data = [(face.family, face_bytes(face)) for face in choice.faces]
    except (OSError, rdocx.RdocxError) as e:
        raise PageEngineError(f"排版失败：{e}") from e
    return laid, choice, renderer.body_places, font_data


def lay_out(
    report: Report,
    fonts: FontProfile | None = None,
    edition: str = "plain",
    *,
    dpi: float = 96,
    catalogue: FontCatalogue | None = None,
) -> Pages:
    """Lay the report out as A4 pages (PNG at ``dpi``) with the fonts this PC has."""
    laid, choice, places, font_data = _prepared(report, fonts, edition, catalogue)
    rdocx = _rdocx()
    try:
        images, _ = laid.render_all_pages_with_diagnostics(dpi=dpi, fonts=font_data)
        layout = laid.layout(fonts=font_data)
        page = laid.layout_page(0, fonts=font_data) if images else None
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
        raise PageEngineError(f"排版失败：{e}") from e
    fragments = tuple(
        Fragment(f.body_index, f.physical_page - 1, f.bounds.y, f.bounds.y + f.bounds.height) for f in layout
    )
    return Pages(
        images=tuple(bytes(i) for i in images),
        dpi=dpi,
        width_pt=page.width if page else 595.3,
        height_pt=page.height if page else 841.9,
        fragments=fragments,
        places=tuple(places),
        substitutions=choice.substitutions,
    )


def pdf_by_rdocx(
    report: Report, fonts: FontProfile | None = None, edition: str = "plain", *, catalogue: FontCatalogue | None = None
) -> tuple[bytes, tuple[Substitution, ...]]:
    """The PDF laid out by rdocx, its fonts embedded, and the fonts that stood in."""
    laid, choice, _, font_data = _prepared(report, fonts, edition, catalogue)
    rdocx = _rdocx()
    try:
        pdf, _ = laid.to_pdf_with_diagnostics(fonts=font_data)
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
        raise PageEngineError(f"生成 PDF 失败：{e}") from e
    return bytes(pdf), choice.substitutions


def find_libreoffice() -> str | None:
    """soffice on the PATH, or in LibreOffice's usual Windows folders."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if sys.platform == "win32":
        for root in (os.environ.get("ProgramFiles", ""), os.environ.get("ProgramFiles(x86)", "")):
            candidate = Path(root) / "LibreOffice" / "program" / "soffice.exe"
            if root and candidate.is_file():
                return str(candidate)
    return None


def pdf_by_libreoffice(
    report: Report,
    soffice: str,
    fonts: FontProfile | None = None,
    edition: str = "plain",
    *,
    catalogue: FontCatalogue | None = None,
) -> tuple[bytes, tuple[Substitution, ...]]:
    """The PDF converted by LibreOffice from the document set in the fonts this PC has (the same choice
    as the preview's, so that what the user is told stands in is what LibreOffice uses)."""
    from .docx_renderer import render_bytes

    choice = choose_fonts(fonts or FontProfile(), catalogue if catalogue is not None else system_catalogue())
    return convert_with_libreoffice(render_bytes(report, choice.profile, edition), soffice), choice.substitutions


def convert_with_libreoffice(docx: bytes, soffice: str, *, timeout: float = 180) -> bytes:
    """Convert .docx bytes with LibreOffice in a profile folder of its own (a running LibreOffice is not disturbed).

    Blank pages are kept: Word prints the blank page before an even-page section, and so must the PDF.
    """
    with tempfile.TemporaryDirectory(prefix="hxdesk-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx)
        profile = folder / "profile"
        target = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as e:
            raise PageEngineError("LibreOffice 转换超时，请关闭其他 LibreOffice 窗口后重试。") from e
        except (OSError, subprocess.CalledProcessError) as e:
            raise PageEngineError("LibreOffice 转换失败，请改用内置排版引擎。") from e
        pdf = folder / "report.pdf"
        if not pdf.is_file():
            raise PageEngineError("LibreOffice 没有生成 PDF，请改用内置排版引擎。")
        return pdf.read_bytes()
