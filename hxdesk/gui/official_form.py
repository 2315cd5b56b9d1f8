"""发文与版记: the 版头 and 版记 of the submit edition (发文机关标志, 发文字号, 签发人, 附件, 抄送, 印发),
with the defaults remembered per issuing body (机关代字, 签发人, 抄送机关)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QSpinBox

from ..interchange import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_YEAR, MIN_YEAR
from ..model import Attachment
from ..text import clean_line
from .forms import BaseForm, FormHost, QTextEditLines, _lines
from .widgets import guard_wheel, hint_label

if TYPE_CHECKING:
    from ..services.workspace import Settings

DEFAULTS_SETTING = "official_defaults"  # {issuing body: {"code": …, "signers": […], "cc": […]}}


def _names(text: str) -> list[str]:
    return [x for x in re.split(r"[\s\u3000、，,；;]+", clean_line(text)) if x]


_CELLS = re.compile(r"[|｜\t]")


def attachment_text(a: Attachment) -> str:
    """An attachment's content as the form shows it: a paragraph a line, then the table's rows
    with their cells separated by |."""
    return "\n".join([*a.paragraphs, *(" | ".join(row) for row in a.table)])


def parse_attachment_text(text: str) -> tuple[list[str], list[list[str]]]:
    """Paragraphs and table rows (lines with | or a tab) of the form's text; at most
    MAX_TABLE_COLUMNS cells a row (later ones join the last) and MAX_TABLE_ROWS rows."""
    paragraphs: list[str] = []
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not clean_line(line):
            continue
        if _CELLS.search(line):
            cells = [clean_line(c) for c in _CELLS.split(line.strip().strip("|｜"))]
            if len(cells) > MAX_TABLE_COLUMNS:
                cells = cells[: MAX_TABLE_COLUMNS - 1] + [" ".join(cells[MAX_TABLE_COLUMNS - 1 :])]
            rows.append(cells)
        else:
            paragraphs.append(clean_line(line))
    width = max((len(r) for r in rows), default=0)
    return paragraphs, [r + [""] * (width - len(r)) for r in rows[:MAX_TABLE_ROWS]]


class OfficialForm(BaseForm):
    """The fields of OfficialElements; empty fields leave the part out of the 报送版."""

    def __init__(self, host: FormHost, settings: Settings):
        # long: one row per element of the standard, in the order of the document
        super().__init__(host)
        self.settings = settings
        o = host.report.official
        form = self.titled_form("发文与版记")
        self.layout_.insertWidget(
            1, hint_label("只用于“报送版”：红头、发文字号、签发人和文末版记。普通版、公开版不含这些内容。")
        )
        self.bodies = QTextEditLines("\n".join(o.bodies), self._bodies)
        form.addRow("发文机关标志：", self.bodies)
        self.wenjian = QCheckBox("名称后加“文件”（联合行文时“文件”居右）")
        self.wenjian.setChecked(o.with_wenjian)
        self.wenjian.toggled.connect(self._wenjian)
        form.addRow("", self.wenjian)
        row = QHBoxLayout()
        self.code = QLineEdit(o.code)
        self.code.setPlaceholderText("机关代字，如 新田委文")
        self.code.textEdited.connect(self._code)
        self.doc_year = guard_wheel(QSpinBox())
        self.doc_year.setRange(MIN_YEAR - 1, MAX_YEAR)
        self.doc_year.setSpecialValueText("年份")
        self.doc_year.setValue(o.doc_year or MIN_YEAR - 1)
        self.doc_year.valueChanged.connect(self._number)
        self.doc_number = guard_wheel(QSpinBox())
        self.doc_number.setRange(0, 99999)
        self.doc_number.setSpecialValueText("序号")
        self.doc_number.setValue(o.doc_number or 0)
        self.doc_number.valueChanged.connect(self._number)
        for w in (self.code, self.doc_year, self.doc_number):
            row.addWidget(w)
        form.addRow("发文字号：", row)
        self.number_preview = hint_label("")
        form.addRow("", self.number_preview)
        self.signers = QLineEdit("、".join(o.signers))
        self.signers.setPlaceholderText("上行文须标注签发人；多人用顿号分隔")
        self.signers.textEdited.connect(self._signers)
        form.addRow("签发人：", self.signers)
        self.attachments = QTextEditLines("\n".join(a.title for a in o.attachments), self._attachments)
        form.addRow("附件名称：", self.attachments)
        form.addRow("", hint_label("每行一个附件；正文后写附件说明，附件另起页。"))
        self._loading = False
        self.attachment_pick = QComboBox()
        self.attachment_pick.currentIndexChanged.connect(self._pick_attachment)
        form.addRow("附件内容：", self.attachment_pick)
        self.attachment_body = QTextEditLines("", self._attachment_body)
        form.addRow("", self.attachment_body)
        form.addRow("", hint_label("每行一段；用“|”分隔各格的行排成表格（第一行为表头），在段落之后。"))
        self._refresh_attachments()
        self.cc = QTextEditLines("\n".join(o.cc), self._cc)
        form.addRow("抄送机关：", self.cc)
        self.printer = QLineEdit(o.printer)
        self.printer.setPlaceholderText("如 中共××镇委员会办公室")
        self.printer.textEdited.connect(self._printer)
        form.addRow("印发机关：", self.printer)
        date_row = QHBoxLayout()
        self.has_date = QCheckBox("填写")
        self.has_date.setChecked(o.print_date is not None)
        self.print_date = QDateEdit()
        self.print_date.setDisplayFormat("yyyy年M月d日")
        self.print_date.setCalendarPopup(True)
        d = o.print_date
        self.print_date.setDate(QDate(d.year, d.month, d.day) if d else QDate.currentDate())
        self.print_date.setEnabled(d is not None)
        self.has_date.toggled.connect(self._date)
        self.print_date.dateChanged.connect(lambda _d: self._date(self.has_date.isChecked()))
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.print_date, 1)
        form.addRow("印发日期：", date_row)
        self.layout_.addLayout(form)
        buttons = QHBoxLayout()
        self.remember = QPushButton("记住为本机关的默认值")
        self.remember.setToolTip("机关代字、签发人、抄送机关按发文机关记住，下次新报告可一键填入")
        self.remember.clicked.connect(self.remember_defaults)
        self.fill = QPushButton("填入本机关的默认值")
        self.fill.clicked.connect(self.fill_defaults)
        buttons.addWidget(self.remember)
        buttons.addWidget(self.fill)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.status = hint_label("")
        self.layout_.addWidget(self.status)
        self._preview()
        self.fill.setEnabled(bool(self._stored().get(self.body_key())))
        self.finish()

    # ------------------------------------------------------------ edits
    def _changed(self) -> None:
        self._preview()
        self.host.touch()

    def _preview(self) -> None:
        text = self.host.report.official.doc_number_text()
        self.number_preview.setText(
            f"显示为：{text}" if text else "三项都填写后显示，如 新田委文〔2026〕3号（不加“第”，不编虚位）"
        )

    def _bodies(self, text: str) -> None:
        self.host.report.official.bodies = _lines(text)
        self.fill.setEnabled(bool(self._stored().get(self.body_key())))
        self._changed()

    def _wenjian(self, on: bool) -> None:
        self.host.report.official.with_wenjian = on
        self._changed()

    def _code(self, text: str) -> None:
        self.host.report.official.code = clean_line(text)
        self._changed()

    def _number(self, _value: int) -> None:
        o = self.host.report.official
        o.doc_year = self.doc_year.value() if self.doc_year.value() >= MIN_YEAR else None
        o.doc_number = self.doc_number.value() or None
        self._changed()

    def _signers(self, text: str) -> None:
        self.host.report.official.signers = _names(text)
        self._changed()

    def _attachments(self, text: str) -> None:
        o = self.host.report.official
        old = {a.title: a for a in o.attachments}
        o.attachments = [old.get(t) or Attachment(t) for t in _lines(text)]  # paragraphs kept by title
        self._refresh_attachments()
        self._changed()

    def _refresh_attachments(self) -> None:
        """The 附件内容 choice follows the titles; the content shown is the chosen attachment's."""
        titles = [a.title for a in self.host.report.official.attachments]
        at = max(0, self.attachment_pick.currentIndex())
        self.attachment_pick.blockSignals(True)
        self.attachment_pick.clear()
        self.attachment_pick.addItems(titles)
        self.attachment_pick.setCurrentIndex(min(at, len(titles) - 1))
        self.attachment_pick.blockSignals(False)
        self._pick_attachment(self.attachment_pick.currentIndex())

    def _pick_attachment(self, index: int) -> None:
        items = self.host.report.official.attachments
        self.attachment_body.setEnabled(0 <= index < len(items))
        self._loading = True  # showing another attachment is no edit
        self.attachment_body.setPlainText(attachment_text(items[index]) if 0 <= index < len(items) else "")
        self._loading = False

    def _attachment_body(self, text: str) -> None:
        items = self.host.report.official.attachments
        index = self.attachment_pick.currentIndex()
        if not self._loading and 0 <= index < len(items):
            items[index].paragraphs, items[index].table = parse_attachment_text(text)
            self._changed()

    def _cc(self, text: str) -> None:
        self.host.report.official.cc = _lines(text)
        self._changed()

    def _printer(self, text: str) -> None:
        self.host.report.official.printer = clean_line(text)
        self._changed()

    def _date(self, on: bool) -> None:
        self.print_date.setEnabled(on)
        self.host.report.official.print_date = self.print_date.date().toPython() if on else None  # type: ignore[assignment]
        self._changed()

    # ------------------------------------------------------------ defaults per issuing body
    def body_key(self) -> str:
        r = self.host.report
        return (r.official.bodies or r.issuers or [""])[0]

    def _stored(self) -> dict[str, Any]:
        data = self.settings.get(DEFAULTS_SETTING, {})
        return data if isinstance(data, dict) else {}

    def remember_defaults(self) -> None:
        key = self.body_key()
        if not key:
            self.status.setText("请先填写发文机关标志或发文机关，再记住默认值。")
            return
        o = self.host.report.official
        data = self._stored()
        data[key] = {"code": o.code, "signers": list(o.signers), "cc": list(o.cc)}
        self.settings.set(DEFAULTS_SETTING, data)
        self.fill.setEnabled(True)
        self.status.setText(f"已记住“{key}”的机关代字、签发人和抄送机关。")

    def fill_defaults(self) -> None:
        d = self._stored().get(self.body_key())
        if not isinstance(d, dict):
            return
        code, signers, cc = d.get("code", ""), d.get("signers", []), d.get("cc", [])
        o = self.host.report.official
        o.code = clean_line(code) if isinstance(code, str) else ""
        o.signers = [clean_line(x) for x in signers if isinstance(x, str)] if isinstance(signers, list) else []
        o.cc = [clean_line(x) for x in cc if isinstance(x, str)] if isinstance(cc, list) else []
        self.code.setText(o.code)
        self.signers.setText("、".join(o.signers))
        self.cc.setPlainText("\n".join(o.cc))
        self.status.setText(f"已填入“{self.body_key()}”的默认值。")
        self._changed()
