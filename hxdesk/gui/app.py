"""GUI entry point (placeholder until the editor lands): a window that opens
the database and lists its reports."""

from __future__ import annotations

import sys


def run_gui(db_path: str | None = None, screenshot: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

    from .. import services

    app = QApplication.instance() or QApplication(sys.argv)
    store = services.open_store(db_path)
    services.ensure_sample(store)
    window = QMainWindow()
    window.setWindowTitle("hxdesk 法治政府建设年度报告")
    listing = QListWidget()
    for r in store.list_reports():
        listing.addItem(f"{r.year}年度  {r.display_name}  （{r.updated_at}）")
    window.setCentralWidget(listing)
    window.resize(1280, 800)
    window.show()
    if screenshot:
        app.processEvents()
        ok = window.grab().save(screenshot)
        store.close()
        return 0 if ok else 1
    rc = app.exec()
    store.close()
    return rc
