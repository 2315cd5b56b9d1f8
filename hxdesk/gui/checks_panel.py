"""The 检查 panel beside the form: the 校对 findings of the open report, grouped by part in
document order, updated a moment after typing stops; a double-click goes to the place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import services
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
    raw = typed_text(report, finding)
    start, end = finding.span
    return FigureText(report).to_display(raw[start:end]) if raw else ""


def typed_text(report: Report, finding: Finding) -> str:
    """The typed text a finding's span counts in."""
    from ..model import Paragraph

    if finding.section_uid:
        section = report.find(finding.section_uid)
        if section is None:
            return ""
        if finding.field == "heading":
            return section.heading
        blocks = section.blocks
    elif finding.where == "开头段落":
        blocks = report.intro
    else:
        texts = {"title": report.title, "addressee": report.addressee}
        return texts.get(str(finding.field), "")
    if not isinstance(finding.field, int) or not 0 <= finding.field < len(blocks):
        return ""
    block = blocks[finding.field]
    if isinstance(block, Paragraph):
        return block.text
    if finding.item is None:
        return block.lead
    return block.items[finding.item] if 0 <= finding.item < len(block.items) else ""


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
            self.findings, self.dismissed = services.open_findings(report, self.host.workspace.settings)
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
            services.dismiss_finding(self.host.workspace.settings, report.uid, finding)
            self.run()

    def _context_menu(self, pos: object) -> None:
        finding = self.finding_of(self.tree.itemAt(pos))  # type: ignore[call-overload]
        menu = QMenu(self.widget)
        if finding is not None:
            menu.addAction("跳到这里", lambda: self.go(finding))
            menu.addAction("忽略这一条（本报告）", lambda: self.dismiss(finding))
        if self.dismissed and self.host.report is not None:
            report = self.host.report
            menu.addAction(
                "恢复已忽略的检查",
                lambda: (services.restore_dismissed(self.host.workspace.settings, report.uid), self.run()),
            )
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))  # type: ignore[call-overload]
