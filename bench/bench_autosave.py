"""Benchmark: what one autosave costs the GUI thread (``Workspace.reports.save`` of an edited
report), on the sample and on a 208-section report, with 300 reports in the database, against a
bare durable one-row commit (WAL, synchronous=FULL) measured in the same run.  Prints ratios.

    python bench/bench_autosave.py [--saves 200]
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bare_commits(folder: Path, n: int) -> list[float]:
    conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("UPDATE t SET v = ? WHERE id = 1", (str(i),))
        conn.execute("COMMIT")
        out.append(time.perf_counter() - t0)
    conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    from bench_editor import big_report
    from bench_startup import fill

    from hxdesk import services

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "hxdesk.db"
        with services.open_workspace(db) as workspace:
            workspace.reports.ensure_sample()
        fill(db, 299)
        with services.open_workspace(db) as workspace:
            sample_id = workspace.reports.add(services.sample_report())
            big_id = workspace.reports.add(big_report(200))
        base = bare_commits(folder, args.saves)
        results = []
        with services.open_workspace(db) as workspace:
            for name, rid in (("sample", sample_id), ("208 sections", big_id)):
                report = workspace.reports.load(rid)
                paragraph = next(b for s, _ in report.walk() for b in s.blocks if hasattr(b, "text"))
                times = []
                for i in range(args.saves):  # one keystroke's worth of change per save, as typing does
                    paragraph.text += "字" if i % 2 == 0 else "。"
                    t0 = time.perf_counter()
                    workspace.reports.save(rid, report)
                    times.append(time.perf_counter() - t0)
                gc.collect()
                results.append((name, times))
    b50 = statistics.median(base)
    print(f"bare durable one-row commit: p50 {b50 * 1000:.2f} ms, p99 {percentile(base, 0.99) * 1000:.2f} ms")
    for name, times in results:
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        print(
            f"autosave, {name}, 300 reports in the database: p50 {p50 * 1000:.2f} ms (x{p50 / b50:.1f}), "
            f"p99 {p99 * 1000:.2f} ms"
        )
    print("goals (issue 19): p99 <= 5 ms on the sample, <= 8 ms on the 200-section report")


if __name__ == "__main__":
    main()
