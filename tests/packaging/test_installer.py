"""installer/hxdesk.nsi compiles with makensis (warnings are errors), and
refuses to build without a bundle to install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "installer" / "hxdesk.nsi"


def makensis() -> str:
    exe = shutil.which("makensis")
    if exe is None:
        pytest.fail("makensis not found: scripts/install_system_deps.sh --test installs nsis")
    return exe


def test_installer_compiles(tmp_path):
    out = tmp_path / "hxdesk-setup.exe"
    makensis()
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "check_installer.sh"), "", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=str(ROOT),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    assert b"PE\0\0" in data[:1024]
    # The 64-bit target (machine type AMD64 in the PE header).
    pe = data.index(b"PE\0\0")
    assert data[pe + 4 : pe + 6] == b"\x64\x86"


def test_installer_refuses_a_missing_bundle(tmp_path):
    proc = subprocess.run(
        [
            makensis(),
            "-V2",
            "-DCOMPRESSOR=zlib",
            "-DVERSION=0.0.1",
            f"-DBUNDLE_DIR={tmp_path / 'no-bundle'}",
            f"-DOUTFILE={tmp_path / 'x.exe'}",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )
    assert proc.returncode != 0
    assert "hxdesk.exe not found" in proc.stdout + proc.stderr
    assert not (tmp_path / "x.exe").exists()
