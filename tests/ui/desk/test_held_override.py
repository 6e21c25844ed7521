"""F10 at the desk on a copy kept for another reader's hold: lent with a reason, the hold waits again (Koha's way)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from bookroom_desk.services.circulation import holds
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Loan, Title
from bookroom_desk.store.models_holds import Hold
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import ISBN_ONE, copy_status, past_loan, small_room


@pytest.fixture
def room(db):
    """机械制图's one copy 00000009 comes back from 李娜 and is kept for 张伟."""
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        holds.place(session, "R000001", session.scalar(select(Title.id).where(Title.isbn == ISBN_ONE)), actor=OPERATOR)
        return room


@pytest.fixture
def asked(monkeypatch):
    asked: list[str] = []

    def get_text(parent, title, label, *args, **kwargs):
        asked.append(label)
        return "张伟同意先借给同事", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def _state(db) -> tuple:
    with db.read() as session:
        hold = session.scalar(select(Hold))
        loan = session.scalar(select(Loan).where(Loan.returned_at.is_(None)))
        return (hold.state, hold.copy_id, copy_status(session, "00000009"),
                loan and (loan.reader_id, loan.override_kinds, loan.override_reason))


def test_f10_lends_a_kept_copy_to_another_reader_and_the_hold_waits_again(desk, db, room, qtbot, asked):
    scan(qtbot, desk, "00000009")  # back from 李娜: kept for 张伟
    assert said(desk).startswith("留给 张伟 R000001（预约）")
    scan(qtbot, desk, "R000002")  # 李娜 wants it again
    scan(qtbot, desk, "00000009")
    assert "为张伟（R000001）预约保留" in said(desk) and "F10" in desk.feedback.hint.text()
    key(qtbot, desk, Qt.Key.Key_F10)
    assert len(asked) == 1
    assert "管理员放行（为他人预约保留）" in said(desk) and "张伟的预约仍在" in said(desk)
    assert _state(db) == ("waiting", None, "on_loan", (room.li, "held", "张伟同意先借给同事"))
    key(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone: kept for 张伟 again
    assert "已撤销" in said(desk)
    state = _state(db)
    assert (state[0], state[2], state[3]) == ("ready", "held", None)
