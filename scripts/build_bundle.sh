#!/usr/bin/env bash
# Build the Linux bundle from build_exe.spec (the same spec as Windows) and
# check the bundled program: `render --sample` gives the sample word for word,
# the GUI starts offscreen and writes --screenshot, and more (see
# tests/packaging/check_bundle.py).  Exits non-zero on any failure.
#
# Usage: scripts/build_bundle.sh [OUT_DIR]
#   OUT_DIR  keep the build there (OUT_DIR/dist/hxdesk); default: a temp folder, removed at the end
#   PYTHON   the Python with hxdesk[build] installed (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
if [ -n "${1:-}" ]; then
  OUT="$1"
  mkdir -p "$OUT"
else
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi
echo "== building with $("$PY" -m PyInstaller --version 2>/dev/null || echo '?') into $OUT/dist/hxdesk"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" build_exe.spec
echo "== built in $(( $(date +%s) - start )) s; size $(du -sh "$OUT/dist/hxdesk" | cut -f1)"
echo "== checking the bundled program"
QT_QPA_PLATFORM=offscreen "$PY" tests/packaging/check_bundle.py "$OUT/dist/hxdesk"
