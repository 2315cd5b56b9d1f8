"""Make the README screenshots with ``hxdesk --screenshot`` (run from the repository root).

A fresh database gets the built-in 2024 sample, a 2025 report rolled over
from it with most figures filled in (three left empty, so the generate dialog
has something to point out; the figure inputs show last year's values beside them)
and a new report of the standard template (its 写作提示).

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


def prepare(db: Path) -> None:
    with services.open_workspace(db) as workspace:
        sample_id = workspace.reports.ensure_sample()
        assert sample_id is not None
        report = services.roll_over(workspace.reports.load(sample_id))
        previous = workspace.reports.load(sample_id).figures
        for key, fig in report.figures.items():
            if not fig.derived and key not in LEFT_EMPTY and previous[key].value is not None:
                services.set_value(report, key, previous[key].value + (Decimal(2) if fig.unit != "%" else 0))
        workspace.reports.add(report)
        workspace.reports.add(services.new_from_template("standard", 2024, "示例镇人民政府"))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        env = {**os.environ, "HXDESK_DATA_DIR": tmp, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        os.environ["HXDESK_DATA_DIR"] = tmp
        prepare(db)
        for view in ("list", "section", "generate", "hint", "guide", "checks"):
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
