"""Checks of a PyInstaller bundle built from build_exe.spec, by running the
bundled program as a user would.  Used by scripts/build_bundle.sh (as a
script) and by tests/packaging/test_bundle.py (one test per check).

    python tests/packaging/check_bundle.py DIST_DIR/hxdesk

Every check returns a list of problems (empty = passed).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from support import seed_lines  # noqa: E402

IS_WIN = sys.platform == "win32"
GUI_NAME = "hxdesk.exe" if IS_WIN else "hxdesk"
CLI_NAME = "hxdesk-cli.exe" if IS_WIN else "hxdesk"  # the console program (same file on Linux)
TIMEOUT = 120


def internal_dir(bundle: Path) -> Path:
    """The folder holding the data files (sys._MEIPASS of a one-folder build)."""
    return bundle / "_internal"


def run(
    bundle: Path, *args: str, data_dir: Path, program: str = CLI_NAME, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "HXDESK_DATA_DIR": str(data_dir), **(extra_env or {})}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the build environment
    return subprocess.run(
        [str(bundle / program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=TIMEOUT,
        cwd=str(data_dir),
    )


def docx_paragraphs(path: Path) -> list[str]:
    import docx

    return [p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def check_layout(bundle: Path, work: Path) -> list[str]:
    """The programs, the resources, the .ui files and Qt's Chinese translations are in place."""
    problems = []
    names = [GUI_NAME, CLI_NAME]
    for name in dict.fromkeys(names):
        if not (bundle / name).is_file():
            problems.append(f"missing program {name}")
    internal = internal_dir(bundle)
    for rel in (
        "resources/templates/sample.json",
        "resources/templates/standard.json",
        "resources/styles/official.docx",
        "resources/icons/hxdesk.png",
    ):
        if not (internal / rel).is_file():
            problems.append(f"missing data file {rel}")
    ui_files = sorted(p.name for p in (ROOT / "ui").glob("*.ui"))
    for name in ui_files:
        if not (internal / "ui" / name).is_file():
            problems.append(f"missing ui/{name}")
    qm = {p.name for p in internal.rglob("*.qm")}
    for name in ("qt_zh_CN.qm", "qtbase_zh_CN.qm"):
        if name not in qm:
            problems.append(f"missing Qt translation {name}")
    others = sorted(n for n in qm if "_zh_CN" not in n)
    if others:
        problems.append(f"translations other than zh_CN bundled: {others[:5]}")
    return problems


def check_excluded_qt_modules(bundle: Path, work: Path) -> list[str]:
    """Qt modules hxdesk does not use are left out."""
    pyside = internal_dir(bundle) / "PySide6"
    unwanted = ("QtQml", "QtQuick", "QtNetwork", "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtOpenGLWidgets")
    present = sorted(p.name for p in pyside.iterdir() if p.name.split(".")[0] in unwanted)
    return [f"unused Qt modules bundled: {present}"] if present else []


def check_render_sample(bundle: Path, work: Path) -> list[str]:
    """`render --sample -o x.docx` writes the built-in sample word for word."""
    out = work / "x.docx"
    proc = run(bundle, "render", "--sample", "-o", str(out), data_dir=work)
    if proc.returncode != 0:
        return [f"render --sample exited {proc.returncode}: {proc.stderr.strip()}"]
    if not out.is_file():
        return ["render --sample wrote no file"]
    got, want = docx_paragraphs(out), seed_lines()
    if got == want:
        return []
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        if g != w:
            return [f"paragraph {i + 1} differs: got {g[:60]!r}, want {w[:60]!r}"]
    return [f"{len(got)} paragraphs, want {len(want)}"]


def check_render_pdf(bundle: Path, work: Path) -> list[str]:
    """`render --sample -o x.pdf --engine rdocx`: the bundled layout engine writes the sample's five pages."""
    out = work / "x.pdf"
    proc = run(bundle, "render", "--sample", "--engine", "rdocx", "-o", str(out), data_dir=work)
    if proc.returncode != 0:
        return [f"render --sample -o x.pdf exited {proc.returncode}: {proc.stderr.strip()}"]
    data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"%PDF-"):
        return ["render --sample -o x.pdf wrote no PDF"]
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    return [] if pages == 5 else [f"the PDF has {pages} pages, want 5"]


def check_font_files(bundle: Path, work: Path) -> list[str]:
    """`fonts --folder DIR` reads font files by their name tables (fontTools, as on Windows)."""
    import shutil

    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf")) if not IS_WIN else []
    if IS_WIN:
        fonts = sorted(Path(os.environ.get("WINDIR", r"C:\Windows"), "Fonts").glob("*.ttf"))[:1]
    if not fonts:
        return ["no .ttf font on this machine to read"]
    folder = work / "fonts"
    folder.mkdir()
    shutil.copy(fonts[0], folder / "one.ttf")
    proc = run(bundle, "fonts", "--fonts", "standard", "--folder", str(folder), data_dir=work)
    if proc.returncode != 0:
        return [f"fonts --folder exited {proc.returncode}: {proc.stderr.strip()}"]
    if "代替" not in proc.stdout and "已安装" not in proc.stdout:
        return [f"fonts --folder named no font: {proc.stdout!r}"]
    return []


def check_cli_errors(bundle: Path, work: Path) -> list[str]:
    """A failure prints one Chinese line and exits non-zero, never a traceback;
    --version and templates (read from the bundled resources) work."""
    problems = []
    proc = run(bundle, "--version", data_dir=work)
    if proc.returncode != 0 or not proc.stdout.strip():
        problems.append(f"--version: rc={proc.returncode} out={proc.stdout!r}")
    proc = run(bundle, "templates", data_dir=work)
    if proc.returncode != 0 or "sample" not in proc.stdout or "standard" not in proc.stdout:
        problems.append(f"templates: rc={proc.returncode} out={proc.stdout!r} err={proc.stderr!r}")
    proc = run(bundle, "render", "999", "--db", str(work / "empty.db"), "-o", str(work / "none.docx"), data_dir=work)
    if proc.returncode == 0:
        problems.append("render of a missing report succeeded")
    if "Traceback" in proc.stderr or not proc.stderr.startswith("hxdesk："):
        problems.append(f"render of a missing report: unexpected stderr {proc.stderr!r}")
    return problems


def run_without_console(bundle: Path, *args: str, data_dir: Path) -> int:
    """Run the windowed program with no stdout/stderr (sys.stdout is None), as
    Windows starts hxdesk.exe; on Linux the same state comes from closed fds."""
    env = {**os.environ, "HXDESK_DATA_DIR": str(data_dir)}
    if IS_WIN:
        command = [str(bundle / GUI_NAME), *args]
    else:
        command = ["sh", "-c", 'exec "$@" >&- 2>&-', "sh", str(bundle / GUI_NAME), *args]
    return subprocess.run(
        command,
        env=env,
        timeout=TIMEOUT,
        cwd=str(data_dir),
        stdout=subprocess.DEVNULL if IS_WIN else None,
        stderr=subprocess.DEVNULL if IS_WIN else None,
    ).returncode


def check_without_console(bundle: Path, work: Path) -> list[str]:
    """Without a console the program still works and fails cleanly (no crash on a None stream)."""
    problems = []
    out = work / "quiet.docx"
    rc = run_without_console(bundle, "render", "--sample", "-o", str(out), data_dir=work)
    if rc != 0 or not out.is_file():
        problems.append(f"render --sample without a console: rc={rc}, file written: {out.is_file()}")
    rc = run_without_console(bundle, "--no-such-option", data_dir=work)
    if rc != 2:  # the usage error's exit code; 1 would be a crash
        problems.append(f"a usage error without a console exited {rc}, want 2")
    return problems


def png_size(path: Path) -> tuple[int, int] | None:
    data = path.read_bytes()[:24]
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def check_gui_screenshot(bundle: Path, work: Path) -> list[str]:
    """The GUI starts offscreen, opens the default database and writes --screenshot."""
    shot = work / "window.png"
    proc = run(
        bundle, "--screenshot", str(shot), data_dir=work, program=GUI_NAME, extra_env={"QT_QPA_PLATFORM": "offscreen"}
    )
    if proc.returncode != 0:
        return [f"GUI exited {proc.returncode}: {proc.stderr.strip()[-500:]}"]
    if not shot.is_file():
        return ["GUI wrote no screenshot"]
    size = png_size(shot)
    if size is None or min(size) < 100:
        return [f"screenshot is not a window-sized PNG: {size}"]
    if not (work / "hxdesk.db").is_file():
        return ["GUI did not create the database in the data folder"]
    return []


QT_CHINESE_PROBE = """
import json, os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
result = {"cancel": QApplication.translate("QPlatformTheme", "Cancel"),
          "look_in": QApplication.translate("QFileDialog", "&Look in:"),
          "title": main.window.windowTitle(), "display_name": QApplication.applicationDisplayName()}
with open(os.environ["HXDESK_PROBE_OUT"], "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False)
QTimer.singleShot(0, app.quit)
"""


def check_qt_chinese(bundle: Path, work: Path) -> list[str]:
    """Inside the running bundle, Qt's own texts are Chinese (the bundled
    qtbase_zh_CN.qm is found and loaded).  Uses the GUI's HXDESK_TEST_HOOK."""
    import json

    probe, out = work / "probe.py", work / "probe.json"
    probe.write_text(QT_CHINESE_PROBE, encoding="utf-8")
    proc = run(
        bundle,
        data_dir=work,
        program=GUI_NAME,
        extra_env={
            "QT_QPA_PLATFORM": "offscreen",
            "HXDESK_TEST_HOOK": str(probe),
            "HXDESK_PROBE_OUT": str(out),
            "HXDESK_NO_ERROR_DIALOG": "1",
        },
    )
    if not out.is_file():
        return [
            f"the probe did not run (does the GUI still honour HXDESK_TEST_HOOK?): "
            f"rc={proc.returncode} {proc.stderr.strip()[-300:]}"
        ]
    result = json.loads(out.read_text(encoding="utf-8"))
    problems = []
    if result["cancel"] != "取消":
        problems.append(f"Qt's texts are not Chinese: Cancel → {result['cancel']!r}")
    if result["look_in"] != "查找范围(&L)：":  # hxdesk's own additions to Qt's catalogue
        problems.append(f"the file dialog's missing Chinese is not filled in: {result['look_in']!r}")
    # Qt shows "法治政府建设年度报告 — hxdesk": the title itself does not repeat the display name
    if (result["title"], result["display_name"]) != ("法治政府建设年度报告", "hxdesk"):
        problems.append(f"unexpected main window title {result['title']!r} / {result['display_name']!r}")
    return problems


MANY_REPORTS_PROBE = """
import os, runpy, traceback
try:
    from hxdesk import services
    from hxdesk.store import Store
    with Store(services.default_db_path()) as store:  # the window's database (in HXDESK_DATA_DIR)
        for i in range(int(os.environ["HXDESK_REPORTS"]) - len(store.reports.summaries())):
            store.reports.add(services.new_from_template(services.SAMPLE_TEMPLATE, 2000 + i % 30, f"测试镇{i:03d}人民政府"))
    main.reports_page.refresh()
    runpy.run_path(os.environ["HXDESK_ROUNDS_HOOK"], init_globals={"main": main, "app": app})
except BaseException:
    traceback.print_exc()
    app.exit(3)  # a failure, not a window waiting for the timeout
"""


def check_many_reports(bundle: Path, work: Path, reports: int = 400, rounds: int = 20) -> list[str]:
    """With 400 reports in the list the bundled GUI survives 20 'open a report, back
    to the list' rounds and exits 0 (PySide6 6.12.0 on Python < 3.12 aborted here)."""
    import json

    probe, log = work / "many.py", work / "rounds.jsonl"
    probe.write_text(MANY_REPORTS_PROBE, encoding="utf-8")
    proc = run(
        bundle,
        data_dir=work,
        program=GUI_NAME,
        extra_env={
            "QT_QPA_PLATFORM": "offscreen",
            "HXDESK_TEST_HOOK": str(probe),
            "HXDESK_REPORTS": str(reports),
            "HXDESK_ROUNDS_HOOK": str(ROOT / "tests" / "gui" / "list_rounds_hook.py"),
            "HXDESK_ROUNDS_LOG": str(log),
            "HXDESK_ROUNDS": str(rounds),
            "HXDESK_NO_ERROR_DIALOG": "1",
        },
    )
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    done = [e["kind"] for e in entries].count("round")
    finished = bool(entries) and entries[-1]["kind"] == "done" and entries[0]["rows"] == reports
    if proc.returncode != 0 or done != rounds or not finished:
        return [
            f"{done} of {rounds} rounds with {reports} reports, exit {proc.returncode}: {proc.stderr.strip()[-500:]}"
        ]
    return []


CHECKS: dict[str, Callable[[Path, Path], list[str]]] = {
    "layout": check_layout,
    "excluded_qt_modules": check_excluded_qt_modules,
    "render_sample": check_render_sample,
    "render_pdf": check_render_pdf,
    "font_files": check_font_files,
    "cli_errors": check_cli_errors,
    "without_console": check_without_console,
    "gui_screenshot": check_gui_screenshot,
    "qt_chinese": check_qt_chinese,
    "many_reports": check_many_reports,
}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: check_bundle.py DIST_DIR/hxdesk", file=sys.stderr)
        return 2
    bundle = Path(argv[0])
    failed = 0
    for name, check in CHECKS.items():
        with tempfile.TemporaryDirectory(prefix=f"hxdesk-{name}-") as tmp:
            try:
                problems = check(bundle, Path(tmp))
            except Exception as exc:  # a crash of the check is a failure too
                problems = [f"{type(exc).__name__}: {exc}"]
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        for p in problems:
            print(f"     {p}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
