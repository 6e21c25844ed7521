"""At the desk a volunteer's F9 on a written-off copy is refused with the usual message and nothing changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from bookroom_desk.store.models import Copy, CopyEvent, Loan
from bookroom_desk.ui.access.guard import OFFER_DISMISSED
from bookroom_desk.ui.main_window import MainWindow
from tests.support.desk_keys import scan
from tests.support.desk_room import small_room
from tests.support.helpers import add_admin_and_volunteer


@pytest.fixture
def desk(ctx, db, qtbot, monkeypatch):
    """The desk page of a room with accounts, 小王 (volunteer) logged in; 00000004 withdrawn."""
    QSettings().remove(OFFER_DISMISSED)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    with db.write() as session:
        add_admin_and_volunteer(session)
        small_room(session)
        copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
        copy.status, copy.removed_on, copy.removed_reason = "withdrawn", dt.date(2026, 1, 1), "破损"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.access.panel
    panel.who.setText("小王")
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "246810")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert (ctx.actor, ctx.role) == ("小王", "volunteer")
    yield window.page("desk")
    QSettings().remove(OFFER_DISMISSED)


def _copy(db) -> tuple:
    with db.read() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
        return (copy.status, copy.removed_on, copy.removed_reason, session.scalar(select(func.count(CopyEvent.id))),
                session.scalar(select(func.count(Loan.id))))


@pytest.mark.parametrize("reader", ["", "R000001"])
def test_a_volunteers_f9_does_not_put_a_withdrawn_copy_back(desk, db, qtbot, reader):
    if reader:
        scan(qtbot, desk, reader)
    scan(qtbot, desk, "00000004")
    assert "剔除" in desk.feedback.message.text() and "F9" in desk.feedback.hint.text()
    before = _copy(db)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F9)
    assert desk.feedback.tone == "error"
    assert desk.feedback.message.text() == "只有管理员可以剔除、注销或恢复图书。当前登录的“小王”是志愿者。"
    assert _copy(db) == before == ("withdrawn", dt.date(2026, 1, 1), "破损", 0, 0)
    assert desk.transactions.actions()[-1] == "拒绝"
