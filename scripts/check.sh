#!/usr/bin/env bash
# The rules a machine checks, as CI runs them: import contracts, ruff, mypy. Installs what it needs first.
# Each check runs even when one before it failed; the script fails if any did.
set -uo pipefail
source "$(dirname "$0")/setup.sh"
ensure_venv ".[test]" || exit 1
status=0
echo "== lint-imports (layers and capability packages, pyproject.toml [tool.importlinter])"
.venv/bin/lint-imports --no-cache || status=1
echo "== ruff check"
.venv/bin/ruff check . || status=1
echo "== mypy (services/ and store/)"
.venv/bin/mypy || status=1
[ $status -eq 0 ] && echo "checks passed" || echo "checks FAILED" >&2
exit $status
