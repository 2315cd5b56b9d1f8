"""Statistics: every figure of every report as one table, and that table as .xlsx or .csv.

A district office imports its towns' interchange files into one database; the table then spans
towns and years.  openpyxl is loaded only when a spreadsheet is written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..figures import figure_keys_in, format_figure, number_text, report_values
from ..fsutil import atomic_write_bytes
from ..model import FIGURE_KINDS, Report, block_paragraph_texts, numbering_labels
from .lastyear import issuing_body

if TYPE_CHECKING:
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

INTRO = "导语"
NOT_IN_TEXT = "（正文未引用）"


@dataclass(frozen=True)
class StatisticsRow:
    """One figure of one report, as the statistics list it."""

    body: str  # the issuing body (发文机关)
    year: int
    section: str  # where the text first uses it: 一、（二） (or 导语, or 正文未引用)
    label: str
    key: str
    value: Decimal | None  # derived figures computed (with last year's values)
    unit: str
    qualifier: str
    kind: str  # yearly / standing
    shown: str  # as the text reads it: 80余人次, 同比增长25%
    report_id: int
    report_name: str


STATISTICS_HEADERS = (
    "发文机关",
    "年度",
    "章节",
    "数据",
    "数值",
    "单位",
    "限定词",
    "类型",
    "文中写法",
    "报告编号",
    "报告名称",
    "数据名称",
)


def row_cells(row: StatisticsRow) -> tuple[str | int | Decimal | None, ...]:
    return (
        row.body,
        row.year,
        row.section,
        row.label,
        row.value,
        row.unit,
        row.qualifier,
        FIGURE_KINDS.get(row.kind, row.kind),
        row.shown,
        row.report_id,
        row.report_name,
        row.key,
    )


def figure_sections(report: Report) -> dict[str, str]:
    """Figure key -> the numbered path of the first section whose text uses it (一、（二）)."""
    labels = numbering_labels(report)
    where: dict[str, str] = {}
    for key in figure_keys_in((t for b in report.intro for t in block_paragraph_texts(b)), report.figures):
        where.setdefault(key, INTRO)
    parents: list[str] = []
    for section, path in report.walk():
        del parents[len(path) - 1 :]
        parents.append(labels.get(section.uid, "") or _short(section.heading))
        texts = [section.heading, *(t for b in section.blocks for t in block_paragraph_texts(b))]
        for key in figure_keys_in(texts, report.figures):
            where.setdefault(key, "".join(parents) or "（无标题）")
    return where


def _short(heading: str) -> str:
    heading = re.sub(r"\{\{[^}]*\}\}", "", heading).strip()
    return heading[:12] + ("…" if len(heading) > 12 else "")


def report_rows(report: Report, report_id: int, name: str) -> list[StatisticsRow]:
    """One row per figure of ``report`` (with its predecessor attached, for comparisons)."""
    values, _ = report_values(report)
    where = figure_sections(report)
    body = issuing_body(report.issuers, report.name)
    rows = []
    for key, fig in report.figures.items():
        value = values.get(key)
        rows.append(
            StatisticsRow(
                body=body,
                year=report.year,
                section=where.get(key, NOT_IN_TEXT),
                label=fig.label or key,
                key=key,
                value=value,
                unit=fig.unit,
                qualifier=fig.qualifier,
                kind=fig.kind,
                shown=format_figure(fig, value) if value is not None else "",
                report_id=report_id,
                report_name=name,
            )
        )
    return rows


# ------------------------------------------------------------------ files


def write_statistics(rows: Sequence[StatisticsRow], path: str | Path) -> Path:
    """Write the rows as .xlsx or .csv (by the file's suffix), atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        return atomic_write_bytes(target, csv_bytes(rows))
    if suffix == ".xlsx":
        return atomic_write_bytes(target, xlsx_bytes(rows))
    raise InvalidInput("统计表应保存为 .xlsx 或 .csv 文件。")


def csv_bytes(rows: Iterable[StatisticsRow]) -> bytes:
    """UTF-8 with a BOM (so that Excel reads the Chinese), one header line, numbers as written."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STATISTICS_HEADERS)
    for row in rows:
        writer.writerow(["" if v is None else number_text(v) if isinstance(v, Decimal) else v for v in row_cells(row)])
    return out.getvalue().encode("utf-8-sig")


def _width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character counts two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _number_format(value: Decimal) -> str:
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0" if places == 0 else "0." + "0" * places


def _fit_columns(sheet: Worksheet, widths: dict[int, int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width, 6) + 2, 60)


def _sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "", name).strip("' ")[:28] or "未命名"
    title, n = base, 2
    while title.lower() in taken:
        title, n = f"{base[:26]}_{n}", n + 1
    taken.add(title.lower())
    return title


def xlsx_bytes(rows: Sequence[StatisticsRow]) -> bytes:
    """A workbook: 数据明细 (every row; header frozen) and, for each issuing body, its figures × years."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "数据明细"
    taken = {sheet.title.lower()}
    bold = Font(bold=True)
    sheet.append(STATISTICS_HEADERS)
    widths = {i: _width(h) for i, h in enumerate(STATISTICS_HEADERS, 1)}
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row_cells(row), 1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, Decimal):
                cell.number_format = _number_format(value)
            elif isinstance(value, int):
                cell.number_format = "0"
            widths[c] = max(widths[c], _width("" if value is None else str(value)))
    _bold_header(sheet, bold)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet, widths)
    for body, table in by_body(rows).items():
        _body_sheet(book.create_sheet(_sheet_title(body, taken)), table, bold)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class BodyTable:
    """One issuing body's figures (by label and unit) across its years."""

    years: list[int]
    figures: list[tuple[str, str]]  # (label, unit), in the order of the latest report
    values: dict[tuple[str, str, int], Decimal | None]


def by_body(rows: Iterable[StatisticsRow]) -> dict[str, BodyTable]:
    """Each body's figures × years.  Figures are matched by label and unit (an imported report's
    keys differ from year to year; its labels do not); of two reports of one body and year, the
    first listed (the most recently changed) counts."""
    tables: dict[str, BodyTable] = {}
    seen: dict[tuple[str, int], int] = {}
    for row in sorted(rows, key=lambda r: -r.year):
        table = tables.setdefault(row.body or "（未填写发文机关）", BodyTable([], [], {}))
        owner = seen.setdefault((row.body, row.year), row.report_id)
        if owner != row.report_id:
            continue
        ident = (row.label, row.unit)
        if row.year not in table.years:
            table.years.append(row.year)
        if ident not in table.figures:
            table.figures.append(ident)
        table.values.setdefault((row.label, row.unit, row.year), row.value)
    for table in tables.values():
        table.years.sort()
    return tables


def _bold_header(sheet: Worksheet, bold: Font) -> None:
    for header in sheet.iter_rows(min_row=1, max_row=1):
        for cell in header:
            cell.font = bold


def _body_sheet(sheet: Worksheet, table: BodyTable, bold: Font) -> None:
    header = ["数据", "单位", *(f"{y}年" for y in table.years)]
    sheet.append(header)
    widths = {i: _width(h) for i, h in enumerate(header, 1)}
    for r, (label, unit) in enumerate(table.figures, 2):
        sheet.cell(row=r, column=1, value=label)
        sheet.cell(row=r, column=2, value=unit)
        widths[1] = max(widths[1], _width(label))
        widths[2] = max(widths[2], _width(unit))
        for c, year in enumerate(table.years, 3):
            value = table.values.get((label, unit, year))
            if value is not None:
                cell = sheet.cell(row=r, column=c, value=value)
                cell.number_format = _number_format(value)
                widths[c] = max(widths[c], len(number_text(value)))
    _bold_header(sheet, bold)
    sheet.freeze_panes = "C2"
    _fit_columns(sheet, widths)
