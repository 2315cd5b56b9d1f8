"""The 统计 view on a real database of two towns and two years: the table, the filters, the
export (read back with openpyxl) and the chart — real widgets."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtGui import QColor

from hxdesk import services
from hxdesk.model import Figure

QINGSHAN, BAIYUN = "青山镇人民政府", "白云镇人民政府"


@pytest.fixture
def district(db_path, open_window):
    """Two towns, 2024 (the sample) and 2025 (rolled over, one figure more), one report in the trash."""
    from hxdesk.store import Store

    store = Store(db_path, lock=True)
    reports = services.Workspace(store).reports
    ids = {}
    for name, first, later in ((QINGSHAN, 12, 15), (BAIYUN, 20, 18)):
        report = services.sample_report()
        report.uid = f"uid-{first}"
        report.issuers = report.signatures = [name]
        report.figures["petitions_received"].value = Decimal(first)
        ids[name, 2024] = reports.add(report)
        nxt_id = reports.next_year(ids[name, 2024])
        nxt = reports.load(nxt_id)
        services.set_value(nxt, "petitions_received", Decimal(later))
        nxt.figures["new_cases"] = Figure("new_cases", "新增行政复议案件", Decimal(3), "件")
        reports.save(nxt_id, nxt)
        ids[name, 2025] = nxt_id
    trashed = services.sample_report()
    trashed.issuers = ["回收站镇人民政府"]
    reports.move_to_trash(reports.add(trashed))
    yield store, ids
    store.close()


def figures_in(db_path, where: str = "1", *args) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT count(*) FROM figures JOIN reports ON reports.id = figures.report_id "
            f"WHERE reports.deleted_at IS NULL AND {where}",
            args,
        ).fetchone()[0]
    finally:
        conn.close()


def stats_window(main):
    main.ui.statsButton.click()  # the list page's 统计… (the same action as 报告 → 统计…)
    window = main.stats_window
    assert window is not None and window.isVisible()
    return window


def cells(window, column: int) -> list[str]:
    return [window.table.item(i, column).text() for i in range(window.table.rowCount())]


def test_table_holds_every_figure_and_the_filters_narrow_it(district, db_path, open_window):
    store, ids = district
    main = open_window(store)
    window = stats_window(main)
    assert window.width() <= 1366 and window.height() <= 768 - 60
    assert window.table.rowCount() == figures_in(db_path) == 4 * 31 + 2
    assert window.count.text() == f"共 {4 * 31 + 2} 条"

    window.body.setCurrentIndex(window.body.findData(QINGSHAN))
    qingshan = (ids[QINGSHAN, 2024], ids[QINGSHAN, 2025])
    assert window.table.rowCount() == figures_in(db_path, "reports.id IN (?, ?)", *qingshan) == 63
    assert set(cells(window, 0)) == {QINGSHAN}

    window.year.setCurrentIndex(window.year.findData(2025))
    assert window.table.rowCount() == 32 and set(cells(window, 1)) == {"2025"}

    window.body.setCurrentIndex(0)  # 全部
    window.text.setText("行政复议")
    expected = figures_in(db_path, "figures.label LIKE '%行政复议%' AND reports.year = 2025")
    assert expected >= 2 and window.table.rowCount() == expected
    assert all("行政复议" in label for label in cells(window, 3))
    assert {BAIYUN, QINGSHAN} <= set(cells(window, 0))

    window.year.setCurrentIndex(0)
    window.text.setText("受理来信来访")
    assert sorted(zip(cells(window, 0), cells(window, 1), cells(window, 4), strict=True)) == [
        (BAIYUN, "2024", "20"),
        (BAIYUN, "2025", "18"),
        (QINGSHAN, "2024", "12"),
        (QINGSHAN, "2025", "15"),
    ]
    window.text.setText("没有这样的数据")
    assert window.table.rowCount() == 0 and not window.excel.isEnabled()


def test_export_writes_the_rows_shown(district, db_path, open_window, tmp_path):
    store, _ = district
    window = stats_window(open_window(store))
    out = tmp_path / "统计.xlsx"
    assert window.export_to(out)
    book = openpyxl.load_workbook(out)
    rows = list(book["数据明细"].iter_rows(values_only=True))
    assert rows[0][:4] == ("发文机关", "年度", "章节", "数据")
    assert len(rows) - 1 == figures_in(db_path)
    assert [r[0] for r in rows[1:]] == cells(window, 0)
    assert [r[3] for r in rows[1:]] == cells(window, 3)

    window.body.setCurrentIndex(window.body.findData(BAIYUN))
    window.text.setText("受理来信来访")
    assert window.export_to(out)  # replaced (the dialog asked before; here the path is given)
    rows = list(openpyxl.load_workbook(out)["数据明细"].iter_rows(values_only=True))[1:]
    assert sorted((r[0], r[1], r[4]) for r in rows) == [(BAIYUN, 2024, 20), (BAIYUN, 2025, 18)]
    csv_out = tmp_path / "统计.csv"
    assert window.export_to(csv_out)
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf") and BAIYUN in csv_out.read_text("utf-8-sig")
    assert not window.export_to(tmp_path / "统计.txt")  # a message, not a file
    assert "统计表应保存为 .xlsx 或 .csv 文件" in window.last_message.text()
    assert not (tmp_path / "统计.txt").exists()


def test_chart_draws_the_chosen_figure_across_years(district, open_window, qtbot):
    store, _ = district
    window = stats_window(open_window(store))
    assert window.choose_figure("受理来信来访", "件")
    chart = window.chart
    assert chart.title == "受理来信来访" and chart.unit == "件"
    assert chart.series == {
        BAIYUN: [(2024, Decimal(20)), (2025, Decimal(18))],
        QINGSHAN: [(2024, Decimal(12)), (2025, Decimal(15))],
    }
    # 600 × 300: the plot is 512 × 216 from (64, 44); the axis tops at 20, two year slots of 256 px.
    points = {body: [(p.x(), round(p.y(), 1)) for p in pts] for body, pts in chart.points(600, 300).items()}
    assert points == {BAIYUN: [(192, 44.0), (448, 65.6)], QINGSHAN: [(192, 130.4), (448, 98.0)]}

    chart.resize(700, 300)
    image = chart.grab().toImage()
    colors = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert QColor("#0b57d0").name() in colors and QColor("#c5221f").name() in colors  # the two lines
    assert len(colors) > 10

    window.body.setCurrentIndex(window.body.findData(QINGSHAN))
    assert list(chart.series) == [QINGSHAN]
    window.year.setCurrentIndex(window.year.findData(2025))  # the chart still spans the years
    assert chart.series[QINGSHAN] == [(2024, Decimal(12)), (2025, Decimal(15))]
