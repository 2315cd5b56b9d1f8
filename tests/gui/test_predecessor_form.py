"""The 上一年度报告 choice in the 标题与发文机关 form: it shows the linked report, offers the
earlier reports of the same issuing body (or all), and a new choice changes the 上年 values."""

from __future__ import annotations

from decimal import Decimal

from hxdesk import services
from hxdesk.gui.forms import TitleForm
from hxdesk.gui.navigator import TITLE
from hxdesk.store import Store

from .test_last_year import row_of, section_using, select

BODY = "黔江区黄溪镇人民政府"


def choose(form, text):
    combo = form.predecessor
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_title_form_links_the_report_to_another_predecessor(open_window, sample_store, db_path):
    reports = services.Workspace(sample_store).reports
    sample_id = reports.summaries()[0].id
    other = services.sample_report()
    other.name = "黄溪镇 2024 修订稿"
    other.figures["petitions_received"].value = Decimal(30)
    other_id = reports.add(other)
    elsewhere = services.sample_report()
    elsewhere.issuers = ["白云镇人民政府"]
    elsewhere.year = 2023
    reports.add(elsewhere)
    new_id = reports.next_year(sample_id)

    main = open_window(sample_store)
    main.open_report(new_id)
    form = select(main, TITLE)
    assert isinstance(form, TitleForm)
    assert form.predecessor_text.text().startswith(f"上一年度报告：2024年度 {BODY}")
    items = [form.predecessor.itemText(i) for i in range(form.predecessor.count())]
    assert items[0] == "（无）" and set(items[1:]) == {f"2024年度 {BODY}", "2024年度 黄溪镇 2024 修订稿"}
    assert form.predecessor.currentText() == f"2024年度 {BODY}"
    form.all_reports.setChecked(True)
    assert "2023年度 白云镇人民政府" in [form.predecessor.itemText(i) for i in range(form.predecessor.count())]

    choose(form, "2024年度 黄溪镇 2024 修订稿")
    assert form.predecessor_text.text().startswith("上一年度报告：2024年度 黄溪镇 2024 修订稿")
    assert reports.predecessor_id(new_id) == other_id
    section = section_using(main, "petitions_received")
    received = row_of(select(main, ("section", section.uid)), "petitions_received")
    assert received.last_year.text() == "上年：30件"

    form = select(main, TITLE)
    choose(form, "（无）")
    assert form.predecessor_text.text().startswith("没有上一年度报告")
    received = row_of(select(main, ("section", section.uid)), "petitions_received")
    assert received.last_year.text() == "" and not received.last_year.isVisibleTo(main.form)

    main.report.figures["leaflets"].value = Decimal(7)  # the report's own save keeps the link cleared
    main.autosaver.touch()
    assert main.save_now()
    saved = Store(db_path, write=False)
    try:
        assert saved.reports.load(new_id).predecessor_uid is None
    finally:
        saved.close()
