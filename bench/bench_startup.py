"""Start-up cost of the hxdesk window against a bare PySide6 window, same run.

Each candidate is started as a fresh process (offscreen); the time is measured
from spawning the process to the line it prints once its main window has been
shown and the event loop has run (painted); peak memory is the child's
ru_maxrss.  Prints medians and the ratios hxdesk / baseline (goal ≤ 1.5×).

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
QTimer.singleShot(0, lambda: (print("painted", flush=True), print("ready", flush=True), app.quit()))
app.exec()
"""


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds until 'painted', seconds until 'ready' (the list filled), peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
    assert proc.stdout is not None
    marks: dict[bytes, float] = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if b"painted" not in marks or code != 0:
        raise SystemExit(f"{cmd!r} did not report a painted window (exit {code})")
    return marks[b"painted"], marks.get(b"ready", marks[b"painted"]), usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # An installed hxdesk runs from byte code (a PyInstaller bundle carries
    # .pyc files); PYTHONDONTWRITEBYTECODE would make every start recompile
    # hxdesk's own modules, a cost the bare window does not have.
    compileall.compile_dir(str(ROOT / "hxdesk"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "HXDESK_DATA_DIR": tmp, "HXDESK_BENCH_EXIT": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = str(Path(tmp) / "bench.db")
        baseline_cmd = [sys.executable, "-c", BASELINE]
        app_cmd = [sys.executable, "-m", "hxdesk", "--db", db]
        run_once(app_cmd, env)  # first start creates the database and the sample: not measured
        base, app = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine state
            base.append(run_once(baseline_cmd, env))
            app.append(run_once(app_cmd, env))
    bt = statistics.median(t for t, _, _ in base)
    at = statistics.median(t for t, _, _ in app)
    ar = statistics.median(r for _, r, _ in app)
    bm = statistics.median(m for _, _, m in base)
    am = statistics.median(m for _, _, m in app)
    print(f"bare PySide6 window      : {bt * 1000:7.0f} ms  {bm / 1024:6.1f} MiB peak")
    print(f"hxdesk window painted    : {at * 1000:7.0f} ms")
    print(f"hxdesk report list ready : {ar * 1000:7.0f} ms  {am / 1024:6.1f} MiB peak")
    print(f"ratio time to painted window : {at / bt:.2f}x  (goal <= 1.5x)")
    print(f"ratio time to report list    : {ar / bt:.2f}x")
    print(f"ratio peak memory            : {am / bm:.2f}x  (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
