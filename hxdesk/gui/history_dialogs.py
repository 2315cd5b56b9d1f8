"""Nothing lost, in the editor: a section's earlier versions, the sections
deleted from the open report, and the backups of the database.

Each dialog is built in code around a list and a preview; the methods that do
the work (``restore``, ``backup_now``) are separate from the buttons so that
tests can drive them without clicking through message boxes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..errors import HxError
from ..figuretext import TOKEN_RE, FigureText
from ..history import FigureValue
from ..model import Block, Paragraph, PointList, Report, point_marker
from .widgets import heading_label, hint_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ..history import DeletedSection, SectionVersion
    from ..services import Workspace
    from ..services.workspace import BackupInfo


class Recovery(Protocol):
    """What the dialogs ask of their host (gui/recovery.py): the open report, the workspace, the restores."""

    @property
    def window(self) -> QMainWindow: ...
    @property
    def workspace(self) -> Workspace: ...
    @property
    def report(self) -> Report: ...
    @property
    def report_id(self) -> int: ...
    def target_name(self, target: tuple[str, ...]) -> str: ...
    def save_now(self) -> bool: ...
    def restore_section_version(self, version_id: int) -> bool: ...
    def restore_deleted_section(self, entry_id: int) -> bool: ...
    def restore_backup(self, backup: BackupInfo) -> Path | None: ...


ITEM_ROLE = Qt.ItemDataRole.UserRole
FIGURE_STYLE = "background:#dbe9ff; color:#0b4f9c;"
YEAR_STYLE = "background:#dff3e3; color:#1c6b2f;"


def when(stamp: str) -> str:
    """2026-11-25T09:30:12 → 2026-11-25 09:30:12"""
    return (stamp or "").replace("T", " ")


def _marked(text: str, codec: FigureText) -> str:
    """HTML of one paragraph with figures marked as the editor marks them (【受理来信来访】 in blue)."""
    shown = codec.to_display(text)
    out, pos = [], 0
    for m in TOKEN_RE.finditer(shown):
        out.append(html.escape(shown[pos : m.start()]))
        kind = codec.kind(m.group(1))
        style = YEAR_STYLE if kind == "year" else FIGURE_STYLE if kind else ""
        token = html.escape(m.group(0))
        out.append(f'<span style="{style}">{token}</span>' if style else token)
        pos = m.end()
    out.append(html.escape(shown[pos:]))
    return "".join(out)


def section_html(heading: str, blocks: list[Block], codec: FigureText, children: list[str] | None = None) -> str:
    """A section as the preview pane shows it: the heading, then each paragraph."""
    parts = [f"<p style='font-size:13pt'><b>{_marked(heading, codec) or '（无标题）'}</b></p>"]
    for b in blocks:
        if isinstance(b, Paragraph):
            parts.append(f"<p>{_marked(b.text, codec)}</p>")
        elif isinstance(b, PointList):
            if b.lead:
                parts.append(f"<p>{_marked(b.lead, codec)}</p>")
            items = "".join(
                f"<p style='margin-left:16px'>{point_marker(i)}{_marked(t, codec)}</p>" for i, t in enumerate(b.items)
            )
            parts.append(items)
    if not blocks:
        parts.append("<p style='color:#5f6368'>（没有正文）</p>")
    if children:
        lines = "".join(f"<li>{_marked(h, codec) or '（无标题）'}</li>" for h in children)
        parts.append(f"<p style='color:#5f6368'>一并恢复的下级章节：</p><ul>{lines}</ul>")
    return "".join(parts)


def figure_now(kept: FigureValue, report: Report) -> str | None:
    """How a recorded figure stands now when a restore would change it; None when it is the same."""
    fig = report.figures.get(kept.key)
    if fig is None:
        return "已不在报告中，不恢复"
    if fig.derived:
        return "现为自动计算，不恢复"
    now = FigureValue.of(fig)
    return None if now.state == kept.state else f"现为{now.text()}"


def figures_html(figures: list[FigureValue] | None, report: Report, heading: str) -> str:
    """The figures a version recorded, each with what it is now if that differs."""
    grey = "color:#5f6368"
    if figures is None:
        return f"<p style='{grey}'>（这一版本保存于旧版程序，没有记录数据的数值；恢复时数据保持现状。）</p>"
    if not figures:
        return ""
    lines = []
    for f in figures:
        now = figure_now(f, report)
        line = html.escape(f.line())
        lines.append(
            f"<li><b>{line}</b><span style='{grey}'>（{html.escape(now)}）</span></li>" if now else f"<li>{line}</li>"
        )
    return f"<p style='{grey}'>{heading}</p><ul>{''.join(lines)}</ul>"


def body_start(blocks: list[Block], codec: FigureText, limit: int = 26) -> str:
    """The first words of the text, for a list of versions (the heading rarely differs)."""
    from ..model import block_paragraph_texts

    text = "".join(t for b in blocks for t in block_paragraph_texts(b)).strip()
    text = codec.to_display(text)
    return text if len(text) <= limit else text[:limit] + "…"


class _ListDialog(QDialog):
    """A list on the left, a preview on the right, a hint and buttons below."""

    def __init__(self, parent: QWidget | None, title: str, heading: str, hint: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 560)
        box = QVBoxLayout(self)
        box.addWidget(heading_label(heading, 3))
        self.hint = hint_label(hint)
        box.addWidget(self.hint)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.currentRowChanged.connect(self._show_preview)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([330, 510])
        box.addWidget(split, 1)
        self.empty = hint_label("")
        self.empty.hide()
        box.addWidget(self.empty)
        row = QHBoxLayout()
        self.restore_button = QPushButton("恢复")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_clicked)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        box.addLayout(row)

    def _show_preview(self, row: int) -> None:
        raise NotImplementedError

    def _restore_clicked(self) -> None:
        raise NotImplementedError

    def _fill(self, rows: list[tuple[str, object]], empty_text: str) -> None:
        self.list.clear()
        for text, data in rows:
            item = QListWidgetItem(text)
            item.setData(ITEM_ROLE, data)
            self.list.addItem(item)
        self.restore_button.setEnabled(bool(rows))
        self.empty.setText(empty_text)
        self.empty.setVisible(not rows)
        if rows:
            self.list.setCurrentRow(0)
        else:
            self.preview.clear()

    def current(self):
        item = self.list.currentItem()
        return item.data(ITEM_ROLE) if item is not None else None


# ---------------------------------------------------------------- 历史版本


class SectionHistoryDialog(_ListDialog):
    """历史版本: the earlier versions of one section, newest first, and restoring one."""

    def __init__(self, recovery: Recovery, section_uid: str):
        self.recovery = recovery
        self.uid = section_uid
        name = recovery.target_name(("section", section_uid))
        super().__init__(
            recovery.window,
            "历史版本",
            f"历史版本：{name}",
            "每次修改后都会保留修改前的内容（连续输入时每分钟保留一个版本）。"
            "恢复一个版本后，现在的内容也会保留在这里，随时可以换回来。",
        )
        self.restore_button.setText("恢复此版本")
        self.versions: list[SectionVersion] = []
        self.reload()

    def reload(self) -> None:
        self.versions = self.recovery.workspace.history.versions(self.recovery.report_id, self.uid)
        report = self.recovery.report
        codec = FigureText(report)
        rows = []
        for v in self.versions:
            text = f"{when(v.saved_at)}\n    {body_start(v.blocks, codec) or v.heading or '（空白）'}"
            differ = [f.line() for f in v.figures or [] if figure_now(f, report)]
            if differ:  # a version kept for a figure has the same text as now: say what differs
                text += "\n    数据：" + "、".join(differ)
            rows.append((text, v.id))
        self._fill(rows, "这一节还没有历史版本：修改并保存后，这里会列出修改前的内容。")

    def _show_preview(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            v = self.versions[row]
            codec = FigureText(self.recovery.report)
            self.preview.setHtml(
                f"<p style='color:#5f6368'>{when(v.saved_at)} 保存，{when(v.replaced_at)} 被修改</p>"
                + section_html(v.heading, v.blocks, codec)
                + figures_html(v.figures, self.recovery.report, "这一版本中的数据（恢复时一并恢复）：")
            )

    def restore(self, version_id: int) -> None:
        """Give the section this version's content (the editor shows it at once)."""
        self.recovery.restore_section_version(version_id)
        self.reload()

    def _restore_clicked(self) -> None:
        vid = self.current()
        if vid is not None:
            self.restore(vid)


# ---------------------------------------------------------------- 已删除的章节


class DeletedSectionsDialog(_ListDialog):
    """已删除的章节: what was deleted from the open report, put back where it stood."""

    def __init__(self, recovery: Recovery):
        self.recovery = recovery
        super().__init__(
            recovery.window,
            "已删除的章节",
            "已删除的章节",
            "从本报告中删除的章节（连同其下级章节）都保存在这里，可以放回原来的位置。",
        )
        self.restore_button.setText("恢复到原处")
        self.entries: list[DeletedSection] = []
        self.reload()

    def reload(self) -> None:
        self.entries = self.recovery.workspace.history.deleted_sections(self.recovery.report_id)
        codec = FigureText(self.recovery.report)
        rows = []
        for d in self.entries:
            extra = f"（含 {len(d.descendants)} 个下级章节）" if d.descendants else ""
            heading = codec.to_display(d.heading) or "（无标题）"
            origin = d.origin(self.recovery.report) if self.recovery.report is not None else ""
            rows.append((f"{when(d.deleted_at)} 删除\n    {heading}{extra}\n    {origin}", d.id))
        self._fill(rows, "本报告没有已删除的章节。")

    def _show_preview(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            d = self.entries[row]
            codec = FigureText(self.recovery.report)
            children = [v.heading for v in sorted(d.descendants, key=lambda v: v.position)]
            self.preview.setHtml(
                f"<p style='color:#5f6368'>{when(d.deleted_at)} 删除；"
                f"{html.escape(d.origin(self.recovery.report)) if self.recovery.report is not None else ''}</p>"
                + section_html(d.entry.heading, d.entry.blocks, codec, children)
                + figures_html(d.entry.figures, self.recovery.report, "删除时的数据（恢复章节时数据保持现状）：")
            )

    def restore(self, entry_id: int) -> None:
        self.recovery.restore_deleted_section(entry_id)
        self.reload()

    def _restore_clicked(self) -> None:
        entry = self.current()
        if entry is not None:
            self.restore(entry)


# ---------------------------------------------------------------- 备份与恢复


def size_text(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def open_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BackupDialog(QDialog):
    """备份与恢复: the backups (time, kind, size, checked), backing up now, restoring one."""

    COLUMNS = ("备份时间", "类型", "大小", "检查")

    def __init__(self, recovery: Recovery):
        super().__init__(recovery.window)
        self.recovery = recovery
        self.setWindowTitle("备份与恢复")
        self.resize(820, 540)
        box = QVBoxLayout(self)
        box.addWidget(heading_label("备份与恢复", 3))
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        box.addWidget(self.where)
        self.backup_folder = recovery.workspace.backups.folder
        folders = QHBoxLayout()
        self.open_data_button = QPushButton("打开数据文件夹")
        self.open_data_button.clicked.connect(lambda: self._open(recovery.workspace.data_folder))
        self.open_backups_button = QPushButton("打开备份文件夹")
        self.open_backups_button.clicked.connect(lambda: self._open(self.backup_folder))
        folders.addWidget(self.open_data_button)
        folders.addWidget(self.open_backups_button)
        folders.addStretch(1)
        box.addLayout(folders)
        box.addWidget(
            hint_label(
                "程序每次启动时和每天自动备份一次，保留最近 10 份和最近 7 天每天的一份。"
                "恢复备份时，现在的数据库文件不会删除，而是改名后留在同一文件夹中。"
            )
        )
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 8px; } QHeaderView::section { padding: 4px 8px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        box.addWidget(self.table, 1)
        self.message = hint_label("")
        box.addWidget(self.message)
        row = QHBoxLayout()
        self.backup_button = QPushButton("立即备份")
        self.backup_button.clicked.connect(self._backup_clicked)
        self.restore_button = QPushButton("恢复所选备份…")
        self.restore_button.clicked.connect(self._restore_clicked)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        box.addLayout(row)
        self.backups: list = []
        self.good: dict[Path, bool] = {}
        self.reload()

    def _open(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        if not open_folder(folder):
            QMessageBox.information(self, "打开文件夹", f"无法打开文件夹，请在资源管理器中打开：\n{folder}")

    def reload(self, select: Path | None = None) -> None:
        workspace = self.recovery.workspace
        self.where.setText(f"数据库：{workspace.path}\n备份文件夹：{self.backup_folder}")
        self.backups = workspace.backups.all()
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            good = self.good.get(b.path)
            if good is None:
                good = self.good[b.path] = workspace.backups.is_good(b)
            kind = b.label.split("（", 1)[1].rstrip("）") if "（" in b.label else b.kind
            cells = (f"{b.created:%Y-%m-%d %H:%M:%S}", kind, size_text(b.size), "✓ 完好" if good else "✗ 已损坏")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 3:
                    item.setForeground(Qt.GlobalColor.darkGreen if good else Qt.GlobalColor.red)
                self.table.setItem(i, j, item)
            if b.path == select:
                self.table.selectRow(i)
        if self.backups and not self.table.selectedItems():
            self.table.selectRow(0)
        if not self.backups:
            self.message.setText("还没有备份。点“立即备份”制作第一份。")
        self._selection_changed()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        b = self.selected()
        self.restore_button.setEnabled(b is not None and self.good.get(b.path, False))

    def backup_now(self):
        """A manual backup now (the editor's edits are saved first); returns its BackupInfo."""
        self.recovery.save_now()
        made = self.recovery.workspace.backups.make()
        self.reload(select=made.path)
        self.message.setText(f"已备份：{made.label}")
        return made

    def _backup_clicked(self) -> None:
        try:
            self.backup_now()
        except HxError as exc:
            QMessageBox.warning(self, "无法备份", exc.message)

    def confirm_text(self, backup) -> str:
        path = self.recovery.workspace.path
        return (
            f"用 {backup.created:%Y-%m-%d %H:%M:%S} 的备份替换现在的全部数据？\n\n"
            "这份备份之后所做的修改将不再显示。\n"
            f"现在的数据库文件不会删除：它会改名为“{path.name}.replaced-日期时间”，"
            "留在原来的文件夹中，需要时可以找回。\n\n"
            f"文件夹：{path.parent}"
        )

    def restore(self, backup) -> Path | None:
        """Put ``backup`` in place of the database (the window reopens it); returns the kept old file."""
        aside = self.recovery.restore_backup(backup)
        self.good.clear()
        self.reload()
        where = aside.name if aside else "（原来没有数据库文件）"
        self.message.setText(f"已恢复 {backup.created:%Y-%m-%d %H:%M:%S} 的备份。原来的数据库保存为：{where}")
        return aside

    def _restore_clicked(self) -> None:
        b = self.selected()
        if b is None:
            return
        answer = QMessageBox.question(
            self,
            "恢复备份",
            self.confirm_text(b),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.restore(b)
        except HxError as exc:
            QMessageBox.warning(self, "无法恢复", exc.message)
            return
        QMessageBox.information(self, "恢复备份", self.message.text())


__all__ = ["SectionHistoryDialog", "DeletedSectionsDialog", "BackupDialog", "section_html"]
