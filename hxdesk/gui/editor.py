"""The editor page: the open report, its navigator and the form of the selected part.

EditorController is the forms' FormHost and the navigator's host; edits go to
the Autosaver.  MainWindow owns one and only switches pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from ..figuretext import FigureText
from .navigator import CLOSING, INTRO, OFFICIAL, TITLE, Navigator, Target

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ..model import Report, Section
    from ..services import Workspace
    from .autosave import Autosaver
    from .forms import BaseForm
    from .preview import PreviewPane
    from .uiload import UiHolder
    from .widgets import TextField


class HistoryOpener(Protocol):
    """The window's 历史版本 and 已删除的章节 (gui/recovery.py)."""

    def section_history(self, uid: str | None = None) -> object: ...
    def deleted_sections(self) -> object: ...


class EditorHost(Protocol):
    """What the editor needs from the window."""

    window: QMainWindow
    ui: UiHolder
    autosaver: Autosaver
    workspace: Workspace

    recovery: HistoryOpener

    def update_actions(self) -> None: ...


class EditorController(QObject):
    """The open report (``report``, ``report_id``), the navigator and the current form."""

    def __init__(self, host: EditorHost):
        super().__init__(host.window)
        self.host = host
        self.report: Report | None = None
        self.report_id: int | None = None
        self.form: BaseForm | None = None
        self.last_field: TextField | None = None
        self.navigator = Navigator(self, host.ui, host.window)
        from .checks_panel import ChecksPanel

        self.checks = ChecksPanel(self, host.ui.splitter)
        host.ui.splitter.addWidget(self.checks.widget)
        host.ui.splitter.setCollapsible(2, False)
        self.checks.widget.setVisible(host.ui.actionChecks.isChecked())
        self.preview: PreviewPane | None = None  # 预览 (F8), built when first shown

    # ------------------------------------------------------------ opening
    def open(self, report_id: int, report: Report, target: Target | None = None) -> None:
        self.report = report
        self.report_id = report_id
        first = ("section", report.sections[0].uid) if report.sections else TITLE
        self.navigator.build(target or first)
        self.update_header()
        if self.checks.widget.isVisible():  # after the page is painted
            QTimer.singleShot(0, self.checks.run)
        if self.preview is not None:
            self.preview.pages = None
            self.preview.changed()

    def close(self) -> None:
        self.clear_form()
        self.report = None
        self.report_id = None

    def update_header(self) -> None:
        assert self.report is not None
        name = self.report.display_name() or "（未填写发文机关）"
        self.host.ui.reportHeader.setText(f"{self.report.year}年度　{name}")

    # ------------------------------------------------------------ forms
    def clear_form(self) -> None:
        if self.form is not None:
            self.host.ui.formHostLayout.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
            self.form = None
        self.last_field = None

    def show_form(self, target: Target) -> None:
        from ..model import numbering_labels
        from ..outline import section_level
        from .forms import ClosingForm, IntroForm, SectionForm, TitleForm

        assert self.report is not None
        self.clear_form()
        forms = {TITLE: TitleForm, INTRO: IntroForm, CLOSING: ClosingForm}
        if target == OFFICIAL:
            from .official_form import OfficialForm

            form: BaseForm = OfficialForm(self, self.workspace.settings)
        elif target in forms:
            form = forms[target](self)
        else:
            section = self.report.find(target[1])
            if section is None:
                return self.show_form(TITLE)
            label = numbering_labels(self.report).get(section.uid, "")
            form = SectionForm(self, section, label, section_level(self.report, section.uid))
        self.form = form
        notes = self.workspace.annotations.import_notes(self.report, target)
        if notes:  # what the importer changed here, until the clerk has read it
            form.show_import_notes(notes, lambda: self.dismiss_import_notes(target))
        self.host.ui.formHostLayout.addWidget(form)
        self.host.ui.formArea.verticalScrollBar().setValue(0)
        self.navigator.update_buttons()
        if self.preview is not None:
            self.preview.follow(target)

    def goto(self, target: Target, needle: str = "") -> None:
        """Show ``target`` and select the first occurrence of ``needle`` in its form."""
        if self.navigator.select(target) and needle and self.form is not None:
            QTimer.singleShot(0, lambda: self.form and self.form.find_and_select(needle))

    def focus_heading(self) -> None:
        from .forms import SectionForm

        if isinstance(self.form, SectionForm):
            self.form.heading.setFocus()

    # ------------------------------------------------------------ FormHost and NavigatorHost
    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    def touch(self) -> None:
        self.host.autosaver.touch()
        self.checks.changed()
        if self.preview is not None:
            self.preview.changed()

    def figure_text(self) -> FigureText:
        assert self.report is not None
        return FigureText(self.report)

    def field_focused(self, field: TextField) -> None:
        self.last_field = field

    def heading_changed(self, section: Section | None) -> None:
        """A heading was typed (``section``) or the title's data changed (None)."""
        if section is None:
            self.navigator.refresh_texts()
            self.update_header()
            self.host.update_actions()
        else:
            self.navigator.refresh_texts(("section", section.uid))

    def numbering_changed(self) -> None:
        """A section was made (un)numbered: every label after it may change."""
        from ..model import numbering_labels

        assert self.report is not None
        self.navigator.labels = numbering_labels(self.report)
        self.navigator.refresh_texts()

    def set_predecessor(self, predecessor_id: int | None) -> None:
        """Link the open report to the report it follows (None: no link); last year's figures
        are attached again, so the figure inputs show the new 上年 values."""
        assert self.report is not None and self.report_id is not None
        if not self.host.autosaver.save_now():  # the service saves the stored report
            return
        self.workspace.reports.set_predecessor(self.report_id, predecessor_id)
        fresh = self.workspace.reports.load(self.report_id)
        self.report.predecessor_uid = fresh.predecessor_uid
        self.report.predecessor = fresh.predecessor
        self.figures_changed()
        self.checks.changed()

    def figures_changed(self) -> None:
        if self.form is not None:
            self.form.refresh_figures()

    def insert_figure(self) -> None:
        if self.report is None:
            return
        from .dialogs import InsertFigureDialog

        dialog = InsertFigureDialog(self.report, self.host.window)
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
        if field is None and hasattr(self.form, "blocks"):
            self.form.blocks.add_paragraph()
            fields = self.form.findChildren(TextField)
            field = fields[-1] if fields else None
        if field is None:
            return
        field.insert_placeholder(key)
        for f in fields:
            f.rehighlight()
        self.form.refresh_figures()

    def section_history(self, uid: str | None = None) -> object:
        return self.host.recovery.section_history(uid)

    def deleted_sections(self) -> object:
        return self.host.recovery.deleted_sections()

    def target_name(self, target: Target) -> str:
        return self.navigator.target_name(target)

    def text_replaced(self) -> None:
        """The report's words were changed outside the forms (查找和替换): save, and show them."""
        self.touch()
        self.navigator.build(self.navigator.current_target())
        self.update_header()

    def dismiss_import_notes(self, target: Target) -> None:
        assert self.report is not None
        self.workspace.annotations.dismiss_import_notes(self.report, target)
