"""Run inside the real application (HXDESK_TEST_HOOK) for the journal test:
types a numbered mark at the end of one paragraph every ~0.3 s, through the
real widget, and logs each mark with its time (fsynced to HXDESK_JOURNAL_LOG),
until the process is killed."""

# The application provides ``main`` (the MainWindow) and ``app``.
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keyboard import type_at_end  # noqa: E402

from hxdesk.gui.widgets import TextField  # noqa: E402

editor = main  # noqa: F821
editor.open_report(editor.workspace.reports.summaries()[0].id)
section = next(s for s, _ in editor.report.walk() if s.blocks)
editor.editor.goto(("section", section.uid))
field = editor.form.findChildren(TextField)[0]
log = open(os.environ["HXDESK_JOURNAL_LOG"], "a", encoding="utf-8")
state = {"n": 0}


def record(entry: dict) -> None:
    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
    log.flush()
    os.fsync(log.fileno())


def step() -> None:
    n = state["n"] = state["n"] + 1
    type_at_end(field, f"〔{n}〕")
    record({"n": n, "t": time.time()})
    QTimer.singleShot(300, step)


record({"n": 0, "t": time.time(), "section": section.uid})
QTimer.singleShot(100, step)
