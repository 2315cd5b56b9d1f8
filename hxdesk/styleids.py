"""The styles of hxdesk's documents by role: written by the renderer, recognised by the importer."""

from __future__ import annotations

#: Role -> styleId in resources/styles/official.docx (ids are ASCII; the names
#: users see are Chinese: 公文标题, 主送机关, 一级标题 …).
STYLE_IDS = {
    "body": "Normal",
    "title": "hxTitle",
    "addressee": "hxAddressee",
    "signature": "hxSignature",
    "date": "hxDate",
    "page_number": "hxPageNumber",
    "heading1": "hxHeading1",
    "heading2": "hxHeading2",
    "heading3": "hxHeading3",
    "heading4": "hxHeading4",
    "heading1_char": "hxHeading1Char",
    "heading2_char": "hxHeading2Char",
    "heading3_char": "hxHeading3Char",
    "heading4_char": "hxHeading4Char",
}

#: Chinese style names, for tests and for users who look for them.
STYLE_NAMES = {
    "body": "Normal",
    "title": "公文标题",
    "addressee": "主送机关",
    "signature": "署名",
    "date": "成文日期",
    "page_number": "页码",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "heading3": "三级标题",
    "heading4": "四级标题",
    "heading1_char": "一级标题字符",
    "heading2_char": "二级标题字符",
    "heading3_char": "三级标题字符",
    "heading4_char": "四级标题字符",
}
