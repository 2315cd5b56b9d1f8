"""The one API that the CLI and the GUI call; no Qt here.

By job: ``paths`` (where the data lives), ``templates`` (new reports, the
sample, next year's report), ``documents`` (problems, file names, .docx, JSON,
search, reading a file to import), ``review`` (校对: the checks with the word
lists) and ``workspace`` (an open database: its reports, history, settings and
backups).  Everything is re-exported here, so
callers write ``services.open_workspace(...)``.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import BackupError, DamagedDatabase, DatabaseError, DatabaseLocked, HxError, InvalidInput, NotFound

# Each name loads its module on first use: the report list needs only ``workspace`` (and ``paths``),
# so the checks, the documents and the preview are not on the way to it (bench/bench_startup.py).
_LAZY: dict[str, tuple[str, str]] = {
    "add_user_word": ("review", "add_user_word"),
    "APP_NAME": ("paths", "APP_NAME"),
    "backup_if_due": ("workspace", "backup_if_due"),
    "check_report": ("review", "check_report"),
    "check_year": ("templates", "check_year"),
    "confirm": ("years", "confirm"),
    "data_dir": ("paths", "data_dir"),
    "db_file": ("paths", "db_file"),
    "default_db_path": ("paths", "default_db_path"),
    "peek_reports": ("paths", "peek_reports"),
    "default_file_name": ("documents", "default_file_name"),
    "default_report_year": ("templates", "default_report_year"),
    "dismiss_finding": ("review", "dismiss_finding"),
    "dismiss_import_notes": ("importnotes", "dismiss_import_notes"),
    "export_json": ("documents", "export_json"),
    "export_pdf": ("pages", "export_pdf"),
    "FigureRow": ("stats", "FigureRow"),
    "finding_key": ("review", "finding_key"),
    "finding_text": ("review", "finding_text"),
    "FONT_SETTING": ("workspace", "FONT_SETTING"),
    "font_stand_ins": ("pages", "font_stand_ins"),
    "import_notes": ("importnotes", "import_notes"),
    "issuing_body": ("years", "issuing_body"),
    "label_before": ("review", "label_before"),
    "LAST_FOLDER_SETTING": ("workspace", "LAST_FOLDER_SETTING"),
    "last_year_text": ("years", "last_year_text"),
    "list_backups": ("workspace", "list_backups"),
    "list_templates": ("templates", "list_templates"),
    "load_template": ("templates", "load_template"),
    "make_backup": ("workspace", "make_backup"),
    "make_figure": ("review", "make_figure"),
    "MAX_FILE_NAME_CHARS": ("documents", "MAX_FILE_NAME_CHARS"),
    "name_this_command": ("workspace", "name_this_command"),
    "new_from_template": ("templates", "new_from_template"),
    "note_targets": ("importnotes", "note_targets"),
    "open_findings": ("review", "open_findings"),
    "open_for_editing": ("workspace", "open_for_editing"),
    "open_workspace": ("workspace", "open_workspace"),
    "PageEngineError": ("pages", "PageEngineError"),
    "Pages": ("pages", "Pages"),
    "PageWorker": ("pages", "PageWorker"),
    "pdf_engine": ("pages", "pdf_engine"),
    "PDF_ENGINES": ("pages", "PDF_ENGINES"),
    "placeholders_left": ("review", "placeholders_left"),
    "preview_pages": ("pages", "preview_pages"),
    "read_import": ("documents", "read_import"),
    "render_to_file": ("documents", "render_to_file"),
    "replace_in_report": ("documents", "replace_in_report"),
    "report_problems": ("documents", "report_problems"),
    "restore_backup": ("workspace", "restore_backup"),
    "restore_dismissed": ("review", "restore_dismissed"),
    "RestoreOutcome": ("workspace", "RestoreOutcome"),
    "roll_over": ("templates", "roll_over"),
    "sample_report": ("templates", "sample_report"),
    "SAMPLE_TEMPLATE": ("templates", "SAMPLE_TEMPLATE"),
    "search_report": ("documents", "search_report"),
    "set_value": ("years", "set_value"),
    "STANDARD_TEMPLATE": ("templates", "STANDARD_TEMPLATE"),
    "STATISTICS_HEADERS": ("stats", "HEADERS"),
    "STORAGE_ERRORS": ("workspace", "STORAGE_ERRORS"),
    "TEMPLATE_LABELS": ("templates", "TEMPLATE_LABELS"),
    "TemplateInfo": ("templates", "TemplateInfo"),
    "USER_WORDS_FILE": ("review", "USER_WORDS_FILE"),
    "user_words_path": ("review", "user_words_path"),
    "WorkerUnavailable": ("pages", "WorkerUnavailable"),
    "Workspace": ("workspace", "Workspace"),
    "write_statistics": ("stats", "write_table"),
    "writing_hint": ("guidance", "writing_hint"),
}

if TYPE_CHECKING:
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
    from .guidance import (
        writing_hint,
    )
    from .importnotes import (
        dismiss_import_notes,
        import_notes,
        note_targets,
    )
    from .pages import (
        PDF_ENGINES,
        PageEngineError,
        Pages,
        PageWorker,
        WorkerUnavailable,
        export_pdf,
        font_stand_ins,
        pdf_engine,
        preview_pages,
    )
    from .paths import (
        APP_NAME,
        data_dir,
        db_file,
        default_db_path,
        peek_reports,
    )
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
    from .stats import (
        HEADERS as STATISTICS_HEADERS,
    )
    from .stats import (
        FigureRow,
    )
    from .stats import (
        write_table as write_statistics,
    )
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
        name_this_command,
        open_for_editing,
        open_workspace,
        restore_backup,
    )
    from .years import (
        confirm,
        issuing_body,
        last_year_text,
        set_value,
    )

__all__ = [
    "peek_reports",
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
    "name_this_command",
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


def _load(module: str) -> ModuleType:
    # Plain import statements (not importlib) so that import-linter and grimp see every edge.
    if module == "documents":
        from . import documents

        return documents
    if module == "guidance":
        from . import guidance

        return guidance
    if module == "importnotes":
        from . import importnotes

        return importnotes
    if module == "pages":
        from . import pages

        return pages
    if module == "paths":
        from . import paths

        return paths
    if module == "review":
        from . import review

        return review
    if module == "stats":
        from . import stats

        return stats
    if module == "templates":
        from . import templates

        return templates
    if module == "workspace":
        from . import workspace

        return workspace
    if module == "years":
        from . import years

        return years
    raise AttributeError(module)


def __getattr__(name: str) -> object:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(_load(module), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value
