"""A PDF export killed half-way leaves its LibreOffice work folder (hxdesk-pdf-*) in the temp
folder; the next export removes it (issue 26, item 4), but never a folder still in use."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from support import ROOT, run_cli, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (scripts/install_system_deps.sh)")


def test_a_killed_pdf_exports_work_folder_does_not_survive_the_next_export(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hxdesk",
            "render",
            "--sample",
            "--engine",
            "libreoffice",
            "-o",
            str(tmp_path / "a.pdf"),
        ],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # LibreOffice is killed with it
    )
    try:
        for _ in range(1200):  # LibreOffice converts for seconds once the .docx is in the folder
            if any((folder / "report.docx").exists() for folder in temp.glob("hxdesk-pdf-*")):
                break
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = list(temp.glob("hxdesk-pdf-*"))
    assert len(killed) == 1  # the kill left it behind
    an_hour_ago = time.time() - 2 * 3600
    os.utime(killed[0], (an_hour_ago, an_hour_ago))
    in_use = temp / "hxdesk-pdf-another-export"  # another export's, still at work
    in_use.mkdir()

    run_cli(
        "render",
        "--sample",
        "--engine",
        "libreoffice",
        "-o",
        str(tmp_path / "b.pdf"),
        env={"TMPDIR": str(temp)},
        check=True,
    )
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert list(temp.glob("hxdesk-pdf-*")) == [in_use]


def _font_folder_holder(temp, *, then: str) -> subprocess.Popen:
    """A process that makes its font folder (as the preview's worker does), prints it, then ``then``."""
    code = (
        "import sys, time\nfrom hxdesk.render.fontfiles import face_folder\nprint(face_folder(()), flush=True)\n" + then
    )
    return subprocess.Popen(
        [sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.PIPE, text=True
    )


def test_a_killed_processs_font_folder_goes_and_a_living_ones_stays(tmp_path):
    """The page engine's font folder (hxdesk-fonts-*) lives as long as its process: a worker killed
    leaves it, and the next process to make one removes it, never one still in use."""
    temp = tmp_path / "temp"
    temp.mkdir()
    killed = _font_folder_holder(temp, then="time.sleep(60)\n")
    killed_folder = killed.stdout.readline().strip()
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert os.path.isdir(killed_folder)  # its exit never ran
    living = _font_folder_holder(temp, then="time.sleep(60)\n")
    living_folder = living.stdout.readline().strip()
    try:
        assert not os.path.exists(killed_folder)  # the next process removed the dead one's folder
        assert os.path.isdir(living_folder)
        finished = _font_folder_holder(temp, then="")
        own = finished.stdout.readline().strip()
        assert finished.wait(timeout=60) == 0
        assert os.path.isdir(living_folder)  # a folder in use stays
        assert own != living_folder and not os.path.exists(own)  # a process that exits removes its own
    finally:
        living.kill()
        living.wait()
