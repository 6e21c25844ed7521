"""F9 asks the permission of the action an offer stands for: a volunteer cannot put a copy back into the holdings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import Refused
from bookroom_desk.services.circulation import after_scan, desk
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.vocab import FLAGGED, NOT_HOLDINGS
from bookroom_desk.store.models import Copy, CopyEvent, Loan
from tests.support.desk_room import open_loans, past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer

REFUSAL = "只有管理员可以剔除、注销或恢复图书。当前登录的“小王”是志愿者。"


@pytest.fixture
def room(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        return small_room(session)


def _state(db) -> tuple:
    """Everything an offer could change: the copies, their events, the loans."""
    with db.read() as session:
        copies = session.execute(select(Copy.barcode, Copy.status, Copy.removed_on, Copy.removed_reason)
                                 .order_by(Copy.barcode)).all()
        return (copies, session.scalar(select(func.count(CopyEvent.id))),
                session.execute(select(Loan.copy_id, Loan.reader_id, Loan.returned_at).order_by(Loan.id)).all())


def _set(db, barcode: str, status: str) -> None:
    with db.write() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == barcode))
        copy.status, copy.removed_on = status, dt.date(2026, 1, 5) if status in NOT_HOLDINGS else None
        copy.removed_reason = "破损" if status in NOT_HOLDINGS else ""


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(status=st.sampled_from(NOT_HOLDINGS + FLAGGED), how=st.sampled_from(("lend", "return", "scan")))
def test_a_volunteers_reinstate_offer_is_refused_and_changes_nothing(db, room, status, how):
    """Offered when lending it (any status out of circulation), or when it comes back or is scanned written off."""
    if how != "lend" and status in FLAGGED:
        status = NOT_HOLDINGS[FLAGGED.index(status)]  # returning a flagged copy keeps the flag: nothing offered
    barcode = "00000004"
    with db.write() as session:
        for loan in session.scalars(select(Loan)):
            session.delete(loan)
    _set(db, barcode, "available")
    if how == "return":
        with db.write() as session:
            past_loan(session, barcode, room.li, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    _set(db, barcode, status)
    counter = DeskCounter()
    if how == "lend":
        counter.scan(db.write, "R000001", actor="小王")
    scanned = counter.scan(db.write, barcode, actor="小王")
    assert scanned.offer.kind == "reinstate"
    before = _state(db)
    refused = counter.accept_offer(db.write, actor="小王")
    assert refused.action == "refused" and refused.tone is Tone.REFUSED and refused.message() == REFUSAL
    assert _state(db) == before
    assert counter.reader_id == (room.zhang if how == "lend" else None)
    with db.write() as session:  # the administrator may
        accepted = after_scan.accept_offer(session, scanned.offer, actor="老李")
        assert accepted.action in ("reinstated", "lent")
    with db.read() as session:
        assert session.scalar(select(Copy.status).where(Copy.barcode == barcode)) in ("available", "on_loan")


def test_the_service_refuses_before_writing_anything(db, room):
    _set(db, "00000005", "withdrawn")
    with db.write() as session:
        offer = desk.scan(session, "00000005", None, actor="小王").offer
    before = _state(db)
    with pytest.raises(Refused, match="只有管理员可以剔除"):
        with db.write() as session:
            after_scan.accept_offer(session, offer, actor="小王")
    assert _state(db) == before


def test_a_volunteer_still_returns_then_lends_with_f9(db, room):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    counter = DeskCounter()
    counter.scan(db.write, "R000001", actor="小王")
    assert counter.scan(db.write, "00000004", actor="小王").offer.kind == "return_then_lend"
    assert counter.accept_offer(db.write, actor="小王").action == "lent"
    with db.read() as session:
        assert open_loans(session) == [("00000004", room.zhang)]


def test_every_kind_of_offer_names_its_permission():
    assert after_scan.OFFER_PERMISSIONS == {"return_then_lend": None, "reinstate": "withdraw", "place_hold": None}
