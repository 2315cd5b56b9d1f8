"""The bundle's size and start-up time against a minimal PySide6 window
bundled by the same PyInstaller in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_bundle.py [--bundle DIST/hxdesk] [--runs 15]

Builds build_exe.spec (unless --bundle names an existing one-folder build) and
a bare QMainWindow with default PyInstaller options, then times both programs
starting, showing their window, saving it as a PNG (--screenshot) and exiting.
Goals: size ≤ 1.2×, start ≤ 1.3× the bare window.
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
SIZE_GOAL, START_GOAL = 1.2, 1.3

BARE_WINDOW = '''
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("bare window"))
window.resize(1280, 800)
window.show()
if "--screenshot" in sys.argv:
    app.processEvents()
    sys.exit(0 if window.grab().save(sys.argv[sys.argv.index("--screenshot") + 1]) else 1)
sys.exit(app.exec())
'''


def pyinstaller(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", *args],
                   cwd=str(cwd), check=True)
    return time.perf_counter() - start


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def start_time(program: Path, work: Path, env: dict[str, str]) -> float:
    """Seconds from process start to exit, having shown the window and saved it."""
    shot = work / "shot.png"
    shot.unlink(missing_ok=True)
    elapsed = timed([str(program), "--screenshot", str(shot)], env)
    if not shot.is_file():
        raise RuntimeError(f"{program} wrote no screenshot")
    return elapsed


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
        bare_build = pyinstaller(["--onedir", "--windowed", "--distpath", str(tmp_path / "dist"),
                                  "--workpath", str(tmp_path / "work-bare"), "--specpath", str(tmp_path),
                                  str(bare_src)], tmp_path)
        bare = tmp_path / "dist" / "bare_window"
        if args.bundle:
            bundle, hx_build = args.bundle, None
        else:
            hx_build = pyinstaller(["--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work-hx"),
                                    str(ROOT / "build_exe.spec")], ROOT)
            bundle = tmp_path / "dist" / "hxdesk"

        data = tmp_path / "data"  # hxdesk opens (and on the first run creates) its database here
        data.mkdir()
        # The main window with the report list (the view a user sees first).
        hx_env = {**env, "HXDESK_DATA_DIR": str(data), "HXDESK_SCREENSHOT_VIEW": "list"}
        programs = {"bare": (bare / f"bare_window{EXE}", env), "hxdesk": (bundle / f"hxdesk{EXE}", hx_env)}
        for program, program_env in programs.values():  # warm-up: page cache, first-run database
            start_time(program, tmp_path, program_env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):  # interleaved, so that drift hits both alike
            for name, (program, program_env) in programs.items():
                times[name].append(start_time(program, tmp_path, program_env))

        # For reading the numbers: the frozen Python alone (no Qt, no report code).
        cli_only = statistics.median(timed([str(bundle / f"hxdesk{EXE}"), "--version"], hx_env) for _ in range(5))
        size = {"bare": folder_size(bare), "hxdesk": folder_size(bundle)}
        start = {name: statistics.median(t) for name, t in times.items()}
        fastest = {name: min(t) for name, t in times.items()}

    print(f"PyInstaller bundles on {sys.platform}, one-folder; start = median of {args.runs} runs "
          f"of `PROGRAM --screenshot x.png` ({env['QT_QPA_PLATFORM']})")
    if hx_build is not None:
        print(f"build time: bare {bare_build:.0f} s, hxdesk {hx_build:.0f} s")
    print(f"{'':8}{'size MB':>10}{'start ms':>10}{'fastest':>10}")
    for name in ("bare", "hxdesk"):
        print(f"{name:8}{size[name] / 1e6:10.1f}{start[name] * 1000:10.0f}{fastest[name] * 1000:10.0f}")
    print(f"(hxdesk --version, the frozen Python without Qt: {cli_only * 1000:.0f} ms)")
    size_ratio = size["hxdesk"] / size["bare"]
    start_ratio = start["hxdesk"] / start["bare"]
    print(f"ratio   size {size_ratio:.2f}× (goal ≤ {SIZE_GOAL}×) {'ok' if size_ratio <= SIZE_GOAL else 'OVER'}; "
          f"start {start_ratio:.2f}× (goal ≤ {START_GOAL}×) {'ok' if start_ratio <= START_GOAL else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
