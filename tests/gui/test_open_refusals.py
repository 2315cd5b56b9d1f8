"""The window's start (gui.app.open_data) on an empty or another program's file: one Chinese line,
no workspace, the file untouched; never a new database over it."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest


def _empty(path):
    path.write_bytes(b"")


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "message"), [(_empty, "空文件"), (_foreign, "不是 hxdesk 的数据库")])
def test_the_window_refuses_the_file_and_leaves_it(app, tmp_path, capsys, make, message):
    from hxdesk.gui.app import open_data

    db = tmp_path / "h.db"
    make(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert open_data(str(db), quiet=True) is None
    err = capsys.readouterr().err
    assert message in err and "意外" not in err, err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(("make", "title"), [(_empty, "数据库是空文件"), (_foreign, "这不是 hxdesk 的数据库")])
def test_the_message_box_names_the_trouble_not_damage(app, tmp_path, monkeypatch, make, title):
    """An emptied file or another program's database is not called 数据库已损坏 in the window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hxdesk.gui.app import open_data

    monkeypatch.delenv("HXDESK_NO_ERROR_DIALOG")
    db = tmp_path / "h.db"
    make(db)
    seen: list[str] = []

    class Shown(QObject):
        """Notes every message box as it is shown (a poller left by another test may answer it first)."""

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if isinstance(obj, QMessageBox) and event.type() == QEvent.Type.Show:
                seen.append(obj.windowTitle())
                QTimer.singleShot(0, obj.accept)
            return False

    shown = Shown()
    QApplication.instance().installEventFilter(shown)
    try:
        assert open_data(str(db)) is None
    finally:
        QApplication.instance().removeEventFilter(shown)
    assert seen == [title]
