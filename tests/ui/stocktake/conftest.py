"""Fixtures of the 盘点 page's tests: the sample room, the page open on it, the beeps it makes."""

from __future__ import annotations

import pytest

from tests.support.stocktake_room import build_room


@pytest.fixture
def room(db):
    with db.write() as session:
        return build_room(session)


@pytest.fixture
def page(main_window, room, sync_tasks, qtbot, beeps):
    main_window.nav.setCurrentRow(3)
    page = main_window.page("stocktake")
    assert main_window.stack.currentWidget() is page
    return page
