"""Small widgets the forms are made of: an auto-growing text field that marks
figure placeholders, the placeholder highlighter, and the wheel guard of
combo boxes, spin boxes and date fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from ..figuretext import TOKEN_RE, FigureText
from ..model import PLACEHOLDER_RE, YEAR_VARIABLES


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Marks figures in the text: 【受理来信来访】 blue, 【报告年份】 green,
    a placeholder naming no figure red."""

    def __init__(self, document, codec: Callable[[], FigureText]):
        super().__init__(document)
        self._codec = codec
        self._figure = QTextCharFormat()
        self._figure.setBackground(QColor("#dbe9ff"))
        self._figure.setForeground(QColor("#0b4f9c"))
        self._year = QTextCharFormat()
        self._year.setBackground(QColor("#dff3e3"))
        self._year.setForeground(QColor("#1c6b2f"))
        self._unknown = QTextCharFormat()
        self._unknown.setBackground(QColor("#ffe0e0"))
        self._unknown.setForeground(QColor("#b00020"))
        self._unknown.setFontUnderline(True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt API)
        if "【" not in text and "{{" not in text:
            return
        codec = self._codec()
        for m in TOKEN_RE.finditer(text):
            kind = codec.kind(m.group(1))
            if kind:
                self.setFormat(m.start(), m.end() - m.start(), self._year if kind == "year" else self._figure)
        for m in PLACEHOLDER_RE.finditer(text):
            key = m.group(1)
            known = key in YEAR_VARIABLES or key in codec.keys
            self.setFormat(m.start(), m.end() - m.start(), self._figure if known else self._unknown)


class TextField(QTextEdit):
    """Plain text, growing with its content; Enter does not add a line break
    (one field is one paragraph of the report).  Undo/redo are Qt's own."""

    edited = Signal(str)
    focused = Signal(object)

    def __init__(
        self,
        text: str = "",
        codec: Callable[[], FigureText] | None = None,
        *,
        min_lines: int = 2,
        placeholder: str = "",
    ):
        super().__init__()
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._min_lines = min_lines
        self.codec = codec or (lambda: FigureText(None))
        self.setPlainText(self.codec().to_display(text))
        self.document().setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(True)  # loading the text is not an undo step
        self.highlighter = PlaceholderHighlighter(self.document(), self.codec)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._last_text = self.toPlainText()
        # textChanged also fires when only formats change (the highlighter): emit real edits only.
        self.textChanged.connect(self._text_changed)
        self._fit()

    def _text_changed(self) -> None:
        text = self.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self.edited.emit(self.codec().to_raw(text))  # the model keeps {{key}}

    def _fit(self, *_: object) -> None:
        line = self.fontMetrics().lineSpacing()
        doc_h = int(self.document().size().height())
        frame = 2 * self.frameWidth() + int(self.document().documentMargin())
        self.setFixedHeight(max(doc_h, self._min_lines * line + 8) + frame)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        # A paste of several lines becomes one paragraph.
        if source.hasText():
            self.textCursor().insertText(source.text().replace("\r", "").replace("\n", ""))
        else:
            super().insertFromMimeData(source)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit(self)

    def insert_placeholder(self, key: str) -> None:
        cursor = self.textCursor()
        cursor.insertText(self.codec().token(key))
        self.setTextCursor(cursor)
        self.setFocus()

    def select_text(self, needle: str) -> bool:
        """Select the first occurrence of ``needle``; False if absent."""
        index = self.toPlainText().find(needle)
        if index < 0:
            return False
        cursor = self.textCursor()
        cursor.setPosition(index)
        cursor.setPosition(index + len(needle), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus()
        self.ensureCursorVisible()
        return True

    def rehighlight(self) -> None:
        self.highlighter.rehighlight()


#: A widget property: the wheel never changes this field, focused or not (a figure's qualifier or kind).
NO_WHEEL = "hxdesk_no_wheel"


class WheelGuard(QObject):
    """Event filter: a field takes the wheel only while it has keyboard focus, and a field
    marked NO_WHEEL never does (its open popup list still scrolls: the wheel goes to the list).

    Otherwise the wheel scrolls the nearest scroll area (the form), so scrolling
    past a combo box or the year never changes a saved value.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget):
            return False
        if obj.hasFocus() and not obj.property(NO_WHEEL):
            return False
        area = _scroll_area_of(obj)
        if area is None:
            event.ignore()  # the parent gets it (a real wheel event goes up the parents)
            return True
        viewport = area.viewport()
        assert isinstance(event, QWheelEvent)
        forwarded = QWheelEvent(
            QPointF(obj.mapTo(viewport, event.position().toPoint())),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        return True


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


_wheel_guard: WheelGuard | None = None
W = TypeVar("W", bound=QWidget)


def guard_wheel(widget: W, *, never: bool = False) -> W:
    """No value change from a passing wheel: focus by click or Tab only, and the
    wheel acts only while focused, or with ``never`` not at all (see WheelGuard).  Returns ``widget``."""
    global _wheel_guard
    if _wheel_guard is None:
        _wheel_guard = WheelGuard()
    if never:
        widget.setProperty(NO_WHEEL, True)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_wheel_guard)
    return widget


def guard_wheel_in(root: QWidget) -> None:
    """guard_wheel on every combo box, spin box and date field in ``root`` (a loaded .ui)."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QComboBox, QAbstractSpinBox)):
            guard_wheel(widget)


def show_error(parent, title: str, text: str) -> None:
    """A Chinese warning box; with HXDESK_NO_ERROR_DIALOG set (tests) only stderr."""
    import os
    import sys

    if os.environ.get("HXDESK_NO_ERROR_DIALOG"):
        sys.stderr.write(f"hxdesk: {title}: {text}\n")
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def heading_label(text: str, size_delta: int = 4) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + size_delta)
    font.setBold(True)
    label.setFont(font)
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #dadce0;")
    return line
