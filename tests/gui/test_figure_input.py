"""A figure's value field keeps only a number typed whole (issue 26, item 5), and the wheel never
changes a figure's qualifier or kind, focused or not (issue 26, lesser)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hxdesk import services

from .keyboard import type_text
from .test_wheel import focus, small_window, wheel


def _section_row(main, key):
    section = next(s for s, _ in main.report.walk() if key in str(s.blocks))
    main.editor.goto(("section", section.uid))
    return next(r for r in main.form.figures_panel.rows if r.key == key)


def _type_over(row, text: str) -> None:
    """Select the field's text and type ``text`` over it, key by key, as a clerk does."""
    row.value.setFocus()
    row.value.selectAll()
    type_text(row.value, text)


def _stored(store, rid, key) -> Decimal | None:
    return services.Workspace(store).reports.load(rid).figures[key].value


def test_a_number_with_letters_typed_over_a_value_leaves_the_value(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    row = _section_row(main, "petitions_received")
    _type_over(row, "15")
    QTest.keyClick(row.value, Qt.Key.Key_Return)
    assert main.save_now() and _stored(sample_store, rid, "petitions_received") == 15
    rate = next(r for r in main.form.figures_panel.rows if r.key == "petition_close_rate")
    assert rate.value.text() == "80"  # 办结 12 of 15

    _type_over(row, "1a5b")  # "1" was a number a keystroke before the "a"
    assert not row.error.isHidden() and row.error.text()
    assert row.preview.text() == "输入有误，未采用；文中仍为：15件"
    assert rate.value.text() == "80"  # not 1200 %
    assert main.save_now()
    assert _stored(sample_store, rid, "petitions_received") == 15
    row.value.clearFocus()  # leaving the field keeps the stored value
    assert main.save_now() and _stored(sample_store, rid, "petitions_received") == 15

    _type_over(row, "16")  # a whole number is taken at once
    assert row.error.isHidden()
    assert main.save_now() and _stored(sample_store, rid, "petitions_received") == 16


def test_a_number_with_a_qualifier_typed_in_the_field_leaves_the_value(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    rid = sample_store.reports.summaries()[0].id
    main.open_report(rid)
    row = _section_row(main, "disputes_checked")
    _type_over(row, "1,200")  # the thousands separator is part of a number
    QTest.keyClick(row.value, Qt.Key.Key_Return)
    assert main.save_now() and _stored(sample_store, rid, "disputes_checked") == 1200

    _type_over(row, "80余")  # the 余 belongs in the qualifier box, not in the number
    assert not row.error.isHidden() and row.error.text()
    assert row.preview.text() == "输入有误，未采用；文中仍为：1200起"
    assert main.save_now() and _stored(sample_store, rid, "disputes_checked") == 1200

    _type_over(row, "８０")  # full-width digits are a number
    assert main.save_now() and _stored(sample_store, rid, "disputes_checked") == 80


def test_the_wheel_over_a_focused_qualifier_or_kind_changes_nothing(open_window, sample_store, qtbot):
    report = sample_store.reports.load(sample_store.reports.summaries()[0].id)
    section = next(s for s, _ in report.walk() if "枫桥经验" in s.heading)
    main, bar = small_window(open_window, sample_store, qtbot, ("section", section.uid))
    row = next(r for r in main.form.figures_panel.rows if r.qualifier is not None)
    fig = main.report.figures[row.key]
    before = (row.qualifier.currentIndex(), row.kind.currentIndex(), fig.qualifier, fig.kind)
    for combo in (row.qualifier, row.kind):
        focus(main, qtbot, combo)
        wheel(combo)
        wheel(combo, +1)
        wheel(combo)
    assert (row.qualifier.currentIndex(), row.kind.currentIndex(), fig.qualifier, fig.kind) == before
    assert not main.autosaver.dirty
    # the list itself still chooses
    row.qualifier.setCurrentIndex(before[0] + 1)
    assert fig.qualifier == row.qualifier.currentData() != before[2]


def test_a_report_an_older_hxdesk_saved_with_hostile_formulas_opens(open_window, db_path, qtbot):
    """9e999, a 4000-digit number, a sum of 3000 terms, a cycle, a chain of 200 doublings in the
    database: the report opens, the good figures compute, each bad one says why beside it."""
    import sqlite3

    from hxdesk.model import Figure, Paragraph
    from hxdesk.store import Store

    report = services.new_from_template("standard", 2025, "东林镇人民政府")
    hostile = {"x0": "9e999", "x1": "9" * 4000, "x2": "+".join(["a"] * 3000), "x3": "x3 + 1"}
    hostile.update({f"c{i}": f"c{i + 1} * 2" for i in range(200)})
    report.figures["a"] = Figure("a", "受理", Decimal(10), "件")
    report.figures["rate"] = Figure("rate", "翻倍", unit="件", formula="a * 2")
    for key in hostile:
        report.figures[key] = Figure(key, f"坏{key}", formula="1")
    report.figures["c200"] = Figure("c200", "底数", Decimal(1))
    keys = ["a", "rate", *sorted(hostile)]
    report.sections[0].blocks = [Paragraph("".join("{{" + k + "}}" for k in keys))]
    store = Store(db_path)
    rid = store.reports.add(report)
    store.close()
    with sqlite3.connect(db_path) as conn:  # what an older hxdesk let an imported file write
        for key, formula in hostile.items():
            conn.execute("UPDATE figures SET formula = ? WHERE report_id = ? AND key = ?", (formula, rid, key))
    conn.close()

    store = Store(db_path, lock=True)
    try:
        main = open_window(store)
        main.open_report(rid, ("section", main.workspace.reports.load(rid).sections[0].uid))
        rows = {r.key: r for r in main.form.figures_panel.rows}
        assert rows["rate"].value.text() == "20"
        for key in ("x0", "x1", "x2", "x3", "c0"):
            assert rows[key].value.text() == "" and rows[key].error.text(), key
        assert "过大" in rows["x0"].error.text() and "过长" in rows["x2"].error.text()
        assert "循环" in rows["x3"].error.text() and "层" in rows["c0"].error.text()
        main.window.close()
    finally:
        store.close()


def test_the_statistics_window_names_a_report_it_cannot_read(open_window, db_path, qtbot):
    """A report an older hxdesk let grow past what can be read (1,200 points in one list) is left
    out of 统计 and said to be; the other reports are counted."""
    import json
    import sqlite3

    from hxdesk.model import Figure, Paragraph
    from hxdesk.store import Store

    ids = []
    store = Store(db_path)
    for org in ("东林镇人民政府", "西林镇人民政府"):
        report = services.new_from_template("standard", 2025, org)
        report.figures["a"] = Figure("a", "受理", Decimal(10), "件")
        report.sections[0].blocks = [Paragraph("受理{{a}}。")]
        ids.append(store.reports.add(report))
    store.close()
    with sqlite3.connect(db_path) as conn:
        points = json.dumps([{"type": "points", "lead": "", "items": ["一项"] * 1200, "inline": True}])
        conn.execute("UPDATE sections SET blocks = ? WHERE report_id = ?", (points, ids[0]))
    conn.close()

    store = Store(db_path, lock=True)
    try:
        main = open_window(store)
        main.ui.statsButton.click()
        window = main.stats_window
        assert window.table.rowCount() == 1
        assert "1 份报告无法读取" in window.count.text()
        assert f"报告 {ids[0]}" in window.count.toolTip() and "分条" in window.count.toolTip()
        main.window.close()
    finally:
        store.close()


def test_a_new_figures_name_and_unit_stop_at_their_bounds(open_window, sample_store, qtbot):
    from hxdesk.gui.dialogs import InsertFigureDialog
    from hxdesk.limits import MAX_LABEL_LENGTH, MAX_UNIT_LENGTH

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    dialog = InsertFigureDialog(main.report, main.window)
    dialog.create_new.setChecked(True)
    QTest.keyClicks(dialog.label, "n" * (MAX_LABEL_LENGTH + 30))
    QTest.keyClicks(dialog.unit, "u" * (MAX_UNIT_LENGTH + 5))
    key = dialog.choose()
    fig = main.report.figures[key]
    assert (fig.label, fig.unit) == ("n" * MAX_LABEL_LENGTH, "u" * MAX_UNIT_LENGTH)
    assert main.save_now()  # what the dialog let through, the store takes
