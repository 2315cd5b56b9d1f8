"""预览 (F8): the report's pages as they will print, beside the form.

The pages are laid out off the GUI thread (services.preview_pages, rdocx) from a copy of the report
taken when typing pauses; a result that arrives after a newer edit is dropped. A click on a page
opens the part printed there; opening a part scrolls to its first page.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import services

if TYPE_CHECKING:
    from ..model import Report
    from ..services import Pages, Workspace

PREVIEW_DELAY_MS = 300  # after the last keystroke: the page follows within about a second
A4_WIDTH_INCHES = 210 / 25.4
MIN_DPI, MAX_DPI = 30, 150  # the page is drawn at the width shown, however narrow
EDITIONS = {"plain": "普通版", "submit": "报送版", "public": "公开版"}
ZOOMS = {1.0: "适合宽度", 1.5: "放大 150%", 2.0: "放大 200%"}  # narrow screens: read the page larger


class PreviewHost(Protocol):
    report: Report | None
    workspace: Workspace

    def goto(self, target: tuple[str, ...], needle: str = "") -> None: ...


class PageLabel(QLabel):
    """One page; a click says where (page, height in points from the top)."""

    clicked = Signal(int, float)

    def __init__(self, number: int, parent: QWidget):
        super().__init__(parent)
        self.number = number
        self.height_pt = 0.0  # the page's, once it has a picture
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: white; border: 1px solid #c8c8c8;")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("单击：打开这一页上的章节")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull() or event.button() != Qt.MouseButton.LeftButton:
            return
        shown = pixmap.deviceIndependentSize().height()  # logical pixels on a high-DPI screen
        top = (self.height() - shown) / 2
        y = (event.position().y() - top) / max(1.0, shown) * self.height_pt
        self.clicked.emit(self.number, max(0.0, y))


class PreviewPane(QObject):
    """The preview widget, its debounce timer and the one layout worker."""

    laid_out = Signal(int, object, object)  # (request number, Pages or an error message, page QImages)
    located = Signal(int)  # the request's paragraphs are placed: clicks and following work

    def __init__(self, host: PreviewHost, parent: QWidget):
        super().__init__(parent)
        self.host = host
        self.widget = QWidget(parent)
        # The pane goes with its widget: Qt then drops the signals still queued for it (a layout's
        # "located" from the worker's thread arriving after the window closed).
        self.setParent(self.widget)
        self._build()
        self.page_labels: list[PageLabel] = []
        self.captions: list[QLabel] = []
        self.pages: Pages | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.requested = 0  # number of the newest layout asked for
        self.shown = 0  # number of the layout on screen
        self.busy = False
        self.pending = False
        self.follow_target: tuple[str, ...] | None = None
        self.clicking = False
        self.last_seconds = 0.0
        self.shown_images: list[bytes] = []  # the PNGs on screen
        self.fill_seconds = 0.0  # GUI thread time of the last page update (bench/bench_preview.py)
        self.laid_out.connect(self._show)
        self.worker: services.PageWorker | None = services.PageWorker()
        self.worker_worked = False
        worker = self.worker
        self.widget.destroyed.connect(lambda *_: worker.close())
        self.located.connect(self._located)

    def _build(self) -> None:
        """The pane's widgets: title row, stand-in fonts line, the scrolled pages."""
        self.widget.setObjectName("previewPanel")
        self.widget.setMinimumWidth(260)
        box = QVBoxLayout(self.widget)
        box.setContentsMargins(6, 8, 6, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>预览</b>"))
        self.edition_combo = QComboBox()
        for edition, label in EDITIONS.items():
            self.edition_combo.addItem(label, edition)
        self.edition_combo.setToolTip("按哪种文稿版本显示：报送版带红头和版记")
        self.edition_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.edition_combo)
        self.zoom_combo = QComboBox()
        for factor, label in ZOOMS.items():
            self.zoom_combo.addItem(label, factor)
        self.zoom_combo.setToolTip("页面大小：适合窗口宽度，或放大后左右滚动查看")
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self._zoomed())
        top.addWidget(self.zoom_combo)
        top.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        top.addWidget(self.status)
        box.addLayout(top)
        self.fonts_note = QLabel()
        self.fonts_note.setObjectName("previewFonts")
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setStyleSheet("background: #fff8e1; color: #6d4c00; padding: 4px;")
        self.fonts_note.hide()
        box.addWidget(self.fonts_note)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # pages fit the width (适合宽度)
        self.scroll.setStyleSheet("QScrollArea { background: #e8e8e8; }")
        self.pages_host = QWidget()
        self.pages_host.setStyleSheet("background: #e8e8e8;")
        self.pages_box = QVBoxLayout(self.pages_host)
        self.pages_box.setSpacing(4)
        self.message = QLabel()  # instead of the pages when they cannot be laid out
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("background: #fff8e1; color: #6d4c00; padding: 12px;")
        self.message.hide()
        self.pages_box.addWidget(self.message)
        self.pages_box.addStretch(1)
        self.scroll.setWidget(self.pages_host)
        self.scroll.viewport().installEventFilter(self)
        box.addWidget(self.scroll, 1)

    @property
    def edition(self) -> str:
        return str(self.edition_combo.currentData())

    @property
    def zoom(self) -> float:
        """1.0 适合宽度, or how much larger than the pane the pages are drawn."""
        return float(self.zoom_combo.currentData() or 1.0)

    # ------------------------------------------------------------ requests
    def changed(self) -> None:
        """The report changed: lay it out again once typing pauses."""
        if self.widget.isVisible():
            self.timer.start()

    def refresh(self) -> None:
        """Lay the pages out now (on a worker; one at a time, the newest request wins)."""
        self.timer.stop()
        report = self.host.report
        if report is None or not self.widget.isVisible():
            return
        if self.busy:
            self.pending = True
            return
        self.requested += 1
        number = self.requested
        edition = self.edition
        # What the edition prints, copied: the editor keeps changing the live report (pickled by the worker).
        snapshot = copy.deepcopy(services.edition_view(report, edition))
        fonts = self.host.workspace.settings.fonts()
        width = self.page_width()
        # Laid out at the size shown (no scaling on the GUI thread), sharp on high-DPI screens too.
        ratio = self.widget.devicePixelRatioF()
        dpi = min(MAX_DPI, max(MIN_DPI, width * ratio / A4_WIDTH_INCHES))
        self.busy = True
        self.status.setText("正在排版…")

        def images_of(pages: Pages) -> list[QImage]:
            out = []
            for data in pages.images:
                image = QImage.fromData(data, "PNG")  # QImage, unlike QPixmap, may be made off the GUI thread
                image.setDevicePixelRatio(ratio)
                out.append(image)
            return out

        def work() -> None:
            started = time.perf_counter()

            def show(pages: Pages) -> None:
                self.last_seconds = time.perf_counter() - started
                self.laid_out.emit(number, pages, images_of(pages))

            try:
                try:
                    if self.worker is None:
                        raise services.WorkerUnavailable("")
                    self.worker.lay_out(snapshot, fonts, edition, dpi=dpi, on_images=show)
                    self.worker_worked = True
                except services.PageEngineError as exc:
                    if self.worker_worked and not isinstance(exc, services.WorkerUnavailable):
                        raise  # it has worked before: say so; it is started again next time
                    # No worker process here (it cannot start, or never answered): lay out in this thread.
                    self.worker = None
                    pages = services.preview_pages(snapshot, fonts, edition, dpi=dpi, locate=False)
                    show(pages)
                    pages.locate()
                self.located.emit(number)
            except RuntimeError:
                return  # the window closed while the pages were laid out
            except services.HxError as exc:
                self._failed(number, f"预览失败：{exc.message}")
            except Exception as exc:  # noqa: BLE001  a layout engine failure must not end the app
                self._failed(number, f"预览暂时无法显示（{type(exc).__name__}），生成的文档不受影响。")

        threading.Thread(target=work, name="hxdesk-preview", daemon=True).start()

    def _failed(self, number: int, message: str) -> None:
        try:
            self.laid_out.emit(number, message, [])
        except RuntimeError:
            pass  # the window closed meanwhile

    def page_width(self) -> int:
        """The width a page is shown at: the viewport less the page margins and the scroll bar to come."""
        bar = self.scroll.verticalScrollBar()
        margins = self.pages_box.contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right() - 2  # the page's border
        if not bar.isVisible():
            room -= bar.sizeHint().width()
        return round(max(200, room) * self.zoom)

    def _zoomed(self) -> None:
        """Larger than the pane: the pages scroll sideways too."""
        wide = self.zoom > 1.0
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if wide else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.scroll.setHorizontalScrollBarPolicy(policy)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A wider or narrower pane lays the pages out again at the new size."""
        if event.type() == QEvent.Type.Resize and self.shown_images:
            shown = self.page_labels[0].pixmap() if self.page_labels else None
            if shown is not None and abs(shown.deviceIndependentSize().width() - self.page_width()) > 24:
                self.changed()
        return False

    def _show(self, number: int, result: object, images: list[QImage]) -> None:
        self.busy = False
        if self.pending:
            self.pending = False
            QTimer.singleShot(0, self.refresh)
        if number < self.requested or isinstance(result, str):
            if isinstance(result, str) and number == self.requested:
                self._show_message(result)
            elif isinstance(result, str):
                self.status.setText(result)
            return
        pages: Pages = result  # type: ignore[assignment]
        self.pages = pages
        self.shown = number
        t0 = time.perf_counter()
        self._fill(pages, images)
        self.fill_seconds = time.perf_counter() - t0

    def _show_message(self, message: str) -> None:
        """The newest layout failed: the message in place of pages that no longer show the report."""
        while self.page_labels:
            self.page_labels.pop().deleteLater()
            self.captions.pop().deleteLater()
        self.pages = None
        self.shown_images = []
        self.message.setText(message)
        self.message.show()
        self.status.setText("无法排版")

    def _located(self, number: int) -> None:
        if number == self.shown and self.follow_target is not None:
            self.scroll_to(self.follow_target)

    def _fill(self, pages: Pages, images: list[QImage]) -> None:
        while len(self.page_labels) > len(pages.images):
            self.page_labels.pop().deleteLater()
            self.captions.pop().deleteLater()
        while len(self.page_labels) < len(pages.images):
            label = PageLabel(len(self.page_labels), self.pages_host)
            label.clicked.connect(self._clicked)
            caption = QLabel(self.pages_host)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setStyleSheet("color: #5f6368;")
            at = self.pages_box.count() - 1  # before the stretch
            self.pages_box.insertWidget(at, label)
            self.pages_box.insertWidget(at + 1, caption)
            self.page_labels.append(label)
            self.captions.append(caption)
        before = self.shown_images
        for n, (label, caption, image) in enumerate(zip(self.page_labels, self.captions, images, strict=True)):
            if n < len(before) and before[n] == pages.images[n] and label.pixmap() is not None:
                continue  # an unchanged page keeps its picture (typing changes one page or a few)
            label.height_pt = pages.height_pt
            label.setPixmap(QPixmap.fromImage(image))
            caption.setText(f"第 {n + 1} 页")
        self.shown_images = list(pages.images)
        self.message.hide()
        self.status.setText(f"共 {len(pages.images)} 页")
        stand_ins = [f"{s.wanted}→{s.used or '默认字体'}" for s in pages.substitutions]
        self.fonts_note.setVisible(bool(stand_ins))
        self.fonts_note.setText("本机未安装，预览中代替：" + "，".join(stand_ins) if stand_ins else "")
        self.fonts_note.setToolTip(
            "\n".join(s.describe() for s in pages.substitutions)
            + "\n生成的 .docx 仍使用设置的字体；在装有这些字体的电脑上打开即按原字体显示。"
        )

    # ------------------------------------------------------------ places
    def _clicked(self, page: int, y_pt: float) -> None:
        if self.pages is None:
            return
        place = self.pages.place_at(page, y_pt)
        if place is not None:
            self.clicking = True  # the page stays where the user clicked it
            try:
                self.host.goto(place)
            finally:
                self.clicking = False

    def follow(self, target: tuple[str, ...]) -> None:
        """The form now shows ``target``: bring its first page into view."""
        self.follow_target = target
        if self.pages is not None and not self.clicking:
            self.scroll_to(target)

    def scroll_to(self, target: tuple[str, ...]) -> None:
        if self.pages is None:
            return
        on = self.pages.pages_of(target)
        if on and on[0] < len(self.page_labels):
            label = self.page_labels[on[0]]
            # After the layout has placed new pages (their y is 0 until then). The label is the timer's
            # context: Qt drops the call if the page (or its window) is gone by then.
            bar = self.scroll.verticalScrollBar()
            QTimer.singleShot(0, label, lambda: bar.setValue(label.y() - 4))
