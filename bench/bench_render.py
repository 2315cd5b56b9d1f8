"""Benchmark: rendering the sample at 1×, 10× and 100× its size against a bare python-docx
script writing the same paragraphs, measured in the same run (goal ≤ 1.5× at every size).

The N× report repeats the sample's sections N times (as bench/bench_import.py repeats its body),
so 100× is a report of some 1 300 sections.  Two views: in-process rendering at each size (the
renderer's own cost) and, for the sample, whole processes (what a user waits for on the command
line, ``hxdesk render --sample``).  Prints ratios; asserts nothing.

    python bench/bench_render.py [--runs 15]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_SCRIPT = textwrap.dedent(
    """
    import sys, docx
    texts = {texts!r}
    d = docx.Document()
    for t in texts:
        d.add_paragraph(t)
    d.save(sys.argv[1])
    """
)


def bare_render(texts: list[str], out: Path) -> None:
    import docx

    d = docx.Document()
    for t in texts:
        d.add_paragraph(t)
    d.save(str(out))


SIZES = (1, 10, 100)


def scaled_report(times: int):
    """The sample with its sections repeated ``times`` times (fresh section ids)."""
    from hxdesk import services
    from hxdesk.model import new_uid

    report = services.sample_report()
    sections = report.sections
    report.sections = [copy.deepcopy(s) for _ in range(times) for s in sections]
    for section, _ in report.walk():
        section.uid = new_uid()
    return report


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from hxdesk import services
    from hxdesk.render import paragraph_texts

    def row(name: str, hx: list[float], bare: list[float]) -> None:
        h, b = statistics.median(hx), statistics.median(bare)
        print(f"{name:<28} hxdesk {h * 1000:8.1f} ms   bare python-docx {b * 1000:8.1f} ms   ratio {h / b:5.2f}x")

    print("render vs bare python-docx writing the same paragraphs (median; goal ratio <= 1.5x)")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for times in SIZES:
            report = scaled_report(times)
            texts = paragraph_texts(report)
            # Warm up both (imports, file cache).
            services.render_to_file(report, tmpdir / "w.docx")
            bare_render(texts, tmpdir / "w2.docx")
            runs = args.runs if times < 100 else max(3, args.runs // 5)
            hx_in, bare_in = [], []
            for _ in range(runs):  # interleaved, so machine noise hits both alike
                hx_in += timed(lambda r=report: services.render_to_file(r, tmpdir / "a.docx"), 1)
                bare_in += timed(lambda t=texts: bare_render(t, tmpdir / "b.docx"), 1)
            row(f"in-process {times}x ({len(texts)} paras)", hx_in, bare_in)

        texts = paragraph_texts(services.sample_report())
        script = tmpdir / "bare.py"
        script.write_text(BARE_SCRIPT.format(texts=texts), encoding="utf-8")
        hx_proc, bare_proc = [], []
        for _ in range(max(3, args.runs // 3)):
            hx_proc += timed(
                lambda: subprocess.run(
                    [sys.executable, "-m", "hxdesk", "render", "--sample", "-o", str(tmpdir / "c.docx")],
                    check=True,
                    capture_output=True,
                    cwd=str(ROOT),
                ),
                1,
            )
            bare_proc += timed(
                lambda: subprocess.run(
                    [sys.executable, str(script), str(tmpdir / "d.docx")], check=True, capture_output=True
                ),
                1,
            )
        row("whole process (CLI), 1x", hx_proc, bare_proc)


if __name__ == "__main__":
    main()
