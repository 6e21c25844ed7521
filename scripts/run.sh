#!/usr/bin/env bash
# Install Bookroom Desk into .venv (with the system libraries Qt needs) and start it.
# Arguments are passed on: scripts/run.sh --db room.db demo
set -euo pipefail
source "$(dirname "$0")/setup.sh"
command -v dpkg-query >/dev/null 2>&1 && ensure_apt "${QT_PACKAGES[@]}"
ensure_venv "."
exec .venv/bin/bookroom-desk "$@"
