"""Shelving by scan at the desk, and where a returned book goes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.services.catalogue import copies
from bookroom_desk.services.circulation import after_scan
from bookroom_desk.services.circulation import desk as c
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.circulation.results import OpenShelf
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.store.models import Copy, CopyEvent, Shelf, Title
from tests.support.desk_room import copy_status, open_loans, past_loan, small_room


@pytest.fixture
def room(session):
    room = small_room(session)
    session.add_all([Shelf(code="A01", name="文学", class_from="I", class_to="I"),
                      Shelf(code="D01", name="政治法律", class_from="D", class_to="D")])
    session.flush()
    return room


def shelf_id(session, code):
    return session.scalar(select(Shelf.id).where(Shelf.code == code))


def home(session, barcode):
    return session.scalar(select(Shelf.code).join(Copy, Copy.shelf_id == Shelf.id).where(Copy.barcode == barcode))


def test_a_shelf_label_opens_shelving_and_closes_the_reader(session, room):
    result = c.scan(session, "SJ-A01", room.zhang, actor=OPERATOR)
    assert (result.action, result.tone, result.reader_id, result.shelf_code) == ("shelf", Tone.OK, None, "A01")
    assert result.shelf_id == shelf_id(session, "A01")
    assert "A01" in result.message() and "文学" in result.message() and "I 类" in result.message()


def test_an_unknown_shelf_label_is_refused_and_keeps_what_was_open(session, room):
    result = c.scan(session, "SJ-Z99", room.zhang, actor=OPERATOR)
    assert (result.action, result.reader_id, result.shelf_id) == ("refused", room.zhang, None)
    assert "Z99" in result.message()
    open_a = OpenShelf(shelf_id(session, "A01"), "A01")
    kept = c.scan(session, "SJ-Z99", None, actor=OPERATOR, shelf=open_a)
    assert (kept.shelf_id, kept.shelf_code) == open_a


def test_a_copy_scanned_while_shelving_goes_on_the_shelf_with_its_history(session, room):
    a01 = OpenShelf(shelf_id(session, "A01"), "A01")
    result = c.scan(session, "00000001", None, actor="小王", shelf=a01)
    assert (result.action, result.tone, result.shelf_id) == ("shelved", Tone.OK, a01[0])
    assert home(session, "00000001") == "A01"
    assert result.place is not None and result.place.shelf_code == "A01"
    event = session.scalar(select(CopyEvent).where(CopyEvent.kind == "moved"))
    assert (event.detail, event.by) == ("- → A01", "小王")
    assert [line.kind for line in copies.history(session, "00000001")] == ["moved"]
    again = c.scan(session, "00000001", None, actor="小王", shelf=a01)
    assert (again.action, again.steps) == ("same", ())
    assert "本来就在书架 A01" in again.message()


def test_moving_from_another_shelf_names_both(session, room):
    d01 = OpenShelf(shelf_id(session, "D01"), "D01")
    c.scan(session, "00000001", None, actor=OPERATOR, shelf=d01)
    result = c.scan(session, "00000001", None, actor=OPERATOR, shelf=OpenShelf(shelf_id(session, "A01"), "A01"))
    assert "从书架 D01 移到书架 A01" in result.message()


def test_a_copy_outside_the_shelf_class_range_is_a_warning_not_a_refusal(session, room):
    result = c.scan(session, "00000001", None, actor=OPERATOR, shelf=OpenShelf(shelf_id(session, "D01"), "D01"))
    assert (result.action, result.tone) == ("shelved", Tone.WARNING)
    assert home(session, "00000001") == "D01"
    assert "I247" in result.message() and "D 类" in result.message() and "已放上书架 D01" in result.message()


def test_a_copy_on_loan_is_returned_then_shelved_and_undo_takes_both_back(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 20))
    a01 = OpenShelf(shelf_id(session, "A01"), "A01")
    result = c.scan(session, "00000004", None, actor=OPERATOR, shelf=a01)
    assert (result.action, result.tone, result.reader_name) == ("shelved", Tone.WARNING, "李娜")
    assert "逾期 4 天" in result.message() and "A01" in result.message()
    assert open_loans(session) == [] and copy_status(session, "00000004") == "available"
    assert home(session, "00000004") == "A01"
    undone = after_scan.undo(session, result, actor=OPERATOR, shelf=a01)
    assert (undone.action, undone.shelf_id) == ("undone", a01[0])
    assert open_loans(session) == [("00000004", room.li)] and copy_status(session, "00000004") == "on_loan"
    assert home(session, "00000004") is None
    assert session.scalar(select(CopyEvent).where(CopyEvent.kind == "moved")) is None


def test_a_missing_copy_is_found_by_shelving(session, room):
    session.scalar(select(Copy).where(Copy.barcode == "00000002")).status = "missing"
    session.flush()
    result = c.scan(session, "00000002", None, actor=OPERATOR, shelf=OpenShelf(shelf_id(session, "A01"), "A01"))
    assert result.action == "shelved" and "找回" in result.message()
    assert copy_status(session, "00000002") == "available"
    assert sorted(e.kind for e in session.scalars(select(CopyEvent))) == ["found", "moved"]


@pytest.mark.parametrize("status", ["withdrawn", "lost", "repair", "processing"])
def test_removed_or_flagged_copies_are_refused_and_the_shelf_stays_open(session, room, status):
    session.scalar(select(Copy).where(Copy.barcode == "00000002")).status = status
    session.flush()
    a01 = OpenShelf(shelf_id(session, "A01"), "A01")
    result = c.scan(session, "00000002", None, actor=OPERATOR, shelf=a01)
    assert (result.action, result.shelf_id, result.steps) == ("refused", a01[0], ())
    assert home(session, "00000002") is None and session.scalar(select(CopyEvent)) is None


def test_an_isbn_while_shelving_asks_for_the_copy_barcode(session, room):
    isbn = session.scalar(select(Title.isbn).where(Title.title == "红楼梦"))
    result = c.scan(session, isbn, None, actor=OPERATOR, shelf=OpenShelf(shelf_id(session, "A01"), "A01"))
    assert (result.action, result.shelf_code) == ("refused", "A01")
    assert "图书条码" in result.message() and home(session, "00000001") is None


def test_a_return_says_where_the_book_goes(session, room):
    copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
    copy.shelf_id, copy.volume_mark = shelf_id(session, "D01"), "2"
    copy.title.call_number = "D922.5/12"
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.action == "returned"
    assert (result.place.shelf_code, result.place.shelf_name, result.place.call_number) == ("D01", "政治法律", "D922.5/12:2")


def test_a_flagged_return_gives_no_shelf(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "repair"
    session.flush()
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.action == "returned" and result.place is None


def test_the_counter_keeps_shelving_until_esc_or_a_card(db):
    with db.write() as session:
        small_room(session)
        session.add(Shelf(code="A01", name="文学", class_from="I", class_to="I"))
    counter = DeskCounter()
    counter.scan(db.write, "SJ-A01", actor=OPERATOR)
    assert counter.shelf is not None and counter.reader_id is None
    assert counter.scan(db.write, "00000001", actor=OPERATOR).action == "shelved"
    assert counter.scan(db.write, "nonsense", actor=OPERATOR).action == "refused"
    assert counter.shelf is not None  # a refusal keeps shelving open
    undone = counter.undo(db.write, actor=OPERATOR)
    assert undone.action == "undone" and counter.shelf is not None
    with db.read() as session:
        assert home(session, "00000001") is None
    assert counter.close_reader().action == "closed" and counter.shelf is None
    counter.open_shelf(db.read, "A01")
    counter.scan(db.write, "R000001", actor=OPERATOR)
    assert counter.shelf is None and counter.reader_id is not None


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(codes=st.lists(st.sampled_from(["00000001", "00000004", "00000009", "SJ-A01", "SJ-D01", "SJ-X", "", "zz",
                                       "R000002"]), max_size=12))
def test_any_scan_sequence_while_shelving_keeps_every_copy_on_a_known_shelf(db, codes):
    with db.write() as session:
        if session.scalar(select(Shelf)) is None:
            small_room(session)
            session.add_all([Shelf(code="A01", class_from="I", class_to="I"), Shelf(code="D01")])
    counter = DeskCounter()
    counter.scan(db.write, "SJ-A01", actor=OPERATOR)
    for code in codes:
        result = counter.scan(db.write, code, actor=OPERATOR)
        assert result is None or result.reader_id is None or counter.shelf is None  # never both open
        if result is not None and result.action == "shelved":
            with db.read() as session:
                assert home(session, result.code) == counter.shelf[1]
    with db.read() as session:
        assert all(code in (None, "A01", "D01") for code in session.scalars(
            select(Shelf.code).join(Copy, Copy.shelf_id == Shelf.id, isouter=True)))


def test_a_copy_on_loan_that_cannot_be_shelved_keeps_its_loan(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 20))
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "repair"  # flagged while out
    session.flush()
    result = c.scan(session, "00000004", None, actor=OPERATOR, shelf=OpenShelf(shelf_id(session, "A01"), "A01"))
    assert (result.action, result.steps) == ("refused", ())
    assert open_loans(session) == [("00000004", room.li)] and home(session, "00000004") is None
