"""The desk's counter: what one scan leaves open for the next (reader, choice, offer, undo), checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.services.circulation import desk
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Renewal
from tests.support.desk_room import (
    ISBN,
    ISBN_ONE,
    assert_on_loan_exactly_when_lent,
    copy_status,
    open_loans,
    past_loan,
    small_room,
)

ACTOR = "小王"


@pytest.fixture
def room(db):
    with db.write() as session:
        return small_room(session)


@pytest.fixture
def counter():
    return DeskCounter()


def scan(db, counter: DeskCounter, *codes: str):
    """Scan each code in turn, as the desk does (one unit of work each); the last result."""
    result = None
    for code in codes:
        result = counter.scan(db.write, code, actor=ACTOR)
    return result


def loans(db, reader_id=None):
    with db.read() as session:
        return open_loans(session, reader_id)


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row the desk writes: copies, loans, renewals and copy events."""
    with db.read() as session:
        return {table.name: [tuple(row) for row in session.execute(select(table).order_by(*table.primary_key))]
                for table in (Copy.__table__, Loan.__table__, Renewal.__table__, CopyEvent.__table__)}


def test_a_card_opens_the_reader_and_the_copies_after_it_are_lent_to_them(db, room, counter):
    opened = scan(db, counter, " r000001\n")
    assert (opened.action, opened.tone, counter.reader_id) == ("reader", Tone.OK, room.zhang)
    lent = scan(db, counter, "00000004", "00000005")
    assert (lent.action, lent.tone, lent.due_on) == ("lent", Tone.OK, dt.date(2026, 12, 24))
    assert counter.reader_id == room.zhang and [r.code for r in counter.done] == ["00000004", "00000005"]
    assert loans(db) == [("00000004", room.zhang), ("00000005", room.zhang)]
    with db.read() as session:
        assert set(session.scalars(select(Loan.lent_by))) == {ACTOR}
        assert copy_status(session, "00000004") == "on_loan"


def test_a_copy_scanned_with_no_reader_open_is_returned(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 14))
    result = scan(db, counter, "00000004")
    assert (result.action, result.tone, result.days_late, counter.reader_id) == ("returned", Tone.WARNING, 10, None)
    assert "李娜" in result.message() and "逾期 10 天" in result.message()
    assert loans(db) == []
    with db.read() as session:
        assert copy_status(session, "00000004") == "available"
        assert session.scalar(select(Loan.returned_by)) == ACTOR


def test_an_isbn_of_several_copies_waits_for_the_pick(db, room, counter):
    asked = scan(db, counter, "R000002", ISBN)
    assert asked.action == "choose" and asked.tone is Tone.WARNING
    assert counter.choices == ("00000001", "00000002", "00000003") and loans(db) == []
    picked = scan(db, counter, "2")
    assert picked.action == "lent" and counter.choices == ()
    assert loans(db) == [("00000002", room.li)]
    assert scan(db, counter, "3").tone.alarming and loans(db) == [("00000002", room.li)]  # the choice is gone


def test_an_isbn_of_one_copy_acts_at_once(db, room, counter):
    assert scan(db, counter, "R000001", ISBN_ONE).action == "lent" and counter.choices == ()
    assert loans(db) == [("00000009", room.zhang)]


def test_an_offer_accepted_returns_then_lends(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    refused = scan(db, counter, "R000001", "00000004")
    assert refused.action == "refused" and counter.offer is not None and counter.offer.kind == "return_then_lend"
    accepted = counter.accept_offer(db.write, actor=ACTOR)
    assert accepted.action == "lent" and "李娜" in accepted.message() and "张伟" in accepted.message()
    assert counter.offer is None and counter.reader_id == room.zhang
    assert loans(db) == [("00000004", room.zhang)]


def test_an_offer_declined_by_scanning_on_or_closing_is_gone(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    scan(db, counter, "R000001", "00000004")
    assert counter.offer is not None
    scan(db, counter, "00000005")  # the next scan declines it
    assert counter.offer is None
    before = snapshot(db)
    hint = counter.accept_offer(db.write, actor=ACTOR)
    assert (hint.action, hint.tone) == ("hint", Tone.WARNING) and "没有待确认" in hint.message()
    assert snapshot(db) == before
    scan(db, counter, "00000004")
    assert counter.offer is not None
    closed = counter.close_reader()
    assert closed.action == "closed" and counter.reader_id is None and counter.offer is None
    assert counter.close_reader() is None  # nothing left to close
    assert loans(db) == [("00000004", room.li), ("00000005", room.zhang)]


def test_undo_of_a_loan_restores_the_database_exactly(db, room, counter):
    scan(db, counter, "R000001")
    before = snapshot(db)
    scan(db, counter, "00000004")
    undone = counter.undo(db.write, actor=ACTOR)
    assert undone.action == "undone" and "借出" in undone.message()
    assert snapshot(db) == before and counter.done == () and counter.reader_id == room.zhang
    hint = counter.undo(db.write, actor=ACTOR)
    assert hint.action == "hint" and "没有可以撤销" in hint.message()


def test_undo_of_a_return_restores_the_database_exactly(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 14))
        session.scalar(select(Copy).where(Copy.barcode == "00000008")).status = "missing"
    before = snapshot(db)
    assert scan(db, counter, "00000004").action == "returned"
    assert scan(db, counter, "00000008").action == "found"  # with a CopyEvent
    assert snapshot(db) != before
    counter.undo(db.write, actor=ACTOR)
    counter.undo(db.write, actor=ACTOR)
    assert snapshot(db) == before and counter.done == ()


def test_an_undo_refused_by_a_later_change_keeps_the_state_and_stores_nothing(db, room, counter):
    scan(db, counter, "R000001", "00000004")
    with db.write() as session:  # another desk takes the book back meanwhile
        desk.check_in(session, "00000004", actor="别的台")
    before = snapshot(db)
    refused = counter.undo(db.write, actor=ACTOR)
    assert refused.action == "refused" and refused.tone is Tone.REFUSED and "无法撤销" in refused.message()
    assert snapshot(db) == before and len(counter.done) == 1 and counter.reader_id == room.zhang


def test_a_bug_half_way_stores_nothing_and_the_desk_carries_on(db, room, counter, monkeypatch):
    def broken(session, copy, actor):
        session.add(Loan(copy_id=copy.id, reader_id=copy.reader_id, out_at=dt.datetime(2026, 11, 24),
                         due_on=dt.date(2026, 12, 24)))
        session.flush()
        raise RuntimeError("power cut")

    scan(db, counter, "R000001")
    monkeypatch.setattr(desk, "_lend", broken)
    failed = scan(db, counter, "00000004")
    assert failed.tone is Tone.REFUSED and failed.message() == desk.INTERNAL_ERROR
    assert loans(db) == [] and counter.reader_id == room.zhang and counter.done == ()
    monkeypatch.undo()
    assert scan(db, counter, "00000004").action == "lent"


def test_a_second_card_switches_the_reader(db, room, counter):
    scan(db, counter, "R000001", "00000004", "R000002", "00000005")
    assert counter.reader_id == room.li
    assert loans(db) == [("00000004", room.zhang), ("00000005", room.li)]
    counter.undo(db.write, actor=ACTOR)  # undo keeps the reader now open
    assert counter.reader_id == room.li and loans(db) == [("00000004", room.zhang)]


def test_keys_with_nothing_to_act_on_are_hints_that_change_nothing(db, room, counter):
    for hint in (counter.renew(db.write, None, actor=ACTOR), counter.renew_all(db.write, actor=ACTOR)):
        assert (hint.action, hint.tone) == ("hint", Tone.REFUSED) and "请先扫描读者证" in hint.message()
    scan(db, counter, "R000001", "00000004", "00000005")
    hint = counter.renew(db.write, None, actor=ACTOR)  # two loans, none chosen
    assert (hint.action, hint.tone) == ("hint", Tone.WARNING) and "F5" in hint.message()
    assert counter.reader_id == room.zhang and len(counter.done) == 2
    assert counter.scan(db.write, "  ", actor=ACTOR) is None


def test_f5_with_none_chosen_renews_the_only_loan(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 11, 28))
    scan(db, counter, "R000001")
    renewed = counter.renew(db.write, None, actor=ACTOR)
    assert renewed.action == "renewed" and renewed.due_on == dt.date(2026, 12, 24)
    with db.read() as session:
        assert session.scalar(select(Loan.due_on)) == dt.date(2026, 12, 24)
        assert session.scalar(select(func.count(Renewal.id))) == 1


def test_unknown_codes_are_told_apart_from_refusals(db, room, counter):
    assert scan(db, counter, "87654321").tone is Tone.UNKNOWN
    assert scan(db, counter, "ABC-123").tone is Tone.UNKNOWN
    assert scan(db, counter, "R999999").tone is Tone.UNKNOWN
    assert scan(db, counter, "SJ-A01").tone is Tone.REFUSED
    assert all(scan(db, counter, code).tone.alarming for code in ("87654321", "SJ-A01"))


CODES = ["R000001", "R000002", "R000003", "R000004", "R999999", *[f"{n:08d}" for n in range(1, 10)], "87654321",
         ISBN, ISBN_ONE, "SJ-A01", "1", "2", "3", "hello"]
KEYS = ["undo", "offer", "close", "renew_all"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(CODES), st.sampled_from(KEYS)), max_size=25))
def test_any_sequence_keeps_the_books_straight_and_undoing_everything_returns_to_the_start(db, sequence):
    with db.write() as session:
        if session.scalar(select(func.count(Copy.id))) == 0:
            room = small_room(session)
            past_loan(session, "00000006", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 1))
            session.scalar(select(Copy).where(Copy.barcode == "00000007")).status = "withdrawn"
            session.scalar(select(Copy).where(Copy.barcode == "00000008")).status = "missing"
    start = snapshot(db)
    counter = DeskCounter()
    for item in sequence:
        if item == "undo":
            result = counter.undo(db.write, actor=ACTOR)
        elif item == "offer":
            result = counter.accept_offer(db.write, actor=ACTOR)
        elif item == "close":
            result = counter.close_reader()
        elif item == "renew_all":
            result = counter.renew_all(db.write, actor=ACTOR)
        else:
            result = counter.scan(db.write, item, actor=ACTOR)
        assert result is None or result.message()
    with db.read() as session:
        assert_on_loan_exactly_when_lent(session)
    while counter.done:
        assert counter.undo(db.write, actor=ACTOR).action == "undone"
    assert snapshot(db) == start


def test_a_visit_ends_with_the_loans_it_made_and_not_undone(db, room, counter):
    scan(db, counter, "R000001", "00000004")
    first = counter.done[-1].steps[0].loan_id
    scan(db, counter, "00000005")
    assert counter.ended is None  # still open
    counter.undo(db.write, actor=ACTOR)
    assert counter.ended is None
    scan(db, counter, "R000002")
    assert counter.ended.reader_id == room.zhang and counter.ended.loan_ids == (first,)
    scan(db, counter, "00000005")
    assert counter.ended is None
    counter.undo(db.write, actor=ACTOR)  # 李娜's only loan taken back, then an undo reaching 张伟's visit
    counter.undo(db.write, actor=ACTOR)
    closed = counter.close_reader()
    assert closed.action == "closed" and counter.ended.reader_id == room.li and counter.ended.loan_ids == ()
    assert counter.close_reader() is None and counter.ended is None
