"""Shared by the 书屋工作 page tests: the page fixture and typing, clicking and reading helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import func, select

from bookroom_desk.ui.activities.page import RoomWorkPage


@pytest.fixture
def page(ctx, qtbot):
    widget = RoomWorkPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activated()
    return widget


def _type(qtbot, page, name, text, cls=QLineEdit):
    edit = page.findChild(cls, name)
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)  # what an input method commits (QTest types ASCII only)
    return edit


def _click(qtbot, page, name):
    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _error(page, name) -> str:
    label = page.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(model.id)))
