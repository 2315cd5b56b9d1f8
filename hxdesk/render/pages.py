"""The report as printed pages: page images for the preview and a PDF, laid out by rdocx (bundled)
or, for the PDF, by LibreOffice where it is installed.

rdocx lays out the .docx itself (no Word needed) and embeds the fonts it used; it substitutes a
missing font silently, so the document is rendered with installed families (fontfiles.choose_fonts)
and the substitutions are reported.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInput
from ..model import Report
from .fontfiles import (
    FontCatalogue,
    FontChoice,
    Substitution,
    choose_fonts,
    face_bytes,
    face_folder,
    system_catalogue,
)
from .profile import PAGE_HEIGHT, FontProfile

if TYPE_CHECKING:
    import subprocess  # the worker and LibreOffice are started on use, not at start-up

PDF_ENGINES = {"auto": "自动", "rdocx": "内置排版引擎", "libreoffice": "LibreOffice"}
A4_HEIGHT_PT = PAGE_HEIGHT / 20  # twips to points (GB/T 9704 5.2.1: A4)

# rdocx's memory grows with the square of a paragraph's length and in proportion to the whole text.
# Measured with /usr/bin/time -v (peak resident memory of the PDF of the sample with one paragraph
# of N characters, rdocx 0.16.3, Linux x86-64): N = 0: 282 MB, 5,000: 319 MB, 10,000: 439 MB,
# 20,000: 891 MB, 30,000: 1.7 GB, 60,000: 5.9 GB; 100,000 aborted at the address-space limit
# (exit 134). The same text in 2,000-character paragraphs costs about 2.4 MB per 1,000 characters:
# 200,000 characters 780 MB. A real report's paragraph is under 2,000 characters.
MAX_LAYOUT_PARAGRAPH = 5_000  # longer paragraphs are laid out as several (the engine's copy only)
MAX_LAYOUT_CHARS = 300_000  # more text than this (about 480 pages) is not laid out by rdocx at all


class PageEngineError(InvalidInput):
    """The pages could not be laid out; the message says why, in Chinese."""


class WorkerUnavailable(PageEngineError):
    """The page worker process cannot be started here (the caller lays the pages out itself)."""


class TooLongToLayOut(PageEngineError):
    """More text than the bundled engine lays out within its memory bound (MAX_LAYOUT_CHARS)."""

    def __init__(self, chars: int):
        super().__init__(
            f"报告过长（正文共 {chars} 字，内置排版引擎最多排 {MAX_LAYOUT_CHARS} 字），无法排版；"
            "生成 .docx 不受影响，PDF 请用 LibreOffice 导出。"
        )
        self.chars = chars


@dataclass(frozen=True)
class Fragment:
    """Where a body paragraph (or part of one) lies: its page (0-based) and its top and bottom in points."""

    body_index: int
    page: int
    top: float
    bottom: float


@dataclass
class Pages:
    """The pages as PNG images, which fonts stand in for missing ones, and (after ``locate``) what each
    page shows."""

    images: tuple[bytes, ...]
    places: tuple[tuple[str, ...], ...]  # per body paragraph: ("section", uid), ("title",), …
    substitutions: tuple[Substitution, ...]
    fragments: tuple[Fragment, ...] | None = None  # None until located
    height_pt: float = A4_HEIGHT_PT
    laid: Any = field(default=None, repr=False)
    font_dirs: list[str] = field(default_factory=list, repr=False)

    def locate(self) -> tuple[Fragment, ...]:
        """Where each paragraph lies (a second layout pass, so the images can be shown first)."""
        if self.fragments is None:
            rdocx = _rdocx()
            try:
                layout = self.laid.layout(font_dirs=self.font_dirs) if self.laid is not None else []
            except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
                raise PageEngineError(f"排版失败：{e}") from e
            self.fragments = _fragments(layout)
            self.laid = None
        return self.fragments

    def place_at(self, page: int, y_pt: float) -> tuple[str, ...] | None:
        """The part of the report shown at height ``y_pt`` of ``page`` (the nearest paragraph above)."""
        on_page = [f for f in self.fragments or () if f.page == page]
        if not on_page:
            return None
        above = [f for f in on_page if f.top <= y_pt] or on_page[:1]
        hit = max(above, key=lambda f: f.top)
        return self.places[hit.body_index] if hit.body_index < len(self.places) else None

    def pages_of(self, place: tuple[str, ...]) -> list[int]:
        """The pages (0-based) a part of the report is shown on, in order (none before ``locate``)."""
        wanted = {i for i, p in enumerate(self.places) if p == place}
        return sorted({f.page for f in self.fragments or () if f.body_index in wanted})


def _fragments(layout: Any) -> tuple[Fragment, ...]:
    """rdocx's layout fragments as ours (its pages count from 1, its boxes from the top in points)."""
    return tuple(Fragment(f.body_index, f.physical_page - 1, f.bounds.y, f.bounds.y + f.bounds.height) for f in layout)


def _font_choice(fonts: FontProfile | None, catalogue: FontCatalogue | None) -> FontChoice:
    return choose_fonts(fonts or FontProfile(), catalogue if catalogue is not None else system_catalogue())


def _rdocx() -> Any:
    try:
        import rdocx
    except ImportError as e:  # pragma: no cover - rdocx is a dependency; a broken install lands here
        raise PageEngineError("内置排版引擎（rdocx）无法加载，请重新安装本程序。") from e
    return rdocx


def _prepared(
    report: Report, fonts: FontProfile | None, edition: str, catalogue: FontCatalogue | None
) -> tuple[Any, FontChoice, list[tuple[str, ...]]]:
    from .docx_renderer import ReportRenderer

    choice = _font_choice(fonts, catalogue)
    renderer = ReportRenderer(report, choice.profile, edition)
    document = renderer.build()
    body = document.element.body
    places = bounded_for_layout(body, renderer.body_places)
    _split_latin_runs(body)
    import io

    buf = io.BytesIO()
    document.save(buf)
    rdocx = _rdocx()
    try:
        laid = rdocx.Document.from_bytes(buf.getvalue())
    except rdocx.RdocxError as e:
        raise PageEngineError(f"排版失败：{e}") from e
    return laid, choice, places


def _font_folders(choice: FontChoice) -> list[str]:
    """The faces as a folder: what a thread of the GUI process hands rdocx (see face_folder)."""
    try:
        return [face_folder(choice.faces)] if choice.faces else []
    except OSError as e:
        raise PageEngineError(f"无法读取字体文件：{e}") from e


def _font_files(choice: FontChoice) -> list[tuple[str, bytes]]:
    """The faces as bytes: faster where the GIL is no one else's (the worker process, the CLI)."""
    try:
        return [(face.family, face_bytes(face)) for face in choice.faces]
    except OSError as e:
        raise PageEngineError(f"无法读取字体文件：{e}") from e


_LATIN_WORD = re.compile(r"([A-Za-z][A-Za-z .&/-]*[A-Za-z]|[A-Za-z])")


def _split_latin_runs(body: Any) -> None:
    """Give Latin words runs of their own, in the page engine's copy only.

    rdocx sets a run that holds Latin letters in the Latin font and takes the Chinese characters of that
    run from whatever face it finds (a bold 黑体 in the sample's “LED显示屏”); Word and LibreOffice choose
    the font per character. Split, each part keeps the run's properties.
    """
    from docx.oxml.ns import qn

    for run in list(body.iter(qn("w:r"))):
        texts = run.findall(qn("w:t"))
        if len(texts) != 1 or not texts[0].text:
            continue
        text = texts[0].text
        parts = [p for p in _LATIN_WORD.split(text) if p]
        if len(parts) < 2:
            continue
        for part in parts:
            piece = copy.deepcopy(run)
            t = piece.find(qn("w:t"))
            t.text = part
            t.set(qn("xml:space"), "preserve")
            run.addprevious(piece)
        run.getparent().remove(run)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_T = _W + "t"
_SENTENCE_END = re.compile(r"[。！？；]")
# w:pPr children that come after w:ind (ECMA-376 CT_PPrBase's order)
_AFTER_IND = {
    _W + tag
    for tag in (
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
        "outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split()
}


def bounded_for_layout(body: Any, places: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The engine's copy of the document within its memory bounds: TooLongToLayOut past MAX_LAYOUT_CHARS,
    long paragraphs split; returns the places of the body's paragraphs and tables afterwards."""
    chars = sum(len(t.text or "") for t in body.iter(_W_T))
    if chars > MAX_LAYOUT_CHARS:
        raise TooLongToLayOut(chars)
    return _split_long_paragraphs(body, places)


def _split_long_paragraphs(body: Any, places: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Lay a paragraph longer than MAX_LAYOUT_PARAGRAPH out as several, in the engine's copy only; returns
    the places of the body's paragraphs and tables after the split (a piece belongs where its paragraph did).

    A piece ends after a full stop where one is near, so the split shows as a line left short and the next
    line starting at the margin (no first-line indent); every character is kept, in order.
    """
    blocks = [el for el in body if el.tag in (_W + "p", _W + "tbl")]
    place_of = dict(zip(blocks, places, strict=False))
    split = False
    for p in list(body.iter(_W + "p")):
        pieces = _paragraph_pieces(p)
        for piece in pieces[1:]:
            place_of[piece] = place_of.get(p, ("official",))
        split = split or len(pieces) > 1
    if not split:
        return places
    return [place_of.get(el, ("official",)) for el in body if el.tag in (_W + "p", _W + "tbl")]


def _cuts(text: str) -> list[int]:
    """Where a text longer than MAX_LAYOUT_PARAGRAPH is cut: after the last full stop in the final fifth
    of each piece, else at the piece's length."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > MAX_LAYOUT_PARAGRAPH:
        end = start + MAX_LAYOUT_PARAGRAPH
        stops = [m.end() for m in _SENTENCE_END.finditer(text, end - MAX_LAYOUT_PARAGRAPH // 5, end)]
        start = stops[-1] if stops else end
        cuts.append(start)
    return cuts


def _paragraph_pieces(p: Any) -> list[Any]:
    """Split ``p`` (in place) at ``_cuts`` of its text; returns the paragraphs it now is, in order."""
    runs = [(r, r.findall(_W_T)) for r in p if r.tag == _W + "r"]
    whole = "".join(t.text or "" for _, texts in runs for t in texts)
    cuts = _cuts(whole) if len(whole) > MAX_LAYOUT_PARAGRAPH else []
    if not cuts:
        return [p]
    pieces = [p]
    ppr = p.find(_W + "pPr")
    for _ in cuts:
        piece = p.makeelement(p.tag, {})
        piece.append(copy.deepcopy(ppr) if ppr is not None else p.makeelement(_W + "pPr", {}))
        _no_first_line_indent(piece[0])
        pieces[-1].addnext(piece)
        pieces.append(piece)
    at = 0  # where in ``whole`` the current run starts
    for run, texts in runs:
        length = sum(len(t.text or "") for t in texts)
        inner = [c for c in cuts if at < c < at + length] if len(texts) == 1 else []  # w:tab, w:br: kept whole
        bounds = [at, *inner, at + length]
        for start, end in zip(bounds, bounds[1:], strict=False):
            part = run if start == at else copy.deepcopy(run)
            if inner:
                t = part.find(_W_T)
                t.text = whole[start:end]
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            pieces[sum(1 for c in cuts if c <= start)].append(part)
        at += length
    return pieces


def _no_first_line_indent(ppr: Any) -> None:
    ind = ppr.find(_W + "ind")
    if ind is None:
        ind = ppr.makeelement(_W + "ind", {})
        later = next((child for child in ppr if child.tag in _AFTER_IND), None)
        if later is None:
            ppr.append(ind)
        else:
            later.addprevious(ind)
    for name in ("hanging", "hangingChars"):
        ind.attrib.pop(_W + name, None)
    ind.set(_W + "firstLine", "0")
    ind.set(_W + "firstLineChars", "0")


def lay_out(
    report: Report,
    fonts: FontProfile | None = None,
    edition: str = "plain",
    *,
    dpi: float = 96,
    catalogue: FontCatalogue | None = None,
    locate: bool = True,
) -> Pages:
    """Lay the report out as A4 pages (PNG at ``dpi``) with the fonts this PC has; ``locate=False``
    leaves the paragraphs' places to a later ``Pages.locate()``."""
    laid, choice, places = _prepared(report, fonts, edition, catalogue)
    font_dirs = _font_folders(choice)
    rdocx = _rdocx()
    try:
        images, _ = laid.render_all_pages_with_diagnostics(dpi=dpi, font_dirs=font_dirs)
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
        raise PageEngineError(f"排版失败：{e}") from e
    pages = Pages(
        images=tuple(bytes(i) for i in images),
        places=tuple(places),
        substitutions=choice.substitutions,
        laid=laid,
        font_dirs=font_dirs,
    )
    if locate:
        pages.locate()
    return pages


def pdf_by_rdocx(
    report: Report, fonts: FontProfile | None = None, edition: str = "plain", *, catalogue: FontCatalogue | None = None
) -> tuple[bytes, tuple[Substitution, ...]]:
    """The PDF laid out by rdocx, its fonts embedded, and the fonts that stood in."""
    laid, choice, _ = _prepared(report, fonts, edition, catalogue)
    font_data = _font_files(choice)
    rdocx = _rdocx()
    try:
        pdf, _ = laid.to_pdf_with_diagnostics(fonts=font_data)
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
        raise PageEngineError(f"生成 PDF 失败：{e}") from e
    return bytes(pdf), choice.substitutions


def find_libreoffice() -> str | None:
    """soffice on the PATH, or in LibreOffice's usual Windows folders."""
    import shutil

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

    choice = _font_choice(fonts, catalogue)
    return convert_with_libreoffice(render_bytes(report, choice.profile, edition), soffice), choice.substitutions


_PDF_WORK_PREFIX = "hxdesk-pdf-"


def convert_with_libreoffice(docx: bytes, soffice: str, *, timeout: float = 180) -> bytes:
    """Convert .docx bytes with LibreOffice in a profile folder of its own (a running LibreOffice is not disturbed).

    Blank pages are kept: Word prints the blank page before an even-page section, and so must the PDF.
    """
    import subprocess

    from ..fsutil import temp_folder

    # Held while LibreOffice works in it; a killed export's folder is removed by the next one.
    with temp_folder(_PDF_WORK_PREFIX) as folder:
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


# ---------------------------------------------------------------- the page worker process
#
# rdocx holds the GIL for up to ~100 ms at a time (measured: some layouts and the release of a laid-out
# document), and python-docx building the .docx in a thread makes every Qt call of the GUI thread wait
# for the GIL again (PySide releases it around each call). The preview therefore builds and lays out the
# pages in a child process of its own. Messages are a 4-byte big-endian length and the bytes; a request
# is a JSON header and the pickled report (pickle only between this program and its own child, over a
# private pipe); the answer is a JSON header and one PNG per page, then the paragraphs' places.

PAGE_WORKER_FLAG = "--page-worker"
_MAX_MESSAGE = 512 * 1024 * 1024
# The worker's address space on Linux: a net under MAX_LAYOUT_PARAGRAPH and MAX_LAYOUT_CHARS (at those
# bounds the worker peaks at about 1.1 GB of address space). Past it rdocx aborts the worker, the preview
# says so and starts a new one; the PC keeps its memory. Windows relies on the two bounds alone.
WORKER_ADDRESS_SPACE = 3 * 1024**3


def _limit_address_space() -> None:
    if sys.platform == "linux":
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = WORKER_ADDRESS_SPACE if hard == resource.RLIM_INFINITY else min(hard, WORKER_ADDRESS_SPACE)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _write_message(stream: Any, data: bytes) -> None:
    stream.write(len(data).to_bytes(4, "big"))
    stream.write(data)


def _read_message(stream: Any) -> bytes:
    head = stream.read(4)
    if len(head) != 4:
        raise EOFError
    size = int.from_bytes(head, "big")
    if size > _MAX_MESSAGE:
        raise PageEngineError("排版进程的数据无效。")
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return bytes(data)


def _answer(stdout: Any, report: Report, header: dict[str, Any]) -> None:
    import json

    fonts = FontProfile.from_dict(header.get("fonts") or {})
    laid, choice, places = _prepared(report, fonts, str(header.get("edition", "plain")), None)
    font_data = _font_files(choice)  # the GIL is this process's own
    rdocx = _rdocx()
    try:
        images, _ = laid.render_all_pages_with_diagnostics(dpi=float(header.get("dpi", 96)), fonts=font_data)
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError) as e:
        raise PageEngineError(f"排版失败：{e}") from e
    stand_ins = [[sub.wanted, sub.used] for sub in choice.substitutions]
    head = {"pages": len(images), "places": places, "substitutions": stand_ins}
    _write_message(stdout, json.dumps(head, ensure_ascii=False).encode())
    for image in images:
        _write_message(stdout, bytes(image))
    stdout.flush()
    try:
        located = [astuple(f) for f in _fragments(laid.layout(fonts=font_data))]
    except (rdocx.RdocxError, rdocx.LayoutError, ValueError):
        located = []  # the pages show without places; a click does nothing
    _write_message(stdout, json.dumps({"fragments": located}).encode())
    stdout.flush()


def serve(stdin: Any, stdout: Any) -> int:
    """The worker's loop: lay out each report sent on ``stdin``; ends when ``stdin`` closes."""
    import json
    import pickle

    _limit_address_space()
    while True:
        try:
            header = json.loads(_read_message(stdin))
            report = pickle.loads(_read_message(stdin))
        except Exception:  # noqa: BLE001  the GUI closed the pipe, or it is not the GUI talking: stop
            return 0
        try:
            _answer(stdout, report, header)
        except Exception as e:  # noqa: BLE001  any failure is an answer, not the end of the worker
            message = e.message if isinstance(e, InvalidInput) else f"排版失败：{type(e).__name__}"
            _write_message(stdout, json.dumps({"error": message}, ensure_ascii=False).encode())
            stdout.flush()


def worker_command() -> list[str]:
    """How to start the worker: the frozen program itself, or this interpreter with the package."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        console = program.with_name("hxdesk-cli.exe")  # Windows: the windowed program has no std streams
        if sys.platform == "win32" and console.is_file():
            program = console
        return [str(program), PAGE_WORKER_FLAG]
    return [sys.executable, "-m", "hxdesk", PAGE_WORKER_FLAG]


class PageWorker:
    """A worker process for page layouts, started on first use; one request at a time."""

    def __init__(self, command: list[str] | None = None, *, timeout: float = 120):
        self.command = command or worker_command()
        self.timeout = timeout
        self.proc: subprocess.Popen[bytes] | None = None

    def _started(self) -> subprocess.Popen[bytes]:
        import subprocess

        if self.proc is not None and self.proc.poll() is not None:
            self.close()  # it ended between two requests: a new one takes its place
        if self.proc is None:
            flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window for the worker
            try:
                self.proc = subprocess.Popen(
                    self.command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    creationflags=flags,
                )
            except OSError as e:
                raise WorkerUnavailable("无法启动排版进程。") from e
        return self.proc

    def lay_out(
        self,
        report: Report,
        fonts: FontProfile | None = None,
        edition: str = "plain",
        *,
        dpi: float = 96,
        on_images: Any = None,
    ) -> Pages:
        """As ``lay_out``, in the worker process; ``on_images(pages)`` is called before the places arrive.
        The report is copied (pickled) at once, so the caller may go on changing it."""
        import json
        import pickle
        import threading

        header = {"dpi": dpi, "edition": edition, "fonts": (fonts or FontProfile()).to_dict()}
        request = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        proc = self._started()
        assert proc.stdin is not None and proc.stdout is not None
        watchdog = threading.Timer(self.timeout, proc.kill)  # a hung engine must not hang the preview
        watchdog.daemon = True
        watchdog.start()
        try:
            _write_message(proc.stdin, json.dumps(header).encode())
            _write_message(proc.stdin, request)
            proc.stdin.flush()
            head = json.loads(_read_message(proc.stdout))
            if "error" in head:
                raise PageEngineError(str(head["error"]))
            images = tuple(_read_message(proc.stdout) for _ in range(int(head["pages"])))
            places = tuple(tuple(str(x) for x in place) for place in head["places"])
            stand_ins = tuple(Substitution(str(w), None if u is None else str(u)) for w, u in head["substitutions"])
            pages = Pages(images, places, stand_ins)
            if on_images is not None:
                on_images(pages)
            located = json.loads(_read_message(proc.stdout)).get("fragments", [])
        except (OSError, EOFError, ValueError, KeyError, TypeError) as e:
            self.close()
            raise PageEngineError("排版进程意外退出，下次修改后将重新启动。") from e
        finally:
            watchdog.cancel()
        pages.fragments = tuple(Fragment(int(b), int(p), float(t), float(e)) for b, p, t, e in located)
        return pages

    def close(self) -> None:
        import subprocess

        proc, self.proc = self.proc, None
        if proc is not None:
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    stream.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
