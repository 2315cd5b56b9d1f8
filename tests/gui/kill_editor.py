"""Run inside the real application (HXDESK_TEST_HOOK) for the kill trials:
random edits through the real widgets, one after another until the process is
killed — typing in a paragraph or a heading, changing a figure, adding a
section, moving a section.  After each edit it logs the edit's kind, its time
and a fingerprint of the whole report as the editor holds it (flushed and
fsynced to HXDESK_KILL_LOG), so the test can tell which edit the database holds.
"""

# The application provides ``main`` (the MainWindow) and ``app``.
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keyboard import type_text  # noqa: E402

from hxdesk import interchange  # noqa: E402
from hxdesk import outline as structure  # noqa: E402
from hxdesk.gui.widgets import TextField  # noqa: E402
from hxdesk.store.reports import storable  # noqa: E402

MAX_TOP_SECTIONS = 8
rng = random.Random(int(os.environ.get("HXDESK_KILL_SEED", "0")))
log = open(os.environ["HXDESK_KILL_LOG"], "a", encoding="utf-8")
editor = main  # noqa: F821
editor.open_report(editor.workspace.reports.summaries()[0].id)
state = {"n": 0}


def fingerprint() -> str:
    """The report as it will be stored (the test hashes what it loads the same way)."""
    return hashlib.sha1(interchange.dumps(storable(editor.report)).encode("utf-8")).hexdigest()


def record(kind: str) -> None:
    entry = {"kind": kind, "t": time.time(), "fp": fingerprint()}
    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
    log.flush()
    os.fsync(log.fileno())


def sections():
    return [s for s, _ in editor.report.walk()]


def go(section) -> None:
    editor.editor.goto(("section", section.uid))


def type_paragraph(n: int) -> str:
    candidates = [s for s in sections() if s.blocks]
    go(rng.choice(candidates))
    field = rng.choice(editor.form.findChildren(TextField))
    field.setFocus()
    cursor = field.textCursor()
    cursor.setPosition(rng.randint(0, len(field.toPlainText())))
    field.setTextCursor(cursor)
    type_text(field, f"字{n}")
    return "paragraph"


def type_heading(n: int) -> str:
    go(rng.choice(sections()))
    heading = editor.form.heading
    heading.setFocus()
    heading.end(False)
    type_text(heading, f"标{n}")
    return "heading"


def change_figure(n: int) -> str:
    for _ in range(20):
        section = rng.choice(sections())
        go(section)
        panel = editor.form.figures_panel
        rows = [r for r in panel.rows if r.unit is not None] if panel else []
        if rows:
            row = rng.choice(rows)
            row.value.setFocus()
            row.value.selectAll()
            type_text(row.value, str(rng.randint(1, 9999)))
            return "figure"
    return type_paragraph(n)


def add_section(n: int) -> str:
    if len(editor.report.sections) >= MAX_TOP_SECTIONS:
        return move_section(n)
    go(rng.choice(editor.report.sections))
    editor.editor.navigator.apply("add")
    type_text(editor.form.heading, f"新章{n}")
    return "add"


def move_section(n: int) -> str:
    for _ in range(20):
        section = rng.choice(sections())
        step = rng.choice((-1, 1))
        if structure.can_move(editor.report, section.uid, step):
            go(section)
            editor.editor.navigator.apply("up" if step < 0 else "down")
            return "move"
    return type_paragraph(n)


EDITS = [(type_paragraph, 4), (change_figure, 3), (type_heading, 1), (add_section, 1), (move_section, 2)]


def step() -> None:
    n = state["n"] = state["n"] + 1
    edit = rng.choices([e for e, _ in EDITS], weights=[w for _, w in EDITS])[0]
    record(edit(n))
    QTimer.singleShot(rng.randint(20, 250), step)


record("ready")
QTimer.singleShot(rng.randint(0, 100), step)
