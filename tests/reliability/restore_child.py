"""The child of the restore kill trials: the real ``hxdesk restore``, killed at its Nth step.

    python restore_child.py N hxdesk-arguments…

A step is a file-system call on the database's folder (open, rename/replace, link,
remove, an SQLite connection), seen through Python's audit hooks, so the program
needs no test hook of its own.  Before the Nth step the process SIGKILLs itself;
each step counted is printed to stderr.  With N beyond the last step it runs to the end.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from hxdesk import cli, services  # imported before counting: only the restore's own steps count
from hxdesk.store import backup  # noqa: F401

STEPS = {"open", "os.rename", "os.link", "os.remove", "sqlite3.connect", "shutil.copyfile"}


def main() -> int:
    kill_at = int(sys.argv[1])
    argv = sys.argv[2:]
    folder = str(Path(argv[argv.index("--db") + 1]).resolve().parent)
    count = 0

    def hook(event: str, args: tuple[object, ...]) -> None:
        nonlocal count
        if event not in STEPS or not any(isinstance(a, str | os.PathLike) and folder in str(a) for a in args):
            return
        count += 1
        print(f"step {count}: {event} {args[:2]}", file=sys.stderr, flush=True)
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    services.db_file()  # (loads what the command would load lazily before its first step)
    sys.addaudithook(hook)
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
