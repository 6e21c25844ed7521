"""The catalogue page's fixtures: an empty room's page (test_page.py has its own, with books)."""

from __future__ import annotations

import pytest

from bookroom_desk.ui.catalogue.page import CataloguePage


@pytest.fixture
def page(ctx, qtbot, sync_tasks):
    widget = CataloguePage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.activated()
    return widget

