"""The one API that the CLI and the GUI call; no Qt here.

By job: ``paths`` (where the data lives), ``templates`` (new reports, the
sample, next year's report), ``documents`` (problems, file names, .docx, JSON,
search, reading a file to import), ``review`` (校对: the checks with the word
lists) and ``workspace`` (an open database: its reports, history, settings and
backups).  Everything is re-exported here, so
callers write ``services.open_workspace(...)``.
"""

from __future__ import annotations

from ..errors import BackupError, DamagedDatabase, DatabaseError, DatabaseLocked, HxError, InvalidInput, NotFound
from .documents import (
    MAX_FILE_NAME_CHARS,
    default_file_name,
    export_json,
    read_import,
    render_to_file,
    replace_in_report,
    report_problems,
    search_report,
)
from .guidance import writing_hint
from .importnotes import dismiss_import_notes, import_notes, note_targets
from .paths import APP_NAME, data_dir, db_file, default_db_path
from .review import (
    USER_WORDS_FILE,
    add_user_word,
    check_report,
    dismiss_finding,
    finding_key,
    finding_text,
    label_before,
    make_figure,
    open_findings,
    placeholders_left,
    restore_dismissed,
    user_words_path,
)
from .stats import HEADERS as STATISTICS_HEADERS
from .stats import FigureRow
from .stats import write_table as write_statistics
from .templates import (
    SAMPLE_TEMPLATE,
    STANDARD_TEMPLATE,
    TEMPLATE_LABELS,
    TemplateInfo,
    check_year,
    default_report_year,
    list_templates,
    load_template,
    new_from_template,
    roll_over,
    sample_report,
)
from .workspace import (
    FONT_SETTING,
    LAST_FOLDER_SETTING,
    STORAGE_ERRORS,
    RestoreOutcome,
    Workspace,
    backup_if_due,
    list_backups,
    make_backup,
    open_for_editing,
    open_workspace,
    restore_backup,
)
from .years import confirm, issuing_body, last_year_text, set_value

__all__ = [
    "PDF_ENGINES",
    "PageEngineError",
    "PageWorker",
    "WorkerUnavailable",
    "Pages",
    "export_pdf",
    "font_stand_ins",
    "pdf_engine",
    "preview_pages",
    "APP_NAME",
    "FONT_SETTING",
    "STATISTICS_HEADERS",
    "FigureRow",
    "LAST_FOLDER_SETTING",
    "MAX_FILE_NAME_CHARS",
    "SAMPLE_TEMPLATE",
    "STANDARD_TEMPLATE",
    "TEMPLATE_LABELS",
    "BackupError",
    "DamagedDatabase",
    "DatabaseError",
    "DatabaseLocked",
    "HxError",
    "InvalidInput",
    "NotFound",
    "RestoreOutcome",
    "STORAGE_ERRORS",
    "TemplateInfo",
    "USER_WORDS_FILE",
    "Workspace",
    "backup_if_due",
    "add_user_word",
    "check_report",
    "finding_text",
    "label_before",
    "make_figure",
    "dismiss_finding",
    "finding_key",
    "open_findings",
    "restore_dismissed",
    "check_year",
    "default_report_year",
    "confirm",
    "data_dir",
    "db_file",
    "default_db_path",
    "default_file_name",
    "export_json",
    "issuing_body",
    "last_year_text",
    "list_backups",
    "list_templates",
    "load_template",
    "make_backup",
    "new_from_template",
    "open_for_editing",
    "open_workspace",
    "placeholders_left",
    "read_import",
    "render_to_file",
    "report_problems",
    "restore_backup",
    "roll_over",
    "sample_report",
    "writing_hint",
    "dismiss_import_notes",
    "import_notes",
    "note_targets",
    "replace_in_report",
    "search_report",
    "user_words_path",
    "set_value",
    "write_statistics",
]


_PAGES = {
    "PDF_ENGINES",
    "PageEngineError",
    "PageWorker",
    "Pages",
    "WorkerUnavailable",
    "export_pdf",
    "font_stand_ins",
    "pdf_engine",
    "preview_pages",
}


def __getattr__(name: str) -> object:
    """The preview's and the PDF's services load on first use (not on the way to the report list)."""
    if name in _PAGES:
        from . import pages

        return getattr(pages, name)
    raise AttributeError(name)
