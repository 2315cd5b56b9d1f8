"""The 检查 panel beside the form: the 校对 findings of the open report, grouped by part in
document order, updated a moment after typing stops; a double-click goes to the place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import services
from ..errors import HxError
from ..figuretext import FigureText

if TYPE_CHECKING:
    from ..checks import Finding
    from ..model import Report

#: Idle time after the last edit before the report is checked again (the checks take ~3 ms on
#: the sample, ~25 ms on a report ten times its size: never per keystroke).
CHECK_DELAY_MS = 600
FINDING_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"


class ChecksHost(Protocol):
    """What the panel needs from the editor."""

    report: Report | None
    workspace: services.Workspace

    def goto(self, target: tuple[str, ...], needle: str = "") -> None: ...
    def text_replaced(self) -> None: ...


def finding_target(finding: Finding) -> tuple[str, ...]:
    """The editor target of a finding's place."""
    if finding.section_uid:
        return ("section", finding.section_uid)
    if finding.field in ("signatures", "date"):
        return ("closing",)
    if finding.where == "开头段落":
        return ("intro",)
    return ("title",)


def finding_needle(report: Report, finding: Finding) -> str:
    """The characters to select, as the field shows them (【label】 for a figure)."""
    if finding.span is None:
        return ""
    raw = services.finding_text(report, finding)
    start, end = finding.span
    return FigureText(report).to_display(raw[start:end]) if raw else ""


class ChecksPanel(QObject):
    """Runs the checks when the report changes (debounced) and lists what they found."""

    def __init__(self, host: ChecksHost, parent: QWidget):
        super().__init__(parent)
        self.host = host
        self.widget = QWidget(parent)
        self.widget.setObjectName("checksPanel")
        self.widget.setMinimumWidth(220)
        box = QVBoxLayout(self.widget)
        box.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        title = QLabel("<b>检查</b>")
        top.addWidget(title)
        top.addStretch(1)
        self.recheck_button = QPushButton("重新检查")
        self.recheck_button.clicked.connect(self.run)
        top.addWidget(self.recheck_button)
        box.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("checksTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setContextMenuPolicy(self.tree.contextMenuPolicy().CustomContextMenu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        box.addWidget(self.tree, 1)
        hint = QLabel("双击一条跳到相应位置；右键可忽略。")
        hint.setStyleSheet("color: #5f6368;")
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.findings: list[Finding] = []
        self.dismissed = 0

    def changed(self) -> None:
        """The report changed: check it again once typing pauses."""
        if self.widget.isVisible():
            self.timer.start()

    def run(self) -> list[Finding]:
        self.timer.stop()
        report = self.host.report
        if report is None:
            self.findings, self.dismissed = [], 0
        else:
            self.findings, self.dismissed = services.open_findings(
                report, self.host.workspace.annotations.dismissed_findings(report.uid)
            )
        self._fill()
        return self.findings

    def _fill(self) -> None:
        tree = self.tree
        tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in self.findings:
            group = groups.get(finding.where)
            if group is None:
                group = groups[finding.where] = QTreeWidgetItem(tree, [finding.where])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            text = f"{finding.severity_label}　{finding.message}"
            if finding.excerpt:
                text += f"\n“{finding.excerpt}”"
            item = QTreeWidgetItem(group, [text])
            item.setData(0, FINDING_ROLE, self.findings.index(finding))
            item.setForeground(0, QBrush(QColor(ERROR_COLOUR if finding.severity == "error" else WARNING_COLOUR)))
            tip = text + (f"\n建议：{finding.suggestion}" if finding.suggestion else "")
            item.setToolTip(0, tip)  # the list is narrow: the whole message on hover
        tree.expandAll()
        errors = sum(1 for f in self.findings if f.severity == "error")
        warnings = len(self.findings) - errors
        if not self.findings:
            text = "没有发现问题。"
        else:
            text = f"错误 {errors} 处，提示 {warnings} 处。"
        if self.dismissed:
            text += f"（已忽略 {self.dismissed} 处）"
        self.summary.setText(text)

    def finding_of(self, item: QTreeWidgetItem | None) -> Finding | None:
        index = item.data(0, FINDING_ROLE) if item is not None else None
        return self.findings[index] if isinstance(index, int) and 0 <= index < len(self.findings) else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        finding = self.finding_of(item)
        if finding is not None:
            self.go(finding)

    def go(self, finding: Finding) -> None:
        report = self.host.report
        if report is not None:
            self.host.goto(finding_target(finding), finding_needle(report, finding))

    def dismiss(self, finding: Finding) -> None:
        report = self.host.report
        if report is not None:
            self.host.workspace.annotations.dismiss_finding(report.uid, finding)
            self.run()

    def _context_menu(self, pos: object) -> None:
        finding = self.finding_of(self.tree.itemAt(pos))  # type: ignore[call-overload]
        menu = QMenu(self.widget)
        if finding is not None:
            menu.addAction("跳到这里", lambda: self.go(finding))
            if finding.rule == "numbers.literal":
                menu.addAction("改为数据…", lambda: self.make_figure(finding))
            menu.addAction("加入易混词表…", lambda: self.add_word(finding))
            menu.addAction("忽略这一条（本报告）", lambda: self.dismiss(finding))
        if self.dismissed and self.host.report is not None:
            report = self.host.report
            menu.addAction(
                "恢复已忽略的检查",
                lambda: (self.host.workspace.annotations.restore_dismissed(report.uid), self.run()),
            )
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))  # type: ignore[call-overload]

    def make_figure(self, finding: Finding, label: str | None = None) -> str | None:
        """改为数据: the typed number becomes a figure (named by the clerk); returns its key."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        report = self.host.report
        if report is None or finding.span is None:
            return None
        if label is None:
            proposed = services.label_before(services.finding_text(report, finding), finding.span[0])
            label, ok = QInputDialog.getText(
                self.widget, "改为数据", f"把“{finding_needle(report, finding)}”改为一项数据，名称：", text=proposed
            )
            if not ok:
                return None
        try:
            key = services.make_figure(report, finding, label)
        except HxError as exc:
            QMessageBox.warning(self.widget, "改为数据", exc.message)
            return None
        self.host.text_replaced()
        self.run()
        return key

    def add_word(self, finding: Finding, wrong: str | None = None, right: str | None = None) -> bool:
        """加入易混词表: a word pair for the user's list (check_words.json in the data folder)."""
        from PySide6.QtWidgets import QMessageBox

        report = self.host.report
        if wrong is None or right is None:
            dialog = WordDialog(self.widget, finding_needle(report, finding) if report is not None else "")
            if not dialog.exec():
                return False
            wrong, right, note = dialog.values()
        else:
            note = ""
        try:
            services.add_user_word(wrong, right, note)
        except HxError as exc:
            QMessageBox.warning(self.widget, "加入易混词表", exc.message)
            return False
        self.run()
        return True


class WordDialog(QDialog):
    """误写 → 正确写法 (and a note), for the user's word list."""

    def __init__(self, parent: QWidget | None, wrong: str):
        super().__init__(parent)
        self.setWindowTitle("加入易混词表")
        form = QFormLayout(self)
        self.wrong = QLineEdit(wrong)
        self.right = QLineEdit()
        self.right.setPlaceholderText("例如：截至")
        self.note = QLineEdit()
        self.note.setPlaceholderText("可不填：为什么要这样写")
        form.addRow("误写：", self.wrong)
        form.addRow("应写作：", self.right)
        form.addRow("说明：", self.note)
        hint = QLabel("以后检查时，正文中出现“误写”的词就会提示。词表保存在数据文件夹的 check_words.json 中。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("加入")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.wrong.text(), self.right.text(), self.note.text()
