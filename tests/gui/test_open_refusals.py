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
