"""The bundle's size and start-up time against a minimal PySide6 window
bundled by the same PyInstaller in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_bundle.py [--bundle DIST/hxdesk] [--runs 15]

Builds build_exe.spec (unless --bundle names an existing one-folder build) and
a bare QMainWindow with default PyInstaller options, then starts both programs
in turn and times, from spawning the process, the line each prints once its
main window has been shown and the event loop has run (painted) — the same
measure as bench/bench_startup.py — and for hxdesk also the line it prints
once the report list is filled (HXDESK_BENCH_EXIT).  Goals: size ≤ 1.2×,
start ≤ 1.3× the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform == "win32" else ""
# The marks are read from the programs' standard output, which a windowed
# Windows program does not have: there the bare window is built as a console
# program and hxdesk is timed as hxdesk-cli.exe (the same program, console
# subsystem; without arguments it opens the window).  On Linux both are plain.
HXDESK_PROGRAM = f"hxdesk-cli{EXE}" if sys.platform == "win32" else "hxdesk"
SIZE_GOAL, START_GOAL = 1.2, 1.3

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("bare window"))
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
sys.exit(app.exec())
"""


def pyinstaller(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", *args], cwd=str(cwd), check=True
    )
    return time.perf_counter() - start


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def start_time(program: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning PROGRAM to its 'painted' line and to its 'ready' line (or 'painted')."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(program)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    marks: dict[bytes, float] = {}
    for line in proc.stdout:  # "painted <peak KiB>", "ready <peak KiB>"
        marks[line.split(b" ")[0].strip()] = time.perf_counter() - start
    if proc.wait(timeout=120) != 0 or b"painted" not in marks:
        raise RuntimeError(f"{program} did not report a painted window (exit {proc.returncode})")
    return marks[b"painted"], marks.get(b"ready", marks[b"painted"])


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="an existing one-folder build of build_exe.spec")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}

    with tempfile.TemporaryDirectory(prefix="hxdesk-bench-") as tmp:
        tmp_path = Path(tmp)
        bare_src = tmp_path / "bare_window.py"
        bare_src.write_text(BARE_WINDOW, encoding="utf-8")
        bare_build = pyinstaller(
            [
                "--onedir",
                "--console",
                "--distpath",
                str(tmp_path / "dist"),
                "--workpath",
                str(tmp_path / "work-bare"),
                "--specpath",
                str(tmp_path),
                str(bare_src),
            ],
            tmp_path,
        )
        bare = tmp_path / "dist" / "bare_window"
        if args.bundle:
            bundle, hx_build = args.bundle, None
        else:
            hx_build = pyinstaller(
                [
                    "--distpath",
                    str(tmp_path / "dist"),
                    "--workpath",
                    str(tmp_path / "work-hx"),
                    str(ROOT / "build_exe.spec"),
                ],
                ROOT,
            )
            bundle = tmp_path / "dist" / "hxdesk"

        data = tmp_path / "data"  # hxdesk opens (and on the first run creates) its database here
        data.mkdir()
        hx_env = {**env, "HXDESK_DATA_DIR": str(data), "HXDESK_BENCH_EXIT": "1"}
        programs = {"bare": (bare / f"bare_window{EXE}", env), "hxdesk": (bundle / HXDESK_PROGRAM, hx_env)}
        for program, program_env in programs.values():  # warm-up: page cache, first-run database
            start_time(program, program_env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for _ in range(args.runs):  # interleaved, so that drift hits both alike
            for name, (program, program_env) in programs.items():
                runs[name].append(start_time(program, program_env))

        # For reading the numbers: the frozen Python alone (no window, no report code).
        cli_only = statistics.median(timed([str(bundle / HXDESK_PROGRAM), "--version"], hx_env) for _ in range(5))
        size = {"bare": folder_size(bare), "hxdesk": folder_size(bundle)}
        painted = {name: statistics.median(p for p, _ in r) for name, r in runs.items()}
        ready = statistics.median(r for _, r in runs["hxdesk"])

    print(
        f"PyInstaller bundles on {sys.platform}, one-folder; medians of {args.runs} starts ({env['QT_QPA_PLATFORM']})"
    )
    if hx_build is not None:
        print(f"build time: bare {bare_build:.0f} s, hxdesk {hx_build:.0f} s")
    print(f"{'':8}{'size MB':>10}{'painted ms':>12}{'list ms':>10}")
    print(f"{'bare':8}{size['bare'] / 1e6:10.1f}{painted['bare'] * 1000:12.0f}{'':>10}")
    print(f"{'hxdesk':8}{size['hxdesk'] / 1e6:10.1f}{painted['hxdesk'] * 1000:12.0f}{ready * 1000:10.0f}")
    print(f"(hxdesk --version, the frozen Python with PySide6's runtime hook: {cli_only * 1000:.0f} ms)")
    size_ratio = size["hxdesk"] / size["bare"]
    start_ratio = painted["hxdesk"] / painted["bare"]
    print(
        f"ratio   size {size_ratio:.2f}× (goal ≤ {SIZE_GOAL}×) {'ok' if size_ratio <= SIZE_GOAL else 'OVER'}; "
        f"start to painted window {start_ratio:.2f}× (goal ≤ {START_GOAL}×) "
        f"{'ok' if start_ratio <= START_GOAL else 'OVER'}; start to report list {ready / painted['bare']:.2f}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
