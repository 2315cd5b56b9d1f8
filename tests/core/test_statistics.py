"""Statistics across towns and years: `hxdesk stats` on a real database, read back with openpyxl,
the csv module and LibreOffice."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from support import run_cli, soffice

from hxdesk import services
from hxdesk.figures import yoy_formula
from hxdesk.model import Figure, Report

QINGSHAN, BAIYUN = "青山镇人民政府", "白云镇人民政府"


def town(name: str, received: int) -> Report:
    report = services.sample_report()
    report.uid = f"uid-{received}"
    report.issuers = report.signatures = [name]
    report.figures["petitions_received"].value = Decimal(received)
    report.figures["petitions_closed"].value = Decimal(received)
    return report


@pytest.fixture
def district(db_path):
    """Two towns, two years each (the 2025 reports rolled over and filled in), one report in the trash."""
    with services.open_workspace(db_path) as ws:
        ids = {}
        for name, received, later in ((QINGSHAN, 12, 15), (BAIYUN, 20, 18)):
            ids[name, 2024] = ws.reports.add(town(name, received))
            nxt_id = ws.reports.next_year(ids[name, 2024])
            nxt = ws.reports.load(nxt_id)
            services.set_value(nxt, "petitions_received", Decimal(later))
            services.set_value(nxt, "petitions_closed", Decimal(later - 1))
            services.set_value(nxt, "leaflets", Decimal("3600.5"))
            change = Figure(
                "petitions_change", "受理来信来访同比", formula=yoy_formula("petitions_received", "yoy_percent")
            )
            change.style, change.decimals = "yoy_percent", 1
            nxt.figures[change.key] = change
            ws.reports.save(nxt_id, nxt)
            ids[name, 2025] = nxt_id
        trashed = ws.reports.add(town("回收站镇人民政府", 1))
        ws.reports.move_to_trash(trashed)
    return db_path, ids


def figures_in(db_path: Path, where: str = "1") -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT count(*) FROM figures JOIN reports ON reports.id = figures.report_id "
            f"WHERE reports.deleted_at IS NULL AND {where}"
        ).fetchone()[0]
    finally:
        conn.close()


def detail_rows(path: Path) -> list[dict]:
    book = openpyxl.load_workbook(path)
    sheet = book["数据明细"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_stats_xlsx_holds_every_figure_with_its_value(district, tmp_path):
    db, ids = district
    out = tmp_path / "统计.xlsx"
    proc = run_cli("--db", str(db), "stats", "-o", str(out), check=True)
    expected = figures_in(db)
    assert expected == 31 * 2 + 32 * 2  # the sample's 31 figures, the 2025 reports one more
    assert f"已导出 {expected} 条数据" in proc.stdout
    rows = detail_rows(out)
    assert len(rows) == expected
    by = {(r["发文机关"], r["年度"], r["数据"]): r for r in rows}
    assert by[QINGSHAN, 2024, "受理来信来访"]["数值"] == 12
    assert by[QINGSHAN, 2025, "受理来信来访"]["数值"] == 15
    assert by[BAIYUN, 2025, "办结来信来访"]["数值"] == 17
    assert by[QINGSHAN, 2025, "发放宣传资料"]["数值"] == 3600.5
    assert by[QINGSHAN, 2025, "受理来信来访同比"]["数值"] == 25  # (15 - 12) / 12
    assert by[QINGSHAN, 2025, "受理来信来访同比"]["文中写法"] == "同比增长25%"
    assert by[BAIYUN, 2025, "受理来信来访同比"]["文中写法"] == "同比下降10%"  # (18 - 20) / 20
    assert by[BAIYUN, 2024, "信访办结率"]["数值"] == 100  # derived: computed
    assert by[QINGSHAN, 2025, "执法人员"]["类型"] == "常设" and by[QINGSHAN, 2025, "执法人员"]["数值"] == 6
    assert by[QINGSHAN, 2025, "全年执法"]["数值"] is None  # rolled over, not filled in yet
    assert by[QINGSHAN, 2024, "出动执法人员"]["限定词"] == "余" and by[QINGSHAN, 2024, "出动执法人员"]["单位"] == "人次"
    assert by[QINGSHAN, 2024, "受理来信来访"]["章节"] == "一、（四）"  # 枫桥经验
    assert by[QINGSHAN, 2024, "受理来信来访"]["报告编号"] == ids[QINGSHAN, 2024]
    assert not any("回收站" in r["发文机关"] for r in rows)
    book = openpyxl.load_workbook(out)
    sheet = book["数据明细"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 16 and sheet.column_dimensions["D"].width >= 20
    value_cells = {c.value: c for c in sheet["E"][1:] if c.value is not None}
    assert value_cells[3600.5].number_format == "0.0" and value_cells[12].number_format == "0"
    # One sheet per town: its figures × years.
    assert book.sheetnames == ["数据明细", BAIYUN, QINGSHAN]
    town_sheet = book[QINGSHAN]
    table = list(town_sheet.iter_rows(values_only=True))
    assert table[0] == ("数据", "单位", "2024年", "2025年")
    lines = {r[0]: r[2:] for r in table[1:]}
    assert lines["受理来信来访"] == (12, 15)
    assert lines["受理来信来访同比"] == (None, 25)
    assert lines["执法队"] == (1, 1)
    assert town_sheet.freeze_panes == "C2"


def test_stats_filters_by_body_and_year(district, tmp_path):
    db, _ = district
    out = tmp_path / "白云.xlsx"
    run_cli("--db", str(db), "stats", "--org", "白云镇", "-o", str(out), check=True)
    rows = detail_rows(out)
    assert len(rows) == figures_in(db, f"reports.issuers LIKE '%{BAIYUN}%'") == 63
    assert {r["发文机关"] for r in rows} == {BAIYUN}
    run_cli("--db", str(db), "stats", "--year", "2025", "-o", str(out), check=True)
    rows = detail_rows(out)
    assert len(rows) == figures_in(db, "reports.year = 2025") == 64 and {r["年度"] for r in rows} == {2025}
    proc = run_cli("--db", str(db), "stats", "--year", "2001", "-o", str(out), check=True)
    assert "没有符合条件的数据" in proc.stderr and detail_rows(out) == []


def test_stats_csv_is_utf8_with_bom_and_reads_back(district, tmp_path):
    db, _ = district
    out = tmp_path / "统计.csv"
    run_cli("--db", str(db), "stats", "-o", str(out), check=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == figures_in(db)
    first = next(r for r in rows if r["发文机关"] == QINGSHAN and r["年度"] == "2025" and r["数据"] == "发放宣传资料")
    assert (first["数值"], first["单位"], first["限定词"], first["文中写法"]) == ("3600.5", "份", "余", "3600.5余份")


def test_stats_refuses_other_file_types_in_chinese(district, tmp_path):
    db, _ = district
    proc = run_cli("--db", str(db), "stats", "-o", str(tmp_path / "x.txt"))
    assert proc.returncode != 0 and ".xlsx 或 .csv" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.txt").exists()


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_csv_with_the_chinese_intact(district, tmp_path):
    db, _ = district
    out = tmp_path / "统计.csv"
    run_cli("--db", str(db), "stats", "--org", "青山镇", "-o", str(out), check=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=CSV:44,34,76,1",  # comma, double quote, UTF-8, from line 1
                "--convert-to",
                "xlsx",
                "--outdir",
                str(tmp_path / "lo"),
                str(out),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env=dict(os.environ),
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    sheet = openpyxl.load_workbook(tmp_path / "lo" / "统计.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("发文机关", "年度", "章节", "数据")
    assert len(rows) - 1 == figures_in(db, f"reports.issuers LIKE '%{QINGSHAN}%'")
    assert ("青山镇人民政府", 2024, "一、（四）", "受理来信来访", 12) in [r[:5] for r in rows]
