"""The dialogs: new report, font settings, generate, find, insert figure.

The fixed ones are Designer files in ui/; each class here wraps one loaded
dialog and holds its logic.  Methods that do the work (``create``,
``generate``, ``search``) are separate from ``exec`` so tests can drive them.
"""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .. import services
from ..errors import HxError, InvalidInput, OutputError
from ..figures import KEY_RE, default_kind, next_figure_key, parse_typed_value, yoy_formula
from ..figuretext import YEAR_LABELS
from ..fsutil import free_name, refuse_database_target
from ..limits import MAX_LABEL_LENGTH, MAX_UNIT_LENGTH
from ..model import KIND_YEARLY, STYLE_YOY_DIFF, STYLE_YOY_PERCENT, Figure, ImportNote, Report
from ..render.profile import FONT_PRESET_LABELS, FONT_PRESETS, FontProfile, resolve_fonts
from ..text import clean_line
from .forms import bound_length, kind_combo, qualifier_combo
from .uiload import UiHolder, load_ui
from .widgets import guard_wheel, guard_wheel_in

# ---------------------------------------------------------------- new report


class NewReportDialog:
    """新建报告: from a template, from last year's report, or from a file."""

    def __init__(self, workspace: services.Workspace, parent: QWidget | None = None, previous_id: int | None = None):
        self.workspace = workspace
        self.dialog: QDialog = load_ui("new_report_dialog.ui", parent)  # type: ignore[assignment]
        self.ui = ui = UiHolder(self.dialog)
        guard_wheel_in(self.dialog)
        for t in services.list_templates():
            ui.templateCombo.addItem(t.label, t.name)
        self.reports = workspace.reports.summaries()
        for r in self.reports:
            ui.previousCombo.addItem(f"{r.year}年度  {r.display_name}", r.id)
        ui.yearSpin.setValue(services.default_report_year(_dt.date.today()))
        ui.fromPreviousRadio.setEnabled(bool(self.reports))
        if previous_id is not None and ui.previousCombo.findData(previous_id) >= 0:
            ui.previousCombo.setCurrentIndex(ui.previousCombo.findData(previous_id))
            ui.fromPreviousRadio.setChecked(True)
        for radio in (ui.fromTemplateRadio, ui.fromPreviousRadio, ui.fromFileRadio):
            radio.toggled.connect(self._mode_changed)
        ui.previousCombo.currentIndexChanged.connect(self._previous_changed)
        ui.browseButton.clicked.connect(self._browse)
        ui.buttonBox.accepted.connect(self._accept)
        ui.buttonBox.rejected.connect(self.dialog.reject)
        # a message about the last try goes as soon as the clerk changes what it was about
        for signal in (ui.orgEdit.textEdited, ui.fileEdit.textChanged, ui.yearSpin.valueChanged):
            signal.connect(lambda *_: ui.errorLabel.clear())
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.created_id: int | None = None
        self.notes: list[ImportNote] = []  # what the importer could not take over (tables, pictures …)
        self._mode_changed()
        self._previous_changed()

    def _mode_changed(self, *_: object) -> None:
        ui = self.ui
        ui.errorLabel.clear()
        ui.templateBox.setEnabled(ui.fromTemplateRadio.isChecked())
        ui.previousBox.setEnabled(ui.fromPreviousRadio.isChecked())
        ui.fileBox.setEnabled(ui.fromFileRadio.isChecked())
        ui.yearSpin.setEnabled(not ui.fromFileRadio.isChecked())
        self._previous_changed()

    def _previous_changed(self, *_: object) -> None:
        if self.ui.fromPreviousRadio.isChecked():
            rid = self.ui.previousCombo.currentData()
            for r in self.reports:
                if r.id == rid:
                    self.ui.yearSpin.setValue(min(r.year + 1, 2200))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.dialog, "选择要导入的文件", "", "报告文件 (*.docx *.txt *.json *.doc *.wps);;所有文件 (*)"
        )
        if path:
            self.ui.fileEdit.setText(path)

    def create(self) -> int:
        """Create the report the dialog describes and store it; returns its id."""
        ui = self.ui
        year = ui.yearSpin.value()
        if ui.fromFileRadio.isChecked():
            path = ui.fileEdit.text().strip()
            if not path:
                raise InvalidInput("请选择要导入的文件。")
            new_id, self.notes = self.workspace.reports.import_file(path)
            return new_id
        if ui.fromPreviousRadio.isChecked():
            return self.workspace.reports.next_year(ui.previousCombo.currentData(), year)
        else:
            report = services.new_from_template(ui.templateCombo.currentData(), year, ui.orgEdit.text())
        return self.workspace.reports.add(report)

    def _accept(self) -> None:
        try:
            self.created_id = self.create()
        except HxError as exc:
            self.ui.errorLabel.setText(exc.message)
            return
        self.dialog.accept()

    def exec(self) -> int | None:
        return self.created_id if self.dialog.exec() == QDialog.DialogCode.Accepted else None


# ---------------------------------------------------------------- fonts


def installed_families() -> set[str]:
    return set(QFontDatabase.families())


class SettingsDialog:
    """字体设置: a preset or custom names, and which fonts this PC has."""

    FIELDS = ("title", "body", "heading1", "heading2")

    def __init__(self, workspace: services.Workspace, parent: QWidget | None = None):
        self.workspace = workspace
        self.dialog: QDialog = load_ui("settings_dialog.ui", parent)  # type: ignore[assignment]
        self.ui = ui = UiHolder(self.dialog)
        guard_wheel_in(self.dialog)
        self.available = installed_families()
        self.profile = workspace.settings.fonts()
        self.group = QButtonGroup(self.dialog)
        self.radios: dict[str, QRadioButton] = {}
        for key, label in [*FONT_PRESET_LABELS.items(), ("custom", "自定义（在下面逐项选择）")]:
            radio = QRadioButton(label)
            self.radios[key] = radio
            self.group.addButton(radio)
            ui.presetLayout.addWidget(radio)
            radio.toggled.connect(lambda on, k=key: on and self._preset(k))
        names = sorted(
            {
                *(getattr(p, f) for p in FONT_PRESETS.values() for f in self.FIELDS),
                *QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese),
            }
        )
        for f in self.FIELDS:
            combo: QComboBox = getattr(ui, f"{f}Combo")
            combo.addItems(names)
            combo.setCurrentText(getattr(self.profile, f))
            combo.currentTextChanged.connect(self._edited)
        self.radios[self.preset_of(self.profile)].setChecked(True)
        ui.level3BoldCheck.setChecked(self.profile.level3_bold)
        ui.buttonBox.accepted.connect(self._accept)
        ui.buttonBox.rejected.connect(self.dialog.reject)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self._update_status()

    @staticmethod
    def preset_of(profile: FontProfile) -> str:
        for key, preset in FONT_PRESETS.items():
            if all(getattr(preset, f) == getattr(profile, f) for f in SettingsDialog.FIELDS):
                return key
        return "custom"

    def _preset(self, key: str) -> None:
        if key in FONT_PRESETS:
            for f in self.FIELDS:
                getattr(self.ui, f"{f}Combo").setCurrentText(getattr(FONT_PRESETS[key], f))
        self._update_status()

    def _edited(self, *_: object) -> None:
        current = self.chosen()
        key = self.preset_of(current)
        if not self.radios[key].isChecked():
            self.radios[key].blockSignals(True)
            self.radios[key].setChecked(True)
            self.radios[key].blockSignals(False)
        self._update_status()

    def chosen(self) -> FontProfile:
        data = self.profile.to_dict()
        for f in self.FIELDS:
            data[f] = clean_line(getattr(self.ui, f"{f}Combo").currentText()) or getattr(FontProfile(), f)
        data["level3_bold"] = self.ui.level3BoldCheck.isChecked()
        return FontProfile.from_dict(data)

    def _update_status(self) -> None:
        chosen = self.chosen()
        resolved = resolve_fonts(chosen, self.available)
        missing = 0
        for f in self.FIELDS:
            want, got = getattr(chosen, f), getattr(resolved, f)
            label: QLabel = getattr(self.ui, f"{f}Status")
            if want in self.available or got != want:
                if got == want:
                    label.setText("✓ 本机已安装")
                    label.setStyleSheet("color: #1c6b2f;")
                else:
                    label.setText(f"本机没有，将用“{got}”代替")
                    label.setStyleSheet("color: #a05a00;")
                    missing += 1
            else:
                label.setText("✗ 本机未安装")
                label.setStyleSheet("color: #b00020;")
                missing += 1
        self.ui.summaryLabel.setText(
            "所选字体本机都已安装。"
            if not missing
            else "本机缺少部分字体：生成的文档仍写入所选字体名称，在装有这些字体的电脑上会正确显示；"
            "没有这些字体的电脑上，Word/WPS 会用相近字体显示。"
        )

    def save(self) -> FontProfile:
        profile = self.chosen()
        self.workspace.settings.set_fonts(profile)
        return profile

    def _accept(self) -> None:
        try:
            self.save()
        except HxError as exc:
            QMessageBox.warning(self.dialog, "字体设置", exc.message)
            return
        self.dialog.accept()

    def exec(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted


# ---------------------------------------------------------------- generate


def default_folder(workspace: services.Workspace) -> Path:
    last = workspace.settings.last_folder()
    if last is not None:
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def show_in_folder(path: Path) -> None:
    if sys.platform == "win32":
        subprocess.Popen(["explorer", "/select,", str(path)])  # noqa: S603,S607
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (".docx"): added when missing."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def choose_save_path(parent: QWidget | None, caption: str, start: Path, file_filter: str, suffix: str) -> Path | None:
    """The save dialog; None if cancelled.  It does not ask about an existing
    file itself: ask_overwrite does, for the name with its suffix."""
    path, _ = QFileDialog.getSaveFileName(
        parent, caption, str(start), file_filter, options=QFileDialog.Option.DontConfirmOverwrite
    )
    return with_suffix(Path(path), suffix) if path else None


def ask_overwrite(parent: QWidget | None, path: Path, save_as: Callable[[Path], Path | None]) -> Path | None:
    """Where to write: ``path`` if no file is there or 替换 is chosen; with 另存为…
    the file ``save_as`` picks (asked about again if it exists too); None for 取消.
    OutputError, before anything is asked, for the database's own files and its backups."""
    refuse_database_target(path)
    while path.is_file():
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "文件已存在",
            f"文件“{path.name}”已存在（位于 {path.parent}）。\n\n"
            "替换后，这个文件原有的内容（包括在 Word 或 WPS 中所做的修改）将被覆盖，无法恢复。",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        replace = box.addButton("替换", QMessageBox.ButtonRole.DestructiveRole)
        other = box.addButton("另存为…", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(other)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked == replace:
            return path
        if clicked != other:
            return None
        chosen = save_as(path)
        if chosen is None:
            return None
        path = chosen
        refuse_database_target(path)
    return path


EDITION_LABELS = {
    "submit": "报送版（红头、发文字号、签发人、版记）",
    "plain": "普通版",
    "public": "公开版（用于网站公开）",
}
#: 生成报告 writes either file: the .docx to send or edit, the PDF for the website (fonts embedded).
FILE_FORMATS = {
    ".docx": ("Word 文档（.docx）", "Word 文档 (*.docx)", "生成 .docx"),
    ".pdf": ("PDF（.pdf，用于网站公开）", "PDF 文件 (*.pdf)", "导出 PDF"),
}
EDITION_SUFFIXES = {"submit": "（报送版）", "plain": "", "public": "（公开版）"}
EDITION_HINTS = {
    "submit": "报送上级的正式文件：版头与版记在“发文与版记”中填写。",
    "plain": "与以往相同的文稿，不含红头和版记。",
    "public": "不含发文字号、签发人、版记和标为“不公开”的部分。公开前请按规定进行保密审查，"
    "确认不含涉密、敏感信息和个人信息。",
}


class GenerateDialog:
    """生成报告: shows what is still missing, asks where to save, writes the .docx,
    then offers to open it or its folder."""

    def __init__(self, workspace: services.Workspace, report: Report, parent: QWidget | None = None):
        self.workspace = workspace
        self.report = report
        self.dialog: QDialog = load_ui("generate_dialog.ui", parent)  # type: ignore[assignment]
        self.ui = ui = UiHolder(self.dialog)
        title_font = QFont(ui.doneTitle.font())
        title_font.setPointSizeF(title_font.pointSizeF() + 4)
        title_font.setBold(True)
        ui.doneTitle.setFont(title_font)
        ui.reportLabel.setText(f"<b>{report.year}年度　{report.display_name() or '（未填写发文机关）'}</b>")
        self.readiness = services.readiness(report)
        self.findings = self.readiness.findings
        self.show_findings()
        self.fonts = workspace.settings.fonts()
        preset = SettingsDialog.preset_of(self.fonts)
        fonts_text = FONT_PRESET_LABELS.get(preset, f"自定义（正文：{self.fonts.body}）")
        ui.fontsLabel.setText(f"字体方案：{fonts_text}。可在“报告 → 字体设置”中更改。")
        ui.pathEdit.setText(str(default_folder(workspace) / services.default_file_name(report)))
        for edition, label in EDITION_LABELS.items():
            ui.editionCombo.addItem(label, edition)
        ui.editionCombo.setCurrentIndex(ui.editionCombo.findData("plain"))
        ui.editionCombo.currentIndexChanged.connect(lambda _i: self.edition_changed())
        for suffix, (label, _filter, _button) in FILE_FORMATS.items():
            ui.formatCombo.addItem(label, suffix)
        ui.formatCombo.currentIndexChanged.connect(lambda _i: self.edition_changed())
        self.edition_changed()
        ui.browseButton.clicked.connect(self._browse)
        ui.generateButton.clicked.connect(self._generate_clicked)
        ui.cancelButton.clicked.connect(self.dialog.reject)
        ui.closeButton.clicked.connect(self.dialog.accept)
        ui.openFileButton.clicked.connect(self.open_file)
        ui.openFolderButton.clicked.connect(self.open_folder)
        ui.stack.setCurrentIndex(0)
        self.written: Path | None = None

    @property
    def edition(self) -> str:
        return str(self.ui.editionCombo.currentData())

    @property
    def suffix(self) -> str:
        """ ".docx" or ".pdf", as chosen under 格式."""
        return str(self.ui.formatCombo.currentData() or ".docx")

    def edition_changed(self) -> None:
        """The hint under the edition choice, and the file name's edition suffix."""
        edition = self.edition
        self.ui.editionHint.setText(EDITION_HINTS[edition])
        self.ui.editionHint.setStyleSheet("color: #a05a00;" if edition == "public" else "color: #5f6368;")
        path = Path(self.ui.pathEdit.text().strip())
        stem = path.stem
        for suffix in EDITION_SUFFIXES.values():
            if suffix and stem.endswith(suffix):
                stem = stem[: -len(suffix)]
        self.ui.pathEdit.setText(str(path.with_name(stem + EDITION_SUFFIXES[edition] + self.suffix)))
        self.ui.generateButton.setText(FILE_FORMATS[self.suffix][2])

    def show_findings(self) -> None:
        """校对 findings in document order, with honest counts (the same as ``hxdesk check``)."""
        ui = self.ui
        errors, warnings = self.readiness.errors, self.readiness.warnings
        if not self.findings:
            ui.problemsLabel.setText("✓ 校对没有发现问题。")
            ui.problemsLabel.setStyleSheet("color: #1c6b2f;")
            ui.problemsList.hide()
            return
        left = self.readiness.placeholders_left
        missing = f"；缺少的数字在文档中显示为【待填：……】（{left} 处），便于之后补上" if left else ""
        ui.problemsLabel.setText(f"校对发现 {errors} 处错误、{warnings} 处提示。仍可生成{missing}：")
        ui.problemsLabel.setStyleSheet("color: #b00020;" if errors else "color: #a05a00;")
        from PySide6.QtCore import Qt  # the Qt namespace is built on first use, not at start-up

        ui.problemsList.setWordWrap(True)  # whole messages, no sideways scrolling
        ui.problemsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for f in self.findings:
            item = QListWidgetItem(f"{f.severity_label}　{f.where}　{f.message}")
            tip = f"摘录：{f.excerpt}" if f.excerpt else ""
            if f.suggestion:
                tip += f"\n建议：{f.suggestion}"
            item.setToolTip(tip.strip())
            if f.severity == "error":
                item.setForeground(QColor("#b00020"))
            ui.problemsList.addItem(item)

    def done_hint(self) -> str:
        """The “done” page says what is still open in the document just written."""
        open_items = replace(
            self.readiness, placeholders_left=services.placeholders_left(self.report, self.edition)
        ).open_items()
        if not open_items:
            return "可以用 Word 或 WPS 打开查看、打印。"
        return "注意：" + "，".join(open_items) + "尚待处理，改好后请重新生成。可以用 Word 或 WPS 打开查看、打印。"

    def _browse(self) -> None:
        self.choose_path(Path(self.ui.pathEdit.text().strip()))

    def choose_path(self, start: Path) -> Path | None:
        """保存报告 dialog (浏览…, 另存为…): the file chosen is shown in the path field."""
        path = choose_save_path(self.dialog, "保存报告", start, FILE_FORMATS[self.suffix][1], self.suffix)
        if path:
            self.ui.pathEdit.setText(str(path))
        return path

    def target(self) -> Path:
        text = self.ui.pathEdit.text().strip()
        if not text:
            raise InvalidInput("请填写保存位置和文件名。")
        return with_suffix(Path(text), self.suffix)

    def generate(self, path: Path | None = None) -> Path:
        """Write the .docx or the PDF; on success switch to the “done” page."""
        path = path or self.target()
        hint = self.done_hint()
        if path.suffix.lower() == ".pdf":
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # LibreOffice takes a few seconds
            try:
                written, engine, stand_ins = services.export_pdf(self.report, path, self.fonts, edition=self.edition)
            finally:
                QApplication.restoreOverrideCursor()
            fonts_note = "；".join(s.describe() for s in stand_ins)
            hint = (
                f"PDF 已导出（排版：{services.PDF_ENGINES[engine]}，字体已嵌入）。"
                + (f"字体：{fonts_note}。" if fonts_note else "")
                + hint.replace("可以用 Word 或 WPS 打开查看、打印。", "可以直接上传网站或打印。")
            )
        else:
            written = services.render_to_file(self.report, path, self.fonts, edition=self.edition)
        self.written = written
        self.workspace.settings.set_last_folder(written.parent)
        self.ui.donePath.setText(f"保存位置：{written}")
        self.ui.doneHint.setText(hint)
        self.ui.stack.setCurrentIndex(1)
        self.ui.openFileButton.setFocus()
        return written

    def _generate_clicked(self) -> None:
        self.ui.errorLabel.clear()
        try:
            path = ask_overwrite(self.dialog, self.target(), self.choose_path)
            if path is None:  # 取消: the file there stays as it is
                return
            try:
                self.generate(path)
            except OutputError as exc:
                if not exc.locked:
                    raise
                other = free_name(path)
                answer = QMessageBox.question(
                    self.dialog,
                    "文件被占用",
                    f"{exc.message}\n\n是否改为保存为“{other.name}”？",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self.ui.pathEdit.setText(str(other))
                self.generate(other)
        except HxError as exc:
            self.ui.errorLabel.setText(exc.message)

    def open_file(self) -> None:
        if self.written and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written))):
            needs = "PDF 阅读器" if self.written.suffix.lower() == ".pdf" else "Word 或 WPS"
            QMessageBox.information(
                self.dialog, "打开文件", f"没有找到可以打开{self.written.suffix}文件的程序（如 {needs}）。"
            )

    def open_folder(self) -> None:
        if self.written:
            show_in_folder(self.written)

    def exec(self) -> Path | None:
        self.dialog.exec()
        return self.written


# ---------------------------------------------------------------- find


class FindDialog:
    """查找和替换: text anywhere in the report; activating a result jumps to it;
    替换 changes the words of the selected result's part, or of every part."""

    def __init__(self, editor, parent: QWidget | None = None):
        self.editor = editor
        self.dialog: QDialog = load_ui("find_dialog.ui", parent)  # type: ignore[assignment]
        self.dialog.setModal(False)
        self.ui = ui = UiHolder(self.dialog)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        ui.buttonBox.rejected.connect(self.dialog.close)
        ui.queryEdit.textChanged.connect(self.search)
        ui.queryEdit.returnPressed.connect(self._activate_first)
        ui.resultsList.itemActivated.connect(self._activate)
        ui.replaceButton.clicked.connect(self.replace_selected)
        ui.replaceAllButton.clicked.connect(self.replace_all)
        ui.resultsList.currentRowChanged.connect(lambda *_: self._update_buttons())
        self.hits: list[tuple[tuple[str, ...], str]] = []
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.replaceAllButton.setEnabled(bool(self.hits))
        self.ui.replaceButton.setEnabled(self.ui.resultsList.currentRow() >= 0)

    def replace_selected(self) -> int:
        row = self.ui.resultsList.currentRow()
        return self._replace(self.hits[row][0] if 0 <= row < len(self.hits) else None, only_one=True)

    def replace_all(self) -> int:
        return self._replace(None, only_one=False)

    def _replace(self, target: tuple[str, ...] | None, only_one: bool) -> int:
        report = self.editor.report
        needle = self.ui.queryEdit.text().strip()
        if report is None or not needle or (only_one and target is None):
            return 0
        try:
            count = services.replace_in_report(report, needle, self.ui.replaceEdit.text(), target)
        except HxError as exc:
            self.ui.countLabel.setText(exc.message)
            return 0
        if count:
            self.editor.text_replaced()
        self.search()
        left = f"，还有 {len(self.hits)} 处（在数据中，请在“本节数据”中修改）" if self.hits else ""
        self.ui.countLabel.setText(f"已替换 {count} 处{left}。" if count else f"没有可替换的文字{left}。")
        return count

    def search(self, *_: object) -> list[tuple[tuple[str, ...], str]]:
        needle = self.ui.queryEdit.text()
        self.hits = services.search_report(self.editor.report, needle) if self.editor.report else []
        self.ui.resultsList.clear()
        for target, text in self.hits:
            where = self.editor.target_name(target)
            i = text.find(needle.strip())
            snippet = text if i < 0 else ("…" if i > 20 else "") + text[max(0, i - 20) : i + len(needle) + 40]
            item = QListWidgetItem(f"{where}\n    {snippet}")
            self.ui.resultsList.addItem(item)
        self.ui.countLabel.setText(f"找到 {len(self.hits)} 处" if needle.strip() else "")
        self._update_buttons()
        return self.hits

    def _activate(self, item: QListWidgetItem) -> None:
        self.go(self.ui.resultsList.row(item))

    def _activate_first(self) -> None:
        if self.hits:
            self.go(0)

    def go(self, index: int) -> None:
        target, _ = self.hits[index]
        self.editor.goto(target, self.ui.queryEdit.text().strip())

    def show(self) -> None:
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.ui.queryEdit.setFocus()
        self.ui.queryEdit.selectAll()


# ---------------------------------------------------------------- guide


class GuideDialog(QDialog):
    """帮助 → 使用说明: the guide in resources/guide, offline, with the app's own screenshots."""

    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QTextBrowser

        from ..resources import resource_path

        super().__init__(parent)
        self.setWindowTitle("使用说明")
        box = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        folder = resource_path("guide")
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / "guide.html")))
        box.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.close)
        box.addWidget(buttons)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        # fits a 1366×768 screen with its task bar; wide enough for the 640-pixel pictures
        self.resize(min(760, screen.width() - 40), min(680, screen.height() - 60))


def show_guide(parent: QWidget | None) -> GuideDialog:
    dialog = GuideDialog(parent)
    dialog.setModal(False)
    dialog.show()
    return dialog


# ---------------------------------------------------------------- insert figure


class InsertFigureDialog(QDialog):
    """插入数据: pick a figure the report has, or create a new one."""

    def __init__(self, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("插入数据")
        self.resize(560, 400)
        box = QVBoxLayout(self)
        self.use_existing = QRadioButton("插入已有数据或年份")
        self.existing = guard_wheel(QComboBox())
        # a list, not a popup as tall as the item count: it would run off a 768-pixel screen
        self.existing.setStyleSheet("QComboBox { combobox-popup: 0; }")
        self.existing.setMaxVisibleItems(12)
        for key, label in YEAR_LABELS.items():
            self.existing.addItem(f"【{label}】（自动，现为{report.variables()[key]}）", key)
        for fig in report.figures.values():
            self.existing.addItem(f"{fig.label or fig.key}（{fig.unit or '无单位'}）", fig.key)
        self.create_new = QRadioButton("新建一项数据")
        form = QFormLayout()
        self.label = QLineEdit()
        self.label.setPlaceholderText("例如：受理行政复议案件")
        bound_length(self.label, MAX_LABEL_LENGTH)
        self.value = QLineEdit()
        self.value.setPlaceholderText("可稍后填写")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("例如：件、人次、%")
        bound_length(self.unit, MAX_UNIT_LENGTH)
        self.qualifier = qualifier_combo("")
        self.kind = kind_combo(KIND_YEARLY)
        self.kind_chosen = False  # chosen by the clerk: no longer follows the name and unit
        self.kind.activated.connect(lambda *_: setattr(self, "kind_chosen", True))
        self.label.textEdited.connect(self._default_kind)
        self.unit.textEdited.connect(self._default_kind)
        form.addRow("名称：", self.label)
        form.addRow("数值：", self.value)
        form.addRow("单位：", self.unit)
        form.addRow("限定词：", self.qualifier)
        form.addRow("类型：", self.kind)
        self.new_box = QWidget()
        self.new_box.setLayout(form)
        self._compare_widgets(report)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("插入")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        choices = (self.use_existing, self.existing, self.create_new, self.new_box)
        for w in (*choices, self.create_compare, self.compare_box, self.error):
            box.addWidget(w)
        box.addStretch(1)
        box.addWidget(buttons)
        self.use_existing.toggled.connect(self._mode)
        self.create_new.toggled.connect(self._mode)
        self.create_compare.toggled.connect(self._mode)
        (self.use_existing if report.figures else self.create_new).setChecked(True)
        if report.figures:
            self.existing.setCurrentIndex(len(YEAR_LABELS))  # the first figure; the years come first
        self.key: str | None = None

    def _default_kind(self, *_: object) -> None:
        if not self.kind_chosen:
            kind = default_kind(clean_line(self.label.text()), clean_line(self.unit.text()))
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _compare_widgets(self, report: Report) -> None:
        """新建同比数据: a derived figure comparing one of the report's figures with last year's."""
        self.create_compare = QRadioButton("新建同比数据（与上年比较，自动计算）")
        form = QFormLayout()
        self.compare_base = guard_wheel(QComboBox())
        self.compare_base.setStyleSheet("QComboBox { combobox-popup: 0; }")
        self.compare_base.setMaxVisibleItems(12)
        for fig in report.figures.values():
            if not fig.derived:
                self.compare_base.addItem(f"{fig.label or fig.key}（{fig.unit or '无单位'}）", fig.key)
        self.compare_style = guard_wheel(QComboBox())
        self.compare_style.addItem("同比增减百分比（同比增长25%、同比下降10%）", STYLE_YOY_PERCENT)
        self.compare_style.addItem("比上年增减（增加3件、减少3件）", STYLE_YOY_DIFF)
        form.addRow("比较的数据：", self.compare_base)
        form.addRow("写法：", self.compare_style)
        self.compare_box = QWidget()
        self.compare_box.setLayout(form)
        self.create_compare.setEnabled(self.compare_base.count() > 0)

    def _comparison(self) -> str:
        base_key = self.compare_base.currentData()
        if not base_key:
            raise InvalidInput("请选择要与上年比较的数据。")
        base = self.report.figures[base_key]
        style = self.compare_style.currentData()
        label = (base.label or base_key) + ("同比" if style == STYLE_YOY_PERCENT else "比上年增减")
        if any(f.label == label for f in self.report.figures.values()):
            raise InvalidInput(f"已有名为“{label}”的数据，请选择“插入已有数据”。")
        key = next_figure_key(self.report)
        fig = Figure(key=key, label=label, formula=yoy_formula(base_key, style), kind=KIND_YEARLY)
        fig.style = style
        fig.unit = "%" if style == STYLE_YOY_PERCENT else base.unit
        fig.decimals = 1 if style == STYLE_YOY_PERCENT else 2
        self.report.figures[key] = fig
        return key

    def _mode(self, *_: object) -> None:
        self.existing.setEnabled(self.use_existing.isChecked())
        self.new_box.setEnabled(self.create_new.isChecked())
        self.compare_box.setEnabled(self.create_compare.isChecked())

    def choose(self) -> str:
        """The key to insert; a new figure is added to the report first."""
        if self.use_existing.isChecked():
            key = self.existing.currentData()
            if not key:
                raise InvalidInput("请选择一项数据。")
            return key
        if self.create_compare.isChecked():
            return self._comparison()
        label = clean_line(self.label.text())
        if not label:
            raise InvalidInput("请填写数据名称，例如：受理行政复议案件。")
        if any(f.label == label for f in self.report.figures.values()):
            raise InvalidInput(f"已有名为“{label}”的数据，请选择“插入已有数据”。")
        if "【" in label or "】" in label or "{" in label or "}" in label:
            raise InvalidInput("数据名称中不能含有【】或花括号。")
        value = parse_typed_value(self.value.text())
        key = next_figure_key(self.report)
        assert KEY_RE.match(key)
        self.report.figures[key] = Figure(
            key=key,
            label=label,
            value=value,
            unit=clean_line(self.unit.text()),
            qualifier=self.qualifier.currentData(),
            kind=self.kind.currentData(),
        )
        return key

    def _accept(self) -> None:
        try:
            self.key = self.choose()
        except HxError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


__all__ = ["NewReportDialog", "SettingsDialog", "GenerateDialog", "FindDialog", "GuideDialog", "InsertFigureDialog"]
