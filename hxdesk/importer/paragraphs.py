"""The paragraphs a reader (plain text or .docx) hands to the structure pass."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_PARAGRAPHS = 20_000
SAVE_AS_DOCX = "请在 Word 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入另存的文件。"


@dataclass
class SourceParagraph:
    """One paragraph as the file gives it, with the formatting hints the structure needs."""

    text: str
    align: str = ""  # "center", "right" or ""
    bold: bool = False  # every character is bold
    bold_prefix: str = ""  # the leading bold text when only a part is bold
    role: str = ""  # from a paragraph style: title, addressee, signature, date, heading, body
    level: int = 0  # heading level given by a style (1-4)
    run_in_heading: str = ""  # leading text in a heading character style
    blank_before: bool = False  # an empty paragraph stood before it
    table: bool = False  # a table row turned into text
    cells: tuple[str, ...] = ()  # that row's cells (empty ones too)
    auto_level: int = 0  # Word's automatic numbering shows the label of this heading level


@dataclass
class Source:
    paragraphs: list[SourceParagraph]
    notes: list[str] = field(default_factory=list)
    styled: bool = False  # written by hxdesk: its styles say what every paragraph is
