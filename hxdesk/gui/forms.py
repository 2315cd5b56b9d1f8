"""The forms on the right of the editor, built in code from the model:
the title block, the opening paragraphs, one section, the closing block.

Every edit writes straight into the in-memory Report and calls ``host.touch()``;
the window saves the whole report shortly afterwards.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import figures as figmod
from .. import services
from ..errors import HxError, InvalidInput
from ..figuretext import FigureText
from ..interchange import MAX_YEAR, MIN_YEAR
from ..limits import MAX_POINTS, MAX_UNIT_LENGTH
from ..model import (
    FIGURE_KINDS,
    PLACEHOLDER_RE,
    QUALIFIERS,
    REVIEW_CONFIRM,
    REVIEW_STATES,
    YEAR_VARIABLES,
    Block,
    Paragraph,
    PointList,
    Report,
    Section,
    block_paragraph_texts,
    date_text,
    numbering_labels,
    point_marker,
)
from ..text import clean_line, clean_text
from .widgets import TextField, error_label, guard_wheel, heading_label, hint_label, hline

LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


class FormHost(Protocol):
    """What the forms need from the window."""

    report: Report
    report_id: int | None
    workspace: services.Workspace

    def touch(self) -> None: ...
    def figure_text(self) -> FigureText: ...
    def field_focused(self, field: TextField) -> None: ...
    def heading_changed(self, section: Section | None) -> None: ...
    def numbering_changed(self) -> None: ...
    def figures_changed(self) -> None: ...
    def insert_figure(self) -> None: ...
    def section_history(self, uid: str | None = None) -> object: ...
    def set_predecessor(self, predecessor_id: int | None) -> None: ...


def bound_length(field: QLineEdit, limit: int) -> None:
    """Typing stops at ``limit`` (hxdesk.limits); a longer text an older hxdesk saved is shown whole."""
    field.setMaxLength(max(limit, len(field.text())))


def kind_combo(current: str) -> QComboBox:
    combo = guard_wheel(QComboBox(), never=True)  # a figure's kind: chosen from the list only
    for kind, label in FIGURE_KINDS.items():
        combo.addItem(label, kind)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setToolTip("新建下一年度时：每年统计的数据清空待填，常设的数据（如执法队、执法人员）沿用待确认")
    return combo


def qualifier_combo(current: str) -> QComboBox:
    combo = guard_wheel(QComboBox(), never=True)  # 200起 must not become 200多起 under the wheel
    for q in QUALIFIERS:
        combo.addItem(q or "（无）", q)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setToolTip("限定词：80余人次、95%以上、约30件")
    # Never narrower than its longest item: Fusion's size hint leaves the text field 33 px
    # for "（无）" (42 px in a CJK font), so the room is the text, the arrow and the frames.
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    combo.setMinimumWidth(widest + 44)
    return combo


class BaseForm(QWidget):
    """A scrollable form page; knows its text fields (for find and figure insertion)."""

    def __init__(self, host: FormHost):
        super().__init__()
        self.host = host
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 16, 24, 24)
        self.layout_.setSpacing(12)
        self.fields: list[QWidget] = []
        self.figures_panel: FiguresPanel | None = None

    def titled_form(self, title: str) -> QFormLayout:
        """The heading of a form page and its label/field layout (labels right-aligned)."""
        self.layout_.addWidget(heading_label(title))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(12)
        return form

    def text_field(self, text: str, on_edit, *, min_lines: int = 2, placeholder: str = "") -> TextField:
        field = TextField(text, self.host.figure_text, min_lines=min_lines, placeholder=placeholder)
        field.edited.connect(on_edit)
        field.focused.connect(self.host.field_focused)
        return field

    def refresh_figures(self) -> None:
        if self.figures_panel is not None:
            self.figures_panel.rebuild_if_needed()
            self.figures_panel.refresh()

    def find_and_select(self, needle: str) -> bool:
        """Focus the first field containing ``needle`` and select it."""
        for w in self.all_fields():
            if isinstance(w, TextField) and w.select_text(needle):
                return True
            if isinstance(w, QLineEdit):
                i = w.text().find(needle)
                if i >= 0:
                    w.setFocus()
                    w.setSelection(i, len(needle))
                    return True
        return False

    def all_fields(self) -> list[QWidget]:
        return [w for w in self.findChildren(QWidget) if isinstance(w, (TextField, QLineEdit)) and not w.isReadOnly()]

    def finish(self) -> None:
        self.layout_.addStretch(1)

    def show_import_notes(self, notes: list[str], dismiss: Callable[[], None]) -> QFrame:
        """导入时的调整: what the importer changed or guessed in this part, with 知道了 to put it away."""
        box = QFrame()
        box.setObjectName("importNotes")
        box.setStyleSheet("#importNotes { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 4px; }")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>导入时的调整，请核对：</b>"))
        top.addStretch(1)
        done = QPushButton("知道了")
        done.setObjectName("importNotesDone")
        top.addWidget(done)
        inner.addLayout(top)
        for note in notes:
            line = QLabel("· " + note)
            line.setWordWrap(True)
            inner.addWidget(line)

        def close() -> None:
            dismiss()
            box.hide()

        done.clicked.connect(close)
        self.layout_.insertWidget(1, box)  # under the form's heading
        self.import_notes_box = box
        return box


# ---------------------------------------------------------------- blocks


class BlocksEditor(QWidget):
    """Edits a list of blocks in place: paragraphs and point lists (一是……二是……)."""

    def __init__(self, form: BaseForm, blocks: list[Block]):
        super().__init__()
        self.form = form
        self.host = form.host
        self.blocks = blocks
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(10)
        self.rebuild()

    def changed(self) -> None:
        self.host.touch()
        self.form.refresh_figures()

    def rebuild(self) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not self.blocks:
            self.box.addWidget(hint_label("这里还没有正文。用上面的按钮添加段落或分条列举。"))
        for i, block in enumerate(self.blocks):
            self.box.addWidget(self._block_frame(i, block))

    def _block_frame(self, index: int, block: Block) -> QWidget:
        frame = QFrame()
        frame.setObjectName("blockFrame")
        frame.setStyleSheet("#blockFrame { border: 1px solid #dadce0; border-radius: 4px; background: #fafbfc; }")
        col = QVBoxLayout(frame)
        col.setContentsMargins(10, 6, 10, 10)
        head = QHBoxLayout()
        title = "段落" if isinstance(block, Paragraph) else "分条列举（一是……二是……）"
        head.addWidget(QLabel(f"<b>{title}</b>"))
        head.addStretch(1)
        for text, tip, step in (("上移", "把这一段移到前面", -1), ("下移", "把这一段移到后面", 1)):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setEnabled(0 <= index + step < len(self.blocks))
            b.clicked.connect(lambda _=False, s=step: self.move_block(index, s))
            head.addWidget(b)
        delete = QPushButton("删除")
        delete.setToolTip("删除这一段（可用撤销以外的方式恢复：重新输入）")
        delete.clicked.connect(lambda: self.delete_block(index))
        head.addWidget(delete)
        col.addLayout(head)
        if isinstance(block, Paragraph):
            field = self.form.text_field(block.text, lambda t, b=block: self._set_paragraph(b, t), min_lines=3)
            col.addWidget(field)
        else:
            self._points(col, block)
        return frame

    def _points(self, col: QVBoxLayout, block: PointList) -> None:
        col.addWidget(QLabel("引导语（可不填）："))
        col.addWidget(
            self.form.text_field(
                block.lead, lambda t, b=block: self._set_lead(b, t), min_lines=1, placeholder="例如：主要存在以下问题："
            )
        )
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for i, item in enumerate(block.items):
            marker = QLabel(point_marker(i))
            marker.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            marker.setContentsMargins(0, 6, 0, 0)
            grid.addWidget(marker, i, 0)
            grid.addWidget(self.form.text_field(item, lambda t, b=block, n=i: self._set_item(b, n, t)), i, 1)
            rm = QPushButton("删除")
            rm.setToolTip("删除这一条")
            rm.clicked.connect(lambda _=False, b=block, n=i: self.delete_item(b, n))
            grid.addWidget(rm, i, 2, Qt.AlignmentFlag.AlignTop)
        col.addLayout(grid)
        row = QHBoxLayout()
        add = QPushButton("添加一条")
        add.clicked.connect(lambda: self.add_item(block))
        if len(block.items) >= MAX_POINTS:
            add.setEnabled(False)
            add.setToolTip(f"每组最多 {MAX_POINTS} 条；更多的内容请另起一组或写成段落")
        row.addWidget(add)
        inline = QCheckBox("各条连成一段（一是……二是……写在同一段中）")
        inline.setChecked(block.inline)
        inline.toggled.connect(lambda on, b=block: self._set_inline(b, on))
        row.addWidget(inline)
        row.addStretch(1)
        col.addLayout(row)

    # edits
    def _set_paragraph(self, block: Paragraph, text: str) -> None:
        block.text = clean_text(text)
        self.changed()

    def _set_lead(self, block: PointList, text: str) -> None:
        block.lead = clean_text(text)
        self.changed()

    def _set_item(self, block: PointList, index: int, text: str) -> None:
        block.items[index] = clean_text(text)
        self.changed()

    def _set_inline(self, block: PointList, on: bool) -> None:
        block.inline = on
        self.host.touch()

    def add_paragraph(self) -> None:
        self.blocks.append(Paragraph(""))
        self._structure_changed(focus_last=True)

    def add_points(self) -> None:
        self.blocks.append(PointList(items=["", ""]))
        self._structure_changed(focus_last=True)

    def add_item(self, block: PointList) -> None:
        block.items.append("")
        self._structure_changed()

    def delete_item(self, block: PointList, index: int) -> None:
        del block.items[index]
        self._structure_changed()

    def move_block(self, index: int, step: int) -> None:
        j = index + step
        if 0 <= j < len(self.blocks):
            self.blocks[index], self.blocks[j] = self.blocks[j], self.blocks[index]
            self._structure_changed()

    def delete_block(self, index: int) -> None:
        del self.blocks[index]
        self._structure_changed()

    def _structure_changed(self, focus_last: bool = False) -> None:
        self.rebuild()
        self.changed()
        if isinstance(self.form, SectionForm):
            self.form.refresh_hint_placeholders()
        if focus_last:
            fields = [w for w in self.findChildren(TextField)]
            if fields:
                fields[-1].setFocus()


# ---------------------------------------------------------------- figures


class FigureRow:
    """The widgets of one figure in the figures panel."""

    def __init__(self, panel: FiguresPanel, grid: QGridLayout, row: int, key: str):
        self.panel = panel
        self.key = key
        fig = panel.host.report.figures[key]
        label = QLabel(fig.label or key)
        label.setToolTip(f"正文中显示为{panel.host.figure_text().token(key)}")
        label.setWordWrap(True)
        grid.addWidget(label, row, 0)
        self.error = error_label()
        self.preview = QLabel()
        self.preview.setStyleSheet("color: #0b4f9c;")
        if fig.derived:
            self.value = QLineEdit()
            self.value.setReadOnly(True)
            self.value.setStyleSheet("background: #eef0f2; color: #3c4043;")
            self.value.setToolTip("自动计算，无需填写")
            grid.addWidget(self.value, row, 1)
            hint = hint_label(f"自动计算：{figmod.formula_text(fig.formula, panel.host.report.figures)}")
            grid.addWidget(hint, row, 2, 1, 2)
            self.unit = None
            self.qualifier = None
        else:
            self.value = QLineEdit(figmod.number_text(fig.value) if fig.value is not None else "")
            self.value.setPlaceholderText("填写数字")
            self.value.setObjectName(f"figure_{key}")
            self.value.textEdited.connect(self._value_edited)
            self.value.editingFinished.connect(self._value_left)
            grid.addWidget(self.value, row, 1)
            self.qualifier = qualifier_combo(fig.qualifier)
            self.qualifier.currentIndexChanged.connect(self._qualifier_changed)
            grid.addWidget(self.qualifier, row, 2)
            self.unit = QLineEdit(fig.unit)
            self.unit.setPlaceholderText("单位")
            bound_length(self.unit, MAX_UNIT_LENGTH)
            self.unit.setMaximumWidth(90)
            self.unit.textEdited.connect(self._unit_edited)
            grid.addWidget(self.unit, row, 3)
        grid.addWidget(self.preview, row, 4)
        grid.addWidget(self.error, row + 1, 1, 1, 3)
        self._add_year_widgets(grid, row)
        self.parse_error = ""
        #: The figure's value and 待更新/请确认 before the clerk began typing into the field: what
        #: the figure keeps while the text typed so far is not a number as a whole.
        self.before_typing = (fig.value, fig.review)

    def _add_year_widgets(self, grid: QGridLayout, row: int) -> None:
        """Last year beside this year (上年：12件，增加3件) and what the roll-over left to do:
        待更新 (fill in) or 请确认 (confirm the value carried over)."""
        key = self.key
        self.last_year = QLabel()
        self.last_year.setObjectName(f"last_year_{key}")
        self.last_year.setStyleSheet("color: #5f6368;")
        self.last_year.setWordWrap(True)
        grid.addWidget(self.last_year, row + 1, 4)
        flag = QWidget()
        flag_box = QHBoxLayout(flag)
        flag_box.setContentsMargins(0, 0, 0, 0)
        self.kind = None
        if not self.fig.derived:
            self.kind = kind_combo(self.fig.kind)
            self.kind.setObjectName(f"kind_{key}")
            self.kind.currentIndexChanged.connect(self._kind_changed)
            flag_box.addWidget(self.kind)
        self.review = QLabel()
        self.review.setObjectName(f"review_{key}")
        self.review.setStyleSheet("color: #a15c00; font-weight: bold;")
        flag_box.addWidget(self.review)
        self.confirm = QPushButton("确认")
        self.confirm.setObjectName(f"confirm_{key}")
        self.confirm.setToolTip("沿用上年的数值：确认后不再提示")
        self.confirm.clicked.connect(self._confirmed)
        flag_box.addWidget(self.confirm)
        flag_box.addStretch(1)
        grid.addWidget(flag, row + 1, 0)

    @property
    def fig(self):
        return self.panel.host.report.figures[self.key]

    def _value_edited(self, text: str) -> None:
        """Key by key: a text that is a number as a whole is the value; anything else (1a5b, 80余,
        even when a prefix was a number a keystroke ago) leaves the value from before the typing."""
        fig = self.fig
        try:
            value = figmod.parse_typed_value(text)
        except InvalidInput as exc:
            self.parse_error = exc.message
            if (fig.value, fig.review) != self.before_typing:
                fig.value, fig.review = self.before_typing
                self.panel.host.touch()
        else:
            self.parse_error = ""
            services.set_value(self.panel.host.report, self.key, value)  # a value clears 待更新/请确认
            self.panel.host.touch()
        self.panel.host.figures_changed()

    def _value_left(self) -> None:
        """Enter or leaving the field ends a run of typing: a valid text is now the value to keep."""
        if not self.parse_error:
            self.before_typing = (self.fig.value, self.fig.review)

    def _kind_changed(self) -> None:
        self.fig.kind = self.kind.currentData()
        self.panel.host.touch()
        self.panel.host.figures_changed()

    def _confirmed(self) -> None:
        services.confirm(self.panel.host.report, self.key)
        self.panel.host.touch()
        self.panel.host.figures_changed()

    def _qualifier_changed(self) -> None:
        self.fig.qualifier = self.qualifier.currentData()
        self.panel.host.touch()
        self.panel.host.figures_changed()

    def _unit_edited(self, text: str) -> None:
        self.fig.unit = clean_line(text)
        self.panel.host.touch()
        self.panel.host.figures_changed()

    def refresh(self, values, problems) -> None:
        fig = self.fig
        value = values.get(self.key)
        if fig.derived:
            self.value.setText("" if value is None else figmod.number_text(value, fig.decimals))
        shown = figmod.format_figure(fig, value) if value is not None else ""
        if self.parse_error:  # the model keeps the last valid value: say so, not what was typed
            self.preview.setText(f"输入有误，未采用；文中仍为：{shown or figmod.format_figure(fig, None)}")
        else:
            self.preview.setText("文中显示为：" + shown if shown else "")
        message = self.parse_error or problems.get(self.key, "")
        self.error.setText(message)
        self.error.setVisible(bool(message))
        last = services.last_year_text(self.panel.host.report, self.key, values)
        self.last_year.setText(last)
        self.last_year.setVisible(bool(last))
        review = REVIEW_STATES.get(fig.review, "")
        self.review.setText(review)
        self.review.setVisible(bool(review))
        self.confirm.setVisible(fig.review == REVIEW_CONFIRM)
        self.value.setStyleSheet(
            "border: 1px solid #b00020;"
            if message and not fig.derived
            else ("background: #eef0f2; color: #3c4043;" if fig.derived else "")
        )


class FiguresPanel(QGroupBox):
    """The figures a part of the report refers to, as real inputs."""

    def __init__(self, host: FormHost, texts):
        super().__init__("本节数据")
        self.host = host
        self.texts = texts  # callable: the texts whose placeholders count
        self.rows: list[FigureRow] = []
        self.keys: list[str] = []
        self.box = QVBoxLayout(self)
        self.grid_host: QWidget | None = None
        self.rebuild()

    def wanted_keys(self) -> list[str]:
        """The figures the texts use (and what feeds a derived one), in text order."""
        return figmod.figure_keys_in(self.texts(), self.host.report.figures)

    def missing_keys(self) -> list[str]:
        out = []
        for text in self.texts():
            for key in PLACEHOLDER_RE.findall(text):
                if key not in self.host.report.figures and key not in YEAR_VARIABLES and key not in out:
                    out.append(key)
        return out

    def rebuild_if_needed(self) -> None:
        if self.wanted_keys() != self.keys or bool(self.missing_keys()) != self._had_missing:
            self.rebuild()

    def rebuild(self) -> None:
        if self.grid_host is not None:
            self.box.removeWidget(self.grid_host)
            self.grid_host.deleteLater()
        self.grid_host = QWidget()
        grid = QGridLayout(self.grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 3)
        self.keys = self.wanted_keys()
        self.rows = []
        missing = self.missing_keys()
        self._had_missing = bool(missing)
        if not self.keys:
            grid.addWidget(
                hint_label(
                    "正文中还没有引用数据。把光标放在正文中，点“插入数据…”即可插入一个数字（如受理件数），"
                    "数字在这里统一填写。"
                ),
                0,
                0,
                1,
                5,
            )
        for n, key in enumerate(self.keys):
            self.rows.append(FigureRow(self, grid, 2 * n, key))
        if missing:
            text = "、".join(missing)
            grid.addWidget(
                error_label_shown(f"正文引用了不存在的数据：{text}（红色标出）。请删除，或用“插入数据…”插入已有数据。"),
                2 * len(self.keys),
                0,
                1,
                5,
            )
        self.box.addWidget(self.grid_host)
        self.refresh()

    def refresh(self) -> None:
        report = self.host.report
        computed = figmod.report_values(report)  # once per refresh, for the values and the problems
        values = computed[0]
        problems = figmod.validate_figures(report.figures, computed=computed)
        for row in self.rows:
            row.refresh(values, problems)


def error_label_shown(text: str) -> QLabel:
    label = error_label()
    label.setText(text)
    label.show()
    return label


# ---------------------------------------------------------------- pages


def _texts_of_blocks(blocks: list[Block]) -> list[str]:
    return [t for b in blocks for t in block_paragraph_texts(b)]


class SectionForm(BaseForm):
    """One section: heading, how it is set, body blocks and its figures."""

    def __init__(self, host: FormHost, section: Section, label: str, level: int):
        super().__init__(host)
        self.section = section
        self.title = heading_label("")
        self.title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.history_button = QPushButton("历史版本…")
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip("查看这一节以前的内容，并可恢复其中一个版本")
        self.history_button.clicked.connect(lambda: host.section_history(section.uid))
        top.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(top)
        self.set_label(label, level)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.heading = QLineEdit(host.figure_text().to_display(section.heading))
        self.heading.setObjectName("headingEdit")
        self.heading.setPlaceholderText("标题文字，不含编号（编号自动生成）")
        self.heading.textEdited.connect(self._heading_edited)
        form.addRow("标题：", self.heading)
        options = QHBoxLayout()
        self.run_in = QCheckBox("标题与正文接排（标题后直接接正文，同一段）")
        self.run_in.setChecked(section.run_in)
        self.run_in.toggled.connect(self._run_in_toggled)
        self.numbered = QCheckBox("自动编号")
        self.numbered.setToolTip(
            "不编号且标题留空时，报告中不显示这一行，下级标题照常编号，用于“一、”之下直接是“1.”的写法"
        )
        self.numbered.setChecked(section.numbered)
        self.numbered.toggled.connect(self._numbered_toggled)
        self.closed = QCheckBox("不公开")
        self.closed.setObjectName("notPublicCheck")
        self.closed.setToolTip("生成“公开版”（用于政府网站公开）时不包含这一部分及其下级")
        self.closed.setChecked(not section.public)
        self.closed.toggled.connect(lambda on: (setattr(section, "public", not on), host.touch()))
        options.addWidget(self.run_in)
        options.addWidget(self.numbered)
        options.addWidget(self.closed)
        options.addStretch(1)
        form.addRow("", options)
        self.layout_.addLayout(form)
        self.hint_text = services.writing_hint(host.report, section.uid)
        self.hint_button: QToolButton | None = None
        self.hint: QLabel | None = None
        if self.hint_text:
            self._add_hint(self.hint_text, expanded=not section.blocks)
        self.layout_.addWidget(hline())

        self.layout_.addLayout(body_toolbar(self))
        self.blocks = BlocksEditor(self, section.blocks)
        self.layout_.addWidget(self.blocks)
        self.figures_panel = FiguresPanel(host, self.texts)
        self.layout_.addWidget(self.figures_panel)
        self.finish()
        if self.hint_text:
            self._hint_as_placeholder()

    def _add_hint(self, text: str, expanded: bool) -> None:
        """写作提示: a line that opens to the hint (open while the part is empty); never printed."""
        button = QToolButton()
        button.setObjectName("hintButton")
        button.setText("写作提示")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setCheckable(True)
        label = hint_label(text + "（提示只在这里显示，不会写入报告。）")
        label.setObjectName("hintLabel")
        label.setStyleSheet("color: #5f6368; background: #f1f3f4; padding: 6px 8px; border-radius: 4px;")

        def toggle(on: bool) -> None:
            button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
            label.setVisible(on)

        button.toggled.connect(toggle)
        button.setChecked(expanded)
        toggle(expanded)
        self.layout_.addWidget(button)
        self.layout_.addWidget(label)
        self.hint_button, self.hint = button, label

    def _hint_as_placeholder(self) -> None:
        for field in self.findChildren(TextField):
            if not field.toPlainText() and not field.placeholderText():
                field.setPlaceholderText(f"写作提示：{self.hint_text}")

    def refresh_hint_placeholders(self) -> None:
        """A paragraph added to an empty part shows the hint until typed into."""
        if self.hint_text:
            self._hint_as_placeholder()

    def texts(self) -> list[str]:
        return [self.section.heading, *_texts_of_blocks(self.section.blocks)]

    def set_label(self, label: str, level: int) -> None:
        if self.section.holds_level:
            heading = "（无标题、不编号：报告中不显示这一行，下级标题照常编号）"
        else:
            heading = (
                figmod.expand_text(self.section.heading, self.host.report) if self.section.heading else "（无标题）"
            )
        self.title.setText(f"{LEVEL_NAMES.get(level, '')}　{label}{heading}")
        self._label, self._level = label, level

    def _heading_edited(self, text: str) -> None:
        self.section.heading = clean_line(self.host.figure_text().to_raw(text))
        self.set_label(self._label, self._level)
        self.host.touch()
        self.host.heading_changed(self.section)
        self.refresh_figures()

    def _run_in_toggled(self, on: bool) -> None:
        self.section.run_in = on
        self.host.touch()

    def _numbered_toggled(self, on: bool) -> None:
        self.section.numbered = on
        self.set_label(numbering_labels(self.host.report).get(self.section.uid, ""), self._level)
        self.host.touch()
        self.host.numbering_changed()


def body_toolbar(form: BaseForm) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(QLabel("<b>正文</b>"))
    row.addStretch(1)
    insert = QPushButton("插入数据…")
    insert.setObjectName("insertFigureButton")
    insert.setToolTip("在光标处插入一个数字（如受理件数），数字在下方“本节数据”中统一填写")
    insert.clicked.connect(form.host.insert_figure)
    add_p = QPushButton("添加段落")
    add_p.clicked.connect(lambda: form.blocks.add_paragraph())
    add_l = QPushButton("添加分条列举")
    add_l.clicked.connect(lambda: form.blocks.add_points())
    for b in (insert, add_p, add_l):
        row.addWidget(b)
    return row


class IntroForm(BaseForm):
    """The opening paragraphs before the first heading."""

    def __init__(self, host: FormHost):
        super().__init__(host)
        self.layout_.addWidget(heading_label("开头段落"))
        self.layout_.addWidget(hint_label("写在第一个标题之前的总述。"))
        self.layout_.addLayout(body_toolbar(self))
        self.blocks = BlocksEditor(self, host.report.intro)
        self.layout_.addWidget(self.blocks)
        self.figures_panel = FiguresPanel(host, lambda: _texts_of_blocks(host.report.intro))
        self.figures_panel.setTitle("开头段落中的数据")
        self.layout_.addWidget(self.figures_panel)
        self.finish()


def _lines(text: str) -> list[str]:
    return [clean_line(x) for x in text.splitlines() if clean_line(x)]


class TitleForm(BaseForm):
    """Title block: issuing bodies, report name, title, year, addressee."""

    def __init__(self, host: FormHost):
        super().__init__(host)
        r = host.report
        form = self.titled_form("标题与发文机关")
        self.year = guard_wheel(QSpinBox())
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(r.year)
        self.year.setSuffix(" 年度")
        self.year.setMaximumWidth(160)
        self.year.valueChanged.connect(self._year)
        form.addRow("报告年度：", self.year)
        self.issuers = QTextEditLines("\n".join(r.issuers), self._issuers)
        form.addRow("发文机关：", self.issuers)
        form.addRow("", hint_label("每行一个机关；联合行文时写多行。"))
        self.title = QLineEdit(host.figure_text().to_display(r.title))
        self.title.setObjectName("titleEdit")
        self.title.textEdited.connect(self._title)
        form.addRow("标题：", self.title)
        self.title_preview = hint_label("")
        form.addRow("", self.title_preview)
        self.addressee = QLineEdit(r.addressee)
        self.addressee.setPlaceholderText("例如：区委依法治区办（不需要可不填）")
        self.addressee.textEdited.connect(self._addressee)
        form.addRow("主送机关：", self.addressee)
        self.name = QLineEdit(r.name)
        self.name.setPlaceholderText("只在报告列表中显示，便于区分（可不填）")
        self.name.textEdited.connect(self._name)
        form.addRow("报告名称：", self.name)
        self._predecessor_rows(form)
        self.layout_.addLayout(form)
        self._preview()
        self.finish()

    def _predecessor_rows(self, form: QFormLayout) -> None:
        """上一年度报告: where the 上年 values beside the figures come from."""
        row = QHBoxLayout()
        self.predecessor = guard_wheel(QComboBox())
        self.predecessor.setObjectName("predecessorCombo")
        self.predecessor.setMinimumWidth(320)
        self.predecessor.activated.connect(self._predecessor_chosen)
        row.addWidget(self.predecessor, 1)
        self.all_reports = QCheckBox("列出所有报告")
        self.all_reports.setToolTip("不只列出同一发文机关的报告")
        self.all_reports.toggled.connect(lambda _: self._fill_predecessors())
        row.addWidget(self.all_reports)
        form.addRow("上一年度报告：", row)
        self.predecessor_text = hint_label("")
        form.addRow("", self.predecessor_text)
        self.predecessor_error = error_label()
        form.addRow("", self.predecessor_error)
        self._fill_predecessors()

    def _fill_predecessors(self) -> None:
        """The earlier reports of the same issuing body (or all), the linked one chosen."""
        r = self.host.report
        body = services.issuing_body(r.issuers, r.name)
        summaries = self.host.workspace.reports.summaries()
        current = next((s for s in summaries if s.uid == r.predecessor_uid), None)
        self.predecessor.clear()
        self.predecessor.addItem("（无）", None)
        for s in sorted(summaries, key=lambda s: -s.year):
            if s.id == self.host.report_id or s.year >= r.year:
                continue
            if s is current or self.all_reports.isChecked() or services.issuing_body(s.issuers, s.name) == body:
                self.predecessor.addItem(f"{s.year}年度 {s.display_name}", s.id)
        self.predecessor.setCurrentIndex(max(0, self.predecessor.findData(current.id)) if current else 0)
        if current is not None:
            self.predecessor_text.setText(
                f"上一年度报告：{current.year}年度 {current.display_name}。各项数据旁显示的上年数值取自这份报告。"
            )
        else:
            self.predecessor_text.setText("没有上一年度报告：数据旁不显示上年数值。")

    def _predecessor_chosen(self, index: int) -> None:
        try:
            self.host.set_predecessor(self.predecessor.itemData(index))
        except HxError as exc:
            self.predecessor_error.setText(exc.message)
            self.predecessor_error.show()
        else:
            self.predecessor_error.hide()
        self._fill_predecessors()

    def _preview(self) -> None:
        r = self.host.report
        self.title_preview.setText(
            "显示为：" + figmod.expand_text(r.title, r).replace("\n", " ") + "　（【报告年份】会自动换成报告年度）"
        )

    def _year(self, value: int) -> None:
        self.host.report.year = value
        self._preview()
        self._fill_predecessors()
        self.host.touch()
        self.host.heading_changed(None)

    def _issuers(self, text: str) -> None:
        self.host.report.issuers = _lines(text)
        self.host.touch()
        self.host.heading_changed(None)

    def _title(self, text: str) -> None:
        self.host.report.title = clean_text(self.host.figure_text().to_raw(text)).strip()
        self._preview()
        self.host.touch()

    def _addressee(self, text: str) -> None:
        self.host.report.addressee = clean_line(text)
        self.host.touch()

    def _name(self, text: str) -> None:
        self.host.report.name = clean_line(text)
        self.host.touch()
        self.host.heading_changed(None)


class QTextEditLines(TextField):
    """A multi-line field for lists of lines (issuers, signatures): Enter adds a line."""

    def __init__(self, text: str, on_edit):
        super().__init__(text, min_lines=2)
        self.edited.connect(on_edit)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        QTextEdit.keyPressEvent(self, event)  # Enter starts a new line here

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        QTextEdit.insertFromMimeData(self, source)


class ClosingForm(BaseForm):
    """Closing block: signature lines and the date (2025年1月10日)."""

    def __init__(self, host: FormHost):
        super().__init__(host)
        r = host.report
        form = self.titled_form("落款与日期")
        self.signatures = QTextEditLines("\n".join(r.signatures), self._signatures)
        form.addRow("落款：", self.signatures)
        hint_row = QHBoxLayout()
        hint_row.addWidget(hint_label("每行一个署名机关；不填则文末不署名。"), 1)
        same = QPushButton("同发文机关")
        same.setToolTip("把发文机关填为落款")
        same.clicked.connect(lambda: self.signatures.setPlainText("\n".join(self.host.report.issuers)))
        hint_row.addWidget(same)
        form.addRow("", hint_row)
        row = QHBoxLayout()
        self.has_date = QCheckBox("填写成文日期")
        self.has_date.setChecked(r.date is not None)
        self.date = guard_wheel(QDateEdit())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        d = r.date or _dt.date.today()
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.date.setEnabled(r.date is not None)
        self.has_date.toggled.connect(self._date_changed)
        self.date.dateChanged.connect(self._date_changed)
        row.addWidget(self.has_date)
        row.addWidget(self.date)
        row.addStretch(1)
        form.addRow("成文日期：", row)
        self.preview = hint_label("")
        form.addRow("", self.preview)
        self.layout_.addLayout(form)
        self._show_date()
        self.finish()

    def _signatures(self, text: str) -> None:
        self.host.report.signatures = _lines(text)
        self.host.touch()

    def _date_changed(self, *_: object) -> None:
        on = self.has_date.isChecked()
        self.date.setEnabled(on)
        q = self.date.date()
        self.host.report.date = _dt.date(q.year(), q.month(), q.day()) if on else None
        self._show_date()
        self.host.touch()

    def _show_date(self) -> None:
        d = self.host.report.date
        self.preview.setText(f"文中显示为：{date_text(d)}" if d else "不写日期（报送前请填写）")
