"""A volunteer logged in to the window: their work is recorded under their name, administrators' work refused."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from bookroom_desk.services.common import permissions
from bookroom_desk.store.models import Copy, Loan, Reader, Renewal, Shelf, Title
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_roomwork import Activity
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan
from bookroom_desk.ui.access.guard import OFFER_DISMISSED
from bookroom_desk.ui.main_window import MainWindow
from tests.support.desk_room import past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer
from tests.support.room_work_page import _click, _type


@pytest.fixture
def window(ctx, db, qtbot, sync_tasks, monkeypatch):
    """The window over a small room with accounts, 小王 (volunteer) logged in."""
    QSettings().remove(OFFER_DISMISSED)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    with db.write() as session:
        add_admin_and_volunteer(session)
        room = small_room(session)
        past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 11, 28))
        shelf = Shelf(code="A01", name="A01架")
        session.add(shelf)
        session.flush()
        for copy in session.scalars(select(Copy).where(Copy.barcode.in_(("00000006", "00000007")))):
            copy.shelf_id = shelf.id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.access.panel
    panel.who.setText("小王")  # typed through the input method (keyClicks takes ASCII only)
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "246810")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert (ctx.actor, ctx.role) == ("小王", "volunteer")
    yield window
    QSettings().remove(OFFER_DISMISSED)


def _scan(qtbot, field, code: str) -> None:
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_lending_renewing_and_returning_at_the_desk_name_the_volunteer(window, db, qtbot):
    desk = window.page("desk")
    scan = desk.findChild(QLineEdit, "scanInput")
    _scan(qtbot, scan, "R000001")
    _scan(qtbot, scan, "00000004")
    assert "借出" in desk.feedback.message.text()
    qtbot.keyClick(scan, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # renew all: 00000005 is renewed
    assert "续借" in desk.feedback.message.text()
    qtbot.keyClick(scan, Qt.Key.Key_Escape)
    _scan(qtbot, scan, "00000004")
    with db.read() as session:
        lent = session.execute(select(Loan.lent_by, Loan.returned_by, Loan.returned_at.is_not(None))
                               .join(Copy, Loan.copy_id == Copy.id).where(Copy.barcode == "00000004")).one()
        renewals = session.scalars(select(Renewal.by)).all()
    assert tuple(lent) == ("小王", "小王", True)
    assert renewals == ["小王"]


def test_a_reader_an_activity_and_a_stocktake_are_open_to_the_volunteer(window, db, qtbot):
    window.show_page("readers")
    tab = window.page("readers").list_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    tab.dialog.name.setText("孙丽")
    tab.dialog.buttons.button(tab.dialog.buttons.StandardButton.Ok).click()
    assert "R000005" in tab.message.text()

    window.show_page("activities")
    work = window.page("activities")
    _click(qtbot, work, "activityNew")
    _type(qtbot, work, "activity_held_on", "2026-04-23")
    _type(qtbot, work, "activity_name", "世界读书日分享会")
    _click(qtbot, work, "activitySave")
    assert work.findChild(QLabel, "activityMessage").text() == "已保存。"

    window.show_page("stocktake")
    stocktake = window.page("stocktake")
    qtbot.mouseClick(stocktake.start_view.start_button, Qt.MouseButton.LeftButton)
    field = stocktake.findChild(QLineEdit, "stocktakeScanInput")
    _scan(qtbot, field, "SJ-A01")
    _scan(qtbot, field, "00000006")
    with db.read() as session:
        assert session.scalar(select(Reader.name).where(Reader.card == "R000005")) == "孙丽"
        assert session.scalars(select(Activity.name)).all() == ["世界读书日分享会"]
        assert session.scalars(select(Stocktake.started_by)).all() == ["小王"]
        assert session.execute(select(StocktakeScan.barcode, StocktakeScan.by)
                               .order_by(StocktakeScan.seq)).all() == [("SJ-A01", "小王"), ("00000006", "小王")]


def test_administrators_work_is_refused_to_the_volunteer_with_the_reason_shown(window, db, qtbot):
    window.show_page("catalogue")
    catalogue = window.page("catalogue")
    with db.read() as session:
        title_id = session.scalar(select(Title.id).where(Title.title == "红楼梦"))
    dialog = catalogue.open_title(title_id)
    assert not dialog.findChild(QPushButton, "withdrawCopyButton").isVisible()
    dialog.copies.select(["00000001"])
    assert not dialog.copies.withdraw("破损")  # what the (hidden) 剔除 button does
    assert dialog.copies.message.text() == "只有管理员可以剔除、注销或恢复图书。当前登录的“小王”是志愿者。"

    window.show_page("activities")
    work = window.page("activities")
    box = work.records.access  # how workers reach digital reading: a room setting
    assert not box.save_button.isVisible()
    box.text.setPlainText("扫码开通")
    box.save()
    assert "只有管理员可以修改书屋设置" in box.message.text()
    with db.read() as session:
        assert session.scalar(select(Copy.status).where(Copy.barcode == "00000001")) == "available"
        assert session.scalars(select(AuditEntry.kind).where(AuditEntry.kind == "setting")).all() == []


def test_before_anyone_logs_in_the_window_is_nobody_not_the_operator(ctx, db, qtbot):
    with db.write() as session:
        add_admin_and_volunteer(session)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.access.is_locked and ctx.actor == ""
    with db.read() as session, pytest.raises(ValueError):
        permissions.require(session, ctx.actor, "settings")
