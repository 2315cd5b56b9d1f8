"""Developer tools the app loads only when asked: ``--screenshot``, the
benchmark marks (HXDESK_BENCH_EXIT) and the test hook (HXDESK_TEST_HOOK).

A plain start never imports this module (tests/gui/test_devtools.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from ..model import Report, Section
    from ..services import Workspace
    from .main_window import MainWindow

SCREENSHOT_VIEWS = ("list", "section", "generate", "hint", "guide", "checks", "stats", "preview")
SCREENSHOT_SIZE = (1280, 820)


def pick_showcase_section(report: Report) -> Section | None:
    """The section a screenshot shows: the first that uses a derived figure, else the most figures."""
    from ..model import PLACEHOLDER_RE, block_paragraph_texts

    best, best_n = None, -1
    for section, _ in report.walk():
        keys = {k for b in section.blocks for t in block_paragraph_texts(b) for k in PLACEHOLDER_RE.findall(t)}
        if any(k in report.figures and report.figures[k].derived for k in keys):
            return section
        if len(keys) > best_n:
            best, best_n = section, len(keys)
    return best


def _show_view(main: MainWindow, view: str) -> None:
    """Open the report and part a view shows."""
    app = QApplication.instance()
    rows = main.workspace.reports.summaries()
    if view == "hint":  # the standard template: a part with its 写作提示 open
        rows = [r for r in rows if r.template == "standard"] or rows
    if view == "hint" and rows:
        main.open_report(rows[0].id)
        report = main.report
        part = report.sections[0].children[0] if report.sections and report.sections[0].children else None
        if part is not None:
            main.editor.goto(("section", part.uid))
        return
    if view in ("list", "guide", "stats") or not rows:
        return
    main.open_report(rows[0].id)
    if view == "checks":  # the sample itself (its 群体性时间 and the 3项/3个 pair) with the 检查 panel
        oldest = min(r.year for r in rows)
        main.open_report(next(r for r in reversed(rows) if r.year == oldest).id)
        from .main_window import show_checks

        main.ui.actionChecks.setChecked(True)
        show_checks(main, True)
    if view == "preview":  # the pages beside the form, laid out before the shot
        _show_preview(main)
    section = pick_showcase_section(main.report)
    if section is not None:
        main.editor.goto(("section", section.uid))
        if view == "preview":
            _settle_preview(main)
        if view == "section" and main.form is not None and main.form.figures_panel is not None:
            for _ in range(3):
                app.processEvents()
            panel_y = main.form.figures_panel.y()
            main.ui.formArea.verticalScrollBar().setValue(max(0, panel_y - 380))


def _show_preview(main: MainWindow) -> None:
    from .main_window import show_preview

    main.ui.actionPreview.setChecked(True)
    show_preview(main, True)
    _settle_preview(main, at_least=0.0)


def _settle_preview(main: MainWindow, at_least: float = 0.5) -> None:
    """Wait, ``at_least`` seconds and then until the preview is idle with pages (a resize starts a new
    layout after the debounce: after a change of part, half a second lets it begin); 60 s at most."""
    import time

    app = QApplication.instance()
    pane = main.editor.preview
    assert pane is not None
    start = time.monotonic()
    while time.monotonic() - start < 60:
        idle = not (pane.busy or pane.timer.isActive() or pane.pages is None)
        if idle and time.monotonic() - start >= at_least:
            break
        app.processEvents()
        time.sleep(0.02)


def _dialog_shot(main: MainWindow, view: str) -> QPixmap:
    """The dialog a view shows over the window: 生成报告 or 使用说明."""
    app = QApplication.instance()
    from .dialogs import GenerateDialog, GuideDialog

    if view == "guide":
        guide = GuideDialog(main.window)
        guide.resize(760, 680)
        guide.show()
        app.processEvents()
        shot = guide.grab()
        guide.close()
        return shot
    dialog = GenerateDialog(main.workspace, main.report, main.window)
    dialog.dialog.resize(680, 460)
    dialog.dialog.show()
    app.processEvents()
    shot = dialog.dialog.grab()
    dialog.dialog.close()
    return shot


def _stats_shot(main: MainWindow) -> QPixmap:
    """The 统计 window with the chart of the figure that has the most values across years and towns."""
    from .main_window import open_stats
    from .stats_view import chart_series

    app = QApplication.instance()
    open_stats(main)
    window = main.stats_window
    assert window is not None
    window.resize(1200, 700)
    rows = window.all_rows
    best = max(
        window.choices,
        key=lambda c: sum(len(v) for v in chart_series(rows, *c).values()),
        default=None,
    )
    if best is not None:
        window.choose_figure(*best)
    for _ in range(3):
        app.processEvents()
    shot = window.grab()
    window.close()
    return shot


def take_screenshot(main: MainWindow, path: str, view: str) -> bool:
    """Paint the main window (and for ``generate`` or ``guide`` the dialog over it) to a PNG;
    for ``stats`` the statistics window."""
    app = QApplication.instance()
    main.window.resize(*SCREENSHOT_SIZE)
    _show_view(main, view)
    for _ in range(3):
        app.processEvents()
    if view == "stats":
        return bool(_stats_shot(main).save(path, "PNG"))
    pixmap = main.window.grab()
    if view == "guide" or (view == "generate" and main.report is not None):
        from PySide6.QtGui import QColor, QPainter

        shot = _dialog_shot(main, view)
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
        x = (pixmap.width() - shot.width()) // 2
        y = (pixmap.height() - shot.height()) // 2
        painter.fillRect(x - 1, y - 1, shot.width() + 2, shot.height() + 2, QColor("#5f6368"))
        painter.drawPixmap(x, y, shot)
        painter.end()
    return bool(pixmap.save(path, "PNG"))


def run_screenshot(main: MainWindow, open_workspace: Callable[[], Workspace | None], path: str) -> int:
    """``--screenshot PATH``: the view named by HXDESK_SCREENSHOT_VIEW to a PNG; the exit code."""
    view = os.environ.get("HXDESK_SCREENSHOT_VIEW", "section")
    if view not in SCREENSHOT_VIEWS:
        sys.stderr.write(f"hxdesk：HXDESK_SCREENSHOT_VIEW 应为 {'、'.join(SCREENSHOT_VIEWS)} 之一。\n")
        return 2
    workspace = open_workspace()
    if workspace is None:
        return 1
    main.attach(workspace)
    main.window.resize(*SCREENSHOT_SIZE)
    main.window.show()
    ok = take_screenshot(main, path, view)
    main.window.close()
    workspace.close()
    if not ok:
        sys.stderr.write(f"hxdesk：无法保存截图：{Path(path)}\n")
    return 0 if ok else 1


def run_test_hook(main: MainWindow, script: str) -> None:
    """Run the end-to-end test script ``script`` with the window (HXDESK_TEST_HOOK)."""
    import runpy

    runpy.run_path(script, init_globals={"main": main, "app": QApplication.instance()})


def bench_mark(name: str) -> None:
    """A line for bench/bench_startup.py and bench_bundle.py: the mark and the peak memory so far (KiB)."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:  # Windows: the benchmarks run on Linux
        peak = 0
    print(f"{name} {peak}", flush=True)
