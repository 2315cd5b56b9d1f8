"""The one API that the CLI and the GUI call; no Qt here.

By job: ``paths`` (where the data lives), ``templates`` (new reports, the
sample, next year's report), ``documents`` (problems, file names, .docx, JSON,
search, reading a file to import), ``review`` (校对: the checks with the word
lists) and ``workspace`` (an open database: its reports, history, settings and
backups).  Everything is re-exported here, so
callers write ``services.open_workspace(...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BackupError, DamagedDatabase, DatabaseError, DatabaseLocked, HxError, InvalidInput, NotFound
from ..lazy import lazy_getattr

# The one table of what the package exports (hxdesk/lazy.py): the report list needs only ``workspace``
# (and ``paths``), so the checks, the documents and the preview are not on the way to it.
_LAZY: dict[str, str] = {
    "add_user_word": "review",
    "APP_NAME": "paths",
    "backup_if_due": "workspace",
    "check_report": "review",
    "check_year": "templates",
    "confirm": "rollover",
    "data_dir": "paths",
    "db_file": "paths",
    "default_db_path": "paths",
    "peek_reports": "paths",
    "ReportSummary": "workspace",
    "default_file_name": "documents",
    "default_report_year": "templates",
    "edition_view": "documents",
    "export_json": "documents",
    "export_pdf": "pages",
    "StatisticsRow": "stats",
    "finding_key": "review",
    "finding_text": "review",
    "FONT_SETTING": "workspace",
    "font_stand_ins": "pages",
    "issuing_body": "lastyear",
    "label_before": "review",
    "LAST_FOLDER_SETTING": "workspace",
    "last_year_text": "lastyear",
    "list_backups": "workspace",
    "list_templates": "templates",
    "load_template": "templates",
    "make_backup": "workspace",
    "make_figure": "review",
    "MAX_FILE_NAME_CHARS": "documents",
    "name_this_command": "workspace",
    "new_from_template": "templates",
    "open_findings": "review",
    "open_for_editing": "workspace",
    "open_workspace": "workspace",
    "PageEngineError": "pages",
    "Pages": "pages",
    "PageWorker": "pages",
    "pdf_engine": "pages",
    "PDF_ENGINES": "pages",
    "placeholders_left": "review",
    "readiness": "review",
    "Readiness": "review",
    "preview_pages": "pages",
    "read_import": "documents",
    "render_to_file": "documents",
    "replace_in_report": "documents",
    "restore_backup": "workspace",
    "RestoreOutcome": "workspace",
    "roll_over": "rollover",
    "sample_report": "templates",
    "SAMPLE_TEMPLATE": "templates",
    "search_report": "documents",
    "set_value": "rollover",
    "STANDARD_TEMPLATE": "templates",
    "STATISTICS_HEADERS": "stats",
    "STORAGE_ERRORS": "workspace",
    "TEMPLATE_LABELS": "templates",
    "TemplateInfo": "templates",
    "USER_WORDS_FILE": "review",
    "user_words_path": "review",
    "WorkerUnavailable": "pages",
    "Workspace": "workspace",
    "write_statistics": "stats",
    "writing_hint": "guidance",
}

if TYPE_CHECKING:  # the table again, for the type checker (tests/core/test_lazy_exports.py)
    from .documents import MAX_FILE_NAME_CHARS as MAX_FILE_NAME_CHARS
    from .documents import default_file_name as default_file_name
    from .documents import edition_view as edition_view
    from .documents import export_json as export_json
    from .documents import read_import as read_import
    from .documents import render_to_file as render_to_file
    from .documents import replace_in_report as replace_in_report
    from .documents import search_report as search_report
    from .guidance import writing_hint as writing_hint
    from .lastyear import issuing_body as issuing_body
    from .lastyear import last_year_text as last_year_text
    from .pages import PDF_ENGINES as PDF_ENGINES
    from .pages import PageEngineError as PageEngineError
    from .pages import Pages as Pages
    from .pages import PageWorker as PageWorker
    from .pages import WorkerUnavailable as WorkerUnavailable
    from .pages import export_pdf as export_pdf
    from .pages import font_stand_ins as font_stand_ins
    from .pages import pdf_engine as pdf_engine
    from .pages import preview_pages as preview_pages
    from .paths import APP_NAME as APP_NAME
    from .paths import data_dir as data_dir
    from .paths import db_file as db_file
    from .paths import default_db_path as default_db_path
    from .paths import peek_reports as peek_reports
    from .review import USER_WORDS_FILE as USER_WORDS_FILE
    from .review import Readiness as Readiness
    from .review import add_user_word as add_user_word
    from .review import check_report as check_report
    from .review import finding_key as finding_key
    from .review import finding_text as finding_text
    from .review import label_before as label_before
    from .review import make_figure as make_figure
    from .review import open_findings as open_findings
    from .review import placeholders_left as placeholders_left
    from .review import readiness as readiness
    from .review import user_words_path as user_words_path
    from .rollover import confirm as confirm
    from .rollover import roll_over as roll_over
    from .rollover import set_value as set_value
    from .stats import STATISTICS_HEADERS as STATISTICS_HEADERS
    from .stats import StatisticsRow as StatisticsRow
    from .stats import write_statistics as write_statistics
    from .templates import SAMPLE_TEMPLATE as SAMPLE_TEMPLATE
    from .templates import STANDARD_TEMPLATE as STANDARD_TEMPLATE
    from .templates import TEMPLATE_LABELS as TEMPLATE_LABELS
    from .templates import TemplateInfo as TemplateInfo
    from .templates import check_year as check_year
    from .templates import default_report_year as default_report_year
    from .templates import list_templates as list_templates
    from .templates import load_template as load_template
    from .templates import new_from_template as new_from_template
    from .templates import sample_report as sample_report
    from .workspace import FONT_SETTING as FONT_SETTING
    from .workspace import LAST_FOLDER_SETTING as LAST_FOLDER_SETTING
    from .workspace import STORAGE_ERRORS as STORAGE_ERRORS
    from .workspace import ReportSummary as ReportSummary
    from .workspace import RestoreOutcome as RestoreOutcome
    from .workspace import Workspace as Workspace
    from .workspace import backup_if_due as backup_if_due
    from .workspace import list_backups as list_backups
    from .workspace import make_backup as make_backup
    from .workspace import name_this_command as name_this_command
    from .workspace import open_for_editing as open_for_editing
    from .workspace import open_workspace as open_workspace
    from .workspace import restore_backup as restore_backup

__all__ = [
    "BackupError",
    "DamagedDatabase",
    "DatabaseError",
    "DatabaseLocked",
    "HxError",
    "InvalidInput",
    "NotFound",
    *_LAZY,
]

__getattr__ = lazy_getattr(__name__, _LAZY, globals())
