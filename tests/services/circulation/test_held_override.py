"""An administrator lends a 预约保留 copy to someone other than its hold's reader, with a reason (as Koha does:
the hold stays, back to waiting at its place in the queue, and the next copy of the title checked in serves it)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bookroom_desk.errors import Refused
from bookroom_desk.services.access import audit
from bookroom_desk.services.circulation import desk, holds, overrides
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers import records
from bookroom_desk.store.models import Copy, Loan, Title
from bookroom_desk.store.models_holds import Hold
from tests.support.desk_room import ISBN, category, copy_status, open_loans, past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer


@pytest.fixture
def room(db):
    """红楼梦 00000001 is kept for 张伟 (R000001); 00000002 is out with 张伟's colleague 李娜."""
    with db.write() as session:
        add_admin_and_volunteer(session)
        room = small_room(session)
        past_loan(session, "00000001", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        past_loan(session, "00000002", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        session.scalar(select(Copy).where(Copy.barcode == "00000003")).status = "repair"
        title_id = session.scalar(select(Title.id).where(Title.isbn == ISBN))
        room.hold_id = holds.place(session, "R000001", title_id, actor=OPERATOR).id
        kept = desk.scan(session, "00000001", None, actor=OPERATOR)
        assert kept.hold is not None and kept.hold.hold_id == room.hold_id
        return room


def _hold(db, hold_id) -> tuple:
    with db.read() as session:
        hold = session.get(Hold, hold_id)
        barcode = session.scalar(select(Copy.barcode).where(Copy.id == hold.copy_id)) if hold.copy_id else None
        return hold.state, barcode, hold.expires_on


def _refused_held(db, actor="老李"):
    counter = DeskCounter()
    counter.scan(db.write, "R000002", actor=actor)  # 李娜 would take the copy kept for 张伟
    return counter, counter.scan(db.write, "00000001", actor=actor)


def test_the_held_refusal_offers_an_override(db, room):
    _counter, refused = _refused_held(db)
    assert refused.action == "refused" and "为张伟（R000001）预约保留" in refused.message()
    assert refused.offer is not None and refused.offer.kind == overrides.OVERRIDE
    assert refused.offer.refusals == ("held",)
    assert "管理员可按 F10" in refused.offer.message()
    assert overrides.what(("held",)).message() == "为他人预约保留"


def test_the_administrator_lends_it_and_the_hold_goes_back_to_waiting(db, room):
    counter, _refused = _refused_held(db)
    lent = counter.override(db.write, "张伟同意先借给同事", actor="老李")
    assert lent.action == "lent", lent.message()
    assert "管理员放行（为他人预约保留）" in lent.message() and "张伟同意先借给同事" in lent.message()
    assert "张伟的预约仍在" in lent.message()
    assert _hold(db, room.hold_id) == ("waiting", None, None)
    with db.read() as session:
        assert ("00000001", room.li) in open_loans(session)
        assert copy_status(session, "00000001") == "on_loan"
        loan = session.scalar(select(Loan).where(Loan.returned_at.is_(None), Loan.copy_id == select(Copy.id).where(
            Copy.barcode == "00000001").scalar_subquery()))
        assert (loan.override_kinds, loan.override_reason, loan.override_by) == ("held", "张伟同意先借给同事", "老李")
        assert holds.position(session, session.get(Hold, room.hold_id)) == 1
        line = audit.lines(session, audit.AuditFilter(kinds=("override",)))
        assert len(line) == 1 and "00000001" in line[0].detail and "张伟同意先借给同事" in line[0].detail
        history = {x.barcode: x.override_reason for x in records.open_loans(session, room.li)}
        assert history["00000001"] == "张伟同意先借给同事"


def test_the_next_copy_checked_in_serves_the_hold(db, room):
    counter, _refused = _refused_held(db)
    counter.override(db.write, "急用", actor="老李")
    with db.write() as session:
        back = desk.scan(session, "00000002", None, actor=OPERATOR)  # 李娜 brings the other copy back
    assert back.hold is not None and back.hold.hold_id == room.hold_id and back.hold.barcode == "00000002"
    assert _hold(db, room.hold_id)[:2] == ("ready", "00000002")


def test_the_hold_keeps_its_place_ahead_of_later_ones(db, room):
    with db.write() as session:
        later = holds.place(session, "R000002", session.scalar(select(Title.id).where(Title.isbn == ISBN)),
                            actor=OPERATOR)
    counter = DeskCounter()
    counter.scan(db.write, "R000002", actor="老李")
    refused = counter.scan(db.write, "00000001", actor="老李")
    assert refused.offer.refusals == ("held",)
    counter.override(db.write, "急用", actor="老李")
    with db.read() as session:
        assert holds.position(session, session.get(Hold, room.hold_id)) == 1
        assert holds.position(session, session.get(Hold, later.id)) == 2


def test_undo_puts_the_copy_and_its_hold_back_on_the_hold_shelf(db, room):
    counter, _refused = _refused_held(db)
    ready = _hold(db, room.hold_id)
    counter.override(db.write, "急用", actor="老李")
    assert counter.undo(db.write, actor="老李").action == "undone"
    assert _hold(db, room.hold_id) == ready
    with db.read() as session:
        assert copy_status(session, "00000001") == "held"
        assert session.scalar(select(Loan.id).where(Loan.override_by.is_not(None))) is None


def test_held_and_limit_at_once_are_let_through_together(db, room):
    with db.write() as session:
        category(session).max_loans = 1  # 李娜 has 00000002 out
    _counter, refused = _refused_held(db)
    assert refused.offer.refusals == ("held", "limit")
    with db.write() as session:
        lent = overrides.accept(session, refused.offer, "主任批准", actor="老李")
    assert lent.action == "lent" and "为他人预约保留、已借满" in lent.message()
    assert _hold(db, room.hold_id)[0] == "waiting"


def test_a_volunteer_cannot_and_the_copy_stays_kept(db, room):
    _counter, refused = _refused_held(db, actor="小王")
    with pytest.raises(Refused), db.write() as session:
        overrides.accept(session, refused.offer, "急用", actor="小王")
    assert _hold(db, room.hold_id)[:2] == ("ready", "00000001")


def test_the_holds_own_reader_is_not_offered_an_override(db, room):
    with db.write() as session:
        lent = desk.check_out(session, room.zhang, "00000001", actor="老李")
    assert lent.action == "lent" and _hold(db, room.hold_id)[0] == "filled"

