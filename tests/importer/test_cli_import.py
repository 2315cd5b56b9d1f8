"""`hxdesk import FILE` as a real process: a good file becomes a report; a hostile one
gives a Chinese message, a non-zero exit and leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest
from support import SEED_COPY, run_cli

from hxdesk.render import render_bytes


def db_snapshot(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seeded_db(db_path):
    run_cli("--db", str(db_path), "new", "--sample", check=True)
    return db_path


def test_import_text_file_creates_a_report(tmp_path, seeded_db, seed):
    before = digest(SEED_COPY)
    proc = run_cli("--db", str(seeded_db), "import", str(SEED_COPY), check=True)
    assert digest(SEED_COPY) == before
    new_id = proc.stdout.strip().splitlines()[-1]
    assert new_id.isdigit()
    assert "2024年度" in proc.stdout
    out = tmp_path / "out.docx"
    run_cli("--db", str(seeded_db), "render", new_id, "-o", str(out), check=True)
    assert [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()] == seed


def test_import_docx_with_a_table_reports_it(tmp_path, seeded_db):
    d = docx.Document()
    d.add_paragraph("2024年度法治政府建设报告")
    d.add_paragraph("全年工作有序推进。")
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "普法活动"
    path = tmp_path / "t.docx"
    d.save(str(path))
    proc = run_cli("--db", str(seeded_db), "import", str(path), check=True)
    assert "表格" in proc.stderr and proc.stdout.strip().splitlines()[-1].isdigit()


# ------------------------------------------------------------------ hostile files


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _rendered_members(sample) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(render_bytes(sample))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def not_a_zip(tmp_path, sample):
    p = tmp_path / "report.docx"
    p.write_text("这只是改了扩展名的文本", encoding="utf-8")
    return p


def truncated_docx(tmp_path, sample):
    p = tmp_path / "report.docx"
    p.write_bytes(render_bytes(sample)[:3000])
    return p


def zip_bomb(tmp_path, sample):
    members = _rendered_members(sample)
    members["word/document.xml"] = b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>"
    p = tmp_path / "bomb.docx"
    p.write_bytes(_zip(members))
    return p


def ratio_bomb(tmp_path, sample):
    members = _rendered_members(sample)
    members["word/styles.xml"] = b"<a>" + b"0" * (8 * 1024 * 1024) + b"</a>"
    p = tmp_path / "ratio.docx"
    p.write_bytes(_zip(members))
    return p


def entity_bomb(tmp_path, sample):
    members = _rendered_members(sample)
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    members["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">' + lol + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    p = tmp_path / "lol.docx"
    p.write_bytes(_zip(members))
    return p


def external_entity(tmp_path, sample):
    members = _rendered_members(sample)
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    p = tmp_path / "xxe.docx"
    p.write_bytes(_zip(members))
    return p


def empty_docx(tmp_path, sample):
    p = tmp_path / "empty.docx"
    p.write_bytes(b"")
    return p


def empty_txt(tmp_path, sample):
    p = tmp_path / "empty.txt"
    p.write_text("\r\n  \r\n", encoding="utf-8")
    return p


def encrypted_docx(tmp_path, sample):
    # What Word writes for a password-protected .docx: an OLE compound file
    # holding the streams EncryptionInfo and EncryptedPackage.
    data = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    data += "EncryptionInfo".encode("utf-16-le") + bytes(64) + "EncryptedPackage".encode("utf-16-le") + bytes(4096)
    p = tmp_path / "secret.docx"
    p.write_bytes(bytes(data))
    return p


def old_doc(tmp_path, sample):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(4096))
    return p


def huge_file(tmp_path, sample):
    p = tmp_path / "huge.docx"
    with p.open("wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: large to stat, cheap to make
    return p


def excel_zip(tmp_path, sample):
    p = tmp_path / "sheet.docx"
    p.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}))
    return p


def missing_file(tmp_path, sample):
    return tmp_path / "nowhere.docx"


def rtf_file(tmp_path, sample):
    p = tmp_path / "r.doc"
    p.write_bytes(b"{\\rtf1\\ansi hello}")
    return p


def pdf_file(tmp_path, sample):
    p = tmp_path / "report.docx"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    return p


def word_xml_doc(tmp_path, sample):
    p = tmp_path / "report.doc"
    p.write_text('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>', encoding="utf-8")
    return p


HOSTILE = [
    (not_a_zip, "不是有效的 Word"),
    (truncated_docx, "不是有效的 Word"),
    (zip_bomb, "解压后体积过大"),
    (ratio_bomb, "解压后体积过大"),
    (entity_bomb, "DOCTYPE"),
    (external_entity, "DOCTYPE"),
    (empty_docx, "文件是空的"),
    (empty_txt, "文件是空的"),
    (encrypted_docx, "加密"),
    (old_doc, "另存为"),
    (huge_file, "文件过大"),
    (excel_zip, "不是 Word"),
    (missing_file, "找不到文件"),
    (rtf_file, "RTF"),
    (pdf_file, "PDF"),
    (word_xml_doc, "另存为"),
]


@pytest.mark.parametrize("make, message", HOSTILE, ids=[m.__name__ for m, _ in HOSTILE])
def test_hostile_file_is_refused_and_changes_nothing(tmp_path, seeded_db, sample, make, message):
    path = make(tmp_path, sample)
    before_file = digest(path) if path.exists() and path.stat().st_size < 1024 * 1024 else None
    before_db = db_snapshot(seeded_db)
    proc = run_cli("--db", str(seeded_db), "import", str(path), timeout=60)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and "意外错误" not in proc.stderr
    assert proc.stdout.strip() == ""
    assert db_snapshot(seeded_db) == before_db
    if before_file is not None:
        assert digest(path) == before_file


def test_failed_import_creates_no_database(tmp_path):
    bad = not_a_zip(tmp_path, None)
    db = tmp_path / "fresh.db"
    proc = run_cli("--db", str(db), "import", str(bad))
    assert proc.returncode != 0 and not db.exists()


# ------------------------------------------------------------------ not a regular file; XML in another encoding


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


NOT_REGULAR = {
    "fifo": (_fifo, "不是普通文件"),
    "dev_zero": (lambda tmp_path: Path("/dev/zero"), "不是普通文件"),
    "folder": (lambda tmp_path: tmp_path, "文件夹"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", NOT_REGULAR)
def test_only_regular_files_are_read(tmp_path, seeded_db, kind):
    """A named pipe would block forever, /dev/zero never ends: refused before a byte is read."""
    make, message = NOT_REGULAR[kind]
    before_db = db_snapshot(seeded_db)
    proc = run_cli("--db", str(seeded_db), "import", str(make(tmp_path)), timeout=30)
    assert proc.returncode == 1 and message in proc.stderr, proc.stderr
    assert "意外错误" not in proc.stderr and "Traceback" not in proc.stderr
    assert db_snapshot(seeded_db) == before_db


LOL_DOCUMENT = (
    '<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE w:document [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
)

ENCODED_PARTS = {
    "utf16le_no_bom": ("word/document.xml", "UTF-16", lambda t: t.encode("utf-16-le")),
    "utf16be_no_bom": ("word/document.xml", "UTF-16", lambda t: t.encode("utf-16-be")),
    "utf16_bom": ("word/document.xml", "UTF-16", lambda t: t.encode("utf-16")),
    "utf32": ("word/document.xml", "UTF-32", lambda t: t.encode("utf-32")),
    "utf32le_no_bom": ("word/document.xml", "UTF-32", lambda t: t.encode("utf-32-le")),
    "styles_utf16le": ("word/styles.xml", "UTF-16", lambda t: t.encode("utf-16-le")),
    "utf7_declared": ("word/document.xml", "UTF-7", lambda t: t.replace("<!", "+ADw-!").encode("ascii")),
}


@pytest.mark.parametrize("case", ENCODED_PARTS)
def test_a_dtd_in_another_encoding_is_refused(tmp_path, seeded_db, sample, case):
    """The DOCTYPE guard reads the XML as the parser would: UTF-16/32 (with or without BOM) do not slip by."""
    part, encoding, encode = ENCODED_PARTS[case]
    members = _rendered_members(sample)
    members[part] = encode(LOL_DOCUMENT.format(encoding=encoding))
    path = tmp_path / "encoded.docx"
    path.write_bytes(_zip(members))
    before_db = db_snapshot(seeded_db)
    proc = run_cli("--db", str(seeded_db), "import", str(path), timeout=60)
    assert proc.returncode == 1, proc.stdout
    assert "DOCTYPE" in proc.stderr or "UTF-8" in proc.stderr, proc.stderr
    assert "已拒绝导入" in proc.stderr and "意外错误" not in proc.stderr
    assert db_snapshot(seeded_db) == before_db
