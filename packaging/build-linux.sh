#!/usr/bin/env bash
# Build PosDesk's folder bundle on Linux with the same PyInstaller recipe as the Windows and
# macOS installers (packaging/posdesk.spec), then print its size and build time.
#   packaging/build-linux.sh            -> packaging/build/dist/posdesk/posdesk
# Env: PYTHON (default .venv/bin/python), POSDESK_BUILD_DIR (default packaging/build),
# POSDESK_SMOKE_PROBE=1 adds the smoke test's card-entry probe (packaging/smoke-test.sh
# builds that way into packaging/build/smoke; a bundle that ships has no probe).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
export POSDESK_BUILD_DIR=${POSDESK_BUILD_DIR:-$PWD/packaging/build}
started=$(date +%s)

# The packaging tools, pinned like everything else (pyproject's "packaging" extra), and any
# run-time requirement added since this environment was set up.
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null \
    || ! "$PYTHON" packaging/third_party_licenses.py --check 2>/dev/null; then
  "$PYTHON" -m pip install -q -c constraints.txt -e '.[packaging]'
fi

# The .qm catalogues are built files (git-ignored): build them if this checkout has none.
shopt -s nullglob
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ]; then
    "$(dirname "$PYTHON")/pyside6-lrelease" "$ts" -qm "$qm"
  fi
done

mkdir -p "$POSDESK_BUILD_DIR"
"$PYTHON" packaging/third_party_licenses.py "$POSDESK_BUILD_DIR/THIRD-PARTY-LICENSES.txt"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$POSDESK_BUILD_DIR/dist" --workpath "$POSDESK_BUILD_DIR/work" \
  packaging/posdesk.spec
bundle="$POSDESK_BUILD_DIR/dist/posdesk"
# Where a user looks for it; the About dialog reads the copy inside the bundle.
cp "$POSDESK_BUILD_DIR/THIRD-PARTY-LICENSES.txt" "$bundle/"
echo "PosDesk bundle: $bundle ($(du -sh "$bundle" | cut -f1) unpacked, $(find "$bundle" -type f | wc -l) files), built in $(( $(date +%s) - started )) s"
