"""预览 of a report too long for the page engine: a clear message in place of the pages, the editor
alive, and the pages back once the report is laid out again (hxdesk/render/pages.py, MAX_LAYOUT_CHARS)."""

from __future__ import annotations

from support import TOO_LONG, limited_page_worker, long_text

from hxdesk.model import Paragraph

from .test_preview import SAMPLE_PAGES, open_with_preview


def test_the_preview_says_the_report_is_too_long_and_keeps_the_editor(open_window, sample_store, qtbot):
    main, pane = open_with_preview(open_window, sample_store, qtbot)
    pane.worker.close()
    pane.worker = limited_page_worker()  # a guardless engine fails under its address-space limit, not the PC
    section = main.report.sections[0]
    kept = section.blocks
    section.blocks = [Paragraph(long_text(TOO_LONG // 4)) for _ in range(4)]  # as an import could hold
    shown = pane.shown
    pane.refresh()
    qtbot.waitUntil(lambda: not pane.busy, timeout=60000)
    assert pane.message.isVisible(), pane.status.text()
    assert "报告过长" in pane.message.text() and "LibreOffice" in pane.message.text()
    assert pane.page_labels == [] and pane.pages is None, "no pages that no longer show the report"
    assert pane.shown == shown
    assert main.window.isVisible() and main.report is not None
    section.blocks = kept  # the clerk shortens the report: the pages come back
    pane.refresh()
    qtbot.waitUntil(lambda: not pane.busy and pane.pages is not None, timeout=60000)
    assert pane.message.isHidden()
    assert len(pane.page_labels) == SAMPLE_PAGES
    assert pane.status.text() == f"共 {SAMPLE_PAGES} 页"
