"""Measure where the submit edition's 版记 goes, against LibreOffice (and rdocx): the numbers in
docs/official-document.md ("Measured limits").

Renders reports of many lengths (pure Chinese paragraphs, and seeded random paragraphs with figures),
lays each out with LibreOffice and checks: the end of the text inside the paginator's band; the 版记
on an even last page, its last rule within 1 mm of the text area's bottom edge, on the text's page
(with its page number) exactly when the renderer chose so, else alone (without one) after a blank
page without one when the text ends on an even page. Takes about 3 s a report.

    .venv/bin/python scripts/measure_colophon.py [--random N] [--rdocx]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pdfplumber  # noqa: E402
from support import docx_to_pdf, full_official, pdf_pages  # noqa: E402

from hxdesk import services  # noqa: E402
from hxdesk.model import Paragraph  # noqa: E402
from hxdesk.render import official, render_document  # noqa: E402
from hxdesk.render import profile as fmt  # noqa: E402
from hxdesk.render.docx_renderer import ReportRenderer  # noqa: E402

MM = 72 / 25.4
BOTTOM = 841.89 - 35 * MM
DATE = "2026年1月10日"
CJK = "依法行政是法治政府建设的核心要求镇政府坚持以习近平法治思想为指导全面落实法治政府建设实施纲要各项任务"
MIXED = (
    "依法行政是法治政府建设的核心要求，镇政府坚持以习近平法治思想为指导，全面落实法治政府建设实施纲要"
    "各项任务；全年受理行政复议案件12件，办结率95.5%，培训干部320人次。"
)


def base():
    r = services.sample_report()
    r.official = full_official()
    r.official.attachments = []
    r.official.bodies = r.official.bodies[1:]
    r.signatures = ["青山镇人民政府"]
    r.date = dt.date(2026, 1, 10)
    r.sections = r.sections[:1]
    r.sections[0].children = []
    return r


def cjk_report(n: int):
    r = base()
    r.sections[0].blocks = [Paragraph((CJK * 5)[:79] + "。") for _ in range(n)]
    return r


def mixed_report(seed: int):
    rnd = random.Random(seed)
    r = base()
    paras = []
    for _ in range(rnd.randint(3, 40)):
        start, length = rnd.randint(0, len(MIXED) - 1), rnd.randint(20, 200)
        paras.append(Paragraph((MIXED * 6)[start : start + length].strip("，；。") + "。"))
    r.sections[0].blocks = paras
    return r


def font_dirs() -> list[str]:
    out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=True).stdout
    return sorted({line.rsplit("/", 1)[0] for line in out.splitlines() if "/" in line})


def last_rule(pdf_path: Path) -> float | None:
    """mm from the last page's lowest rule to the text area's bottom edge."""
    with pdfplumber.open(str(pdf_path)) as pdf:
        lines = sorted(pdf.pages[-1].lines, key=lambda ln: ln["top"])
        return (BOTTOM - lines[-1]["top"]) / MM if lines else None


def check(name: str, report, folder: Path, use_rdocx: bool) -> dict[str, object]:
    renderer = ReportRenderer(report, edition="submit")
    early, late = renderer.text_end_band()
    shared = renderer.colophon_shares_last_page()
    path = folder / f"{name}.docx"
    render_document(report, edition="submit").save(str(path))
    pdf = docx_to_pdf(path, keep_blank_pages=True)
    pages = pdf_pages(pdf, BOTTOM)
    end = max((p.number, ln) for p in pages for ln in p.lines if ln.text.replace(" ", "") == DATE)
    end_page, free = end[0], round((BOTTOM - max(c["bottom"] for c in end[1].chars) - 2) * 20)
    in_band = early.page <= end_page <= late.page
    if early.page == late.page:  # the room left, ± one line's slack for the glyphs' depth
        in_band = in_band and late.free - fmt.LINE_PITCH <= free <= early.free + fmt.LINE_PITCH
    last = pages[-1]
    rule = last_rule(pdf)
    ok = last.number % 2 == 0 and rule is not None and abs(rule) < 1.0
    ok = ok and last.lines[-1].text.replace(" ", "").endswith("印发")
    on_text_page = any(ln.text.replace(" ", "") == DATE for ln in last.lines)
    ok = ok and on_text_page == shared and bool(last.footer) == shared
    if not shared and end_page % 2 == 0:  # a blank page between, neither numbered
        ok = ok and len(pages) == end_page + 2 and not pages[-2].lines and not pages[-2].footer
    room = end_page % 2 == 0 and free >= official.colophon_height(report.official) + fmt.LINE_PITCH // 2
    row: dict[str, object] = {"ok": ok, "in_band": in_band, "shared": shared, "rule": rule, "room": room}
    if use_rdocx and shared:
        import rdocx

        rd = folder / f"{name}.rdocx.pdf"
        rd.write_bytes(bytes(rdocx.Document.open(str(path)).to_pdf_with_diagnostics(font_dirs=font_dirs())[0]))
        with pdfplumber.open(str(rd)) as d:
            text = "".join((d.pages[-1].extract_text() or "").split())
            rd_rule = last_rule(rd)
            row["rdocx_ok"] = (
                len(d.pages) % 2 == 0 and DATE + "抄送" in text and rd_rule is not None and abs(rd_rule) < 1.0
            )
    print(name, f"ends p{end_page}", row, flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=60, help="seeded random reports (default 60)")
    parser.add_argument("--rdocx", action="store_true", help="also lay the shared cases out with rdocx")
    args = parser.parse_args()
    cases = [(f"cjk{n}", cjk_report(n)) for n in range(1, 16)]
    cases += [(f"mix{s}", mixed_report(s)) for s in range(args.random)]
    with tempfile.TemporaryDirectory() as tmp:
        rows = [check(name, r, Path(tmp), args.rdocx) for name, r in cases]
    shared = [r for r in rows if r["shared"]]
    print(
        f"reports {len(rows)}; correct {sum(bool(r['ok']) for r in rows)}; end inside the band "
        f"{sum(bool(r['in_band']) for r in rows)}; 版记 on the text's page {len(shared)} "
        f"(room in LibreOffice {sum(bool(r['room']) for r in rows)}); last rule on the text's page "
        f"{sorted({round(float(r['rule']), 2) for r in shared if r['rule'] is not None})} mm, on its own page "
        f"{sorted({round(float(r['rule']), 2) for r in rows if not r['shared'] and r['rule'] is not None})} mm"
        + (f"; rdocx correct {sum(bool(r.get('rdocx_ok')) for r in shared)} of {len(shared)}" if args.rdocx else "")
    )
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
