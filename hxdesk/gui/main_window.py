"""The main window: the report list and the editor (navigator + form).

The window keeps one in-memory Report for the open report and writes the
whole report with ``workspace.reports.save`` 0.25 s after the last edit (and at the
latest 0.45 s after the first unsaved edit while typing goes on), on
Ctrl+S, when another report is opened and when the window closes.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableWidgetItem

from .. import __version__
from ..errors import HxError
from .uiload import UiHolder, load_ui

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

    from ..model import Report, Section
    from ..services import Workspace
    from .dialogs import FindDialog, GenerateDialog
    from .figuretext import FigureText
    from .forms import BaseForm
    from .widgets import TextField

# services, the store, the dialogs (python-docx, sqlite-utils), the forms and
# the report model are imported when first needed, so that the window is
# painted before they load.  So are the Qt classes the report list does not
# use: PySide6 builds a class's Python enums when the class is first imported,
# and the ``Qt`` namespace alone has ~95 of them (about 25 ms).

SAVE_DELAY_MS = 250  # after the last keystroke
SAVE_MAX_DELAY_MS = (
    450  # after the first unsaved keystroke, even while typing goes on (the write itself needs time too)
)
TARGET_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (item data roles are plain ints to Qt)
TITLE, INTRO, CLOSING = ("title",), ("intro",), ("closing",)
LEVEL_HOLDER_NAME = "（不显示的层级）"  # Section.holds_level: no heading line, children numbered one level down


def _db_error() -> tuple[type[Exception], ...]:
    """The storage failures (sqlite3.Error, OSError), loaded only when an error is handled."""
    from ..services import STORAGE_ERRORS

    return STORAGE_ERRORS


def _short(text: str, n: int = 36) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class MainWindow(QObject):
    """Controller of the QMainWindow loaded from ui/main_window.ui."""

    def __init__(self, workspace: Workspace | None = None):
        super().__init__()
        self.workspace: Workspace = workspace  # type: ignore[assignment]  # None until attach()
        self.window: QMainWindow = load_ui("main_window.ui")  # type: ignore[assignment]
        self.ui = ui = UiHolder(self.window)
        self.report: Report | None = None
        self.report_id: int | None = None
        self.form: BaseForm | None = None
        self.last_field: TextField | None = None
        self.dirty = False
        self.last_saved: str | None = None
        self._save_error_shown = 0.0
        self.find_dialog: FindDialog | None = None
        self.items: dict[tuple[str, ...], QTreeWidgetItem] = {}

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_now)
        self.max_timer = QTimer(self)
        self.max_timer.setSingleShot(True)
        self.max_timer.setInterval(SAVE_MAX_DELAY_MS)
        self.max_timer.timeout.connect(self.save_now)

        big = QFont(ui.listTitle.font())
        big.setPointSizeF(big.pointSizeF() + 6)
        big.setBold(True)
        ui.listTitle.setFont(big)
        ui.listHint.setStyleSheet("color: #5f6368;")
        table = ui.reportTable
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # a property write by key names (as in the compiled .ui): no Qt namespace needed
        table.horizontalHeader().setProperty("defaultAlignment", "AlignLeft|AlignVCenter")
        table.setColumnWidth(1, 300)
        table.verticalHeader().setDefaultSectionSize(36)
        table.setStyleSheet("QTableWidget::item { padding: 0 10px; } QHeaderView::section { padding: 4px 10px; }")
        table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        table.itemSelectionChanged.connect(self._update_list_buttons)

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
        ):
            button.clicked.connect(slot)
        ui.trashButton.toggled.connect(lambda _: self.refresh_list())
        for action, slot in (
            (ui.actionNew, self.new_report),
            (ui.actionImport, self.import_file),
            (ui.actionExportJson, self.export_json),
            (ui.actionSave, self.save_now),
            (ui.actionGenerate, self.generate),
            (ui.actionBackToList, self.back_to_list),
            (ui.actionQuit, self.window.close),
            (ui.actionUndo, lambda: self._edit("undo")),
            (ui.actionRedo, lambda: self._edit("redo")),
            (ui.actionFind, self.find),
            (ui.actionSettings, self.settings),
            (ui.actionAbout, self.about),
            (ui.actionBackups, self.backups),
            (ui.actionSectionHistory, self.section_history),
            (ui.actionDeletedSections, self.deleted_sections),
        ):
            action.triggered.connect(slot)
        self.editor_built = False  # ensure_editor() builds the editor page when a report is first opened
        self.last_message: QMessageBox | None = None
        self.open_dialog = None  # the history/trash/backup dialog on screen
        self.show_list()
        if workspace is not None:
            self.attach(workspace)
        else:
            self.ui.pages.setEnabled(False)
            ui.listHint.setText("正在打开数据……")

    def ensure_editor(self) -> None:
        """Build the editor page (navigator and form area) the first time a report is opened.

        Staff see the report list first; without the editor it is painted
        sooner (the splitter alone loads the ``Qt`` namespace's ~95 enums).
        """
        if self.editor_built:
            return
        page = load_ui("editor_page.ui", self.ui.pages)
        self.ui.pages.addWidget(page)
        ui = self.ui
        header_font = QFont(ui.reportHeader.font())
        header_font.setBold(True)
        header_font.setPointSizeF(header_font.pointSizeF() + 1)
        ui.reportHeader.setFont(header_font)
        ui.splitter.setSizes([340, 940])
        ui.splitter.setStretchFactor(1, 1)
        for button, slot in (
            (ui.addSectionButton, lambda: self.structure_op("add")),
            (ui.insertSectionButton, lambda: self.structure_op("insert")),
            (ui.addChildButton, lambda: self.structure_op("child")),
            (ui.deleteSectionButton, lambda: self.structure_op("delete")),
            (ui.moveUpButton, lambda: self.structure_op("up")),
            (ui.moveDownButton, lambda: self.structure_op("down")),
            (ui.outdentButton, lambda: self.structure_op("outdent")),
            (ui.indentButton, lambda: self.structure_op("indent")),
        ):
            button.clicked.connect(slot)
        ui.navTree.currentItemChanged.connect(self._tree_selection_changed)
        ui.navTree.customContextMenuRequested.connect(self._nav_context_menu)
        # Closing the window saves the open report (and asks if that fails): from now on there is one.
        self.window.installEventFilter(self)
        self.editor_built = True

    def attach(self, workspace: Workspace) -> None:
        """Show the reports of ``workspace`` (the window may be painted before it is opened)."""
        self.workspace = workspace
        self.ui.pages.setEnabled(True)
        self.refresh_list()

    # ------------------------------------------------------------ window
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.window and event.type() == QEvent.Type.Close:
            if not self.save_now() and not self._close_anyway():
                event.ignore()
                return True
            if self.find_dialog:
                self.find_dialog.dialog.close()
        return False

    def _close_anyway(self) -> bool:
        """Saving failed while closing: ask before the last edits are lost."""
        import os

        from PySide6.QtWidgets import QMessageBox

        if os.environ.get("HXDESK_NO_ERROR_DIALOG"):
            return True
        answer = QMessageBox.warning(
            self.window,
            "尚未保存",
            "最近的修改没能保存到数据库。仍要关闭吗？\n\n选“否”留在程序中，可稍后再试（Ctrl+S）。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show(self) -> None:
        self.window.show()

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

    def _update_actions(self) -> None:
        editing = self.report is not None
        for a in (
            self.ui.actionSave,
            self.ui.actionGenerate,
            self.ui.actionFind,
            self.ui.actionExportJson,
            self.ui.actionBackToList,
            self.ui.actionSectionHistory,
            self.ui.actionDeletedSections,
        ):
            a.setEnabled(editing)
            a.setVisible(editing)  # the list page shows only what applies to it
        if editing:
            self.window.setWindowTitle(f"{self.report.year}年度　{self.report.display_name()} — hxdesk")
        else:
            self.window.setWindowTitle("hxdesk 法治政府建设年度报告")

    # ------------------------------------------------------------ saving
    def touch(self) -> None:
        """An edit happened: save soon."""
        self.dirty = True
        self.save_timer.start()
        if not self.max_timer.isActive():
            self.max_timer.start()

    def save_now(self) -> bool:
        self.save_timer.stop()
        self.max_timer.stop()
        if not self.dirty or self.report is None or self.report_id is None:
            return True
        try:
            ts = self.workspace.reports.save(self.report_id, self.report)
        except (HxError, *_db_error()) as exc:
            message = exc.message if isinstance(exc, HxError) else str(exc)
            self.status(f"保存失败：{message}")
            if time.monotonic() - self._save_error_shown > 30:
                self._save_error_shown = time.monotonic()
                from .widgets import show_error

                show_error(
                    self.window,
                    "保存失败",
                    f"修改没能保存到数据库：{message}\n\n窗口中的内容仍在，程序会在下次修改时再试。",
                )
            return False
        self.dirty = False
        self.last_saved = ts
        self.status(f"已保存 {ts[11:19]}")
        return True

    # ------------------------------------------------------------ report list
    def show_list(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.listPage)
        self._update_actions()

    def refresh_list(self, select_id: int | None = None) -> None:
        if self.workspace is None:
            return
        trash = self.ui.trashButton.isChecked()
        rows = self.workspace.reports.summaries(trash=trash)
        table = self.ui.reportTable
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
                item.setData(TARGET_ROLE, r.id)
                table.setItem(i, j, item)
            if r.id == select_id:
                table.selectRow(i)
        if select_id is None and rows:
            table.selectRow(0)
        self.ui.listTitle.setText("回收站" if trash else "我的报告")
        self.ui.listHint.setText(
            "回收站中的报告可以还原；彻底删除后无法恢复。"
            if trash
            else "双击一份报告开始编辑。所有修改都会自动保存在本机，无需手动保存。"
        )
        table.setHorizontalHeaderItem(3, QTableWidgetItem("删除时间" if trash else "最后修改"))
        for w in (
            self.ui.newButton,
            self.ui.nextYearButton,
            self.ui.openButton,
            self.ui.duplicateButton,
            self.ui.renameButton,
            self.ui.deleteButton,
            self.ui.importButton,
        ):
            w.setVisible(not trash)
        self.ui.restoreButton.setVisible(trash)
        self.ui.purgeButton.setVisible(trash)
        self.ui.trashButton.setText("返回报告列表" if trash else "回收站")
        self._update_list_buttons()

    def selected_id(self) -> int | None:
        items = self.ui.reportTable.selectedItems()
        return items[0].data(TARGET_ROLE) if items else None

    def _update_list_buttons(self) -> None:
        has = self.selected_id() is not None
        for w in (
            self.ui.openButton,
            self.ui.nextYearButton,
            self.ui.duplicateButton,
            self.ui.renameButton,
            self.ui.deleteButton,
            self.ui.restoreButton,
            self.ui.purgeButton,
        ):
            w.setEnabled(has)

    def new_report(self) -> None:
        if self.workspace is None:
            return
        self.save_now()
        from .dialogs import NewReportDialog

        dialog = NewReportDialog(self.workspace, self.window, previous_id=None)
        new_id = dialog.exec()
        if new_id is not None:
            self.open_report(new_id)
            self.show_import_notes(dialog.notes)

    def next_year_from_selected(self) -> None:
        rid = self.selected_id()
        if rid is None:
            return
        from .dialogs import NewReportDialog

        dialog = NewReportDialog(self.workspace, self.window, previous_id=rid)
        new_id = dialog.exec()
        if new_id is not None:
            self.open_report(new_id)

    def open_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None and not self.ui.trashButton.isChecked():
            self.open_report(rid)

    def duplicate_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.refresh_list(self.workspace.reports.duplicate(rid))

    def rename_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        rid = self.selected_id()
        if rid is None:
            return
        report = self.workspace.reports.load(rid)
        name, ok = QInputDialog.getText(
            self.window, "重命名", "报告名称（只在列表中显示）：", QLineEdit.EchoMode.Normal, report.display_name()
        )
        if ok:
            self.rename(rid, name)

    def rename(self, report_id: int, name: str) -> None:
        from ..text import clean_line

        self.workspace.reports.rename(report_id, clean_line(name))
        self.refresh_list(report_id)

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rid = self.selected_id()
        if rid is None:
            return
        s = self.workspace.reports.summary(rid)
        answer = QMessageBox.question(
            self.window, "删除报告", f"把“{s.year}年度 {s.display_name}”移到回收站？\n\n之后可以在回收站中还原。"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.reports.move_to_trash(rid)
            self.refresh_list()

    def restore_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.workspace.reports.restore_from_trash(rid)
            self.refresh_list()
            self.status("报告已还原到报告列表。")

    def purge_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rid = self.selected_id()
        if rid is None:
            return
        s = self.workspace.reports.summary(rid)
        answer = QMessageBox.warning(
            self.window,
            "彻底删除",
            f"彻底删除“{s.year}年度 {s.display_name}”？\n\n删除后无法恢复。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.reports.purge(rid)
            self.refresh_list()

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.workspace is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, "导入报告", "", "报告文件 (*.docx *.txt *.json *.doc *.wps);;所有文件 (*)"
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> int | None:
        """Import a file as a new report; the importer's notes (tables, pictures …) are shown after."""
        self.save_now()
        try:
            new_id, notes = self.workspace.reports.import_file(path)
        except (HxError, *_db_error()) as exc:
            self.message("无法导入", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return None
        self.ui.trashButton.setChecked(False)
        if self.report is not None:
            self.back_to_list()
        self.refresh_list(new_id)
        self.status("已导入。双击即可打开编辑。")
        self.show_import_notes(notes)
        return new_id

    def show_import_notes(self, notes: list[str]) -> None:
        if notes:
            self.message(
                "导入完成",
                "已导入为新的报告。请注意：\n\n" + "\n".join(f"· {n}" for n in notes) + "\n\n双击报告即可打开核对。",
            )

    def message(self, title: str, text: str, *, warning: bool = False) -> QMessageBox:
        """A message box that does not block (tests read ``last_message``)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        return box

    def export_json(self) -> None:
        """导出: the save dialog, then (for an existing file) 替换 / 另存为… / 取消."""
        from PySide6.QtWidgets import QMessageBox

        if self.report is None:
            return
        self.save_now()
        from .. import services
        from .dialogs import ask_overwrite, choose_save_path, default_folder

        def choose(start):
            return choose_save_path(self.window, "导出交换文件", start, "hxdesk 交换文件 (*.json)", ".json")

        name = services.default_file_name(self.report)[:-5] + ".json"
        path = choose(default_folder(self.workspace) / name)
        path = path and ask_overwrite(self.window, path, choose)
        if path:
            try:
                services.export_json(self.report, path)
            except HxError as exc:
                QMessageBox.warning(self.window, "无法导出", exc.message)
                return
            self.status(f"已导出：{path}")

    # ------------------------------------------------------------ editor
    def open_report(self, report_id: int, target: tuple[str, ...] | None = None) -> None:
        self.save_now()
        self.report = self.workspace.reports.load(report_id)
        self.report_id = report_id
        self.dirty = False
        self.ensure_editor()
        self.ui.pages.setCurrentWidget(self.ui.editorPage)
        self._update_actions()
        first = ("section", self.report.sections[0].uid) if self.report.sections else TITLE
        self.build_tree(target or first)
        self.status("所有修改都会自动保存。")

    def back_to_list(self) -> None:
        self.save_now()
        rid = self.report_id
        self._clear_form()
        self.report = None
        self.report_id = None
        if self.find_dialog:
            self.find_dialog.dialog.close()
        self.refresh_list(rid)
        self.show_list()

    def target_name(self, target: tuple[str, ...]) -> str:
        from ..figures import expand_text
        from ..model import numbering_labels

        if target == TITLE:
            return "标题与发文机关"
        if target == INTRO:
            return "开头段落"
        if target == CLOSING:
            return "落款与日期"
        assert self.report is not None
        section = self.report.find(target[1])
        label = numbering_labels(self.report).get(target[1], "")
        if section is not None and section.holds_level and section.children:
            return LEVEL_HOLDER_NAME
        heading = expand_text(section.heading, self.report) if section and section.heading else "（无标题）"
        return label + _short(heading)

    def build_tree(self, select: tuple[str, ...] | None = None) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        assert self.report is not None
        tree = self.ui.navTree
        tree.blockSignals(True)
        tree.clear()
        self.items = {}

        def add(parent, target):
            item = QTreeWidgetItem(parent)
            item.setData(0, TARGET_ROLE, target)
            self.items[target] = item
            return item

        add(tree, TITLE)
        add(tree, INTRO)

        def rec(parent, sections: list[Section]):
            for s in sections:
                item = add(parent, ("section", s.uid))
                rec(item, s.children)

        rec(tree, self.report.sections)
        add(tree, CLOSING)
        tree.expandAll()
        self.refresh_tree_texts()
        tree.blockSignals(False)
        item = self.items.get(select or TITLE) or self.items[TITLE]
        tree.setCurrentItem(item)
        self._show_form(item.data(0, TARGET_ROLE))

    def refresh_tree_texts(self) -> None:
        if self.report is None:
            return
        for target, item in self.items.items():
            item.setText(0, self.target_name(target))
            if target[0] != "section":
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
        self.ui.reportHeader.setText(f"{self.report.year}年度　{self.report.display_name() or '（未填写发文机关）'}")

    def current_target(self) -> tuple[str, ...] | None:
        item = self.ui.navTree.currentItem()
        return item.data(0, TARGET_ROLE) if item else None

    def _tree_selection_changed(self, current, _previous) -> None:
        if current is not None:
            self._show_form(current.data(0, TARGET_ROLE))

    def _clear_form(self) -> None:
        if self.form is not None:
            self.ui.formHostLayout.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
            self.form = None
        self.last_field = None

    def _show_form(self, target: tuple[str, ...]) -> None:
        from ..model import numbering_labels
        from . import structure
        from .forms import ClosingForm, IntroForm, SectionForm, TitleForm

        assert self.report is not None
        self._clear_form()
        if target == TITLE:
            form: BaseForm = TitleForm(self)
        elif target == INTRO:
            form = IntroForm(self)
        elif target == CLOSING:
            form = ClosingForm(self)
        else:
            section = self.report.find(target[1])
            if section is None:
                return self._show_form(TITLE)
            form = SectionForm(
                self,
                section,
                numbering_labels(self.report).get(section.uid, ""),
                structure.level_of(self.report, section.uid),
            )
        self.form = form
        self.ui.formHostLayout.addWidget(form)
        self.ui.formArea.verticalScrollBar().setValue(0)
        self._update_nav_buttons()

    def _update_nav_buttons(self) -> None:
        from . import structure

        target = self.current_target()
        ui = self.ui
        is_section = bool(target) and target[0] == "section" and self.report is not None
        uid = target[1] if is_section else None
        ui.deleteSectionButton.setEnabled(is_section)
        ui.addChildButton.setEnabled(is_section and structure.can_add_child(self.report, uid))
        ui.moveUpButton.setEnabled(is_section and structure.can_move(self.report, uid, -1))
        ui.moveDownButton.setEnabled(is_section and structure.can_move(self.report, uid, 1))
        ui.indentButton.setEnabled(is_section and structure.can_indent(self.report, uid))
        ui.outdentButton.setEnabled(is_section and structure.can_outdent(self.report, uid))
        ui.actionSectionHistory.setEnabled(is_section)

    def structure_op(self, op: str) -> None:
        """Apply a navigator button to the selected section."""
        from PySide6.QtWidgets import QMessageBox

        from . import structure

        if self.report is None:
            return
        target = self.current_target()
        uid = target[1] if target and target[0] == "section" else None
        report = self.report
        select: str | None = uid
        if op == "add":
            select = structure.add_after(report, uid).uid
        elif op == "insert":
            select = structure.insert_before(report, uid).uid
        elif uid is None:
            return
        elif op == "child":
            child = structure.add_child(report, uid)
            if child is None:
                return
            select = child.uid
        elif op == "delete":
            section = report.find(uid)
            if section and (section.heading or section.blocks or section.children):
                answer = QMessageBox.question(
                    self.window,
                    "删除章节",
                    f"删除“{_short(section.heading or '（无标题）')}”及其全部下级内容？\n\n"
                    "删除后可以在“编辑 → 已删除的章节…”中恢复到原处。",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            siblings, i, _, parent = structure.locate(report, uid)
            structure.delete(report, uid)
            if siblings:
                select = siblings[min(i, len(siblings) - 1)].uid
            else:
                select = parent.uid if parent else None
        elif op in ("up", "down"):
            if not structure.move(report, uid, -1 if op == "up" else 1):
                return
        elif op == "indent":
            if not structure.indent(report, uid):
                return
        elif op == "outdent":
            if not structure.outdent(report, uid):
                return
        self.touch()
        self.build_tree(("section", select) if select else TITLE)
        from .forms import SectionForm

        if op in ("add", "insert", "child") and isinstance(self.form, SectionForm):
            self.form.heading.setFocus()

    # ------------------------------------------------------------ FormHost
    def figure_text(self) -> FigureText:
        from .figuretext import FigureText

        return FigureText(self.report)

    def field_focused(self, field: TextField) -> None:
        self.last_field = field

    def heading_changed(self, section: Section | None) -> None:
        self.refresh_tree_texts()
        if section is None:
            self._update_actions()

    def figures_changed(self) -> None:
        if self.form is not None:
            self.form.refresh_figures()

    def insert_figure(self) -> None:
        if self.report is None:
            return
        from .dialogs import InsertFigureDialog

        dialog = InsertFigureDialog(self.report, self.window)
        if dialog.exec() and dialog.key:
            self.insert_figure_key(dialog.key)

    def insert_figure_key(self, key: str) -> None:
        """Insert {{key}} at the cursor of the last text field used (or the first one)."""
        from .widgets import TextField

        if self.form is None:
            return
        fields = self.form.findChildren(TextField)
        field = self.last_field if self.last_field in fields else (fields[0] if fields else None)
        self.touch()
        if field is None:
            if hasattr(self.form, "blocks"):
                self.form.blocks.add_paragraph()
                fields = self.form.findChildren(TextField)
                field = fields[-1] if fields else None
        if field is None:
            return
        field.insert_placeholder(key)
        for f in fields:
            f.rehighlight()
        self.form.refresh_figures()

    # ------------------------------------------------------------ commands
    def generate(self) -> GenerateDialog | None:
        if self.report is None:
            return None
        self.save_now()
        from .dialogs import GenerateDialog

        dialog = GenerateDialog(self.workspace, self.report, self.window)
        path = dialog.exec()
        if path:
            self.status(f"已生成：{path}")
        return dialog

    def settings(self) -> None:
        from .dialogs import SettingsDialog

        SettingsDialog(self.workspace, self.window).exec()

    def find(self) -> None:
        if self.report is None:
            return
        if self.find_dialog is None:
            from .dialogs import FindDialog

            self.find_dialog = FindDialog(self, self.window)
        self.find_dialog.show()

    def goto(self, target: tuple[str, ...], needle: str = "") -> None:
        item = self.items.get(target)
        if item is None:
            return
        self.ui.navTree.setCurrentItem(item)
        if needle and self.form is not None:
            QTimer.singleShot(0, lambda: self.form and self.form.find_and_select(needle))

    def _edit(self, what: str) -> None:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, what):
            getattr(widget, what)()

    # ------------------------------------------------------------ history, trash, backups
    def _nav_context_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        item = self.ui.navTree.itemAt(pos)
        if item is not None:
            self.ui.navTree.setCurrentItem(item)
        target = self.current_target()
        menu = QMenu(self.window)
        if target and target[0] == "section":
            menu.addAction("历史版本…", self.section_history)
            menu.addSeparator()
            for text, op in (("添加章节", "add"), ("插入章节", "insert"), ("添加下级", "child"), ("删除", "delete")):
                menu.addAction(text, lambda o=op: self.structure_op(o))
            menu.addSeparator()
        menu.addAction("已删除的章节…", self.deleted_sections)
        menu.exec(self.ui.navTree.viewport().mapToGlobal(pos))

    def section_history(self, uid: str | None = None):
        """历史版本 of the selected section (or ``uid``); returns the dialog (shown modal)."""
        if self.report is None:
            return None
        if uid is None:
            target = self.current_target()
            if not target or target[0] != "section":
                return None
            uid = target[1]
        from .history import SectionHistoryDialog

        if not self.save_now():
            return None
        dialog = SectionHistoryDialog(self, uid)
        self._open_dialog(dialog)
        return dialog

    def deleted_sections(self):
        if self.report is None:
            return None
        from .history import DeletedSectionsDialog

        if not self.save_now():
            return None
        dialog = DeletedSectionsDialog(self)
        self._open_dialog(dialog)
        return dialog

    def backups(self):
        if self.workspace is None:
            return None
        from .history import BackupDialog

        self.save_now()
        try:
            dialog = BackupDialog(self)
        except (HxError, OSError) as exc:
            self.message("备份与恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return None
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog) -> None:
        """Show a dialog window-modal without blocking (kept alive in ``open_dialog``)."""
        from PySide6.QtCore import Qt

        if self.open_dialog is not None and self.open_dialog is not dialog:
            self.open_dialog.close()
        self.open_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda *_: setattr(self, "open_dialog", None) if self.open_dialog is dialog else None)
        dialog.open()

    def restore_section_version(self, version_id: int) -> bool:
        """Give a section an earlier version's content; the form and navigator show it at once."""
        if self.report is None or not self.save_now():
            return False
        version = self.workspace.history.version(version_id)
        try:
            self.workspace.history.restore_version(self.report_id, version_id, self.report)
        except (HxError, *_db_error()) as exc:
            self.dirty = True  # the model may hold the version already: saved with the next edit
            self.message("无法恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            self.build_tree(("section", version.section_uid))
            return False
        self.dirty = False
        self.build_tree(("section", version.section_uid))
        self.status(f"已恢复 {version.saved_at.replace('T', ' ')} 的版本（恢复前的内容已保留在历史版本中）。")
        return True

    def restore_deleted_section(self, entry_id: int) -> bool:
        """Put a deleted section (with its sub-sections) back where it stood."""
        if self.report is None or not self.save_now():
            return False
        before = {s.uid for s, _ in self.report.walk()}
        try:
            self.workspace.history.restore_deleted(self.report_id, entry_id, self.report)
        except (HxError, *_db_error()) as exc:
            self.message("无法恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return False
        self.dirty = False
        back = [s.uid for s, _ in self.report.walk() if s.uid not in before]
        self.build_tree(("section", back[0]) if back else None)
        self.status("已把删除的章节恢复到原处。")
        return True

    def restore_backup(self, backup):
        """Replace the database by a backup: save, restore (the workspace reopens it), refresh.

        Returns where the replaced file was kept.  The writer lock stays with
        this window throughout (Workspace.backups.restore).
        """
        self.save_now()
        open_id = self.report_id
        if self.report is not None:
            self.back_to_list()
        try:
            outcome = self.workspace.backups.restore(backup)
        finally:
            self.refresh_list(open_id)
        if open_id in {r.id for r in self.workspace.reports.summaries()}:
            self.open_report(open_id)
        self.status("已恢复备份。")
        return outcome.set_aside

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            "关于 hxdesk",
            f"<b>hxdesk {__version__}</b><br>乡镇（街道）法治政府建设年度报告编写工具。<br><br>"
            f"数据保存在：{self.workspace.path}",
        )


__all__ = ["MainWindow"]
