"""Test helpers: the seed text, running the CLI, LibreOffice → PDF → measured lines."""

from __future__ import annotations

import datetime as dt
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
# Maps 仿宋/楷体/黑体/小标宋 to free look-alikes (see the file).
PREVIEW_FONTS = ROOT / "tests" / "data" / "preview-fonts.conf"


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


def docx_to_pdf(docx_path: Path, out_dir: Path | None = None, *, keep_blank_pages: bool = False) -> Path:
    """Convert with LibreOffice, in a profile folder of its own (else a second run does nothing).

    ``keep_blank_pages``: export the blank pages LibreOffice inserts for an even-page section
    break (its PDF export leaves them out by default; Word prints them)."""
    target = "pdf"
    if keep_blank_pages:
        target = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed; run scripts/install_system_deps.sh --test")
    out_dir = out_dir or docx_path.parent
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    env = {**os.environ, "FONTCONFIG_FILE": str(PREVIEW_FONTS)}
    try:
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env=env,
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


def custom_report():
    """A report of our own making from the standard skeleton: two issuing bodies
    (a three-line title), an addressee, four heading levels (standalone and run-in,
    one unnumbered), figures with qualifiers and a derived rate, two signatures and a date."""
    import datetime as dt
    from decimal import Decimal

    from hxdesk import services
    from hxdesk.model import Figure, Paragraph, PointList, Section

    r = services.new_from_template("standard", 2025, "青山镇人民政府")
    r.issuers = ["中共青山镇委员会", "青山镇人民政府"]
    r.title = "关于{{year}}年度法治政府建设情况的报告"
    r.addressee = "县委、县政府"
    r.signatures = ["中共青山镇委员会", "青山镇人民政府"]
    r.date = dt.date(2026, 1, 9)
    r.figures = {
        "cases_received": Figure("cases_received", "受理行政复议案件", Decimal(15), "件"),
        "cases_closed": Figure("cases_closed", "办结行政复议案件", Decimal(14), "件", at_most="cases_received"),
        "close_rate": Figure(
            "close_rate", "办结率", None, "%", formula="cases_closed / cases_received * 100", decimals=1
        ),
        "trainees": Figure("trainees", "参训干部", Decimal(120), "人次", qualifier="余"),
        "coverage": Figure("coverage", "覆盖率", Decimal(95), "%", qualifier="以上"),
        "visits": Figure("visits", "走访群众", Decimal(3000), "户", qualifier="约"),
    }
    first = r.sections[0]
    first.children[0].blocks = [
        Paragraph("全面梳理镇级权责清单，动态调整行政权力事项，做到法定职责必须为、法无授权不可为。")
    ]
    first.children[1].run_in = False
    first.children[1].blocks = [Paragraph("健全规范性文件合法性审核机制，所有文件均经法律顾问审核后印发。")]
    first.children[1].children = [
        Section("建立审核台账。", run_in=True, blocks=[Paragraph("对每一件规范性文件登记审核意见，做到有据可查。")]),
        Section(
            "强化培训考核",
            run_in=False,
            blocks=[Paragraph("全年组织法治培训6期，参训干部{{trainees}}，考核合格率{{coverage}}。")],
            children=[
                Section("集中学习。", run_in=True, blocks=[Paragraph("每季度开展一次集中学法。")]),
                Section("以考促学。", run_in=True, blocks=[Paragraph("年底组织一次法律知识考试。")]),
            ],
        ),
        Section(
            "典型做法。",
            run_in=True,
            numbered=False,
            blocks=[Paragraph("推行“法律明白人”培养工程，走访群众{{visits}}。")],
        ),
    ]
    first.children[5].blocks = [
        PointList(
            lead="化解矛盾纠纷成效明显，",
            items=[
                "受理行政复议案件{{cases_received}}，办结{{cases_closed}}，办结率{{close_rate}}。",
                "深入开展“八五”普法，群众法治意识明显增强。",
            ],
        )
    ]
    r.sections[1].blocks = [
        Paragraph("一是法治宣传形式较为单一；二是执法人员专业能力有待提高。原因主要在于投入不足、培训不够。")
    ]
    r.sections[2].blocks = [
        Paragraph("镇党委书记、镇长切实履行推进法治建设第一责任人职责，年内专题研究法治政府建设工作4次。")
    ]
    r.sections[3].blocks = [
        PointList(inline=False, items=["加强法治宣传教育。", "提升执法规范化水平。", "完善矛盾纠纷多元化解机制。"])
    ]
    r.sections[4].blocks = [Paragraph("无。")]
    return r


def full_official():
    """版头 and 版记 with every field set (the submit edition's every element)."""
    import datetime as dt

    from hxdesk.model import Attachment, OfficialElements

    return OfficialElements(
        bodies=["中共青山镇委员会", "青山镇人民政府"],
        with_wenjian=False,
        code="青山委文",
        doc_year=2026,
        doc_number=3,
        signers=["李明"],
        attachments=[Attachment("法治建设工作台账", ["一、会前学法4次。", "二、行政复议1件。"])],
        cc=["县委全面依法治县委员会办公室", "县司法局"],
        printer="中共青山镇委员会办公室",
        print_date=dt.date(2026, 1, 12),
        copy_number="000001",
        secrecy="内部",
        urgency="特急",
    )


class Clock:
    """A clock the test moves by hand (the store's injected time source)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 3, 1, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def schema_errors(path: Path) -> list[str]:
    """What Word's schema (the Open XML SDK's validator, ported by openxml-audit) finds wrong in the
    .docx at ``path``: one line per error (part, path, message); [] when it is valid."""
    from openxml_audit import FileFormat, OpenXmlValidator

    errors: list[str] = []
    # Word 2010 (the files' compatibilityMode 14) and today's Word.
    for version in (FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365):
        result = OpenXmlValidator(file_format=version, max_errors=0).validate(path)
        errors.extend(f"{version.value} {e.part_uri} {e.path}: {e.description}" for e in result.errors)
    return errors


# The page engine's memory guard (tests/core/test_page_engine_memory.py, tests/gui/test_preview_memory.py):
# every child that may lay out an absurd report runs under an address-space limit, so that an engine
# without its guard fails cleanly instead of taking the machine down.
LIMIT_AS = 4 * 1024**3
LONG_SENTENCE = "全面梳理镇级权责清单，动态调整行政权力事项，做到法定职责必须为、法无授权不可为。"
TOO_LONG = 400_000  # characters: more than the page engine takes at all (render.pages.MAX_LAYOUT_CHARS)


def long_text(length: int) -> str:
    """``length`` characters of report-like Chinese text (a full stop every 41 characters)."""
    return (LONG_SENTENCE * (length // len(LONG_SENTENCE) + 1))[:length]


def limited_page_worker():
    """The preview's worker process, started as the GUI starts it, under LIMIT_AS."""
    from hxdesk.render.pages import PageWorker

    code = (
        "import resource, sys; "
        f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT_AS}, {LIMIT_AS})); "
        "from hxdesk.cli import main; sys.exit(main(['--page-worker']))"
    )
    return PageWorker([sys.executable, "-c", code])
