"""插入数据 → 新建同比数据: a derived figure comparing a figure with last year's, whose text
reads 同比增长/同比下降/与上年持平 (or 增加/减少) as the clerk types this year's value."""

from __future__ import annotations

from hxdesk import services
from hxdesk.gui.dialogs import InsertFigureDialog
from hxdesk.gui.widgets import TextField

from .keyboard import type_at_end
from .test_last_year import row_of, section_using, select


def insert_comparison(main, base: str, style: str) -> str:
    dialog = InsertFigureDialog(main.report, main.window)
    dialog.create_compare.setChecked(True)
    dialog.compare_base.setCurrentIndex(dialog.compare_base.findData(base))
    dialog.compare_style.setCurrentIndex(dialog.compare_style.findData(style))
    key = dialog.choose()
    main.form.findChildren(TextField)[0].setFocus()
    main.editor.insert_figure_key(key)
    return key


def test_new_comparison_figure_reads_the_direction_of_the_change(open_window, sample_store):
    sample_id = sample_store.reports.summaries()[0].id
    new_id = services.Workspace(sample_store).reports.next_year(sample_id)
    main = open_window(sample_store)
    main.open_report(new_id)
    form = select(main, ("section", section_using(main, "petitions_received").uid))
    percent = insert_comparison(main, "petitions_received", "yoy_percent")
    diff = insert_comparison(main, "petitions_received", "yoy_diff")
    fig = main.report.figures[percent]
    assert fig.label == "受理来信来访同比" and fig.formula == (
        "(petitions_received - prev(petitions_received)) / prev(petitions_received) * 100"
    )
    assert main.report.figures[diff].label == "受理来信来访比上年增减"

    form = main.form
    received = row_of(form, "petitions_received")  # last year: 12件
    assert row_of(form, percent).preview.text() == ""  # no value yet this year
    for typed, percent_text, diff_text in (
        ("15", "同比增长25%", "增加3件"),
        ("9", "同比下降25%", "减少3件"),
        ("12", "与上年持平", "与上年持平"),
    ):
        received.value.clear()
        type_at_end(received.value, typed)
        assert row_of(form, percent).preview.text() == "文中显示为：" + percent_text
        assert row_of(form, diff).preview.text() == "文中显示为：" + diff_text
