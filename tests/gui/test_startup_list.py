"""The report list painted from the read-only look before the database opens: the same rows, disabled
until the workspace is attached, then the list of the open database."""

from __future__ import annotations

from hxdesk import services
from hxdesk.gui.main_window import MainWindow
from hxdesk.store import Store


def table_texts(main) -> list[list[str]]:
    table = main.ui.reportTable
    return [[table.item(i, j).text() for j in range(3)] for i in range(table.rowCount())]


def test_the_peeked_list_is_shown_disabled_then_the_opened_one(app, qtbot, db_path):
    with services.open_workspace(db_path) as workspace:
        workspace.reports.ensure_sample()
        other = services.sample_report()
        other.uid, other.year = "startup-list", 2023
        workspace.reports.add(other)
    rows = services.peek_reports(db_path)
    assert rows is not None and [r.year for r in rows] == [2024, 2023]
    main = MainWindow()  # as the start-up makes it: no workspace yet
    qtbot.addWidget(main.window)
    main.show()
    main.reports_page.fill(rows)
    assert not main.ui.pages.isEnabled(), "nothing can be opened before the database is"
    shown = table_texts(main)
    assert [row[0] for row in shown] == ["2024年度", "2023年度"]
    store = Store(db_path, lock=True)
    try:
        main.attach(services.Workspace(store))
        assert main.ui.pages.isEnabled()
        assert table_texts(main) == shown
        main.window.close()
    finally:
        store.close()
