"""Benchmark: 预览 (issue 17). How long after an edit the new pages are on screen (median and max, the
debounce included), and the GUI thread's keystroke handling with the preview open against closed, typed in
the same pattern in the same run (bursts of keys with pauses in which the preview lays out on its worker).

    QT_QPA_PLATFORM=offscreen python bench/bench_preview.py [--edits 12] [--bursts 12]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=12)
    parser.add_argument("--bursts", type=int, default=12)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HXDESK_DATA_DIR"] = tempfile.mkdtemp()

    from bench_editor import big_report, percentile
    from PySide6.QtTest import QTest

    from hxdesk import services
    from hxdesk.gui.app import create_application
    from hxdesk.gui.main_window import MainWindow, show_preview

    app = create_application()
    workspace = services.open_workspace(Path(os.environ["HXDESK_DATA_DIR"]) / "bench.db")
    cases = [("sample", workspace.reports.add(services.sample_report()))]
    cases.append(("3x sample (40 sections)", workspace.reports.add(big_report(40))))
    main = MainWindow(workspace)
    main.window.resize(1366, 768)
    main.show()

    def wait(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def heading_field():
        last = list(main.report.walk())[-1][0]
        main.editor.goto(("section", last.uid))
        app.processEvents()
        field = main.form.heading
        field.setFocus()
        field.end(False)
        return field

    def typing(field) -> list[float]:
        """Bursts of 15 keys, each burst followed by 0.6 s of idle event processing."""
        out = []
        for burst in range(args.bursts):
            for i in range(15):
                t0 = time.perf_counter()
                QTest.keyClicks(field, "ab"[i % 2])
                app.processEvents()
                out.append(time.perf_counter() - t0)
                wait(0.03)  # a fast typist: about 30 keys a second
            wait(0.6 if burst % 2 else 0.45)  # the preview's layout runs here and into the next burst
        return out

    for name, rid in cases:
        main.open_report(rid)
        main.ui.actionPreview.setChecked(False)
        show_preview(main, False)
        closed = typing(heading_field())
        main.ui.actionPreview.setChecked(True)
        show_preview(main, True)
        pane = main.editor.preview
        assert pane is not None
        while pane.busy or pane.pages is None:
            wait(0.01)
        field = heading_field()
        updates, layouts, fills = [], [], []
        for _ in range(args.edits):
            shown = pane.shown
            t0 = time.perf_counter()
            QTest.keyClicks(field, "x")
            while pane.shown == shown:
                wait(0.002)
            updates.append(time.perf_counter() - t0)
            layouts.append(pane.last_seconds)
            fills.append(pane.fill_seconds)
        opened = typing(field)
        print(f"{name}: {len(pane.page_labels)} pages")
        print(
            f"  edit -> new pages on screen: median {statistics.median(updates) * 1000:.0f} ms, "
            f"max {max(updates) * 1000:.0f} ms (debounce {pane.timer.interval()} ms; "
            f"layout on the worker median {statistics.median(layouts) * 1000:.0f} ms; "
            f"pages put on screen, GUI thread: median {statistics.median(fills) * 1000:.1f} ms, max {max(fills) * 1000:.1f} ms)"
        )
        c50, o50 = statistics.median(closed), statistics.median(opened)
        c99, o99 = percentile(closed, 0.99), percentile(opened, 0.99)
        print(
            f"  keystroke, preview closed: p50 {c50 * 1000:.2f} ms p99 {c99 * 1000:.2f} ms; "
            f"open: p50 {o50 * 1000:.2f} ms p99 {o99 * 1000:.2f} ms; ratio p50 {o50 / c50:.2f}x, p99 {o99 / c99:.2f}x"
        )
        main.save_now()
        main.back_to_list()
    print("goals (issue 17): new pages within 1 s of an edit; keystroke ratio open/closed about 1x")
    main.window.close()
    workspace.close()


if __name__ == "__main__":
    main()
