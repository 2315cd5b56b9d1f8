"""Benchmark: ``hxdesk render --sample`` against a bare python-docx script
writing the same paragraphs, measured in the same run (goal ≤ 1.5×).

Two views: whole processes (what a user waits for on the command line) and
in-process rendering (the renderer's own cost).  Prints ratios; asserts nothing.

    python bench/bench_render.py [--runs 15]
"""

from __future__ import annotations

import argparse
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

    sample = services.sample_report()
    texts = paragraph_texts(sample)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        script = tmpdir / "bare.py"
        script.write_text(BARE_SCRIPT.format(texts=texts), encoding="utf-8")

        # Warm up both (imports, file cache).
        services.render_to_file(services.sample_report(), tmpdir / "w.docx")
        bare_render(texts, tmpdir / "w2.docx")

        hx_in, bare_in = [], []
        hx_proc, bare_proc = [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            hx_in += timed(lambda: services.render_to_file(services.sample_report(), tmpdir / "a.docx"), 1)
            bare_in += timed(lambda: bare_render(texts, tmpdir / "b.docx"), 1)
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

    def row(name: str, hx: list[float], bare: list[float]) -> None:
        h, b = statistics.median(hx), statistics.median(bare)
        print(f"{name:<28} hxdesk {h * 1000:8.1f} ms   bare python-docx {b * 1000:8.1f} ms   ratio {h / b:5.2f}x")

    print(f"render --sample vs bare python-docx (median of {args.runs}; goal ratio <= 1.5x)")
    row("in-process render+save", hx_in, bare_in)
    row("whole process (CLI)", hx_proc, bare_proc)


if __name__ == "__main__":
    main()
