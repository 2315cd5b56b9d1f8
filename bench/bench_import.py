"""Import of the sample report at 1×, 10× and 100× its size against python-docx reading the
same paragraphs of the same file, in the same run.

    python bench/bench_import.py [--runs 5]

The sample (tests/data/huangxi_2024.txt, 3 parts, 10 sections) is typed into a .docx the way a
clerk types it (tests/importer/typed.py); the N× document repeats its body N times, its parts
numbered on (一、 … 三百、), so 100× is a report of some 1 000 sections.  For each size it
prints the median time of hxdesk's import (read, normalise, structure, figures), of
python-docx opening the file and reading every paragraph's text (the baseline), their ratio,
and the import time per paragraph.  python-docx has a fixed cost of opening the package that
dominates at 1×, so linearity is judged on the import's time per paragraph: at 100× it must stay
within 1.5× of the 10× one (a quadratic step would make it ten times larger).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from importer.typed import sample_markup  # noqa: E402
from support import seed_lines  # noqa: E402

from hxdesk.importer import import_file  # noqa: E402
from hxdesk.numbering import chinese_numeral  # noqa: E402

SIZES = (1, 10, 100)
LINEAR_GOAL = 1.5
_PART = re.compile(r"^([一二三四五六七八九十]+)、")


def scaled_lines(lines: list[str], times: int) -> list[str]:
    """The title, then the body ``times`` times, its 一、 parts numbered on."""
    title, body = lines[:2], lines[2:]
    out = list(title)
    part = 0
    for _ in range(times):
        for line in body:
            if _PART.match(line):
                part += 1
                line = _PART.sub(chinese_numeral(part) + "、", line)
            out.append(line)
    return out


def median_times(fn, baseline, runs: int) -> tuple[float, float, float, float]:
    """Median wall-clock and CPU times of ``fn`` and of ``baseline``, run in turns (machine noise
    hits both alike): (fn wall, baseline wall, fn CPU, baseline CPU).  On a shared machine the CPU
    time of this process is the steadier measure (it leaves out the time other jobs ran)."""
    wall: tuple[list[float], list[float]] = ([], [])
    cpu: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for i, f in enumerate((fn, baseline)):
            t0, c0 = time.perf_counter(), time.process_time()
            f()
            wall[i].append(time.perf_counter() - t0)
            cpu[i].append(time.process_time() - c0)
    m = statistics.median
    return m(wall[0]), m(wall[1]), m(cpu[0]), m(cpu[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lines = seed_lines()
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    per_para: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        from importer.typed import typed_docx

        print(
            f"{'size':>5} {'paragraphs':>10} {'sections':>8} {'import ms':>10} {'python-docx ms':>14} {'ratio':>6} "
            f"{'CPU ratio':>9} {'µs/para':>8}"
        )
        for times in SIZES:
            path = typed_docx(sample_markup(scaled_lines(lines, times)), Path(tmp) / f"x{times}.docx")
            n_par = len(docx.Document(str(path)).paragraphs)
            report = import_file(path).report
            n_sec = sum(1 for _ in report.walk())
            runs = max(1, args.runs if times < 100 else max(3, args.runs // 2))
            t_import, t_docx, cpu_import, cpu_docx = median_times(
                lambda p=path: import_file(p), lambda p=path: [q.text for q in docx.Document(str(p)).paragraphs], runs
            )
            ratio = t_import / t_docx
            ratios.append(ratio)
            cpu_ratios.append(cpu_import / cpu_docx)
            per_para.append(t_import / n_par)
            print(
                f"{times:>4}× {n_par:>10} {n_sec:>8} {t_import * 1000:>10.1f} {t_docx * 1000:>14.1f} {ratio:>6.2f} "
                f"{cpu_ratios[-1]:>9.2f} {t_import / n_par * 1e6:>8.0f}"
            )
    growth = per_para[-1] / per_para[1]
    linear = growth <= LINEAR_GOAL
    print(f"ratio to python-docx: {' → '.join(f'{r:.2f}' for r in ratios)} (goal ≤ 3 at every size)")
    print(f"in CPU time: {' → '.join(f'{r:.2f}' for r in cpu_ratios)}")
    verdict = "linear" if linear else "NOT linear"
    print(f"import time per paragraph at 100× / at 10× = {growth:.2f} (goal ≤ {LINEAR_GOAL}): {verdict}")
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
