"""The main window: it switches between the report list and the editor and runs the menus.

The jobs live in their own modules: gui/report_list.py (the list page),
gui/editor.py (the open report, its forms) with gui/navigator.py (the tree and
the structural edits), gui/autosave.py (writing edits 0.25 s after the last
keystroke, 0.45 s at the latest) and gui/recovery.py (history, trash, backups).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from .. import __version__
from ..errors import HxError
from .autosave import Autosaver
from .report_list import ReportListPage
from .uiload import UiHolder, load_ui

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox

    from ..model import Report
    from ..services import Workspace
    from .dialogs import FindDialog, GenerateDialog, GuideDialog
    from .editor import EditorController
    from .forms import BaseForm
    from .recovery import Recovery
    from .stats_view import StatsWindow

# services, the store, the dialogs (python-docx, sqlite-utils), the editor, the
# forms and the report model are imported when first needed, so that the window
# is painted before they load.  So are the Qt classes the report list does not
# use: PySide6 builds a class's Python enums when the class is first imported,
# and the ``Qt`` namespace alone has ~95 of them (about 25 ms).


class MainWindow(QObject):
    """Controller of the QMainWindow loaded from ui/main_window.ui."""

    def __init__(self, workspace: Workspace | None = None):
        super().__init__()
        self.workspace: Workspace = workspace  # type: ignore[assignment]  # None until attach()
        self.window: QMainWindow = load_ui("main_window.ui")  # type: ignore[assignment]
        self.ui = UiHolder(self.window)
        self.autosaver = Autosaver(self.window, self._write, self.status)
        self.reports_page = ReportListPage(self)
        self._editor: EditorController | None = None  # built when a report is first opened
        self._recovery: Recovery | None = None
        self.find_dialog: FindDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        self.stats_window: StatsWindow | None = None
        self.last_message: QMessageBox | None = None
        self._connect_menus()
        self.show_list()
        if workspace is not None:
            self.attach(workspace)
        else:
            self.ui.pages.setEnabled(False)
            self.ui.listHint.setText("正在打开数据……")

    def _connect_menus(self) -> None:
        ui = self.ui
        for action, slot in (
            (ui.actionNew, lambda: self.reports_page.new_report()),
            (ui.actionImport, lambda: self.reports_page.import_file()),
            (ui.actionExportJson, self.export_json),
            (ui.actionSave, self.save_now),
            (ui.actionGenerate, self.generate),
            (ui.actionBackToList, self.back_to_list),
            (ui.actionQuit, self.window.close),
            (ui.actionUndo, lambda: edit_focused("undo")),
            (ui.actionRedo, lambda: edit_focused("redo")),
            (ui.actionFind, self.find),
            (ui.actionSettings, self.settings),
            (ui.actionGuide, lambda: open_guide(self)),
            (ui.actionStats, lambda: open_stats(self)),
            (ui.actionChecks, lambda: show_checks(self, ui.actionChecks.isChecked())),
            (ui.actionPreview, lambda: show_preview(self, ui.actionPreview.isChecked())),
            (ui.actionAbout, self.about),
            (ui.actionBackups, lambda: self.recovery.backups()),
            (ui.actionSectionHistory, lambda: self.recovery.section_history()),
            (ui.actionDeletedSections, lambda: self.recovery.deleted_sections()),
        ):
            action.triggered.connect(slot)

    @property
    def editor(self) -> EditorController:
        """The editor page (navigator and form area), built when first needed.

        Staff see the report list first; without the editor it is painted
        sooner (the splitter alone loads the ``Qt`` namespace's ~95 enums).
        """
        if self._editor is None:
            from PySide6.QtGui import QFont

            from .editor import EditorController

            page = load_ui("editor_page.ui", self.ui.pages)
            self.ui.pages.addWidget(page)
            ui = self.ui
            header_font = QFont(ui.reportHeader.font())
            header_font.setBold(True)
            header_font.setPointSizeF(header_font.pointSizeF() + 1)
            ui.reportHeader.setFont(header_font)
            ui.splitter.setStretchFactor(1, 1)
            # 检查 beside the form where there is room for both (not on a 1366-pixel screen)
            ui.actionChecks.setChecked(self.window.width() >= 1500)
            self._editor = EditorController(self)
            ui.splitter.setSizes([340, 940, 340] if ui.actionChecks.isChecked() else [340, 940, 0])
            # Closing the window saves the open report (and asks if that fails): from now on there is one.
            self.window.installEventFilter(self)
        return self._editor

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            from .recovery import Recovery

            self._recovery = Recovery(self)
        return self._recovery

    @property
    def report(self) -> Report | None:
        """The open report (None on the list page)."""
        return self._editor.report if self._editor is not None else None

    @property
    def report_id(self) -> int | None:
        return self._editor.report_id if self._editor is not None else None

    @property
    def form(self) -> BaseForm | None:
        return self._editor.form if self._editor is not None else None

    def attach(self, workspace: Workspace) -> None:
        """Show the reports of ``workspace`` (the window may be painted before it is opened)."""
        self.workspace = workspace
        self.ui.pages.setEnabled(True)
        self.reports_page.refresh()

    # ------------------------------------------------------------ window
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.window and event.type() == QEvent.Type.Close:
            if not self.save_now() and not close_anyway(self.window):
                event.ignore()
                return True
            if self.find_dialog:
                self.find_dialog.dialog.close()
        return False

    def show(self) -> None:
        self.window.show()

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

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

    def update_actions(self) -> None:
        """The menu entries of the page on screen, and the window title."""
        report = self.report
        for a in (
            self.ui.actionSave,
            self.ui.actionGenerate,
            self.ui.actionFind,
            self.ui.actionChecks,
            self.ui.actionPreview,
            self.ui.actionExportJson,
            self.ui.actionBackToList,
            self.ui.actionSectionHistory,
            self.ui.actionDeletedSections,
        ):
            a.setEnabled(report is not None)
            a.setVisible(report is not None)  # the list page shows only what applies to it
        # Qt appends the application display name ("… — hxdesk") on Windows and X11 itself
        if report is not None:
            self.window.setWindowTitle(f"{report.year}年度　{report.display_name() or '（未填写发文机关）'}")
        else:
            self.window.setWindowTitle("法治政府建设年度报告")

    # ------------------------------------------------------------ saving
    def _write(self) -> str:
        assert self.report is not None and self.report_id is not None
        return self.workspace.reports.save(self.report_id, self.report)

    def save_now(self) -> bool:
        """Write the open report's pending edits now; False (after a message) if that failed."""
        if self.report is None:
            self.autosaver.forget()
            return True
        return self.autosaver.save_now()

    # ------------------------------------------------------------ pages
    def show_list(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.listPage)
        self.update_actions()

    def open_report(self, report_id: int, target: tuple[str, ...] | None = None) -> None:
        self.save_now()
        report = self.workspace.reports.load(report_id)
        editor = self.editor
        self.autosaver.forget()
        self.ui.pages.setCurrentWidget(self.ui.editorPage)
        editor.open(report_id, report, target)
        self.update_actions()
        self.status("所有修改都会自动保存。")

    def back_to_list(self) -> None:
        self.save_now()
        rid = self.report_id
        if self._editor is not None:
            self._editor.close()
        if self.find_dialog:
            self.find_dialog.dialog.close()
        self.reports_page.refresh(rid)
        self.show_list()

    def leave_editor(self) -> None:
        """Back to the list if a report is open (an import shows its new report there)."""
        if self.report is not None:
            self.back_to_list()

    # ------------------------------------------------------------ commands
    def export_json(self) -> None:
        """导出: the save dialog, then (for an existing file) 替换 / 另存为… / 取消."""
        from PySide6.QtWidgets import QMessageBox

        report = self.report
        if report is None:
            return
        self.save_now()
        from .. import services
        from .dialogs import ask_overwrite, choose_save_path, default_folder

        def choose(start):
            return choose_save_path(self.window, "导出交换文件", start, "hxdesk 交换文件 (*.json)", ".json")

        name = services.default_file_name(report)[:-5] + ".json"
        path = choose(default_folder(self.workspace) / name)
        try:
            path = path and ask_overwrite(self.window, path, choose)
            if path:
                services.export_json(report, path)
        except HxError as exc:
            QMessageBox.warning(self.window, "无法导出", exc.message)
            return
        if path:
            self.status(f"已导出：{path}")

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

            self.find_dialog = FindDialog(self.editor, self.window)
        self.find_dialog.show()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            "关于 hxdesk",
            f"<b>hxdesk {__version__}</b><br>乡镇（街道）法治政府建设年度报告编写工具。<br><br>"
            f"数据保存在：{self.workspace.path}",
        )


def show_checks(main: MainWindow, on: bool) -> None:
    """检查 (F7): the panel of findings beside the form, checked at once when shown."""
    panel = main.editor.checks
    panel.widget.setVisible(on)
    if on:
        sizes = main.ui.splitter.sizes()
        if len(sizes) == 3 and sizes[2] < 240:
            room = sum(sizes)
            main.ui.splitter.setSizes([sizes[0], max(300, room - sizes[0] - 320), 320])
        panel.run()


def show_preview(main: MainWindow, on: bool) -> None:
    """预览 (F8): the printed pages at the right of the form, laid out at once when shown."""
    editor = main.editor
    splitter = main.ui.splitter
    if editor.preview is None:
        if not on:
            return
        from .preview import PreviewPane

        editor.preview = PreviewPane(editor, splitter)
        splitter.addWidget(editor.preview.widget)
        splitter.setCollapsible(splitter.indexOf(editor.preview.widget), False)
    pane = editor.preview
    pane.widget.setVisible(on)
    if on:
        sizes = splitter.sizes()
        room = sum(sizes)
        nav = max(min(sizes[0], 260), main.ui.navPane.minimumSizeHint().width())
        # A readable page beside a form that still fits without scrolling sideways (about 600 pixels).
        want = max(320, min(520, room - nav - 600))
        if sizes[-1] < want:
            checks = sizes[2] if len(sizes) > 3 else 0
            splitter.setSizes([nav, max(360, room - nav - checks - want), checks, want][: len(sizes)])
        pane.follow_target = editor.navigator.current_target()
        pane.refresh()


def open_guide(main: MainWindow) -> None:
    """帮助 → 使用说明 (one guide window, raised again when asked again)."""
    from .dialogs import show_guide

    dialog = main.guide_dialog
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return
    main.guide_dialog = show_guide(main.window)


def open_stats(main: MainWindow) -> None:
    """报告 → 统计… (and 统计… on the list page): the statistics window, the open report saved first."""
    from .stats_view import show_stats

    main.save_now()
    main.stats_window = show_stats(main.workspace, main.window, main.stats_window)


def close_anyway(window: QMainWindow) -> bool:
    """Saving failed while closing: ask before the last edits are lost."""
    import os

    from PySide6.QtWidgets import QMessageBox

    if os.environ.get("HXDESK_NO_ERROR_DIALOG"):
        return True
    answer = QMessageBox.warning(
        window,
        "尚未保存",
        "最近的修改没能保存到数据库。仍要关闭吗？\n\n选“否”留在程序中，可稍后再试（Ctrl+S）。",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def edit_focused(what: str) -> None:
    """撤销/重做 in the focused field."""
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, what):
        getattr(widget, what)()


__all__ = ["MainWindow"]
