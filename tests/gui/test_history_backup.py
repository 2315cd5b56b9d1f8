"""History, deleted sections, backups and import notes in the editor, driven
through the real widgets against a real SQLite file."""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys
from decimal import Decimal

import docx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from hxdesk import services
from hxdesk.gui.forms import SectionForm
from hxdesk.gui.history_dialogs import BackupDialog, DeletedSectionsDialog, SectionHistoryDialog
from hxdesk.gui.widgets import TextField
from hxdesk.importer.sources import OLE_SIGNATURE
from hxdesk.model import block_paragraph_texts
from hxdesk.store import Store

from .keyboard import type_at_end, type_text


class Clock:
    """The store's clock, moved on by the test (versions are kept once a minute while typing)."""

    def __init__(self):
        # later than the sample's own save time (made with the real clock)
        self.start = self.now = _dt.datetime.now().replace(microsecond=0) + _dt.timedelta(days=1)

    def __call__(self):
        return self.now

    def later(self, minutes: int = 5) -> None:
        self.now += _dt.timedelta(minutes=minutes)


def section_with(report, words: str):
    return next(s for s, _ in report.walk() if words in s.heading)


def all_text(form) -> str:
    return "\n".join(f.toPlainText() for f in form.findChildren(TextField))


def version_text(version) -> str:
    return version.heading + "".join(t for b in version.blocks for t in block_paragraph_texts(b))


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def answer_next_question(qtbot, button=QMessageBox.StandardButton.Yes) -> list[str]:
    """Click ``button`` on the next modal message box; returns its text (seen by the test)."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)
    return seen


def test_restore_an_earlier_version_shows_in_form_navigator_and_docx(open_window, sample_store, qtbot, tmp_path):
    store = sample_store
    clock = Clock()
    store.clock = clock
    main = open_window(store)
    main.open_report(store.reports.summaries()[0].id)
    section = section_with(main.report, "枫桥经验")
    main.editor.goto(("section", section.uid))
    form = main.form
    first = form.findChildren(TextField)[0]
    type_at_end(first, "甲版本文字。")
    assert main.save_now()
    clock.later()
    type_at_end(main.form.heading, "（乙）")
    type_at_end(main.form.findChildren(TextField)[0], "乙版本文字。")
    assert main.save_now()

    form.history_button.click()  # 历史版本… in the section form
    dialog = main.recovery.open_dialog
    assert isinstance(dialog, SectionHistoryDialog) and dialog.isVisible()
    times = [v.saved_at for v in dialog.versions]
    assert len(times) == 2 and times == sorted(times, reverse=True)  # newest first
    assert dialog.list.count() == 2 and dialog.list.item(0).text().startswith(f"{clock.start:%Y-%m-%d %H:%M:%S}")
    newest = dialog.versions[0]
    shown = dialog.preview.toPlainText()
    assert "甲版本文字" in shown and "乙版本文字" not in shown
    assert "【受理来信来访】" in shown  # figures as the editor shows them

    dialog.restore(newest.id)
    form = main.form
    assert isinstance(form, SectionForm) and form.section.uid == section.uid
    assert "甲版本文字" in all_text(form) and "乙版本文字" not in all_text(form)
    assert "（乙）" not in form.heading.text()
    assert "（乙）" not in main.ui.navTree.currentItem().text(0)
    assert main.ui.navTree.currentItem().text(0).startswith("（四）")  # numbering still live
    assert not main.autosaver.dirty

    stored = store.reports.load(main.report_id)
    assert "（乙）" not in section_with(stored, "枫桥经验").heading
    out = services.render_to_file(stored, tmp_path / "报告.docx")
    text = docx_text(out)
    assert "甲版本文字" in text and "乙版本文字" not in text

    # the restore itself can be undone: what it replaced is in the history now
    dialog.reload()
    replaced = next(v for v in dialog.versions if "乙版本文字" in version_text(v))
    dialog.restore(replaced.id)
    assert "乙版本文字" in all_text(main.form) and "（乙）" in main.form.heading.text()
    dialog.close()


def test_deleted_section_comes_back_in_place_with_its_children(open_window, sample_store, qtbot):
    store = sample_store
    main = open_window(store)
    main.open_report(store.reports.summaries()[0].id)
    measures = main.report.sections[2]
    assert len(measures.children) == 3
    children = [c.uid for c in measures.children]
    main.editor.goto(("section", measures.uid))
    seen = answer_next_question(qtbot)
    main.ui.deleteSectionButton.click()
    assert seen and "已删除的章节" in seen[0]  # the confirmation says where to get it back
    assert [s.uid for s in main.report.sections] != [] and measures.uid not in [s.uid for s in main.report.sections]
    assert main.save_now()

    main.ui.actionDeletedSections.trigger()  # 编辑 → 已删除的章节…
    dialog = main.recovery.open_dialog
    assert isinstance(dialog, DeletedSectionsDialog)
    assert dialog.list.count() == 1 and "含 3 个下级章节" in dialog.list.item(0).text()
    assert "一并恢复的下级章节" in dialog.preview.toPlainText()
    # where it stood, by today's numbering: 三、 was last, after 二、存在的主要问题及原因
    assert "原为一级章节，位于“二、存在的主要问题及原因”之后" in dialog.list.item(0).text()
    assert "原为一级章节" in dialog.preview.toPlainText()
    dialog.restore(dialog.entries[0].id)
    assert dialog.list.count() == 0

    assert main.report.sections[2].uid == measures.uid
    assert [c.uid for c in main.report.sections[2].children] == children
    item = main.editor.navigator.items[("section", measures.uid)]
    assert item.text(0).startswith("三、") and item.childCount() == 3
    assert main.ui.navTree.currentItem() is item
    stored = store.reports.load(main.report_id)
    assert stored.sections[2].uid == measures.uid and [c.uid for c in stored.sections[2].children] == children
    dialog.close()


def test_backup_then_restore_undoes_a_change_and_keeps_the_replaced_file(open_window, db_path, qtbot, app):
    store = Store(db_path, lock=True)
    services.Workspace(store).reports.ensure_sample()
    main = open_window(store)
    rid = store.reports.summaries()[0].id
    main.open_report(rid)
    main.ui.actionBackups.trigger()  # 文件 → 备份与恢复…
    dialog = main.recovery.open_dialog
    assert isinstance(dialog, BackupDialog)
    assert str(db_path) in dialog.where.text() and "backups" in dialog.where.text()
    made = dialog.backup_now()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "✓ 完好"
    assert dialog.selected() == made

    main.editor.goto(("title",))
    title_form = main.form
    type_at_end(title_form.name, "备份之后的修改")
    assert main.save_now()
    assert "备份之后的修改" in store.reports.load(rid).name

    confirm = dialog.confirm_text(made)
    assert "不会删除" in confirm and "replaced" in confirm
    # the folder stands on its own line after the sentence, not as a line cut out of it
    assert confirm.splitlines()[-1] == f"文件夹：{store.path.parent}"
    assert all(str(store.path.parent) not in line for line in confirm.splitlines()[:-1])
    aside = dialog.restore(made)
    try:
        assert main.workspace.path == store.path
        assert "备份之后的修改" not in main.workspace.reports.load(rid).name  # the change is gone
        assert main.report_id == rid and "备份之后的修改" not in main.report.name  # reopened, refreshed
        assert aside is not None and aside.exists() and aside.parent == db_path.parent  # kept beside it
        kept = Store(aside, write=False)
        try:
            assert "备份之后的修改" in kept.reports.load(rid).name
        finally:
            kept.close()
        assert "已恢复" in dialog.message.text()
        # the window still holds the writer lock: another process is refused
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from hxdesk.store.lock import WriterLock, DatabaseLocked\n"
                "try:\n WriterLock(sys.argv[1]).acquire()\nexcept DatabaseLocked:\n sys.exit(3)\n",
                str(db_path),
            ],
            capture_output=True,
            timeout=60,
        )
        assert probe.returncode == 3, probe.stderr
        # and it keeps saving into the restored database
        main.editor.goto(("title",))
        type_at_end(main.form.name, "恢复后")
        assert main.save_now() and main.workspace.reports.load(rid).name.endswith("恢复后")
        assert main.workspace.integrity_check() == "ok"
    finally:
        dialog.close()
        main.window.close()
        main.workspace.close()
        store.close()


def test_import_docx_with_a_table_shows_the_importer_notes(open_window, sample_store, qtbot, tmp_path):
    path = tmp_path / "去年的报告.docx"
    document = docx.Document()
    document.add_paragraph("某某镇人民政府")
    document.add_paragraph("关于2024年度法治政府建设情况的报告")
    document.add_paragraph("一、法治政府建设完成情况")
    document.add_paragraph("全年共受理来信来访12件，办结12件。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "行政复议"
    table.cell(1, 1).text = "3件"
    document.add_paragraph("二、存在的主要问题及原因")
    document.add_paragraph("学法用法还不够深入。")
    document.save(str(path))

    main = open_window(sample_store)
    before = len(sample_store.reports.summaries())
    new_id = main.reports_page.import_path(str(path))
    assert new_id is not None and len(sample_store.reports.summaries()) == before + 1
    assert main.reports_page.selected_id() == new_id
    box = main.last_message
    assert box is not None and box.isVisible() and box.windowTitle() == "导入完成"
    assert "表格" in box.text() and "请核对" in box.text()
    box.close()


def test_old_doc_and_wps_files_get_the_importers_explanation(open_window, sample_store, qtbot, tmp_path):
    main = open_window(sample_store)
    before = len(sample_store.reports.summaries())
    for name, words in (("旧报告.doc", "旧版 Word 格式（.doc）"), ("旧报告.wps", "WPS 文字的旧格式")):
        path = tmp_path / name
        path.write_bytes(OLE_SIGNATURE + b"\x00" * 2048)
        assert main.reports_page.import_path(str(path)) is None
        box = main.last_message
        assert box.windowTitle() == "无法导入" and words in box.text() and "另存为" in box.text()
        box.close()
    json_path = tmp_path / "交换.json"
    services.export_json(services.sample_report(), json_path)
    assert main.reports_page.import_path(str(json_path)) is not None  # .json as before, no notes
    assert len(sample_store.reports.summaries()) == before + 1


def test_navigator_context_menu_offers_history_and_deleted_sections(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    section = main.report.sections[0].children[3]
    rect = main.ui.navTree.visualItemRect(main.editor.navigator.items[("section", section.uid)])
    texts: list[str] = []

    def choose_first() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, choose_first)
            return
        texts.extend(a.text() for a in menu.actions() if a.text())
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(0, choose_first)
    main.editor.navigator._context_menu(rect.center())  # what a right click on the item calls
    assert texts[0] == "历史版本…" and "已删除的章节…" in texts
    assert main.editor.navigator.current_target() == ("section", section.uid)
    assert isinstance(main.recovery.open_dialog, SectionHistoryDialog) and main.recovery.open_dialog.uid == section.uid
    main.recovery.open_dialog.close()


def test_a_mistyped_figure_is_in_the_history_and_restoring_brings_it_back(open_window, sample_store, qtbot):
    store = sample_store
    clock = Clock()
    store.clock = clock
    main = open_window(store)
    main.open_report(store.reports.summaries()[0].id)
    section = section_with(main.report, "枫桥经验")
    main.editor.goto(("section", section.uid))
    value = main.form.findChild(QLineEdit, "figure_petitions_received")
    assert value.text() == "12"
    value.setFocus()
    value.selectAll()
    type_text(value, "15")  # 受理来信来访 12 → 15, the text of the section unchanged
    assert main.autosaver.dirty
    qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=5000)  # the autosave
    assert store.reports.load(main.report_id).figures["petitions_received"].value == Decimal(15)

    clock.later()
    main.form.history_button.click()
    dialog = main.recovery.open_dialog
    assert isinstance(dialog, SectionHistoryDialog) and dialog.isVisible()
    assert dialog.list.count() == 1
    assert "受理来信来访：12件" in dialog.list.item(0).text()  # what differs from now, in the list
    shown = dialog.preview.toPlainText()
    assert "受理来信来访：12件（现为15件）" in shown  # what a restore brings back
    assert "排查矛盾纠纷：180起" in shown and "排查矛盾纠纷：180起（" not in shown  # unchanged, no note

    dialog.restore_button.click()  # 恢复此版本
    value = main.form.findChild(QLineEdit, "figure_petitions_received")
    assert value.text() == "12"
    assert main.report.figures["petitions_received"].value == Decimal(12)
    assert store.reports.load(main.report_id).figures["petitions_received"].value == Decimal(12)
    assert not main.autosaver.dirty
    # what the restore replaced is listed now, so it can be undone
    assert "受理来信来访：15件" in dialog.list.item(0).text()
    dialog.close()


def test_a_deleted_sub_section_says_under_what_and_after_what_it_stood(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    first = main.report.sections[0]
    first_child, second_child = first.children[0], first.children[1]
    for uid in (second_child.uid, first_child.uid):  # the second, then the first of 一、's children
        main.editor.goto(("section", uid))
        answer_next_question(qtbot)
        main.ui.deleteSectionButton.click()
    assert main.save_now()
    main.ui.actionDeletedSections.trigger()
    dialog = main.recovery.open_dialog
    texts = {dialog.list.item(i).text().split("\n")[1].strip(): dialog.list.item(i).text() for i in range(2)}
    # the first child stood first under 一、; the second after the first, which is gone too
    assert texts[first_child.heading].endswith("原在“一、法治政府建设完成情况”之下，排在第一个")
    assert texts[second_child.heading].endswith("原在“一、法治政府建设完成情况”之下")
    dialog.close()
