"""A reader reports a book lost: the copy becomes 遗失, the loan closes as lost, the settlement is kept."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import Conflict, InvalidInput, Refused
from bookroom_desk.services.access import audit
from bookroom_desk.services.catalogue import copies, holdings
from bookroom_desk.services.circulation import losses
from bookroom_desk.services.readers import records
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Loss
from tests.support.desk_room import open_loans, past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer


@pytest.fixture
def room(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        room = small_room(session)
        past_loan(session, "00000001", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        return room


def _loan(db) -> int:
    with db.read() as session:
        return losses.loan_of(session, "R000001", "00000001")


def _everything(db) -> tuple:
    with db.read() as session:
        return (session.execute(select(Copy.barcode, Copy.status, Copy.removed_reason).order_by(Copy.id)).all(),
                session.execute(select(Loan.id, Loan.returned_at).order_by(Loan.id)).all(),
                session.scalar(select(func.count(CopyEvent.id))), session.scalar(select(func.count(Loss.id))))


def _volumes(db) -> int:
    with db.read() as session:
        return holdings.standard(session).volumes


def _common_checks(db, room, settled: str) -> None:
    with db.read() as session:
        assert session.scalar(select(Copy.status).where(Copy.barcode == "00000001")) == "lost"
        assert open_loans(session, room.zhang) == []
        (line,) = records.loan_history(session, room.zhang)
        assert line.barcode == "00000001" and line.lost == settled and line.returned_at is not None
        assert [h.kind for h in copies.history(session, "00000001")][-1] == "lost"
        withdrawals = audit.lines(session, audit.AuditFilter(kinds=("withdraw",)))
        assert len(withdrawals) == 1 and "00000001" in withdrawals[0].detail and withdrawals[0].actor == "老李"
        assert audit.lines(session, audit.AuditFilter(kinds=("return",))) == []  # lost, not returned


def test_paid_at_the_copys_price_by_default(db, room):
    before = _volumes(db)
    with db.write() as session:
        reported = losses.report_lost(session, _loan(db), "paid", actor="老李")
    assert reported.amount == Decimal("20.00")
    _common_checks(db, room, "paid")
    with db.read() as session:
        loss = session.scalar(select(Loss))
        assert (loss.settled, loss.amount, loss.new_copy_id, loss.by) == ("paid", Decimal("20.00"), None, "老李")
        assert "照价赔偿 20.00 元" in session.scalar(select(Copy.removed_reason).where(Copy.barcode == "00000001"))
    assert _volumes(db) == before - 1


def test_paid_an_amount_given(db, room):
    with db.write() as session:
        reported = losses.report_lost(session, _loan(db), "paid", amount="￥35", actor="老李")
    assert reported.amount == Decimal("35.00")


def test_waived(db, room):
    before = _volumes(db)
    with db.write() as session:
        losses.report_lost(session, _loan(db), "waived", actor="老李")
    _common_checks(db, room, "waived")
    with db.read() as session:
        assert session.scalar(select(Loss.amount)) is None
    assert _volumes(db) == before - 1


def test_replaced_by_a_copy_added_to_the_same_title(db, room):
    before = _volumes(db)
    with db.write() as session:
        reported = losses.report_lost(session, _loan(db), "replaced", new_barcode="00000010", actor="老李")
    assert reported.new_barcode == "00000010"
    _common_checks(db, room, "replaced")
    with db.read() as session:
        old = session.scalar(select(Copy).where(Copy.barcode == "00000001"))
        new = session.scalar(select(Copy).where(Copy.barcode == "00000010"))
        assert new.title_id == old.title_id and new.status == "available"
        assert session.scalar(select(Loss.new_copy_id)) == new.id
    assert _volumes(db) == before  # one out, one in


@pytest.mark.parametrize(("settled", "extra", "error"), [
    ("replaced", {"new_barcode": "00000002"}, Conflict),  # in use
    ("replaced", {"new_barcode": ""}, InvalidInput),
    ("replaced", {"new_barcode": "ABC"}, InvalidInput),  # not the room's scheme
    ("paid", {"amount": "abc"}, InvalidInput),
    ("paid", {"amount": "0"}, InvalidInput),
    ("waived", {"amount": "12"}, InvalidInput),
    ("fine", {}, InvalidInput),
])
def test_bad_input_stores_nothing(db, room, settled, extra, error):
    before = _everything(db)
    with pytest.raises(error), db.write() as session:
        losses.report_lost(session, _loan(db), settled, actor="老李", **extra)
    assert _everything(db) == before


def test_a_volunteer_may_not_write_a_copy_off(db, room):
    before = _everything(db)
    with pytest.raises(Refused, match="只有管理员"), db.write() as session:
        losses.report_lost(session, _loan(db), "waived", actor="小王")
    assert _everything(db) == before


def test_a_copy_not_lent_to_that_reader_is_refused(db, room):
    with pytest.raises(Refused), db.read() as session:
        losses.loan_of(session, "R000002", "00000001")


def test_a_loan_already_closed_cannot_be_lost_again(db, room):
    loan_id = _loan(db)
    with db.write() as session:
        losses.report_lost(session, loan_id, "waived", actor="老李")
    with pytest.raises(Refused), db.write() as session:
        losses.report_lost(session, loan_id, "waived", actor="老李")


def test_a_loss_is_not_counted_as_a_return(db, room):
    from bookroom_desk.services.common.periods import Period
    from bookroom_desk.services.reporting import period_facts, statistics

    with db.write() as session:
        past_loan(session, "00000002", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    with db.read() as session:
        before = statistics.key_figures(session).returns_this_year
    with db.write() as session:
        losses.report_lost(session, _loan(db), "waived", actor="老李")
        session.get(Loan, losses.loan_of(session, "R000002", "00000002")).returned_at = dt.datetime(2026, 11, 24, 9)
    with db.read() as session:
        assert statistics.key_figures(session).returns_this_year == before + 1
        facts = period_facts.period_facts(session, Period.year(2026))
        assert facts.returns_by_month == {(2026, 11): 1}
