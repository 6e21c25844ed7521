"""A hold scanned through at the desk: placed with F9, kept at check-in (warning, 预约保留), picked up, refused to others."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.store.models_holds import Hold
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import ISBN_ONE, copy_status, open_loans, past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))  # 机械制图's only copy
        return room


def _hold(db) -> tuple:
    with db.read() as session:
        hold = session.scalar(select(Hold))
        return hold and (hold.reader_id, hold.state)


def test_a_hold_from_placing_to_pickup(desk, db, room, qtbot, beeps):
    scan(qtbot, desk, "R000001")  # 张伟 wants 机械制图; its one copy is out with 李娜
    scan(qtbot, desk, ISBN_ONE)
    assert "没有可借的复本" in said(desk) and "F9" in desk.feedback.hint.text() and "预约" in desk.feedback.hint.text()
    key(qtbot, desk, Qt.Key.Key_F9)
    assert desk.feedback.tone == "ok" and "已为张伟预约《机械制图》，排第 1 位" in said(desk)
    assert _hold(db) == (room.zhang, "waiting")
    key(qtbot, desk, Qt.Key.Key_Escape)

    beeps.clear()
    scan(qtbot, desk, "00000009")  # 李娜 brings it back
    assert desk.feedback.tone == "warn" and desk.feedback.sound.played[-1] == "warn"
    assert said(desk).startswith("留给 张伟 R000001（预约）")
    assert desk.feedback.place.isVisible() and "预约架" in desk.feedback.place.text()
    assert "张伟 R000001" in desk.feedback.place.text()
    assert copy_status_of(db, "00000009") == "held" and _hold(db) == (room.zhang, "ready")

    scan(qtbot, desk, "R000002")  # 李娜 would take it again: refused
    scan(qtbot, desk, "00000009")
    assert desk.feedback.tone == "error" and "为张伟（R000001）预约保留" in said(desk)
    assert copy_status_of(db, "00000009") == "held"

    scan(qtbot, desk, "R000001")  # 张伟 comes: his card, then the copy
    scan(qtbot, desk, "00000009")
    assert desk.feedback.tone == "ok" and "借出《机械制图》给张伟" in said(desk)
    assert _hold(db) == (room.zhang, "filled")
    with db.read() as session:
        assert open_loans(session) == [("00000009", room.zhang)]


def copy_status_of(db, barcode: str) -> str:
    with db.read() as session:
        return copy_status(session, barcode)
