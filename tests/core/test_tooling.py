"""The project's static checks pass, run as a developer runs them from the venv."""

from __future__ import annotations

import re
import subprocess
import sys

from support import ROOT


def _mypy() -> subprocess.CompletedProcess[str]:
    # No arguments: [tool.mypy] in pyproject.toml says what is checked, and how strictly.
    return subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_strict_passes_on_the_qt_free_packages():
    result = _mypy()
    assert result.returncode == 0, f"mypy failed:\n{result.stdout}\n{result.stderr}"


def test_mypy_checks_every_qt_free_module_and_no_gui_module():
    expected = [p for p in (ROOT / "hxdesk").rglob("*.py") if "gui" not in p.relative_to(ROOT / "hxdesk").parts]
    result = _mypy()
    m = re.search(r"\b(\d+) source files?\)?\s*$", result.stdout.strip())
    assert m, f"no file count in mypy's output:\n{result.stdout}\n{result.stderr}"
    assert int(m.group(1)) == len(expected), result.stdout
    assert "hxdesk/gui" not in result.stdout.replace("\\", "/"), result.stdout
