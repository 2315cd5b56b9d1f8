#!/usr/bin/env bash
# Every benchmark of bench/, each printing its ratios against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
for bench in bench_render bench_checks bench_editor bench_autosave bench_preview bench_page_engine; do
    echo "== bench/$bench.py"
    .venv/bin/python "bench/$bench.py"
done
echo "== bench/bench_startup.py --reports 300"
.venv/bin/python bench/bench_startup.py --reports 300
if [ -f bench/bench_import.py ]; then
    echo "== bench/bench_import.py"
    .venv/bin/python bench/bench_import.py
fi
echo "(bench/bench_bundle.py builds the PyInstaller bundle first: run it on its own)"
