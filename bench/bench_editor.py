"""Benchmark: the editor's GUI-thread work per heading keystroke and for opening
a report, on the sample and on a 200-section report, against a bare QLineEdit
keystroke measured in the same run.  Prints ratios; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/bench_editor.py [--runs 200]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def big_report(sections: int):
    """The sample's level-1 parts repeated, each with all the sample's sub-sections, to ``sections`` in all."""
    from hxdesk import services
    from hxdesk.model import new_uid

    sample = services.sample_report()
    report = copy.deepcopy(sample)
    report.sections = []
    while sum(1 for _ in report.walk()) < sections:
        for part in sample.sections:
            report.sections.append(copy.deepcopy(part))
    for section, _ in report.walk():
        section.uid = new_uid()
    return report


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HXDESK_DATA_DIR"] = tempfile.mkdtemp()

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from hxdesk import services
    from hxdesk.gui.app import create_application
    from hxdesk.gui.main_window import MainWindow, show_checks

    app = create_application()
    workspace = services.open_workspace(Path(os.environ["HXDESK_DATA_DIR"]) / "bench.db")
    sample_id = workspace.reports.add(services.sample_report())
    big = big_report(200)
    big_id = workspace.reports.add(big)
    main = MainWindow(workspace)
    main.window.resize(1280, 800)
    main.show()

    bare = QLineEdit()
    bare.show()

    def keystrokes(field) -> list[float]:
        out = []
        for i in range(args.runs):
            key = "a" if i % 2 == 0 else "b"
            t0 = time.perf_counter()
            QTest.keyClicks(field, key)
            out.append(time.perf_counter() - t0)
        return out

    base = keystrokes(bare)
    rows = []
    cases = [("sample", sample_id, False), ("200 sections", big_id, False)]
    cases += [("sample + 检查", sample_id, True), ("200 sec + 检查", big_id, True)]
    for name, rid, checks in cases:
        main.ui.actionChecks.setChecked(checks)
        show_checks(main, checks)
        opens = []
        for _ in range(5):
            main.back_to_list()
            t0 = time.perf_counter()
            main.open_report(rid)
            opens.append(time.perf_counter() - t0)
        last = list(main.report.walk())[-1][0]
        main.editor.goto(("section", last.uid))
        app.processEvents()
        field = main.form.heading
        field.setFocus()
        field.end(False)
        times = keystrokes(field)
        if checks:  # the panel's work happens once typing pauses: time one check as well
            t0 = time.perf_counter()
            main.editor.checks.run()
            name += f" (one check {1000 * (time.perf_counter() - t0):.1f} ms)"
        rows.append((name, statistics.median(opens), times))
        main.save_now()
    print(f"bare QLineEdit keystroke: p50 {statistics.median(base) * 1000:.2f} ms")
    for name, opened, times in rows:
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        print(
            f"{name}: heading keystroke p50 {p50 * 1000:.2f} ms (x{p50 / statistics.median(base):.1f} bare), "
            f"p99 {p99 * 1000:.2f} ms; open median {opened * 1000:.1f} ms"
        )
    print("goals (issue 19): 200 sections heading keystroke <= 5 ms, open <= 50 ms")
    main.window.close()
    workspace.close()


if __name__ == "__main__":
    main()
