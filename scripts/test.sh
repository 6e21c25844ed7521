#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian/Ubuntu machine, then run the whole suite.
# Arguments go to pytest: scripts/test.sh tests/services -q
set -euo pipefail
source "$(dirname "$0")/setup.sh"
TEST_PACKAGES=(xvfb xdotool xauth poppler-utils libreoffice-calc nsis postgresql chromium chromium-driver)  # postgresql: tests/support/pg.py starts a private server; chromium: tests/services/publishing/test_site_browser.py
command -v dpkg-query >/dev/null 2>&1 && ensure_apt "${QT_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_venv ".[test]"
# pytest's own exit code goes out unchanged: 0 all passed, 1 failures, 5 no tests collected (a failure too).
exec .venv/bin/python -m pytest "$@"
