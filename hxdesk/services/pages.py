"""The report as pages: the preview's page images and the PDF for the website or the printer."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput
from ..fsutil import atomic_write_bytes
from ..model import Report
from ..render.fontfiles import FontCatalogue, Substitution
from ..render.pages import (
    PDF_ENGINES,
    PageEngineError,
    Pages,
    PageWorker,
    TooLongToLayOut,
    WorkerUnavailable,
    find_libreoffice,
    pdf_by_libreoffice,
    pdf_by_rdocx,
)
from ..render.profile import FontProfile

__all__ = [
    "PDF_ENGINES",
    "PageEngineError",
    "PageWorker",
    "Pages",
    "WorkerUnavailable",
    "export_pdf",
    "pdf_engine",
    "preview_pages",
]


def preview_pages(
    report: Report, fonts: FontProfile | None = None, edition: str = "plain", *, dpi: float = 96, locate: bool = True
) -> Pages:
    """The pages as they will print, laid out by the bundled engine (safe to call off the GUI thread);
    ``locate=False``: the paragraphs' places come later, from ``Pages.locate()``."""
    from ..render.pages import lay_out

    return lay_out(report, fonts, edition, dpi=dpi, locate=locate)


def font_stand_ins(fonts: FontProfile, folder: str | Path | None = None) -> list[tuple[str, str | None]]:
    """Each font of the profile and the installed face used for it (itself when installed, None when no
    Chinese face at all); ``folder``: read the font files there instead of the PC's fonts."""
    from ..render.fontfiles import choose_fonts, scan_font_files, system_catalogue

    if folder is not None:
        where = Path(folder)
        if not where.is_dir():
            raise InvalidInput(f"找不到字体文件夹：{where}")
        catalogue = FontCatalogue(scan_font_files([where]))
    else:
        catalogue = system_catalogue()
    told = {s.wanted: s.used for s in choose_fonts(fonts, catalogue).substitutions}
    wanted = [v for v in fonts.to_dict().values() if isinstance(v, str)]
    return [(name, told.get(name, name)) for name in dict.fromkeys(wanted)]


def pdf_engine(choice: str = "auto") -> str:
    """The engine that makes the PDF: LibreOffice where installed (the layout the format tests measure),
    else the bundled rdocx; an explicit choice is honoured or refused in Chinese."""
    return _engine(choice)[0]


def _engine(choice: str) -> tuple[str, str | None]:
    """(the engine, LibreOffice's program when it is the one), the program looked up once."""
    if choice not in PDF_ENGINES:
        raise InvalidInput("PDF 排版引擎应为 " + "、".join(PDF_ENGINES) + "。")
    soffice = find_libreoffice() if choice in ("auto", "libreoffice") else None
    if choice == "libreoffice" and soffice is None:
        raise InvalidInput("没有找到 LibreOffice，请安装 LibreOffice，或改用内置排版引擎（--engine rdocx）。")
    return ("libreoffice", soffice) if soffice is not None else ("rdocx", None)


def export_pdf(
    report: Report,
    path: str | Path,
    fonts: FontProfile | None = None,
    *,
    edition: str = "plain",
    engine: str = "auto",
    catalogue: FontCatalogue | None = None,
) -> tuple[Path, str, tuple[Substitution, ...]]:
    """Write the PDF atomically; returns the path, the engine used and the fonts that stood in.
    A report too long for the bundled engine goes to LibreOffice where it is installed."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise InvalidInput("输出文件应以 .pdf 结尾。")
    used, soffice = _engine(engine)
    if soffice is None:
        try:
            data, substitutions = pdf_by_rdocx(report, fonts, edition, catalogue=catalogue)
            return atomic_write_bytes(target, data), used, substitutions
        except TooLongToLayOut:
            used, soffice = "libreoffice", find_libreoffice()
            if soffice is None:
                raise
    data, substitutions = pdf_by_libreoffice(report, soffice, fonts, edition, catalogue=catalogue)
    return atomic_write_bytes(target, data), used, substitutions
