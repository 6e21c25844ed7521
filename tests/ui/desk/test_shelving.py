"""Shelving at the desk by scanning a shelf label (or F8), and a return saying where the book goes, on screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from bookroom_desk.store.models import Copy, CopyEvent, Shelf
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        session.add_all([Shelf(code="A01", name="文学", class_from="I", class_to="I"),
                         Shelf(code="D01", name="政治法律", class_from="D", class_to="D")])
        return room


def home(db, barcode):
    with db.read() as session:
        return session.scalar(select(Shelf.code).join(Copy, Copy.shelf_id == Shelf.id).where(Copy.barcode == barcode))


def test_scanning_a_shelf_label_then_copies_shelves_them(desk, db, qtbot):
    scan(qtbot, desk, "SJ-A01")
    assert "上架模式" in desk.prompt.text() and "A01" in desk.prompt.text()
    scan(qtbot, desk, "00000001")
    assert desk.feedback.tone == "ok" and "已放上书架 A01" in said(desk)
    assert desk.feedback.place.isVisible() and "A01" in desk.feedback.place.text()
    scan(qtbot, desk, "00000002")
    assert home(db, "00000001") == home(db, "00000002") == "A01"
    assert desk.transactions.actions() == ["上架", "上架", "开始上架"]
    with db.read() as session:
        assert session.query(CopyEvent).filter_by(kind="moved").count() == 2


def test_a_copy_of_another_class_warns_and_is_still_shelved(desk, db, qtbot):
    scan(qtbot, desk, "SJ-D01")
    scan(qtbot, desk, "00000001")
    assert desk.feedback.tone == "warn" and "请核对是否放错" in said(desk)
    assert home(db, "00000001") == "D01"


def test_esc_ends_shelving_and_the_next_scan_is_a_return(desk, db, qtbot):
    scan(qtbot, desk, "SJ-A01")
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert "上架模式" not in desk.prompt.text() and "已结束上架" in said(desk)
    scan(qtbot, desk, "00000001")
    assert home(db, "00000001") is None and "无需归还" in said(desk)


def test_ctrl_z_puts_the_copy_back_where_it_was(desk, db, qtbot):
    scan(qtbot, desk, "SJ-A01")
    scan(qtbot, desk, "00000001")
    key(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "已撤销" in said(desk) and home(db, "00000001") is None
    assert "上架模式" in desk.prompt.text()  # still shelving


def test_f8_chooses_the_shelf(desk, db, qtbot, monkeypatch):
    offered = []

    def choose(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    key(qtbot, desk, Qt.Key.Key_F8)
    assert offered == ["A01　文学", "D01　政治法律"]
    assert "D01" in desk.prompt.text()
    scan(qtbot, desk, "00000004")
    assert home(db, "00000004") == "D01"


def test_a_return_shows_shelf_and_call_number_large(desk, db, room, qtbot):
    with db.write() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
        copy.shelf_id = session.scalar(select(Shelf.id).where(Shelf.code == "D01"))
        copy.title.call_number = "D922.5/12"
        past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    scan(qtbot, desk, "00000004")
    place = desk.feedback.place
    assert place.isVisible() and place.text() == "→ 书架 D01（政治法律）　索书号 D922.5/12"
    assert place.font().pointSize() >= desk.feedback.message.font().pointSize()
    scan(qtbot, desk, "R000001")  # the next result does not keep the old place
    assert not place.isVisible()
