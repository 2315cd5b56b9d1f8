#!/usr/bin/env bash
# Build the Linux bundle from build_exe.spec (the same spec as Windows) and
# check the bundled program: `render --sample` gives the sample word for word,
# the GUI starts offscreen and writes --screenshot, and more (see
# tests/packaging/check_bundle.py).  Exits non-zero on any failure.
#
# Usage: scripts/build_bundle.sh [OUT_DIR]
#   OUT_DIR  keep the build there (OUT_DIR/dist/hxdesk); default: a temp folder, removed at the end
#   PYTHON         the Python that runs the checks, with hxdesk's dependencies (default:
#                  .venv/bin/python, else python3); it also builds if it is 3.12+
#   BUNDLE_PYTHON  the Python 3.12+ to build with, hxdesk[build]'s requirements installed
#   BUNDLE_VENV    where to keep the 3.12 build venv (default: ~/.cache/hxdesk/bundle-py312)
#
# The bundle ships on Python 3.12+ (None is immortal; PySide6 6.12.0 aborts
# Python < 3.12, see RELIABILITY.md).  If neither PYTHON nor BUNDLE_PYTHON is
# 3.12+, a venv is made from Python 3.12 (pyenv or python3.12 on PATH) with
# pyproject.toml's dependencies and build extra, made again when those change;
# without any Python 3.12 it builds with PYTHON and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
is_312() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
BUILD_PY="${BUNDLE_PYTHON:-}"
if [ -z "$BUILD_PY" ] && is_312 "$PY"; then BUILD_PY="$PY"; fi
if [ -z "$BUILD_PY" ]; then
  BASE=""
  for cand in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12.*/bin/python python3.12; do
    if is_312 "$cand"; then BASE="$cand"; break; fi  # a pyenv shim without that version fails here
  done
  if [ -n "$BASE" ]; then
    VENV="${BUNDLE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hxdesk/bundle-py312}"
    REQS="$("$BASE" -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(p["dependencies"] + p["optional-dependencies"]["build"]))')"
    STAMP="$("$BASE" --version 2>&1) $BASE
$REQS"
    mkdir -p "$(dirname "$VENV")"
    exec 9>"$VENV.lock"
    if command -v flock >/dev/null; then flock 9; fi  # two builds at once make it once
    if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.hxdesk-stamp" 2>/dev/null)" != "$STAMP" ]; then
      echo "== making the Python 3.12 build venv $VENV from $BASE"
      t0=$(date +%s)
      rm -rf "$VENV"
      "$BASE" -m venv "$VENV"
      printf '%s\n' "$REQS" > "$VENV/requirements.txt"
      "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$VENV/requirements.txt"
      printf '%s' "$STAMP" > "$VENV/.hxdesk-stamp"
      echo "== build venv made in $(( $(date +%s) - t0 )) s; size $(du -sh "$VENV" | cut -f1)"
    fi
    exec 9>&-
    BUILD_PY="$VENV/bin/python"
  else
    echo "== WARNING: no Python 3.12 found (BUNDLE_PYTHON, pyenv, python3.12 on PATH): building with" \
      "$("$PY" --version 2>&1), not the Python 3.12 that is shipped (.github/workflows/windows.yml)"
    export HXDESK_BUNDLE_OLD_PYTHON=1
    BUILD_PY="$PY"
  fi
fi
echo "== Python $("$BUILD_PY" -c 'import sys, PySide6; print(sys.version.split()[0], "PySide6", PySide6.__version__)')"
if [ -n "${1:-}" ]; then
  OUT="$1"
  mkdir -p "$OUT"
else
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi
echo "== building with PyInstaller $("$BUILD_PY" -m PyInstaller --version 2>/dev/null || echo '?') into $OUT/dist/hxdesk"
start=$(date +%s)
"$BUILD_PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" build_exe.spec
echo "== built in $(( $(date +%s) - start )) s; size $(du -sh "$OUT/dist/hxdesk" | cut -f1)"
echo "== checking the bundled program"
QT_QPA_PLATFORM=offscreen "$PY" tests/packaging/check_bundle.py "$OUT/dist/hxdesk"
