"""Benchmark: the page engine's memory guard (hxdesk/render/pages.py, MAX_LAYOUT_PARAGRAPH and
MAX_LAYOUT_CHARS), measured in the same run against its baselines:

- time: the guard's own work on the sample's document (counting the characters, looking for long
  paragraphs) against the whole rdocx PDF of the sample;
- memory: the peak resident memory of a process making the rdocx PDF of the sample with one paragraph
  of 30,000 and 100,000 characters, against the same process for the sample alone (read from the
  kernel's accounting of the child, os.wait4). Prints ratios; asserts nothing.

    python bench/bench_page_engine.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import sys
from hxdesk import services
from hxdesk.model import Paragraph
from hxdesk.render.pages import pdf_by_rdocx
n = int(sys.argv[1])
sentence = "全面梳理镇级权责清单，动态调整行政权力事项，做到法定职责必须为、法无授权不可为。"
report = services.sample_report()
if n:
    report.sections[0].blocks = [Paragraph((sentence * (n // len(sentence) + 1))[:n])]
pdf_by_rdocx(report)
"""


def peak_rss_mib(length: int) -> float:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(length)], cwd=str(ROOT))
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"the child for {length} characters ended with {proc.returncode}")
    return usage.ru_maxrss / 1024  # Linux: kilobytes


def guard_seconds(runs: int) -> tuple[float, float]:
    """(the guard's work, the whole rdocx PDF) on the sample, medians in seconds."""
    from hxdesk import services
    from hxdesk.render import pages
    from hxdesk.render.docx_renderer import ReportRenderer

    report = services.sample_report()
    guard, whole = [], []
    for _ in range(runs):
        renderer = ReportRenderer(report, None, "plain")
        body = renderer.build().element.body
        t0 = time.perf_counter()
        pages.bounded_for_layout(body, renderer.body_places)
        guard.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        pages.pdf_by_rdocx(report)
        whole.append(time.perf_counter() - t0)
    return statistics.median(guard), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    guard, whole = guard_seconds(args.runs)
    print(f"guard on the sample: {guard * 1000:.2f} ms, the rdocx PDF {whole * 1000:.0f} ms: {guard / whole:.4f}×")
    base = peak_rss_mib(0)
    print(f"peak RSS, rdocx PDF of the sample: {base:.0f} MiB (baseline)")
    for length in (30_000, 100_000):
        peak = peak_rss_mib(length)
        print(f"peak RSS, with one {length:,}-character paragraph: {peak:.0f} MiB = {peak / base:.2f}× the sample")


if __name__ == "__main__":
    main()
