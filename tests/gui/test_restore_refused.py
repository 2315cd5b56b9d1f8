"""备份与恢复 refuses a backup this version cannot open, before the database is closed: the
window keeps its data and keeps saving (issue 26, items 2 and 9d)."""

from __future__ import annotations

import sqlite3

from hxdesk.gui.history_dialogs import BackupDialog
from hxdesk.store import SCHEMA_VERSION

from .keyboard import type_at_end
from .test_generate_overwrite import answer_modals


def test_a_backup_of_a_newer_version_is_refused_and_the_window_keeps_working(open_window, sample_store):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    main.ui.actionBackups.trigger()  # 文件 → 备份与恢复…
    dialog = main.recovery.open_dialog
    assert isinstance(dialog, BackupDialog)
    made = dialog.backup_now()
    conn = sqlite3.connect(made.path)  # as a newer hxdesk would have written it
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    dialog.reload(select=made.path)
    try:
        asked = answer_modals("&Yes", "OK")  # 恢复备份？ yes; then the refusal is acknowledged
        dialog._restore_clicked()
        assert any("更新版本" in text for text in asked), asked
        assert main.workspace.path == sample_store.path
        assert not [p for p in sample_store.path.parent.iterdir() if ".replaced-" in p.name]
        main.open_report(rid)  # (the window went back to the list for the restore)
        main.editor.goto(("title",))
        type_at_end(main.form.name, "仍可保存")
        assert main.save_now() and main.workspace.reports.load(rid).name.endswith("仍可保存")
        assert main.workspace.integrity_check() == "ok"
    finally:
        dialog.close()
