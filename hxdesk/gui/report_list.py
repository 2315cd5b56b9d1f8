"""The report list page: 我的报告 and 回收站, and the commands on the selected report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from ..errors import HxError
from .autosave import storage_errors

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ..model import ImportNote
    from ..services import ReportSummary, Workspace
    from .uiload import UiHolder

REPORT_ID_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (item data roles are plain ints to Qt)


class ListHost(Protocol):
    """What the list page needs from the window."""

    workspace: Workspace
    window: QMainWindow
    ui: UiHolder

    def status(self, text: str) -> None: ...
    def message(self, title: str, text: str, *, warning: bool = False) -> QMessageBox: ...
    def save_now(self) -> bool: ...
    def open_report(self, report_id: int) -> None: ...
    def leave_editor(self) -> None: ...


class ReportListPage(QObject):
    """Fills the report table and runs 新建、打开、下一年度、复制、重命名、删除、还原、导入."""

    def __init__(self, host: ListHost):
        super().__init__(host.window)
        self.host = host
        ui = host.ui
        big = QFont(ui.listTitle.font())
        big.setPointSizeF(big.pointSizeF() + 6)
        big.setBold(True)
        ui.listTitle.setFont(big)
        ui.listHint.setStyleSheet("color: #5f6368;")
        table = ui.reportTable
        header = table.horizontalHeader()
        for column, mode in enumerate(("Fixed", "Interactive", "Stretch", "Fixed")):
            header.setSectionResizeMode(column, getattr(QHeaderView.ResizeMode, mode))
        # fixed widths from the widest text a column holds, so that an empty list keeps its shape
        header.setStretchLastSection(False)  # the title column takes the room
        metrics = table.fontMetrics()
        table.setColumnWidth(0, metrics.horizontalAdvance("2026年度") + 40)
        table.setColumnWidth(3, metrics.horizontalAdvance("2026-12-31 23:59") + 40)
        # a property write by key names (as in the compiled .ui): no Qt namespace needed
        header.setProperty("defaultAlignment", "AlignLeft|AlignVCenter")
        table.setColumnWidth(1, 300)
        table.verticalHeader().setDefaultSectionSize(36)
        table.setStyleSheet("QTableWidget::item { padding: 0 10px; } QHeaderView::section { padding: 4px 10px; }")
        table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        table.itemSelectionChanged.connect(self._update_buttons)
        for button, slot in (
            (ui.newButton, self.new_report),
            (ui.openButton, self.open_selected),
            (ui.nextYearButton, self.next_year_from_selected),
            (ui.duplicateButton, self.duplicate_selected),
            (ui.renameButton, self.rename_selected),
            (ui.deleteButton, self.delete_selected),
            (ui.restoreButton, self.restore_selected),
            (ui.purgeButton, self.purge_selected),
            (ui.importButton, self.import_file),
            (ui.statsButton, ui.actionStats.trigger),
        ):
            button.clicked.connect(slot)
        ui.trashButton.toggled.connect(lambda _: self.refresh())

    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (the reports, or the trash) and select ``select_id``."""
        if self.workspace is None:
            return
        trash = self.host.ui.trashButton.isChecked()
        self.fill(self.workspace.reports.summaries(trash=trash), trash, select_id)

    def fill(self, rows: list[ReportSummary], trash: bool = False, select_id: int | None = None) -> None:
        """Show ``rows``; at start-up from the quick read before the database is open (the page is
        disabled until it is)."""
        ui = self.host.ui
        table = ui.reportTable
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            when = (r.deleted_at if trash else r.updated_at) or ""
            cells = [
                f"{r.year}年度",
                r.display_name,
                r.title.replace("{{year}}", str(r.year)).replace("\n", " "),
                when.replace("T", " ")[:16],
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(REPORT_ID_ROLE, r.id)
                table.setItem(i, j, item)
            if r.id == select_id:
                table.selectRow(i)
        if select_id is None and rows:
            table.selectRow(0)
        ui.listTitle.setText("回收站" if trash else "我的报告")
        if trash:
            hint = (
                "回收站中的报告可以还原；彻底删除后无法恢复。"
                if rows
                else "回收站是空的。删除的报告会先放到这里，可以随时还原。"
            )
        else:
            hint = (
                "双击一份报告开始编辑。所有修改都会自动保存在本机，无需手动保存。"
                if rows
                else "还没有报告。点“新建报告…”从模板开始，或点“导入…”读入去年的 Word 文件。"
            )
        ui.listHint.setText(hint)
        table.setHorizontalHeaderItem(3, QTableWidgetItem("删除时间" if trash else "最后修改"))
        for w in (
            ui.newButton,
            ui.nextYearButton,
            ui.openButton,
            ui.duplicateButton,
            ui.renameButton,
            ui.deleteButton,
            ui.importButton,
            ui.statsButton,
        ):
            w.setVisible(not trash)
        ui.restoreButton.setVisible(trash)
        ui.purgeButton.setVisible(trash)
        ui.trashButton.setText("返回报告列表" if trash else "回收站")
        self._update_buttons()

    def selected_id(self) -> int | None:
        items = self.host.ui.reportTable.selectedItems()
        return items[0].data(REPORT_ID_ROLE) if items else None

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        ui = self.host.ui
        for w in (
            ui.openButton,
            ui.nextYearButton,
            ui.duplicateButton,
            ui.renameButton,
            ui.deleteButton,
            ui.restoreButton,
            ui.purgeButton,
        ):
            w.setEnabled(has)

    def new_report(self, previous_id: int | None = None) -> None:
        """新建 (or, with ``previous_id``, 新建下一年度 from that report)."""
        if self.workspace is None:
            return
        self.host.save_now()
        from .dialogs import NewReportDialog

        dialog = NewReportDialog(self.workspace, self.host.window, previous_id=previous_id)
        new_id = dialog.exec()
        if new_id is not None:
            self.host.open_report(new_id)
            self.show_import_notes(dialog.notes)

    def next_year_from_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.new_report(previous_id=rid)

    def open_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None and not self.host.ui.trashButton.isChecked():
            self.host.open_report(rid)

    def duplicate_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.refresh(self.workspace.reports.duplicate(rid))

    def rename_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        rid = self.selected_id()
        if rid is None:
            return
        report = self.workspace.reports.load(rid)
        name, ok = QInputDialog.getText(
            self.host.window, "重命名", "报告名称（只在列表中显示）：", QLineEdit.EchoMode.Normal, report.display_name()
        )
        if ok:
            self.rename(rid, name)

    def rename(self, report_id: int, name: str) -> None:
        from ..text import clean_line

        self.workspace.reports.rename(report_id, clean_line(name))
        self.refresh(report_id)

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rid = self.selected_id()
        if rid is None:
            return
        s = self.workspace.reports.summary(rid)
        answer = QMessageBox.question(
            self.host.window,
            "删除报告",
            f"把“{s.year}年度 {s.display_name}”移到回收站？\n\n之后可以在回收站中还原。",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.reports.move_to_trash(rid)
            self.refresh()

    def restore_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.workspace.reports.restore_from_trash(rid)
            self.refresh()
            self.host.status("报告已还原到报告列表。")

    def purge_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rid = self.selected_id()
        if rid is None:
            return
        s = self.workspace.reports.summary(rid)
        answer = QMessageBox.warning(
            self.host.window,
            "彻底删除",
            f"彻底删除“{s.year}年度 {s.display_name}”？\n\n删除后无法恢复。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.reports.purge(rid)
            self.refresh()

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.workspace is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.host.window, "导入报告", "", "报告文件 (*.docx *.txt *.json *.doc *.wps);;所有文件 (*)"
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> int | None:
        """Import a file as a new report; the importer's notes (tables, pictures …) are shown after."""
        self.host.save_now()
        try:
            new_id, notes = self.workspace.reports.import_file(path)
        except (HxError, *storage_errors()) as exc:
            self.host.message("无法导入", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return None
        self.host.ui.trashButton.setChecked(False)
        self.host.leave_editor()
        self.refresh(new_id)
        self.host.status("已导入。双击即可打开编辑。")
        self.show_import_notes(notes)
        return new_id

    def show_import_notes(self, notes: list[ImportNote]) -> None:
        if notes:
            self.host.message(
                "导入完成",
                "已导入为新的报告。请注意：\n\n"
                + "\n".join(f"· {n.sentence}" for n in notes)
                + "\n\n双击报告即可打开核对。",
            )
