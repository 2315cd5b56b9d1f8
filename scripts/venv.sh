#!/usr/bin/env bash
# Create .venv (if needed) and install hxdesk into it (editable) with the given extras.
# Installs only when needed: .venv is missing or broken, pyproject.toml (or the version in
# hxdesk/__init__.py) changed since the last install, or an extra was not installed yet;
# otherwise it only checks and returns at once.  pip's output goes to .venv/hxdesk-install.log
# and is shown when pip fails; any failure fails this script.
# Usage: scripts/venv.sh [extras]   e.g. scripts/venv.sh test,build
#   PYTHON   the Python that creates .venv (default: python3)
#   HXDESK_REINSTALL=1   install even if up to date
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
STAMP=.venv/hxdesk-install.stamp
LOG=.venv/hxdesk-install.log
extras="${1:-}"

works() { # the installed program and its dependencies import (from elsewhere: not ./hxdesk)
  local venv="$PWD/.venv"
  [ -x "$venv/bin/hxdesk" ] && (cd / && "$venv/bin/python" -c "import hxdesk, docx, sqlite_utils, PySide6") >/dev/null 2>&1
}

run_logged() { # run "$@" with its output in $LOG; on failure show the log and stop
  if ! "$@" >>"$LOG" 2>&1; then
    echo "failed: $*" >&2
    echo "---- $LOG" >&2
    tail -n 60 "$LOG" >&2
    exit 1
  fi
}

if ! .venv/bin/python -c "import sys" >/dev/null 2>&1; then
  echo "creating .venv with $("$PY" --version 2>&1)"
  "$PY" -m venv --clear .venv
  : >"$LOG"
  run_logged .venv/bin/python -m pip install --upgrade pip
  rm -f "$STAMP"
fi

hash="$(cat pyproject.toml hxdesk/__init__.py | sha256sum | cut -d' ' -f1)"
installed_hash=""
installed_extras=""
if [ -f "$STAMP" ]; then
  installed_hash="$(sed -n 1p "$STAMP")"
  installed_extras="$(sed -n 2p "$STAMP")"
fi
# What to install: the extras asked for, plus those already there if pyproject.toml is unchanged.
want="$extras"
[ "$installed_hash" = "$hash" ] && want="$installed_extras,$extras"
want="$(printf '%s' "$want" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)"

if [ "${HXDESK_REINSTALL:-}" != 1 ] && [ "$installed_hash" = "$hash" ] && [ "$want" = "$installed_extras" ] && works; then
  exit 0 # up to date
fi

echo "installing hxdesk${want:+[$want]} into .venv (output: $LOG)"
: >"$LOG"
rm -f "$STAMP"
run_logged .venv/bin/python -m pip install --disable-pip-version-check -e ".${want:+[$want]}"
works || { echo "installation failed: hxdesk or a dependency does not import (see $LOG)" >&2; exit 1; }
printf '%s\n%s\n' "$hash" "$want" >"$STAMP"
