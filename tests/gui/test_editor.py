"""The editor driven through its real widgets against a real SQLite file."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
from decimal import Decimal

import docx
import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtWidgets import QLabel, QPushButton

from hxdesk import services
from hxdesk.gui.dialogs import GenerateDialog, InsertFigureDialog, NewReportDialog
from hxdesk.gui.forms import ClosingForm, SectionForm, TitleForm
from hxdesk.gui.widgets import TextField
from hxdesk.model import Figure, Paragraph
from hxdesk.store import Store

from .keyboard import type_at_end, type_text


def select(main, target):
    main.ui.navTree.setCurrentItem(main.editor.navigator.items[target])
    return main.form


def type_into(qtbot, field, text):
    type_at_end(field, text)


def figure_row(form, key):
    return next(r for r in form.figures_panel.rows if r.key == key)


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def fontconfig_families() -> set[str]:
    """Every font family name fontconfig knows (what Qt reads on Linux), asked without Qt."""
    exe = shutil.which("fc-list")
    assert exe, "fc-list not found (package fontconfig; scripts/install_system_deps.sh --test installs it)"
    out = subprocess.run([exe, "--format", "%{family}\n"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def test_roll_over_edit_close_reopen_generate(open_window, sample_store, db_path, qtbot, tmp_path):
    store = sample_store
    main = open_window(store)
    assert main.ui.reportTable.rowCount() == 1  # first start: the sample is in the list
    sample_id = store.reports.summaries()[0].id

    # 新建 → 以往年报告为基础
    dialog = NewReportDialog(main.workspace, main.window, previous_id=sample_id)
    assert dialog.ui.fromPreviousRadio.isChecked()
    assert dialog.ui.yearSpin.value() == 2025
    new_id = dialog.create()
    main.open_report(new_id)
    assert main.report.year == 2025
    assert main.report.figures["petitions_received"].value is None  # figures emptied by the roll-over

    # edit a heading, a paragraph and figures in the 枫桥经验 section
    section = next(s for s, _ in main.report.walk() if "枫桥经验" in s.heading)
    form = select(main, ("section", section.uid))
    assert isinstance(form, SectionForm)
    type_into(qtbot, form.heading, "（修订）")
    paragraph = form.findChildren(TextField)[0]
    type_into(qtbot, paragraph, "新增一句测试文字。")
    received = figure_row(form, "petitions_received")
    closed = figure_row(form, "petitions_closed")
    type_into(qtbot, received.value, "15")
    type_into(qtbot, closed.value, "20")  # 办结 > 受理
    assert closed.error.isVisibleTo(form) and "不能大于" in closed.error.text()
    closed.value.clear()
    type_into(qtbot, closed.value, "1x")  # a letter
    assert "不是有效的数字" in closed.error.text()
    closed.value.clear()
    type_into(qtbot, closed.value, "12")
    assert not closed.error.isVisibleTo(form)
    rate = figure_row(form, "petition_close_rate")
    assert rate.value.isReadOnly() and rate.value.text() == "80"  # derived, live
    received.qualifier.setCurrentIndex(received.qualifier.findData("余"))
    assert main.report.figures["petitions_received"].qualifier == "余"
    # The navigator shows the edited heading at once, with its number (the seed's fourth
    # level-2 heading under 一、, plus what was typed); the opening all seven siblings
    # share is shown as …, the tooltip has the whole heading.
    assert main.ui.navTree.currentItem().text(0) == "（四）…“枫桥经验”。（修订）"
    assert main.ui.navTree.currentItem().toolTip(0) == "（四）坚持在党的领导下，深化新时代“枫桥经验”。（修订）"

    # the edits reach the database by themselves, well within a second or two
    qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=3000)
    saved = Store(db_path)
    try:
        stored = saved.reports.load(new_id)
    finally:
        saved.close()
    assert stored.figures["petitions_closed"].value == Decimal(12)
    assert main.window.statusBar().currentMessage().startswith("已保存 ")

    # add a section after the first level-1 section and move it up
    first = main.report.sections[0]
    select(main, ("section", first.uid))
    main.editor.navigator.apply("add")
    added = main.form
    assert isinstance(added, SectionForm) and main.report.sections[1] is added.section
    type_into(qtbot, added.heading, "新增的测试章节")
    main.editor.navigator.apply("up")
    assert main.report.sections[0].heading == "新增的测试章节"
    assert main.ui.navTree.topLevelItem(3).text(0) == "一、新增的测试章节"  # numbering is live
    added_uid = main.report.sections[0].uid

    # title block and closing block
    title = select(main, ("title",))
    assert isinstance(title, TitleForm)
    closing = select(main, ("closing",))
    assert isinstance(closing, ClosingForm)
    closing.has_date.setChecked(True)
    closing.date.setDate(QDate(2025, 1, 10))
    assert closing.preview.text().endswith("2025年1月10日")

    main.window.close()
    assert not main.autosaver.dirty

    # open again: everything is there
    store2 = Store(db_path)
    try:
        again = open_window(store2)
        again.open_report(new_id)
        report = again.report
        assert report.sections[0].uid == added_uid and report.sections[0].heading == "新增的测试章节"
        moved = report.find(section.uid)
        assert moved.heading.endswith("（修订）")
        assert any("新增一句测试文字。" in t for t in report.all_texts())
        assert report.figures["petitions_received"].value == Decimal(15)
        assert report.figures["petitions_received"].qualifier == "余"
        assert report.date == _dt.date(2025, 1, 10)
        form = select(again, ("section", section.uid))
        assert figure_row(form, "petitions_received").value.text() == "15"

        # generate the .docx and read the edits back
        gen = GenerateDialog(again.workspace, report, again.window)
        assert any("尚未填写" in gen.ui.problemsList.item(i).text() for i in range(gen.ui.problemsList.count()))
        out = gen.generate(tmp_path / "out.docx")
        assert gen.ui.stack.currentIndex() == 1
        text = docx_text(out)
        assert "新增的测试章节" in text
        assert "深化新时代“枫桥经验”。（修订）" in text
        assert "新增一句测试文字。" in text
        assert "共受理来信来访15余件，办结12件，办结率80%" in text
        assert "2025年1月10日" in text
        assert store2.settings.get("last_output_dir") == str(tmp_path)
    finally:
        store2.close()


def test_ctrl_s_saves_at_once(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    form = select(main, ("title",))
    type_into(qtbot, form.addressee, "区委依法治区办")
    assert main.autosaver.dirty
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(form.addressee, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not main.autosaver.dirty
    assert sample_store.reports.load(main.report_id).addressee == "区委依法治区办"


def test_insert_figure_at_cursor(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    section = main.report.sections[1]  # 存在的主要问题及原因
    form = select(main, ("section", section.uid))
    field = form.findChildren(TextField)[0]
    type_into(qtbot, field, "全年受理行政复议案件")
    dialog = InsertFigureDialog(main.report, main.window)
    dialog.create_new.setChecked(True)
    dialog.label.setText("受理行政复议案件")
    dialog.value.setText("3")
    dialog.unit.setText("件")
    key = dialog.choose()
    main.editor.insert_figure_key(key)
    assert field.toPlainText().endswith("全年受理行政复议案件【受理行政复议案件】")  # shown by its label
    assert "全年受理行政复议案件{{" + key + "}}" in "".join(main.report.all_texts())  # stored by key
    row = figure_row(main.form, key)
    assert row.preview.text() == "文中显示为：3件"
    hits = services.search_report(main.report, "全年受理行政复议案件3件")
    assert [target for target, _ in hits] == [("section", section.uid)]


def test_find_jumps_to_section(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(main.ui.navTree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    finder = main.find_dialog
    assert finder is not None and finder.dialog.isVisible()
    finder.ui.queryEdit.setText("听证")
    assert finder.ui.resultsList.count() >= 1
    finder.go(0)
    target = finder.hits[0][0]
    assert main.editor.navigator.current_target() == target
    qtbot.waitUntil(lambda: any(f.textCursor().selectedText() == "听证" for f in main.form.findChildren(TextField)))
    finder.ui.queryEdit.setText("800余人次")  # a number as the document shows it
    assert finder.hits and main.report.find(finder.hits[0][0][1]).heading.endswith("“行政执法”规范化建设。")


def accept_next_message_box(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)


def test_list_duplicate_rename_delete_restore(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.reports_page.duplicate_selected()
    assert main.ui.reportTable.rowCount() == 2
    copy_id = main.reports_page.selected_id()
    main.reports_page.rename(copy_id, "黄溪镇（测试）")
    assert sample_store.reports.summary(copy_id).display_name == "黄溪镇（测试）"
    accept_next_message_box(qtbot)
    main.reports_page.delete_selected()
    assert [r.id for r in sample_store.trash.summaries()] == [copy_id]
    assert main.ui.reportTable.rowCount() == 1
    main.ui.trashButton.setChecked(True)  # 回收站
    assert main.ui.reportTable.rowCount() == 1 and main.ui.restoreButton.isVisible()
    main.reports_page.restore_selected()
    main.ui.trashButton.setChecked(False)
    assert main.ui.reportTable.rowCount() == 2


def test_qt_dialogs_speak_chinese(app):
    from PySide6.QtWidgets import QApplication

    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert app.font().family() in {
        "Noto Sans CJK SC",
        "Microsoft YaHei UI",
        "WenQuanYi Micro Hei",
        "Source Han Sans SC",
        "WenQuanYi Zen Hei",
    }


def test_unexpected_error_is_logged_not_shown_as_traceback(app, monkeypatch, capsys, _isolated_data_dir):
    import sys

    from hxdesk.gui.app import install_excepthook

    monkeypatch.setenv("HXDESK_NO_ERROR_DIALOG", "1")
    old = sys.excepthook
    try:
        install_excepthook()
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    err = capsys.readouterr().err
    assert "发生了意外错误：boom" in err and "Traceback" not in err
    log = (_isolated_data_dir / "hxdesk.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom" in log


def test_looking_at_every_form_changes_nothing(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    before = sample_store.reports.summary(rid).updated_at
    for target in list(main.editor.navigator.items):
        select(main, target)
        qtbot.wait(5)  # let the highlighter run (it changes formats, not text)
    assert not main.autosaver.dirty
    main.window.close()
    assert sample_store.reports.summary(rid).updated_at == before


def test_new_from_template_and_font_settings(open_window, sample_store, qtbot):
    from hxdesk.gui.dialogs import SettingsDialog
    from hxdesk.render.profile import FONT_PRESETS

    main = open_window(sample_store)
    dialog = NewReportDialog(main.workspace, main.window)
    today = _dt.date.today()
    assert dialog.ui.yearSpin.value() == (today.year - 1 if today.month in (1, 2) else today.year)
    dialog.ui.templateCombo.setCurrentIndex(dialog.ui.templateCombo.findData("standard"))
    dialog.ui.yearSpin.setValue(2025)
    dialog.ui.buttonBox.accepted.emit()  # no issuing body yet: the dialog says so and stays open
    assert "发文机关" in dialog.ui.errorLabel.text() and dialog.created_id is None
    type_text(dialog.ui.orgEdit, "示例镇人民政府")
    assert dialog.ui.errorLabel.text() == ""  # the message goes once the field is filled
    dialog.ui.buttonBox.accepted.emit()
    report = sample_store.reports.load(dialog.created_id)
    assert (report.year, report.issuers) == (2025, ["示例镇人民政府"])

    settings = SettingsDialog(main.workspace, main.window)
    assert settings.radios["gb2312"].isChecked()
    settings.radios["standard"].setChecked(True)
    assert settings.ui.bodyCombo.currentText() == "仿宋"
    # Says whether this PC has 仿宋, as fontconfig (asked without Qt) knows it; without it,
    # 仿宋_GB2312 stands in if present (FangSong* are the names Windows also registers).
    fonts = fontconfig_families()
    if fonts & {"仿宋", "FangSong"}:
        expected_status = "✓ 本机已安装"
    elif fonts & {"仿宋_GB2312", "FangSong_GB2312"}:
        expected_status = "本机没有，将用“仿宋_GB2312”代替"
    else:
        expected_status = "✗ 本机未安装"
    assert settings.ui.bodyStatus.text() == expected_status
    settings.save()
    assert services.Workspace(sample_store).settings.fonts().body == FONT_PRESETS["standard"].body
    settings = SettingsDialog(main.workspace, main.window)
    settings.ui.bodyCombo.setCurrentText("Noto Serif CJK SC")
    assert settings.radios["custom"].isChecked()
    assert settings.ui.bodyStatus.text() == "✓ 本机已安装"

    # Level 3 in bold: a setting that reaches the 三级标题 style of the document.
    settings = SettingsDialog(main.workspace, main.window)
    assert not settings.ui.level3BoldCheck.isChecked()
    settings.ui.level3BoldCheck.setChecked(True)
    settings.save()
    profile = services.Workspace(sample_store).settings.fonts()
    assert profile.level3_bold and profile.body == FONT_PRESETS["standard"].body
    assert SettingsDialog(main.workspace, main.window).ui.level3BoldCheck.isChecked()
    from hxdesk.render import render_document

    doc = render_document(services.sample_report(), profile)
    assert doc.styles["三级标题"].font.bold is True and doc.styles["三级标题字符"].font.bold is True
    assert render_document(services.sample_report()).styles["三级标题"].font.bold is not True


def test_undo_in_a_text_field_reaches_the_model(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    intro = select(main, ("intro",))
    field = intro.findChildren(TextField)[0]
    before = main.report.intro[0].text
    type_into(qtbot, field, "补充一句。")
    assert main.report.intro[0].text == before + "补充一句。"
    from PySide6.QtWidgets import QApplication

    main.window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    for _ in range(10):  # Qt groups typing into undo steps as it sees fit
        main.ui.actionUndo.trigger()  # 编辑 → 撤销 acts on the focused field
        if main.report.intro[0].text == before:
            break
    assert main.report.intro[0].text == before
    for _ in range(10):
        main.ui.actionRedo.trigger()
    assert main.report.intro[0].text == before + "补充一句。"


def test_navigator_indent_outdent_renumbers(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    second = main.report.sections[1]  # 二、存在的主要问题及原因
    select(main, ("section", second.uid))
    assert main.ui.indentButton.isEnabled()
    main.ui.indentButton.click()  # becomes （八） under 一、
    assert main.editor.navigator.items[("section", second.uid)].text(0).startswith("（八）")
    assert (
        main.editor.navigator.items[("section", main.report.sections[1].uid)].text(0).startswith("二、")
    )  # 三、 moved up
    main.ui.outdentButton.click()
    assert main.editor.navigator.items[("section", second.uid)].text(0).startswith("二、")
    assert [s.uid for s in main.report.sections].index(second.uid) == 1


def test_a_level_holder_puts_1_directly_under_a_top_heading(open_window, sample_store, qtbot, tmp_path):
    """ "1." right under "二、": add a sub-section, untick 自动编号 and leave its heading empty; its
    own sub-sections are then numbered 1. 2. and the report prints no line for it."""
    from hxdesk.render import render_document

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    second = main.report.sections[1]  # 二、存在的主要问题及原因
    select(main, ("section", second.uid))
    main.ui.addChildButton.click()
    holder = second.children[-1]
    assert main.editor.navigator.items[("section", holder.uid)].text(0).startswith("（一）")
    main.form.numbered.click()  # 自动编号 off, heading left empty
    assert holder.holds_level and "不显示这一行" in main.form.title.text()
    main.ui.addChildButton.click()
    child = holder.children[0]
    type_into(qtbot, main.form.heading, "加强学习")
    assert main.editor.navigator.items[("section", holder.uid)].text(0) == "（不显示的层级）"
    assert main.editor.navigator.items[("section", child.uid)].text(0) == "1.加强学习"
    assert main.save_now()

    saved = sample_store.reports.load(main.report_id)
    out = tmp_path / "out.docx"
    render_document(saved).save(str(out))
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    at = paragraphs.index(("Normal", "1.加强学习"))  # a run-in heading (the default below level 1)
    assert document.paragraphs[at].runs[0].style.name == "三级标题字符"  # level 3: number form and style
    heading_two = max(i for i, p in enumerate(paragraphs[:at]) if p[0] == "一级标题")
    assert paragraphs[heading_two][1].startswith("二、")
    assert all(p[0] == "Normal" and p[1] for p in paragraphs[heading_two + 1 : at])  # no empty line for the holder


def test_the_navigator_tells_siblings_with_one_opening_apart(open_window, sample_store, qtbot):
    """The seven （一）…（七） of the sample all open 坚持在党的领导下，深化新时代: the tree shows what differs."""
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    first = main.ui.navTree.topLevelItem(3)
    texts = [first.child(i).text(0) for i in range(first.childCount())]
    assert texts[0] == "（一）…法治政府“制度”建设。"
    assert texts[3] == "（四）…“枫桥经验”。"
    assert len({t[:12] for t in texts}) == 7  # told apart within the first twelve characters
    # once one heading opens differently, nothing is shared and the full headings return
    form = select(main, ("section", main.report.sections[0].children[0].uid))
    form.heading.setFocus()
    form.heading.selectAll()
    type_text(form.heading, "建立健全制度体系。")
    assert first.child(0).text(0) == "（一）建立健全制度体系。"
    assert first.child(3).text(0) == "（四）坚持在党的领导下，深化新时代“枫桥经验”。"


def test_delete_names_what_goes_and_add_child_says_why_it_is_off(open_window, sample_store, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    questions: list[str] = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            questions.append(box.text())
            box.button(QMessageBox.StandardButton.No).click()
        else:
            QTimer.singleShot(20, answer_no)

    leaf = main.report.sections[0].children[0]
    select(main, ("section", leaf.uid))
    QTimer.singleShot(0, answer_no)
    main.editor.navigator.apply("delete")
    select(main, ("section", main.report.sections[0].uid))
    QTimer.singleShot(0, answer_no)
    main.editor.navigator.apply("delete")
    assert "下级" not in questions[0] and "制度" in questions[0]
    assert "及其7个下级章节" in questions[1]
    assert len(main.report.sections[0].children) == 7  # both answered 否

    button = main.ui.addChildButton
    assert button.isEnabled() and "四级" not in button.toolTip()
    section = leaf
    for _ in range(2):  # down to the fourth level
        select(main, ("section", section.uid))
        main.editor.navigator.apply("child")
        section = section.children[-1]
    select(main, ("section", section.uid))
    assert not button.isEnabled() and "最多分4级" in button.toolTip()


def test_the_window_title_does_not_name_hxdesk_twice(open_window, sample_store, app):
    """Qt appends the display name (… — hxdesk) itself on Windows and X11."""
    main = open_window(sample_store)
    assert app.applicationDisplayName() == "hxdesk"
    assert main.window.windowTitle() == "法治政府建设年度报告"
    main.open_report(sample_store.reports.summaries()[0].id)
    assert main.window.windowTitle() == "2024年度　黔江区黄溪镇人民政府"


def test_the_list_keeps_its_order_and_shape_and_tells_imports_apart(open_window, sample_store, qtbot, tmp_path):
    main = open_window(sample_store)
    table = main.ui.reportTable
    widths = [table.columnWidth(c) for c in (0, 3)]
    main.ui.trashButton.setChecked(True)  # an empty 回收站 says so and keeps its columns
    assert table.rowCount() == 0 and "回收站是空的" in main.ui.listHint.text()
    assert [table.columnWidth(c) for c in (0, 3)] == widths
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance("2024年度")
    main.ui.trashButton.setChecked(False)

    # an imported copy of the sample reads differently from the sample in the list
    source = tmp_path / "黄溪镇2024年报告.docx"
    services.render_to_file(main.workspace.reports.load(sample_store.reports.summaries()[0].id), source)
    imported_id, _ = main.workspace.reports.import_file(source)
    main.reports_page.refresh()
    names = {table.item(r, 0).data(0x0100): table.item(r, 1).text() for r in range(table.rowCount())}
    sample_id = next(i for i in names if i != imported_id)
    assert names[sample_id] == "黔江区黄溪镇人民政府"
    assert names[imported_id] == "黔江区黄溪镇人民政府（导入自 黄溪镇2024年报告.docx）"

    # editing the report at the bottom does not move it to the top
    order = [table.item(r, 0).data(0x0100) for r in range(table.rowCount())]
    bottom = order[-1]
    main.open_report(bottom)
    main.editor.goto(("title",))
    type_at_end(main.form.name, "（修改）")
    assert main.save_now()
    main.leave_editor()
    assert [table.item(r, 0).data(0x0100) for r in range(table.rowCount())] == order


def test_a_letter_o_for_a_zero_is_named_and_the_preview_says_the_old_value_stays(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    section = next(s for s, _ in main.report.walk() if "petitions_received" in str(s.blocks))
    form = select(main, ("section", section.uid))
    row = figure_row(form, "petitions_received")
    assert row.preview.text() == "文中显示为：12件"
    row.value.setFocus()
    row.value.selectAll()
    type_text(row.value, "1O")
    assert "“O”是字母" in row.error.text() and "应为“0”" in row.error.text()
    # typed key by key, "1" was a valid value before the O: the value is still the one before the typing
    assert row.preview.text() == "输入有误，未采用；文中仍为：12件"
    assert main.report.figures["petitions_received"].value == 12
    row.value.selectAll()
    type_text(row.value, "10")
    assert row.preview.text() == "文中显示为：10件" and not row.error.isVisible()


def test_insert_figure_offers_the_years_and_its_list_fits_a_small_screen(open_window, sample_store, qtbot):
    from PySide6.QtWidgets import QApplication

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    section = main.report.sections[1]
    form = select(main, ("section", section.uid))
    field = form.findChildren(TextField)[0]
    type_into(qtbot, field, "截至")
    dialog = InsertFigureDialog(main.report, main.window)
    combo = dialog.existing
    assert [combo.itemText(i) for i in range(3)] == [
        "【报告年份】（自动，现为2024）",
        "【下一年份】（自动，现为2025）",
        "【上一年份】（自动，现为2023）",
    ]
    assert combo.currentData() in main.report.figures  # a figure is proposed, not a year
    combo.setCurrentIndex(0)
    main.editor.insert_figure_key(dialog.choose())
    assert field.toPlainText().endswith("截至【报告年份】")

    # with 60 figures the list scrolls instead of running off a 1366×768 screen
    for i in range(60):
        main.report.figures[f"extra{i}"] = Figure(f"extra{i}", f"补充数据{i}", None, "件")
    dialog = InsertFigureDialog(main.report, main.window)
    dialog.show()
    dialog.existing.showPopup()
    popup = dialog.existing.view().window()
    screen = QApplication.primaryScreen().availableGeometry()
    assert popup.height() <= min(screen.height(), 768) - 100
    assert dialog.existing.view().verticalScrollBar().maximum() > 0
    dialog.existing.hidePopup()


@pytest.mark.parametrize("width", [1366, 1066, 900])  # 1066: a 1600-pixel screen at 150 %
def test_the_qualifier_box_shows_its_text_on_small_screens(open_window, sample_store, qtbot, width):
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    main = open_window(sample_store)
    main.window.resize(width, 700)
    # a part with a single figure: nothing in its grid widens the qualifier column
    report = services.new_from_template("standard", 2026, "东林镇人民政府")
    report.sections[0].blocks = [Paragraph("全年召开党委会{{f1}}。")]
    report.figures["f1"] = Figure("f1", "党委会研究法治建设", Decimal(4), "次")
    main.open_report(main.workspace.reports.add(report))
    form = select(main, ("section", main.report.sections[0].uid))
    qtbot.wait(50)
    combo = figure_row(form, "f1").qualifier
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text_room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert text_room.width() >= widest


def test_the_file_dialog_linux_shows_has_no_english_left(app, qtbot, tmp_path):
    """Every label, button, column and type of Qt's own file dialog reads Chinese."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QTreeView

    (tmp_path / "子文件夹").mkdir()
    (tmp_path / "报告.docx").write_bytes(b"x" * 5000)
    dialog = QFileDialog(None, "保存", str(tmp_path), "Word 文档 (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2, timeout=5000)
    texts = [w.text() for w in dialog.findChildren(QLabel)] + [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton)]
    texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    for row in range(model.rowCount(view.rootIndex())):
        for column in range(model.columnCount()):
            texts.append(str(model.index(row, column, view.rootIndex()).data()))
    texts += [c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())]
    english = [
        t
        for t in texts
        if str(tmp_path) not in t and re.search(r"[A-Za-z]{3,}", re.sub(r"\*?\.?docx|Word|KiB|\d", "", t))
    ]
    assert english == [], english
    assert {"查找范围(&L)：", "文件类型(&T)：", "大小", "文件夹"} <= set(texts)


def test_find_and_replace_changes_the_words_not_the_figures(open_window, sample_store, db_path, qtbot):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(main.ui.navTree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    finder = main.find_dialog
    assert finder.dialog.windowTitle() == "查找和替换"
    assert not finder.ui.replaceAllButton.isEnabled()  # nothing found yet
    type_text(finder.ui.queryEdit, "群体性时间")  # the sample's slip for 群体性事件
    assert len(finder.hits) == 1
    finder.ui.resultsList.setCurrentRow(0)
    finder.go(0)
    type_text(finder.ui.replaceEdit, "群体性事件")
    qtbot.mouseClick(finder.ui.replaceButton, Qt.MouseButton.LeftButton)
    assert finder.ui.countLabel.text() == "已替换 1 处。" and finder.hits == []
    shown = "\n".join(f.toPlainText() for f in main.form.findChildren(TextField))
    assert "群体性事件" in shown and "群体性时间" not in shown  # the open form shows the new words
    qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=3000)
    stored = "".join(Store(db_path, write=False).reports.load(rid).all_texts())
    assert "群体性事件" in stored and "群体性时间" not in stored

    # a number the document shows comes from a figure: found, but not replaced as text
    finder.ui.queryEdit.setText("12件")
    assert finder.hits
    finder.ui.replaceEdit.setText("13件")
    qtbot.mouseClick(finder.ui.replaceAllButton, Qt.MouseButton.LeftButton)
    assert finder.ui.countLabel.text().startswith("没有可替换的文字，还有")
    assert main.report.figures["petitions_received"].value == 12


def test_the_standard_template_guides_each_part_and_never_prints_the_hints(open_window, sample_store, qtbot, tmp_path):
    main = open_window(sample_store)
    report = services.new_from_template("standard", 2025, "示例镇人民政府")
    rid = main.workspace.reports.add(report)
    main.open_report(rid)
    hints = {}
    for section, _ in main.report.walk():
        form = select(main, ("section", section.uid))
        assert form.hint is not None, section.heading  # every part of the template has a hint
        assert form.hint_button.isChecked() and form.hint.isVisibleTo(form)  # open while the part is empty
        hints[section.heading] = form.hint.text()
    duty = next(h for k, h in hints.items() if k.startswith("党政主要负责人"))
    assert "学法" in duty and "述法" in duty and "决策" in duty
    assert len(set(hints.values())) >= 10  # told apart, not one text for all

    # an empty paragraph added to a part shows the hint as grey placeholder text
    section = main.report.sections[1]
    form = select(main, ("section", section.uid))
    qtbot.mouseClick(form.hint_button, Qt.MouseButton.LeftButton)
    assert not form.hint.isVisibleTo(form)  # it folds away
    form.blocks.add_paragraph()
    field = form.findChildren(TextField)[-1]
    assert field.placeholderText().startswith("写作提示：实事求是")
    type_text(field, "部分干部法治意识有待增强。")

    out = services.render_to_file(main.report, tmp_path / "r.docx")
    text = docx_text(out)
    assert "部分干部法治意识有待增强。" in text
    assert "写作提示" not in text and "实事求是" not in text and not any(h[:12] in text for h in hints.values())


def test_parts_of_other_towns_reports_find_their_hints_by_their_words(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)  # the sample: its own headings
    measures = main.report.sections[2]  # 三、{{next_year}}年工作措施
    form = select(main, ("section", measures.children[0].uid))  # （一）努力抓好法治政府建设宣传工作。
    assert form.hint.text().startswith("写下一年度推进法治政府建设的主要安排")  # a plan, not this year's work
    assert not form.hint_button.isChecked()  # the part has text: the hint stays folded


def test_help_opens_the_guide_offline_with_its_pictures(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.ui.actionGuide.trigger()  # 帮助 → 使用说明 (F1)
    dialog = main.guide_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "使用说明"
    text = dialog.browser.toPlainText()
    for words in ("新建下一年度", "插入数据", "写作提示", "生成报告", "备份与恢复", "3 月 1 日"):
        assert words in text
    images = re.findall(r'<img src="([^"]+)"', dialog.browser.toHtml())
    assert sorted(images) == ["generate.png", "list.png", "preview.png", "section.png"]
    document = dialog.browser.document()
    for name in images:  # each picture is found and loaded from the resources, not a blank box
        image = document.resource(document.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    assert dialog.width() <= 1366 - 40 and dialog.height() <= 768 - 60
    main.ui.actionGuide.trigger()
    assert main.guide_dialog is dialog  # asked again: the same window comes forward
    dialog.close()


@pytest.mark.parametrize(
    "available, expected",
    [
        ((1366, 728), None),  # 1366×768 with the task bar: maximised
        ((1066, 626), None),  # 1600×1000 at 150 %
        ((1280, 800), None),  # a 1280×800 window would not fit with its frame
        ((1920, 1040), (1280, 800)),
        ((2560, 1400), (1280, 800)),
    ],
)
def test_the_window_never_opens_larger_than_the_screen(available, expected):
    from hxdesk.gui.app import window_size

    assert window_size(*available) == expected


def test_every_dialog_fits_a_1366_screen_and_shrinks_to_150_percent(open_window, sample_store, qtbot):
    from hxdesk.gui import dialogs
    from hxdesk.gui import history_dialogs as history

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    workspace, report = main.workspace, main.report
    made = {
        "新建报告": dialogs.NewReportDialog(workspace, main.window).dialog,
        "字体设置": dialogs.SettingsDialog(workspace, main.window).dialog,
        "生成报告": dialogs.GenerateDialog(workspace, report, main.window).dialog,
        "查找和替换": dialogs.FindDialog(main.editor, main.window).dialog,
        "插入数据": dialogs.InsertFigureDialog(report, main.window),
        "使用说明": dialogs.GuideDialog(main.window),
        "备份与恢复": history.BackupDialog(main.recovery),
        "已删除的章节": history.DeletedSectionsDialog(main.recovery),
        "历史版本": history.SectionHistoryDialog(main.recovery, report.sections[0].uid),
    }
    for name, dialog in made.items():
        qtbot.addWidget(dialog)
        dialog.show()
        size, least = dialog.frameGeometry().size(), dialog.minimumSizeHint()
        assert size.width() <= 1366 and size.height() <= 728, name  # 1366×768 less the task bar
        assert least.width() <= 1066 and least.height() <= 626, name  # can shrink to 1600×1000 at 150 %
        dialog.close()
    assert main.window.minimumSizeHint().width() <= 1066 and main.window.minimumSizeHint().height() <= 626


def test_the_importers_notes_are_shown_in_the_part_they_concern(open_window, sample_store, qtbot, tmp_path):
    source = tmp_path / "石门镇.txt"
    source.write_text(
        "梅岭县石门镇人民政府2024年度法治政府建设情况报告\n一、主要工作\n（一）健全制度\n1、修订议事规则\n按期完成。\n"
        "二、存在的不足\n基层力量薄弱。\n梅岭县石门镇人民政府\n2025年1月12日\n",
        encoding="utf-8",
    )
    main = open_window(sample_store)
    rid, notes = main.workspace.reports.import_file(source)
    assert any("编号“1、”改为“1.”" in n.text for n in notes)
    main.open_report(rid)
    rule = main.report.sections[0].children[0].children[0]
    form = select(main, ("section", rule.uid))
    box = form.import_notes_box
    assert box.isVisibleTo(form) and "编号“1、”改为“1.”" in "".join(w.text() for w in box.findChildren(QLabel))
    other = select(main, ("section", main.report.sections[1].uid))
    assert getattr(other, "import_notes_box", None) is None  # nothing changed there: no box
    form = select(main, ("section", rule.uid))
    qtbot.mouseClick(form.findChild(QPushButton, "importNotesDone"), Qt.MouseButton.LeftButton)
    assert not form.import_notes_box.isVisibleTo(form)
    select(main, ("title",))
    form = select(main, ("section", rule.uid))  # read once: not shown again
    assert getattr(form, "import_notes_box", None) is None
