"""Typing into real widgets: ASCII as key presses, Chinese as an input-method
commit (how a Chinese IME delivers it; QTest.keyClicks only knows ASCII)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    run = ""
    for ch in text:
        if ch.isascii():
            run += ch
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
    if run:
        QTest.keyClicks(widget, run)


def type_at_end(field: QWidget, text: str) -> None:
    """Focus a text field, put the cursor at the end and type ``text`` as a user would."""
    from hxdesk.gui.widgets import TextField

    field.setFocus()
    if isinstance(field, TextField):
        field.moveCursor(field.textCursor().MoveOperation.End)
    else:
        field.end(False)
    type_text(field, text)
