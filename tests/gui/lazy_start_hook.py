"""HXDESK_TEST_HOOK script: what is loaded once the report list is shown, and
after the first report is opened (written to HXDESK_PROBE_FILE as JSON)."""

import json
import os
import sys
from pathlib import Path

import PySide6.QtCore

main = globals()["main"]
app = globals()["app"]
probe = {
    "list": {
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "editor": ("hxdesk.gui.editor" in sys.modules),
        "sqlite_utils": "sqlite_utils" in sys.modules,
        "rows": main.ui.reportTable.rowCount(),
    }
}
main.open_report(main.workspace.reports.summaries()[0].id)
probe["report"] = {
    "qt_namespace": "Qt" in vars(PySide6.QtCore),
    "editor": ("hxdesk.gui.editor" in sys.modules),
    "sqlite_utils": "sqlite_utils" in sys.modules,
    "tree": main.ui.navTree.topLevelItemCount(),
}
Path(os.environ["HXDESK_PROBE_FILE"]).write_text(json.dumps(probe), encoding="utf-8")
app.quit()
