"""Importing existing reports (.docx, .txt) into the model. No Qt here.

sources / docx_reader read an untrusted file into raw paragraphs (within safe
limits), normalise cleans each paragraph's text, structure finds the title
block, addressee, headings, points and closing, figures turns numbers into
figures and years into {{year}} placeholders.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from ..model import Report
from .sources import read_source
from .structure import ImportResult, build_report


def import_file(path: str | Path) -> ImportResult:
    """The report a .docx or .txt file holds, with notes for the user (tables, pictures …).

    Raises InvalidInput with a Chinese message for anything that cannot be read.
    The file is only read, never written.
    """
    with _collector_waits():
        result = build_report(read_source(path))
    report = result.report
    if not report.issuers:  # the list of reports shows the first issuing body, else this name
        report.name = report.signatures[0] if report.signatures else Path(path).stem[:60]
    return result


@contextlib.contextmanager
def _collector_waits() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is read and built.

    A 1 000-section import makes some hundred thousand objects that all stay alive, and the
    collector would walk them about forty times meanwhile (a tenth of the import); it runs
    as usual again afterwards, also when the import fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_document(path: str | Path) -> Report:
    return import_file(path).report


__all__ = ["ImportResult", "import_document", "import_file"]
