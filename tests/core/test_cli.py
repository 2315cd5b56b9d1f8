"""The command line as a real process: commands, round trips and failures."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import docx
import pytest
from support import ROOT, run_cli


def non_empty(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def styled(path) -> list[tuple[str, str, tuple[str | None, ...]]]:
    """Paragraph text, style and run styles: what "the same document" means."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        out.append((p.text, p.style.name, tuple(r.style.name if r.style else None for r in p.runs)))
    return out


def is_chinese_line(text: str) -> bool:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return len(lines) >= 1 and "Traceback" not in text and any("\u4e00" <= ch <= "\u9fff" for ch in lines[-1])


def db_snapshot(path) -> list:
    conn = sqlite3.connect(path)
    try:
        rows = []
        for table in ("reports", "sections", "figures"):
            rows.append(conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall())
        return rows
    finally:
        conn.close()


def test_render_sample_is_the_seed(tmp_path, seed):
    out = tmp_path / "x.docx"
    proc = run_cli("render", "--sample", "-o", str(out), check=True)
    assert out.exists() and proc.stderr == ""
    assert non_empty(out) == seed
    # No database was created for --sample.
    assert not any(p.suffix == ".db" for p in tmp_path.rglob("*"))


def test_new_export_import_render_is_the_sample(tmp_path, db_path):
    first = run_cli("--db", str(db_path), "new", "--sample", check=True)
    rid = first.stdout.strip().splitlines()[-1]
    assert rid.isdigit()
    exported = tmp_path / "r.json"
    run_cli("export", rid, "-o", str(exported), "--db", str(db_path), check=True)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "hxdesk-report" and data["version"] == 1
    imported = run_cli("import", str(exported), "--db", str(db_path), check=True)
    new_id = imported.stdout.strip().splitlines()[-1]
    assert new_id.isdigit() and new_id != rid
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    run_cli("render", new_id, "-o", str(a), "--db", str(db_path), check=True)
    run_cli("render", "--sample", "-o", str(b), check=True)
    assert styled(a) == styled(b)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    listing = run_cli("list", "--db", str(db_path), check=True).stdout
    assert listing.count("黔江区黄溪镇人民政府") == 2


def test_new_from_template_and_from_last_year(tmp_path, db_path):
    proc = run_cli(
        "new", "--template", "standard", "--year", "2025", "--org", "青山镇人民政府", "--db", str(db_path), check=True
    )
    rid = proc.stdout.strip().splitlines()[-1]
    out = tmp_path / "std.docx"
    run_cli("render", rid, "-o", str(out), "--db", str(db_path), check=True)
    texts = non_empty(out)
    assert texts[:2] == ["青山镇人民政府", "2025年度法治政府建设报告"]
    assert "五、其他需要报告的情况" in texts
    sample_id = run_cli("new", "--sample", "--db", str(db_path), check=True).stdout.split()[-1]
    nxt = run_cli("new", "--from-report", sample_id, "--db", str(db_path), check=True).stdout.split()[-1]
    out2 = tmp_path / "next.docx"
    proc = run_cli("render", nxt, "-o", str(out2), "--db", str(db_path), check=True)
    assert non_empty(out2)[1] == "2025年度法治政府建设报告"
    assert "尚未填写" in proc.stderr  # the emptied figures are pointed out


@pytest.mark.parametrize(
    "args, needle",
    [
        (["render", "42", "-o", "{tmp}/x.docx"], "找不到编号为 42 的报告"),
        (["render", "--sample", "-o", "{tmp}/missing/x.docx"], "文件夹不存在"),
        (["render", "--sample", "-o", "{tmp}/x.txt"], "应以 .docx 或 .pdf 结尾"),
        (["render", "-o", "{tmp}/x.docx"], "报告编号"),
        (["export", "42", "-o", "{tmp}/x.json"], "找不到"),
        (["import", "{tmp}/nothing.json"], "找不到文件"),
        (["import", "{tmp}/bad.json"], "不是有效的 JSON"),
        (["import", "{tmp}/future.json"], "请升级"),
        (["new", "--template", "nope", "--year", "2025", "--org", "x"], "没有名为“nope”的模板"),
        (["new", "--template", "standard", "--year", "3000", "--org", "x"], "年度"),
        (["render", "abc", "-o", "x.docx"], "参数错误"),
    ],
)
def test_failures_print_one_chinese_line_and_change_nothing(tmp_path, db_path, args, needle):
    run_cli("new", "--sample", "--db", str(db_path), check=True)
    (tmp_path / "bad.json").write_text('{"format": ', encoding="utf-8")
    future = {"format": "hxdesk-report", "version": 2, "report": {}}
    (tmp_path / "future.json").write_text(json.dumps(future), encoding="utf-8")
    before = db_snapshot(db_path)
    files_before = sorted(p.name for p in tmp_path.rglob("*"))
    proc = run_cli(*[a.format(tmp=tmp_path) for a in args], "--db", str(db_path))
    assert proc.returncode != 0
    assert needle in proc.stderr
    assert is_chinese_line(proc.stderr)
    assert db_snapshot(db_path) == before
    files_after = sorted(p.name for p in tmp_path.rglob("*") if not p.name.startswith("hxdesk.db-"))
    assert [f for f in files_after if f not in files_before] == []


def test_unwritable_output_leaves_no_partial_file(tmp_path):
    if sys.platform != "win32" and __import__("os").geteuid() == 0:
        # root ignores permission bits; a read-only target file is checked instead.
        target = tmp_path / "ro.docx"
        target.write_bytes(b"old")
        target.chmod(0o444)
        proc = run_cli("render", "--sample", "-o", str(target))
        assert proc.returncode == 1 and "只读" in proc.stderr
        assert target.read_bytes() == b"old"
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = run_cli("render", "--sample", "-o", str(folder / "x.docx"))
        if proc.returncode != 0:
            assert "权限" in proc.stderr
        assert [p.name for p in folder.iterdir() if p.name.startswith(".~hxdesk")] == []
    finally:
        folder.chmod(0o755)


def test_cli_does_not_import_qt():
    code = (
        "import sys, runpy; sys.argv=['hxdesk','templates'];"
        "from hxdesk import cli; cli.main(['templates']);"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    assert out.stdout.strip().splitlines()[-1] == "NOQT"
