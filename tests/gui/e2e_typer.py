"""Run inside the real application (HXDESK_TEST_HOOK): types edits one after
another, forever, into a section's heading, paragraph and a figure, and logs
each finished edit with its time to HXDESK_E2E_LOG (flushed and fsynced)."""

# The application provides ``main`` (the MainWindow) and ``app``.
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keyboard import type_text  # noqa: E402

from hxdesk.gui.widgets import TextField  # noqa: E402

log = open(os.environ["HXDESK_E2E_LOG"], "a", encoding="utf-8")
main.open_report(main.workspace.reports.summaries()[0].id)  # noqa: F821
section = main.report.sections[0].children[0]  # noqa: F821
main.editor.goto(("section", section.uid))  # noqa: F821
form = main.form  # noqa: F821
paragraph = form.findChildren(TextField)[0]
figure = next(r for r in form.figures_panel.rows if not main.report.figures[r.key].derived)  # noqa: F821
figure.value.clear()
state = {"n": 0, "digits": ""}


def record(**entry) -> None:
    entry["t"] = time.time()
    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
    log.flush()
    os.fsync(log.fileno())


def step() -> None:
    n = state["n"] = state["n"] + 1
    kind = ("heading", "paragraph", "figure")[n % 3]
    if kind == "heading":
        form.heading.setFocus()
        form.heading.end(False)
        token = f"标{n}题"
        type_text(form.heading, token)
        record(kind=kind, token=token)
    elif kind == "paragraph":
        paragraph.setFocus()
        paragraph.moveCursor(paragraph.textCursor().MoveOperation.End)
        token = f"段{n}落"
        type_text(paragraph, token)
        record(kind=kind, token=token)
    elif len(state["digits"]) < 11:
        figure.value.setFocus()
        figure.value.end(False)
        type_text(figure.value, "1")
        state["digits"] += "1"
        record(kind=kind, key=figure.key, value=state["digits"])
    QTimer.singleShot(120, step)


record(kind="ready")
QTimer.singleShot(50, step)
