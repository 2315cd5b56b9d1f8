"""GUI fixtures: the real application set-up and a main window on a real SQLite file."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_error_dialogs(monkeypatch):
    """A failure must fail the test, not wait for a click on a message box."""
    monkeypatch.setenv("HXDESK_NO_ERROR_DIALOG", "1")


@pytest.fixture
def app(qapp):
    from hxdesk.gui.app import create_application

    return create_application()


@pytest.fixture
def open_window(app, qtbot):
    """open_window(store) -> a shown MainWindow on that store (through the services'
    Workspace, as the application opens it); closed (and saved) at teardown."""
    from hxdesk import services
    from hxdesk.gui.main_window import MainWindow

    windows = []

    def make(store):
        main = MainWindow(services.Workspace(store))
        qtbot.addWidget(main.window)
        main.window.resize(1280, 800)
        main.show()
        windows.append(main)
        return main

    yield make
    from shiboken6 import isValid

    for main in windows:
        if isValid(main.window):
            main.window.close()  # saves, while the store is still open


@pytest.fixture
def sample_store(db_path, open_window):
    """The database after a first start (the sample in it); set up after open_window
    so that windows close (and save) before the store closes."""
    from hxdesk import services
    from hxdesk.store import Store

    store = Store(db_path, lock=True)
    services.Workspace(store).reports.ensure_sample()
    yield store
    store.close()
