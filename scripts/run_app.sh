#!/usr/bin/env bash
# Install hxdesk on a fresh Debian/Ubuntu machine and start it on the built-in sample.
# The first run installs (system packages, .venv); later runs only check and start
# (scripts/venv.sh installs again only when pyproject.toml changed or .venv is broken).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system_deps.sh
bash scripts/venv.sh
exec .venv/bin/hxdesk "$@"
