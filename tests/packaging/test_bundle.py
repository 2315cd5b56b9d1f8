"""The Linux bundle built from build_exe.spec, checked by running it.

One PyInstaller build per session (scripts/build_bundle.sh into a temp
folder); every check of tests/packaging/check_bundle.py runs against it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_bundle import CHECKS, ROOT  # noqa: E402

pytestmark = pytest.mark.slow


@dataclass
class Build:
    bundle: Path
    returncode: int
    output: str


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build_bundle.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=1500,
        cwd=str(ROOT),
        env={**os.environ, "PYTHON": sys.executable},
    )
    return Build(out / "dist" / "hxdesk", proc.returncode, proc.stdout + proc.stderr)


def test_build_script_builds_and_checks(build):
    assert build.returncode == 0, build.output
    assert "ok   render_sample" in build.output


@pytest.mark.parametrize("check", list(CHECKS))
def test_bundled_program(build, check, tmp_path):
    assert build.bundle.is_dir(), f"no bundle was built:\n{build.output}"
    assert CHECKS[check](build.bundle, tmp_path) == []
