"""历史版本、已删除的章节 and 备份与恢复: opening their dialogs and carrying out a restore."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from ..errors import HxError
from .autosave import storage_errors

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

    from ..model import Report
    from ..services import Workspace
    from ..services.workspace import BackupInfo
    from .autosave import Autosaver
    from .editor import EditorController
    from .report_list import ReportListPage


class RecoveryHost(Protocol):
    """What the recovery commands need from the window."""

    workspace: Workspace
    window: QMainWindow
    editor: EditorController
    reports_page: ReportListPage
    autosaver: Autosaver

    def status(self, text: str) -> None: ...
    def message(self, title: str, text: str, *, warning: bool = False) -> QMessageBox: ...
    def save_now(self) -> bool: ...
    def open_report(self, report_id: int) -> None: ...
    def back_to_list(self) -> None: ...


class Recovery(QObject):
    """The dialogs' host (gui/history_dialogs.py): the open report, the workspace and the restores."""

    def __init__(self, host: RecoveryHost):
        super().__init__(host.window)
        self.host = host
        self.open_dialog: QDialog | None = None  # the history/trash/backup dialog on screen

    # what the dialogs read
    @property
    def window(self) -> QMainWindow:
        return self.host.window

    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    @property
    def report(self) -> Report:
        assert self.host.editor.report is not None
        return self.host.editor.report

    @property
    def report_id(self) -> int:
        assert self.host.editor.report_id is not None
        return self.host.editor.report_id

    def target_name(self, target: tuple[str, ...]) -> str:
        return self.host.editor.navigator.target_name(target)

    def save_now(self) -> bool:
        return self.host.save_now()

    # the commands
    def section_history(self, uid: str | None = None) -> QDialog | None:
        """历史版本 of the selected section (or ``uid``); returns the dialog (shown modal)."""
        editor = self.host.editor
        if editor.report is None:
            return None
        if uid is None:
            target = editor.navigator.current_target()
            if not target or target[0] != "section":
                return None
            uid = target[1]
        from .history_dialogs import SectionHistoryDialog

        if not self.save_now():
            return None
        return self._open(SectionHistoryDialog(self, uid))

    def deleted_sections(self) -> QDialog | None:
        if self.host.editor.report is None:
            return None
        from .history_dialogs import DeletedSectionsDialog

        if not self.save_now():
            return None
        return self._open(DeletedSectionsDialog(self))

    def backups(self) -> QDialog | None:
        if self.workspace is None:
            return None
        from .history_dialogs import BackupDialog

        self.save_now()
        try:
            dialog = BackupDialog(self)
        except (HxError, OSError) as exc:
            self.host.message("备份与恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return None
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        """Show a dialog window-modal without blocking (kept alive in ``open_dialog``)."""
        from PySide6.QtCore import Qt

        if self.open_dialog is not None and self.open_dialog is not dialog:
            self.open_dialog.close()
        self.open_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda *_: setattr(self, "open_dialog", None) if self.open_dialog is dialog else None)
        dialog.open()
        return dialog

    def restore_section_version(self, version_id: int) -> bool:
        """Give a section an earlier version's content; the form and navigator show it at once."""
        editor = self.host.editor
        if editor.report is None or not self.save_now():
            return False
        version = self.workspace.history.version(version_id)
        try:
            self.workspace.history.restore_version(self.report_id, version_id, editor.report)
        except (HxError, *storage_errors()) as exc:
            self.host.autosaver.dirty = True  # the model may hold the version already: saved with the next edit
            self.host.message("无法恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            editor.navigator.build(("section", version.section_uid))
            return False
        self.host.autosaver.forget()  # the restore wrote the report
        editor.navigator.build(("section", version.section_uid))
        self.host.status(f"已恢复 {version.saved_at.replace('T', ' ')} 的版本（恢复前的内容已保留在历史版本中）。")
        return True

    def restore_deleted_section(self, entry_id: int) -> bool:
        """Put a deleted section (with its sub-sections) back where it stood."""
        editor = self.host.editor
        if editor.report is None or not self.save_now():
            return False
        before = {s.uid for s, _ in editor.report.walk()}
        try:
            self.workspace.history.restore_deleted(self.report_id, entry_id, editor.report)
        except (HxError, *storage_errors()) as exc:
            self.host.message("无法恢复", exc.message if isinstance(exc, HxError) else str(exc), warning=True)
            return False
        self.host.autosaver.forget()
        back = [s.uid for s, _ in editor.report.walk() if s.uid not in before]
        editor.navigator.build(("section", back[0]) if back else None)
        self.host.status("已把删除的章节恢复到原处。")
        return True

    def restore_backup(self, backup: BackupInfo) -> Path | None:
        """Replace the database by a backup: save, restore (the workspace reopens it), refresh.

        Returns where the replaced file was kept.  The writer lock stays with
        this window throughout (Workspace.backups.restore).
        """
        self.save_now()
        open_id = self.host.editor.report_id
        if open_id is not None:
            self.host.back_to_list()
        try:
            outcome = self.workspace.backups.restore(backup)
        finally:
            self.host.reports_page.refresh(open_id)
        if open_id is not None and open_id in {r.id for r in self.workspace.reports.summaries()}:
            self.host.open_report(open_id)
        self.host.status("已恢复备份。")
        return outcome.set_aside
