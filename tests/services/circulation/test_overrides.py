"""An administrator lends past a refusal (借满, 逾期) with a reason, kept on the loan, shown in the audit log and history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput, Refused
from bookroom_desk.services.access import audit
from bookroom_desk.services.circulation import desk, overrides
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.readers import records
from bookroom_desk.store.models import Copy, Loan
from tests.support.desk_room import category, open_loans, past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer


@pytest.fixture
def room(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        room = small_room(session)
        category(session).max_loans = 1
        past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 20), dt.date(2026, 12, 20))
        return room


def _loans(db) -> list[tuple]:
    with db.read() as session:
        return session.execute(select(Loan.copy_id, Loan.reader_id, Loan.returned_at, Loan.override_kinds,
                                      Loan.override_reason, Loan.override_by).order_by(Loan.id)).all()


def _refused_at_limit(db, room, actor="老李"):
    counter = DeskCounter()
    counter.scan(db.write, "R000001", actor=actor)
    refused = counter.scan(db.write, "00000005", actor=actor)
    return counter, refused


def test_a_limit_refusal_offers_an_override_that_says_an_administrator_can(db, room):
    _counter, refused = _refused_at_limit(db, room, actor="小王")
    assert refused.action == "refused"
    assert refused.offer.kind == overrides.OVERRIDE and refused.offer.refusals == ("limit",)
    assert "管理员可按 F10" in refused.offer.message()


def test_the_administrator_lends_past_the_limit_and_the_loan_keeps_why(db, room):
    counter, _refused = _refused_at_limit(db, room)
    lent = counter.override(db.write, "  部门读书活动  ", actor="老李")
    assert lent.action == "lent", lent.message()
    assert "管理员放行（已借满）" in lent.message() and "部门读书活动" in lent.message()
    last = _loans(db)[-1]
    assert last[1] == room.zhang and last[2] is None and last[3:] == ("limit", "部门读书活动", "老李")
    with db.read() as session:
        line = audit.lines(session, audit.AuditFilter(kinds=("override",)))
        assert len(line) == 1 and line[0].actor == "老李"
        assert "00000005" in line[0].detail and "R000001" in line[0].detail and "部门读书活动" in line[0].detail
        assert [(x.barcode, x.override_reason) for x in records.open_loans(session, room.zhang)] == [
            ("00000004", None), ("00000005", "部门读书活动")]


def test_a_volunteer_is_refused_and_nothing_is_written_and_the_offer_stays(db, room):
    counter, _refused = _refused_at_limit(db, room, actor="小王")
    before = _loans(db)
    refused = counter.override(db.write, "部门读书活动", actor="小王")
    assert refused.action == "refused" and "只有管理员可以放行扫码台拒绝的借书" in refused.message()
    assert _loans(db) == before
    assert counter.offer is not None and counter.offer.kind == overrides.OVERRIDE
    assert counter.override(db.write, "部门读书活动", actor="老李").action == "lent"


@pytest.mark.parametrize("reason", ["", "   ", None, "\u200b"])
def test_a_reason_is_required(db, room, reason):
    _counter, refused = _refused_at_limit(db, room)
    before = _loans(db)
    with pytest.raises(InvalidInput, match="请写明放行的原因"), db.write() as session:
        overrides.accept(session, refused.offer, reason, actor="老李")
    assert _loans(db) == before


def test_the_service_refuses_a_volunteer(db, room):
    _counter, refused = _refused_at_limit(db, room)
    with pytest.raises(Refused), db.write() as session:
        overrides.accept(session, refused.offer, "理由", actor="小王")


def test_limit_and_overdue_at_once_are_let_through_together(db, room):
    with db.write() as session:
        past_loan(session, "00000006", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    _counter, refused = _refused_at_limit(db, room)
    assert refused.offer.refusals == ("limit", "overdue")
    with db.write() as session:
        lent = overrides.accept(session, refused.offer, "主任批准", actor="老李")
    assert lent.action == "lent" and "已借满、有逾期未还" in lent.message()
    assert _loans(db)[-1][3] == "limit,overdue"


def test_an_overdue_block_alone_is_overridable(db, room):
    with db.write() as session:
        category(session).max_loans = 5
        past_loan(session, "00000006", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    _counter, refused = _refused_at_limit(db, room)
    assert refused.offer.refusals == ("overdue",)


def test_a_rule_still_refusing_is_shown_and_nothing_written(db, room):
    _counter, refused = _refused_at_limit(db, room)
    with db.write() as session:
        session.scalar(select(Copy).where(Copy.barcode == "00000005")).status = "repair"
    before = _loans(db)
    with db.write() as session:
        again = overrides.accept(session, refused.offer, "理由", actor="老李")
    assert again.action == "refused" and again.offer.kind == "reinstate"
    assert _loans(db) == before


def test_other_refusals_offer_no_override(db, room):
    counter = DeskCounter()
    counter.scan(db.write, "R000003", actor="老李")  # suspended
    with db.write() as session:
        refused = desk.check_out(session, room.wang, "00000005", actor="老李")
    assert refused.action == "refused" and refused.offer is None


def test_undo_takes_the_overridden_loan_back(db, room):
    counter, _refused = _refused_at_limit(db, room)
    counter.override(db.write, "部门读书活动", actor="老李")
    undone = counter.undo(db.write, actor="老李")
    assert undone.action == "undone"
    with db.read() as session:
        assert open_loans(session, room.zhang) == [("00000004", room.zhang)]
        assert session.scalar(select(func.count(Loan.id)).where(Loan.override_by.is_not(None))) == 0
        assert audit.lines(session, audit.AuditFilter(kinds=("override",))) == []


def test_f9_on_an_override_offer_points_to_f10(db, room):
    counter, _refused = _refused_at_limit(db, room)
    hint = counter.accept_offer(db.write, actor="老李")
    assert hint.action == "hint" and "F10" in hint.message()
    assert counter.offer.kind == overrides.OVERRIDE


def test_a_new_refusal_kind_can_be_registered_by_name(monkeypatch):
    monkeypatch.setitem(overrides.REFUSALS, "held", "预约保留")
    offer = overrides.offer(1, 2, "张伟", False, "held")
    assert offer.refusals == ("held",) and overrides.what(offer.refusals).message() == "预约保留"


def test_a_readers_data_has_the_override_and_erasing_them_takes_their_name_out_of_the_reason(db, room):
    from bookroom_desk.services.access import privacy

    counter, _refused = _refused_at_limit(db, room)
    counter.override(db.write, "张伟 要参加技能比赛", actor="老李")
    with db.write() as session:
        data = privacy.reader_data(session, "R000001", actor="老李")
    assert [loan["override_reason"] for loan in data["loans"]] == [None, "张伟 要参加技能比赛"]
    with db.write() as session:
        for loan in session.scalars(select(Loan)):
            loan.returned_at = dt.datetime(2026, 11, 24, 10)
    with db.write() as session:
        privacy.erase_reader(session, "R000001", actor="老李")
    with db.read() as session:
        assert session.scalars(select(Loan.override_reason).where(Loan.override_by.is_not(None))).all() == [
            "（已删除） 要参加技能比赛"]
