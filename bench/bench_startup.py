"""Start-up cost of the hxdesk window against a bare PySide6 window, same run.

Each candidate is started as a fresh process (offscreen).  Times are measured
from spawning the process to the lines it prints: ``painted`` once its main
window has been shown and the event loop has run, and for hxdesk ``ready``
once the report list is filled (hxdesk paints the window first and reads the
database after).  Each line carries the child's peak memory so far
(ru_maxrss).  Prints medians and the ratios hxdesk / baseline; the goals
(≤ 1.5× time and peak memory) are those of the painted main window, and the
report-list figures are printed beside them.

    QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setCentralWidget(QLabel("hello"))
w.resize(1280, 800)
w.show()
import resource
QTimer.singleShot(0, lambda: (print("painted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True),
                              app.quit()))
app.exec()
"""


Mark = tuple[float, int]  # (seconds since spawn, peak KiB so far)


def run_once(cmd: list[str], env: dict[str, str]) -> dict[str, Mark]:
    """The marks a child printed ('painted', and 'ready' for hxdesk), plus 'exit' (whole-run peak)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
    assert proc.stdout is not None
    marks: dict[str, Mark] = {}
    for line in proc.stdout:
        name, _, peak = line.decode().strip().partition(" ")
        marks[name] = (time.perf_counter() - start, int(peak or 0))
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if "painted" not in marks or code != 0:
        raise SystemExit(f"{cmd!r} did not report a painted window (exit {code})")
    marks["exit"] = (time.perf_counter() - start, usage.ru_maxrss)
    return marks


def fill(db: Path, extra: int) -> None:
    """Add ``extra`` full reports: towns 1…n over years 2015…, each a copy of the sample."""
    sys.path.insert(0, str(ROOT))
    from hxdesk import services

    sample = services.sample_report()
    with services.open_workspace(db) as workspace:
        for i in range(extra):
            report = services.roll_over(sample)
            report.year = 2015 + i % 10
            report.issuers = [f"第{i // 10 + 1}镇人民政府"]
            workspace.reports.add(report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reports", type=int, default=1, help="reports in the database (30 towns x 10 years: 300)")
    args = parser.parse_args()
    # An installed hxdesk runs from byte code (a PyInstaller bundle carries
    # .pyc files); PYTHONDONTWRITEBYTECODE would make every start recompile
    # hxdesk's own modules, a cost the bare window does not have.
    compileall.compile_dir(str(ROOT / "hxdesk"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HXDESK_DATA_DIR": tmp,
            "HXDESK_BENCH_EXIT": "1",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        baseline_cmd = [sys.executable, "-c", BASELINE]
        # As staff start it: no arguments, the database in the data folder (HXDESK_DATA_DIR).
        app_cmd = [sys.executable, "-m", "hxdesk"]
        run_once(app_cmd, env)  # first start creates the database and the sample: not measured
        if args.reports > 1:
            fill(Path(tmp) / "hxdesk.db", args.reports - 1)
        base, app = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine state
            base.append(run_once(baseline_cmd, env))
            app.append(run_once(app_cmd, env))

    def median(runs: list[dict[str, Mark]], mark: str, index: int) -> float:
        return statistics.median(r[mark][index] for r in runs)

    bt, bm = median(base, "painted", 0), median(base, "painted", 1)
    at, am = median(app, "painted", 0), median(app, "painted", 1)
    rt, rm = median(app, "ready", 0), median(app, "exit", 1)
    # 'listed': the list painted from the quick read-only look (disabled until 'ready', the database open)
    lt = median(app, "listed", 0) if all("listed" in m for m in app) else None
    print(f"medians of {args.runs} starts each      time    peak memory")
    print(f"bare PySide6 window, painted     : {bt * 1000:5.0f} ms  {bm / 1024:6.1f} MiB")
    print(f"hxdesk main window, painted      : {at * 1000:5.0f} ms  {am / 1024:6.1f} MiB")
    if lt is not None:
        print(f"hxdesk report list painted       : {lt * 1000:5.0f} ms  (shown, disabled until the database is open)")
    print(f"hxdesk report list usable        : {rt * 1000:5.0f} ms  {rm / 1024:6.1f} MiB")
    print(f"ratio painted main window        : time {at / bt:.2f}x, peak memory {am / bm:.2f}x  (goal <= 1.5x each)")
    if lt is not None:
        print(f"ratio report list painted        : time {lt / bt:.2f}x  (goal <= 1.5x)")
    print(f"ratio report list usable         : time {rt / bt:.2f}x, peak memory {rm / bm:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
