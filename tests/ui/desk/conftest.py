"""The desk page of a main window, on the room each test file's ``room`` fixture builds, cursor in the scan field."""

from __future__ import annotations

import pytest


@pytest.fixture
def desk(main_window, room, beeps, qtbot):
    page = main_window.page("desk")
    main_window.activateWindow()
    qtbot.waitUntil(lambda: page.scan_input.hasFocus())
    return page
