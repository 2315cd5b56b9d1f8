"""Reading an untrusted file into raw paragraphs: plain text or Word .docx.

Every refusal is an :class:`InvalidInput` with a Chinese message.  The input
file is only ever read, once, into memory (bounded by MAX_FILE_BYTES).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InvalidInput
from ..fsutil import read_input_file
from .paragraphs import MAX_PARAGRAPHS, SAVE_AS_DOCX, Source, SourceParagraph

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_BYTES = 5 * 1024 * 1024

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

_NOT_TEXT = "这个文件不是文本文件，也不是 Word（.docx）文档，无法导入。"


def read_bytes(path: Path) -> bytes:
    return read_input_file(path, MAX_FILE_BYTES, too_big_hint="如果文件中有大量图片，请删除图片后另存再导入。")


def read_source(path: str | Path) -> Source:
    """Sniff the content (not only the file name) and read the paragraphs."""
    p = Path(path)
    data = read_bytes(p)
    suffix = p.suffix.lower()
    if not data.strip(b" \t\r\n\x00"):
        raise InvalidInput("文件是空的，没有可导入的内容。")
    if data.startswith(OLE_SIGNATURE):
        raise InvalidInput(_ole_message(data, suffix))
    if data.lstrip().startswith(b"{\\rtf"):
        raise InvalidInput("这是 RTF 格式的文件，不能直接导入。" + SAVE_AS_DOCX)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        raise InvalidInput("这是 PDF 文件，不能导入。请导入报告的 Word（.docx）文档或文本（.txt）文件。")
    if head.startswith((b"<?xml", b"<html", b"<!doctype html", b"mime-version:")):
        raise InvalidInput("这是网页或 XML 格式的文档，不能直接导入。" + SAVE_AS_DOCX)
    if data.startswith(ZIP_SIGNATURES):
        from .docx_reader import read_docx

        return read_docx(data)
    if suffix in (".docx", ".docm", ".dotx"):
        raise InvalidInput("这个文件不是有效的 Word（.docx）文档：文件可能已损坏，或只是改了扩展名。" + SAVE_AS_DOCX)
    if suffix in (".doc", ".wps"):
        raise InvalidInput("无法识别这个文件的格式。" + SAVE_AS_DOCX)
    return Source(text_paragraphs(decode_text(data)))


def _ole_message(data: bytes, suffix: str) -> str:
    """An OLE compound file is an encrypted .docx or an old binary .doc/.wps."""
    # Directory entries are UTF-16LE names; an encrypted OOXML package has these streams.
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return "这个 Word 文档设置了打开密码（已加密），无法导入。请在 Word 或 WPS 中打开它，取消密码后另存为 .docx，再导入。"
    if suffix == ".wps":
        return "这是 WPS 文字的旧格式（.wps）文件，不能直接导入。" + SAVE_AS_DOCX
    return "这是旧版 Word 格式（.doc）的文件，不能直接导入。" + SAVE_AS_DOCX


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's “Unicode”), or GBK/GB18030."""
    if len(data) > MAX_TEXT_BYTES:
        raise InvalidInput(f"文本文件过大。可导入的文本文件不超过 {MAX_TEXT_BYTES // 1024 // 1024} MB。")
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
        if b"\x00" in data[:65536]:
            raise InvalidInput(_NOT_TEXT)
    for enc in encodings:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InvalidInput("无法识别文本文件的编码。请用记事本打开它，另存为时选择编码“UTF-8”，再导入。")
    if "\x00" in text or _binary_share(text) > 0.05:
        raise InvalidInput(_NOT_TEXT)
    return text


def _binary_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)


def text_paragraphs(text: str) -> list[SourceParagraph]:
    out: list[SourceParagraph] = []
    blank = False
    # Word's manual line break (\v) and page break (\f) survive in some text exports.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    for line in text.split("\n"):
        if not line.strip(" \t\u3000\u00a0\ufeff"):
            blank = True
            continue
        out.append(SourceParagraph(line, blank_before=blank))
        blank = False
        if len(out) > MAX_PARAGRAPHS:
            raise InvalidInput(f"文件的段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告。")
    return out
