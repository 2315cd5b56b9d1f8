#!/usr/bin/env bash
# Install everything the tests need (system packages, .venv with the test extras)
# and run the whole suite.  CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system_deps.sh --test
bash scripts/venv.sh test,build
echo "== ruff check, ruff format --check, lint-imports (layers), mypy (strict, Qt-free packages)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/python -m pytest "$@"
