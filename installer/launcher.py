"""Entry script that PyInstaller freezes (build_exe.spec): the console-script
entry hxdesk.cli:main.  A file of its own because hxdesk/__main__.py uses a
relative import, which does not work as a top-level script."""

import sys

from hxdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
