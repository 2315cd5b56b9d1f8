"""HXDESK_TEST_HOOK script: tells the test that the window has its database open."""

import os
from pathlib import Path

Path(os.environ["HXDESK_READY_FILE"]).write_text("ready", encoding="utf-8")
