"""PyInstaller runtime hook (build_exe.spec): a windowed Windows program has
no console, so sys.stdout and sys.stderr are None and any write to them would
crash the program (e.g. an argparse error when a file is dropped on hxdesk.exe).
Give them a sink instead; the console program hxdesk-cli.exe keeps its streams."""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
