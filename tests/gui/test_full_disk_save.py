"""A full disk while editing: the autosave says so, the typing stays in the window, and it is
saved by itself once there is room again (the real editor on a database in a tiny tmpfs)."""

from __future__ import annotations

from reliability.test_opening import fill
from reliability.test_output import needs_mount, tmpfs

from hxdesk import services
from hxdesk.store import Store

from .keyboard import type_at_end

TYPED = "（磁盘已满时输入）"


@needs_mount
def test_a_full_disk_on_save_is_named_and_the_typing_is_saved_when_there_is_room(open_window, qtbot, tmp_path):
    with tmpfs(tmp_path / "disk", "4m") as folder:
        db = folder / "hxdesk.db"
        with Store(db) as first:  # closed: the -wal is folded in and gone, so the next save needs new blocks
            services.Workspace(first).reports.ensure_sample()
        store = Store(db, lock=True)
        try:
            main = open_window(store)
            report_id = store.reports.summaries()[0].id
            main.open_report(report_id)
            first_section = main.report.sections[0]
            main.ui.navTree.setCurrentItem(main.editor.navigator.items[("section", first_section.uid)])
            fill(folder)
            type_at_end(main.form.heading, TYPED)
            assert not main.save_now()
            status = main.window.statusBar().currentMessage()
            assert "磁盘空间不足" in status and "损坏" not in status, status
            assert main.report.sections[0].heading.endswith(TYPED)  # still in the window
            (folder / "filler").unlink()
            qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=20000)  # retried without another keystroke
            assert "已保存" in main.window.statusBar().currentMessage()
            with Store(db, write=False) as reader:
                assert reader.reports.load(report_id).sections[0].heading.endswith(TYPED)
        finally:
            main.window.close()
            store.close()
