"""SQLite storage of reports (sqlite-utils). No Qt here."""

from ..history import DeletedSection, SectionVersion
from .db import DatabaseError, ReportSummary, Store
from .schema import SCHEMA_VERSION

__all__ = ["Store", "ReportSummary", "DatabaseError", "SCHEMA_VERSION", "SectionVersion", "DeletedSection"]
