"""The child of the SIGKILL trials: saves edits in a loop as the GUI's autosave would.

    python kill_child.py DB

Opens DB as the GUI does (services.open_for_editing), then saves forever. Save n
writes the marker n into the title and into the first paragraph of every
section (so a torn save would show mixed markers), now and then deletes the
last chapter and puts it back through the history API.  After each save
returns it prints "saved n" (the acknowledgement the test checks against).
"""

from __future__ import annotations

import re
import sys

from hxdesk import services
from hxdesk.history import put_back
from hxdesk.model import Paragraph

MARK = re.compile(r"^【(\d+)】")


def main(db: str) -> None:
    workspace = services.open_for_editing(db)
    reports = workspace.reports.summaries()
    rid = reports[0].id if reports else workspace.reports.add(services.sample_report())
    report = workspace.reports.load(rid)
    m = MARK.match(report.title)
    n = int(m.group(1)) if m else 0
    filler = "依法行政😀１２３" * 40
    print("ready", n, flush=True)
    while True:
        n += 1
        if n % 7 == 3:
            deleted = workspace.history.deleted_sections(rid)
            if deleted:
                put_back(report, deleted[0])
        if n % 7 == 0 and len(report.sections) > 1:
            del report.sections[-1]
        report.title = f"【{n}】{MARK.sub('', report.title)}"
        for section, _ in report.walk():
            if not section.blocks or not isinstance(section.blocks[0], Paragraph):
                section.blocks.insert(0, Paragraph(""))
            section.blocks[0].text = f"【{n}】{filler[: n % 300]}"
        workspace.reports.save(rid, report)
        print("saved", n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
