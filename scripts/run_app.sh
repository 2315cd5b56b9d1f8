#!/usr/bin/env bash
# Install hxdesk on a fresh Debian/Ubuntu machine and start it on the built-in sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system_deps.sh
bash scripts/venv.sh
exec .venv/bin/hxdesk "$@"
