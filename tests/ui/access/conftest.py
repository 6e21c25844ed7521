"""Fixtures of the access tests: the offer to create an administrator is shown afresh in each test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from bookroom_desk.ui.access.guard import OFFER_DISMISSED


@pytest.fixture(autouse=True)
def fresh_offer():
    QSettings().remove(OFFER_DISMISSED)
    yield
    QSettings().remove(OFFER_DISMISSED)
