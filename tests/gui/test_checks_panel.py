"""The 检查 panel: findings of the open report beside the form, grouped by part in
document order, updated after typing, a double-click to the place, dismissals remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hxdesk import services
from hxdesk.gui.widgets import TextField

from .keyboard import type_at_end


def open_with_panel(open_window, store, report_id):
    main = open_window(store)
    main.open_report(report_id)
    main.ui.actionChecks.trigger()  # 检查 (F7)
    assert main.ui.actionChecks.isChecked() and main.editor.checks.widget.isVisible()
    return main, main.editor.checks


def tree_texts(panel) -> list[tuple[str, list[str]]]:
    tree = panel.tree
    return [
        (
            tree.topLevelItem(i).text(0),
            [tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())],
        )
        for i in range(tree.topLevelItemCount())
    ]


def test_the_panel_lists_the_samples_findings_by_part_in_document_order(open_window, sample_store):
    main, panel = open_with_panel(open_window, sample_store, sample_store.reports.summaries()[0].id)
    groups = tree_texts(panel)
    assert panel.summary.text().startswith("错误 0 处，提示")
    places = [place for place, _ in groups]
    assert "一、（四）" in places  # 群体性时间 for 群体性事件, in the 枫桥经验 part
    assert any("群体性时间" in text for place, texts in groups if place == "一、（四）" for text in texts)
    order = [f.order for f in panel.findings]
    assert order == sorted(order)  # document order


def test_typing_updates_the_panel_and_a_double_click_selects_the_place(open_window, sample_store, qtbot):
    rid = sample_store.reports.summaries()[0].id
    main, panel = open_with_panel(open_window, sample_store, rid)
    before = len(panel.findings)
    section = main.report.sections[1]  # 二、存在的主要问题及原因
    main.editor.goto(("section", section.uid))
    field = main.form.findChildren(TextField)[0]
    type_at_end(field, "截止2010年的的问题")  # 截止/截至, a stray year, 的的
    qtbot.waitUntil(lambda: len(panel.findings) > before, timeout=3000)
    mine = [f for f in panel.findings if f.section_uid == section.uid]
    assert {"二、"} == {f.where for f in mine} and len(mine) >= 3
    assert {"writing.words", "years.stray", "writing.doubled"} <= {f.rule for f in mine}
    doubled = next(f for f in mine if f.rule == "writing.doubled")
    main.editor.goto(("title",))  # elsewhere first
    item = next(
        panel.tree.topLevelItem(i).child(j)
        for i in range(panel.tree.topLevelItemCount())
        for j in range(panel.tree.topLevelItem(i).childCount())
        if panel.finding_of(panel.tree.topLevelItem(i).child(j)) == doubled
    )
    panel.tree.itemActivated.emit(item, 0)
    assert main.editor.navigator.current_target() == ("section", section.uid)
    qtbot.waitUntil(lambda: any(f.textCursor().selectedText() == "的的" for f in main.form.findChildren(TextField)))


def test_a_dismissed_finding_stays_away_for_that_report_only(open_window, sample_store, db_path, qtbot):
    rid = sample_store.reports.summaries()[0].id
    main, panel = open_with_panel(open_window, sample_store, rid)
    target = next(f for f in panel.findings if "群体性时间" in f.excerpt)
    count = len(panel.findings)
    panel.dismiss(target)
    assert len(panel.findings) == count - 1 and target not in panel.findings
    assert "已忽略 1 处" in panel.summary.text()
    # remembered in the database: a new window (and the CLI's service) see it dismissed
    main.window.close()
    main2 = open_window(sample_store)
    main2.open_report(rid)
    main2.ui.actionChecks.setChecked(False)
    main2.ui.actionChecks.trigger()
    assert target not in main2.editor.checks.findings
    # another report (a copy) still shows it
    copy_id = main2.workspace.reports.duplicate(rid)
    main2.open_report(copy_id)
    assert any("群体性时间" in f.excerpt for f in main2.editor.checks.run())
    main2.open_report(rid)  # 恢复已忽略的检查 brings it back
    main2.workspace.annotations.restore_dismissed(main2.report.uid)
    assert any("群体性时间" in f.excerpt for f in main2.editor.checks.run())


def test_typing_with_the_panel_open_does_not_check_per_keystroke(open_window, sample_store, qtbot):
    rid = sample_store.reports.summaries()[0].id
    main, panel = open_with_panel(open_window, sample_store, rid)
    runs = []
    original = panel.run
    panel.run = lambda: runs.append(1) or original()
    panel.timer.timeout.disconnect()
    panel.timer.timeout.connect(panel.run)
    section = main.report.sections[1]
    main.editor.goto(("section", section.uid))
    field = main.form.findChildren(TextField)[0]
    type_at_end(field, "abcdefghij")  # ten keystrokes in a row
    assert runs == []  # nothing checked while typing
    qtbot.waitUntil(lambda: runs == [1], timeout=3000)  # one check once typing pauses


def test_the_panel_is_off_on_a_1366_screen_and_on_where_there_is_room(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.window.resize(1346, 728)
    main.open_report(sample_store.reports.summaries()[0].id)
    assert not main.ui.actionChecks.isChecked() and not main.editor.checks.widget.isVisible()
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(main.ui.navTree, Qt.Key.Key_F7)
    assert main.editor.checks.widget.isVisible() and main.editor.checks.widget.width() >= 220
    assert main.form.width() >= 600  # the form keeps room to type


def test_a_typed_number_is_made_a_figure_from_the_panel(open_window, sample_store, db_path, qtbot):
    rid = sample_store.reports.summaries()[0].id
    main, panel = open_with_panel(open_window, sample_store, rid)
    section = main.report.sections[1]  # 二、存在的主要问题及原因
    main.editor.goto(("section", section.uid))
    field = main.form.findChildren(TextField)[0]
    type_at_end(field, "全年开展法治讲座12场次。")
    panel.run()
    typed = next(f for f in panel.findings if f.rule == "numbers.literal" and "12场次" in f.excerpt)
    key = panel.make_figure(typed, label="法治讲座")
    fig = main.report.figures[key]
    assert (fig.label, str(fig.value), fig.unit) == ("法治讲座", "12", "场次")
    shown = "\n".join(f.toPlainText() for f in main.form.findChildren(TextField))
    assert "开展法治讲座【法治讲座】" in shown  # the form shows the figure where the number was
    assert not any(f.rule == "numbers.literal" and "12场次" in f.excerpt for f in panel.findings)
    qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=3000)
    from hxdesk.store import Store

    stored = Store(db_path, write=False).reports.load(rid)
    assert stored.figures[key].label == "法治讲座" and "{{" + key + "}}" in "".join(stored.all_texts())


def test_a_word_is_added_to_the_users_list_from_the_panel(open_window, sample_store, qtbot, _isolated_data_dir):
    rid = sample_store.reports.summaries()[0].id
    main, panel = open_with_panel(open_window, sample_store, rid)
    any_finding = panel.findings[0]
    assert not any("矛盾纠纷排查" in f.message for f in panel.findings)
    assert panel.add_word(any_finding, "矛盾纠纷排查", "矛盾纠纷排查化解")
    assert any(f.rule == "writing.words" and "矛盾纠纷排查" in f.message for f in panel.findings)
    assert services.user_words_path().is_file()
