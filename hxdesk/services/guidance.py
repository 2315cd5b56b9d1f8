"""写作提示 for the part of a report being edited."""

from __future__ import annotations

from .. import guidance
from ..figures import expand_text
from ..model import Report, Section


def writing_hint(report: Report, section_uid: str) -> str | None:
    """The hint for a section of ``report``, from its heading and the headings above it."""
    path: list[str] = []

    def find(sections: list[Section], above: list[str]) -> bool:
        for s in sections:
            heading = expand_text(s.heading, report)
            if s.uid == section_uid:
                path.extend([*above, heading])
                return True
            if find(s.children, [*above, heading]):
                return True
        return False

    if not find(report.sections, []):
        return None
    return guidance.hint_for(path[-1], path[:-1])
