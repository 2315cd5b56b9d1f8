"""Writing the .docx where it cannot be written: a clear message, no partial
file, the old file and the database untouched.

Windows' behaviours are reproduced with real file systems where root allows
it (a full tmpfs, a read-only mount, a bind mount over the target, which
refuses replacement as a file held open by Word does); otherwise with what an
ordinary user can do (RLIMIT_FSIZE, chmod).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import ROOT, run_cli

from hxdesk import services
from hxdesk.errors import OutputError
from hxdesk.fsutil import free_name
from hxdesk.store import Store

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def can_mount() -> bool:
    if not IS_ROOT:
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"hxdesk-mount-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        ok = (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(probe)], capture_output=True
            ).returncode
            == 0
        )
        if ok:
            subprocess.run(["umount", str(probe)], check=True)
        return ok
    except OSError:
        return False
    finally:
        probe.rmdir()


MOUNT = can_mount()
needs_mount = pytest.mark.skipif(not MOUNT, reason="needs root and mount (CI runs as root)")


@contextlib.contextmanager
def tmpfs(path: Path, size: str, *, read_only_after=None):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        if read_only_after is not None:
            read_only_after(path)
            subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~hxdesk-"))


def digest(db: Path) -> str:
    h = hashlib.sha256()
    for p in (db, Path(f"{db}-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def stored(db_path, sample):
    with Store(db_path) as s:
        rid = s.reports.add(sample)
    return rid


def render_fails(sample, target: Path) -> OutputError:
    with pytest.raises(OutputError) as caught:
        services.render_to_file(sample, target)
    return caught.value


def cli_render_fails(db: Path, rid: int, target: Path, expected: str) -> None:
    """The real CLI: exit 1, the Chinese message, the database unchanged."""
    before = digest(db)
    proc = run_cli("render", str(rid), "-o", str(target), "--db", str(db))
    assert proc.returncode == 1
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert digest(db) == before


def test_missing_folder(sample, stored, db_path, tmp_path):
    target = tmp_path / "没有这个文件夹" / "报告.docx"
    exc = render_fails(sample, target)
    assert "文件夹不存在" in exc.message
    assert not target.parent.exists()
    cli_render_fails(db_path, stored, target, "文件夹不存在")


def test_read_only_target(sample, stored, db_path, tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the old report")
    target.chmod(0o444)
    exc = render_fails(sample, target)
    assert "只读" in exc.message
    assert target.read_bytes() == b"the old report"
    assert leftovers(tmp_path) == []
    cli_render_fails(db_path, stored, target, "只读")


@needs_mount
def test_read_only_folder(sample, stored, db_path, tmp_path):
    def put_old(p: Path) -> None:
        (p / "报告.docx").write_bytes(b"the old report")

    with tmpfs(tmp_path / "ro", "1m", read_only_after=put_old) as folder:
        for target in (folder / "报告.docx", folder / "新报告.docx"):
            exc = render_fails(sample, target)
            assert "只读" in exc.message
            cli_render_fails(db_path, stored, target, "只读")
        assert (folder / "报告.docx").read_bytes() == b"the old report"
        assert sorted(p.name for p in folder.iterdir()) == ["报告.docx"]


@pytest.mark.skipif(IS_ROOT, reason="root writes into a folder without write permission")
def test_folder_without_write_permission(sample, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        exc = render_fails(sample, folder / "报告.docx")
        assert "没有权限" in exc.message
        assert leftovers(folder) == []
    finally:
        folder.chmod(0o755)


@needs_mount
def test_full_disk(sample, stored, db_path, tmp_path):
    with tmpfs(tmp_path / "full", "16k") as folder:
        (folder / "报告.docx").write_bytes(b"the old report")
        for target in (folder / "报告.docx", folder / "新报告.docx"):
            exc = render_fails(sample, target)
            assert "磁盘空间不足" in exc.message
            cli_render_fails(db_path, stored, target, "磁盘空间不足")
            assert leftovers(folder) == []
        assert (folder / "报告.docx").read_bytes() == b"the old report"
        assert not (folder / "新报告.docx").exists()


FSIZE_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from hxdesk import services
    from hxdesk.errors import OutputError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        services.render_to_file(services.sample_report(), sys.argv[1])
    except OutputError as exc:
        print(exc.message)
        sys.exit(1)
    """
)


def test_file_size_limit_in_a_child_process(tmp_path):
    """Where no tmpfs can be mounted: the write fails half-way (EFBIG), as on a full disk."""
    target = tmp_path / "报告.docx"
    proc = subprocess.run(
        [sys.executable, "-c", FSIZE_CHILD, str(target)], capture_output=True, text=True, cwd=str(ROOT), timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    assert "文件超出了该磁盘或系统允许的大小" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert not target.exists() and leftovers(tmp_path) == []


@needs_mount
def test_target_held_open_elsewhere_offers_another_name(sample, stored, db_path, tmp_path):
    """A bind mount over the target refuses replacement (EBUSY), as Word's lock does (PermissionError)."""
    target = tmp_path / "报告.docx"
    target.write_bytes(b"open in Word")
    holder = tmp_path / "holder"
    holder.write_bytes(b"open in Word")
    subprocess.run(["mount", "--bind", str(holder), str(target)], check=True)
    try:
        exc = render_fails(sample, target)
        assert exc.locked
        assert "正被其他程序" in exc.message and "另存为其他文件名" in exc.message
        assert leftovers(tmp_path) == []
        cli_render_fails(db_path, stored, target, "正被其他程序")
        other = free_name(target)
        assert other.name == "报告（2）.docx"
        services.render_to_file(sample, other)
        from docx import Document

        assert Document(str(other)).paragraphs
    finally:
        subprocess.run(["umount", str(target)], check=False)
    assert target.read_bytes() == b"open in Word"


def test_target_is_a_folder(sample, tmp_path):
    target = tmp_path / "报告.docx"
    target.mkdir()
    exc = render_fails(sample, target)
    assert "是一个文件夹" in exc.message


def test_successful_write_replaces_atomically(sample, tmp_path, monkeypatch):
    """The new file is written in full beside the target, then renamed over it in one
    step: until that rename the target holds the old bytes, and it is never written in place."""
    import io
    import stat
    import zipfile

    from docx import Document

    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    old_inode = target.stat().st_ino
    renames = []
    real_replace = os.replace

    def watched_replace(src, dst, *args, **kwargs):
        src, dst = Path(src), Path(dst)
        renames.append((src, dst, dst.read_bytes(), src.read_bytes()))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", watched_replace)
    with open(target, "rb") as reader:  # a program that has the old file open
        services.render_to_file(sample, target)
        if os.name == "posix":  # (Windows refuses to replace an open file)
            assert reader.read() == b"old", "the old file was overwritten in place"
            assert target.stat().st_ino != old_inode
    assert len(renames) == 1
    src, dst, target_before, moved_in = renames[0]
    assert dst == target and src.parent == target.parent  # same folder: a rename, never a copy
    assert target_before == b"old"  # nothing was written to the target before the rename
    assert zipfile.ZipFile(io.BytesIO(moved_in)).testzip() is None  # complete when moved in
    assert target.read_bytes() == moved_in
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file's mode is kept
    assert Document(str(target)).paragraphs
    assert leftovers(tmp_path) == []
