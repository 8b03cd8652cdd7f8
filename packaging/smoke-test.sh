#!/usr/bin/env bash
# Build the Linux bundle with the card-entry probe (packaging/build/smoke, ~1-2 min on 2
# cores) and run it as a user would: --version without a display, the sandbox, migrations
# on a fresh data folder, the demo's window offscreen (timed beside the development
# install) and a card-entry page loading. Ends with "N passed, N failed".
#   packaging/smoke-test.sh              build, then check
#   packaging/smoke-test.sh --no-build   check the last smoke build again
# Env: PYTHON (default .venv/bin/python), RUNS (demo start-up runs, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
export POSDESK_BUILD_DIR=${POSDESK_BUILD_DIR:-$PWD/packaging/build/smoke}
if [ "${1:-}" != "--no-build" ]; then
  POSDESK_SMOKE_PROBE=1 packaging/build-linux.sh
fi
"$PYTHON" packaging/smoke_test.py "$POSDESK_BUILD_DIR/dist/posdesk" --runs "${RUNS:-3}" \
  --dev-python "$PYTHON"
