"""报告 → 统计…: every figure of every report as one table, filtered, exported, and charted.

The rows come from ``workspace.statistics.rows()`` and are written by the same service code as
``hxdesk stats``.  The chart is painted with QPainter (no QtCharts: PySide6-Addons would add
hundreds of megabytes to the bundle).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import HxError
from ..figures import number_text
from ..model import FIGURE_KINDS
from .autosave import storage_errors

if TYPE_CHECKING:
    from ..services import StatisticsRow, Workspace

ALL = "全部"
COLUMNS = ("发文机关", "年度", "章节", "数据", "数值", "单位", "限定词", "类型", "报告")
COLORS = ("#0b57d0", "#c5221f", "#188038", "#e37400", "#8430ce", "#007b83", "#b31412", "#5f6368")
NO_BODY = "（未填写发文机关）"

Series = dict[str, list[tuple[int, Decimal]]]


def filter_rows(
    rows: Iterable[StatisticsRow], body: str | None = None, year: int | None = None, text: str = ""
) -> list[StatisticsRow]:
    """The rows of ``body`` (exactly) and ``year``, whose figure name contains ``text``."""
    needle = text.strip().lower()
    return [
        r
        for r in rows
        if (body is None or r.body == body)
        and (year is None or r.year == year)
        and (not needle or needle in r.label.lower())
    ]


def figure_choices(rows: Iterable[StatisticsRow]) -> list[tuple[str, str]]:
    """The figures (label, unit) of the rows, in order of first appearance."""
    out: list[tuple[str, str]] = []
    for r in rows:
        if (r.label, r.unit) not in out:
            out.append((r.label, r.unit))
    return out


def chart_series(rows: Iterable[StatisticsRow], label: str, unit: str) -> Series:
    """Each body's values of one figure (matched by label and unit) by year, oldest first;
    of two reports of one body and year the first listed counts, as in the spreadsheet."""
    series: dict[str, dict[int, Decimal | None]] = {}
    for r in rows:
        if r.label == label and r.unit == unit:
            series.setdefault(r.body or NO_BODY, {}).setdefault(r.year, r.value)
    return {
        body: sorted((y, v) for y, v in years.items() if v is not None)
        for body, years in series.items()
        if any(v is not None for v in years.values())
    }


def nice_top(value: Decimal) -> Decimal:
    """The top of the value axis: 1, 2, 2.5 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return Decimal(1)
    step = Decimal(1)
    while step * 10 <= value:
        step *= 10
    while step > value:
        step /= 10
    for m in (1, 2, Decimal("2.5"), 5, 10):
        if step * m >= value:
            return step * m
    return step * 10


class YearChart(QWidget):
    """One figure across years: a line (with its values) per issuing body."""

    MARGINS = (64, 44, 24, 40)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(220)
        self.title = ""
        self.unit = ""
        self.series: Series = {}

    def set_series(self, title: str, unit: str, series: Series) -> None:
        self.title, self.unit, self.series = title, unit, series
        self.update()

    def years(self) -> list[int]:
        return sorted({y for points in self.series.values() for y, _ in points})

    def top(self) -> Decimal:
        return nice_top(max((v for points in self.series.values() for _, v in points), default=Decimal(0)))

    def plot_rect(self, width: int | None = None, height: int | None = None) -> QRectF:
        left, top, right, bottom = self.MARGINS
        w = self.width() if width is None else width
        h = self.height() if height is None else height
        return QRectF(left, top, max(1, w - left - right), max(1, h - top - bottom))

    def points(self, width: int | None = None, height: int | None = None) -> dict[str, list[QPointF]]:
        """Where each body's values are drawn (widget pixels; a year centred in its slot)."""
        rect = self.plot_rect(width, height)
        years = self.years()
        top = self.top()
        slot = rect.width() / max(1, len(years))
        out = {}
        for body, values in self.series.items():
            out[body] = [
                QPointF(
                    rect.left() + slot * (years.index(y) + 0.5),
                    rect.bottom() - float(v / top) * rect.height() if v > 0 else rect.bottom(),
                )
                for y, v in values
            ]
        return out

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.series:
            painter.setPen(QColor("#5f6368"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "选择一项数据，在这里看它历年的变化。")
            painter.end()
            return
        rect = self.plot_rect()
        self._axes(painter, rect)
        self._lines(painter)
        self._legend(painter)
        painter.end()

    def _axes(self, painter: QPainter, rect: QRectF) -> None:
        title = QFont(self.font())
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor("#202124"))
        heading = self.title + (f"（{self.unit}）" if self.unit else "")
        painter.drawText(QRectF(rect.left(), 6, rect.width(), 20), Qt.AlignmentFlag.AlignLeft, heading)
        painter.setFont(self.font())
        top = self.top()
        for i in range(5):
            y = rect.bottom() - rect.height() * i / 4
            painter.setPen(QPen(QColor("#e0e3e7"), 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(QColor("#5f6368"))
            painter.drawText(
                QRectF(0, y - 9, rect.left() - 8, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number_text(top * i / 4),
            )
        years = self.years()
        slot = rect.width() / max(1, len(years))
        for n, year in enumerate(years):
            painter.drawText(
                QRectF(rect.left() + slot * n, rect.bottom() + 6, slot, 20), Qt.AlignmentFlag.AlignHCenter, f"{year}年"
            )
        painter.setPen(QPen(QColor("#5f6368"), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    def _lines(self, painter: QPainter) -> None:
        for n, (body, points) in enumerate(self.points().items()):
            color = QColor(COLORS[n % len(COLORS)])
            painter.setPen(QPen(color, 2.5))
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(color)
            for point, (_, value) in zip(points, self.series[body], strict=True):
                painter.setPen(QPen(color, 1))
                painter.drawEllipse(point, 4.5, 4.5)
                painter.setPen(color)
                painter.drawText(
                    QRectF(point.x() - 60, point.y() - 24, 120, 18), Qt.AlignmentFlag.AlignHCenter, number_text(value)
                )

    def _legend(self, painter: QPainter) -> None:
        x = float(self.width() - self.MARGINS[2])
        metrics = painter.fontMetrics()
        for n, body in reversed(list(enumerate(self.series))):
            color = QColor(COLORS[n % len(COLORS)])
            x -= metrics.horizontalAdvance(body) + 34
            painter.fillRect(QRectF(x, 12, 14, 10), color)
            painter.setPen(QColor("#202124"))
            painter.drawText(QPointF(x + 20, 22), body)


class StatsWindow(QWidget):
    """The statistics view: filters, the table, 导出 Excel…/导出 CSV…, and the chart."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.setWindowTitle("统计")
        self.resize(1200, 680)  # fits a 1366×768 screen with the task bar
        self.all_rows: list[StatisticsRow] = []
        self.unreadable: list[str] = []  # reports an older hxdesk let grow past the bounds: named, not counted
        self.rows: list[StatisticsRow] = []
        self.choices: list[tuple[str, str]] = []
        self.last_export: Path | None = None
        self.last_message: QWidget | None = None
        box = QVBoxLayout(self)
        box.addLayout(self._filter_bar())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 60, 90, 260, 80, 50, 60, 70)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._row_selected)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("图表数据："))
        self.figure = QComboBox()
        self.figure.setMinimumWidth(320)
        self.figure.currentIndexChanged.connect(self.update_chart)
        pick.addWidget(self.figure)
        pick.addStretch(1)
        chart_layout.addLayout(pick)
        self.chart = YearChart()
        chart_layout.addWidget(self.chart, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(chart_box)
        split.setSizes([330, 290])
        box.addWidget(split, 1)

    def _filter_bar(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel("所有报告中的数据（不含回收站）。可按发文机关、年度和数据名称筛选，导出为表格。"), 1)
        self.excel = QPushButton("导出 Excel…")
        self.csv = QPushButton("导出 CSV…")
        self.excel.clicked.connect(lambda: self.export(".xlsx"))
        self.csv.clicked.connect(lambda: self.export(".csv"))
        for button in (self.excel, self.csv):
            button.setMinimumWidth(button.sizeHint().width())
            head.addWidget(button)
        rows.addLayout(head)
        bar = QHBoxLayout()
        rows.addLayout(bar)
        bar.addWidget(QLabel("发文机关："))
        self.body = QComboBox()
        self.body.setMinimumWidth(220)
        bar.addWidget(self.body)
        bar.addWidget(QLabel("年度："))
        self.year = QComboBox()
        bar.addWidget(self.year)
        bar.addWidget(QLabel("数据名称："))
        self.text = QLineEdit()
        self.text.setPlaceholderText("输入关键字，如 行政复议")
        self.text.setClearButtonEnabled(True)
        bar.addWidget(self.text, 1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.body.currentIndexChanged.connect(self.apply_filters)
        self.year.currentIndexChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        return rows

    def reload(self) -> None:
        """Read the rows again (the reports may have changed), keeping the filters."""
        self.unreadable = []
        self.all_rows = self.workspace.statistics.rows(unreadable=self.unreadable)
        body, year = self.body.currentData(), self.year.currentData()
        for combo, items, keep in (
            (self.body, sorted({r.body for r in self.all_rows}), body),
            (self.year, sorted({r.year for r in self.all_rows}, reverse=True), year),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL, None)
            for item in items:
                combo.addItem(item or NO_BODY if combo is self.body else f"{item}年度", item)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
            combo.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.rows = filter_rows(self.all_rows, self.body.currentData(), self.year.currentData(), self.text.text())
        self._fill_table(self.rows)
        skipped = f"（{len(self.unreadable)} 份报告无法读取，未计入）" if self.unreadable else ""
        self.count.setText(f"共 {len(self.rows)} 条{skipped}")
        self.count.setToolTip("\n".join(self.unreadable))
        for button in (self.excel, self.csv):
            button.setEnabled(bool(self.rows))
        chosen = self.chosen_figure()
        self.choices = figure_choices(self.rows)
        self.figure.blockSignals(True)
        self.figure.clear()
        for label, unit in self.choices:
            self.figure.addItem(f"{label}（{unit}）" if unit else label)
        index = self.choices.index(chosen) if chosen in self.choices else self._best_choice()
        self.figure.setCurrentIndex(index)
        self.figure.blockSignals(False)
        self.update_chart()

    def chosen_figure(self) -> tuple[str, str] | None:
        """The figure (label, unit) the chart shows."""
        index = self.figure.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def choose_figure(self, label: str, unit: str) -> bool:
        if (label, unit) not in self.choices:
            return False
        self.figure.setCurrentIndex(self.choices.index((label, unit)))
        return True

    def _best_choice(self) -> int:
        """The first figure with values in more than one year (something to compare), else the first."""
        for i, (label, unit) in enumerate(self.choices):
            if any(len(v) > 1 for v in chart_series(self._chart_rows(), label, unit).values()):
                return i
        return 0 if self.choices else -1

    def _chart_rows(self) -> list[StatisticsRow]:
        """The chart spans the years: the body filter applies, the year filter does not."""
        return filter_rows(self.all_rows, self.body.currentData())

    def _fill_table(self, rows: Sequence[StatisticsRow]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, r in enumerate(rows):
            cells = (
                r.body,
                f"{r.year}",
                r.section,
                r.label,
                "" if r.value is None else number_text(r.value),
                r.unit,
                r.qualifier,
                FIGURE_KINDS.get(r.kind, r.kind),
                r.report_name,
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 4:
                    item.setTextAlignment(right)
                table.setItem(i, j, item)

    def _row_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            r = self.rows[items[0].row()]
            self.choose_figure(r.label, r.unit)

    def update_chart(self) -> None:
        data = self.chosen_figure()
        if data is None:
            self.chart.set_series("", "", {})
            return
        label, unit = data
        self.chart.set_series(label, unit, chart_series(self._chart_rows(), label, unit))

    def export(self, suffix: str) -> None:
        """导出 Excel… / 导出 CSV…: where to (asked again for an existing file), then write."""
        from .dialogs import ask_overwrite, choose_save_path, default_folder

        kind = "Excel 工作簿 (*.xlsx)" if suffix == ".xlsx" else "CSV 文件 (*.csv)"

        def choose(start: Path) -> Path | None:
            return choose_save_path(self, "导出统计表", start, kind, suffix)

        path = choose(default_folder(self.workspace) / f"统计{suffix}")
        path = path and ask_overwrite(self, path, choose)
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the rows shown (atomically; the same code as ``hxdesk stats``)."""
        from PySide6.QtWidgets import QMessageBox

        from .. import services

        try:
            written = services.write_statistics(self.rows, path)
            self.workspace.settings.set_last_folder(written.parent)
        except (HxError, *storage_errors()) as exc:
            text = exc.message if isinstance(exc, HxError) else f"无法写入文件：{exc}"
            box = QMessageBox(QMessageBox.Icon.Warning, "无法导出", text, QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # does not block (tests read ``last_message``)
            self.last_message = box
            return False
        self.last_export = written
        self.count.setText(f"共 {len(self.rows)} 条，已导出到 {written.name}")
        return True


def show_stats(workspace: Workspace, parent: QWidget | None, window: StatsWindow | None) -> StatsWindow:
    """Show the statistics window (``window`` again if still open), with the rows read afresh."""
    from shiboken6 import isValid

    if window is None or not isValid(window):
        window = StatsWindow(workspace, parent)
    window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
