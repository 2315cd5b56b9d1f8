"""发文与版记 form and the edition choice of 生成报告, with real widgets on a real database."""

from __future__ import annotations

import datetime as dt

import docx
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit

from hxdesk.gui.dialogs import GenerateDialog
from hxdesk.gui.official_form import OfficialForm
from hxdesk.store import Store

from .keyboard import type_at_end


def select(main, target):
    main.ui.navTree.setCurrentItem(main.editor.navigator.items[target])
    return main.form


def test_official_form_edits_are_saved_and_rendered(open_window, sample_store, db_path, qtbot, tmp_path):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    items = [main.ui.navTree.topLevelItem(i).text(0) for i in range(3)]
    assert items == ["标题与发文机关", "发文与版记", "开头段落"]
    form = select(main, ("official",))
    assert isinstance(form, OfficialForm)
    type_at_end(form.bodies, "黄溪镇人民政府")
    type_at_end(form.code, "黄政文")
    form.doc_year.setValue(2025)
    form.doc_number.setValue(3)
    assert form.number_preview.text() == "显示为：黄政文〔2025〕3号"
    type_at_end(form.signers, "张三、李四")
    type_at_end(form.cc, "县司法局")
    type_at_end(form.printer, "黄溪镇党政办公室")
    form.has_date.setChecked(True)
    form.print_date.setDate(QDate(2025, 1, 12))
    o = main.report.official
    assert (o.bodies, o.code, o.doc_year, o.doc_number) == (["黄溪镇人民政府"], "黄政文", 2025, 3)
    assert (o.signers, o.cc, o.printer, o.print_date) == (
        ["张三", "李四"],
        ["县司法局"],
        "黄溪镇党政办公室",
        dt.date(2025, 1, 12),
    )
    # A section marked 不公开 in its form.
    last = main.report.sections[-1]
    section_form = select(main, ("section", last.uid))
    section_form.closed.setChecked(True)
    assert last.public is False
    main.window.close()
    store = Store(db_path)
    try:
        stored = store.reports.load(rid)
    finally:
        store.close()
    assert stored.official == o and stored.sections[-1].public is False


def test_defaults_are_remembered_per_issuing_body(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    form = select(main, ("official",))
    type_at_end(form.bodies, "黄溪镇人民政府")
    type_at_end(form.code, "黄政文")
    type_at_end(form.signers, "张三")
    type_at_end(form.cc, "县司法局")
    assert not form.fill.isEnabled()
    form.remember.click()
    assert "已记住“黄溪镇人民政府”" in form.status.text()
    # Another report of the same body: the defaults fill in with one click.
    o = main.report.official
    o.code, o.signers, o.cc = "", [], []
    select(main, ("intro",))
    form = select(main, ("official",))
    assert form.code.text() == "" and form.fill.isEnabled()
    form.fill.click()
    assert (o.code, o.signers, o.cc) == ("黄政文", ["张三"], ["县司法局"])
    assert form.code.text() == "黄政文" and form.signers.text() == "张三"
    # Another body has none.
    form.bodies.setPlainText("别的镇人民政府")
    assert not form.fill.isEnabled()


def test_generate_dialog_edition_choice(open_window, sample_store, qtbot, tmp_path):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    report = main.report
    report.official.code, report.official.doc_year, report.official.doc_number = "黄政文", 2025, 3
    report.official.cc = ["县司法局"]
    gen = GenerateDialog(main.workspace, report, main.window)
    combo = gen.ui.editionCombo
    assert [combo.itemData(i) for i in range(combo.count())] == ["submit", "plain", "public"]
    assert gen.edition == "plain"
    combo.setCurrentIndex(combo.findData("public"))
    assert "保密审查" in gen.ui.editionHint.text()
    path_edit: QLineEdit = gen.ui.pathEdit
    assert path_edit.text().endswith("（公开版）.docx")
    combo.setCurrentIndex(combo.findData("submit"))
    assert path_edit.text().endswith("（报送版）.docx") and "公开版" not in path_edit.text()
    out = gen.generate(tmp_path / "submit.docx")
    document = docx.Document(str(out))
    assert len(document.sections) == 2
    assert any("黄政文〔2025〕3号" in p.text for p in document.paragraphs)
    combo.setCurrentIndex(combo.findData("public"))
    public = docx.Document(str(gen.generate(tmp_path / "public.docx")))
    assert not any("黄政文" in p.text or "抄送" in p.text for p in public.paragraphs)


def test_attachment_content_paragraphs_and_table(open_window, sample_store, db_path, qtbot):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    form = select(main, ("official",))
    type_at_end(form.attachments, "法治建设工作台账")
    form.attachments.setPlainText("法治建设工作台账\n执法案件统计表")
    assert [form.attachment_pick.itemText(i) for i in range(form.attachment_pick.count())] == [
        "法治建设工作台账",
        "执法案件统计表",
    ]
    form.attachment_pick.setCurrentIndex(1)
    type_at_end(form.attachment_body, "全年执法案件如下。")
    form.attachment_body.setPlainText("全年执法案件如下。\n类别 | 件数\n行政处罚｜3件\n行政强制")
    second = main.report.official.attachments[1]
    assert second.paragraphs == ["全年执法案件如下。", "行政强制"]
    assert second.table == [["类别", "件数"], ["行政处罚", "3件"]]
    # The other attachment is untouched; choosing it shows its (empty) content.
    assert main.report.official.attachments[0].paragraphs == [] and main.report.official.attachments[0].table == []
    form.attachment_pick.setCurrentIndex(0)
    assert form.attachment_body.toPlainText() == ""
    form.attachment_pick.setCurrentIndex(1)
    assert form.attachment_body.toPlainText() == "全年执法案件如下。\n行政强制\n类别 | 件数\n行政处罚 | 3件"
    main.window.close()
    store = Store(db_path)
    try:
        stored = store.reports.load(rid)
    finally:
        store.close()
    assert stored.official.attachments[1].table == [["类别", "件数"], ["行政处罚", "3件"]]
