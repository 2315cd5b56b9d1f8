"""Start the app as a user does (no test hook, no bench, no screenshot) and
write to argv[1], once the report list is filled, which hxdesk modules loaded."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableWidget

from hxdesk.gui.app import create_application, run_gui

app = create_application()
tries = [0]


def probe() -> None:
    tries[0] += 1
    tables = [w for top in QApplication.topLevelWidgets() for w in top.findChildren(QTableWidget, "reportTable")]
    if (not tables or tables[0].rowCount() == 0) and tries[0] < 300:
        QTimer.singleShot(50, probe)
        return
    loaded = sorted(m for m in sys.modules if m.startswith("hxdesk"))
    rows = tables[0].rowCount() if tables else 0
    Path(sys.argv[1]).write_text(json.dumps({"modules": loaded, "rows": rows}), encoding="utf-8")
    app.quit()


QTimer.singleShot(0, probe)
sys.exit(run_gui())
