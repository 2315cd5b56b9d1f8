"""Benchmark: checking the sample (services.check_report, every rule and both word lists) against
figures.report_values (the figures computed) on the same report, measured in the same run.  Goal: checks of the sample
≤ 50 ms.  Also the rolled-over sample (30 empty figures) and a report 10× the sample's size, since the
GUI checks while the clerk types.  Prints the numbers; asserts nothing.

    python bench/bench_checks.py [--runs 50]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_MS = 50.0


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    from hxdesk import services
    from hxdesk.figures import report_values
    from hxdesk.model import Paragraph, new_uid

    sample = services.sample_report()
    rolled = services.roll_over(sample)
    big = copy.deepcopy(sample)
    for _ in range(9):
        big.sections += copy.deepcopy(sample.sections)
    for s, _ in big.walk():
        s.uid = new_uid()

    # Long repetitive paragraphs that once made the document checks quadratic (issue 29).
    repeated = copy.deepcopy(sample)
    repeated.sections[0].children[0].blocks = [
        Paragraph("2024年、" * 8000 + "连续两年"),
        Paragraph("以下3项：一是" * 8000),
        Paragraph("提升满意。" * 10000),
        Paragraph("受理12件，办结13件，" * 5000),
        Paragraph("《法治政府建设实施纲要（2022—2025年）》" * 3000),
    ]

    services.check_report(sample)  # warm up: imports, the word lists
    report_values(sample)

    base, checks, checks_rolled, checks_big = [], [], [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        base += timed(lambda: report_values(sample), 1)
        checks += timed(lambda: services.check_report(sample), 1)
        checks_rolled += timed(lambda: services.check_report(rolled), 1)
    checks_big = timed(lambda: services.check_report(big), max(5, args.runs // 5))

    checks_repeated = timed(lambda: services.check_report(repeated), 3)

    med = statistics.median
    print(f"baseline report_values(sample): {med(base):.2f} ms (median of {args.runs})")
    print(f"services.check_report(sample):             {med(checks):.2f} ms  ratio {med(checks) / med(base):.1f}x")
    print(f"services.check_report(rolled-over sample): {med(checks_rolled):.2f} ms")
    print(f"services.check_report(10x the sample):     {med(checks_big):.2f} ms")
    print(f"services.check_report(long repeated texts):  {med(checks_repeated):.2f} ms")
    verdict = "met" if med(checks) <= GOAL_MS else "NOT met"
    print(f"goal: checks of the sample <= {GOAL_MS:.0f} ms: {verdict} (max {max(checks):.2f} ms)")


if __name__ == "__main__":
    main()
