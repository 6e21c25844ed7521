"""A reading-room session (F6) and a visit session (F7) at the desk, scanned into scanInput, on screen and in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.store.models import Copy
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import copy_status, past_loan, small_room

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000009", room.li, TODAY - dt.timedelta(days=2), TODAY + dt.timedelta(days=28))
        return room


def reads(db):
    with db.read() as session:
        return sorted(tuple(row) for row in session.execute(
            select(Copy.barcode, RoomRead.reader_id).join(Copy, Copy.id == RoomRead.copy_id)))


def visits(db):
    with db.read() as session:
        return sorted(session.scalars(select(RoomVisit.reader_id).where(RoomVisit.kind == "card")))


def test_a_reading_room_session_with_and_without_a_card(desk, db, room, qtbot):
    key(qtbot, desk, Qt.Key.Key_F6)
    assert "阅览模式" in desk.prompt.text() and "bold" in desk.prompt.styleSheet()
    scan(qtbot, desk, "00000001")
    assert desk.feedback.tone == "ok" and "已登记阅览一次" in said(desk)
    scan(qtbot, desk, "R000001")
    assert "阅览读者：张伟" in said(desk) and desk.reader_panel.summary.id == room.zhang
    scan(qtbot, desk, "00000004")
    assert "已登记为张伟阅览一次" in said(desk)
    scan(qtbot, desk, "00000009")  # lent to 李娜
    assert desk.feedback.tone == "error" and "不能登记阅览" in said(desk)
    assert "阅览模式" in desk.prompt.text()
    assert desk.transactions.actions()[:3] == ["拒绝", "阅览", "阅览"]
    assert reads(db) == [("00000001", None), ("00000004", room.zhang)]
    with db.read() as session:
        assert [copy_status(session, c) for c in ("00000001", "00000004", "00000009")] == [
            "available", "available", "on_loan"]
    key(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "已撤销" in said(desk) and reads(db) == [("00000001", None)]
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert "阅览模式" not in desk.prompt.text() and "已结束阅览登记" in said(desk)
    assert desk.reader_panel.summary is None
    scan(qtbot, desk, "00000009")  # out of the mode a copy is a return again
    assert "归还了" in said(desk)
    assert reads(db) == [("00000001", None)]


def test_the_button_starts_reading_too(desk, db, room, qtbot):
    qtbot.mouseClick(desk.reading_button, Qt.MouseButton.LeftButton)
    assert "阅览模式" in desk.prompt.text() and desk.scan_input.hasFocus()
    scan(qtbot, desk, "00000002")
    assert reads(db) == [("00000002", None)]


def test_a_visit_session(desk, db, room, qtbot):
    key(qtbot, desk, Qt.Key.Key_F7)
    assert "入馆模式" in desk.prompt.text() and "bold" in desk.prompt.styleSheet()
    scan(qtbot, desk, "R000001")
    assert desk.feedback.tone == "ok" and "已登记入馆" in said(desk) and "张伟" in said(desk)
    scan(qtbot, desk, "R000002")
    scan(qtbot, desk, "R000001")  # again at once: the same visit
    assert desk.feedback.tone == "warn" and "不重复计数" in said(desk)
    scan(qtbot, desk, "00000001")
    assert desk.feedback.tone == "error" and "只扫描读者证" in said(desk)
    assert desk.reader_panel.summary is None and "入馆模式" in desk.prompt.text()
    assert desk.transactions.actions()[:4] == ["拒绝", "提示", "入馆", "入馆"]
    assert visits(db) == sorted([room.zhang, room.li])
    with db.read() as session:
        assert session.scalar(select(RoomRead.id)) is None
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert "入馆模式" not in desk.prompt.text() and "已结束入馆登记" in said(desk)
    scan(qtbot, desk, "R000002")  # out of the mode a card opens the reader for lending
    assert desk.reader_panel.summary.id == room.li
    assert visits(db) == sorted([room.zhang, room.li])


def test_f6_then_f7_switches_modes_and_the_button_starts_visits(desk, db, room, qtbot):
    key(qtbot, desk, Qt.Key.Key_F6)
    qtbot.mouseClick(desk.visits_button, Qt.MouseButton.LeftButton)
    assert "入馆模式" in desk.prompt.text()
    scan(qtbot, desk, "R000001")
    assert visits(db) == [room.zhang] and reads(db) == []


def test_the_idle_timeout_in_reading_mode_closes_the_reader_and_the_mode_stays(desk, db, room, qtbot):
    key(qtbot, desk, Qt.Key.Key_F6)
    scan(qtbot, desk, "R000001")
    assert desk.controller.idle.isActive()
    desk.controller.idle.timeout.emit()
    assert desk.reader_panel.summary is None and "阅览模式" in desk.prompt.text()
    scan(qtbot, desk, "00000003")
    assert reads(db) == [("00000003", None)]
