#!/usr/bin/env bash
# Create .venv (if needed) and install hxdesk into it with the given extras.
# Usage: scripts/venv.sh [extras]   e.g. scripts/venv.sh test,build
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
extras="${1:-}"
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install -q -e ".[${extras}]" 2>&1 | grep -v "^WARNING: Location" || true
else
  .venv/bin/python -m pip install -q -e . 2>&1 | grep -v "^WARNING: Location" || true
fi
.venv/bin/python -c "import hxdesk, docx, sqlite_utils, PySide6" || { echo "installation failed" >&2; exit 1; }
