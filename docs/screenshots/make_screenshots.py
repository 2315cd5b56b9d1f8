"""Make the README screenshots with ``hxdesk --screenshot`` (run from the repository root).

A fresh database gets the built-in 2024 sample, a 2025 report rolled over
from it with most figures filled in (three left empty, so the generate dialog
has something to point out; the figure inputs show last year's values beside them)
a new report of the standard template (its 写作提示) and a second town's 2024 and
2025 reports (so that the statistics view compares towns and years).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GUIDE = ROOT / "resources" / "guide"  # the README and the built-in guide show the same pictures
sys.path.insert(0, str(ROOT))

from hxdesk import services  # noqa: E402

LEFT_EMPTY = ("exam_average", "publicity_events", "leaflets")
SECOND_TOWN = "黔江区白云镇人民政府"


def prepare(db: Path) -> None:
    with services.open_workspace(db) as workspace:
        sample_id = workspace.reports.ensure_sample()
        assert sample_id is not None
        add_second_town(workspace)  # before this town's 2025 report: the list and the views open that first
        report = services.roll_over(workspace.reports.load(sample_id))
        previous = workspace.reports.load(sample_id).figures
        for key, fig in report.figures.items():
            if not fig.derived and key not in LEFT_EMPTY and previous[key].value is not None:
                services.set_value(report, key, previous[key].value + (Decimal(2) if fig.unit != "%" else 0))
        workspace.reports.add(report)
        workspace.reports.add(services.new_from_template("standard", 2024, "示例镇人民政府"))


def add_second_town(workspace: services.Workspace) -> None:
    """Another town's 2024 and 2025 reports, with figures of its own."""
    other = services.sample_report()
    other.uid = "screens-second-town"
    other.issuers = other.signatures = [SECOND_TOWN]
    for fig in other.figures.values():
        if not fig.derived and fig.value is not None and fig.unit != "%":
            fig.value = fig.value + 5
    other_id = workspace.reports.add(other)
    later = services.roll_over(workspace.reports.load(other_id))
    for key, fig in later.figures.items():
        old = other.figures[key].value
        if not fig.derived and old is not None:
            services.set_value(later, key, old if fig.unit == "%" else old + 3 if old < 10 else old - 3)
    workspace.reports.add(later)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        env = {**os.environ, "HXDESK_DATA_DIR": tmp, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        os.environ["HXDESK_DATA_DIR"] = tmp
        prepare(db)
        for view in ("list", "section", "generate", "hint", "guide", "checks", "stats", "preview"):
            out = GUIDE / f"{view}.png"
            subprocess.run(
                [sys.executable, "-m", "hxdesk", "--db", str(db), "--screenshot", str(out)],
                check=True,
                cwd=str(ROOT),
                env={**env, "HXDESK_SCREENSHOT_VIEW": view},
            )
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
