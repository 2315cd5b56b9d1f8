"""HXDESK_TEST_HOOK script: HXDESK_ROUNDS times 'open a report, back to the list'
through the window's own controls (select a row, 打开 button, 返回报告列表 action),
one step per event-loop turn, then quit.  Each finished round is logged as a
JSON line to HXDESK_ROUNDS_LOG (flushed and fsynced, so a crash leaves the
rounds survived), with sys.getrefcount(None) at that point."""

import functools
import json
import os
import sys
import traceback

from PySide6.QtCore import QTimer

main = globals()["main"]
app = globals()["app"]
rounds = int(os.environ.get("HXDESK_ROUNDS", "20"))
log = open(os.environ["HXDESK_ROUNDS_LOG"], "a", encoding="utf-8")
table = main.ui.reportTable
state = {"round": 0}


def record(kind: str, **extra) -> None:
    entry = {"kind": kind, "round": state["round"], "none_refs": sys.getrefcount(None), **extra}
    log.write(json.dumps(entry) + "\n")
    log.flush()
    os.fsync(log.fileno())


def step(fn):
    """A failed step is logged and ends the program with status 3 (not a hang)."""

    @functools.wraps(fn)
    def run() -> None:
        try:
            fn()
        except BaseException:
            record("error", traceback=traceback.format_exc())
            app.exit(3)

    return run


@step
def open_one() -> None:
    n = state["round"] + 1
    table.selectRow((n * 37) % table.rowCount())  # a different report each round
    rid = main.reports_page.selected_id()
    main.ui.openButton.click()
    assert main.report_id == rid, (main.report_id, rid)
    QTimer.singleShot(0, back)


@step
def back() -> None:
    main.ui.actionBackToList.trigger()
    assert main.report is None and main.ui.pages.currentWidget() is main.ui.listPage
    state["round"] += 1
    record("round", rows=table.rowCount())
    QTimer.singleShot(0, open_one if state["round"] < rounds else finish)


@step
def finish() -> None:
    record("done")
    log.close()
    app.quit()


record("ready", rows=table.rowCount())
QTimer.singleShot(0, open_one)
