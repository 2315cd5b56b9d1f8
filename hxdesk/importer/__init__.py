"""Importing existing reports (.docx, .txt) into the model. No Qt here."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput
from ..model import Report


def import_document(path: str | Path) -> Report:
    raise InvalidInput("暂不支持导入 .docx 或 .txt 文件。")
